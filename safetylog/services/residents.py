"""Residents by pseudonym; the identity key behind its own permission, every look-up audited."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import NotFound
from safetylog.domain.records import Actor, ResidentIdentity, ResidentRecord
from safetylog.domain.timeutil import to_local
from safetylog.domain.validation import SHORT_LIMIT, Checker
from safetylog.services import audit
from safetylog.services.base import Service, moved_on, require_version, stale_is_conflict
from safetylog.services.permissions import Permission, require, require_facility
from safetylog.storage.models import Facility, Resident, ResidentIdentityRow

_PSEUDONYM_RE = re.compile(r"^[A-Za-zÆØÅæøå0-9._-]{2,40}$")


def resident_record(row: Resident) -> ResidentRecord:
    return ResidentRecord(row.id, row.facility_id, row.pseudonym, row.active, row.moved_in,
                          row.moved_out, row.version)


def check_resident(check: Checker, pseudonym: object, full_name: object, birth_date: object,
                   moved_in: object, *, today: date) -> tuple[str, str]:
    """A resident's own fields (also every imported resident's); the cleaned pseudonym and name."""
    clean = check.text("pseudonym", pseudonym, limit=40, required=True)
    if check.ok("pseudonym") and not _PSEUDONYM_RE.match(clean):
        check.add("pseudonym", "invalid_format", expected="2-40 letters, digits, . _ -")
    name = check.text("full_name", full_name, limit=SHORT_LIMIT)
    born = check.day("birth_date", birth_date, required=False)
    if born is not None and born > today:
        check.add("birth_date", "future_time")
    check.day("moved_in", moved_in, required=False)
    return clean, name


def check_moved_out(check: Checker, moved_out: object, moved_in: date | None) -> date | None:
    day = check.day("moved_out", moved_out)
    if day is not None and moved_in is not None and day < moved_in:
        check.add("moved_out", "date_order")
    return day


class ResidentService(Service):
    def add(self, actor: Actor, facility_id: int, pseudonym: str, *, full_name: str = "",
            birth_date: date | None = None, moved_in: date | None = None) -> ResidentRecord:
        require(actor, Permission.RESIDENT_MANAGE)
        require_facility(actor, facility_id)
        with self._sf.begin() as session:
            check = Checker()
            if session.get(Facility, facility_id) is None:
                check.add("facility_id", "unknown_facility")
            pseudonym, name = check_resident(check, pseudonym, full_name, birth_date, moved_in,
                                             today=to_local(self._clock()).date())
            if check.ok("pseudonym") and session.scalar(select(Resident.id).where(
                Resident.facility_id == facility_id, Resident.pseudonym == pseudonym
            )):
                check.add("pseudonym", "already_exists", value=pseudonym)
            check.raise_if_any()
            resident = Resident(facility_id=facility_id, pseudonym=pseudonym, moved_in=moved_in)
            session.add(resident)
            session.flush()
            if name:
                session.add(ResidentIdentityRow(resident_id=resident.id, full_name=name,
                                                birth_date=birth_date))
            audit.record(session, actor, AuditAction.CREATE, "resident", resident.id,
                         subject_resident_id=resident.id)
            return resident_record(resident)

    def list(self, actor: Actor, facility_id: int | None = None,
             include_inactive: bool = False) -> list[ResidentRecord]:
        require(actor, Permission.RESIDENT_READ)
        with self._sf.begin() as session:
            stmt = select(Resident).order_by(Resident.pseudonym)
            if facility_id is not None:
                require_facility(actor, facility_id)
                stmt = stmt.where(Resident.facility_id == facility_id)
            if not include_inactive:
                stmt = stmt.where(Resident.active.is_(True))
            rows = [r for r in session.scalars(stmt) if actor.may_see_facility(r.facility_id)]
            audit.record(session, actor, AuditAction.READ, "resident", "*",
                         facility_id=facility_id, count=len(rows), residents=[r.id for r in rows])
            return [resident_record(r) for r in rows]

    def identity(self, actor: Actor, resident_id: int, purpose: str) -> ResidentIdentity:
        """Who a pseudonym is. Needs the identity permission and a stated purpose, both logged."""
        require(actor, Permission.RESIDENT_IDENTITY)
        self._require_recent_auth(actor)
        with self._sf.begin() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound(f"No resident {resident_id}.")
            require_facility(actor, resident.facility_id)
            check = Checker()
            purpose = check.text("purpose", purpose, limit=SHORT_LIMIT, required=True)
            check.raise_if_any()
            key = session.get(ResidentIdentityRow, resident_id)
            audit.record(session, actor, AuditAction.READ, "resident_identity", resident_id,
                         subject_resident_id=resident_id, purpose=purpose)
            return ResidentIdentity(resident_id, resident.pseudonym,
                                    key.full_name if key else "", key.birth_date if key else None,
                                    key.note if key else "")

    def move_out(self, actor: Actor, resident_id: int, moved_out: date, *,
                 expected_version: int) -> ResidentRecord:
        require(actor, Permission.RESIDENT_MANAGE)
        with stale_is_conflict(f"Resident {resident_id}"), self._sf.begin() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound(f"No resident {resident_id}.")
            require_facility(actor, resident.facility_id)
            require_version(f"Resident {resident_id}", resident.version, expected_version)
            check = Checker()
            day = check_moved_out(check, moved_out, resident.moved_in)
            check.raise_if_any()
            assert day is not None
            moved_out = day
            resident.moved_out = moved_out
            resident.active = False
            moved_on(session, resident, expected_version, "active")
            audit.record(session, actor, AuditAction.UPDATE, "resident", resident_id,
                         subject_resident_id=resident_id, moved_out=moved_out.isoformat())
            return resident_record(resident)
