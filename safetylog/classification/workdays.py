"""Danish working days and the instants deadlines fall on.

A working day is Monday to Friday and not a Danish public holiday (Easter, Ascension, Whitsun,
Christmas, New Year; Store Bededag until 2023). Some workplaces, municipal offices among them,
also close on 1 May, Grundlovsdag (5 June), 24 and 31 December: those "customary days off" are
skipped only when asked for, because counting them as working days gives the stricter deadline.

Deadlines measured in days end at local midnight (Europe/Copenhagen) after the last day, so a
deadline on a summer-time change day is still the end of that calendar day, not 24 hours on.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays

from safetylog.domain.timeutil import local_day_bounds

WEEKEND = (5, 6)  # Saturday, Sunday


@lru_cache(maxsize=64)
def _holiday_names(year: int, customary: bool) -> dict[date, str]:
    categories = ("public", "optional") if customary else ("public",)
    calendar = holidays.country_holidays("DK", years=year, categories=categories, language="da")
    return dict(calendar.items())


def holiday_name(day: date, *, customary_days_off: bool = False) -> str | None:
    """The Danish name of the holiday on ``day``, or None on an ordinary day."""
    return _holiday_names(day.year, customary_days_off).get(day)


def is_working_day(day: date, *, customary_days_off: bool = False) -> bool:
    if day.weekday() in WEEKEND:
        return False
    return holiday_name(day, customary_days_off=customary_days_off) is None


def add_working_days(start: date, count: int, *, customary_days_off: bool = False) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself never counts)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, customary_days_off=customary_days_off):
            remaining -= 1
    return day


def end_of_local_day(day: date) -> datetime:
    """The UTC instant at which the Copenhagen calendar day ``day`` ends."""
    return local_day_bounds(day)[1]
