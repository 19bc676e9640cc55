"""The timer and the session rules as plain functions: no database, no clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from learn.intervision import timer
from learn.intervision.rules import (
    Mode,
    PointStatus,
    Review,
    Roles,
    Slot,
    check_version,
    may_run,
    may_write,
    slot_key,
)

T0 = datetime(2026, 12, 1, 20, 0, 0)


def at(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_a_new_timer_waits_with_its_full_time() -> None:
    clock = timer.for_minutes(5)
    assert not clock.running
    assert timer.remaining(clock, at(999)) == 300
    assert timer.deadline(clock) is None


def test_a_running_timer_counts_down_and_shows_the_same_deadline_to_everyone() -> None:
    clock = timer.start(timer.for_minutes(5), T0)
    assert timer.remaining(clock, at(61)) == 239
    assert timer.deadline(clock) == at(300)
    assert timer.clock(timer.remaining(clock, at(61))) == "3:59"


def test_pause_keeps_the_time_used_and_resume_goes_on_from_there() -> None:
    clock = timer.pause(timer.start(timer.for_minutes(5), T0), at(100))
    assert timer.remaining(clock, at(10_000)) == 200
    clock = timer.start(clock, at(500))
    assert timer.remaining(clock, at(550)) == 150
    assert timer.deadline(clock) == at(700)


def test_double_start_and_double_pause_change_nothing() -> None:
    clock = timer.start(timer.for_minutes(5), T0)
    assert timer.start(clock, at(50)) == clock
    paused = timer.pause(clock, at(60))
    assert timer.pause(paused, at(90)) == paused


def test_extend_adds_minutes_to_a_running_phase_up_to_the_cap() -> None:
    clock = timer.extend(timer.start(timer.for_minutes(5), T0), 5)
    assert timer.remaining(clock, at(60)) == 540
    huge = timer.extend(clock, 10_000)
    assert huge.duration == timer.MAX_SECONDS


def test_overrun_shows_zero_and_is_flagged() -> None:
    clock = timer.start(timer.for_minutes(1), T0)
    assert timer.remaining(clock, at(90)) == 0
    assert timer.overrun(clock, at(90))
    assert not timer.overrun(clock, at(30))


def test_the_next_phase_runs_on_only_when_this_one_was_running() -> None:
    running = timer.next_phase(timer.start(timer.for_minutes(1), T0), 10, at(30))
    assert running.running and timer.remaining(running, at(30)) == 600
    paused = timer.next_phase(timer.for_minutes(1), 10, at(30))
    assert not paused.running


def test_a_save_applies_only_on_top_of_the_current_version() -> None:
    assert check_version(3, 3)
    assert not check_version(4, 3)
    assert not check_version(0, 1)


ROLES = Roles(chair=1, presenter=2, scribe=3)


@pytest.mark.parametrize(
    ("slot", "mode", "user", "leader", "allowed"),
    [
        (Slot.SITUATION, Mode.LIVE, 2, False, True),
        (Slot.SITUATION, Mode.LIVE, 3, False, False),
        (Slot.SITUATION, Mode.LIVE, 9, True, True),  # a begeleider can fill it in
        (Slot.NOTES, Mode.LIVE, 4, False, True),
        (Slot.NOTES, Mode.WRITTEN, 4, False, False),
        (Slot.ANSWER, Mode.WRITTEN, 4, False, True),
        (Slot.ANSWER, Mode.WRITTEN, 2, False, False),  # the inbrenger responds instead
        (Slot.ANSWER, Mode.LIVE, 4, False, False),
        (Slot.RESPONSE, Mode.WRITTEN, 2, False, True),
        (Slot.RESPONSE, Mode.WRITTEN, 9, True, False),
        (Slot.CONCLUSIONS, Mode.LIVE, 4, False, True),
    ],
)
def test_who_may_write_what(slot, mode, user, leader, allowed) -> None:
    assert may_write(slot, mode, user, ROLES, leader=leader) is allowed


def test_the_chair_or_a_begeleider_runs_the_timer() -> None:
    assert may_run(1, ROLES, leader=False)
    assert may_run(7, ROLES, leader=True)
    assert not may_run(3, ROLES, leader=False)


def test_answers_are_one_per_author_everything_else_one_per_phase() -> None:
    assert slot_key(Slot.ANSWER, 5) == "antwoord:5"
    assert slot_key(Slot.NOTES, 5) == "notities"


def test_carrying_a_point_over_keeps_it_open() -> None:
    assert Review.CARRIED.status is PointStatus.OPEN
    assert Review.DONE.status is PointStatus.DONE
    assert Review.DROPPED.status is PointStatus.DROPPED
