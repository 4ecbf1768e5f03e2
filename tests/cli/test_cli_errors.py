"""Every environment error a user can cause or fix is one line on the command line, not a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from safetylog.cli import main
from safetylog.storage import engine as engine_module


def _one_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    assert main(argv) == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


_INIT = ["init", "--facility-code", "HAV", "--facility-name", "Havblik", "--admin", "anna",
         "--admin-name", "Anna Holm"]


@pytest.fixture(autouse=True)
def _new_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "lang-nok-og-ikke-almindelig-7")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_malformed_settings_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "userdata"
    folder.mkdir()
    (folder / "settings.toml").write_text('database_url = "postgresql://x\n', encoding="utf-8")
    line = _one_line(capsys, ["db", "upgrade"])
    assert "settings.toml is not valid" in line


def test_database_server_down(capsys: pytest.CaptureFixture[str]) -> None:
    url = f"postgresql://someone@127.0.0.1:{_closed_port()}/safetylog"
    line = _one_line(capsys, ["--database", url, "db", "upgrade"])
    assert "cannot be reached" in line


def test_damaged_database_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this was never a database " * 400)
    before = damaged.read_bytes()
    line = _one_line(capsys, ["--database", f"sqlite:///{damaged}", "db", "upgrade"])
    assert "damaged" in line
    assert damaged.read_bytes() == before


def test_folder_that_cannot_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    line = _one_line(capsys, ["--database", f"sqlite:///{a_file / 'sub' / 'db.sqlite3'}", *_INIT])
    assert "folder" in line


def test_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite's page limit makes "database or disk is full" happen on demand, without a small mount.
    monkeypatch.setattr(engine_module, "SQLITE_PRAGMAS",
                        (*engine_module.SQLITE_PRAGMAS, "PRAGMA max_page_count=4"))
    line = _one_line(capsys, ["--database", f"sqlite:///{tmp_path / 'full.sqlite3'}", *_INIT])
    assert "disk is full" in line


def test_debug_shows_the_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(OSError):
        main(["--debug", "--database", f"sqlite:///{a_file / 'sub' / 'db.sqlite3'}", *_INIT])
