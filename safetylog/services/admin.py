"""Facilities, zones and staff users: the administrator's work, plus first-run set-up."""

from __future__ import annotations

import re
from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction, Role, ZoneKind
from safetylog.domain.errors import NotFound, PermissionDenied, ValidationError
from safetylog.domain.passwords import one_time_password, password_problem
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor, FacilityRecord, UserRecord, ZoneRecord
from safetylog.domain.validation import SHORT_LIMIT, Checker
from safetylog.services import audit, sessions
from safetylog.services.auth import hash_password
from safetylog.services.base import (
    Service,
    link_facilities,
    moved_on,
    require_version,
    stale_is_conflict,
)
from safetylog.services.key_slots import KeySlots
from safetylog.services.permissions import Permission, require
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import Facility, User, Zone

_USERNAME_RE = re.compile(r"^[a-zA-Z0-9._-]{2,64}$")
_CODE_RE = re.compile(r"^[A-Za-z0-9._-]{1,40}$")


def facility_record(row: Facility) -> FacilityRecord:
    return FacilityRecord(row.id, row.code, row.name, row.municipality, row.police_district, row.active,
                          row.version)


def zone_record(row: Zone) -> ZoneRecord:
    return ZoneRecord(row.id, row.facility_id, row.code, row.name, ZoneKind(row.kind), row.active,
                      row.version)


def user_record(row: User) -> UserRecord:
    return UserRecord(row.id, row.username, row.display_name, Role(row.role), row.active,
                      row.all_facilities, tuple(f.facility_id for f in row.facilities),
                      row.last_login_at, row.locked_until, row.must_change_password, row.version)


def _facility_texts(check: Checker, name: object, municipality: object,
                    police_district: object) -> dict[str, str]:
    """The facility's texts as a new or an edited facility must give them."""
    return {
        "name": check.text("facility_name", name, limit=SHORT_LIMIT, required=True, personal=False),
        "municipality": check.text("municipality", municipality, limit=SHORT_LIMIT, personal=False),
        "police_district": check.text("police_district", police_district, limit=SHORT_LIMIT,
                                      personal=False),
    }


def _zone_fields(check: Checker, name: object, kind: object) -> tuple[str, ZoneKind | None]:
    """A place's name and kind as a new or an edited place must give them."""
    return (check.text("name", name, limit=SHORT_LIMIT, required=True, personal=False),
            check.choice("kind", kind, ZoneKind))


def _assign(row: Facility | Zone, values: Mapping[str, object]) -> list[str]:
    """Set ``values`` on ``row``; returns the names of the fields whose value changed (audited)."""
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    for field in changed:
        setattr(row, field, values[field])
    return changed


def check_facility(check: Checker, code: object, name: object, municipality: object,
                   police_district: object) -> tuple[str, str, str, str]:
    """A facility's own fields (also every imported facility's), cleaned."""
    clean = check.text("facility_code", code, limit=40, required=True, personal=False)
    if check.ok("facility_code") and not _CODE_RE.match(clean):
        check.add("facility_code", "invalid_format", expected="letters, digits, . _ -")
    texts = _facility_texts(check, name, municipality, police_district)
    return clean, texts["name"], texts["municipality"], texts["police_district"]


def check_zone(check: Checker, code: object, name: object,
               kind: object) -> tuple[str, str, ZoneKind | None]:
    """A zone's own fields (also every imported zone's), cleaned."""
    clean = check.text("code", code, limit=40, required=True, personal=False)
    if check.ok("code") and not _CODE_RE.match(clean):
        check.add("code", "invalid_format", expected="letters, digits, . _ -")
    return (clean, *_zone_fields(check, name, kind))


def check_user(check: Checker, username: object, display_name: object) -> tuple[str, str]:
    """A user's name and display name (also every imported user's), cleaned."""
    clean = check.text("username", username, limit=64, required=True, personal=False)
    if check.ok("username") and not _USERNAME_RE.match(clean):
        check.add("username", "invalid_format", expected="2-64 letters, digits, . _ -")
    return clean, check.text("display_name", display_name, limit=SHORT_LIMIT, required=True)


class AdminService(Service):
    # Set by the container on the embedded database: each user's key slot follows their password.
    key_slots: KeySlots | None = None

    # --- first run ------------------------------------------------------------------------

    def initialize(self, *, facility_code: str, facility_name: str, admin_username: str,
                   admin_display_name: str, admin_password: str,
                   municipality: str = "", police_district: str = "") -> Actor:
        """Create the first facility and administrator. Refused once any user exists."""
        with self._sf.begin() as session:
            if session.scalar(select(User.id).limit(1)) is not None:
                raise PermissionDenied("SafetyLog is already set up; log in as an administrator.")
            check = Checker()
            facility = self._new_facility(session, check, facility_code, facility_name,
                                          municipality, police_district)
            user = self._new_user(session, check, admin_username, admin_display_name,
                                  admin_password, Role.ADMIN, (), all_facilities=True)
            check.raise_if_any()
            session.add_all([facility, user])
            session.flush()
            actor = sessions.open_session(session, user, "")
            audit.record(session, actor, AuditAction.CREATE, "facility", facility.id)
            audit.record(session, actor, AuditAction.CREATE, "user", user.id, role=user.role)
            if self.key_slots is not None:
                self.key_slots.set_password(user.username, admin_password)
            return actor

    # --- facilities and zones -------------------------------------------------------------

    def create_facility(self, actor: Actor, code: str, name: str, municipality: str = "",
                        police_district: str = "") -> FacilityRecord:
        require(actor, Permission.FACILITY_MANAGE)
        with self._sf.begin() as session:
            check = Checker()
            facility = self._new_facility(session, check, code, name, municipality, police_district)
            check.raise_if_any()
            session.add(facility)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "facility", facility.id)
            return facility_record(facility)

    def list_facilities(self, actor: Actor) -> list[FacilityRecord]:
        with self._sf() as session:
            rows = session.scalars(select(Facility).order_by(Facility.name))
            return [facility_record(r) for r in rows if actor.may_see_facility(r.id)]

    def add_zone(self, actor: Actor, facility_id: int, code: str, name: str,
                 kind: str | ZoneKind) -> ZoneRecord:
        require(actor, Permission.FACILITY_MANAGE)
        with self._sf.begin() as session:
            check = Checker()
            if session.get(Facility, facility_id) is None:
                check.add("facility_id", "unknown_facility")
            code, name, zone_kind = check_zone(check, code, name, kind)
            if check.ok("code") and check.ok("facility_id") and session.scalar(
                select(Zone.id).where(Zone.facility_id == facility_id, Zone.code == code)
            ):
                check.add("code", "already_exists", value=code)
            check.raise_if_any()
            assert zone_kind is not None
            zone = Zone(facility_id=facility_id, code=code, name=name, kind=zone_kind.value)
            session.add(zone)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "zone", zone.id)
            return zone_record(zone)

    def edit_facility(self, actor: Actor, facility_id: int, name: str, municipality: str = "",
                      police_district: str = "", *, expected_version: int) -> FacilityRecord:
        """New name, municipality and police district over the ones read at ``expected_version``.
        The code stays: the command line and the reports name the facility by it."""
        require(actor, Permission.FACILITY_MANAGE)
        with stale_is_conflict(f"Facility {facility_id}"), self._sf.begin() as session:
            facility = session.get(Facility, facility_id) if is_row_id(facility_id) else None
            if facility is None or not actor.may_see_facility(facility.id):
                raise NotFound(f"No facility {facility_id}.")
            require_version(f"Facility {facility_id}", facility.version, expected_version)
            check = Checker()
            texts = _facility_texts(check, name, municipality, police_district)
            check.raise_if_any()
            changed = _assign(facility, texts)
            moved_on(session, facility, expected_version, "name")
            audit.record(session, actor, AuditAction.UPDATE, "facility", facility.id, changed=changed)
            return facility_record(facility)

    def edit_zone(self, actor: Actor, zone_id: int, name: str, kind: str | ZoneKind,
                  active: bool = True, *, expected_version: int) -> ZoneRecord:
        """A place renamed, its kind corrected, or retired (``active=False``: new incidents no
        longer offer it; the ones logged there keep it). The code stays, as the facility's does."""
        require(actor, Permission.FACILITY_MANAGE)
        with stale_is_conflict(f"Place {zone_id}"), self._sf.begin() as session:
            zone = session.get(Zone, zone_id) if is_row_id(zone_id) else None
            if zone is None or not actor.may_see_facility(zone.facility_id):
                raise NotFound(f"No place {zone_id}.")
            require_version(f"Place {zone_id}", zone.version, expected_version)
            check = Checker()
            new_name, zone_kind = _zone_fields(check, name, kind)
            if not isinstance(active, bool):
                check.add("active", "invalid_choice", value=str(active)[:40])
            check.raise_if_any()
            assert zone_kind is not None
            changed = _assign(zone, {"name": new_name, "kind": zone_kind.value, "active": active})
            moved_on(session, zone, expected_version, "name")
            audit.record(session, actor, AuditAction.UPDATE, "zone", zone.id, changed=changed,
                         active=active)
            return zone_record(zone)

    def list_zones(self, actor: Actor, facility_id: int) -> list[ZoneRecord]:
        if not actor.may_see_facility(facility_id):
            raise PermissionDenied(f"{actor.username} has no access to facility {facility_id}")
        if not is_row_id(facility_id):
            return []  # no facility has that number (and the driver could not even send it)
        with self._sf() as session:
            rows = session.scalars(
                select(Zone).where(Zone.facility_id == facility_id).order_by(Zone.name)
            )
            return [zone_record(r) for r in rows]

    # --- users ----------------------------------------------------------------------------

    def create_user(self, actor: Actor, username: str, display_name: str, password: str,
                    role: str | Role, facility_ids: tuple[int, ...] = (),
                    all_facilities: bool = False) -> UserRecord:
        require(actor, Permission.USER_MANAGE)
        with self._sf.begin() as session:
            check = Checker()
            parsed_role = check.choice("role", role, Role)
            user = self._new_user(session, check, username, display_name, password,
                                  parsed_role or Role.STAFF, facility_ids, all_facilities)
            check.raise_if_any()
            session.add(user)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "user", user.id, role=user.role)
            if self.key_slots is not None:
                self.key_slots.set_password(user.username, password)
            return user_record(user)

    def list_users(self, actor: Actor) -> list[UserRecord]:
        require(actor, Permission.USER_MANAGE)
        with self._sf.begin() as session:
            rows = list(session.scalars(select(User).order_by(User.username)))
            audit.record(session, actor, AuditAction.READ, "user", "*", count=len(rows))
            return [user_record(r) for r in rows]

    def user(self, actor: Actor, username: str) -> UserRecord:
        """One user as stored now (the command line reads it before it changes it)."""
        require(actor, Permission.USER_MANAGE)
        with self._sf.begin() as session:
            user = self._user(session, username)
            audit.record(session, actor, AuditAction.READ, "user", user.id)
            return user_record(user)

    def set_role(self, actor: Actor, username: str, role: str | Role, *,
                 expected_version: int) -> UserRecord:
        require(actor, Permission.USER_MANAGE)
        with stale_is_conflict(f"User {username!r}"), self._sf.begin() as session:
            check = Checker()
            parsed = check.choice("role", role, Role)
            check.raise_if_any()
            assert parsed is not None
            user = self._for_change(session, username, expected_version)
            if parsed is not Role.ADMIN:
                self._lock_admins_if_removing(session, user)
            old = user.role
            user.role = parsed.value
            self._keep_an_admin(session, "role")
            audit.record(session, actor, AuditAction.UPDATE, "user", user.id, role_from=old,
                         role_to=parsed.value)
            return user_record(user)

    def set_facilities(self, actor: Actor, username: str, facility_ids: tuple[int, ...],
                       all_facilities: bool = False, *, expected_version: int) -> UserRecord:
        require(actor, Permission.USER_MANAGE)
        with stale_is_conflict(f"User {username!r}"), self._sf.begin() as session:
            user = self._for_change(session, username, expected_version)
            check = Checker()
            self._check_facilities(session, check, facility_ids)
            check.raise_if_any()
            link_facilities(user, facility_ids)
            user.all_facilities = all_facilities
            audit.record(session, actor, AuditAction.UPDATE, "user", user.id,
                         facilities=list(facility_ids), all_facilities=all_facilities)
            return user_record(user)

    def reset_password(self, actor: Actor, username: str, *, expected_version: int) -> str:
        """A one-time password for a user who forgot theirs; returns it to be handed over once.

        The user must choose a new one at their next login, and their open sessions end now.
        Users change their own password with ``AuthService.change_password``."""
        require(actor, Permission.USER_MANAGE)
        if actor.username == username:
            raise PermissionDenied("Change your own password with your current one, not a reset.")
        password = one_time_password()
        with stale_is_conflict(f"User {username!r}"), self._sf.begin() as session:
            user = self._for_change(session, username, expected_version)
            user.password_hash = hash_password(password)
            user.must_change_password = True
            user.password_changed_at = self._clock()
            sessions.end_all_sessions(session, user.id)
            audit.record(session, actor, AuditAction.PASSWORD_RESET, "user", user.id)
            if self.key_slots is not None:
                self.key_slots.set_password(user.username, password)
        return password

    def unlock_user(self, actor: Actor, username: str, *, expected_version: int) -> UserRecord:
        """Lift a lock-out after too many wrong passwords; the count starts again."""
        require(actor, Permission.USER_MANAGE)
        with stale_is_conflict(f"User {username!r}"), self._sf.begin() as session:
            user = self._for_change(session, username, expected_version)
            was_locked = user.locked_until.isoformat() if user.locked_until else None
            user.failed_logins, user.last_failed_login_at, user.locked_until = 0, None, None
            audit.record(session, actor, AuditAction.ACCOUNT_UNLOCKED, "user", user.id,
                         locked_until=was_locked)
            if self.key_slots is not None:
                self.key_slots.clear_failures(user.username)
            return user_record(user)

    def deactivate(self, actor: Actor, username: str, *, expected_version: int) -> UserRecord:
        """The user can no longer log in; their open sessions end and their key slot goes."""
        require(actor, Permission.USER_MANAGE)
        if actor.username == username:
            raise PermissionDenied("You cannot deactivate your own account.")
        with stale_is_conflict(f"User {username!r}"), self._sf.begin() as session:
            user = self._for_change(session, username, expected_version)
            self._lock_admins_if_removing(session, user)
            user.active = False
            self._keep_an_admin(session, "active")
            sessions.end_all_sessions(session, user.id)
            audit.record(session, actor, AuditAction.UPDATE, "user", user.id, active=False)
            if self.key_slots is not None:
                self.key_slots.remove(user.username)
            return user_record(user)

    # --- helpers --------------------------------------------------------------------------

    @staticmethod
    def _user(session: Session, username: str) -> User:
        # No user name holds a NUL, and PostgreSQL refuses one in a query.
        user = (session.scalar(select(User).where(User.username == username))
                if isinstance(username, str) and "\x00" not in username else None)
        if user is None:
            raise NotFound(f"No user named {username!r}.")
        return user

    @classmethod
    def _for_change(cls, session: Session, username: str, expected_version: int) -> User:
        user = cls._user(session, username)
        require_version(f"User {username!r}", user.version, expected_version)
        user.version = expected_version + 1  # set by hand: see User.__mapper_args__
        return user

    # Two administrators demoting each other at the same moment must not both get through, so the
    # count is taken inside the changing transaction, after the change. On PostgreSQL (READ
    # COMMITTED) that alone would not do: each transaction would count its own change but not the
    # other's uncommitted one. So every change that can remove an administrator first locks the
    # active administrators' rows (in id order, so two such changes cannot deadlock); the second
    # waits for the first to commit and then counts what it left. On SQLite ``FOR UPDATE`` is
    # not sent, and not needed: the change's UPDATE takes the database's single write lock, and a
    # write transaction always works on the latest commit, so the count after it is the truth.
    # Only a change to an active administrator takes the lock: changes to anyone else neither wait
    # for it nor hold others up. (Had the user just been made an administrator by someone else, the
    # version read here has moved, and the change is refused as a conflict.)
    @staticmethod
    def _lock_admins_if_removing(session: Session, user: User) -> None:
        if user.role == Role.ADMIN.value and user.active:
            session.execute(select(User.id).where(User.role == Role.ADMIN.value,
                                                  User.active.is_(True))
                            .order_by(User.id).with_for_update())

    @staticmethod
    def _keep_an_admin(session: Session, field: str) -> None:
        """Refuse (the transaction rolls back) a change that left no active administrator: no
        one could then manage users, nor the key slots of the encrypted database."""
        session.flush()
        left = session.scalar(select(func.count(User.id)).where(
            User.role == Role.ADMIN.value, User.active.is_(True)))
        if not left:
            raise ValidationError({field: Problem("last_admin")})

    @staticmethod
    def _check_facilities(session: Session, check: Checker, facility_ids: tuple[int, ...]) -> None:
        for fid in facility_ids:
            if not isinstance(fid, int) or session.get(Facility, fid) is None:
                check.add("facility_ids", "unknown_facility")

    def _new_facility(self, session: Session, check: Checker, code: str, name: str,
                      municipality: str, police_district: str) -> Facility:
        code, name, municipality, police_district = check_facility(
            check, code, name, municipality, police_district)
        if check.ok("facility_code") and session.scalar(
            select(Facility.id).where(Facility.code == code)
        ):
            check.add("facility_code", "already_exists", value=code)
        return Facility(code=code, name=name, municipality=municipality,
                        police_district=police_district)

    def _new_user(self, session: Session, check: Checker, username: str, display_name: str,
                  password: str, role: Role, facility_ids: tuple[int, ...],
                  all_facilities: bool) -> User:
        username, display = check_user(check, username, display_name)
        if check.ok("username") and session.scalar(select(User.id).where(User.username == username)):
            check.add("username", "already_exists", value=username)
        problem = password_problem(password, username=username, display_name=display)
        if problem is not None:
            check.problems.setdefault("password", problem)
        self._check_facilities(session, check, facility_ids)
        if check.problems:
            return User()
        user = User(username=username, display_name=display, password_hash=hash_password(password),
                    role=role.value, all_facilities=all_facilities, created_at=self._clock())
        link_facilities(user, facility_ids)
        return user
