"""Dutch local time at the edges (learn/localtime.py), on both sides of both DST changes.

In 2027 summer time starts on Sunday 28 March and ends on Sunday 31 October."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from learn.localtime import (
    end_of_day,
    format_date,
    format_datetime,
    from_local,
    local_day,
    start_of_day,
    to_local,
)

CASES = [  # Dutch wall clock, UTC
    (datetime(2027, 3, 27, 14, 0), datetime(2027, 3, 27, 13, 0)),  # winter time, +01:00
    (datetime(2027, 3, 29, 14, 0), datetime(2027, 3, 29, 12, 0)),  # summer time, +02:00
    (datetime(2027, 10, 30, 14, 0), datetime(2027, 10, 30, 12, 0)),  # still summer time
    (datetime(2027, 11, 1, 9, 30), datetime(2027, 11, 1, 8, 30)),  # winter time again
]


@pytest.mark.parametrize(("local", "utc"), CASES)
def test_typed_dutch_time_is_stored_as_utc_and_shown_back(local, utc):
    assert from_local(local) == utc
    assert to_local(utc) == local
    assert format_datetime(utc) == f"{local:%d-%m-%Y %H:%M}"


def test_whole_days_start_and_end_at_dutch_midnight():
    assert start_of_day(date(2027, 3, 29)) == datetime(2027, 3, 28, 22, 0)
    assert end_of_day(date(2027, 3, 27)) == datetime(2027, 3, 27, 22, 59, 59)
    assert end_of_day(date(2027, 10, 30)) == datetime(2027, 10, 30, 21, 59, 59)
    assert end_of_day(date(2027, 11, 1)) == datetime(2027, 11, 1, 22, 59, 59)
    assert start_of_day(None) is None and end_of_day(None) is None


def test_the_day_shown_is_the_dutch_day():
    just_after_midnight = datetime(2027, 6, 15, 22, 30)  # 00:30 on 16 June in Amsterdam
    assert local_day(just_after_midnight) == date(2027, 6, 16)
    assert format_date(just_after_midnight) == "16-06-2027"
    assert format_date(start_of_day(date(2027, 4, 1))) == "01-04-2027"
    assert format_date(date(2027, 4, 1)) == "01-04-2027"  # a plain date stays that day
    assert format_date(None) == "" and format_datetime(None) == ""
