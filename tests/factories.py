"""Small builders shared by the service and storage tests: a valid incident, table row counts and
the audit rows written since a point."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select

from safetylog.domain.enums import PersonRole
from safetylog.domain.records import AuditEntry, IncidentInput, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.storage.models import AuditRow, Base
from tests.conftest import World


def incident_input(world: World, **changes: Any) -> IncidentInput:
    """A valid threat with a weapon in the common room, two hours ago."""
    base = IncidentInput(
        facility_id=world.facility.id,
        occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=2),
        types=(TypeChoice("VIO-THR", "weapon"),),
        narrative="B-101 truede B-102 med en knust flaske i fællesstuen.",
        zone_id=world.zone.id,
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),),
    )
    return replace(base, **changes)


# The audit log and its chain record refusals too; login sessions change with every login.
_NOT_COUNTED = {AuditRow.__tablename__, "audit_subjects", "audit_head", "login_sessions"}
_COUNTED = [t for name, t in sorted(Base.metadata.tables.items()) if name not in _NOT_COUNTED]
_COUNT_ALL = select(*(select(func.count()).select_from(t).scalar_subquery().label(t.name)
                      for t in _COUNTED))


def table_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, except the audit log (which records refusals too), in one query."""
    with engine.connect() as conn:
        row = conn.execute(_COUNT_ALL).one()
    return {t.name: int(value) for t, value in zip(_COUNTED, row, strict=True)}


def last_audit_id(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.max(AuditRow.id))) or 0)


def audit_since(engine: Engine, after_id: int) -> list[AuditEntry]:
    """Audit rows written after ``after_id``, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(select(AuditRow).where(AuditRow.id > after_id).order_by(AuditRow.id))
        return [AuditEntry(r.id, r.at, r.username, r.action, r.entity, r.entity_id,
                           r.subject_resident_id, dict(r.details)) for r in rows]
