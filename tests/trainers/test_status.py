"""The derived status of one student on one assigned item."""

from __future__ import annotations

from datetime import datetime

import pytest

from learn.trainers.status import Deadlines, Status, item_status, share_done

DUE = datetime(2026, 3, 10, 23, 59)
CUTOFF = datetime(2026, 3, 17, 23, 59)
BEFORE, BETWEEN, AFTER = datetime(2026, 3, 9), datetime(2026, 3, 12), datetime(2026, 3, 20)


@pytest.mark.parametrize(
    ("started", "done_at", "now", "expected"),
    [
        (False, None, BEFORE, Status.NEW),
        (True, None, BEFORE, Status.IN_PROGRESS),
        (True, BEFORE, BETWEEN, Status.DONE),
        (True, BETWEEN, BETWEEN, Status.LATE),
        (False, None, BETWEEN, Status.MISSING),
        (True, None, BETWEEN, Status.MISSING),
        (True, AFTER, AFTER, Status.MISSING),  # finished after the cut-off: does not count
    ],
)
def test_status_follows_the_dates(started, done_at, now, expected):
    deadlines = Deadlines(DUE, CUTOFF)
    assert item_status(deadlines, started=started, done_at=done_at, now=now) is expected


def test_without_a_due_date_nothing_is_late_or_missing():
    deadlines = Deadlines()
    assert item_status(deadlines, started=False, done_at=None, now=AFTER) is Status.NEW
    assert item_status(deadlines, started=True, done_at=AFTER, now=AFTER) is Status.DONE


def test_an_extension_moves_the_due_date_and_the_cut_off_with_it():
    extended = Deadlines(DUE, CUTOFF).extended(datetime(2026, 3, 25), excused=False)
    assert extended.due_at == datetime(2026, 3, 25) and extended.cutoff_at == datetime(2026, 3, 25)
    assert item_status(extended, started=True, done_at=AFTER, now=AFTER) is Status.DONE
    assert item_status(extended, started=False, done_at=None, now=AFTER) is Status.NEW


def test_an_excused_student_is_excused_whatever_they_did():
    excused = Deadlines(DUE, CUTOFF).extended(None, excused=True)
    assert item_status(excused, started=False, done_at=None, now=AFTER) is Status.EXCUSED
    assert item_status(excused, started=True, done_at=BEFORE, now=AFTER) is Status.EXCUSED


def test_share_done_counts_done_late_and_excused():
    assert share_done([]) == 0
    assert share_done([Status.DONE, Status.LATE, Status.MISSING, Status.NEW]) == 50
    assert share_done([Status.EXCUSED, Status.IN_PROGRESS]) == 50
