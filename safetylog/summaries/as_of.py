"""The log as it stood at a past moment, for a report stamped then.

Incidents registered after the stamp are left out by ``SummaryScope.known_at``. Incidents
corrected, reclassified or signed off after it are put back as they stood, from the version that
was current at the stamp (``incident_versions`` keeps every one). That happens inside a savepoint
that is always rolled back: the report's SQL then reads the old state with the very same queries,
and nothing of it is ever committed. A report stamped "now" changes nothing and opens no savepoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safetylog.domain.timeutil import local_stamp
from safetylog.storage.models import (
    DrugObservationRow,
    Incident,
    IncidentInjury,
    IncidentResident,
    IncidentTypeRow,
    IncidentVersionRow,
    PoliceContactRow,
)


@contextmanager
def as_it_stood(session: Session, as_of: datetime) -> Iterator[int]:
    """Within the block, every incident changed after ``as_of`` reads as it stood then.
    Yields how many were put back."""
    changed = sorted(set(session.scalars(
        select(IncidentVersionRow.incident_id)
        .join(Incident, Incident.id == IncidentVersionRow.incident_id)
        .where(IncidentVersionRow.created_at > as_of, Incident.registered_at <= as_of))))
    if not changed:
        yield 0
        return
    savepoint = session.begin_nested()
    try:
        latest = (select(IncidentVersionRow.incident_id, func.max(IncidentVersionRow.number))
                  .where(IncidentVersionRow.incident_id.in_(changed), IncidentVersionRow.created_at <= as_of)
                  .group_by(IncidentVersionRow.incident_id).subquery())
        versions = session.scalars(select(IncidentVersionRow).join(
            latest, (latest.c.incident_id == IncidentVersionRow.incident_id)
            & (latest.c[1] == IncidentVersionRow.number)))
        count = 0
        for version in list(versions):
            row = session.get(Incident, version.incident_id)
            if row is not None:
                _restore(row, version.snapshot)
                count += 1
        session.flush()
        yield count
    finally:
        savepoint.rollback()


def _moment(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _restore(row: Incident, snap: dict[str, Any]) -> None:
    """The columns and child rows the summaries read, from a version's snapshot."""
    start = datetime.fromisoformat(snap["occurred_start"])
    stamp = local_stamp(start)
    row.status = snap["status"]
    row.facility_id, row.zone_id = snap["facility_id"], snap.get("zone_id")
    row.occurred_start, row.occurred_end = start, _moment(snap.get("occurred_end"))
    row.local_date, row.weekday, row.hour = stamp.local_date, stamp.weekday, stamp.hour
    row.shift, row.shift_date = stamp.shift.value, stamp.shift_date
    row.primary_type, row.severity = snap["primary_type"], snap["severity"]
    row.taxonomy_version = snap["taxonomy_version"]
    old = {t.code: t.severity for t in row.types}
    row.types = [IncidentTypeRow(position=i, code=t["code"], subtype=t.get("subtype"),
                                 severity=old.get(t["code"], snap["severity"]))
                 for i, t in enumerate(snap.get("types") or [])]
    row.residents = [IncidentResident(resident_id=r["resident_id"], role=r["role"])
                     for r in snap.get("residents") or []]
    row.injuries = [
        IncidentInjury(party=i["party"], level=i["level"], resident_id=i.get("resident_id"),
                       user_id=i.get("user_id"), body_part=i.get("body_part") or "",
                       description=i.get("description") or "",
                       first_absence_day=_day(i.get("first_absence_day")))
        for i in snap.get("injuries") or []]
    d = snap.get("drug")
    row.drug = None if not d else DrugObservationRow(
        activities=list(d.get("activities") or []), substances=list(d.get("substances") or []),
        sellers_count=d.get("sellers_count"), buyers_count=d.get("buyers_count"),
        sellers_description=d.get("sellers_description") or "",
        buyers_description=d.get("buyers_description") or "", vehicles=d.get("vehicles") or "",
        money_or_quantity=d.get("money_or_quantity") or "",
        outsiders_on_premises=bool(d.get("outsiders_on_premises")))
    p = snap.get("police")
    row.police = None if not p else PoliceContactRow(
        called=bool(p.get("called")), called_at=_moment(p.get("called_at")),
        arrived_at=_moment(p.get("arrived_at")), police_initiated=bool(p.get("police_initiated")),
        arrests=int(p.get("arrests") or 0), report_filed=bool(p.get("report_filed")),
        journal_no=p.get("journal_no") or "", reason=p.get("reason") or "")
