"""Periods: a calendar month, the period before, the same dates a year earlier, and the rolling
periods the lists filter by ("last 30 days", "last 12 months", "this year"), all counted in
Copenhagen days. The windows take their dates from here and do no date arithmetic themselves."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from safetylog.summaries.model import SummaryScope


def month_bounds(year: int, month: int) -> tuple[date, date]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last)


def is_whole_month(scope: SummaryScope) -> bool:
    start, end = month_bounds(scope.date_from.year, scope.date_from.month)
    return scope.date_from == start and scope.date_to == end


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _same_days(year: int, month: int, last_day: int) -> tuple[date, date]:
    """Day 1 to ``last_day`` of a month (its last day if the month is shorter)."""
    start, end = month_bounds(year, month)
    return start, min(end, start.replace(day=min(last_day, end.day)))


def month_so_far(year: int, month: int, today: date) -> tuple[date, date] | None:
    """The days of a month up to ``today`` when the month is under way; None when it is over.
    (A month that has not begun is the caller's to refuse.)"""
    start, end = month_bounds(year, month)
    return (start, today) if start <= today < end else None


def previous_scope(scope: SummaryScope) -> SummaryScope:
    """The month before for a whole month, the same days of the month before for a month under
    way; otherwise the same number of days just before."""
    if scope.month_so_far:
        year, month = add_months(scope.date_from.year, scope.date_from.month, -1)
        start, end = _same_days(year, month, scope.date_to.day)
    elif is_whole_month(scope):
        year, month = add_months(scope.date_from.year, scope.date_from.month, -1)
        start, end = month_bounds(year, month)
    else:
        end = scope.date_from - timedelta(days=1)
        start = end - timedelta(days=scope.days - 1)
    return replace(scope, date_from=start, date_to=end)


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def year_before_scope(scope: SummaryScope) -> SummaryScope:
    if scope.month_so_far:
        start, end = _same_days(scope.date_from.year - 1, scope.date_from.month, scope.date_to.day)
    elif is_whole_month(scope):
        start, end = month_bounds(scope.date_from.year - 1, scope.date_from.month)
    else:
        start, end = _year_earlier(scope.date_from), _year_earlier(scope.date_to)
    return replace(scope, date_from=start, date_to=end)


def trend_months(end: date, count: int = 12) -> list[tuple[int, int]]:
    """``count`` (year, month) pairs ending with the month of ``end``, oldest first."""
    return [add_months(end.year, end.month, -offset) for offset in range(count - 1, -1, -1)]


def year_earlier(day: date) -> date:
    """The same date a year before; 29 February falls back to the 28th."""
    return _year_earlier(day)


def last_days(today: date, days: int) -> tuple[date, date]:
    """The last ``days`` days, today included."""
    return today - timedelta(days=days - 1), today


def last_twelve_months(today: date) -> tuple[date, date]:
    """The day after the same date a year before, through today: on 29 February 2028 that is
    1 March 2027 to 29 February 2028 (the 28th of a non-leap year plus one day)."""
    return year_earlier(today) + timedelta(days=1), today


def this_year(today: date) -> tuple[date, date]:
    return date(today.year, 1, 1), today


def rolling_period(name: str, today: date) -> tuple[date | None, date | None]:
    """A filter's period by name ("30d", "90d", "12m", "year"); anything else is all time."""
    if name == "30d":
        return last_days(today, 30)
    if name == "90d":
        return last_days(today, 90)
    if name == "12m":
        return last_twelve_months(today)
    if name == "year":
        return this_year(today)
    return None, None
