"""``safetylog user passwd|reset|unlock``: one's own password, a one-time password, a lock-out."""

from __future__ import annotations

from datetime import timedelta

import pytest

from safetylog.cli import main
from safetylog.domain.timeutil import utcnow
from safetylog.services import sessions

ADMIN_PW = "first-admin-pw-1"


def _init(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", ADMIN_PW)
    assert main(["init", "--facility-code", "HAV", "--facility-name", "Bostedet Havblik",
                 "--admin", "anna", "--admin-name", "Anna Holm"]) == 0
    monkeypatch.setenv("SAFETYLOG_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "nattevagt-med-kaffe")
    assert main(["user", "add", "nanna", "--name", "Nanna V", "--role", "night_staff",
                 "--facility", "HAV", "--user", "anna"]) == 0


def test_reset_prints_a_one_time_password_that_must_then_be_changed(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    _init(monkeypatch)
    capsys.readouterr()
    assert main(["user", "reset", "nanna", "--user", "anna"]) == 0
    one_time = capsys.readouterr().out.split("One-time password for nanna: ")[1].split()[0]
    monkeypatch.setenv("SAFETYLOG_PASSWORD", one_time)
    assert main(["user", "list", "--user", "nanna"]) == 1
    assert "Choose a new password" in capsys.readouterr().err
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "sommer2026")
    assert main(["user", "passwd", "--user", "nanna"]) == 1
    assert "new_password" in capsys.readouterr().err
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "tre-stille-nattetimer")
    assert main(["user", "passwd", "--user", "nanna"]) == 0
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "tre-stille-nattetimer")
    assert main(["user", "list", "--user", "nanna"]) == 1  # logged in; night staff may not list
    assert "may not do this" in capsys.readouterr().err


def test_unlock_lifts_a_lock_out(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    _init(monkeypatch)
    moment = [utcnow()]
    monkeypatch.setattr(sessions, "now", lambda: moment[0])
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "forkert-kodeord-1")
    for _ in range(10):
        moment[0] += timedelta(minutes=2)
        assert main(["user", "passwd", "--user", "nanna"]) == 1
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "nattevagt-med-kaffe")
    capsys.readouterr()
    assert main(["user", "passwd", "--user", "nanna"]) == 1
    assert "locked" in capsys.readouterr().err
    monkeypatch.setenv("SAFETYLOG_PASSWORD", ADMIN_PW)
    assert main(["user", "unlock", "nanna", "--user", "anna"]) == 0
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "nattevagt-med-kaffe")
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "tre-stille-nattetimer")
    assert main(["user", "passwd", "--user", "nanna"]) == 0
