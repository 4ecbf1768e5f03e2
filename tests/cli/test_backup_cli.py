"""`safetylog backup` and `restore` on the command line: who may, and one clear line when not."""

from __future__ import annotations

from pathlib import Path

import pytest

from safetylog.cli import main
from safetylog.services.demo_content import DEMO_PASSWORD


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_status_without_any_backup_warns(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--database", demo_url, "backup", "--status")
    assert code == 1 and "WARNING: There is no backup yet." in out


def test_backup_needs_an_administrator(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    code, _out, err = _run(capsys, "--database", demo_url, "backup", str(tmp_path / "b.sqlite3"))
    assert code == 1 and err.count("\n") == 1 and "--user" in err
    code, _out, err = _run(capsys, "--database", demo_url, "backup", str(tmp_path / "b.sqlite3"),
                           "-u", "jonas")
    assert code == 1 and "Only an administrator" in err
    assert not list(tmp_path.glob("*b.sqlite3*"))


def test_restore_of_a_missing_backup_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    target = tmp_path / "new" / "safetylog.sqlite3"
    code, _out, err = _run(capsys, "--database", f"sqlite:///{target}", "restore",
                           str(tmp_path / "nothing.sqlite3"), "-u", "admin")
    assert code == 1 and err.count("\n") == 1 and "There is no backup" in err
    assert not target.exists()


def test_backup_over_an_existing_file_is_refused(demo_url: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    taken = tmp_path / "taken.sqlite3"
    taken.write_bytes(b"keep me")
    code, _out, err = _run(capsys, "--database", demo_url, "backup", str(taken), "-u", "admin")
    assert code == 1 and "already exists" in err and taken.read_bytes() == b"keep me"
    code, out, _err = _run(capsys, "--database", demo_url, "backup", "--status")
    assert "There is no backup yet" in out  # a refused name is not a failed backup
