"""Incident counts for one period, grouped in SQL (portable between SQLite and PostgreSQL).

Only submitted, reviewed and locked incidents count; drafts never do. Totals count each
incident once by its primary type; per-type counts count every ``incident_types`` row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Select, extract, func, select
from sqlalchemy.orm import Session

from safetylog.domain.enums import IncidentStatus
from safetylog.storage.models import Incident, IncidentTypeRow, Zone
from safetylog.summaries.model import (
    HOURS,
    WEEKDAYS,
    IncidentCounts,
    MonthCount,
    Pairs,
    SummaryScope,
    ZoneCount,
)
from safetylog.summaries.periods import month_bounds, trend_months

COUNTED_STATUSES = (IncidentStatus.SUBMITTED.value, IncidentStatus.REVIEWED.value,
                    IncidentStatus.LOCKED.value)


def incident_conditions(scope: SummaryScope) -> list[ColumnElement[bool]]:
    """The WHERE clause every figure of a summary shares: the set of counted incidents."""
    conditions: list[ColumnElement[bool]] = [
        Incident.status.in_(COUNTED_STATUSES),
        Incident.local_date >= scope.date_from,
        Incident.local_date <= scope.date_to,
        Incident.facility_id.in_(sorted(scope.facility_ids)),
    ]
    if scope.type_codes:
        conditions.append(Incident.id.in_(
            select(IncidentTypeRow.incident_id).where(IncidentTypeRow.code.in_(sorted(scope.type_codes)))))
    if scope.severities:
        conditions.append(Incident.severity.in_(sorted(scope.severities)))
    return conditions


def counted_ids(scope: SummaryScope) -> Select[int]:
    """A sub-select of the ids of the counted incidents, for joins from detail tables."""
    return select(Incident.id).where(*incident_conditions(scope))


def _pairs(session: Session, column: Any, scope: SummaryScope) -> Pairs:
    stmt = select(column, func.count()).where(*incident_conditions(scope)).group_by(column)
    return tuple(sorted((str(key), int(n)) for key, n in session.execute(stmt)))


def zone_counts(session: Session, conditions: list[ColumnElement[bool]]) -> tuple[ZoneCount, ...]:
    """Counts per zone, the largest first; incidents without a zone under ``zone_id=None``."""
    stmt = (select(Incident.zone_id, Zone.facility_id, Zone.name, func.count())
            .select_from(Incident).outerjoin(Zone, Zone.id == Incident.zone_id)
            .where(*conditions).group_by(Incident.zone_id, Zone.facility_id, Zone.name))
    rows = [ZoneCount(zid, fid, name or "", int(n)) for zid, fid, name, n in session.execute(stmt)]
    return tuple(sorted(rows, key=lambda z: (-z.count, z.name, z.zone_id or 0)))


def weekday_hour_grid(session: Session, conditions: list[ColumnElement[bool]]) -> tuple[tuple[int, ...], ...]:
    grid = [[0] * HOURS for _ in range(WEEKDAYS)]
    stmt = (select(Incident.weekday, Incident.hour, func.count()).where(*conditions)
            .group_by(Incident.weekday, Incident.hour))
    for weekday, hour, n in session.execute(stmt):
        grid[int(weekday)][int(hour)] = int(n)
    return tuple(tuple(row) for row in grid)


def compute_counts(session: Session, scope: SummaryScope) -> IncidentCounts:
    conditions = incident_conditions(scope)
    total = int(session.scalar(select(func.count()).select_from(Incident).where(*conditions)) or 0)
    type_stmt = (select(IncidentTypeRow.code, func.count())
                 .join(Incident, Incident.id == IncidentTypeRow.incident_id)
                 .where(*conditions).group_by(IncidentTypeRow.code))
    by_type = tuple(sorted((str(c), int(n)) for c, n in session.execute(type_stmt)))
    facility_stmt = (select(Incident.facility_id, func.count()).where(*conditions)
                     .group_by(Incident.facility_id))
    return IncidentCounts(
        scope=scope,
        total=total,
        by_primary_type=_pairs(session, Incident.primary_type, scope),
        by_type=by_type,
        by_severity=_pairs(session, Incident.severity, scope),
        by_shift=_pairs(session, Incident.shift, scope),
        by_zone=zone_counts(session, conditions),
        by_facility=tuple(sorted((int(f), int(n)) for f, n in session.execute(facility_stmt))),
        weekday_hour=weekday_hour_grid(session, conditions),
    )


def compute_trend(session: Session, scope: SummaryScope, months: int = 12) -> tuple[MonthCount, ...]:
    """Incidents per calendar month for the ``months`` months ending with ``scope.date_to``.

    The period's filters apply, but not its start date: the trend looks back a year.
    """
    wanted = trend_months(scope.date_to, months)
    first, _ = month_bounds(*wanted[0])
    _, last = month_bounds(*wanted[-1])
    window = replace(scope, date_from=first, date_to=last)
    year = extract("year", Incident.local_date)
    month = extract("month", Incident.local_date)
    stmt = (select(year, month, func.count()).where(*incident_conditions(window))
            .group_by(year, month))
    found = {(int(y), int(m)): int(n) for y, m, n in session.execute(stmt)}
    return tuple(MonthCount(y, m, found.get((y, m), 0)) for y, m in wanted)
