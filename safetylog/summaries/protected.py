"""The PSP pack's tables as they leave the facility: every cell protected by the cell-key method
(see ``cell_key``).

The counted incidents of the period and the period before are read once, each with the facts
every table needs, and added up in one pass: each cell keeps its count and the sum of its
incidents' record keys (its cell key). The counts are the summaries' (same WHERE clause).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from safetylog.domain.enums import DrugActivity
from safetylog.storage.models import DrugObservationRow, Facility, Incident, IncidentTypeRow, PoliceContactRow
from safetylog.summaries import cell_key
from safetylog.summaries.activity import DRUG_TRADE_CODES
from safetylog.summaries.counts import counted_ids, incident_conditions, name_zones
from safetylog.summaries.model import SummaryScope
from safetylog.summaries.periods import previous_scope
from safetylog.summaries.records import PublishedRow, PublishedTable

SEVERITIES = ("S1", "S2", "S3", "S4")
SHIFTS = ("day", "evening", "night")
TIME_BANDS = ((0, 6), (6, 12), (12, 18), (18, 22), (22, 24))
POLICE_ROWS = ("contacts", "called_by_staff", "police_initiated", "arrests", "reports_filed")
WEEKEND = (5, 6)  # Saturday, Sunday (Monday is 0)
NOW, BEFORE = 0, 1  # the period, the period before
_MODULUS = 1 << 64


def band_code(start: int, end: int) -> str:
    return f"{start:02d}-{end:02d}"


_BAND_OF_HOUR = tuple(next(band_code(a, b) for a, b in TIME_BANDS if a <= hour < b) for hour in range(24))

Cell = tuple[str, str, int]  # table, row code ("" for the total), period


class _Tally:
    """Each cell's count and the sum of its incidents' record keys."""

    def __init__(self) -> None:
        self._cells: dict[Cell, list[int]] = {}

    def add(self, cells: Iterable[Cell], key: int, amount: int = 1) -> None:
        """``amount`` more for each cell, whose incidents' keys add up to ``key`` more."""
        for cell in cells:
            found = self._cells.get(cell)
            if found is None:
                self._cells[cell] = [amount, key]
            else:
                found[0] += amount
                found[1] += key

    def published(self, table: str, code: str, period: int = NOW) -> str:
        count, keys = self._cells.get((table, code, period), (0, 0))
        return cell_key.published(count, (keys % _MODULUS) / _MODULUS)

    def codes(self, table: str) -> list[str]:
        return sorted({code for (name, code, _) in self._cells if name == table})

    def row(self, table: str, code: str, periods: Sequence[int], name: str = "") -> PublishedRow:
        return PublishedRow(code, tuple(self.published(table, code, p) for p in periods), name)


def psp_tables(session: Session, scope: SummaryScope, secret: bytes) -> tuple[PublishedTable, ...]:
    """Every table of the PSP pack, protected. ``secret`` keys the records (see ``cell_key``)."""
    previous = previous_scope(scope)
    span = replace(scope, date_from=previous.date_from)  # the period before ends where this starts
    period = case((Incident.local_date >= scope.date_from, NOW), else_=BEFORE)
    rows = session.connection().execute(
        select(Incident.id, period, Incident.primary_type, Incident.severity, Incident.shift,
               Incident.facility_id, Incident.zone_id, Incident.hour, Incident.weekday)
        .where(*incident_conditions(span))).all()
    every_key = cell_key.record_keys(secret, (r[0] for r in rows))
    # Added up per combination of the overview's dimensions first (one step per incident), then
    # the few hundred combinations are spread over the tables' cells.
    combinations: dict[tuple[int, str, str, str, int], list[int]] = {}
    keys: dict[int, int] = {}  # the period's incidents: their record keys
    places: dict[int, tuple[int | None, int, int]] = {}  # and their zone, hour and weekday
    for incident_id, when, ptype, severity, shift, facility, zone, hour, weekday in rows:
        key = every_key[incident_id]
        if when == NOW:
            keys[incident_id] = key
            places[incident_id] = (zone, hour, weekday)
        found = combinations.get((when, ptype, severity, shift, facility))
        if found is None:
            combinations[(when, ptype, severity, shift, facility)] = [1, key]
        else:
            found[0] += 1
            found[1] += key
    tally = _Tally()
    for (when, ptype, severity, shift, facility), (count, key_sum) in combinations.items():
        tally.add((("by_type", ptype, when), ("by_severity", severity, when), ("by_shift", shift, when),
                   ("by_facility", str(facility), when), ("", "", when)), key_sum, count)
    both = (NOW, BEFORE)
    types = tally.codes("by_type")
    codes = {int(fid): (str(code), str(name)) for fid, code, name in session.execute(
        select(Facility.id, Facility.code, Facility.name))}
    facilities = sorted(scope.facility_ids, key=lambda fid: codes[fid][0])

    def table(name: str, rows: Iterable[str], names: dict[str, str] | None = None) -> PublishedTable:
        body = [tally.row(name, code, both, (names or {}).get(code, "")) for code in rows]
        return PublishedTable(name, ("current", "previous"), (*body, tally.row("", "", both)))

    overview = (
        table("by_type", types),
        table("by_severity", SEVERITIES),
        table("by_shift", SHIFTS),
        table("by_facility", [str(f) for f in facilities],
              {str(f): f"{codes[f][1]} ({codes[f][0]})" for f in facilities}),
    )
    drug = _drug_tables(session, scope, keys, places, codes)
    return (*overview, *drug, _police_table(session, scope, keys))


def _zone_code(zone_id: int | None) -> str:
    return "none" if zone_id is None else str(zone_id)


def _drug_tables(session: Session, scope: SummaryScope, keys: dict[int, int],
                 places: dict[int, tuple[int | None, int, int]],
                 codes: dict[int, tuple[str, str]]) -> tuple[PublishedTable, ...]:
    drug = sorted({int(i) for i in session.scalars(select(IncidentTypeRow.incident_id).where(
        IncidentTypeRow.code.in_(DRUG_TRADE_CODES), IncidentTypeRow.incident_id.in_(counted_ids(scope))))})
    tally = _Tally()
    zones: dict[int | None, int] = {}
    for incident_id in drug:
        zone, hour, weekday = places[incident_id]
        zones[zone] = zones.get(zone, 0) + 1
        tally.add((("zone", _zone_code(zone), NOW), ("hours", _BAND_OF_HOUR[hour], NOW),
                   ("week", "weekend" if weekday in WEEKEND else "weekdays", NOW), ("", "", NOW)),
                  keys[incident_id])
    observed = set(drug)
    if drug:
        for incident_id, listed in session.execute(
                select(DrugObservationRow.incident_id, DrugObservationRow.activities)
                .where(DrugObservationRow.incident_id.in_(counted_ids(scope)))):
            if int(incident_id) in observed and listed:
                tally.add([("activity", str(a), NOW) for a in set(listed)], keys[int(incident_id)])

    def code_of(facility_id: int | None) -> str:
        return codes.get(facility_id or 0, ("?", ""))[0]

    # By place name, not by size: the order of the rows must not tell which "<5" is larger.
    named = sorted(name_zones(session, zones), key=lambda z: (z.zone_id is None, code_of(z.facility_id),
                                                              z.name, z.zone_id or 0))
    now = (NOW,)
    total = tally.row("", "", now)
    zone_rows = [tally.row("zone", _zone_code(z.zone_id), now, "" if z.zone_id is None else
                           f"{z.name} ({code_of(z.facility_id)})") for z in named]
    return (
        PublishedTable("drug_zone", ("current",), (*zone_rows, total)),
        PublishedTable("drug_hours", ("current",), (
            *(tally.row("hours", band_code(a, b), now) for a, b in TIME_BANDS), total)),
        PublishedTable("drug_week", ("current",), (
            *(tally.row("week", code, now) for code in ("weekdays", "weekend")), total)),
        PublishedTable("drug_activity", ("current",), tuple(
            tally.row("activity", a.value, now) for a in DrugActivity
            if tally.published("activity", a.value) != "0")),
    )


def _police_table(session: Session, scope: SummaryScope, keys: dict[int, int]) -> PublishedTable:
    tally = _Tally()
    for incident_id, called, came, arrests, filed in session.connection().execute(
            select(PoliceContactRow.incident_id, PoliceContactRow.called, PoliceContactRow.police_initiated,
                   PoliceContactRow.arrests, PoliceContactRow.report_filed)
            .where(PoliceContactRow.incident_id.in_(counted_ids(scope)))):
        key = keys[incident_id]
        cells: list[Cell] = []
        if called or came:
            cells.append(("police", "contacts", NOW))
        if called:
            cells.append(("police", "called_by_staff", NOW))
        if came:
            cells.append(("police", "police_initiated", NOW))
        if filed:
            cells.append(("police", "reports_filed", NOW))
        tally.add(cells, key)
        if arrests:  # persons arrested: a sum, keyed by the incidents with an arrest
            tally.add([("police", "arrests", NOW)], key, int(arrests))
    return PublishedTable("police", ("current",), tuple(tally.row("police", code, (NOW,))
                                                        for code in POLICE_ROWS))
