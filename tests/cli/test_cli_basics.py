"""The command line: version, init, users, database upgrade, clear one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from safetylog import __version__
from safetylog.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["frobnicate"])
    assert done.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_init_then_users_in_the_default_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "first-admin-pw")
    assert main(["init", "--facility-code", "HAV", "--facility-name", "Bostedet Havblik",
                 "--admin", "anna", "--admin-name", "Anna Holm"]) == 0
    database = tmp_path / "userdata" / "safetylog.sqlite3"
    assert database.exists()
    assert str(database) in capsys.readouterr().out

    monkeypatch.setenv("SAFETYLOG_PASSWORD", "first-admin-pw")
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "nattevagt-pw")
    assert main(["user", "add", "nanna", "--name", "Nanna V", "--role", "night_staff",
                 "--facility", "HAV", "--user", "anna"]) == 0
    assert main(["user", "set-role", "nanna", "staff", "--user", "anna"]) == 0
    assert main(["user", "deactivate", "nanna", "--user", "anna"]) == 0
    capsys.readouterr()
    assert main(["user", "list", "--user", "anna"]) == 0
    listing = capsys.readouterr().out
    assert "nanna" in listing and "staff" in listing and "deactivated" in listing

    # A second init is refused, and a wrong password gets one clear line.
    assert main(["init", "--facility-code", "X", "--facility-name", "X", "--admin", "b",
                 "--admin-name", "B"]) == 1
    assert "already set up" in capsys.readouterr().err
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "wrong")
    assert main(["user", "list", "--user", "anna"]) == 1
    assert capsys.readouterr().err.strip() == "safetylog: Wrong user name or password."


def test_bad_field_values_are_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "short")
    assert main(["init", "--facility-code", "bad code!", "--facility-name", "", "--admin", "a",
                 "--admin-name", "A"]) == 1
    err = capsys.readouterr().err
    assert "facility_code" in err and "facility_name" in err and "password" in err
    assert len(err.strip().splitlines()) == 1


def test_db_upgrade_and_where(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert main(["--database", url, "db", "upgrade"]) == 0
    assert "'safetylog init' creates it" in capsys.readouterr().out
    assert not (tmp_path / "x.sqlite3").exists()  # nothing is made unencrypted
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "first-admin-pw")
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "first-admin-pw")
    assert main(["--database", url, "init", "--facility-code", "HAV", "--facility-name", "Havblik",
                 "--admin", "anna", "--admin-name", "Anna Holm"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "db", "upgrade"]) == 1  # encrypted: only a login opens it
    assert "--user" in capsys.readouterr().err
    assert main(["--database", url, "db", "upgrade", "--user", "anna"]) == 0
    assert "up to date" in capsys.readouterr().out
    assert main(["--database", url, "db", "where"]) == 0
    assert "x.sqlite3" in capsys.readouterr().out


def test_the_last_administrator_cannot_step_down(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "first-admin-pw")
    assert main(["init", "--facility-code", "HAV", "--facility-name", "Bostedet Havblik",
                 "--admin", "anna", "--admin-name", "Anna Holm"]) == 0
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "first-admin-pw")
    capsys.readouterr()
    assert main(["user", "set-role", "anna", "staff", "--user", "anna"]) == 1
    err = capsys.readouterr().err
    assert err == "safetylog: role: There must be at least one active administrator.\n"
    assert main(["user", "list", "--user", "anna"]) == 0
    assert "admin" in capsys.readouterr().out  # still the administrator
