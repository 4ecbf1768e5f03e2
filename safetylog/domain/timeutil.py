"""Instants are stored as UTC; the local Copenhagen calendar facts are derived once, at write time.

Statistics are about local time of day, and deriving it in SQL is dialect-specific and slow, so
``LocalStamp`` is stored beside every instant that statistics group by.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from safetylog.domain.enums import Shift

COPENHAGEN = ZoneInfo("Europe/Copenhagen")

DAY_START_HOUR = 7
EVENING_START_HOUR = 15
NIGHT_START_HOUR = 23


def _system_clock() -> datetime:
    return datetime.now(UTC)


# The one clock of the whole program: every "now" and "today", in the core and the windows, is read
# through ``utcnow`` so a test (or a demo) that sets this source moves all of them together.
clock_source: Callable[[], datetime] = _system_clock


def utcnow() -> datetime:
    return clock_source()


def now_local() -> datetime:
    """The Copenhagen wall clock, whatever time zone the PC is set to."""
    return utcnow().astimezone(COPENHAGEN)


def today_local() -> date:
    return now_local().date()


def now_minute_local() -> datetime:
    """Now in Copenhagen to the minute: the default time of a new incident."""
    return now_local().replace(second=0, microsecond=0)


def as_utc(moment: datetime) -> datetime:
    """A naive datetime is taken as Copenhagen wall-clock time, as staff type it."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=COPENHAGEN)
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(COPENHAGEN)


def shift_for_hour(hour: int) -> Shift:
    if DAY_START_HOUR <= hour < EVENING_START_HOUR:
        return Shift.DAY
    if EVENING_START_HOUR <= hour < NIGHT_START_HOUR:
        return Shift.EVENING
    return Shift.NIGHT


@dataclass(frozen=True, slots=True)
class LocalStamp:
    """Copenhagen calendar facts for one instant."""

    local_date: date
    weekday: int  # Monday = 0
    hour: int
    shift: Shift
    shift_date: date  # the date the shift began: 02:40 on the 5th belongs to the night of the 4th


def local_stamp(moment: datetime) -> LocalStamp:
    local = to_local(moment)
    shift = shift_for_hour(local.hour)
    shift_date = local.date()
    if shift is Shift.NIGHT and local.hour < DAY_START_HOUR:
        shift_date -= timedelta(days=1)
    return LocalStamp(local.date(), local.weekday(), local.hour, shift, shift_date)


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """UTC instants of local midnight at the start and end of ``day`` (23 or 25 hours on DST days)."""
    start = datetime(day.year, day.month, day.day, tzinfo=COPENHAGEN)
    end_day = day + timedelta(days=1)
    end = datetime(end_day.year, end_day.month, end_day.day, tzinfo=COPENHAGEN)
    return start.astimezone(UTC), end.astimezone(UTC)
