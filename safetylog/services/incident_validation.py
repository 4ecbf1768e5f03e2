"""Validation of an incident entry against the taxonomy and the database, field by field."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.orm import Session

from safetylog.domain.enums import (
    DrugActivity,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    StaffRole,
)
from safetylog.domain.implications import contradictions
from safetylog.domain.incident_fields import check_fields
from safetylog.domain.records import (
    DrugObservation,
    IncidentInput,
    Injury,
    InvolvedResident,
    InvolvedStaff,
    OutsidePerson,
    PoliceContact,
    TypeChoice,
    ViolenceDetail,
)
from safetylog.domain.taxonomy import Taxonomy
from safetylog.domain.validation import (
    CODE_LIMIT,
    NARRATIVE_LIMIT,
    SHORT_LIMIT,
    TEXT_LIMIT,
    Checker,
)
from safetylog.storage.models import Facility, Incident, Resident, User, Zone

MAX_PEOPLE = 50
MAX_COUNT = 1000


def validate_incident(session: Session, data: IncidentInput, taxonomy: Taxonomy,
                      now: datetime) -> IncidentInput:
    """Return a cleaned copy of ``data`` or raise ValidationError naming every bad field."""
    check = Checker()
    facility = None
    if isinstance(data.facility_id, int) and not isinstance(data.facility_id, bool):
        facility = session.get(Facility, data.facility_id)
    if facility is None:
        check.add("facility_id", "unknown_facility")
    zone_id = data.zone_id
    if zone_id is not None:
        zone = session.get(Zone, zone_id) if isinstance(zone_id, int) else None
        if zone is None or zone.facility_id != data.facility_id:
            check.add("zone_id", "unknown_zone")
    start = check.moment("occurred_start", data.occurred_start, now=now)
    end = check.moment("occurred_end", data.occurred_end, required=False, now=now)
    if start and end and end < start:
        check.add("occurred_end", "end_before_start")
    types = _check_types(check, data.types, taxonomy)
    narrative = check.text("narrative", data.narrative, limit=NARRATIVE_LIMIT, required=True)
    residents = _check_residents(session, check, data)
    staff = _check_staff(session, check, data.staff)
    outsiders = _check_outsiders(check, data.outsiders)
    injuries = _check_injuries(session, check, data)
    measures = check.choices("measures", data.measures, Measure)
    described = check_fields(check, data)  # the simple fields (incident_fields.FIELDS)
    violence = _check_violence(check, data.violence)
    drug = _check_drug(check, data.drug)
    police = _check_police(check, data.police, now)
    if data.linked_incident_id is not None and (
        not isinstance(data.linked_incident_id, int)
        or session.get(Incident, data.linked_incident_id) is None
    ):
        check.add("linked_incident_id", "invalid_choice", value=str(data.linked_incident_id))
    if check.ok("types"):  # a fact the types already state may not be denied elsewhere
        for field, problem in contradictions(replace(data, types=types), taxonomy).items():
            check.problems.setdefault(field, problem)
    check.raise_if_any()
    assert start is not None
    return replace(
        data, occurred_start=start, occurred_end=end, types=types, narrative=narrative,
        residents=residents, staff=staff, outsiders=outsiders, injuries=injuries,
        measures=measures, violence=violence, drug=drug, police=police, **described,
    )


def _check_types(check: Checker, choices: object, taxonomy: Taxonomy) -> tuple[TypeChoice, ...]:
    if not isinstance(choices, (tuple, list)) or not choices:
        check.add("types", "no_types")
        return ()
    result: list[TypeChoice] = []
    seen: set[str] = set()
    for choice in choices:
        if not isinstance(choice, TypeChoice) or not isinstance(choice.code, str):
            check.add("types", "invalid_choice", value=str(choice)[:40])
            continue
        itype = taxonomy.get(choice.code)
        if itype is None:
            check.add("types", "unknown_type", code=choice.code[:CODE_LIMIT])
            continue
        if choice.code in seen:
            check.add("types", "duplicate_type", code=choice.code)
            continue
        seen.add(choice.code)
        subtype = choice.subtype or None
        if subtype is not None and itype.subtype(subtype) is None:
            check.add("types", "unknown_subtype", code=choice.code, subtype=str(subtype)[:CODE_LIMIT])
            continue
        result.append(TypeChoice(choice.code, subtype))
    return tuple(result)


def _check_residents(session: Session, check: Checker, data: IncidentInput) -> tuple[InvolvedResident, ...]:
    result: list[InvolvedResident] = []
    if len(data.residents) > MAX_PEOPLE:
        check.add("residents", "out_of_range", low=0, high=MAX_PEOPLE)
        return ()
    for involved in data.residents:
        role = check.choice("residents", involved.role, PersonRole)
        resident = session.get(Resident, involved.resident_id) if isinstance(
            involved.resident_id, int) else None
        if resident is None:
            check.add("residents", "unknown_resident")
        elif resident.facility_id != data.facility_id:
            check.add("residents", "resident_other_facility", pseudonym=resident.pseudonym)
        elif any(r.resident_id == resident.id for r in result):
            check.add("residents", "duplicate_resident")
        elif role is not None:
            result.append(InvolvedResident(resident.id, role))
    return tuple(result)


def _check_staff(
    session: Session, check: Checker, staff: tuple[InvolvedStaff, ...]
) -> tuple[InvolvedStaff, ...]:
    result: list[InvolvedStaff] = []
    for involved in staff[:MAX_PEOPLE]:
        role = check.choice("staff", involved.role, StaffRole)
        user = session.get(User, involved.user_id) if isinstance(involved.user_id, int) else None
        if user is None:
            check.add("staff", "unknown_user")
        elif role is not None and all(s.user_id != user.id for s in result):
            result.append(InvolvedStaff(user.id, role))
    return tuple(result)


def _check_outsiders(check: Checker, outsiders: tuple[OutsidePerson, ...]) -> tuple[OutsidePerson, ...]:
    result = []
    for person in outsiders[:MAX_PEOPLE]:
        description = check.text("outsiders", person.description, required=True)
        role = check.choice("outsiders", person.role, PersonRole)
        count = check.integer("outsiders", person.count, low=1, high=MAX_COUNT, required=True)
        if role is not None and count is not None:
            result.append(OutsidePerson(description, role, count))
    return tuple(result)


def _check_injuries(session: Session, check: Checker, data: IncidentInput) -> tuple[Injury, ...]:
    result = []
    for injury in data.injuries[:MAX_PEOPLE]:
        party = check.choice("injuries", injury.party, InjuredPartyKind)
        level = check.choice("injuries", injury.level, InjuryLevel)
        body_part = check.text("injuries", injury.body_part, limit=SHORT_LIMIT)
        description = check.text("injuries", injury.description)
        absence = check.day("injuries", injury.first_absence_day, required=False)
        resident_id = injury.resident_id if party is InjuredPartyKind.RESIDENT else None
        user_id = injury.user_id if party is InjuredPartyKind.STAFF else None
        if party is InjuredPartyKind.RESIDENT:
            resident = session.get(Resident, resident_id) if isinstance(resident_id, int) else None
            if resident is None or resident.facility_id != data.facility_id:
                check.add("injuries", "unknown_resident")
        if party is InjuredPartyKind.STAFF and (
            not isinstance(user_id, int) or session.get(User, user_id) is None
        ):
            check.add("injuries", "unknown_user")
        if party is not None and level is not None:
            result.append(Injury(party, level, resident_id, user_id, body_part, description, absence))
    return tuple(result)


def _codes(check: Checker, field: str, values: object) -> tuple[str, ...]:
    if not isinstance(values, (tuple, list)):
        check.add(field, "invalid_format", expected="list of codes")
        return ()
    out: list[str] = []
    for value in values:
        code = check.text(field, value, limit=CODE_LIMIT, personal=False)
        if code and code not in out:
            out.append(code)
    return tuple(out)


def _check_violence(check: Checker, violence: ViolenceDetail | None) -> ViolenceDetail | None:
    if violence is None:
        return None
    return ViolenceDetail(
        provocation=_codes(check, "violence.provocation", violence.provocation),
        means=_codes(check, "violence.means", violence.means),
        target=_codes(check, "violence.target", violence.target),
        consequence=_codes(check, "violence.consequence", violence.consequence),
        measures=_codes(check, "violence.measures", violence.measures),
        weapon=bool(violence.weapon), dangerous_object=bool(violence.dangerous_object),
    )


def _check_drug(check: Checker, drug: DrugObservation | None) -> DrugObservation | None:
    if drug is None:
        return None
    return DrugObservation(
        activities=check.choices("drug.activities", drug.activities, DrugActivity),
        substances=tuple(
            s for s in (check.text("drug.substances", v, limit=SHORT_LIMIT) for v in drug.substances[:20])
            if s
        ),
        sellers_count=check.integer("drug.sellers_count", drug.sellers_count, low=0, high=MAX_COUNT),
        buyers_count=check.integer("drug.buyers_count", drug.buyers_count, low=0, high=MAX_COUNT),
        sellers_description=check.text("drug.sellers_description", drug.sellers_description),
        buyers_description=check.text("drug.buyers_description", drug.buyers_description),
        vehicles=check.text("drug.vehicles", drug.vehicles),
        money_or_quantity=check.text("drug.money_or_quantity", drug.money_or_quantity),
        outsiders_on_premises=bool(drug.outsiders_on_premises),
    )


def _check_police(check: Checker, police: PoliceContact | None, now: datetime) -> PoliceContact | None:
    if police is None:
        return None
    called_at = check.moment("police.called_at", police.called_at, required=False, now=now)
    arrived_at = check.moment("police.arrived_at", police.arrived_at, required=False, now=now)
    if called_at and arrived_at and arrived_at < called_at:
        check.add("police.arrived_at", "end_before_start")
    arrests = check.integer("police.arrests", police.arrests, low=0, high=MAX_COUNT, required=True)
    journal = check.text("police.journal_no", police.journal_no, limit=60)
    return PoliceContact(
        called=bool(police.called), called_at=called_at, arrived_at=arrived_at,
        police_initiated=bool(police.police_initiated), arrests=arrests or 0,
        report_filed=bool(police.report_filed), journal_no=journal,
        reason=check.text("police.reason", police.reason, limit=TEXT_LIMIT),
    )
