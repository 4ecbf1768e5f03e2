"""``safetylog resident add`` and ``list``: the administrator adds residents on a fresh database,
facility staff see their display names, and mistakes get one line."""

from __future__ import annotations

import pytest

from safetylog.cli import main


def test_administrator_adds_residents_and_staff_see_their_names(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "first-admin-pw")
    assert main(["init", "--facility-code", "HAV", "--facility-name", "Bostedet Havblik",
                 "--admin", "anna", "--admin-name", "Anna Holm"]) == 0
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "first-admin-pw")
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "nattevagt-pw-1")
    assert main(["user", "add", "nanna", "--name", "Nanna V", "--role", "night_staff",
                 "--facility", "HAV", "-u", "anna"]) == 0
    capsys.readouterr()
    assert main(["resident", "add", "H-101", "--facility", "HAV", "--display-name", "Lise",
                 "--full-name", "Lise Lund", "--moved-in", "2025-03-01", "-u", "anna"]) == 0
    assert capsys.readouterr().out.strip() == "Added H-101 at HAV with a display name."
    assert main(["resident", "add", "H-102", "--facility", "HAV", "-u", "anna"]) == 0

    assert main(["resident", "list", "-u", "anna"]) == 0  # the administrator: pseudonyms only
    listing = capsys.readouterr().out
    assert "H-101" in listing and "H-102" in listing and "Lise" not in listing
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "nattevagt-pw-1")
    assert main(["resident", "list", "-u", "nanna"]) == 0  # the night worker: the name they know
    assert [line.split() for line in capsys.readouterr().out.splitlines()] == [
        ["H-101", "HAV", "Lise"], ["H-102", "HAV"]]

    # Staff may not add; bad input gets one line and adds nothing.
    assert main(["resident", "add", "H-103", "--facility", "HAV", "-u", "nanna"]) == 1
    assert "may not" in capsys.readouterr().err
    monkeypatch.setenv("SAFETYLOG_PASSWORD", "first-admin-pw")
    assert main(["resident", "add", "H-103", "--facility", "HAV", "--display-name", "Lise Lund",
                 "--full-name", "Lise Lund", "-u", "anna"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "display_name" in err and "full name" in err
    assert main(["resident", "add", "H-103", "--facility", "NOPE", "-u", "anna"]) == 1
    assert capsys.readouterr().err.strip() == "safetylog: unknown facility code NOPE"
    assert main(["resident", "list", "-u", "anna"]) == 0
    assert "H-103" not in capsys.readouterr().out
