"""Drug-trade observations, police contacts and Brøset (BVC) risk days, counted in SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from safetylog.domain.enums import DrugActivity
from safetylog.storage.models import (
    BvcAssessmentRow,
    DrugObservationRow,
    Incident,
    IncidentResident,
    IncidentTypeRow,
    PoliceContactRow,
)
from safetylog.summaries.counts import counted_ids, incident_conditions, name_zones
from safetylog.summaries.model import (
    HOURS,
    WEEKDAYS,
    BvcSummary,
    DrugTradeSummary,
    PoliceSummary,
    SummaryScope,
)

DRUG_TRADE_CODES = ("DRG-DEAL",)
BVC_HIGH = 3  # a total above 2 is high risk


def _int(value: Any) -> int:
    return int(value or 0)


def drug_trade_conditions(scope: SummaryScope) -> list[ColumnElement[bool]]:
    return [*incident_conditions(scope), Incident.id.in_(
        select(IncidentTypeRow.incident_id).where(IncidentTypeRow.code.in_(DRUG_TRADE_CODES)))]


def drug_trade(session: Session, scope: SummaryScope) -> DrugTradeSummary:
    conditions = drug_trade_conditions(scope)
    hours, weekdays = [0] * HOURS, [0] * WEEKDAYS
    zones: dict[int | None, int] = {}
    total = 0
    # One pass: zone x hour x weekday, added up per dimension here.
    for zone, hour, day, n in session.execute(
            select(Incident.zone_id, Incident.hour, Incident.weekday, func.count()).where(*conditions)
            .group_by(Incident.zone_id, Incident.hour, Incident.weekday)):
        n = int(n)
        total += n
        hours[int(hour)] += n
        weekdays[int(day)] += n
        zones[zone] = zones.get(zone, 0) + n
    # Activities are a JSON list; a LIKE on its text is the one test both databases share.
    text = cast(DrugObservationRow.activities, String)
    activity_sums = [func.sum(case((text.like(f'%"{a.value}"%'), 1), else_=0)) for a in DrugActivity]
    stmt = (select(func.count(), func.sum(case((DrugObservationRow.outsiders_on_premises, 1), else_=0)),
                   func.sum(DrugObservationRow.sellers_count), func.sum(DrugObservationRow.buyers_count),
                   *activity_sums)
            .select_from(Incident)
            .join(DrugObservationRow, DrugObservationRow.incident_id == Incident.id)
            .where(*conditions))
    row = session.execute(stmt).one()
    activities = tuple(sorted((a.value, _int(n)) for a, n in zip(DrugActivity, row[4:], strict=True)
                              if _int(n)))
    return DrugTradeSummary(
        observations=total, by_zone=name_zones(session, zones), by_hour=tuple(hours),
        by_weekday=tuple(weekdays), by_activity=activities, with_outsiders=_int(row[1]),
        sellers_seen=_int(row[2]), buyers_seen=_int(row[3]),
    )


def police_contact_condition() -> ColumnElement[bool]:
    """What counts as a police contact, everywhere (overview, both reports, the exports): the
    police were called, came on their own, arrested someone, or a police report was filed."""
    return or_(PoliceContactRow.called, PoliceContactRow.police_initiated, PoliceContactRow.arrests > 0,
               PoliceContactRow.report_filed)


def police(session: Session, scope: SummaryScope) -> PoliceSummary:
    contact = police_contact_condition()
    stmt = select(
        func.sum(case((contact, 1), else_=0)),
        func.sum(case((PoliceContactRow.called, 1), else_=0)),
        func.sum(case((PoliceContactRow.police_initiated, 1), else_=0)),
        func.sum(PoliceContactRow.arrests),
        func.sum(case((PoliceContactRow.arrests > 0, 1), else_=0)),
        func.sum(case((PoliceContactRow.report_filed, 1), else_=0)),
    ).where(PoliceContactRow.incident_id.in_(counted_ids(scope)))
    contacts, called, initiated, arrests, with_arrest, reports = session.execute(stmt).one()
    return PoliceSummary(_int(contacts), _int(called), _int(initiated), _int(arrests),
                         _int(with_arrest), _int(reports))


def bvc(session: Session, scope: SummaryScope) -> BvcSummary:
    """Brøset scores against incidents, per resident-day (the shift date both carry)."""
    in_scope = and_(BvcAssessmentRow.facility_id.in_(sorted(scope.facility_ids)),
                    BvcAssessmentRow.shift_date >= scope.date_from,
                    BvcAssessmentRow.shift_date <= scope.date_to)
    assessments, high = session.execute(select(
        func.count(), func.sum(case((BvcAssessmentRow.total >= BVC_HIGH, 1), else_=0))
    ).where(in_scope)).one()
    high_days = (select(BvcAssessmentRow.resident_id, BvcAssessmentRow.shift_date)
                 .where(in_scope, BvcAssessmentRow.total >= BVC_HIGH).distinct().subquery())
    # Driven from the (few) high-risk days to the incidents of that resident on that shift date.
    matches = (select(high_days.c.resident_id, high_days.c.shift_date, Incident.id.label("incident_id"))
               .select_from(high_days)
               .join(IncidentResident, IncidentResident.resident_id == high_days.c.resident_id)
               .join(Incident, and_(Incident.id == IncidentResident.incident_id,
                                    Incident.shift_date == high_days.c.shift_date))
               .where(*incident_conditions(scope)).subquery())
    days_total = session.scalar(select(func.count()).select_from(high_days))
    days_with = session.scalar(select(func.count()).select_from(
        select(matches.c.resident_id, matches.c.shift_date).distinct().subquery()))
    incidents_high = session.scalar(select(func.count(func.distinct(matches.c.incident_id))))
    incidents_total = session.scalar(
        select(func.count(func.distinct(IncidentResident.incident_id)))
        .join(Incident, Incident.id == IncidentResident.incident_id).where(*incident_conditions(scope)))
    return BvcSummary(_int(assessments), _int(high), _int(days_total), _int(days_with),
                      _int(incidents_total), _int(incidents_high))
