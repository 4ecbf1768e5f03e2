"""A kill -9 at any moment of a first start or an upgrade leaves a database the next start opens.

Each run starts the schema change in a child process and kills it after a random delay spread
over how long the change takes; the next start must then finish the change, and the result must
be a complete schema at head with every row that was there before. ``SAFETYLOG_KILL_RUNS``
runs more (the default keeps CI short).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, text

from safetylog.storage import migrate
from safetylog.storage.engine import make_engine
from tests.conftest import TEST_KEY

RUNS = int(os.environ.get("SAFETYLOG_KILL_RUNS", "10"))

_CHILD = """
import sys
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine
migrate.upgrade(make_engine(sys.argv[1], key=bytes.fromhex(sys.argv[2])))
"""


def _engine(path: Path):  # type: ignore[no-untyped-def]
    return make_engine(f"sqlite:///{path}", key=TEST_KEY)


def _upgrade_in_child(path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", _CHILD, f"sqlite:///{path}", TEST_KEY.hex()],
                            cwd=Path(__file__).resolve().parents[2],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _duration(path: Path) -> float:
    started = time.perf_counter()
    assert _upgrade_in_child(path).wait(120) == 0
    return time.perf_counter() - started


def _at_0001_with_rows(path: Path) -> None:
    engine = _engine(path)
    command.upgrade(migrate.alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO users (id, username, display_name, password_hash, role, active, all_facilities,"
            " created_at, failed_logins, version) VALUES (1, 'anna', 'Anna', 'x', 'admin', 1, 1,"
            " '2026-01-01 00:00:00', 0, 1)"))
        for n in range(1, 201):
            conn.execute(text(
                "INSERT INTO audit_log (id, at, user_id, username, workstation, action, entity,"
                " entity_id, details) VALUES (:n, '2026-01-01 00:00:00', 1, 'anna', '', 'login', 'user',"
                " '1', '{}')"), {"n": n})
    engine.dispose()


def _assert_complete(path: Path, audit_rows: int) -> None:
    engine = _engine(path)
    migrate.upgrade(engine)  # the next start: finishes what the killed one began, or had nothing to do
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"facilities", "users", "incidents", "audit_log", "audit_head", "login_sessions"} <= tables
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM audit_log")) == audit_rows
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    engine.dispose()


@pytest.mark.parametrize("start", ["first start", "upgrade"])
def test_a_kill_at_any_moment_leaves_a_database_the_next_start_opens(tmp_path: Path, start: str) -> None:
    rng = random.Random(20261129)
    probe = tmp_path / "probe.sqlite3"
    if start == "upgrade":
        _at_0001_with_rows(probe)
    took = _duration(probe)
    interrupted = 0
    for run in range(RUNS):
        path = tmp_path / f"run{run}.sqlite3"
        if start == "upgrade":
            _at_0001_with_rows(path)
        child = _upgrade_in_child(path)
        time.sleep(rng.uniform(0.05, took))
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            interrupted += 1
        child.wait(60)
        _assert_complete(path, 200 if start == "upgrade" else 0)
    assert interrupted >= RUNS // 2, "the kills came too late to interrupt anything"
