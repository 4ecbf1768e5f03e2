"""The lists behind the reports, in SQL: the counted incidents by pseudonym, duties with their
state at the stamp, staff injuries with their EASY state, and the PSP records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from safetylog.classification.duties import CLOSED_STATES
from safetylog.domain.enums import InjuredPartyKind
from safetylog.domain.incident_fields import REPORT_FIELDS
from safetylog.domain.timeutil import to_local
from safetylog.storage.models import (
    Disclosure,
    DutyRow,
    Facility,
    Incident,
    IncidentInjury,
    IncidentResident,
    IncidentTypeRow,
    PoliceContactRow,
    PspActionItem,
    PspActionItemCarry,
    PspAgreement,
    PspMeeting,
    PspMeetingFacility,
    Resident,
    User,
    Zone,
)
from safetylog.summaries.activity import DRUG_TRADE_CODES, police_contact_condition
from safetylog.summaries.counts import counted_ids, incident_conditions
from safetylog.summaries.duties import EASY_DAYS, OPEN_ACTION, WORK_INJURY
from safetylog.summaries.model import SummaryScope
from safetylog.summaries.records import (
    ActionLine,
    AgreementLine,
    DisclosedResident,
    DutyLine,
    IncidentLine,
    InjuryLine,
    MeetingInfo,
)


def _grouped(session: Session, stmt: object) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for key, value in session.execute(stmt):  # type: ignore[call-overload]
        out.setdefault(int(key), []).append(str(value))
    return {k: tuple(v) for k, v in out.items()}


def incident_lines(session: Session, scope: SummaryScope, *, resident_id: int | None = None,
                   with_residents: bool = True) -> tuple[IncidentLine, ...]:
    """The counted incidents, oldest first (optionally only those involving one resident)."""
    conditions = incident_conditions(scope)
    if resident_id is not None:
        conditions.append(Incident.id.in_(select(IncidentResident.incident_id)
                                          .where(IncidentResident.resident_id == resident_id)))
    ids = select(Incident.id).where(*conditions)
    types = _grouped(session, select(IncidentTypeRow.incident_id, IncidentTypeRow.code)
                     .where(IncidentTypeRow.incident_id.in_(ids))
                     .order_by(IncidentTypeRow.incident_id, IncidentTypeRow.position))
    pseudonyms = _grouped(session, select(IncidentResident.incident_id, Resident.pseudonym)
                          .join(Resident, Resident.id == IncidentResident.resident_id)
                          .where(IncidentResident.incident_id.in_(ids))
                          .order_by(IncidentResident.incident_id, Resident.pseudonym)
                          ) if with_residents else {}
    stmt = (select(Incident.id, Incident.facility_id, Facility.code, Incident.occurred_start,
                   Incident.local_date, Incident.weekday, Incident.hour, Incident.shift, Zone.name,
                   Incident.primary_type, Incident.severity, Incident.status,
                   Incident.taxonomy_version, PoliceContactRow.called,
                   PoliceContactRow.police_initiated, PoliceContactRow.arrests,
                   PoliceContactRow.report_filed, police_contact_condition().label("contact"),
                   *(Incident.__table__.c[s.name] for s in REPORT_FIELDS))
            .join(Facility, Facility.id == Incident.facility_id)
            .outerjoin(Zone, Zone.id == Incident.zone_id)
            .outerjoin(PoliceContactRow, PoliceContactRow.incident_id == Incident.id)
            .where(*conditions).order_by(Incident.occurred_start, Incident.id))
    lines = []
    for r in session.execute(stmt):
        codes = types.get(r.id, (r.primary_type,))
        lines.append(IncidentLine(
            id=r.id, facility_id=r.facility_id, facility_code=r.code, local_date=r.local_date,
            time=to_local(r.occurred_start).strftime("%H:%M"), weekday=r.weekday, hour=r.hour,
            shift=r.shift, zone=r.name or "", primary_type=r.primary_type, type_codes=codes,
            severity=r.severity, status=r.status, residents=pseudonyms.get(r.id, ()),
            police_contact=bool(r.contact), arrests=int(r.arrests or 0),
            report_filed=bool(r.report_filed),
            drug_trade=any(c in DRUG_TRADE_CODES for c in codes), taxonomy_version=r.taxonomy_version,
            described=tuple((s.name, getattr(r, s.name)) for s in REPORT_FIELDS),
        ))
    return tuple(lines)


def duty_state(due_at: datetime | None, closed_at: datetime | None, state: str, as_of: datetime) -> str:
    closed = (closed_at is not None and closed_at <= as_of) or (closed_at is None and state in CLOSED_STATES)
    if closed:
        late = closed_at is not None and due_at is not None and closed_at > due_at
        return "closed_late" if late else "closed"
    return "overdue" if due_at is not None and due_at < as_of else "open"


def duty_lines(session: Session, scope: SummaryScope, as_of: datetime,
               kinds: tuple[str, ...]) -> tuple[DutyLine, ...]:
    """The duties the period's incidents raised, as they stood at ``as_of``."""
    return _duty_lines(session, select(DutyRow, Incident.local_date)
                       .join(Incident, Incident.id == DutyRow.incident_id)
                       .where(DutyRow.incident_id.in_(counted_ids(scope)), DutyRow.kind.in_(kinds),
                              DutyRow.created_at <= as_of), as_of)


def overdue_duty_lines(session: Session, scope: SummaryScope, as_of: datetime) -> tuple[DutyLine, ...]:
    """Every duty overdue at ``as_of`` in the scope's facilities, whatever month its incident
    belongs to: a legal duty left open does not drop out of next month's report. An EASY duty
    without a due date of its own is overdue 14 days after the first day of absence."""
    open_at = or_(DutyRow.closed_at.is_(None), DutyRow.closed_at > as_of)
    not_done = or_(DutyRow.closed_at.is_not(None), DutyRow.state.not_in(CLOSED_STATES))
    cutoff = to_local(as_of).date() - timedelta(days=EASY_DAYS)
    easy_late = DutyRow.id.in_(
        select(DutyRow.id).join(IncidentInjury, IncidentInjury.incident_id == DutyRow.incident_id)
        .where(DutyRow.kind == WORK_INJURY, DutyRow.due_at.is_(None),
               IncidentInjury.party == InjuredPartyKind.STAFF.value,
               IncidentInjury.first_absence_day < cutoff))
    ids = select(Incident.id).where(*incident_conditions(scope, dated=False))
    stmt = (select(DutyRow, Incident.local_date).join(Incident, Incident.id == DutyRow.incident_id)
            .where(DutyRow.incident_id.in_(ids), DutyRow.created_at <= as_of, open_at, not_done,
                   or_(DutyRow.due_at < as_of, easy_late)))
    return tuple(replace(line, state="overdue") for line in _duty_lines(session, stmt, as_of))


def _duty_lines(session: Session, stmt: Select[DutyRow, date],
                as_of: datetime) -> tuple[DutyLine, ...]:
    stmt = stmt.order_by(Incident.local_date, DutyRow.id)
    out = []
    for duty, local_date in session.execute(stmt):
        details = duty.details or {}
        reference = str(details.get("reference") or details.get("easy_reference")
                        or details.get("sbst_reference") or "")
        closed_at = duty.closed_at if duty.closed_at is not None and duty.closed_at <= as_of else None
        out.append(DutyLine(duty.id, duty.incident_id, local_date, duty.kind,
                            duty_state(duty.due_at, duty.closed_at, duty.state, as_of),
                            duty.due_at, closed_at, reference if closed_at else ""))
    return tuple(out)


def injury_lines(session: Session, scope: SummaryScope, as_of: datetime) -> tuple[InjuryLine, ...]:
    """Staff injuries without names; the EASY state comes from the incident's work-injury duty."""
    easy = {d.incident_id: d.state for d in duty_lines(session, scope, as_of, (WORK_INJURY,))}
    cutoff = to_local(as_of).date() - timedelta(days=EASY_DAYS)
    stmt = (select(IncidentInjury, Incident.local_date)
            .join(Incident, Incident.id == IncidentInjury.incident_id)
            .where(IncidentInjury.incident_id.in_(counted_ids(scope)),
                   IncidentInjury.party == InjuredPartyKind.STAFF.value)
            .order_by(Incident.local_date, IncidentInjury.id))
    out = []
    for injury, local_date in session.execute(stmt):
        absence = injury.first_absence_day
        if absence is None:
            state = easy.get(injury.incident_id, "not_required")
        else:
            state = easy.get(injury.incident_id, "missing")
            if state == "open" and absence < cutoff:
                state = "overdue"
        out.append(InjuryLine(injury.incident_id, local_date, injury.level, injury.body_part,
                              absence, state))
    return tuple(out)


def police_count(session: Session, scope: SummaryScope) -> int:
    return int(session.scalar(select(func.count()).select_from(PoliceContactRow).where(
        PoliceContactRow.incident_id.in_(counted_ids(scope)), police_contact_condition())) or 0)


# --- PSP -----------------------------------------------------------------------------------


def _codes(session: Session) -> dict[int, str]:
    return {int(i): str(c) for i, c in session.execute(select(Facility.id, Facility.code))}


def agreement_lines(session: Session, facility_ids: tuple[int, ...]) -> tuple[AgreementLine, ...]:
    codes = _codes(session)
    rows = session.scalars(select(PspAgreement).where(PspAgreement.facility_id.in_(sorted(facility_ids)))
                           .order_by(PspAgreement.facility_id, PspAgreement.id))
    return tuple(AgreementLine(codes.get(r.facility_id, "?"), r.title, r.police_contact, r.scope,
                               r.valid_from, r.valid_to, r.status) for r in rows)


def action_lines(session: Session, scope: SummaryScope, as_of: datetime) -> tuple[ActionLine, ...]:
    """Items open at the stamp (carried over) and items closed during the period."""
    codes = _codes(session)
    today = to_local(as_of).date()
    carried = dict(session.execute(select(PspActionItemCarry.item_id, func.count())
                                   .group_by(PspActionItemCarry.item_id)).all())
    meetings = dict(session.execute(select(PspMeeting.id, PspMeeting.held_on)).all())
    stmt = (select(PspActionItem).where(
        or_(PspActionItem.facility_id.is_(None), PspActionItem.facility_id.in_(sorted(scope.facility_ids))),
        PspActionItem.created_at <= as_of)
        .order_by(PspActionItem.due_on, PspActionItem.id))
    out = []
    for item in session.scalars(stmt):
        closed = item.closed_at is not None and item.closed_at <= as_of
        if closed:
            assert item.closed_at is not None
            if to_local(item.closed_at).date() < scope.date_from:
                continue
            status = item.status
        else:
            status = item.status if item.status in OPEN_ACTION else "open"
        overdue = not closed and item.due_on is not None and item.due_on < today
        out.append(ActionLine(item.id, item.text, item.owner_role, item.due_on, status,
                              codes.get(item.facility_id, "") if item.facility_id else "",
                              meetings.get(item.source_meeting_id) if item.source_meeting_id else None,
                              int(carried.get(item.id, 0)), overdue))
    return tuple(out)


def meeting_info(session: Session, meeting_id: int) -> MeetingInfo | None:
    row = session.get(PspMeeting, meeting_id)
    return MeetingInfo(row.id, row.held_on, row.district, row.participants) if row else None


def next_meeting(session: Session, facility_ids: tuple[int, ...], on_or_after: date) -> int | None:
    """The first meeting on or after ``on_or_after`` that covers one of the facilities."""
    return session.scalar(
        select(PspMeeting.id).join(PspMeetingFacility, PspMeetingFacility.meeting_id == PspMeeting.id)
        .where(PspMeeting.held_on >= on_or_after, PspMeetingFacility.facility_id.in_(sorted(facility_ids)))
        .order_by(PspMeeting.held_on, PspMeeting.id).limit(1))


def disclosed_residents(session: Session, scope: SummaryScope,
                        meeting_id: int) -> tuple[DisclosedResident, ...]:
    """Residents with a disclosure decision for this meeting, living at a facility in scope."""
    codes = _codes(session)
    stmt = (select(Disclosure, Resident, PspMeeting.held_on, User.display_name)
            .join(Resident, Resident.id == Disclosure.resident_id)
            .join(PspMeeting, PspMeeting.id == Disclosure.meeting_id)
            .join(User, User.id == Disclosure.decided_by_id)
            .where(and_(Disclosure.meeting_id == meeting_id,
                        Resident.facility_id.in_(sorted(scope.facility_ids))))
            .order_by(Resident.pseudonym, Disclosure.id))
    out = []
    for disclosure, resident, held_on, decided_by in session.execute(stmt):
        out.append(DisclosedResident(
            disclosure.id, resident.id, resident.pseudonym, codes.get(resident.facility_id, "?"),
            meeting_id, held_on, disclosure.legal_basis, disclosure.necessity_note, decided_by,
            disclosure.decided_at, incident_lines(session, scope, resident_id=resident.id)))
    return tuple(out)
