"""Denied attempts are audited in a transaction of their own (the refused call's was rolled back),
naming every resident the attempt concerned."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor
from safetylog.services import audit
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import IncidentResident


def residents_concerned(session: Session, arguments: dict[str, Any]) -> set[int]:
    """Residents named by a refused call's arguments, directly or through the incident it names."""
    found: set[int] = set()
    resident = arguments.get("resident_id")
    if isinstance(resident, int) and is_row_id(resident):
        found.add(resident)
    for rid in arguments.get("resident_ids") or ():
        if is_row_id(rid):
            found.add(int(rid))
    incident = arguments.get("incident_id")
    if is_row_id(incident):
        found.update(session.scalars(select(IncidentResident.resident_id)
                                     .where(IncidentResident.incident_id == incident)))
    return found


# Arguments never written to the log, whatever their value: a refused password change or export
# must not leave the password or passphrase in the audit log.
_SECRET_ENDINGS = ("password", "passphrase", "secret", "token", "_key")


def _describe(name: str, value: Any) -> Any:
    if name.lower().endswith(_SECRET_ENDINGS):
        return "(not logged)"
    if isinstance(value, str | int | float | bool) or value is None:
        return value if not isinstance(value, str) else value[:200]
    return type(value).__name__


def record(session_factory: sessionmaker[Session], actor: Actor, call: str,
           arguments: dict[str, Any], reason: str) -> None:
    with session_factory.begin() as session:
        residents = residents_concerned(session, arguments)
        audit.record(session, actor, AuditAction.DENIED, "call", call[:60], residents=residents,
                     reason=reason[:300], arguments={k: _describe(k, v) for k, v in arguments.items()})
