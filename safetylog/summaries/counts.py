"""Incident counts for one period, grouped in SQL (portable between SQLite and PostgreSQL).

Only submitted, reviewed and locked incidents count; drafts never do. Totals count each
incident once by its primary type; per-type counts count every ``incident_types`` row.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

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
# Every status but draft counts. Written as "!= draft" rather than "IN (...)": an IN list lets
# SQLite pick the (status, facility) index and read every counted row of the facility's whole
# history (0.6 s on 200 000 incidents) instead of the (facility, date) range (6 ms).
assert set(COUNTED_STATUSES) == {s.value for s in IncidentStatus} - {IncidentStatus.DRAFT.value}


def incident_conditions(scope: SummaryScope, *, dated: bool = True) -> list[ColumnElement[bool]]:
    """The WHERE clause every figure of a summary shares: the set of counted incidents.
    ``dated=False`` drops the period (e.g. duties overdue at the stamp, whatever their month)."""
    conditions: list[ColumnElement[bool]] = [
        Incident.status != IncidentStatus.DRAFT.value,
        Incident.facility_id.in_(sorted(scope.facility_ids)),
    ]
    if dated:
        conditions += [Incident.local_date >= scope.date_from, Incident.local_date <= scope.date_to]
    if scope.known_at is not None:
        conditions.append(Incident.registered_at <= scope.known_at)
    if scope.type_codes:
        conditions.append(Incident.id.in_(
            select(IncidentTypeRow.incident_id).where(IncidentTypeRow.code.in_(sorted(scope.type_codes)))))
    if scope.severities:
        conditions.append(Incident.severity.in_(sorted(scope.severities)))
    return conditions


def counted_ids(scope: SummaryScope) -> Select[int]:
    """A sub-select of the ids of the counted incidents, for joins from detail tables."""
    return select(Incident.id).where(*incident_conditions(scope))


def name_zones(session: Session, zone_counts_by_id: dict[int | None, int]) -> tuple[ZoneCount, ...]:
    """Name the zones of a {zone id: count} map, the largest count first."""
    ids = sorted(z for z in zone_counts_by_id if z is not None)
    names = {int(zid): (int(fid), str(name)) for zid, fid, name in session.execute(
        select(Zone.id, Zone.facility_id, Zone.name).where(Zone.id.in_(ids)))} if ids else {}
    rows = []
    for zid, n in zone_counts_by_id.items():
        facility_id, name = names.get(zid, (None, "")) if zid is not None else (None, "")
        rows.append(ZoneCount(zid, facility_id, name, n))
    return tuple(sorted(rows, key=lambda z: (-z.count, z.name, z.zone_id or 0)))


def zone_counts(session: Session, conditions: list[ColumnElement[bool]]) -> tuple[ZoneCount, ...]:
    """Counts per zone; incidents without a zone under ``zone_id=None``."""
    stmt = select(Incident.zone_id, func.count()).where(*conditions).group_by(Incident.zone_id)
    return name_zones(session, {zid: int(n) for zid, n in session.execute(stmt)})


def _sorted_pairs(counter: Counter[str]) -> Pairs:
    return tuple(sorted((key, n) for key, n in counter.items() if n))


def compute_counts(session: Session, scope: SummaryScope) -> IncidentCounts:
    """All per-incident breakdowns from one grouped pass over the period's incidents.

    Grouping by every dimension at once reads each incident row once; the small result is then
    added up per dimension. Six separate GROUP BY queries would read the rows six times.
    """
    conditions = incident_conditions(scope)
    dims = (Incident.primary_type, Incident.severity, Incident.shift, Incident.zone_id,
            Incident.weekday, Incident.hour, Incident.facility_id)
    primary: Counter[str] = Counter()
    severity: Counter[str] = Counter()
    shift: Counter[str] = Counter()
    zones: Counter[int | None] = Counter()
    facilities: Counter[int] = Counter()
    grid = [[0] * HOURS for _ in range(WEEKDAYS)]
    total = 0
    for ptype, sev, sh, zone, weekday, hour, facility, n in session.execute(
            select(*dims, func.count()).where(*conditions).group_by(*dims)):
        n = int(n)
        total += n
        primary[str(ptype)] += n
        severity[str(sev)] += n
        shift[str(sh)] += n
        zones[zone] += n
        facilities[int(facility)] += n
        grid[int(weekday)][int(hour)] += n
    type_stmt = (select(IncidentTypeRow.code, func.count())
                 .join(Incident, Incident.id == IncidentTypeRow.incident_id)
                 .where(*conditions).group_by(IncidentTypeRow.code))
    by_type = tuple(sorted((str(c), int(n)) for c, n in session.execute(type_stmt)))
    return IncidentCounts(
        scope=scope,
        total=total,
        by_primary_type=_sorted_pairs(primary),
        by_type=by_type,
        by_severity=_sorted_pairs(severity),
        by_shift=_sorted_pairs(shift),
        by_zone=name_zones(session, dict(zones)),
        by_facility=tuple(sorted(facilities.items())),
        weekday_hour=tuple(tuple(row) for row in grid),
    )


def first_record(session: Session, scope: SummaryScope) -> date | None:
    """The local date of the first counted incident of the scope's facilities, filters aside:
    before it the log holds no data (a filter that matches nothing is a true 0)."""
    unfiltered = replace(scope, type_codes=(), severities=())
    found = session.scalar(select(func.min(Incident.local_date))
                           .where(*incident_conditions(unfiltered, dated=False)))
    return found if found is None or isinstance(found, date) else date.fromisoformat(str(found))


def compute_trend(session: Session, scope: SummaryScope, months: int = 12,
                  since: date | None = None) -> tuple[MonthCount, ...]:
    """Incidents per calendar month for the ``months`` months ending with ``scope.date_to``;
    months that ended before ``since`` (the first record) are marked as holding no data.

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
    return tuple(MonthCount(y, m, found.get((y, m), 0),
                            since is not None and month_bounds(y, m)[1] >= since) for y, m in wanted)
