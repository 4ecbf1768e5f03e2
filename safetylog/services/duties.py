"""Duties: opening them with an incident, listing open and overdue ones, and following them up.

Deadlines come from the duty rules files (``safetylog.classification.duty_rules``): an incident's
duties open under the version in effect on the day it happened, and the incident keeps that
version; a correction of the incident's facts moves the computed deadlines of duties still open,
under the same version. Pre-approved interventions for one resident share one combined
registration. Every change is one transaction with its audit row and optimistic locking.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from safetylog.classification.duties import (
    CLOSED_STATES,
    OPEN_STATES,
    DutyKind,
    DutySpec,
    DutyState,
    duty_key,
    next_due,
)
from safetylog.classification.duty_fields import (
    FIELDS,
    RESTRICTED,
    apply_changes,
    missing_to_close,
)
from safetylog.classification.duty_rules import DutyRule, RuleBook, book_for_day
from safetylog.domain.enums import AuditAction, FeedbackKind
from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied
from safetylog.domain.records import Actor, DutyRecord
from safetylog.domain.timeutil import utcnow
from safetylog.domain.validation import Checker
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.duty_rules import installed_rules
from safetylog.services.feedback import tell_reporter
from safetylog.services.permissions import (
    NIGHT_STAFF_WINDOW_DAYS,
    Permission,
    has,
    read_window_start,
    require,
)
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import DutyRow, Incident

# Facts computed from the incident; refreshed on correction while the duty is open.
COMPUTED_KEYS = frozenset({"case", "provisions", "registration_due", "forwarding_due", "accident_date",
                           "first_absence_day", "basis", "injury_level", "sources", "mandatory"})
STAFF_FIELDS = frozenset({"registered_at"})  # staff record their own force registration

RulesSource = Callable[[], dict[str, RuleBook]]


def incident_rules(session: Session, incident: Incident, books: dict[str, RuleBook]) -> RuleBook:
    """The rules an incident's duties open under: the version it already has duties under (if that
    version is still installed), else the version in effect on the day it happened."""
    if incident.id is not None:
        kept = session.scalars(select(DutyRow.rules_version).where(
            DutyRow.incident_id == incident.id, DutyRow.rules_version.is_not(None)).limit(1)).first()
        if kept is not None and kept in books:
            return books[kept]
    return book_for_day(books, incident.local_date)


def _rule(books: dict[str, RuleBook], row: DutyRow, day: Any) -> DutyRule | None:
    book = books.get(row.rules_version or "") or book_for_day(books, day)
    return book.rule(row.kind)


# Free text a duty may hold about people (notes, reasons, how an injury happened): hidden from a
# role without INCIDENT_NARRATIVE. References to filed forms are not narratives and stay.
NARRATIVE_KEYS = frozenset(
    {f.name for fields in FIELDS.values() for f in fields
     if f.kind == "text" and not f.name.endswith("_reference")} | {"state_reason"}) - RESTRICTED


def _masked(details: dict[str, Any], show_journal: bool, show_text: bool = True) -> dict[str, Any]:
    details = dict(details)
    if not show_journal:
        for name in RESTRICTED:
            if details.get(name):
                details[name] = "***"
    if not show_text:
        for name in NARRATIVE_KEYS & set(details):
            details[name] = ""
    return details


def duty_record(row: DutyRow, *, show_journal: bool, show_text: bool = True,
                incident: Incident | None = None) -> DutyRecord:
    return DutyRecord(row.id, row.incident_id, row.facility_id, row.kind, row.state, row.due_at,
                      row.created_at, row.closed_at, _masked(row.details, show_journal, show_text),
                      row.version,
                      incident.local_date if incident else None,
                      incident.primary_type if incident else "", row.rules_version)


# The list query's columns, in DutyRecord order: Core rows, not ORM objects, so a long list
# costs about as much as its query.
_LIST_COLUMNS = (DutyRow.id, DutyRow.incident_id, DutyRow.facility_id, DutyRow.kind, DutyRow.state,
                 DutyRow.due_at, DutyRow.created_at, DutyRow.closed_at, DutyRow.details,
                 DutyRow.version, Incident.local_date, Incident.primary_type, DutyRow.rules_version)


def _combined_for(session: Session, incident: Incident, spec: DutySpec) -> DutyRow | None:
    """The open combined registration of the same resident in the facility, if there is one."""
    resident = spec.details.get("resident_id")
    if spec.kind != DutyKind.FORCE_COMBINED.value or resident is None:
        return None
    rows = session.scalars(select(DutyRow).where(
        DutyRow.kind == spec.kind, DutyRow.facility_id == incident.facility_id,
        DutyRow.state.in_(OPEN_STATES)).order_by(DutyRow.id))
    return next((r for r in rows if r.details.get("resident_id") == resident), None)


def _join_combined(row: DutyRow, incident_id: int) -> None:
    ids = list(row.details.get("incident_ids") or [row.incident_id])
    if incident_id not in ids:
        ids.append(incident_id)
        row.details = {**row.details, "incident_ids": ids, "recorded_count": len(ids)}


def open_duties(session: Session, incident: Incident, specs: tuple[DutySpec, ...], now: datetime,
                books: dict[str, RuleBook] | None = None) -> None:
    """Add the duties not yet open for ``incident``; refresh computed facts of those still open.
    A pre-approved intervention joins its resident's open combined registration."""
    existing = {duty_key(d.kind, d.details): d for d in session.scalars(
        select(DutyRow).where(DutyRow.incident_id == incident.id))}
    for spec in specs:
        row = existing.get(duty_key(spec.kind, spec.details))
        if row is None and (combined := _combined_for(session, incident, spec)) is not None:
            _join_combined(combined, incident.id)
            continue
        if row is None:
            closed = spec.state in CLOSED_STATES
            details = dict(spec.details)
            if spec.kind == DutyKind.FORCE_COMBINED.value:
                details["incident_ids"] = [incident.id]
            session.add(DutyRow(incident_id=incident.id, facility_id=incident.facility_id,
                                kind=spec.kind, state=spec.state, due_at=spec.due_at, created_at=now,
                                closed_at=now if closed else None, details=details,
                                rules_version=spec.rules_version or None))
        elif row.state in OPEN_STATES:
            merged = dict(row.details)
            merged.update({k: v for k, v in spec.details.items() if k in COMPUTED_KEYS})
            book = (books or {}).get(spec.rules_version)
            due, case = next_due(DutyKind(row.kind), merged, spec.due_at,
                                 book.rule(row.kind) if book is not None else None)
            if case is not None:
                merged["deadline_case"] = case
            if merged != row.details:
                row.details = merged
            if due != row.due_at:
                row.due_at = due
            if row.rules_version is None:
                row.rules_version = spec.rules_version or None


class DutyService(Service):
    def __init__(self, session_factory: sessionmaker[Session], clock: Callable[[], datetime] = utcnow,
                 duty_rules: RulesSource = installed_rules) -> None:
        super().__init__(session_factory, clock)
        self._rules = duty_rules

    def find(self, actor: Actor, *, open_only: bool = True, overdue_only: bool = False,
             facility_ids: tuple[int, ...] = (), kinds: tuple[str, ...] = (),
             incident_id: int | None = None) -> list[DutyRecord]:
        """Duties in the actor's facilities, soonest deadline first (no deadline last)."""
        require(actor, Permission.DUTY_READ)
        check = Checker()
        check.choices("kinds", kinds, DutyKind)
        check.raise_if_any()
        if incident_id is not None and not is_row_id(incident_id):
            return []  # no incident has that number
        now = self._clock()
        with self._sf.begin() as session:
            stmt = (select(*_LIST_COLUMNS).join(Incident, Incident.id == DutyRow.incident_id)
                    .order_by(DutyRow.due_at.is_(None), DutyRow.due_at, DutyRow.id))
            if open_only or overdue_only:
                stmt = stmt.where(DutyRow.state.in_(OPEN_STATES))
            if overdue_only:
                stmt = stmt.where(DutyRow.due_at.is_not(None), DutyRow.due_at < now)
            if facility_ids:
                stmt = stmt.where(DutyRow.facility_id.in_([f for f in facility_ids if is_row_id(f)]))
            if kinds:
                stmt = stmt.where(DutyRow.kind.in_(kinds))
            if incident_id is not None:
                stmt = stmt.where(DutyRow.incident_id == incident_id)
            window = read_window_start(actor, now)
            if window is not None:  # night staff: the same 14 days as the incident list
                stmt = stmt.where(or_(Incident.registered_by_id == actor.user_id,
                                      Incident.local_date >= window))
            show = has(actor, Permission.POLICE_JOURNAL_READ)
            text = has(actor, Permission.INCIDENT_NARRATIVE)
            found = [DutyRecord(did, incident, facility, kind, state, due, created, closed,
                                _masked(details, show, text), version, day, primary, rules)
                     for (did, incident, facility, kind, state, due, created, closed, details, version,
                          day, primary, rules) in session.execute(stmt)
                     if actor.may_see_facility(facility)]
            audit.record(session, actor, AuditAction.READ, "duty", "*", count=len(found),
                         open_only=open_only, overdue_only=overdue_only, kinds=list(kinds),
                         incident_id=incident_id,
                         residents=audit.incident_residents(session, {d.incident_id for d in found}))
            return found

    def overdue(self, actor: Actor, facility_ids: tuple[int, ...] = ()) -> list[DutyRecord]:
        """Open duties past their deadline: the manager's list."""
        return self.find(actor, overdue_only=True, facility_ids=facility_ids)

    def get(self, actor: Actor, duty_id: int) -> DutyRecord:
        require(actor, Permission.DUTY_READ)
        with self._sf.begin() as session:
            row = self._visible(session, actor, duty_id)
            audit.record(session, actor, AuditAction.READ, "duty", row.id, incident_id=row.incident_id,
                         residents=audit.incident_residents(session, [row.incident_id]))
            return duty_record(row, show_journal=has(actor, Permission.POLICE_JOURNAL_READ),
                               show_text=has(actor, Permission.INCIDENT_NARRATIVE),
                               incident=session.get(Incident, row.incident_id))

    def rules(self) -> dict[str, RuleBook]:
        """The installed duty rules, by version."""
        return self._rules()

    def update(self, actor: Actor, duty_id: int, changes: dict[str, object] | None = None, *,
               expected_version: int, state: DutyState | str | None = None,
               reason: str = "") -> DutyRecord:
        """Fill in a duty's fields and/or move its state; closing needs its required fields."""
        changes = dict(changes or {})
        self._require_update(actor, changes, state)
        now = self._clock()
        try:
            with self._sf.begin() as session:
                row = self._visible(session, actor, duty_id)
                if row.version != expected_version:
                    raise ConflictError(
                        f"Duty {duty_id} was changed by someone else (version {row.version}, you "
                        f"opened version {expected_version}). Reload it and make your change again.")
                kind = DutyKind(row.kind)
                incident = session.get(Incident, row.incident_id)
                rule = _rule(self._rules(), row, incident.local_date if incident else now.date())
                check = Checker()
                details = apply_changes(kind, dict(row.details), changes, now, check)
                new_state = check.choice("state", state, DutyState, required=False) if state else None
                reason = check.text("reason", reason)
                old_state = DutyState(row.state)
                if new_state is not None and new_state is not old_state:
                    self._check_transition(check, rule, details, old_state, new_state, reason)
                check.raise_if_any()
                row.details = details
                if new_state is not None and new_state is not old_state:
                    row.state = new_state.value
                    row.closed_at = now if new_state.closed else None
                    if new_state.closed and not old_state.closed:
                        self._tell_reporters(session, actor, row, incident, now)
                    if reason:
                        details["state_reason"] = reason
                        row.details = dict(details)
                elif row.state == DutyState.OPEN.value and changes:
                    row.state = DutyState.IN_PROGRESS.value
                row.due_at, case = next_due(kind, row.details, row.due_at, rule)
                if case is not None and row.details.get("deadline_case") != case:
                    row.details = {**row.details, "deadline_case": case}
                audit.record(session, actor, AuditAction.UPDATE, "duty", row.id,
                             incident_id=row.incident_id, kind=row.kind, fields=sorted(changes),
                             state_from=old_state.value, state_to=row.state, reason=reason,
                             residents=audit.incident_residents(session, [row.incident_id]))
                session.flush()
                record = duty_record(row, show_journal=has(actor, Permission.POLICE_JOURNAL_READ),
                                     incident=session.get(Incident, row.incident_id))
        except StaleDataError:
            raise ConflictError(f"Duty {duty_id} was changed by someone else at the same moment. "
                                "Reload it and make your change again.") from None
        return record

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _require_update(actor: Actor, changes: dict[str, object], state: object) -> None:
        if not has(actor, Permission.DUTY_UPDATE):
            # Staff may record that they registered the force they used; nothing else.
            if state is not None or not changes or not set(changes) <= STAFF_FIELDS:
                require(actor, Permission.DUTY_UPDATE)
            require(actor, Permission.INCIDENT_CREATE)
        if set(changes) & RESTRICTED:
            require(actor, Permission.POLICE_JOURNAL_READ)

    @staticmethod
    def _check_transition(check: Checker, rule: DutyRule | None, details: dict[str, Any],
                          old: DutyState, new: DutyState, reason: str) -> None:
        if new is DutyState.DONE:
            for name in missing_to_close(rule.closes_with if rule else (), details):
                check.add(name, "required_to_close")
        elif new is DutyState.NOT_REQUIRED and details.get("mandatory"):
            check.add("state", "mandatory_duty")
        elif (new is DutyState.NOT_REQUIRED or old.closed) and not reason:
            check.add("reason", "reason_required")  # judged not to apply, or reopened: say why

    @staticmethod
    def _tell_reporters(session: Session, actor: Actor, row: DutyRow, incident: Incident | None,
                        now: datetime) -> None:
        """A combined registration closes for every incident it covers: each reporter hears."""
        ids = [i for i in row.details.get("incident_ids") or [] if isinstance(i, int)]
        covered = [incident] if incident is not None else []
        covered += [i for i in (session.get(Incident, n) for n in ids if n != row.incident_id)
                    if i is not None]
        for each in covered:
            tell_reporter(session, actor, each, FeedbackKind.DUTY_CLOSED, now, subject=row.kind)

    def _visible(self, session: Session, actor: Actor, duty_id: int) -> DutyRow:
        row = session.get(DutyRow, duty_id) if isinstance(duty_id, int) else None
        if row is None or not actor.may_see_facility(row.facility_id):
            raise NotFound(f"No duty {duty_id}.")
        window = read_window_start(actor, self._clock())
        incident = session.get(Incident, row.incident_id) if window is not None else None
        if incident is not None and window is not None and (
                incident.registered_by_id != actor.user_id and incident.local_date < window):
            raise PermissionDenied(f"{actor.username} may read only the duties of their own and the "
                                   f"last {NIGHT_STAFF_WINDOW_DAYS} days' incidents.")
        return row

