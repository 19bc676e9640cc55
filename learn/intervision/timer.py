"""The phase timer, kept on the server so every member sees the same countdown.

Plain functions over a small value: the session row stores the three numbers, the
views call these and save the result. No clock is read in here; callers pass ``now``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

MAX_SECONDS = 4 * 60 * 60  # a phase never runs longer than four hours, extensions included


@dataclass(frozen=True)
class Timer:
    duration: int  # seconds allowed for the phase, extensions included
    elapsed: int = 0  # seconds counted in earlier runs (before the last pause)
    started_at: datetime | None = None  # running since; None while paused or not started

    @property
    def running(self) -> bool:
        return self.started_at is not None


def for_minutes(minutes: int) -> Timer:
    return Timer(duration=minutes * 60)


def used(timer: Timer, now: datetime) -> int:
    """Seconds of the phase used so far."""
    if timer.started_at is None:
        return timer.elapsed
    return timer.elapsed + max(0, int((now - timer.started_at).total_seconds()))


def remaining(timer: Timer, now: datetime) -> int:
    """Seconds left, never below zero (an overrun shows 0:00, see ``overrun``)."""
    return max(0, timer.duration - used(timer, now))


def overrun(timer: Timer, now: datetime) -> bool:
    return used(timer, now) > timer.duration


def deadline(timer: Timer) -> datetime | None:
    """When the running timer reaches zero; None when it is paused."""
    if timer.started_at is None:
        return None
    return timer.started_at + timedelta(seconds=timer.duration - timer.elapsed)


def start(timer: Timer, now: datetime) -> Timer:
    """Start or resume; starting a running timer changes nothing (a double click)."""
    return timer if timer.running else replace(timer, started_at=now)


def pause(timer: Timer, now: datetime) -> Timer:
    if not timer.running:
        return timer
    return Timer(duration=timer.duration, elapsed=used(timer, now), started_at=None)


def extend(timer: Timer, minutes: int) -> Timer:
    """More time for this phase; the countdown of a running timer simply moves on."""
    return replace(timer, duration=min(MAX_SECONDS, timer.duration + minutes * 60))


def next_phase(timer: Timer, minutes: int, now: datetime) -> Timer:
    """The timer of the phase that follows: it runs on if this one was running."""
    fresh = for_minutes(minutes)
    return start(fresh, now) if timer.running else fresh


def clock(seconds: int) -> str:
    """``12:05`` for 725 seconds: the countdown as text (pages without JavaScript)."""
    return f"{seconds // 60}:{seconds % 60:02d}"
