"""Checks on an incident-list request before any SQL is built.

Filters and cursors normally come from the list window and the service's own pages, but the
command line and imports pass them too: a bad one gets a field message, never a driver error.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from safetylog.domain.enums import IncidentStatus, Severity, Shift
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import IncidentFilter
from safetylog.domain.timeutil import as_utc
from safetylog.domain.validation import CODE_LIMIT, TEXT_LIMIT, Checker
from safetylog.storage.engine import is_row_id


def _sequence(check: Checker, field: str, values: object) -> tuple[Any, ...]:
    if isinstance(values, (tuple, list)):
        return tuple(values)
    check.add(field, "invalid_format", expected="list")
    return ()


def checked_criteria(criteria: IncidentFilter) -> IncidentFilter:
    """The filter with its choices parsed, or ValidationError naming each field that is wrong."""
    check = Checker()
    check.day("date_from", criteria.date_from, required=False)
    check.day("date_to", criteria.date_to, required=False)
    registered_from = None
    if criteria.registered_from is not None:
        # Not ``check.moment``: a bound is no event and may lie anywhere (a clock set ahead).
        if isinstance(criteria.registered_from, datetime) and criteria.registered_from.tzinfo:
            try:
                registered_from = as_utc(criteria.registered_from)
            except (OverflowError, ValueError):
                check.add("registered_from", "invalid_format", expected="date and time")
        else:
            check.add("registered_from", "invalid_format", expected="date and time")
    for fid in _sequence(check, "facility_ids", criteria.facility_ids):
        if not is_row_id(fid):
            check.add("facility_ids", "unknown_facility")
    codes = tuple(check.text("type_codes", code, limit=CODE_LIMIT, personal=False)
                  for code in _sequence(check, "type_codes", criteria.type_codes))
    severities = check.choices("severities", _sequence(check, "severities", criteria.severities),
                               Severity)
    statuses = check.choices("statuses", _sequence(check, "statuses", criteria.statuses),
                             IncidentStatus)
    shifts = check.choices("shifts", _sequence(check, "shifts", criteria.shifts), Shift)
    if criteria.resident_id is not None and not is_row_id(criteria.resident_id):
        check.add("resident_id", "unknown_resident")
    if criteria.zone_id is not None and not is_row_id(criteria.zone_id):
        check.add("zone_id", "unknown_zone")
    # A CPR number typed into the search would be kept in the audit row's criteria: refused.
    text = check.text("text", criteria.text, limit=TEXT_LIMIT)
    check.raise_if_any()
    return replace(criteria, type_codes=codes, severities=severities, statuses=statuses,
                   shifts=shifts, text=text, registered_from=registered_from)


def _key_fits(column: str, value: object) -> bool:
    if column == "id":
        return is_row_id(value)
    if column == "occurred_start":
        if not isinstance(value, datetime) or value.tzinfo is None:
            return False
        try:
            as_utc(value)
        except (OverflowError, ValueError):
            return False
        return True
    return isinstance(value, str) and "\x00" not in value


def checked_cursor(column: str, after: object) -> tuple[Any, int] | None:
    """A cursor as ``Page.next_cursor`` gives it: (sort value of the column, incident id)."""
    if after is None:
        return None
    if (isinstance(after, (tuple, list)) and len(after) == 2 and is_row_id(after[1])
            and _key_fits(column, after[0])):
        return (after[0], after[1])
    raise ValidationError({"after": Problem("invalid_format", {"expected": "cursor"})})
