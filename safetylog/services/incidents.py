"""Incidents: entry, drafts, reading, corrections, addenda, severity override and sign-off.

Submitted incidents are never overwritten: every state is kept as a numbered version, and the
original stays version 1. Every call is one transaction with its audit rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from safetylog.classification import classify
from safetylog.classification.duties import OPEN_STATES, duties_for
from safetylog.classification.severity import Classification
from safetylog.classification.soas import InstrumentState
from safetylog.domain.enums import AuditAction, FeedbackKind, IncidentStatus, Severity, VersionKind
from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import (
    Actor,
    Addendum,
    DutyRecord,
    IncidentDetail,
    IncidentInput,
    IncidentVersion,
)
from safetylog.domain.taxonomy import Taxonomy, current_taxonomy
from safetylog.domain.timeutil import utcnow
from safetylog.domain.validation import NARRATIVE_LIMIT, TEXT_LIMIT, Checker, contains_cpr
from safetylog.services import audit
from safetylog.services.base import Service, stale_is_conflict
from safetylog.services.bvc import latest_for_incident
from safetylog.services.duties import RulesSource, duty_record, incident_rules, open_duties
from safetylog.services.duty_rules import installed_rules
from safetylog.services.feedback import tell_reporter
from safetylog.services.incident_mapping import (
    apply_classification,
    apply_input,
    detail_from_row,
    input_from_row,
    masked_snapshot,
    snapshot,
)
from safetylog.services.incident_validation import validate_incident
from safetylog.services.instruments import installed_soas
from safetylog.services.permissions import (
    NIGHT_STAFF_WINDOW_DAYS,
    Permission,
    has,
    read_window_start,
    require,
    require_facility,
)
from safetylog.services.residents import display_names, shows_display_names
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import (
    AddendumRow,
    DraftRow,
    DutyRow,
    Incident,
    IncidentVersionRow,
    User,
)

DRAFT_LIMIT_BYTES = 1_000_000
ADDENDUM_KINDS = ("addendum", "correction_request", "review_note")


def _fields_with_cpr(value: object, name: str = "payload") -> set[str]:
    """The top-level draft fields whose text (at any depth) holds a CPR number."""
    if isinstance(value, str):
        return {name} if contains_cpr(value) else set()
    if isinstance(value, dict):
        found: set[str] = set()
        for key, item in value.items():
            found |= _fields_with_cpr(item, str(key) if name == "payload" else name)
            if isinstance(key, str) and contains_cpr(key):
                found.add(name)
        return found
    if isinstance(value, (list, tuple)):
        return set().union(*(_fields_with_cpr(item, name) for item in value))
    return set()


def check_addendum(check: Checker, kind: object, text: object) -> str:
    """An addendum's kind and text (also every imported addendum's); the cleaned text."""
    if kind not in ADDENDUM_KINDS:
        check.add("kind", "invalid_choice", value=str(kind)[:40])
    return check.text("text", text, limit=NARRATIVE_LIMIT, required=True)


class IncidentService(Service):
    def __init__(self, session_factory: sessionmaker[Session],
                 clock: Callable[[], datetime] = utcnow,
                 taxonomy: Callable[[], Taxonomy] = current_taxonomy,
                 soas_instrument: Callable[[], InstrumentState] = installed_soas,
                 duty_rules: RulesSource = installed_rules) -> None:
        super().__init__(session_factory, clock)
        self._taxonomy = taxonomy
        self._soas = soas_instrument
        self._rules = duty_rules

    def _open_duties(self, session: Session, row: Incident, result: Classification, data: IncidentInput,
                     now: datetime) -> None:
        """Open the duties under the rules the incident keeps (see ``incident_rules``)."""
        books = self._rules()
        book = incident_rules(session, row, books)
        open_duties(session, row, duties_for(result, data, row.registered_at, book), now, books)

    # --- entry ----------------------------------------------------------------------------

    def submit(self, actor: Actor, data: IncidentInput, *, draft_id: int | None = None) -> IncidentDetail:
        """Validate, classify, store and open the duties an incident triggers: all or nothing."""
        require(actor, Permission.INCIDENT_CREATE)
        if isinstance(data.facility_id, int):
            require_facility(actor, data.facility_id)
        now = self._clock()
        taxonomy = self._taxonomy()
        with self._sf.begin() as session:
            clean = validate_incident(session, data, taxonomy, now)
            result = classify(clean, taxonomy, self._soas())
            row = Incident(status=IncidentStatus.SUBMITTED.value, registered_at=now,
                           registered_by_id=actor.user_id, severity_override_reason="")
            apply_input(row, clean, result)
            session.add(row)
            session.flush()
            self._add_version(session, row, actor, VersionKind.ORIGINAL, "", now)
            self._open_duties(session, row, result, clean, now)
            if draft_id is not None:
                draft = session.get(DraftRow, draft_id)
                if draft is not None and draft.user_id == actor.user_id:
                    session.delete(draft)
            audit.record(session, actor, AuditAction.CREATE, "incident", row.id,
                         facility_id=row.facility_id, types=[t.code for t in row.types],
                         residents=_involved(row))
            session.flush()
            return self._detail(session, row, actor)

    # --- drafts ---------------------------------------------------------------------------

    def save_draft(self, actor: Actor, payload: dict[str, Any], *, draft_id: int | None = None,
                   facility_id: int | None = None) -> int:
        """Store the form as typed, unvalidated, so nothing is lost. Returns the draft's id."""
        require(actor, Permission.INCIDENT_CREATE)
        try:
            # allow_nan=False: PostgreSQL's json type refuses NaN and Infinity.
            size = len(json.dumps(payload, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError):
            raise ValidationError({"payload": Problem("invalid_format", {"expected": "JSON"})}) from None
        if size > DRAFT_LIMIT_BYTES:
            raise ValidationError({"payload": Problem("too_long", {"limit": DRAFT_LIMIT_BYTES,
                                                                   "length": size})})
        cpr_fields = sorted(_fields_with_cpr(payload))
        if cpr_fields:  # a draft is stored as typed, so it must not keep what a submit would refuse
            raise ValidationError({name: Problem("cpr_number") for name in cpr_fields})
        now = self._clock()
        with self._sf.begin() as session:
            draft = session.get(DraftRow, draft_id) if draft_id is not None else None
            if draft is None or draft.user_id != actor.user_id:
                draft = DraftRow(user_id=actor.user_id, created_at=now)
                session.add(draft)
            draft.payload = payload
            draft.facility_id = facility_id if facility_id and actor.may_see_facility(facility_id) else None
            draft.updated_at = now
            session.flush()
            return draft.id

    def drafts(self, actor: Actor) -> list[tuple[int, datetime, dict[str, Any]]]:
        """The user's own unsubmitted drafts, newest first (offered back after a crash)."""
        with self._sf() as session:
            rows = session.scalars(select(DraftRow).where(DraftRow.user_id == actor.user_id)
                                   .order_by(DraftRow.updated_at.desc()))
            return [(r.id, r.updated_at, dict(r.payload)) for r in rows]

    def discard_draft(self, actor: Actor, draft_id: int) -> None:
        with self._sf.begin() as session:
            draft = session.get(DraftRow, draft_id)
            if draft is not None and draft.user_id == actor.user_id:
                session.delete(draft)

    # --- reading --------------------------------------------------------------------------

    def get(self, actor: Actor, incident_id: int) -> IncidentDetail:
        """The whole record: narrative, addenda and versions. Not for the PSP coordinator, who
        reads aggregates, disclosures and PSP records (INCIDENT_NARRATIVE)."""
        require(actor, Permission.INCIDENT_READ)
        require(actor, Permission.INCIDENT_NARRATIVE)
        with self._sf.begin() as session:
            row = self._readable(session, actor, incident_id)
            audit.record(session, actor, AuditAction.READ, "incident", incident_id,
                         subject_resident_id=row.residents[0].resident_id if row.residents else None,
                         residents=[r.resident_id for r in row.residents])
            return self._detail(session, row, actor, full=True)

    # --- changes after submission ---------------------------------------------------------

    def correct(self, actor: Actor, incident_id: int, data: IncidentInput, *, reason: str,
                expected_version: int) -> IncidentDetail:
        """A new version with author, time and reason; earlier versions stay as they were."""
        now = self._clock()
        taxonomy = self._taxonomy()
        with stale_is_conflict(f"Incident {incident_id}"), self._sf.begin() as session:
            row = self._for_change(session, actor, incident_id, expected_version)
            if row.registered_by_id != actor.user_id:
                require(actor, Permission.INCIDENT_CORRECT)
            if row.status == IncidentStatus.LOCKED.value:
                raise ValidationError({"status": Problem("not_editable")})
            check = Checker()
            reason = check.text("reason", reason, required=True)
            check.raise_if_any()
            if data.facility_id != row.facility_id:
                raise ValidationError({"facility_id": Problem("invalid_choice",
                                                              {"value": str(data.facility_id)})})
            clean = validate_incident(session, data, taxonomy, now)
            result = classify(clean, taxonomy, self._soas())
            named_before = _involved(row)  # a correction concerns who was and who is involved
            apply_input(row, clean, result)
            self._open_duties(session, row, result, clean, now)
            self._reopen_review(row)
            self._add_version(session, row, actor, VersionKind.CORRECTION, reason, now, expected_version)
            audit.record(session, actor, AuditAction.UPDATE, "incident", incident_id,
                         change="correction", reason=reason, residents=named_before | _involved(row))
            session.flush()
            return self._detail(session, row, actor, full=True)

    def reclassify(self, actor: Actor, incident_id: int, *, reason: str,
                   expected_version: int) -> IncidentDetail:
        """Classify again under the current taxonomy and rules, as a new version."""
        require(actor, Permission.INCIDENT_CORRECT)
        now = self._clock()
        taxonomy = self._taxonomy()
        with stale_is_conflict(f"Incident {incident_id}"), self._sf.begin() as session:
            row = self._for_change(session, actor, incident_id, expected_version)
            check = Checker()
            reason = check.text("reason", reason, required=True)
            check.raise_if_any()
            data = input_from_row(row)
            result = classify(data, taxonomy, self._soas())
            apply_classification(row, result)
            self._open_duties(session, row, result, data, now)
            self._add_version(session, row, actor, VersionKind.RECLASSIFICATION, reason, now,
                              expected_version)
            audit.record(session, actor, AuditAction.UPDATE, "incident", incident_id,
                         change="reclassification", reason=reason, residents=_involved(row))
            session.flush()
            return self._detail(session, row, actor, full=True)

    def override_severity(self, actor: Actor, incident_id: int, severity: Severity | str, *,
                          reason: str, expected_version: int) -> IncidentDetail:
        require(actor, Permission.INCIDENT_OVERRIDE_SEVERITY)
        now = self._clock()
        with stale_is_conflict(f"Incident {incident_id}"), self._sf.begin() as session:
            row = self._for_change(session, actor, incident_id, expected_version)
            check = Checker()
            parsed = check.choice("severity", severity, Severity)
            reason = check.text("reason", reason, required=True)
            if not reason and "reason" in check.problems:
                check.problems["reason"] = Problem("reason_required")
            check.raise_if_any()
            assert parsed is not None
            old = row.severity
            row.severity = parsed.value
            row.severity_override_reason = reason if parsed.value != row.computed_severity else ""
            self._add_version(session, row, actor, VersionKind.RECLASSIFICATION, reason, now,
                              expected_version)
            audit.record(session, actor, AuditAction.UPDATE, "incident", incident_id,
                         change="severity_override", severity_from=old, severity_to=parsed.value,
                         reason=reason, residents=_involved(row))
            session.flush()
            return self._detail(session, row, actor, full=True)

    def add_addendum(self, actor: Actor, incident_id: int, text: str,
                     kind: str = "addendum") -> Addendum:
        """A note added to the record: an addendum, a correction request or a review note."""
        require(actor, Permission.INCIDENT_ADDENDUM)
        if kind == "review_note":
            require(actor, Permission.INCIDENT_REVIEW)
        now = self._clock()
        with self._sf.begin() as session:
            row = self._readable(session, actor, incident_id)
            check = Checker()
            text = check_addendum(check, kind, text)
            check.raise_if_any()
            addendum = AddendumRow(incident_id=row.id, author_id=actor.user_id, created_at=now,
                                   kind=kind, text=text)
            session.add(addendum)
            session.flush()
            tell_reporter(session, actor, row, FeedbackKind.NOTE_ADDED, now, subject=kind)
            audit.record(session, actor, AuditAction.UPDATE, "incident", incident_id,
                         change=kind, addendum_id=addendum.id, residents=_involved(row))
            return Addendum(addendum.id, actor.display_name, now, text, kind)

    def sign_off(self, actor: Actor, incident_id: int, *, expected_version: int,
                 note: str = "") -> IncidentDetail:
        """The manager's review. The record is kept; a version marks who signed and when."""
        require(actor, Permission.INCIDENT_REVIEW)
        now = self._clock()
        with stale_is_conflict(f"Incident {incident_id}"), self._sf.begin() as session:
            row = self._for_change(session, actor, incident_id, expected_version)
            check = Checker()
            note = check.text("note", note, limit=TEXT_LIMIT)
            check.raise_if_any()
            if row.status != IncidentStatus.SUBMITTED.value:
                raise ValidationError({"status": Problem("invalid_choice", {"value": row.status})})
            row.status = IncidentStatus.REVIEWED.value
            row.reviewed_by_id = actor.user_id
            row.reviewed_at = now
            if note:
                session.add(AddendumRow(incident_id=row.id, author_id=actor.user_id,
                                        created_at=now, kind="review_note", text=note))
            self._add_version(session, row, actor, VersionKind.REVIEW, note, now, expected_version)
            tell_reporter(session, actor, row, FeedbackKind.SIGNED_OFF, now)
            audit.record(session, actor, AuditAction.UPDATE, "incident", incident_id,
                         change="sign_off", residents=_involved(row))
            session.flush()
            return self._detail(session, row, actor, full=True)

    # --- duties ---------------------------------------------------------------------------

    def duties(self, actor: Actor, *, open_only: bool = True,
               facility_ids: tuple[int, ...] = ()) -> list[DutyRecord]:
        require(actor, Permission.DUTY_READ)
        with self._sf.begin() as session:
            stmt = select(DutyRow).order_by(DutyRow.due_at, DutyRow.id)
            window = read_window_start(actor, self._clock())
            if window is not None:
                stmt = stmt.join(Incident, Incident.id == DutyRow.incident_id).where(
                    or_(Incident.registered_by_id == actor.user_id, Incident.local_date >= window))
            if open_only:
                stmt = stmt.where(DutyRow.state.in_(OPEN_STATES))
            if facility_ids:
                stmt = stmt.where(DutyRow.facility_id.in_([f for f in facility_ids if is_row_id(f)]))
            show = has(actor, Permission.POLICE_JOURNAL_READ)
            text = has(actor, Permission.INCIDENT_NARRATIVE)
            rows = [r for r in session.scalars(stmt) if actor.may_see_facility(r.facility_id)]
            audit.record(session, actor, AuditAction.READ, "duty", "*", count=len(rows),
                         open_only=open_only,
                         residents=audit.incident_residents(session, {r.incident_id for r in rows}))
            return [duty_record(r, show_journal=show, show_text=text) for r in rows]

    # --- helpers --------------------------------------------------------------------------

    def _readable(self, session: Session, actor: Actor, incident_id: int) -> Incident:
        row = session.get(Incident, incident_id) if isinstance(incident_id, int) else None
        if row is None or not actor.may_see_facility(row.facility_id):
            raise NotFound(f"No incident {incident_id}.")
        window_start = read_window_start(actor, self._clock())
        if (window_start is not None and row.registered_by_id != actor.user_id
                and row.local_date < window_start):
            raise PermissionDenied(
                f"{actor.username} may read only their own and the last "
                f"{NIGHT_STAFF_WINDOW_DAYS} days' incidents."
            )
        return row

    def _for_change(self, session: Session, actor: Actor, incident_id: int,
                    expected_version: int) -> Incident:
        row = self._readable(session, actor, incident_id)
        if row.version != expected_version:
            raise ConflictError(
                f"Incident {incident_id} was changed by someone else (version {row.version}, "
                f"you opened version {expected_version}). Reload it and make your change again."
            )
        return row

    @staticmethod
    def _reopen_review(row: Incident) -> None:
        if row.status == IncidentStatus.REVIEWED.value:
            row.status = IncidentStatus.SUBMITTED.value
            row.reviewed_by_id = None
            row.reviewed_at = None

    @staticmethod
    def _add_version(session: Session, row: Incident, actor: Actor, kind: VersionKind,
                     reason: str, now: datetime, opened: int | None = None) -> None:
        if opened is not None:
            # Every later version moves the record's version once, even when no field changed (a
            # correction or reclassification that ends where it began): otherwise the optimistic
            # lock would not see it, and two such saves at once would both claim the same number.
            session.flush()
            if row.version == opened:
                flag_modified(row, "status")
        number = (session.scalar(
            select(func.max(IncidentVersionRow.number)).where(IncidentVersionRow.incident_id == row.id)
        ) or 0) + 1
        session.add(IncidentVersionRow(incident_id=row.id, number=number, kind=kind.value,
                                       author_id=actor.user_id, created_at=now, reason=reason,
                                       snapshot=snapshot(row)))

    def _detail(self, session: Session, row: Incident, actor: Actor, *, full: bool = False) -> IncidentDetail:
        detail = detail_from_row(session, row,
                                 show_journal=has(actor, Permission.POLICE_JOURNAL_READ))
        if not full:
            return detail
        from dataclasses import replace

        if shows_display_names(actor):  # facility staff; the read's audit row names the residents
            names = display_names(session, [r.resident_id for r in row.residents])
            detail = replace(detail, display_names=tuple(sorted(names.items())))

        addendum_rows = list(session.scalars(
            select(AddendumRow).where(AddendumRow.incident_id == row.id).order_by(AddendumRow.id)))
        version_rows = list(session.scalars(
            select(IncidentVersionRow).where(IncidentVersionRow.incident_id == row.id)
            .order_by(IncidentVersionRow.number)))
        author_ids = {a.author_id for a in addendum_rows} | {v.author_id for v in version_rows}
        authors: dict[int, str] = {
            user_id: name for user_id, name in session.execute(
                select(User.id, User.display_name).where(User.id.in_(author_ids)))
        }
        addenda = tuple(Addendum(a.id, authors.get(a.author_id, "?"), a.created_at, a.text, a.kind)
                        for a in addendum_rows)
        show = has(actor, Permission.POLICE_JOURNAL_READ)
        versions = tuple(IncidentVersion(v.number, VersionKind(v.kind), authors.get(v.author_id, "?"),
                                         v.created_at, v.reason, masked_snapshot(v.snapshot, show))
                         for v in version_rows)
        duties = tuple(duty_record(d, show_journal=show, incident=row) for d in session.scalars(
            select(DutyRow).where(DutyRow.incident_id == row.id).order_by(DutyRow.id)))
        return replace(detail, addenda=addenda, versions=versions, duties=duties,
                       bvc=latest_for_incident(session, row))


def _involved(row: Incident) -> set[int]:
    return {r.resident_id for r in row.residents}
