"""``safetylog backup`` then ``safetylog restore`` into an empty database gives an identical export,
on the embedded database and on PostgreSQL.

"Identical" means: an export of the restored database equals an export of the original taken
after the backup, table for table and row for row (ids included), and its readable ``incidents``
section too, with two exceptions, both written by the restore itself:

- the audit log (``audit_log``, ``audit_subjects``, ``audit_head``): the restored log begins with
  exactly the rows the backup held (same ids, same hashes), followed only by the restore's own
  rows (the import on PostgreSQL, the administrator's login, the chain check, the restore) and
  the export's login;
- ``users.last_login_at`` and ``users.version`` of the administrator, which every login changes.
"""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from safetylog.cli import main
from safetylog.domain.crypto import KdfParams
from safetylog.services import export_file
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage.engine import make_engine
from tests.cli.test_exchange import PASSPHRASE, export, import_
from tests.pg_server import PostgresServer

AUDIT = ("audit_log", "audit_subjects", "audit_head")
CHANGED_BY_LOGIN = ("last_login_at", "version")
_blank = itertools.count()


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))


def blank_postgres(server: PostgresServer) -> str:
    """A new database as a DBA makes one (``createdb``): no tables at all."""
    name = f"blank{os.getpid()}_{next(_blank)}"
    engine = make_engine(server.url())
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return server.url(name)


def _data(document: dict[str, Any]) -> dict[str, Any]:
    tables = {name: rows for name, rows in document["tables"].items() if name not in AUDIT}
    tables["users"] = [{k: v for k, v in row.items() if k not in CHANGED_BY_LOGIN}
                       for row in tables["users"]]
    return {"tables": tables, "incidents": document["incidents"]}


@pytest.fixture
def source_url(db_url: str, demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The demo year on the backend under test: as it is on SQLite, moved to PostgreSQL whole."""
    if db_url.startswith("sqlite"):
        return demo_url
    export(demo_url, tmp_path / "demo.safetylog", monkeypatch, "--full-move")
    assert import_(db_url, tmp_path / "demo.safetylog", monkeypatch) == 0
    return db_url


def test_backup_then_restore_into_an_empty_database_gives_an_identical_export(
    source_url: str, tmp_path: Path, request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    on_server = not source_url.startswith("sqlite")
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", PASSPHRASE)
    backup = tmp_path / "copies" / ("demo.safetylog" if on_server else "demo.sqlite3")
    capsys.readouterr()
    started = time.perf_counter()
    assert main(["--database", source_url, "backup", str(backup), "-u", "admin"]) == 0
    backup_took = time.perf_counter() - started
    assert "audit chain of" in capsys.readouterr().out
    if on_server:
        target = blank_postgres(request.getfixturevalue("pg_server"))
    else:
        target = f"sqlite:///{tmp_path / 'restored' / 'safetylog.sqlite3'}"
    started = time.perf_counter()
    assert main(["--database", target, "restore", str(backup), "-u", "admin"]) == 0
    restore_took = time.perf_counter() - started
    assert "Restored" in capsys.readouterr().out
    with capsys.disabled():
        print(f"\n{'postgresql' if on_server else 'sqlite'}: backup {backup_took:.2f} s "
              f"({backup.stat().st_size:,} bytes), restore {restore_took:.2f} s")

    original = export(source_url, tmp_path / "original.safetylog", monkeypatch, "--full-move")
    restored = export(target, tmp_path / "restored.safetylog", monkeypatch, "--full-move")
    assert len(original["incidents"]) == 800
    assert _data(restored) == _data(original)

    # The audit log: the backed-up rows unchanged, then only the restore's own rows.
    source_log, restored_log = original["tables"]["audit_log"], restored["tables"]["audit_log"]
    cut = next(i for i, row in enumerate(source_log) if row["entity"] == "database_backup")
    assert restored_log[:cut] == source_log[:cut]
    after = restored_log[cut:]
    assert any(row["details"].get("restored_from") == backup.name for row in after)
    assert {row["action"] for row in after} <= {"login", "import", "verify"}
    kept = {row["id"] for row in source_log[:cut]}
    assert [s for s in restored["tables"]["audit_subjects"] if s["audit_id"] in kept] == \
        [s for s in original["tables"]["audit_subjects"] if s["audit_id"] in kept]

