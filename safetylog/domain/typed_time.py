"""What staff type in a time field, turned into one Copenhagen instant, or one clear refusal.

Staff log what happened a moment ago, often in the small hours, so a bare clock time is enough:
``0240``, ``240``, ``2:40``, ``02.40`` or ``2`` mean that time on the current shift's date, and
the night before when that would lie in the future (typed at 06:30, ``2350`` is 23:50 the
evening before; typed at 23:30, ``0240`` is 02:40 last night). Put differently: the latest moment
with that wall-clock time that is not in the future. A few minutes ahead (``FUTURE_GRACE``, the
same allowance the core's validation gives) still count as now, so typing the current minute on
a PC whose clock runs a little behind does not jump a day back.

A date may be typed before the time: ``05-03-2026 02:40``, ``5-3-26 0240`` or ``05.03 0240``
(without a year: the latest such date not in the future).

Summer time (Europe/Copenhagen):
- the spring night skips 02:00–02:59 (2026-03-29): such a time never happened there, so it is
  refused with a message that says so, rather than silently moved an hour;
- the autumn night has 02:00–02:59 twice (2026-10-25): the latest of the two that is not in the
  future is chosen, like any other time, and the result names which one it is (summer or winter
  time). A trailing ``s`` (sommertid/summer) or ``v``/``w`` (vintertid/winter) picks one
  explicitly: ``0230 s`` is the first 02:30, ``0230 v`` the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from safetylog.domain.problems import Problem
from safetylog.domain.timeutil import COPENHAGEN

FUTURE_GRACE = timedelta(minutes=5)

_TIME = r"(?P<hour>\d{1,2})(?:[:.]?(?P<minute>\d{2}))?"
_DATE = r"(?P<day>\d{1,2})[-./](?P<month>\d{1,2})(?:[-./](?P<year>\d{2}|\d{4}))?"
_SEASON = r"(?:\s*(?P<season>[svw]))?"
_PATTERN = re.compile(rf"^(?:{_DATE}\s+(?:kl\.?\s*)?)?{_TIME}{_SEASON}$", re.IGNORECASE)


class TypedTimeError(ValueError):
    """The text does not name one moment; ``problem`` says why in the user's language."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class _Parts:
    day_month: tuple[int, int] | None
    year: int | None
    clock: time
    season: str | None  # "s" summer (the first of a doubled hour), "v" winter (the second)


def _parse(text: str) -> _Parts:
    match = _PATTERN.match(text.strip())
    if match is None:
        raise TypedTimeError(Problem("typed_time"))
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise TypedTimeError(Problem("typed_time"))
    day_month, year = None, None
    if match["day"] is not None:
        day_month = (int(match["day"]), int(match["month"]))
        if match["year"] is not None:
            year = int(match["year"]) + (2000 if len(match["year"]) == 2 else 0)
        try:
            date(year or 2000, day_month[1], day_month[0])  # 2000 was a leap year: 29-02 passes
        except ValueError:
            raise TypedTimeError(Problem("typed_date")) from None
    season = (match["season"] or "").lower() or None
    return _Parts(day_month, year, time(hour, minute), "v" if season == "w" else season)


def _instants(day: date, clock: time) -> list[datetime]:
    """The instants (oldest first) at which Copenhagen's clocks showed ``clock`` on ``day``."""
    found = []
    for fold in (0, 1):
        local = datetime.combine(day, clock, tzinfo=COPENHAGEN).replace(fold=fold)
        back = local.astimezone(UTC).astimezone(COPENHAGEN)
        if (back.date(), back.time()) == (day, clock) and back.utcoffset() == local.utcoffset():
            found.append(back)
    unique = {moment.astimezone(UTC): moment for moment in found}
    return [unique[key] for key in sorted(unique)]


def _pick(day: date, parts: _Parts, limit: datetime) -> datetime | None:
    """The instant on ``day`` the text means, or None when it lies after ``limit``."""
    instants = _instants(day, parts.clock)
    if not instants:
        raise TypedTimeError(Problem("time_skipped", {"time": parts.clock.strftime("%H:%M"),
                                                       "date": day.strftime("%d-%m-%Y")}))
    if parts.season is not None and len(instants) == 2:
        instants = instants[:1] if parts.season == "s" else instants[1:]
    # Compared in UTC: Python compares two times of the same zone by their wall clocks, which
    # would take the two 02:30s of the autumn night for one.
    past = [moment for moment in instants if moment.astimezone(UTC) <= limit.astimezone(UTC)]
    return past[-1].astimezone(UTC) if past else None


def resolve_typed_time(text: str, now: datetime) -> datetime:
    """The instant ``text`` means when typed at ``now``, in UTC (times of the doubled autumn hour
    never compare equal across zones in Python, so the result carries no zone rules); raises
    ``TypedTimeError``."""
    parts = _parse(text)
    limit = (now.astimezone(UTC) + FUTURE_GRACE).astimezone(COPENHAGEN)
    no_limit = datetime.max.replace(tzinfo=UTC)
    if parts.day_month is not None:
        day_no, month = parts.day_month
        # A typed date is taken as typed (a future one is the validation's to refuse); without a
        # year, the latest such date not in the future (29 February: the last leap year).
        years = [parts.year] if parts.year is not None else range(limit.year, limit.year - 8, -1)
        for year in years:
            try:
                day = date(year, month, day_no)
            except ValueError:
                continue
            if parts.year is not None or day <= limit.date():
                moment = _pick(day, parts, no_limit)
                if moment is not None:
                    return moment
        raise TypedTimeError(Problem("typed_date"))
    today = limit.date()
    for day in (today, today - timedelta(days=1)):
        moment = _pick(day, parts, limit)
        if moment is not None:
            return moment
    raise TypedTimeError(Problem("typed_time"))  # unreachable: yesterday's times are all past


def is_doubled_hour(moment: datetime) -> bool:
    """The wall-clock time happened twice (the autumn night): say which one is meant."""
    local = moment.astimezone(COPENHAGEN)
    return len(_instants(local.date(), local.time().replace(second=0, microsecond=0))) == 2


def is_summer_time(moment: datetime) -> bool:
    return bool(moment.astimezone(COPENHAGEN).dst())
