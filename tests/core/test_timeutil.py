"""Instants are stored as UTC; the Copenhagen date, weekday, hour and shift are derived beside them.

The two summer-time nights of 2026 are the hard cases: on 29 March local 02:00-03:00 does not
exist, and on 25 October local 02:00-03:00 happens twice. A night incident must stay on the
night shift that began the evening before, whichever of the two 02:30s it was.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from safetylog.domain.enums import Shift
from safetylog.domain.timeutil import (
    COPENHAGEN,
    as_utc,
    local_day_bounds,
    local_stamp,
    shift_for_hour,
    to_local,
)


def test_naive_input_is_read_as_copenhagen_wall_clock_time() -> None:
    # Winter: CET is UTC+1; summer: CEST is UTC+2.
    assert as_utc(datetime(2026, 1, 15, 14, 0)) == datetime(2026, 1, 15, 13, 0, tzinfo=UTC)
    assert as_utc(datetime(2026, 7, 15, 14, 0)) == datetime(2026, 7, 15, 12, 0, tzinfo=UTC)


def test_aware_input_keeps_its_instant_whatever_its_zone() -> None:
    tokyo = timezone(timedelta(hours=9))
    moment = datetime(2026, 6, 1, 9, 0, tzinfo=tokyo)
    assert as_utc(moment) == datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
    assert as_utc(moment).tzinfo is UTC
    assert to_local(moment) == datetime(2026, 6, 1, 2, 0, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("hour", "shift"),
    [(0, Shift.NIGHT), (6, Shift.NIGHT), (7, Shift.DAY), (14, Shift.DAY), (15, Shift.EVENING),
     (22, Shift.EVENING), (23, Shift.NIGHT)],
)
def test_shift_boundaries(hour: int, shift: Shift) -> None:
    assert shift_for_hour(hour) is shift


def test_a_0240_incident_belongs_to_the_night_shift_of_the_previous_day() -> None:
    stamp = local_stamp(datetime(2026, 11, 5, 2, 40))  # Thursday 02:40 local
    assert stamp.local_date == date(2026, 11, 5)
    assert stamp.weekday == 3
    assert stamp.hour == 2
    assert stamp.shift is Shift.NIGHT
    assert stamp.shift_date == date(2026, 11, 4)


def test_a_2330_incident_opens_the_night_shift_of_its_own_day() -> None:
    stamp = local_stamp(datetime(2026, 11, 4, 23, 30))
    assert stamp.shift is Shift.NIGHT
    assert stamp.shift_date == date(2026, 11, 4)


def test_evening_in_utc_can_be_the_next_local_day() -> None:
    # 23:30 UTC on 31 December is 00:30 local on New Year's Day: the local date is what counts.
    stamp = local_stamp(datetime(2026, 12, 31, 23, 30, tzinfo=UTC))
    assert stamp.local_date == date(2027, 1, 1)
    assert stamp.weekday == 4  # Friday
    assert stamp.hour == 0
    assert stamp.shift_date == date(2026, 12, 31)


@pytest.mark.parametrize(
    "utc_moment",
    [datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST, the first time round
     datetime(2026, 10, 25, 1, 30, tzinfo=UTC)],  # 02:30 CET, an hour later
)
def test_both_0230s_of_the_october_night_are_the_night_shift_of_the_24th(utc_moment: datetime) -> None:
    local = to_local(utc_moment)
    assert (local.hour, local.minute) == (2, 30)
    stamp = local_stamp(utc_moment)
    assert stamp.local_date == date(2026, 10, 25)
    assert stamp.weekday == 6  # Sunday
    assert stamp.hour == 2
    assert stamp.shift is Shift.NIGHT
    assert stamp.shift_date == date(2026, 10, 24)


def test_the_repeated_october_hour_is_two_instants_an_hour_apart() -> None:
    first = as_utc(datetime(2026, 10, 25, 2, 30, fold=0))
    second = as_utc(datetime(2026, 10, 25, 2, 30, fold=1))
    assert second - first == timedelta(hours=1)
    assert local_stamp(first) == local_stamp(second)


def test_the_missing_march_hour_still_gets_a_valid_night_stamp() -> None:
    # 02:30 on 29 March 2026 is never shown on a Danish clock; it is read with the winter offset.
    moment = as_utc(datetime(2026, 3, 29, 2, 30))
    assert moment == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    stamp = local_stamp(moment)
    assert stamp.local_date == date(2026, 3, 29)
    assert stamp.weekday == 6
    assert stamp.shift is Shift.NIGHT
    assert stamp.shift_date == date(2026, 3, 28)


def test_night_across_the_march_change_keeps_one_shift_date() -> None:
    # 01:59 CET and 03:01 CEST are two minutes apart and on the same night shift.
    before = datetime(2026, 3, 29, 0, 59, tzinfo=UTC)
    after = datetime(2026, 3, 29, 1, 1, tzinfo=UTC)
    assert (local_stamp(before).hour, local_stamp(after).hour) == (1, 3)
    assert local_stamp(before).shift_date == local_stamp(after).shift_date == date(2026, 3, 28)


@pytest.mark.parametrize(
    ("day", "hours"),
    [(date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 6, 1), 24)],
)
def test_local_day_bounds_are_23_or_25_hours_on_change_days(day: date, hours: int) -> None:
    start, end = local_day_bounds(day)
    assert end - start == timedelta(hours=hours)
    assert local_stamp(start).local_date == day
    assert local_stamp(end - timedelta(microseconds=1)).local_date == day
    assert local_stamp(end).local_date == day + timedelta(days=1)
