"""The login on every start: Enter submits, a wrong password gets one clear Danish message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safetylog.storage.models import AuditRow
from tests.conftest import PASSWORD, World
from tests.ui.app_driver import log_in, running_app, settle, wait_out_the_delay

REPO = Path(__file__).resolve().parents[2]


def test_a_wrong_password_is_refused_in_danish_and_logged(qtbot: QtBot, sqlite_world: World,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        login = shell.login
        assert login.windowTitle() == "SafetyLog – log ind"
        assert login.database.text().startswith("Database: sqlite:///")
        qtbot.keyClicks(login.form.username, "night_staff")
        qtbot.keyClick(login.form.username, Qt.Key.Key_Tab)
        qtbot.keyClicks(login.form.password, "gaet-igen")
        qtbot.keyClick(login.form.password, Qt.Key.Key_Return)
        settle(qtbot, shell)
        assert shell.window is None
        assert login.form.error.text() == "Forkert brugernavn eller adgangskode. Prøv igen."
        assert login.form.password.text() == "" and login.form.password.hasFocus()
        with sqlite_world.services.session_factory() as session:
            failed = session.scalars(select(AuditRow).where(AuditRow.action == "login_failed")).all()
        assert [row.username for row in failed] == ["night_staff"]

        wait_out_the_delay(monkeypatch)
        window = log_in(qtbot, shell, "night_staff")
        assert window.user_label.text() == "Bruger: Nina Nat"
        assert window.role_label.text() == "Rolle: Nattevagt"
        assert window.windowTitle() == "SafetyLog"


def test_main_without_a_display_prints_one_line_and_returns_1(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SAFETYLOG_DATA_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-c", "import ui.app, sys; sys.exit(ui.app.main())"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().startswith("safetylog: no display found")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_database_that_cannot_be_opened_is_said_on_the_login(qtbot: QtBot) -> None:
    from ui.app import build_app

    # A shared server that does not answer: one Danish sentence, never the driver's English.
    _app, shell = build_app("postgresql://nobody@127.0.0.1:1/safetylog", language="da")
    shell.start()
    qtbot.addWidget(shell.login)
    qtbot.waitUntil(lambda: shell.open_error is not None, timeout=20_000)
    assert shell.state == "shared"
    assert shell.login.form.error.text() == (
        "Databaseserveren kan ikke nås. Tjek netværket, og at serveren kører; ring ellers til din "
        "administrator.")
    assert not shell.login.form.submit_button.isEnabled()
    shell.close()


def test_a_set_up_that_cannot_write_says_so_in_danish(qtbot: QtBot, tmp_path: Path) -> None:
    from ui.app import build_app

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the database folder should be")
    _app, shell = build_app(f"sqlite:///{blocker / 'db.sqlite3'}", language="da")
    shell.start()
    qtbot.addWidget(shell.login)
    qtbot.waitUntil(lambda: shell.first_run is not None and shell.first_run.isVisible(), timeout=20_000)
    dialog = shell.first_run
    assert dialog is not None
    for name, value in (("facility_code", "HAV"), ("facility_name", "Bostedet Havblik"),
                        ("username", "anna"), ("display_name", "Anna Admin"),
                        ("password", PASSWORD), ("password_again", PASSWORD)):
        dialog.inputs[name].setText(value)
    dialog.create_button.click()
    qtbot.waitUntil(lambda: bool(dialog.general_error.text()), timeout=20_000)
    assert dialog.general_error.text().startswith("Opsætningen mislykkedes, og intet blev gemt.")
    assert blocker.read_text() == "a file where the database folder should be"
    shell.close()
