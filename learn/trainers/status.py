"""Status of one student on one assigned item, derived from dates; no Flask, no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    LATE = "late"  # done, but after the (possibly extended) due date
    MISSING = "missing"  # past due (or past cut-off) and not done in time
    EXCUSED = "excused"


@dataclass(frozen=True)
class Deadlines:
    """The dates that apply to one student: the class's, or their extension's."""

    due_at: datetime | None = None
    cutoff_at: datetime | None = None
    excused: bool = False

    def extended(self, due_at: datetime | None, excused: bool) -> Deadlines:
        """An extension moves the due date, and the cut-off with it when it would come first."""
        if excused:
            return Deadlines(self.due_at, self.cutoff_at, excused=True)
        if due_at is None:
            return self
        cutoff = self.cutoff_at
        if cutoff is not None and cutoff < due_at:
            cutoff = due_at
        return Deadlines(due_at, cutoff)


def item_status(
    deadlines: Deadlines, *, started: bool, done_at: datetime | None, now: datetime
) -> Status:
    """New, in progress, done, late, missing or excused.

    Work finished after the cut-off does not count: the item is missing.
    """
    if deadlines.excused:
        return Status.EXCUSED
    if done_at is not None and (deadlines.cutoff_at is None or done_at <= deadlines.cutoff_at):
        if deadlines.due_at is not None and done_at > deadlines.due_at:
            return Status.LATE
        return Status.DONE
    if deadlines.due_at is not None and now > deadlines.due_at:
        return Status.MISSING
    return Status.IN_PROGRESS if started or done_at is not None else Status.NEW


FINISHED = frozenset({Status.DONE, Status.LATE, Status.EXCUSED})


def share_done(statuses: list[Status]) -> int:
    """Percentage of items finished (done, late or excused), for the progress bar."""
    if not statuses:
        return 0
    return round(100 * sum(s in FINISHED for s in statuses) / len(statuses))
