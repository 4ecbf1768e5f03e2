"""Duties: opening them with an incident, listing open and overdue ones, and following them up.

Deadlines come from the settings table (``duty_*`` keys, defaults in the settings service) and
are fixed when a duty opens; a correction of the incident's facts moves the computed deadlines
of duties still open. Every change is one transaction with its audit row and optimistic locking.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from safetylog.classification.duties import (
    CLOSED_STATES,
    OPEN_STATES,
    DeadlineSettings,
    DutyKind,
    DutySpec,
    DutyState,
    duty_key,
)
from safetylog.classification.duty_fields import (
    FIELDS,
    RESTRICTED,
    apply_changes,
    missing_to_close,
    next_due,
)
from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from safetylog.domain.records import Actor, DutyRecord
from safetylog.domain.validation import Checker
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.permissions import (
    NIGHT_STAFF_WINDOW_DAYS,
    Permission,
    has,
    read_window_start,
    require,
)
from safetylog.services.settings import DEFINITIONS
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import DutyRow, Incident, Setting

# settings key -> DeadlineSettings field
DEADLINE_SETTINGS = {f"duty_{f.name}": f.name for f in fields(DeadlineSettings)}
# Facts computed from the incident; refreshed on correction while the duty is open.
COMPUTED_KEYS = frozenset({"case", "provisions", "registration_due", "forwarding_due", "accident_date",
                           "first_absence_day", "basis", "injury_level"})
STAFF_FIELDS = frozenset({"registered_at"})  # staff record their own force registration


def deadline_settings(session: Session) -> DeadlineSettings:
    """The configured deadlines; a missing or invalid stored value falls back to the default."""
    stored = {row.key: row.value for row in session.scalars(
        select(Setting).where(Setting.key.in_(DEADLINE_SETTINGS)))}
    values: dict[str, Any] = {}
    for key, name in DEADLINE_SETTINGS.items():
        definition = DEFINITIONS[key]
        value: Any = definition.default
        if key in stored:
            try:
                value = definition.parse(stored[key].get("value"))
            except ValidationError:
                value = definition.default
        values[name] = value == "yes" if name == "customary_days_off" else value
    return DeadlineSettings(**values)


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
                      incident.primary_type if incident else "")


# The list query's columns, in DutyRecord order: Core rows, not ORM objects, so a long list
# costs about as much as its query.
_LIST_COLUMNS = (DutyRow.id, DutyRow.incident_id, DutyRow.facility_id, DutyRow.kind, DutyRow.state,
                 DutyRow.due_at, DutyRow.created_at, DutyRow.closed_at, DutyRow.details,
                 DutyRow.version, Incident.local_date, Incident.primary_type)


def open_duties(session: Session, incident: Incident, specs: tuple[DutySpec, ...], now: datetime) -> None:
    """Add the duties not yet open for ``incident``; refresh computed facts of those still open."""
    existing = {duty_key(d.kind, d.details): d for d in session.scalars(
        select(DutyRow).where(DutyRow.incident_id == incident.id))}
    for spec in specs:
        row = existing.get(duty_key(spec.kind, spec.details))
        if row is None:
            closed = spec.state in CLOSED_STATES
            session.add(DutyRow(incident_id=incident.id, facility_id=incident.facility_id,
                                kind=spec.kind, state=spec.state, due_at=spec.due_at, created_at=now,
                                closed_at=now if closed else None, details=dict(spec.details)))
        elif row.state in OPEN_STATES:
            merged = dict(row.details)
            merged.update({k: v for k, v in spec.details.items() if k in COMPUTED_KEYS})
            if merged != row.details:
                row.details = merged
                row.due_at = next_due(DutyKind(row.kind), merged, spec.due_at)


class DutyService(Service):
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
                                _masked(details, show, text), version, day, primary)
                     for (did, incident, facility, kind, state, due, created, closed, details, version,
                          day, primary) in session.execute(stmt)
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

    def deadlines(self) -> DeadlineSettings:
        with self._sf() as session:
            return deadline_settings(session)

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
                check = Checker()
                details = apply_changes(kind, dict(row.details), changes, now, check)
                new_state = check.choice("state", state, DutyState, required=False) if state else None
                reason = check.text("reason", reason)
                old_state = DutyState(row.state)
                if new_state is not None and new_state is not old_state:
                    self._check_transition(check, kind, details, old_state, new_state, reason)
                check.raise_if_any()
                row.details = details
                if new_state is not None and new_state is not old_state:
                    row.state = new_state.value
                    row.closed_at = now if new_state.closed else None
                    if reason:
                        details["state_reason"] = reason
                        row.details = dict(details)
                elif row.state == DutyState.OPEN.value and changes:
                    row.state = DutyState.IN_PROGRESS.value
                row.due_at = next_due(kind, row.details, row.due_at)
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
    def _check_transition(check: Checker, kind: DutyKind, details: dict[str, Any],
                          old: DutyState, new: DutyState, reason: str) -> None:
        if new is DutyState.DONE:
            for name in missing_to_close(kind, details):
                check.add(name, "required_to_close")
        elif (new is DutyState.NOT_REQUIRED or old.closed) and not reason:
            check.add("reason", "reason_required")  # judged not to apply, or reopened: say why

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

