"""The audit log: every read, search, change, export and login of personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor, AuditEntry
from safetylog.domain.timeutil import utcnow
from safetylog.storage.models import AuditRow


def _fit(value: str, limit: int) -> str:
    """Typed values (a failed login's user name, a file name) must fit their column on PostgreSQL,
    which refuses over-long strings and NUL characters; the log keeps what fits."""
    return value.replace("\x00", "\ufffd")[:limit]


def record(session: Session, actor: Actor | None, action: AuditAction, entity: str,
           entity_id: object = "", *, subject_resident_id: int | None = None,
           username: str | None = None, **details: Any) -> None:
    """Add an audit row to the caller's transaction: it commits or rolls back with the change."""
    session.add(AuditRow(
        at=utcnow(),
        user_id=actor.user_id if actor else None,
        username=_fit(username or (actor.username if actor else "system"), 64),
        workstation=_fit(actor.workstation if actor else "", 200),
        action=action.value,
        entity=entity,
        entity_id=_fit(str(entity_id), 60),
        subject_resident_id=subject_resident_id,
        details=details,
    ))


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
