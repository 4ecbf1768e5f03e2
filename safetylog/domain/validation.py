"""Reusable field checks. A ``Checker`` collects every problem so the user sees them all at once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.timeutil import as_utc, utcnow

NARRATIVE_LIMIT = 20_000
TEXT_LIMIT = 2_000
SHORT_LIMIT = 200
CODE_LIMIT = 40
OLDEST_YEARS = 30

E = TypeVar("E", bound=StrEnum)

# DDMMYY-SSSS as people write it: 0101901234, 010190-1234, 01.01.90-1234, 01 01 90 1234,
# 01/01/90 - 1234, with a non-breaking space or an en dash from a word processor. The day and month
# must be plausible and no digit may run on at either end, which keeps phone numbers (8 digits),
# dates with four-digit years and police journal numbers (4-5-5-2 digits: no group holds a
# DDMMYY run followed by four digits) out. There is no modulus-11 check: since 2007 valid CPR
# numbers need not pass it.
_SEP = "[\\s./\\-\u00a0\u2007\u2009\u202f\u2010-\u2015\u2212]"  # spaces, . / and dashes
_CPR_RE = re.compile(
    rf"(?<!\d)(0[1-9]|[12]\d|3[01]){_SEP}?(0[1-9]|1[0-2]){_SEP}?\d{{2}}{_SEP}{{0,3}}\d{{4}}(?!\d)")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def contains_cpr(text: str) -> bool:
    return bool(_CPR_RE.search(text))


class Checker:
    """Collects problems per field; ``raise_if_any`` turns them into one ValidationError."""

    def __init__(self) -> None:
        self.problems: dict[str, Problem] = {}

    def add(self, field: str, code: str, /, **params: object) -> None:
        self.problems.setdefault(field, Problem(code, dict(params)))

    def ok(self, field: str) -> bool:
        return field not in self.problems

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    def text(self, field: str, value: object, *, limit: int = TEXT_LIMIT, required: bool = False,
             personal: bool = True) -> str:
        """A free text; ``personal`` texts may not hold CPR numbers. Returns the stripped text."""
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.add(field, "invalid_format", expected="text")
            return ""
        stripped = value.strip()
        if required and not stripped:
            self.add(field, "empty_text")
        elif len(value) > limit:
            self.add(field, "too_long", limit=limit, length=len(value))
        elif _CONTROL_RE.search(value):
            self.add(field, "control_characters")
        elif personal and contains_cpr(value):
            self.add(field, "cpr_number")
        return stripped

    def moment(self, field: str, value: object, *, required: bool = True,
               now: datetime | None = None, allow_future_minutes: int = 5) -> datetime | None:
        if value is None:
            if required:
                self.add(field, "required")
            return None
        if not isinstance(value, datetime):
            self.add(field, "invalid_format", expected="date and time")
            return None
        try:
            moment = as_utc(value)
        except (OverflowError, ValueError):
            self.add(field, "invalid_format", expected="date and time")
            return None
        now = now or utcnow()
        if moment > now + timedelta(minutes=allow_future_minutes):
            self.add(field, "future_time")
        elif moment < now - timedelta(days=365 * OLDEST_YEARS):
            self.add(field, "too_old", years=OLDEST_YEARS)
        return moment

    def day(self, field: str, value: object, *, required: bool = True) -> date | None:
        if value is None:
            if required:
                self.add(field, "required")
            return None
        if isinstance(value, datetime) or not isinstance(value, date):
            self.add(field, "invalid_format", expected="date")
            return None
        return value

    def integer(self, field: str, value: object, *, low: int, high: int,
                required: bool = False) -> int | None:
        if value is None:
            if required:
                self.add(field, "required")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, "not_a_number")
            return None
        if not low <= value <= high:
            self.add(field, "out_of_range", low=low, high=high)
            return None
        return value

    def choice(self, field: str, value: object, enum: type[E],
                           *, required: bool = True) -> E | None:
        if value is None or value == "":
            if required:
                self.add(field, "required")
            return None
        try:
            return enum(str(value))
        except ValueError:
            self.add(field, "invalid_choice", value=str(value)[:40])
            return None

    def choices(self, field: str, values: Iterable[object], enum: type[E]) -> tuple[E, ...]:
        result: list[E] = []
        for value in values:
            parsed = self.choice(field, value, enum)
            if parsed is not None and parsed not in result:
                result.append(parsed)
        return tuple(result)
