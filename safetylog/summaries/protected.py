"""The PSP pack's tables as they leave the facility: every cell protected by the cell-key method
(see ``cell_key``).

The counted incidents of the period and the period before are read once, each with the facts
every table needs; each cell then knows *which* incidents it counts, so its cell key is the sum
of their record keys. The counts are the same as the summaries' (same WHERE clause, same rules).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import DrugActivity
from safetylog.storage.models import DrugObservationRow, Facility, Incident, IncidentTypeRow, PoliceContactRow
from safetylog.summaries import cell_key
from safetylog.summaries.activity import DRUG_TRADE_CODES
from safetylog.summaries.counts import incident_conditions, name_zones
from safetylog.summaries.model import SummaryScope
from safetylog.summaries.periods import previous_scope
from safetylog.summaries.records import PublishedRow, PublishedTable

SEVERITIES = ("S1", "S2", "S3", "S4")
SHIFTS = ("day", "evening", "night")
TIME_BANDS = ((0, 6), (6, 12), (12, 18), (18, 22), (22, 24))
POLICE_ROWS = ("contacts", "called_by_staff", "police_initiated", "arrests", "reports_filed")
WEEKEND = (5, 6)  # Saturday, Sunday (Monday is 0)


def band_code(start: int, end: int) -> str:
    return f"{start:02d}-{end:02d}"


class _Cells:
    """Published cells from sets of incident ids, with each incident's key computed once."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret
        self._keys: dict[int, int] = {}

    def _key(self, incident_id: int) -> int:
        key = self._keys.get(incident_id)
        if key is None:
            key = self._keys[incident_id] = cell_key.record_key(self._secret, incident_id)
        return key

    def count(self, ids: Sequence[int]) -> str:
        return cell_key.published(len(ids), cell_key.cell_key(self._key(i) for i in ids))

    def total(self, ids: Sequence[int], value: int) -> str:
        """A sum (persons arrested) over the incidents ``ids``, keyed by those incidents."""
        return cell_key.published(value, cell_key.cell_key(self._key(i) for i in ids))


def _grouped(ids: Iterable[int], key: Callable[[int], str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i in ids:
        out.setdefault(key(i), []).append(i)
    return out


def psp_tables(session: Session, scope: SummaryScope, secret: bytes) -> tuple[PublishedTable, ...]:
    """Every table of the PSP pack, protected. ``secret`` keys the records (see ``cell_key``)."""
    previous = previous_scope(scope)
    # The period before ends the day before this one starts: one read covers both.
    span = replace(scope, date_from=previous.date_from)
    facts: dict[int, Any] = {int(r.id): r for r in session.execute(
        select(Incident.id, Incident.local_date, Incident.primary_type, Incident.severity,
               Incident.shift, Incident.facility_id, Incident.zone_id, Incident.hour, Incident.weekday)
        .where(*incident_conditions(span)))}
    now = sorted(i for i, r in facts.items() if r.local_date >= scope.date_from)
    before = sorted(i for i, r in facts.items() if r.local_date < scope.date_from)
    cells = _Cells(secret)

    def pair(codes: Sequence[str], attribute: str, names: dict[str, str] | None = None) -> list[PublishedRow]:
        groups_now = _grouped(now, lambda i: str(getattr(facts[i], attribute)))
        groups_before = _grouped(before, lambda i: str(getattr(facts[i], attribute)))
        rows = [PublishedRow(code, (cells.count(groups_now.get(code, [])),
                                    cells.count(groups_before.get(code, []))), (names or {}).get(code, ""))
                for code in codes]
        return [*rows, PublishedRow("", (cells.count(now), cells.count(before)))]

    types = sorted({str(facts[i].primary_type) for i in facts})
    codes = {int(fid): (str(code), str(name)) for fid, code, name in session.execute(
        select(Facility.id, Facility.code, Facility.name))}
    facilities = {str(fid): f"{codes[fid][1]} ({codes[fid][0]})" for fid in scope.facility_ids}
    by_code = sorted(facilities, key=lambda fid: codes[int(fid)][0])
    overview = (
        PublishedTable("by_type", ("current", "previous"), tuple(pair(types, "primary_type"))),
        PublishedTable("by_severity", ("current", "previous"), tuple(pair(SEVERITIES, "severity"))),
        PublishedTable("by_shift", ("current", "previous"), tuple(pair(SHIFTS, "shift"))),
        PublishedTable("by_facility", ("current", "previous"),
                       tuple(pair(by_code, "facility_id", facilities))),
    )
    drug = _drug_tables(session, scope, facts, now, cells, codes)
    return (*overview, *drug, _police_table(session, scope, cells))


def _drug_tables(session: Session, scope: SummaryScope, facts: dict[int, Any], now: list[int],
                 cells: _Cells, codes: dict[int, tuple[str, str]]) -> tuple[PublishedTable, ...]:
    counted = set(now)
    drug = sorted(counted & {int(i) for i in session.scalars(
        select(IncidentTypeRow.incident_id).where(
            IncidentTypeRow.code.in_(DRUG_TRADE_CODES),
            IncidentTypeRow.incident_id.in_(select(Incident.id).where(*incident_conditions(scope)))))})
    zones = _grouped(drug, lambda i: str(facts[i].zone_id))
    named = name_zones(session, {None if z == "None" else int(z): len(ids) for z, ids in zones.items()})

    def code_of(facility_id: int | None) -> str:
        return codes.get(facility_id or 0, ("?", ""))[0]

    # By place name, not by size: the order of the rows must not tell which "<5" is larger.
    zone_rows = [PublishedRow("none" if z.zone_id is None else str(z.zone_id),
                              (cells.count(zones[str(z.zone_id)]),),
                              "" if z.zone_id is None else f"{z.name} ({code_of(z.facility_id)})")
                 for z in sorted(named, key=lambda z: (z.zone_id is None, code_of(z.facility_id), z.name,
                                                       z.zone_id or 0))]
    hours = _grouped(drug, lambda i: next(band_code(a, b) for a, b in TIME_BANDS if a <= facts[i].hour < b))
    week = _grouped(drug, lambda i: "weekend" if facts[i].weekday in WEEKEND else "weekdays")
    total = PublishedRow("", (cells.count(drug),))
    activities: dict[str, list[int]] = {}
    if drug:
        for incident_id, listed in session.execute(
                select(DrugObservationRow.incident_id, DrugObservationRow.activities)
                .where(DrugObservationRow.incident_id.in_(drug))):
            for activity in set(listed or ()):
                activities.setdefault(str(activity), []).append(int(incident_id))
    activity_rows = [PublishedRow(a.value, (cells.count(activities[a.value]),))
                     for a in DrugActivity if activities.get(a.value)]
    return (
        PublishedTable("drug_zone", ("current",), (*zone_rows, total)),
        PublishedTable("drug_hours", ("current",), (
            *(PublishedRow(band_code(a, b), (cells.count(hours.get(band_code(a, b), [])),))
              for a, b in TIME_BANDS), total)),
        PublishedTable("drug_week", ("current",), (
            *(PublishedRow(code, (cells.count(week.get(code, [])),)) for code in ("weekdays", "weekend")),
            total)),
        PublishedTable("drug_activity", ("current",), tuple(activity_rows)),
    )


def _police_table(session: Session, scope: SummaryScope, cells: _Cells) -> PublishedTable:
    called: list[int] = []
    initiated: list[int] = []
    arrested: list[int] = []
    filed: list[int] = []
    arrests = 0
    for incident_id, was_called, came, persons, report in session.execute(
            select(PoliceContactRow.incident_id, PoliceContactRow.called, PoliceContactRow.police_initiated,
                   PoliceContactRow.arrests, PoliceContactRow.report_filed)
            .where(PoliceContactRow.incident_id.in_(select(Incident.id).where(*incident_conditions(scope))))
            .order_by(PoliceContactRow.incident_id)):
        i = int(incident_id)
        if was_called:
            called.append(i)
        if came:
            initiated.append(i)
        if persons:
            arrested.append(i)
            arrests += int(persons)
        if report:
            filed.append(i)
    contacts = sorted(set(called) | set(initiated))
    values = {"contacts": cells.count(contacts), "called_by_staff": cells.count(called),
              "police_initiated": cells.count(initiated), "arrests": cells.total(arrested, arrests),
              "reports_filed": cells.count(filed)}
    return PublishedTable("police", ("current",), tuple(PublishedRow(k, (values[k],)) for k in POLICE_ROWS))
