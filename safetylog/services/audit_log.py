"""The audit log as a data-protection officer reads it: by user, by resident ("who has looked at
H-107?", the art. 15 log access), by action and period; exported; and its chain verified.

Every call needs ``AUDIT_READ`` (the DPO and administrators), and every call is itself audited,
naming the resident a filter asked about. Pages run newest first by id (keyset, no OFFSET).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.records import (
    Actor,
    AuditEntry,
    AuditPage,
    AuditQuery,
    ChainHead,
    ChainReport,
)
from safetylog.domain.timeutil import local_day_bounds, to_local
from safetylog.domain.validation import SHORT_LIMIT, Checker
from safetylog.services import audit, audit_export
from safetylog.services.base import Service
from safetylog.services.permissions import Permission, require
from safetylog.storage import audit_verify
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject, Resident

MAX_PAGE = 1000
_CHUNK = 500  # ids per IN (...) when collecting pseudonyms


class AuditService(Service):
    def list(self, actor: Actor, query: AuditQuery = AuditQuery()) -> AuditPage:
        """One page of entries, newest first. Pass ``next_cursor`` back as ``before_id``."""
        require(actor, Permission.AUDIT_READ)
        checked = _checked(query, paged=True)
        with self._sf.begin() as session:
            resident_ids = _resident_ids(session, checked.resident)
            stmt = _statement(checked, resident_ids).order_by(AuditRow.id.desc()).limit(checked.limit)
            if checked.before_id is not None:
                stmt = stmt.where(AuditRow.id < checked.before_id)
            entries = _entries(session, list(session.scalars(stmt)))
            audit.record(session, actor, AuditAction.READ, "audit_log", "",
                         residents=resident_ids, count=len(entries), **_criteria(checked))
            cursor = entries[-1].id if len(entries) == checked.limit else None
            return AuditPage(tuple(entries), cursor)

    def export(self, actor: Actor, query: AuditQuery, fmt: str) -> bytes:
        """Every entry the query matches (oldest first), as CSV or XLSX bytes."""
        require(actor, Permission.AUDIT_READ)
        checked = _checked(query, paged=False, fmt=fmt)
        with self._sf.begin() as session:
            resident_ids = _resident_ids(session, checked.resident)
            stmt = _statement(checked, resident_ids).order_by(AuditRow.id)
            entries = _entries(session, list(session.scalars(stmt)))
            content = audit_export.render(entries, fmt)
            audit.record(session, actor, AuditAction.EXPORT, "audit_log", "",
                         residents=resident_ids, format=fmt, rows=len(entries),
                         sha256=hashlib.sha256(content).hexdigest(), **_criteria(checked))
            return content

    def verify(self, actor: Actor) -> ChainReport:
        """Check the whole chain now; the check itself is audited with its result."""
        require(actor, Permission.AUDIT_READ)
        with self._sf() as session:
            report = audit_verify.verify(session, self._clock())
        with self._sf.begin() as session:
            audit.record(session, actor, AuditAction.VERIFY, "audit_log", "", ok=report.ok,
                         rows_checked=report.rows_checked, first_broken_id=report.first_broken_id,
                         reason=report.reason, head_id=report.head_id, head_hash=report.head_hash)
        self._status = (to_local(self._clock()).date(), report)
        return report

    def chain_status(self, actor: Actor) -> ChainReport:
        """The chain's state for the red banner: verified at most once a (local) day per program
        run, so the UI may ask at start and every hour without re-reading the log each time."""
        require(actor, Permission.AUDIT_READ)
        today = to_local(self._clock()).date()
        cached = self._status
        if cached is not None and cached[0] == today:
            return cached[1]
        return self.verify(actor)

    def chain_head(self, actor: Actor) -> ChainHead | None:
        """The newest link of the chain (None before the first row)."""
        require(actor, Permission.AUDIT_READ)
        with self._sf() as session:
            row = session.execute(select(AuditHead.last_id, AuditHead.last_hash, AuditHead.updated_at)
                                  .where(AuditHead.id == 1)).first()
            if row is None or not row.last_id:
                return None
            at = session.scalar(select(AuditRow.at).where(AuditRow.id == row.last_id))
            return ChainHead(int(row.last_id), row.last_hash, at or row.updated_at)

    _status: tuple[date, ChainReport] | None = None


# --- query ------------------------------------------------------------------------------------


def _checked(query: AuditQuery, *, paged: bool, fmt: str | None = None) -> AuditQuery:
    check = Checker()
    if not isinstance(query, AuditQuery):
        check.add("query", "invalid_format", expected="AuditQuery")
        check.raise_if_any()
    username = check.text("username", query.username, limit=64, personal=False)
    resident = check.text("resident", query.resident, limit=SHORT_LIMIT, personal=False)
    actions = check.choices("actions", query.actions if isinstance(query.actions, (tuple, list))
                            else (query.actions,), AuditAction)
    start = check.day("date_from", query.date_from, required=False)
    end = check.day("date_to", query.date_to, required=False)
    if start and end and end < start:
        check.add("date_to", "date_order")
    before = query.before_id
    if before is not None and not is_row_id(before):
        check.add("before_id", "invalid_format", expected="id")
    if paged:
        check.integer("limit", query.limit, low=1, high=MAX_PAGE, required=True)
    if fmt is not None and fmt not in audit_export.FORMATS:
        check.add("format", "invalid_choice", value=str(fmt)[:20])
    check.raise_if_any()
    return AuditQuery(username, resident, tuple(a.value for a in actions), start, end,
                      before if paged else None, query.limit)


def _resident_ids(session: Session, pseudonym: str) -> list[int]:
    if not pseudonym:
        return []
    return sorted(session.scalars(select(Resident.id).where(
        func.upper(Resident.pseudonym) == pseudonym.upper())))


def _statement(q: AuditQuery, resident_ids: list[int]) -> Select[AuditRow]:
    conditions: list[ColumnElement[bool]] = []
    if q.username:
        conditions.append(AuditRow.username == q.username)
    if q.resident:
        # A pseudonym no resident has matches nothing (rather than everything).
        conditions.append(AuditRow.id.in_(select(AuditSubject.audit_id)
                                          .where(AuditSubject.resident_id.in_(resident_ids))))
    if q.actions:
        conditions.append(AuditRow.action.in_(q.actions))
    if q.date_from:
        conditions.append(AuditRow.at >= local_day_bounds(q.date_from)[0])
    if q.date_to:
        conditions.append(AuditRow.at < local_day_bounds(q.date_to)[1])
    return select(AuditRow).where(*conditions)


def _criteria(q: AuditQuery) -> dict[str, Any]:
    """The filter as the audit row records it (only what was asked)."""
    found: dict[str, Any] = {"username": q.username, "resident": q.resident,
                             "actions": list(q.actions),
                             "date_from": q.date_from.isoformat() if q.date_from else "",
                             "date_to": q.date_to.isoformat() if q.date_to else ""}
    criteria = {k: v for k, v in found.items() if v}
    if q.before_id is not None:
        criteria["before_id"] = q.before_id
    return {"criteria": criteria}


def _entries(session: Session, rows: Sequence[AuditRow]) -> list[AuditEntry]:
    """Entries with every resident's pseudonym, collected in one query per few hundred rows."""
    names: dict[int, list[str]] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), _CHUNK):
        stmt = (select(AuditSubject.audit_id, Resident.pseudonym)
                .join(Resident, Resident.id == AuditSubject.resident_id)
                .where(AuditSubject.audit_id.in_(ids[start:start + _CHUNK]))
                .order_by(AuditSubject.audit_id, Resident.pseudonym))
        for audit_id, pseudonym in session.execute(stmt):
            names.setdefault(audit_id, []).append(pseudonym)
    return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id,
                       r.subject_resident_id, dict(r.details), tuple(names.get(r.id, ())),
                       r.workstation, r.row_hash)
            for r in rows]
