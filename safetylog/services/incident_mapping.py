"""Between the incident input/output dataclasses and the ORM rows, inside one session."""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from safetylog.classification import Classification
from safetylog.domain.enums import (
    DrugActivity,
    IncidentStatus,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    Severity,
    Shift,
    StaffRole,
)
from safetylog.domain.incident_fields import FIELDS, values_of
from safetylog.domain.records import (
    DrugObservation,
    IncidentDetail,
    IncidentInput,
    Injury,
    InvolvedResident,
    InvolvedStaff,
    OutsidePerson,
    PoliceContact,
    SeverityReason,
    TypeChoice,
    ViolenceDetail,
)
from safetylog.domain.timeutil import local_stamp
from safetylog.storage.models import (
    DrugObservationRow,
    Facility,
    Incident,
    IncidentInjury,
    IncidentOutsider,
    IncidentResident,
    IncidentStaff,
    IncidentTypeRow,
    PoliceContactRow,
    Resident,
    User,
    ViolenceRow,
    Zone,
)


def apply_input(row: Incident, data: IncidentInput, result: Classification) -> None:
    """Write a validated input and its classification onto ``row`` (new or being corrected)."""
    stamp = local_stamp(data.occurred_start)
    row.facility_id = data.facility_id
    row.zone_id = data.zone_id
    row.occurred_start = data.occurred_start
    row.occurred_end = data.occurred_end
    row.local_date, row.weekday, row.hour = stamp.local_date, stamp.weekday, stamp.hour
    row.shift, row.shift_date = stamp.shift.value, stamp.shift_date
    row.narrative = data.narrative
    row.measures = [m.value for m in data.measures]
    for spec in FIELDS:
        setattr(row, spec.name, getattr(data, spec.name))
    row.linked_incident_id = data.linked_incident_id
    apply_classification(row, result)
    severities = dict(result.type_severities)
    row.types = [
        IncidentTypeRow(position=i, code=c.code, subtype=c.subtype, severity=severities[c.code].value)
        for i, c in enumerate(data.types)
    ]
    row.residents = [IncidentResident(resident_id=r.resident_id, role=r.role.value) for r in data.residents]
    row.staff = [IncidentStaff(user_id=s.user_id, role=s.role.value) for s in data.staff]
    row.outsiders = [
        IncidentOutsider(description=o.description, role=o.role.value, count=o.count)
        for o in data.outsiders
    ]
    row.injuries = [
        IncidentInjury(party=i.party.value, level=i.level.value, resident_id=i.resident_id,
                       user_id=i.user_id, body_part=i.body_part, description=i.description,
                       first_absence_day=i.first_absence_day)
        for i in data.injuries
    ]
    v = data.violence
    row.violence = None if v is None else ViolenceRow(
        provocation=list(v.provocation), means=list(v.means), target=list(v.target),
        consequence=list(v.consequence), measures=list(v.measures), weapon=v.weapon,
        dangerous_object=v.dangerous_object,
    )
    d = data.drug
    row.drug = None if d is None else DrugObservationRow(
        activities=[a.value for a in d.activities], substances=list(d.substances),
        sellers_count=d.sellers_count, buyers_count=d.buyers_count,
        sellers_description=d.sellers_description, buyers_description=d.buyers_description,
        vehicles=d.vehicles, money_or_quantity=d.money_or_quantity,
        outsiders_on_premises=d.outsiders_on_premises,
    )
    p = data.police
    row.police = None if p is None else PoliceContactRow(
        called=p.called, called_at=p.called_at, arrived_at=p.arrived_at,
        police_initiated=p.police_initiated, arrests=p.arrests, report_filed=p.report_filed,
        journal_no=p.journal_no, reason=p.reason,
    )


def apply_classification(row: Incident, result: Classification) -> None:
    row.taxonomy_version = result.taxonomy_version
    row.primary_type = result.primary_type
    row.computed_severity = result.severity.value
    if not row.severity_override_reason:
        row.severity = result.severity.value
    row.severity_reasons = [[r.code, r.text_da, r.text_en] for r in result.reasons]
    row.flags = list(result.flags)
    soas = result.soas
    scored = soas is not None and soas.total is not None
    row.soas_total = soas.total if soas is not None and scored else None
    row.soas_band = soas.band.value if soas is not None and soas.band is not None else None
    row.soas_instrument = soas.instrument if soas is not None and scored else None


def input_from_row(row: Incident) -> IncidentInput:
    """The entry as it stands, e.g. to re-classify it or to start a correction from it."""
    v, d, p = row.violence, row.drug, row.police
    return IncidentInput(
        facility_id=row.facility_id, zone_id=row.zone_id, occurred_start=row.occurred_start,
        occurred_end=row.occurred_end,
        types=tuple(TypeChoice(t.code, t.subtype) for t in row.types),
        narrative=row.narrative,
        residents=tuple(
            InvolvedResident(r.resident_id, PersonRole(r.role))
            for r in row.residents
        ),
        staff=tuple(
            InvolvedStaff(s.user_id, StaffRole(s.role))
            for s in row.staff
        ),
        outsiders=tuple(OutsidePerson(o.description, PersonRole(o.role), o.count) for o in row.outsiders),
        injuries=tuple(_injury(i) for i in row.injuries),
        measures=tuple(Measure(m) for m in row.measures),
        violence=None if v is None else ViolenceDetail(
            tuple(v.provocation), tuple(v.means), tuple(v.target), tuple(v.consequence),
            tuple(v.measures), v.weapon, v.dangerous_object),
        drug=None if d is None else DrugObservation(
            tuple(DrugActivity(a) for a in d.activities), tuple(d.substances), d.sellers_count,
            d.buyers_count, d.sellers_description, d.buyers_description, d.vehicles,
            d.money_or_quantity, d.outsiders_on_premises),
        police=None if p is None else PoliceContact(
            p.called, p.called_at, p.arrived_at, p.police_initiated, p.arrests, p.report_filed,
            p.journal_no, p.reason),
        linked_incident_id=row.linked_incident_id,
        **values_of(row),
    )


def _injury(i: IncidentInjury) -> Injury:
    return Injury(InjuredPartyKind(i.party), InjuryLevel(i.level), i.resident_id, i.user_id,
                  i.body_part, i.description, i.first_absence_day)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def snapshot(row: Incident) -> dict[str, Any]:
    """Everything a version must preserve, as plain JSON."""
    out = asdict(input_from_row(row))
    out.update(
        status=row.status, severity=row.severity, computed_severity=row.computed_severity,
        severity_override_reason=row.severity_override_reason, primary_type=row.primary_type,
        taxonomy_version=row.taxonomy_version, flags=list(row.flags),
        severity_reasons=list(row.severity_reasons),
        soas_total=row.soas_total, soas_band=row.soas_band,
    )
    return dict(_jsonable(out))


def masked_snapshot(stored: dict[str, Any], show_journal: bool) -> dict[str, Any]:
    """A version's snapshot as a reader may see it: the police journal number hidden, as in the
    record itself, from roles without POLICE_JOURNAL_READ."""
    out = dict(stored)
    police = out.get("police")
    if not show_journal and isinstance(police, dict) and police.get("journal_no"):
        out["police"] = {**police, "journal_no": "***"}
    return out


def detail_from_row(session: Session, row: Incident, *, show_journal: bool) -> IncidentDetail:
    pseudonyms = {}
    for involved in row.residents:
        resident = session.get(Resident, involved.resident_id)
        pseudonyms[involved.resident_id] = resident.pseudonym if resident else "?"
    names = {s.user_id: (session.get(User, s.user_id) or User(display_name="?")).display_name
             for s in row.staff}
    registered_by = session.get(User, row.registered_by_id)
    reviewed_by = session.get(User, row.reviewed_by_id) if row.reviewed_by_id else None
    data = input_from_row(row)
    police = data.police
    if police is not None and not show_journal and police.journal_no:
        police = replace(police, journal_no="***")
    zone = session.get(Zone, row.zone_id) if row.zone_id else None
    facility = session.get(Facility, row.facility_id)
    return IncidentDetail(
        id=row.id, version=row.version, status=IncidentStatus(row.status),
        facility_id=row.facility_id, facility_name=facility.name if facility else "",
        zone_id=row.zone_id, zone_name=zone.name if zone else None,
        occurred_start=row.occurred_start, occurred_end=row.occurred_end,
        local_date=row.local_date, weekday=row.weekday, hour=row.hour, shift=Shift(row.shift),
        shift_date=row.shift_date, registered_at=row.registered_at,
        registered_by=registered_by.display_name if registered_by else "?",
        registered_by_id=row.registered_by_id, taxonomy_version=row.taxonomy_version,
        types=data.types, primary_type=row.primary_type, severity=Severity(row.severity),
        computed_severity=Severity(row.computed_severity),
        severity_reasons=tuple(SeverityReason(*r) for r in row.severity_reasons),
        severity_override_reason=row.severity_override_reason, flags=tuple(row.flags),
        narrative=row.narrative,
        residents=tuple((r.resident_id, pseudonyms.get(r.resident_id, "?"), PersonRole(r.role))
                        for r in row.residents),
        staff=tuple((s.user_id, names[s.user_id], StaffRole(s.role)) for s in row.staff),
        outsiders=data.outsiders, injuries=data.injuries, measures=data.measures,
        violence=data.violence, drug=data.drug, police=police, **values_of(data),
        linked_incident_id=row.linked_incident_id, soas_total=row.soas_total,
        soas_band=row.soas_band,
        reviewed_by=reviewed_by.display_name if reviewed_by else None, reviewed_at=row.reviewed_at,
    )
