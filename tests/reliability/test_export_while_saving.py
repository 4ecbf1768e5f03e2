"""An export taken while four PCs save is imported cleanly into an empty database, every time.

Four child processes (``tests/reliability/saver.py``) each log in as a staff member of their own
and keep saving incidents, with an addendum every third one, while this process exports the whole
database (a full move, encrypted) over and over. Every file must import into a new, empty database
of the same kind, hold no row that points at an incident missing from it, have the row counts of
its own snapshot, and carry a whole audit chain. Without the export's snapshot, the later tables
hold rows of incidents saved after the ``incidents`` table was read, and the import fails.

``SAFETYLOG_RELIABILITY_ROUNDS`` sets the number of exports (5 by default, which keeps each
backend well under a minute); the numbers of each round are printed (``pytest -s``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from safetylog.config import DatabaseLocation
from safetylog.domain.crypto import KdfParams
from safetylog.domain.enums import Role
from safetylog.services import export_file
from safetylog.services.container import Services
from safetylog.storage import audit_verify
from safetylog.storage.engine import make_session_factory
from safetylog.storage.models import (
    AddendumRow,
    AuditRow,
    AuditSubject,
    Base,
    Incident,
    IncidentVersionRow,
)
from tests.conftest import PASSWORD, TEST_KEY, World, new_database, open_engine

ROUNDS = int(os.environ.get("SAFETYLOG_RELIABILITY_ROUNDS", "5"))
SAVERS = 4
# Incidents saved before the first export, so that an export takes long enough for saves to land
# in it (a few hundred milliseconds on the test machine).
SEED_INCIDENTS = 120
PASSPHRASE = "fire pc'er gemmer mens vi eksporterer"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The file's argon2 cost is not what is tested here; the snapshot is."""
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables}


def _incidents(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(Incident)) or 0)


def _start_savers(world: World, url: str, stop: Path) -> list[subprocess.Popen[str]]:
    admin = world.actor(Role.ADMIN)
    children = []
    for n in range(1, SAVERS + 1):
        name = f"pc{n}"
        world.services.admin.create_user(admin, name, f"Medarbejder {n}", PASSWORD, Role.STAFF,
                                         (world.facility.id,))
        key = TEST_KEY.hex() if url.startswith("sqlite") else ""
        children.append(subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.saver", url, key, name, PASSWORD, str(stop),
             str(world.facility.id), str(world.zone.id), str(world.residents[0].id)],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    return children


def _wait_for(engine: Engine, incidents: int, children: list[subprocess.Popen[str]]) -> None:
    deadline = time.monotonic() + 60
    while _incidents(engine) < incidents:
        for child in children:
            if child.poll() is not None:
                pytest.fail(f"a saving PC stopped: {child.communicate()[1][-2000:]}")
        assert time.monotonic() < deadline, "the saving PCs are too slow to start"
        time.sleep(0.05)


def _stop(children: list[subprocess.Popen[str]], stop: Path) -> tuple[int, int]:
    stop.touch()
    incidents = addenda = 0
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err[-2000:]
        saved, added = map(int, out.split())
        incidents, addenda = incidents + saved, addenda + added
    return incidents, addenda


def _assert_whole(engine: Engine) -> None:
    """Every row that names an incident names one that is there, and the audit chain is whole."""
    with make_session_factory(engine)() as session:
        present = set(session.scalars(select(Incident.id)))
        for column in (IncidentVersionRow.incident_id, AddendumRow.incident_id):
            assert set(session.scalars(select(column).distinct())) <= present, column
        audited = {int(i) for i in session.scalars(
            select(AuditRow.entity_id).where(AuditRow.entity == "incident").distinct())}
        assert audited <= present
        audit_ids = set(session.scalars(select(AuditRow.id)))
        assert set(session.scalars(select(AuditSubject.audit_id).distinct())) <= audit_ids
        report = audit_verify.verify(session)
        assert report.ok, report


def test_an_export_taken_while_four_pcs_save_imports_cleanly(
    world: World, db_url: str, tmp_path: Path, request: pytest.FixtureRequest,
) -> None:
    services = world.services
    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    stop = tmp_path / "stop"
    children = _start_savers(world, db_url, stop)
    rounds: list[tuple[int, int, float, float]] = []
    try:
        _wait_for(services.engine, SEED_INCIDENTS, children)
        for n in range(ROUNDS):
            # A fresh login per round: an export needs a recent one, and a long run takes a while.
            admin = services.auth.login("admin", PASSWORD, workstation="test")
            file = tmp_path / f"round{n}.safetylog"
            before = _incidents(services.engine)
            started = time.perf_counter()
            result = services.exchange.export_to(admin, file, passphrase=PASSPHRASE, full_move=True)
            took = time.perf_counter() - started
            saved_meanwhile = _incidents(services.engine) - before

            folder = tmp_path / f"empty{n}"
            folder.mkdir()
            target_url = new_database(request, kind, folder)
            target = Services.build(open_engine(target_url), DatabaseLocation(target_url, "test"))
            try:
                started = time.perf_counter()
                imported = target.exchange.import_from(file, passphrase=PASSPHRASE)
                import_took = time.perf_counter() - started
                counts = _counts(target.engine)
                _assert_whole(target.engine)
            finally:
                target.close()
            assert imported.counts == result.counts
            # The database holds the file's rows exactly; only the import's own audit row is added.
            expected = {**result.counts, "login_sessions": 0,
                        "audit_log": result.counts["audit_log"] + 1}
            assert counts == expected
            assert before <= result.counts["incidents"] <= before + saved_meanwhile
            rounds.append((result.counts["incidents"], saved_meanwhile, took, import_took))
    finally:
        incidents, addenda = _stop(children, stop)
    print(f"\n{kind}: {ROUNDS} exports while {SAVERS} PCs saved {incidents} incidents and "
          f"{addenda} addenda; per round (incidents in the file, incidents saved during the "
          f"export, export s, import s): {[(i, s, round(t, 2), round(m, 2)) for i, s, t, m in rounds]}")
    # The exports really were taken while others saved: most of them saw saves land meanwhile.
    assert sum(1 for _i, saved, _t, _m in rounds if saved > 0) >= (ROUNDS + 1) // 2
    _assert_whole(services.engine)
