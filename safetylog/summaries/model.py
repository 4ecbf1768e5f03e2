"""The plain data a period summary is made of. Built in SQL, read by reports and the overview.

Everything here is a frozen dataclass of numbers, codes and names: no ORM rows, no sessions.
Mappings are stored as sorted tuples of pairs so that the same data always gives the same
order (a report drawn from it must come out byte for byte the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

WEEKDAYS = 7
HOURS = 24

Pairs = tuple[tuple[str, int], ...]


def as_dict(pairs: Pairs) -> dict[str, int]:
    return dict(pairs)


@dataclass(frozen=True, slots=True)
class SummaryScope:
    """What a summary counts: local dates (inclusive), facilities and optional filters.

    ``facility_ids`` is always explicit: the service resolves "all facilities" to the ones the
    user may see before a summary is made.
    """

    date_from: date
    date_to: date
    facility_ids: tuple[int, ...]
    type_codes: tuple[str, ...] = ()  # only incidents carrying one of these types
    severities: tuple[str, ...] = ()  # only incidents of these severities
    # Only incidents registered by then (the report's stamp): a report made later with the same
    # stamp leaves out what was entered after it.
    known_at: datetime | None = None
    # A calendar month cut at ``date_to`` because it was not over at the stamp: it is compared
    # with the same days of the month before and of the year before.
    month_so_far: bool = False

    @property
    def days(self) -> int:
        return (self.date_to - self.date_from).days + 1

    def filters(self) -> dict[str, list[str]]:
        """The optional filters in force, for the provenance section and the audit log."""
        out: dict[str, list[str]] = {}
        if self.type_codes:
            out["types"] = sorted(self.type_codes)
        if self.severities:
            out["severities"] = sorted(self.severities)
        return out


@dataclass(frozen=True, slots=True)
class ZoneCount:
    zone_id: int | None  # None: no place recorded
    facility_id: int | None
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class IncidentCounts:
    """Counts for one period. ``total`` and ``by_primary_type`` count each incident once;
    ``by_type`` counts every type an incident carries (its sum can exceed ``total``)."""

    scope: SummaryScope
    total: int
    by_primary_type: Pairs
    by_type: Pairs
    by_severity: Pairs
    by_shift: Pairs
    by_zone: tuple[ZoneCount, ...]
    by_facility: tuple[tuple[int, int], ...]
    weekday_hour: tuple[tuple[int, ...], ...]  # [weekday 0=Monday][hour 0-23]
    has_data: bool = True  # False: the period ended before the log's first record (not a true 0)

    def primary(self, code: str) -> int:
        return as_dict(self.by_primary_type).get(code, 0)

    def typed(self, code: str) -> int:
        return as_dict(self.by_type).get(code, 0)

    def severity(self, code: str) -> int:
        return as_dict(self.by_severity).get(code, 0)

    def shift(self, code: str) -> int:
        return as_dict(self.by_shift).get(code, 0)


@dataclass(frozen=True, slots=True)
class MonthCount:
    year: int
    month: int
    count: int
    has_data: bool = True  # False: the month ended before the log's first record


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """Duties of one kind raised by the period's incidents and where they stand at ``as_of``."""

    kind: str
    total: int
    open: int
    open_overdue: int
    closed: int
    closed_late: int

    @property
    def closed_on_time(self) -> int:
        return self.closed - self.closed_late


@dataclass(frozen=True, slots=True)
class StaffInjurySummary:
    injuries: int  # staff injury rows in the period's incidents
    incidents: int  # incidents with at least one injured staff member
    with_absence: int  # injuries with a first day of absence (EASY report required)
    easy: DeadlineSummary  # the work-injury (EASY) duties


@dataclass(frozen=True, slots=True)
class DrugTradeSummary:
    observations: int  # incidents of type DRG-DEAL
    by_zone: tuple[ZoneCount, ...]
    by_hour: tuple[int, ...]  # 24 local hours
    by_weekday: tuple[int, ...]  # 7, Monday first
    by_activity: Pairs
    with_outsiders: int  # observations noting outsiders on the premises
    sellers_seen: int  # sum of sellers counted
    buyers_seen: int


@dataclass(frozen=True, slots=True)
class PoliceSummary:
    contacts: int  # incidents with police contact (activity.police_contact_condition)
    called_by_staff: int
    police_initiated: int
    arrests: int  # persons arrested, summed
    incidents_with_arrest: int
    reports_filed: int


@dataclass(frozen=True, slots=True)
class BvcSummary:
    assessments: int
    high_assessments: int  # total > 2
    high_days: int  # distinct resident-days (by shift date) with a high score
    high_days_with_incident: int  # of those, days the resident was involved in an incident
    resident_incidents: int  # incidents involving a resident in the period
    resident_incidents_on_high_days: int  # of those, on a day the resident scored high


@dataclass(frozen=True, slots=True)
class FollowUpSummary:
    duties_open: int  # all duty kinds from the period's incidents, still open at as_of
    duties_closed: int
    duties_overdue: int
    by_kind: tuple[DeadlineSummary, ...]
    actions_open: int  # PSP action items open at as_of (facility in scope or shared)
    actions_overdue: int
    actions_closed_in_period: int


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    scope: SummaryScope
    as_of: datetime
    current: IncidentCounts
    previous: IncidentCounts  # the period of the same length just before (the month before)
    year_before: IncidentCounts  # the same dates a year earlier
    trend: tuple[MonthCount, ...]  # 12 months ending with the month of scope.date_to
    force: DeadlineSummary
    staff_injuries: StaffInjurySummary
    drug_trade: DrugTradeSummary
    police: PoliceSummary
    bvc: BvcSummary
    follow_up: FollowUpSummary
    taxonomy_versions: tuple[str, ...] = field(default=())
    first_record: date | None = None  # local date of the first counted incident in the facilities
