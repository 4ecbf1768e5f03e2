"""The audit log: every read, search, change, export and login of personal data.

Each row is linked into a hash chain as it is written (``storage.audit_chain``): the writer first
updates the one-row ``audit_head``, which holds SQLite's write lock or PostgreSQL's row lock until
its transaction ends, so rows get consecutive ids in commit order and the chain never forks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor, AuditEntry
from safetylog.domain.timeutil import utcnow
from safetylog.storage import audit_chain
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject, IncidentResident


def _fit(value: str, limit: int) -> str:
    """Typed values (a failed login's user name, a file name) must fit their column on PostgreSQL,
    which refuses over-long strings and NUL characters; the log keeps what fits."""
    return value.replace("\x00", "\ufffd")[:limit]


def _lock_head(session: Session) -> AuditHead:
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_id=AuditHead.last_id))
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)
                           .execution_options(populate_existing=True)).scalar_one_or_none()
    if head is None:  # a database made before the chain had no head row yet
        head = AuditHead(id=1, last_id=0, last_hash=audit_chain.GENESIS)
        session.add(head)
    return head


def record(session: Session, actor: Actor | None, action: AuditAction, entity: str,
           entity_id: object = "", *, subject_resident_id: int | None = None,
           residents: Iterable[int] = (), username: str | None = None, **details: Any) -> None:
    """Add an audit row to the caller's transaction: it commits or rolls back with the change.

    ``residents`` names every resident the action concerns (with ``subject_resident_id``)."""
    concerned = {r for r in residents if is_row_id(r)}
    if subject_resident_id is not None and is_row_id(subject_resident_id):
        concerned.add(subject_resident_id)
    head = _lock_head(session)
    row = AuditRow(
        id=head.last_id + 1,
        at=utcnow(),
        user_id=actor.user_id if actor else None,
        username=_fit(username or (actor.username if actor else "system"), 64),
        workstation=_fit(actor.workstation if actor else "", 200),
        action=action.value,
        entity=entity,
        entity_id=_fit(str(entity_id), 60),
        subject_resident_id=subject_resident_id,
        details=details,
        prev_hash=head.last_hash or audit_chain.GENESIS,
    )
    row.row_hash = audit_chain.link(row.prev_hash, content(row, concerned))
    session.add(row)
    session.add_all(AuditSubject(audit_id=row.id, resident_id=rid) for rid in sorted(concerned))
    head.last_id, head.last_hash, head.updated_at = row.id, row.row_hash, row.at


def content(row: AuditRow, residents: Iterable[int]) -> bytes:
    return audit_chain.canonical(row.id, row.at, row.user_id, row.username, row.workstation,
                                 row.action, row.entity, row.entity_id, row.subject_resident_id,
                                 residents, row.details)


def entries(session: Session, *, since: datetime | None = None, subject_resident_id: int | None = None,
            limit: int = 500) -> list[AuditEntry]:
    stmt = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if since is not None:
        stmt = stmt.where(AuditRow.at >= since)
    if subject_resident_id is not None:
        stmt = stmt.where(AuditRow.subject_resident_id == subject_resident_id)
    return [
        AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id,
                   r.subject_resident_id, dict(r.details))
        for r in session.scalars(stmt)
    ]


_CHUNK = 1000  # ids per IN (...): well inside SQLite's and PostgreSQL's parameter limits


def incident_residents(session: Session, incident_ids: Iterable[int]) -> set[int]:
    """Every resident involved in any of the incidents: what a read of them must name."""
    ids = sorted({i for i in incident_ids if is_row_id(i)})
    found: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        found.update(session.scalars(select(IncidentResident.resident_id).distinct().where(
            IncidentResident.incident_id.in_(ids[start:start + _CHUNK]))))
    return found
