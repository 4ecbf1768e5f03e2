"""One place that opens the database and builds every service (used by the UI and the CLI).

The embedded database is encrypted, so its start is a short sequence the UI and the CLI share:
``probe`` says what is there; ``create_new`` (first run), ``encrypt_existing`` (a file from an
earlier version), then ``unlock_and_open`` (the login unwraps the key, then the database opens),
or ``open_with_recovery_key`` (``db recover``). PostgreSQL opens as before with ``open_services``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from safetylog.config import DatabaseLocation, database_location
from safetylog.domain.crypto import random_key
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import AuthenticationError, DatabaseDamaged, DatabaseLocked
from safetylog.domain.passwords import MIN_LENGTH as MIN_PASSWORD_LENGTH
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import utcnow
from safetylog.services import audit, backups, sessions
from safetylog.services.admin import AdminService
from safetylog.services.audit_log import AuditService
from safetylog.services.auth import AuthService, hash_password
from safetylog.services.bvc import BvcService
from safetylog.services.drug_patterns import DrugPatternService
from safetylog.services.duties import DutyService
from safetylog.services.exchange import ExchangeService
from safetylog.services.feedback import FeedbackService
from safetylog.services.incident_queries import IncidentQueryService
from safetylog.services.incidents import IncidentService
from safetylog.services.psp import PspService
from safetylog.services.reports import ReportService
from safetylog.services.residents import ResidentService
from safetylog.services.settings import SettingsService
from safetylog.storage import keyslots, migrate
from safetylog.storage.embedded import file_state, open_encrypted, quick_check
from safetylog.storage.encryption import encrypt_plaintext_file, shred_leftovers
from safetylog.storage.engine import make_engine, make_session_factory, sqlite_path
from safetylog.storage.files import SQLITE_COMPANIONS, make_database_private, private_dir, shred
from safetylog.storage.keyslots import KeyRing, key_file_for
from safetylog.storage.models import User


@dataclass
class Services:
    engine: Engine
    session_factory: sessionmaker[Session]
    location: DatabaseLocation
    auth: AuthService
    admin: AdminService
    residents: ResidentService
    incidents: IncidentService
    queries: IncidentQueryService
    psp: PspService
    exchange: ExchangeService
    settings: SettingsService
    reports: ReportService
    bvc: BvcService
    duties: DutyService
    drug_patterns: DrugPatternService
    audit_log: AuditService
    feedback: FeedbackService
    backup: Path | None = None  # the copy made before the last schema upgrade, if any
    key_ring: KeyRing | None = None  # the embedded database's key file, unlocked; None on PostgreSQL
    daily_backup: backups.DailyBackup | None = None  # running or done since this login, if due

    @classmethod
    def build(cls, engine: Engine, location: DatabaseLocation,
              clock: Callable[[], datetime] = utcnow) -> Services:
        sf = make_session_factory(engine)
        return cls(
            engine=engine, session_factory=sf, location=location,
            auth=AuthService(sf, clock), admin=AdminService(sf, clock),
            residents=ResidentService(sf, clock), incidents=IncidentService(sf, clock),
            queries=IncidentQueryService(sf, clock), psp=PspService(sf, clock),
            exchange=ExchangeService(sf, clock), settings=SettingsService(sf, clock),
            reports=ReportService(sf, clock), bvc=BvcService(sf, clock),
            duties=DutyService(sf, clock), drug_patterns=DrugPatternService(sf, clock),
            audit_log=AuditService(sf, clock), feedback=FeedbackService(sf, clock),
        )

    @property
    def database_file(self) -> Path | None:
        """The embedded database's file; None on PostgreSQL, whose server keeps its own files."""
        return sqlite_path(self.location.url)

    def close(self) -> None:
        if self.daily_backup is not None:
            self.daily_backup.wait()  # a short CLI command still ends with a complete copy
        self.engine.dispose()


def _location(url: str | None) -> DatabaseLocation:
    return DatabaseLocation(url, "argument") if url else database_location()


def _finish_open(engine: Engine, location: DatabaseLocation, clock: Callable[[], datetime],
                 ring: KeyRing | None) -> Services:
    try:
        backup = migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    path = sqlite_path(location.url)
    if path is not None:
        make_database_private(path)
    services = Services.build(engine, location, clock)
    services.backup = backup
    services.key_ring = ring
    services.admin.key_slots = ring
    services.auth.key_slots = ring  # a user's own password change rewraps their slot too
    return services


def open_services(url: str | None = None, *, key: bytes | None = None,
                  clock: Callable[[], datetime] = utcnow) -> Services:
    """Open and migrate a database with a known key: PostgreSQL, and tests.

    An embedded file without ``key`` raises DatabaseLocked: it opens through a login
    (``unlock_and_open``).
    """
    location = _location(url)
    path = sqlite_path(location.url)
    engine = make_engine(location.url, key=key)
    ring = None
    if key is not None and path is not None:
        if path.exists() and path.stat().st_size > 0:
            try:
                quick_check(engine)
            except DatabaseDamaged:
                engine.dispose()
                raise
        if key_file_for(path).exists():
            ring = KeyRing(key_file_for(path), key)
    return _finish_open(engine, location, clock, ring)


# --- the start of the embedded database ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StartState:
    kind: str  # "new", "locked", "plaintext", "shared" or "damaged"
    location: DatabaseLocation
    message: str = ""  # why, for "damaged"


def probe(url: str | None = None) -> StartState:
    """What the start finds, without writing anything or asking for a password."""
    location = _location(url)
    path = sqlite_path(location.url)
    if not location.is_sqlite:
        return StartState("shared", location)
    if path is None:
        return StartState("new", location)
    state = file_state(path)
    return StartState(state.kind, location, state.message)


def _embedded_path(location: DatabaseLocation) -> Path:
    path = sqlite_path(location.url)
    if path is None:
        raise DatabaseLocked("This operation is for the embedded database file.")
    return path


def _refuse_unless(state: StartState, *kinds: str) -> None:
    if state.kind in kinds:
        return
    if state.kind == "damaged":
        raise DatabaseDamaged(state.message)
    texts = {"new": "There is no database yet: set SafetyLog up first (safetylog init).",
             "locked": "The database is already set up and encrypted.",
             "plaintext": "The database is from an earlier version and not yet encrypted: "
                          "start SafetyLog or run 'safetylog db upgrade' to encrypt it.",
             "shared": "The database is on a PostgreSQL server; it has no key file."}
    raise DatabaseLocked(texts[state.kind])


@dataclass(frozen=True, slots=True)
class NewDatabase:
    services: Services
    actor: Actor
    recovery_key: str  # shown once: print it and keep it in the facility's safe


def create_new(url: str | None, *, facility_code: str, facility_name: str, municipality: str = "",
               police_district: str = "", admin_username: str, admin_display_name: str,
               admin_password: str, clock: Callable[[], datetime] = utcnow) -> NewDatabase:
    """The first run: a master key, the key file, the encrypted database, the first administrator."""
    state = probe(url)
    if state.kind == "shared":
        shared = open_services(url, clock=clock)
        actor = _initialize(shared, facility_code, facility_name, municipality, police_district,
                            admin_username, admin_display_name, admin_password)
        return NewDatabase(shared, actor, "")
    _refuse_unless(state, "new")
    path = _embedded_path(state.location)
    _remove_database(path)  # an old unencrypted file that was never set up, if any
    private_dir(path.parent)  # the very first start: the data folder does not exist yet
    master = random_key()
    keys = key_file_for(path)
    services: Services | None = None
    try:
        recovery = keyslots.create(keys, master, admin_username.strip(), admin_password)
        services = open_services(state.location.url, key=master, clock=clock)
        actor = _initialize(services, facility_code, facility_name, municipality, police_district,
                            admin_username, admin_display_name, admin_password)
    except BaseException:
        # Nothing half-made stays behind: the next attempt (a corrected form) starts afresh.
        if services is not None:
            services.close()
        _remove_database(path)
        with contextlib.suppress(FileNotFoundError):
            keys.unlink()
        raise
    return NewDatabase(services, actor, recovery)


def _initialize(services: Services, facility_code: str, facility_name: str, municipality: str,
                police_district: str, admin_username: str, admin_display_name: str,
                admin_password: str) -> Actor:
    return services.admin.initialize(
        facility_code=facility_code, facility_name=facility_name, municipality=municipality,
        police_district=police_district, admin_username=admin_username,
        admin_display_name=admin_display_name, admin_password=admin_password)


def _remove_database(path: Path) -> None:
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in SQLITE_COMPANIONS)):
        shred(candidate)


def unlock_and_open(url: str | None, username: str, password: str,
                    workstation: str | None = None, *,
                    clock: Callable[[], datetime] = utcnow) -> tuple[Services, Actor]:
    """The login: the password unwraps the key, the database opens and checks itself, the login runs.

    Wrong passwords counted in the key file since the last unlock, and an edited key file, are
    written to the audit log here, once the database can be written.
    """
    state = probe(url)
    if state.kind == "shared":
        services = open_services(url, clock=clock)
        try:
            return services, services.auth.login(username, password, workstation)
        except BaseException:
            services.close()
            raise
    _refuse_unless(state, "locked")
    path = _embedded_path(state.location)
    # The key file's throttle runs on the wall clock, like the login's own (sessions.now).
    unlocked = keyslots.unlock(key_file_for(path), username, password, sessions.now())
    services = _open_unlocked(state.location, path, (unlocked.master_key, *unlocked.older_keys), clock)
    try:
        _audit_key_file(services, username, workstation, unlocked)
        actor = services.auth.login(username, password, workstation)
    except BaseException:
        services.close()
        raise
    # The first login of the day starts the daily backup, on its own thread: the login does not
    # wait for it (the demo database takes well under a second, a large one several).
    assert services.key_ring is not None
    services.daily_backup = backups.start_daily_if_due(state.location.url, path,
                                                       services.key_ring.master_key, clock)
    return services, actor


def _open_unlocked(location: DatabaseLocation, path: Path, keys: tuple[bytes, ...],
                   clock: Callable[[], datetime]) -> Services:
    engine, index = open_encrypted(path, keys)
    shred_leftovers(path)
    ring = KeyRing(key_file_for(path), keys[index])
    if len(keys) > 1:
        ring.settle_rekey(index)  # a ``db rekey`` cut short: keep the key the database uses
    return _finish_open(engine, location, clock, ring)


def _audit_key_file(services: Services, username: str, workstation: str | None,
                    unlocked: keyslots.Unlocked) -> None:
    if not unlocked.failed_attempts and not unlocked.tampered:
        return
    station = workstation or ""
    with services.session_factory.begin() as session:
        for when in unlocked.failed_attempts:
            audit.record(session, None, AuditAction.LOGIN_FAILED, "user", username[:64],
                         username=username[:64], workstation=station, at=when.isoformat(),
                         source="key file")
        if unlocked.tampered:
            audit.record(session, None, AuditAction.VERIFY, "key_file", "",
                         username=username[:64], workstation=station, tampered=True)


def open_with_recovery_key(url: str | None, recovery_key_text: str, *,
                           clock: Callable[[], datetime] = utcnow) -> Services:
    """Open the embedded database with the recovery key (``db recover``); no one is logged in."""
    state = probe(url)
    _refuse_unless(state, "locked")
    path = _embedded_path(state.location)
    keys = keyslots.recovery_candidates(key_file_for(path), recovery_key_text)
    return _open_unlocked(state.location, path, tuple(keys), clock)


def encrypt_existing(url: str | None = None) -> Path:
    """Encrypt the unencrypted database of an earlier version in place; returns its encrypted backup.

    Every active user keeps their password; the recovery key made here is shown to the first
    administrator who logs in (``KeyRing.take_pending_recovery_key``).
    """
    state = probe(url)
    _refuse_unless(state, "plaintext")
    return encrypt_plaintext_file(_embedded_path(state.location))


def rekey(services: Services) -> str:
    """A new master key for the embedded database (a leaver may have kept a copy of the old one).

    Every remaining slot gets the new key without its password; the old recovery key is replaced
    by the returned new one. The services' engine is replaced by one on the new key.
    """
    ring = services.key_ring
    path = services.database_file
    if ring is None or path is None:
        raise DatabaseLocked("Only the embedded database has a key to change.")
    if services.daily_backup is not None:
        services.daily_backup.wait()  # its copy reads under the old key; the rekey needs the file alone
    new_master = random_key()
    recovery = ring.begin_rekey(new_master)  # the key file can open the database before and after
    services.engine.dispose()
    engine = make_engine(services.location.url, key=ring.master_key)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA rekey = \"x'{new_master.hex()}'\"")
    finally:
        engine.dispose()
    ring.finish_rekey(new_master)
    engine = make_engine(services.location.url, key=new_master)
    services.engine = engine
    services.session_factory.configure(bind=engine)
    make_database_private(path)
    return recovery


def reset_password_with_recovery_key(services: Services, username: str, password: str) -> None:
    """``db recover``: give an administrator a new password in the database and in their slot."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AuthenticationError(f"The password must have at least {MIN_PASSWORD_LENGTH} characters.")
    ring = services.key_ring
    with services.session_factory.begin() as session:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active or user.role != Role.ADMIN.value:
            raise AuthenticationError(f"{username} is not an active administrator.")
        user.password_hash = hash_password(password)
        user.failed_logins = 0
        audit.record(session, None, AuditAction.PASSWORD_RESET, "user", user.id,
                     username="recovery key", target=username, via="recovery key")
        if ring is not None:
            ring.set_password(username, password)  # inside the transaction: both or neither


def open_unattended(url: str | None) -> Services:
    """A new encrypted database that a command fills without a login (``demo``, an import).

    Its key file is written by ``seal_unattended`` from the users the filling brought.
    """
    state = probe(url)
    _refuse_unless(state, "new")
    path = _embedded_path(state.location)
    _remove_database(path)
    master = random_key()
    services = open_services(state.location.url, key=master)
    services.key_ring = KeyRing(key_file_for(path), master)
    return services


def seal_unattended(services: Services) -> str:
    """The key file of a database made by ``open_unattended``: a slot per active user, opened by
    their password (their argon2id hash is the slot's key), and a recovery slot; the recovery key.

    Returns "" when there is nothing to seal (a shared database, or an existing key file).
    """
    ring = services.key_ring
    if ring is None or ring.path.exists():
        return ""
    with services.session_factory() as session:
        hashes = {u.username: u.password_hash for u in session.scalars(select(User).where(User.active))}
    keyslots.create_from_hashes(ring.path, ring.master_key, hashes)
    return ring.take_pending_recovery_key() or ""


def discard_unattended(services: Services) -> None:
    """A filling that failed: remove the new database it began, so the next start finds "new"."""
    ring = services.key_ring
    services.close()
    path = services.database_file
    if ring is not None and path is not None and not ring.path.exists():
        _remove_database(path)
