"""Rules of a session that need no request: who may write what, versions, action points.

Kept apart from the models and views so the tests can check each rule on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Slot(StrEnum):
    """What a note is: its place in the session."""

    SITUATION = "inbreng"  # the inbrenger's situation and question (session level)
    NOTES = "notities"  # the shared notes of a phase (live)
    ANSWER = "antwoord"  # one member's written answer to a phase (written)
    RESPONSE = "reactie"  # the inbrenger's written response to a phase (written)
    CONCLUSIONS = "conclusies"  # session level


SESSION_LEVEL = {Slot.SITUATION, Slot.CONCLUSIONS}


class Status(StrEnum):
    """A session's course: planned, held (live, or open for writing), finished."""

    PLANNED = "gepland"
    RUNNING = "bezig"
    FINISHED = "afgerond"


class Mode(StrEnum):
    """Together at one table, or each member in writing before a deadline."""

    LIVE = "live"
    WRITTEN = "schriftelijk"


SESSION_ROLES = ("chair", "presenter", "scribe")  # gespreksleider, inbrenger, notulist


@dataclass(frozen=True)
class Roles:
    """The people of one session, by user id (None: not chosen or account deleted)."""

    chair: int | None
    presenter: int | None
    scribe: int | None


def may_write(slot: Slot, mode: Mode, user_id: int, roles: Roles, *, leader: bool) -> bool:
    """Whether a member may write to a slot. Shared notes are open to every member, so a
    stand-in can take over from the notulist; answers are one's own."""
    if slot is Slot.SITUATION or slot is Slot.RESPONSE:
        return user_id == roles.presenter or (slot is Slot.SITUATION and leader)
    if slot is Slot.NOTES:
        return mode is Mode.LIVE
    if slot is Slot.ANSWER:
        return mode is Mode.WRITTEN and user_id != roles.presenter
    return True  # conclusions


def may_run(user_id: int, roles: Roles, *, leader: bool) -> bool:
    """The gespreksleider runs the timer and the phases; a begeleider can stand in."""
    return leader or user_id == roles.chair


def slot_key(slot: Slot, author_id: int | None) -> str:
    """The stored key of a note: answers are one per author, everything else one per phase."""
    return f"{slot.value}:{author_id}" if slot is Slot.ANSWER else slot.value


@dataclass(frozen=True)
class Conflict:
    """A save against an old version: nothing was applied; both texts go to the author."""

    theirs: str
    mine: str
    version: int


def check_version(current: int, base: int) -> bool:
    """A save applies only when it was written on top of the current version."""
    return current == base


class Review(StrEnum):
    """What the next session decides about an open action point."""

    DONE = "gedaan"
    CARRIED = "doorgeschoven"
    DROPPED = "vervallen"

    @property
    def status(self) -> PointStatus:
        """The point's status after the decision: a carried point stays open."""
        return PointStatus.OPEN if self is Review.CARRIED else PointStatus(self.value)


class PointStatus(StrEnum):
    OPEN = "open"
    DONE = "gedaan"
    DROPPED = "vervallen"
