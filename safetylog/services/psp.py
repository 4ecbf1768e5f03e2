"""The PSP cooperation: meetings, police agreements, cooperation notes, action items that carry
over from meeting to meeting, and the disclosure decisions that name a resident to a meeting."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import ActionItemStatus, AgreementStatus, AuditAction
from safetylog.domain.errors import NotFound, PermissionDenied
from safetylog.domain.records import (
    ActionItemInput,
    ActionItemRecord,
    Actor,
    AgreementInput,
    AgreementRecord,
    CooperationNoteRecord,
    DisclosureRecord,
    MeetingInput,
    MeetingRecord,
)
from safetylog.domain.validation import NARRATIVE_LIMIT, SHORT_LIMIT, TEXT_LIMIT, Checker
from safetylog.services import audit
from safetylog.services.base import Service, moved_on, require_version, stale_is_conflict
from safetylog.services.permissions import Permission, may_edit_note, require, require_facility
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import (
    Disclosure,
    Facility,
    PspActionItem,
    PspActionItemCarry,
    PspAgreement,
    PspMeeting,
    PspMeetingFacility,
    PspNote,
    Resident,
    User,
)

LEGAL_BASIS_115 = "Retsplejelovens § 115"
_OPEN = (ActionItemStatus.OPEN.value, ActionItemStatus.IN_PROGRESS.value)


def _name(session: Session, user_id: int) -> str:
    user = session.get(User, user_id)
    return user.display_name if user else "?"


def meeting_record(session: Session, row: PspMeeting) -> MeetingRecord:
    return MeetingRecord(row.id, row.held_on, row.district, tuple(f.facility_id for f in row.facilities),
                         row.participants, row.agenda, row.minutes, _name(session, row.created_by_id),
                         row.version)


def agreement_record(row: PspAgreement) -> AgreementRecord:
    return AgreementRecord(row.id, row.facility_id, row.title, row.police_contact, row.scope,
                           row.valid_from, row.valid_to, AgreementStatus(row.status), row.version)


def action_record(session: Session, row: PspActionItem) -> ActionItemRecord:
    seen = tuple(session.scalars(select(PspActionItemCarry.meeting_id)
                                 .where(PspActionItemCarry.item_id == row.id)
                                 .order_by(PspActionItemCarry.meeting_id)))
    return ActionItemRecord(row.id, row.text, row.owner_role, row.due_on, ActionItemStatus(row.status),
                            row.source_meeting_id, row.facility_id, row.created_at, row.closed_at, seen,
                            row.version)


def note_record(session: Session, row: PspNote) -> CooperationNoteRecord:
    return CooperationNoteRecord(row.id, row.facility_id, row.meeting_id, row.text,
                                 _name(session, row.author_id), row.created_at, row.version,
                                 row.author_id)


def _meeting_covers(session: Session, meeting_id: object, facility_id: int) -> bool:
    """Whether the meeting exists and deals with ``facility_id`` (its residents and notes)."""
    if not is_row_id(meeting_id) or not is_row_id(facility_id):
        return False
    return session.get(PspMeetingFacility, (meeting_id, facility_id)) is not None


# --- the fields of each record, checked alike when entered and when imported ----------------


def check_meeting(check: Checker, held_on: object, district: object, participants: object,
                  agenda: object, minutes: object) -> tuple[date | None, str, str, str, str]:
    return (check.day("held_on", held_on),
            check.text("district", district, limit=SHORT_LIMIT, required=True, personal=False),
            check.text("participants", participants, limit=TEXT_LIMIT),
            check.text("agenda", agenda, limit=NARRATIVE_LIMIT),
            check.text("minutes", minutes, limit=NARRATIVE_LIMIT))


def check_agreement(check: Checker, title: object, police_contact: object, scope: object,
                    valid_from: object, valid_to: object, status: object
                    ) -> tuple[str, str, str, date | None, date | None, AgreementStatus | None]:
    clean_title = check.text("title", title, limit=SHORT_LIMIT, required=True)
    contact = check.text("police_contact", police_contact)
    clean_scope = check.text("scope", scope, limit=TEXT_LIMIT)
    start = check.day("valid_from", valid_from, required=False)
    end = check.day("valid_to", valid_to, required=False)
    if start and end and end < start:
        check.add("valid_to", "date_order")
    return clean_title, contact, clean_scope, start, end, check.choice("status", status, AgreementStatus)


def check_note(check: Checker, text: object) -> str:
    return check.text("text", text, limit=NARRATIVE_LIMIT, required=True)


def check_action_item(check: Checker, text: object, owner_role: object,
                      due_on: object) -> tuple[str, str, date | None]:
    return (check.text("text", text, limit=TEXT_LIMIT, required=True),
            check.text("owner_role", owner_role, limit=SHORT_LIMIT, required=True),
            check.day("due_on", due_on, required=False))


def check_disclosure(check: Checker, necessity_note: object, legal_basis: object) -> tuple[str, str]:
    return (check.text("necessity_note", necessity_note, limit=TEXT_LIMIT, required=True),
            check.text("legal_basis", legal_basis, limit=SHORT_LIMIT, required=True, personal=False))


class PspService(Service):
    # --- meetings ---------------------------------------------------------------------------

    def create_meeting(self, actor: Actor, data: MeetingInput) -> MeetingRecord:
        """A new meeting. Every action item still open is carried over to it automatically."""
        require(actor, Permission.PSP_MANAGE)
        with self._sf.begin() as session:
            check = Checker()
            held_on, district, participants, agenda, minutes = check_meeting(
                check, data.held_on, data.district, data.participants, data.agenda, data.minutes)
            if not data.facility_ids:
                check.add("facility_ids", "required")
            for fid in data.facility_ids:
                known = isinstance(fid, int) and session.get(Facility, fid) is not None
                if not known or not actor.may_see_facility(fid):
                    check.add("facility_ids", "unknown_facility")
            check.raise_if_any()
            assert held_on is not None
            meeting = PspMeeting(held_on=held_on, district=district, participants=participants,
                                 agenda=agenda, minutes=minutes, created_by_id=actor.user_id,
                                 facilities=[PspMeetingFacility(facility_id=f)
                                             for f in sorted(set(data.facility_ids))])
            session.add(meeting)
            session.flush()
            carried = self._carry_open_items(session, meeting)
            audit.record(session, actor, AuditAction.CREATE, "psp_meeting", meeting.id,
                         carried_items=carried)
            return meeting_record(session, meeting)

    def update_minutes(self, actor: Actor, meeting_id: int, minutes: str, *,
                       expected_version: int) -> MeetingRecord:
        """New minutes over the ones read at ``expected_version``; never over someone else's."""
        require(actor, Permission.PSP_MANAGE)
        with stale_is_conflict(f"Meeting {meeting_id}"), self._sf.begin() as session:
            meeting = self._meeting(session, actor, meeting_id)
            require_version(f"Meeting {meeting_id}", meeting.version, expected_version)
            check = Checker()
            meeting.minutes = check.text("minutes", minutes, limit=NARRATIVE_LIMIT)
            check.raise_if_any()
            moved_on(session, meeting, expected_version, "minutes")
            audit.record(session, actor, AuditAction.UPDATE, "psp_meeting", meeting_id)
            return meeting_record(session, meeting)

    def meetings(self, actor: Actor) -> list[MeetingRecord]:
        require(actor, Permission.PSP_READ)
        with self._sf.begin() as session:
            rows = session.scalars(select(PspMeeting).order_by(PspMeeting.held_on.desc()))
            visible = [m for m in rows if any(actor.may_see_facility(f.facility_id) for f in m.facilities)]
            audit.record(session, actor, AuditAction.READ, "psp_meeting", "*", count=len(visible))
            return [meeting_record(session, m) for m in visible]

    # --- agreements with the police -------------------------------------------------------

    def save_agreement(self, actor: Actor, data: AgreementInput, agreement_id: int | None = None,
                       *, expected_version: int | None = None) -> AgreementRecord:
        """A new agreement, or (with ``agreement_id``) a change to the one read at
        ``expected_version``, which a change must give."""
        require(actor, Permission.PSP_MANAGE)
        require_facility(actor, data.facility_id)
        if agreement_id is not None and expected_version is None:
            raise TypeError("save_agreement: a change needs the expected_version that was read")
        with stale_is_conflict(f"Agreement {agreement_id}"), self._sf.begin() as session:
            check = Checker()
            if session.get(Facility, data.facility_id) is None:
                check.add("facility_id", "unknown_facility")
            title, contact, scope, valid_from, valid_to, status = check_agreement(
                check, data.title, data.police_contact, data.scope, data.valid_from, data.valid_to,
                data.status)
            check.raise_if_any()
            assert status is not None
            row = session.get(PspAgreement, agreement_id) if agreement_id else PspAgreement()
            if row is None or (agreement_id and not actor.may_see_facility(row.facility_id)):
                raise NotFound(f"No agreement {agreement_id}.")
            if agreement_id and expected_version is not None:
                require_version(f"Agreement {agreement_id}", row.version, expected_version)
            row.facility_id, row.title, row.police_contact, row.scope = (
                data.facility_id, title, contact, scope)
            row.valid_from, row.valid_to, row.status = valid_from, valid_to, status.value
            session.add(row)
            session.flush()
            if agreement_id and expected_version is not None:
                moved_on(session, row, expected_version, "status")
            audit.record(session, actor, AuditAction.UPDATE if agreement_id else AuditAction.CREATE,
                         "psp_agreement", row.id)
            return agreement_record(row)

    def agreements(self, actor: Actor, facility_ids: tuple[int, ...] = ()) -> list[AgreementRecord]:
        require(actor, Permission.PSP_READ)
        with self._sf.begin() as session:
            stmt = select(PspAgreement).order_by(PspAgreement.facility_id, PspAgreement.id)
            if facility_ids:
                stmt = stmt.where(PspAgreement.facility_id.in_([f for f in facility_ids if is_row_id(f)]))
            found = [agreement_record(r) for r in session.scalars(stmt)
                     if actor.may_see_facility(r.facility_id)]
            audit.record(session, actor, AuditAction.READ, "psp_agreement", "*", count=len(found))
            return found

    # --- cooperation notes ----------------------------------------------------------------

    def add_note(self, actor: Actor, facility_id: int, text: str,
                 meeting_id: int | None = None) -> CooperationNoteRecord:
        require(actor, Permission.PSP_MANAGE)
        require_facility(actor, facility_id)
        now = self._clock()
        with self._sf.begin() as session:
            check = Checker()
            if session.get(Facility, facility_id) is None:
                check.add("facility_id", "unknown_facility")
            if meeting_id is not None and not _meeting_covers(session, meeting_id, facility_id):
                check.add("meeting_id", "invalid_choice", value=str(meeting_id))
            text = check_note(check, text)
            check.raise_if_any()
            note = PspNote(facility_id=facility_id, meeting_id=meeting_id, text=text,
                           author_id=actor.user_id, created_at=now)
            session.add(note)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "psp_note", note.id)
            return note_record(session, note)

    def edit_note(self, actor: Actor, note_id: int, text: str, *,
                  expected_version: int) -> CooperationNoteRecord:
        """New text over the one read at ``expected_version``, by the note's author or a manager
        (``may_edit_note``)."""
        require(actor, Permission.PSP_MANAGE)
        with stale_is_conflict(f"Note {note_id}"), self._sf.begin() as session:
            note = session.get(PspNote, note_id) if is_row_id(note_id) else None
            if note is None or not actor.may_see_facility(note.facility_id):
                raise NotFound(f"No note {note_id}.")
            if not may_edit_note(actor, note.author_id):
                raise PermissionDenied(f"{actor.username} may not change a note written by someone "
                                       "else; only its author or a manager may.")
            require_version(f"Note {note_id}", note.version, expected_version)
            check = Checker()
            note.text = check.text("text", text, limit=NARRATIVE_LIMIT, required=True)
            check.raise_if_any()
            moved_on(session, note, expected_version, "text")
            audit.record(session, actor, AuditAction.UPDATE, "psp_note", note.id,
                         facility_id=note.facility_id)
            return note_record(session, note)

    def notes(self, actor: Actor, facility_id: int) -> list[CooperationNoteRecord]:
        require(actor, Permission.PSP_READ)
        require_facility(actor, facility_id)
        with self._sf.begin() as session:
            rows = list(session.scalars(select(PspNote).where(PspNote.facility_id == facility_id)
                                        .order_by(PspNote.created_at.desc())))
            audit.record(session, actor, AuditAction.READ, "psp_note", "*", facility_id=facility_id)
            return [note_record(session, n) for n in rows]

    # --- action items ---------------------------------------------------------------------

    def add_action_item(self, actor: Actor, data: ActionItemInput) -> ActionItemRecord:
        require(actor, Permission.PSP_MANAGE)
        now = self._clock()
        with self._sf.begin() as session:
            check = Checker()
            text, owner, due = check_action_item(check, data.text, data.owner_role, data.due_on)
            if data.meeting_id is not None and session.get(PspMeeting, data.meeting_id) is None:
                check.add("meeting_id", "invalid_choice", value=str(data.meeting_id))
            if data.facility_id is not None and (
                session.get(Facility, data.facility_id) is None
                or not actor.may_see_facility(data.facility_id)
            ):
                check.add("facility_id", "unknown_facility")
            check.raise_if_any()
            item = PspActionItem(text=text, owner_role=owner, due_on=due,
                                 status=ActionItemStatus.OPEN.value,
                                 source_meeting_id=data.meeting_id, facility_id=data.facility_id,
                                 created_at=now)
            session.add(item)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "psp_action_item", item.id)
            return action_record(session, item)

    def set_action_status(self, actor: Actor, item_id: int, status: ActionItemStatus | str, *,
                          expected_version: int) -> ActionItemRecord:
        require(actor, Permission.PSP_MANAGE)
        now = self._clock()
        with stale_is_conflict(f"Action item {item_id}"), self._sf.begin() as session:
            item = session.get(PspActionItem, item_id)
            hidden = item is not None and item.facility_id is not None and not actor.may_see_facility(
                item.facility_id)
            if item is None or hidden:
                raise NotFound(f"No action item {item_id}.")
            require_version(f"Action item {item_id}", item.version, expected_version)
            check = Checker()
            parsed = check.choice("status", status, ActionItemStatus)
            check.raise_if_any()
            assert parsed is not None
            item.status = parsed.value
            item.closed_at = None if parsed.value in _OPEN else now
            moved_on(session, item, expected_version, "status")
            audit.record(session, actor, AuditAction.UPDATE, "psp_action_item", item_id,
                         status=parsed.value)
            return action_record(session, item)

    def action_items(self, actor: Actor, *, open_only: bool = False) -> list[ActionItemRecord]:
        require(actor, Permission.PSP_READ)
        with self._sf.begin() as session:
            stmt = select(PspActionItem).order_by(PspActionItem.due_on, PspActionItem.id)
            if open_only:
                stmt = stmt.where(PspActionItem.status.in_(_OPEN))
            found = [action_record(session, r) for r in session.scalars(stmt)
                     if r.facility_id is None or actor.may_see_facility(r.facility_id)]
            audit.record(session, actor, AuditAction.READ, "psp_action_item", "*", count=len(found),
                         open_only=open_only)
            return found

    # --- disclosures ----------------------------------------------------------------------

    def decide_disclosure(self, actor: Actor, resident_id: int, meeting_id: int, *,
                          necessity_note: str, legal_basis: str = LEGAL_BASIS_115) -> DisclosureRecord:
        """Name a resident to one meeting: an explicit, reasoned, audited decision."""
        require(actor, Permission.PSP_DISCLOSE)
        self._require_recent_auth(actor)
        now = self._clock()
        with self._sf.begin() as session:
            check = Checker()
            resident = session.get(Resident, resident_id) if isinstance(resident_id, int) else None
            if resident is None or not actor.may_see_facility(resident.facility_id):
                check.add("resident_id", "unknown_resident")
            meeting = session.get(PspMeeting, meeting_id) if isinstance(meeting_id, int) else None
            if meeting is None or (resident is not None
                                   and not _meeting_covers(session, meeting.id, resident.facility_id)):
                check.add("meeting_id", "invalid_choice", value=str(meeting_id))
            note, basis = check_disclosure(check, necessity_note, legal_basis)
            if resident and meeting and session.scalar(select(Disclosure.id).where(
                Disclosure.resident_id == resident_id, Disclosure.meeting_id == meeting_id
            )):
                check.add("resident_id", "already_exists", value=resident.pseudonym)
            check.raise_if_any()
            assert resident is not None
            row = Disclosure(resident_id=resident_id, meeting_id=meeting_id, legal_basis=basis,
                             necessity_note=note, decided_by_id=actor.user_id, decided_at=now)
            session.add(row)
            session.flush()
            audit.record(session, actor, AuditAction.DISCLOSE, "psp_disclosure", row.id,
                         subject_resident_id=resident_id, meeting_id=meeting_id, legal_basis=basis)
            return DisclosureRecord(row.id, resident_id, resident.pseudonym, meeting_id, basis, note,
                                    actor.display_name, now)

    def disclosures(self, actor: Actor, meeting_id: int) -> list[DisclosureRecord]:
        require(actor, Permission.PSP_READ)
        if not is_row_id(meeting_id):
            return []  # no meeting has that number
        with self._sf.begin() as session:
            rows = session.scalars(select(Disclosure).where(Disclosure.meeting_id == meeting_id)
                                   .order_by(Disclosure.id))
            out = []
            for row in rows:
                resident = session.get(Resident, row.resident_id)
                if resident is None or not actor.may_see_facility(resident.facility_id):
                    continue
                out.append(DisclosureRecord(row.id, row.resident_id, resident.pseudonym,
                                            row.meeting_id, row.legal_basis, row.necessity_note,
                                            _name(session, row.decided_by_id), row.decided_at))
            audit.record(session, actor, AuditAction.READ, "psp_disclosure", "*", meeting_id=meeting_id,
                         count=len(out), residents=[d.resident_id for d in out])
            return out

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _meeting(session: Session, actor: Actor, meeting_id: int) -> PspMeeting:
        meeting = session.get(PspMeeting, meeting_id)
        if meeting is None or not any(actor.may_see_facility(f.facility_id) for f in meeting.facilities):
            raise NotFound(f"No meeting {meeting_id}.")
        return meeting

    @staticmethod
    def _carry_open_items(session: Session, meeting: PspMeeting) -> int:
        facility_ids = {f.facility_id for f in meeting.facilities}
        items = session.scalars(select(PspActionItem).where(
            PspActionItem.status.in_(_OPEN),
            (PspActionItem.source_meeting_id.is_(None)) | (PspActionItem.source_meeting_id != meeting.id),
        ))
        carried = 0
        for item in items:
            if item.facility_id is not None and item.facility_id not in facility_ids:
                continue
            source = session.get(PspMeeting, item.source_meeting_id) if item.source_meeting_id else None
            if source is not None and source.held_on >= meeting.held_on:
                continue
            session.add(PspActionItemCarry(item_id=item.id, meeting_id=meeting.id, status=item.status))
            carried += 1
        return carried


def open_items_as_of(items: list[ActionItemRecord], day: date) -> list[ActionItemRecord]:
    """Items that were open on ``day`` (for a meeting pack)."""
    return [i for i in items if i.created_at.date() <= day
            and (i.closed_at is None or i.closed_at.date() > day)]


