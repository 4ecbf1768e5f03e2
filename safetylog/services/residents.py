"""Residents by pseudonym; the identity key behind its own permission, every look-up audited.

A manager (or, on a fresh database, the administrator) may give a resident a display name: the
first name or call name the facility's staff know them by. It is shown only to staff of the
resident's facility (``RESIDENT_DISPLAY_NAME``), and only when a caller asks for it; every read
that carries it names the residents it concerns in the audit log, as every resident read does.
Records still store the pseudonym, and reports and PSP packs never read display names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import NotFound
from safetylog.domain.records import Actor, ResidentIdentity, ResidentRecord
from safetylog.domain.timeutil import to_local
from safetylog.domain.validation import SHORT_LIMIT, Checker
from safetylog.services import audit
from safetylog.services.base import Service, moved_on, require_version, stale_is_conflict
from safetylog.services.permissions import Permission, has, require, require_facility
from safetylog.storage.models import Facility, Resident, ResidentDisplayName, ResidentIdentityRow

_PSEUDONYM_RE = re.compile(r"^[A-Za-zÆØÅæøå0-9._-]{2,40}$")
# A first name or call name: letters (any alphabet), spaces, hyphens, apostrophes, dots. No
# digits, so no CPR number or phone number can hide in it.
_DISPLAY_NAME_RE = re.compile(r"^[^\W\d_]+(?:[ .'’-]+[^\W\d_]+)*\.?$")
DISPLAY_NAME_LIMIT = 30


def resident_record(row: Resident, display_name: str = "") -> ResidentRecord:
    return ResidentRecord(row.id, row.facility_id, row.pseudonym, row.active, row.moved_in,
                          row.moved_out, row.version, display_name)


def check_display_name(check: Checker, display_name: object, full_name: str = "") -> str:
    """A display name ("" for none): short, letters only, and not the identity key's full name,
    which would make the key's protection pointless."""
    clean = check.text("display_name", display_name, limit=DISPLAY_NAME_LIMIT)
    if clean and check.ok("display_name"):
        if not _DISPLAY_NAME_RE.match(clean):
            check.add("display_name", "invalid_format", expected="letters, spaces, - ' .")
        elif full_name and clean.casefold() == full_name.strip().casefold():
            check.add("display_name", "display_name_is_full_name")
    return clean


def display_names(session: Session, resident_ids: Iterable[int]) -> dict[int, str]:
    """The display names of these residents (those that have one). The caller checks the
    permission and scope and names the residents in its audit row."""
    ids = sorted(set(resident_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        for resident_id, name in session.execute(select(
                ResidentDisplayName.resident_id, ResidentDisplayName.display_name).where(
                ResidentDisplayName.resident_id.in_(ids[start:start + 500]))):
            found[resident_id] = name
    return found


def shows_display_names(actor: Actor) -> bool:
    return has(actor, Permission.RESIDENT_DISPLAY_NAME)


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
            birth_date: date | None = None, moved_in: date | None = None,
            display_name: str = "") -> ResidentRecord:
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
            shown = check_display_name(check, display_name, name)
            check.raise_if_any()
            resident = Resident(facility_id=facility_id, pseudonym=pseudonym, moved_in=moved_in)
            session.add(resident)
            session.flush()
            if name:
                session.add(ResidentIdentityRow(resident_id=resident.id, full_name=name,
                                                birth_date=birth_date))
            if shown:
                session.add(ResidentDisplayName(resident_id=resident.id, display_name=shown))
            # The log says that a display name was set, never the name itself.
            audit.record(session, actor, AuditAction.CREATE, "resident", resident.id,
                         subject_resident_id=resident.id, display_name_set=bool(shown))
            return resident_record(resident, shown if shows_display_names(actor) else "")

    def set_display_name(self, actor: Actor, resident_id: int, display_name: str, *,
                         expected_version: int) -> ResidentRecord:
        """Give the resident a display name, change it, or ("") remove it."""
        require(actor, Permission.RESIDENT_MANAGE)
        with stale_is_conflict(f"Resident {resident_id}"), self._sf.begin() as session:
            resident = _resident_for_change(session, actor, resident_id, expected_version)
            key = session.get(ResidentIdentityRow, resident_id)
            check = Checker()
            shown = check_display_name(check, display_name, key.full_name if key else "")
            check.raise_if_any()
            row = session.get(ResidentDisplayName, resident_id)
            if shown and row is None:
                session.add(ResidentDisplayName(resident_id=resident_id, display_name=shown))
            elif shown and row is not None:
                row.display_name = shown
            elif row is not None:
                session.delete(row)
            moved_on(session, resident, expected_version, "pseudonym")
            audit.record(session, actor, AuditAction.UPDATE, "resident_display_name", resident_id,
                         subject_resident_id=resident_id, display_name_set=bool(shown))
            return resident_record(resident, shown if shows_display_names(actor) else "")

    def list(self, actor: Actor, facility_id: int | None = None,
             include_inactive: bool = False, *,
             with_display_names: bool = False) -> list[ResidentRecord]:
        """The residents the actor may see. ``with_display_names``: with the names staff know
        them by, for a reader allowed them (otherwise, as for an administrator, without)."""
        if not has(actor, Permission.RESIDENT_MANAGE):  # an administrator lists to administer
            require(actor, Permission.RESIDENT_READ)
        with self._sf.begin() as session:
            stmt = select(Resident).order_by(Resident.pseudonym)
            if facility_id is not None:
                require_facility(actor, facility_id)
                stmt = stmt.where(Resident.facility_id == facility_id)
            if not include_inactive:
                stmt = stmt.where(Resident.active.is_(True))
            rows = [r for r in session.scalars(stmt) if actor.may_see_facility(r.facility_id)]
            shown = with_display_names and shows_display_names(actor)
            names = display_names(session, [r.id for r in rows]) if shown else {}
            audit.record(session, actor, AuditAction.READ, "resident", "*",
                         facility_id=facility_id, count=len(rows), residents=[r.id for r in rows],
                         display_names=shown)
            return [resident_record(r, names.get(r.id, "")) for r in rows]

    def identity(self, actor: Actor, resident_id: int, purpose: str) -> ResidentIdentity:
        """Who a pseudonym is. Needs the identity permission and a stated purpose, both logged."""
        require(actor, Permission.RESIDENT_IDENTITY)
        self._require_recent_auth(actor)
        with self._sf.begin() as session:
            resident = _visible_resident(session, actor, resident_id)
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
            resident = _resident_for_change(session, actor, resident_id, expected_version)
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


def _visible_resident(session: Session, actor: Actor, resident_id: int) -> Resident:
    """The resident, if the actor's facilities hold them."""
    resident = session.get(Resident, resident_id)
    if resident is None:
        raise NotFound(f"No resident {resident_id}.")
    require_facility(actor, resident.facility_id)
    return resident


def _resident_for_change(session: Session, actor: Actor, resident_id: int,
                         expected_version: int) -> Resident:
    """The resident as the actor read them: a version that moved since is a conflict."""
    resident = _visible_resident(session, actor, resident_id)
    require_version(f"Resident {resident_id}", resident.version, expected_version)
    return resident
