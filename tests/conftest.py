"""Shared fixtures: a fresh database per test on SQLite and on a real PostgreSQL server.

The SQLite databases are SQLCipher files under a fixed test key, as every embedded database is."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

# The windows are tested on the smallest office screen we support, 1024 x 768 (Qt's offscreen
# platform is 800 x 800 unless told otherwise).
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).with_name('office_screen.json')}"
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen" else os.environ["QT_QPA_PLATFORM"])

import pytest
from sqlalchemy import Engine

from safetylog.config import DatabaseLocation
from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.records import Actor, FacilityRecord, ResidentRecord, ZoneRecord
from safetylog.services.container import Services
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine
from tests.pg_server import PostgresServer, find_bin_dir
from tests.versions import user_version

pytest_plugins = ["pytester", "tests.qt_messages", "tests.xdist_demo"]

PASSWORD = "correct-horse-1"
TEST_KEY = bytes(range(32))  # the master key of every SQLite test database
PG_TEMPLATE = "safetylog_template"  # migrated once per server; each test's database is a copy


def open_engine(url: str) -> Engine:
    """An engine on a test database: the SQLite ones are encrypted under ``TEST_KEY``."""
    return make_engine(url, key=TEST_KEY if url.startswith("sqlite") else None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The first test on the demo year builds it: half a minute on a quiet machine, minutes on a
    busy one under coverage. Those tests get longer than the 300 s that catches a hang."""
    for item in items:
        if "demo_template" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(900))


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing() -> Iterator[None]:
    """Argon2 at production cost makes every login ~50 ms; tests need the logic, not the cost."""
    from argon2 import PasswordHasher

    from safetylog.domain.crypto import KdfParams
    from safetylog.services import auth
    from safetylog.storage import keyslots

    original, original_kdf = auth._hasher, keyslots.kdf_params
    auth._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    keyslots.kdf_params = KdfParams(time_cost=1, memory_cost=8, parallelism=1)  # key slots too
    yield
    auth._hasher, keyslots.kdf_params = original, original_kdf


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user's data folder or database settings."""
    monkeypatch.setenv("SAFETYLOG_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("SAFETYLOG_DATABASE_URL", raising=False)


@pytest.fixture(autouse=True)
def _no_daily_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The daily backup at the first login is tested on its own (tests/reliability/test_backups.py);
    elsewhere it would only add a copy per login."""
    from safetylog.services import backups

    monkeypatch.setattr(backups, "daily_enabled", False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer | None]:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            raise RuntimeError("CI must run the PostgreSQL tests, but no server binaries were found")
        yield None
        return
    server = PostgresServer(bin_dir)
    server.start()
    server.create_database(name=PG_TEMPLATE)
    template = make_engine(server.url(PG_TEMPLATE))
    migrate.upgrade(template)
    template.dispose()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def new_database(request: pytest.FixtureRequest, kind: str, folder: Path) -> str:
    """A migrated, empty database of ``kind`` for the requesting fixture. A SQLite one is a file
    in ``folder``; a PostgreSQL one is dropped when that fixture ends, so a run's databases never
    pile up on the server."""
    if kind == "sqlite":
        path = folder / "test.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    server: PostgresServer | None = request.getfixturevalue("pg_server")
    if server is None:
        pytest.skip("PostgreSQL server binaries are not installed (CI installs them)")
    name = server.create_database(template=PG_TEMPLATE)
    request.addfinalizer(lambda: server.drop_database(name))
    return server.url(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database; every test using it runs once on each backend."""
    return new_database(request, request.param, tmp_path)


@pytest.fixture
def sqlite_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return new_database(request, "sqlite", tmp_path)


def _services(url: str) -> Iterator[Services]:
    engine = open_engine(url)
    services = Services.build(engine, DatabaseLocation(url, "test"))
    yield services
    services.close()


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    yield from _services(db_url)


@pytest.fixture
def sqlite_services(sqlite_url: str) -> Iterator[Services]:
    yield from _services(sqlite_url)


@dataclass
class World:
    """A facility with a zone, two residents, and one logged-in user of every role."""

    services: Services
    facility: FacilityRecord
    other_facility: FacilityRecord
    zone: ZoneRecord
    residents: list[ResidentRecord]
    other_resident: ResidentRecord
    actors: dict[Role, Actor]

    def actor(self, role: Role) -> Actor:
        return self.actors[role]


def build_world(services: Services) -> World:
    admin = services.admin.initialize(
        facility_code="HAV", facility_name="Bostedet Havblik", admin_username="admin",
        admin_display_name="Anna Admin", admin_password=PASSWORD,
    )
    facility = services.admin.list_facilities(admin)[0]
    other = services.admin.create_facility(admin, "SKO", "Skovbrynet")
    zone = services.admin.add_zone(admin, facility.id, "FAELLES", "Fællesstue", ZoneKind.COMMON_AREA)
    names = {Role.NIGHT_STAFF: "Nina Nat", Role.STAFF: "Søren Staff", Role.MANAGER: "Maja Leder",
             Role.PSP_COORDINATOR: "Per PSP", Role.DPO: "Dorte DPO"}
    actors = {Role.ADMIN: services.auth.login("admin", PASSWORD, workstation="test")}
    for role, display in names.items():
        services.admin.create_user(admin, role.value, display, PASSWORD, role, (facility.id,))
        actors[role] = services.auth.login(role.value, PASSWORD, workstation="test")
    manager = actors[Role.MANAGER]
    residents = [
        services.residents.add(manager, facility.id, "B-101", full_name="Jens Jensen",
                               moved_in=date(2024, 3, 1)),
        services.residents.add(manager, facility.id, "B-102", full_name="Karen Karlsen"),
    ]
    services.admin.set_facilities(admin, "manager", (facility.id, other.id),
                                  expected_version=user_version(services, "manager"))
    actors[Role.MANAGER] = services.auth.login("manager", PASSWORD, workstation="test")
    other_resident = services.residents.add(actors[Role.MANAGER], other.id, "S-201")
    return World(services, facility, other, zone, residents, other_resident, actors)


@pytest.fixture
def world(services: Services) -> World:
    return build_world(services)


@pytest.fixture
def sqlite_world(sqlite_services: Services) -> World:
    return build_world(sqlite_services)


DEMO_END = date(2026, 10, 31)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The demo year (``safetylog demo --end 2026-10-31``) built once per test run and copied.

    Under pytest-xdist the workers share the run's folder: the first to get here builds the file
    while holding a lock, and the others wait for it and use it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # every worker's folder lies in the run's own folder
    folder = base / "demo"
    folder.mkdir(exist_ok=True)
    path = folder / "demo.sqlite3"
    with (folder / "build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not path.exists():
            _build_demo(sqlite_template, folder)
    return path


def _build_demo(sqlite_template: Path, folder: Path) -> None:
    """Built under another name and renamed when complete (key file first), so a half-built
    demo is never taken for a finished one."""
    from safetylog.services.demo import DemoGenerator
    from safetylog.storage.keyslots import key_file_for

    path = folder / "partial.sqlite3"
    shutil.copy(sqlite_template, path)
    engine = open_engine(f"sqlite:///{path}")
    services = Services.build(engine, DatabaseLocation(f"sqlite:///{path}", "test"))
    DemoGenerator(services.session_factory, end=DEMO_END).run()
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    add_key_file(services)
    services.close()
    key_file_for(path).replace(key_file_for(folder / "demo.sqlite3"))
    path.replace(folder / "demo.sqlite3")


def add_key_file(services: Services) -> None:
    """The key file beside a test database: every active user's slot opens with their password."""
    from safetylog.services.container import seal_unattended
    from safetylog.storage.keyslots import KeyRing, key_file_for

    path = Path(services.location.url.removeprefix("sqlite:///"))
    services.key_ring = KeyRing(key_file_for(path), TEST_KEY)
    seal_unattended(services)


def copy_database(source: Path, target: Path) -> None:
    """A database file and its key file, if any."""
    from safetylog.storage.keyslots import key_file_for

    shutil.copy(source, target)
    if key_file_for(source).exists():
        shutil.copy(key_file_for(source), key_file_for(target))


@pytest.fixture
def demo_url(tmp_path: Path, demo_template: Path) -> str:
    """A private copy of the demo database for one test."""
    path = tmp_path / "demo.sqlite3"
    copy_database(demo_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def demo_services(demo_url: str) -> Iterator[Services]:
    yield from _services(demo_url)
