"""`safetylog export` and `safetylog import`: a round trip loses nothing; bad files change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from safetylog.cli import main
from safetylog.domain.crypto import KdfParams
from safetylog.services import container, export_file
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.services.export_rows import encode
from safetylog.storage import audit_verify
from safetylog.storage.engine import make_session_factory
from safetylog.storage.models import Base
from tests.conftest import TEST_KEY, open_engine

PASSPHRASE = "en lang og hemmelig sætning"
NEW_ADMIN_PASSWORD = "tre grønne ænder på Havblik"
# The audit chain grows with the import; open logins are never exported.
NOT_COMPARED = {"audit_log", "audit_head", "login_sessions"}


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 at export cost takes a while per file; these tests need the format, not the cost."""
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))


def export(url: str, path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str) -> dict:
    """Export as the demo administrator; returns the document (decrypted if need be)."""
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", PASSPHRASE)
    assert main(["--database", url, "export", str(path), "--user", "admin", *flags]) == 0
    return json.loads(export_file.read(path, PASSPHRASE))


def import_(url: str, path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str) -> int:
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", NEW_ADMIN_PASSWORD)
    return main(["--database", url, "import", str(path), *flags])


def dump(url: str) -> dict[str, list[dict]]:
    """Every table as the export encodes it, read straight from the database (no login)."""
    engine = open_engine(url)
    with engine.connect() as conn:
        tables = {
            t.name: [{k: encode(v) for k, v in row.items()}
                     for row in conn.execute(select(t).order_by(*t.primary_key.columns)).mappings()]
            for t in Base.metadata.sorted_tables
        }
    engine.dispose()
    return tables


def row_counts(url: str) -> dict[str, int]:
    engine = open_engine(url)
    with engine.connect() as conn:
        counts = {t.name: conn.scalar(select(func.count()).select_from(t)) or 0
                  for t in Base.metadata.sorted_tables}
    engine.dispose()
    return counts


@pytest.fixture
def empty_url(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty, migrated PostgreSQL database, or a place for a new embedded one.

    An embedded database is new (no file): the import makes it, encrypted, with a slot for every
    user it brings. Its master key is the test key here, so that the test can read it directly.
    """
    if not db_url.startswith("sqlite"):
        return db_url
    monkeypatch.setattr(container, "random_key", lambda: TEST_KEY)
    return f"sqlite:///{tmp_path / 'imported' / 'safetylog.sqlite3'}"


def test_demo_export_imports_into_an_empty_database_exactly(
    demo_url: str, empty_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first = export(demo_url, tmp_path / "first.safetylog", monkeypatch, "--full-move")
    assert len(first["tables"]["incidents"]) == 800
    assert import_(empty_url, tmp_path / "first.safetylog", monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Imported 800 incidents" in out
    assert ("Recovery key" in out) == empty_url.startswith("sqlite")
    imported = dump(empty_url)
    assert imported["login_sessions"] == []
    for name in set(first["tables"]) - NOT_COMPARED:
        assert imported[name] == first["tables"][name], name
    # The audit log is carried over whole, with the import appended to it.
    assert imported["audit_log"][:-1] == first["tables"]["audit_log"]
    assert imported["audit_log"][-1]["action"] == "import"
    # ... and its chain still verifies, the import linked on to the file's head.
    assert imported["audit_head"][0]["last_id"] == imported["audit_log"][-1]["id"]
    engine = open_engine(empty_url)
    with make_session_factory(engine)() as session:
        assert audit_verify.verify(session).ok
    engine.dispose()
    # Exporting the copy gives the same incidents again: the administrator's password still works.
    second = export(empty_url, tmp_path / "second.safetylog", monkeypatch, "--full-move")
    assert second["incidents"] == first["incidents"]


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda text: text[: len(text) // 2], "truncated JSON"),
        (lambda text: "", "truncated JSON"),
        (lambda text: text.replace('"safetylog-export"', '"something-else"', 1), "not a SafetyLog export"),
        (lambda text: text.replace('"narrative": "', '"narrative": 17, "x": "', 1), "unknown columns"),
        (lambda text: text.replace('"local_date": "2026-', '"local_date": "20X6-', 1), "malformed"),
    ],
)
def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], damage: object, message: str,
) -> None:
    text = (tmp_path / "good.json")
    export(demo_url, text, monkeypatch, "--plaintext")
    bad = tmp_path / "bad.json"
    bad.write_text(damage(text.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    folder = tmp_path / "new"
    capsys.readouterr()
    assert import_(f"sqlite:///{folder / 'safetylog.sqlite3'}", bad, monkeypatch, "--admin", "admin") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err, err
    assert not folder.exists() or not list(folder.iterdir())  # no half-made database is left


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda data: data[: len(data) // 2], "changed or cut short"),
        (lambda data: data[:-1], "changed or cut short"),
        (lambda data: data[: len(export_file.MAGIC) + 30], "header is damaged or cut short"),
        (lambda data: _flip(data, len(data) // 2), "changed or cut short"),
        (lambda data: _flip(data, len(data) - 1), "changed or cut short"),
        (lambda data: data.replace(b'"time_cost":1', b'"time_cost":2', 1), "changed or cut short"),
        (lambda data: data.replace(b'"parallelism":1', b'"parallelism":2', 1), "header is damaged"),
        (lambda data: _flip(data, 3), "not a SafetyLog export"),  # no longer marked as encrypted
    ],
)
def test_a_changed_or_cut_encrypted_file_is_refused_in_one_line_and_changes_nothing(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], damage: object, message: str,
) -> None:
    good = tmp_path / "good.safetylog"
    export(demo_url, good, monkeypatch, "--full-move")
    bad = tmp_path / "bad.safetylog"
    bad.write_bytes(damage(good.read_bytes()))  # type: ignore[operator]
    folder = tmp_path / "new"
    capsys.readouterr()
    assert import_(f"sqlite:///{folder / 'safetylog.sqlite3'}", bad, monkeypatch) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err, err
    assert not folder.exists() or not list(folder.iterdir())  # no half-made database is left


def test_import_into_a_database_in_use_is_refused(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    export(demo_url, tmp_path / "x.safetylog", monkeypatch, "--full-move")
    before = row_counts(demo_url)
    assert import_(demo_url, tmp_path / "x.safetylog", monkeypatch, "--user", "admin") == 1
    assert "not empty" in capsys.readouterr().err
    after = row_counts(demo_url)
    assert after.pop("audit_log") == before.pop("audit_log") + 1  # only the audited login
    assert after.pop("login_sessions") == before.pop("login_sessions") + 1
    assert after == before


def test_export_needs_an_administrator(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", PASSPHRASE)
    assert main(["--database", demo_url, "export", str(tmp_path / "x.json"), "--user", "nanna"]) == 1
    assert "may not" in capsys.readouterr().err
    assert list(tmp_path.glob("x.json*")) == []
