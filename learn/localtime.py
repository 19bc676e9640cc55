"""Dutch local time at the edges: what people type and read is Europe/Amsterdam.

Kring stores naive UTC (see `learn.auth.models.utcnow`), so comparisons with "now" hold in
winter and in summer. Forms give naive wall-clock times in Dutch local time; pages show them
back the same way. Every conversion goes through here, so the DST rules live in one place
(zoneinfo and the system's time-zone data, which Debian ships).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Europe/Amsterdam")


def from_local(moment: datetime | None) -> datetime | None:
    """A Dutch wall-clock time (naive, as a form gives it) as naive UTC for the database.

    A time that does not exist (the hour skipped in March) or occurs twice (October) is read
    with the offset from before the change, as zoneinfo does by default."""
    if moment is None:
        return None
    return moment.replace(tzinfo=ZONE).astimezone(UTC).replace(tzinfo=None)


def to_local(moment: datetime | None) -> datetime | None:
    """A stored naive UTC moment as Dutch wall-clock time (naive), for showing."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(ZONE).replace(tzinfo=None)


def start_of_day(day: date | None) -> datetime | None:
    """00:00 Dutch time on ``day``, in UTC: "visible from" a day."""
    return from_local(datetime.combine(day, time())) if day else None


def end_of_day(day: date | None) -> datetime | None:
    """23:59:59 Dutch time on ``day``, in UTC: due on a day means due at its end."""
    return from_local(datetime.combine(day, time(23, 59, 59))) if day else None


def local_day(moment: datetime | date | None) -> date | None:
    """The Dutch calendar day of a stored moment (a plain date is already a day)."""
    if isinstance(moment, datetime):
        return to_local(moment).date()
    return moment


def format_datetime(moment: datetime | None) -> str:
    """Template filter ``local_datetime``: dd-mm-jjjj uu:mm in Dutch time."""
    return f"{to_local(moment):%d-%m-%Y %H:%M}" if moment else ""


def format_date(moment: datetime | date | None) -> str:
    """Template filter ``local_date``: dd-mm-jjjj of the Dutch day."""
    return f"{local_day(moment):%d-%m-%Y}" if moment else ""
