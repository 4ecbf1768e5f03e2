"""Drug-trade observations: their own list with the drug details, and where and when dealing is
seen (counts per local weekday × hour, and per zone), grouped in SQL on the stored local time.

The visibility rules are the incident list's own (facility scope, the night-staff window, no
drafts): the conditions come from ``IncidentQueryService`` so the two lists can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select, tuple_
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction, DrugActivity
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor, IncidentFilter
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.incident_queries import MAX_PAGE, IncidentQueryService
from safetylog.services.list_request import checked_criteria, checked_cursor
from safetylog.services.permissions import Permission, has, require
from safetylog.storage.models import DrugObservationRow, Facility, Incident, IncidentTypeRow, Zone

DEALING = ("DRG-DEAL",)
DRUG_CODES = ("DRG-DEAL", "DRG-USE", "DRG-POS", "DRG-DEBT")
SUMMARY_LENGTH = 160


@dataclass(frozen=True, slots=True)
class DrugFilter:
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    facility_ids: tuple[int, ...] = ()
    zone_id: int | None = None
    type_codes: tuple[str, ...] = DRUG_CODES

    def as_incident_filter(self, *, with_zone: bool = True) -> IncidentFilter:
        return IncidentFilter(date_from=self.date_from, date_to=self.date_to,
                              facility_ids=self.facility_ids, type_codes=self.type_codes,
                              zone_id=self.zone_id if with_zone else None)


@dataclass(frozen=True, slots=True)
class DrugObservationLine:
    """One observation in the list: where, when, and what was seen."""

    id: int
    occurred_start: datetime
    facility_id: int
    facility_name: str
    zone_name: str | None
    type_codes: tuple[str, ...]
    activities: tuple[DrugActivity, ...]
    substances: tuple[str, ...]
    sellers_count: int | None
    buyers_count: int | None
    sellers_description: str
    buyers_description: str
    vehicles: str
    money_or_quantity: str
    outsiders_on_premises: bool
    summary: str


@dataclass(frozen=True, slots=True)
class DrugObservationPage:
    rows: tuple[DrugObservationLine, ...]
    next_cursor: tuple[Any, ...] | None


@dataclass(frozen=True, slots=True)
class ZoneTotal:
    zone_id: int | None  # None: no place recorded
    facility_id: int
    facility_name: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class DrugPattern:
    """Each incident is counted once, in the local weekday and hour it began."""

    criteria: DrugFilter
    total: int
    weekday_hour: tuple[tuple[int, ...], ...]  # [weekday 0 = Monday][hour 0-23]
    by_zone: tuple[ZoneTotal, ...]  # every zone in the filter's facilities, busiest first


class DrugPatternService(Service):
    def observations(self, actor: Actor, criteria: DrugFilter | None = None,
                     after: tuple[Any, ...] | None = None, limit: int = 100) -> DrugObservationPage:
        """A keyset page of observations, newest first; pass ``next_cursor`` back as ``after``."""
        require(actor, Permission.INCIDENT_READ)
        criteria = criteria if criteria is not None else DrugFilter()
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
            raise ValidationError({"limit": Problem("out_of_range", {"low": 1, "high": MAX_PAGE})})
        incident_filter = self._checked(criteria)
        cursor = checked_cursor("occurred_start", after)
        with self._sf.begin() as session:
            stmt = (select(Incident.id, Incident.occurred_start, Incident.facility_id,
                           Facility.name, Zone.name, Incident.narrative, DrugObservationRow)
                    .join(Facility, Facility.id == Incident.facility_id)
                    .outerjoin(Zone, Zone.id == Incident.zone_id)
                    .outerjoin(DrugObservationRow, DrugObservationRow.incident_id == Incident.id)
                    .where(*self._conditions(session, actor, incident_filter))
                    .order_by(Incident.occurred_start.desc(), Incident.id.desc()).limit(limit))
            if cursor is not None:
                stmt = stmt.where(tuple_(Incident.occurred_start, Incident.id) < tuple_(*cursor))
            rows = session.execute(stmt).all()
            types = _types(session, [r[0] for r in rows])
            lines = tuple(_line(r, types.get(r[0], ())) for r in rows)
            if not has(actor, Permission.INCIDENT_NARRATIVE):
                lines = tuple(_without_text(line) for line in lines)
            # Every page is a read of the residents on it; the first also records the search.
            audit.record(session, actor, AuditAction.SEARCH if after is None else AuditAction.READ,
                         "drug_observation", "", criteria=incident_filter.criteria(),
                         count=len(rows), residents=audit.incident_residents(session, [r[0] for r in rows]))
            next_cursor = (rows[-1][1], rows[-1][0]) if len(rows) == limit else None
            return DrugObservationPage(lines, next_cursor)

    def pattern(self, actor: Actor, criteria: DrugFilter | None = None) -> DrugPattern:
        """Counts per weekday × hour (in the chosen zone, if any) and per zone (all zones).

        Without criteria: where and when dealing (DRG-DEAL) is seen, all time.
        """
        require(actor, Permission.INCIDENT_READ)
        criteria = criteria if criteria is not None else DrugFilter(type_codes=DEALING)
        incident_filter = self._checked(criteria)
        with self._sf.begin() as session:
            grid = [[0] * 24 for _ in range(7)]
            cells = (select(Incident.weekday, Incident.hour, func.count())
                     .where(*self._conditions(session, actor, incident_filter))
                     .group_by(Incident.weekday, Incident.hour))
            for weekday, hour, count in session.execute(cells):
                grid[int(weekday)][int(hour)] = int(count)
            all_zones = self._conditions(session, actor,
                                         self._checked(criteria, with_zone=False))
            zone_counts: dict[int | None, int] = {
                zone_id: int(count) for zone_id, count in session.execute(
                    select(Incident.zone_id, func.count()).where(*all_zones).group_by(Incident.zone_id))}
            by_zone = self._zone_totals(session, actor, criteria, zone_counts)
            audit.record(session, actor, AuditAction.SEARCH, "drug_pattern", "",
                         criteria=incident_filter.criteria())
            return DrugPattern(criteria, sum(map(sum, grid)), tuple(tuple(row) for row in grid),
                               by_zone)

    # --- helpers --------------------------------------------------------------------------

    def _checked(self, criteria: DrugFilter, *, with_zone: bool = True) -> IncidentFilter:
        if not isinstance(criteria, DrugFilter):
            raise ValidationError({"criteria": Problem("invalid_format", {"expected": "DrugFilter"})})
        checked = checked_criteria(criteria.as_incident_filter(with_zone=with_zone))
        wrong = [code for code in checked.type_codes if code not in DRUG_CODES]
        if wrong or not checked.type_codes:
            raise ValidationError({"type_codes": Problem("invalid_choice",
                                                         {"value": ", ".join(wrong)[:40] or "-"})})
        return checked

    def _conditions(self, session: Session, actor: Actor,
                    criteria: IncidentFilter) -> list[ColumnElement[bool]]:
        return IncidentQueryService(self._sf, self._clock)._conditions(session, actor, criteria)

    @staticmethod
    def _zone_totals(session: Session, actor: Actor, criteria: DrugFilter,
                     counts: dict[int | None, int]) -> tuple[ZoneTotal, ...]:
        facilities = {f.id: f.name for f in session.scalars(select(Facility))
                      if actor.may_see_facility(f.id)
                      and (not criteria.facility_ids or f.id in criteria.facility_ids)}
        zones = session.scalars(select(Zone).where(Zone.facility_id.in_(sorted(facilities))))
        totals = [ZoneTotal(z.id, z.facility_id, facilities[z.facility_id], z.name, counts.get(z.id, 0))
                  for z in zones]
        if counts.get(None):
            totals.append(ZoneTotal(None, 0, "", "", counts[None]))
        return tuple(sorted(totals, key=lambda t: (-t.count, t.facility_name, t.name)))


def _types(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    if ids:
        stmt = (select(IncidentTypeRow.incident_id, IncidentTypeRow.code)
                .where(IncidentTypeRow.incident_id.in_(ids))
                .order_by(IncidentTypeRow.incident_id, IncidentTypeRow.position))
        for incident_id, code in session.execute(stmt):
            out.setdefault(incident_id, []).append(code)
    return {k: tuple(v) for k, v in out.items()}


def _without_text(line: DrugObservationLine) -> DrugObservationLine:
    """What was seen, counted and where, without the free text about people."""
    return replace(line, sellers_description="", buyers_description="", vehicles="",
                   money_or_quantity="", summary="")


def _line(r: Any, types: tuple[str, ...]) -> DrugObservationLine:
    incident_id, start, facility_id, facility_name, zone_name, narrative, drug = r
    text = " ".join(narrative.split())
    summary = text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"
    if drug is None:
        return DrugObservationLine(incident_id, start, facility_id, facility_name, zone_name, types,
                                   (), (), None, None, "", "", "", "", False, summary)
    return DrugObservationLine(
        incident_id, start, facility_id, facility_name, zone_name, types,
        tuple(DrugActivity(a) for a in drug.activities), tuple(drug.substances), drug.sellers_count,
        drug.buyers_count, drug.sellers_description, drug.buyers_description, drug.vehicles,
        drug.money_or_quantity, drug.outsiders_on_premises, summary)
