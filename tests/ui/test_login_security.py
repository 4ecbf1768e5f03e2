"""The login's refusals, re-authentication, an ended session and a forced password change, driven
through the real windows on a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from safetylog.domain.enums import Role
from safetylog.domain.timeutil import utcnow
from safetylog.services import sessions
from safetylog.storage.models import User
from tests.conftest import PASSWORD, World
from tests.ui.app_driver import log_in, running_app, settle
from tests.versions import user_version
from ui.app import Shell
from ui.password_dialog import ChangePasswordDialog
from ui.reauth import ReauthDialog

NEW_PASSWORD = "blå kaffekop ved vinduet"


def submit(qtbot: QtBot, shell: Shell, username: str, password: str) -> None:
    form = shell.login.form
    form.username.setText(username)
    form.password.setText(password)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    settle(qtbot, shell)


def test_a_throttled_and_a_locked_out_login_say_so_in_danish(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        submit(qtbot, shell, "staff", "gaet-igen-1234")
        assert shell.login.form.error.text() == "Forkert brugernavn eller adgangskode. Prøv igen."
        submit(qtbot, shell, "staff", PASSWORD)  # too soon: not even checked
        assert shell.window is None
        assert shell.login.form.error.text().startswith("Vent 1 sekunder, før du prøver igen")

        with sqlite_world.services.session_factory.begin() as session:
            session.execute(update(User).where(User.username == "staff")
                            .values(locked_until=utcnow() + timedelta(minutes=30)))
        qtbot.wait(1_100)
        submit(qtbot, shell, "staff", PASSWORD)
        assert shell.window is None
        text = shell.login.form.error.text()
        assert text.startswith("Din bruger er låst efter for mange forkerte adgangskoder."), text
        assert "minutter" in text and "Wait" not in text and "locked" not in text


def test_a_stale_password_is_asked_for_again_and_the_call_runs_once_more(
    qtbot: QtBot, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    resident = sqlite_world.residents[0]
    with running_app(qtbot, sqlite_world.services) as shell:
        log_in(qtbot, shell, "manager")
        monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(minutes=6))
        assert shell.ctx is not None
        actor, residents = shell.ctx.require_actor(), sqlite_world.services.residents
        results: list[object] = []
        errors: list[BaseException] = []
        shell.tasks.run(lambda: residents.identity(actor, resident.id, "Aftale med kommunen"),
                        results.append, errors.append)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None
                        or isinstance(QApplication.activeWindow(), ReauthDialog), timeout=5_000)
        dialog = shell.window.findChild(ReauthDialog)  # type: ignore[union-attr]
        assert dialog is not None and dialog.isVisible()
        assert dialog.windowTitle() == "SafetyLog – bekræft, at det er dig"
        qtbot.keyClicks(dialog.password, "forkert-kode-99")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        settle(qtbot, shell)
        assert dialog.isVisible() and dialog.error.text()
        assert results == [] and errors == []
        qtbot.wait(1_100)  # the wrong password is throttled like a login
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(results) or bool(errors) or (
            shiboken6.isValid(dialog) and bool(dialog.error.text())), timeout=5_000)
        assert errors == [] and results
        assert getattr(results[0], "full_name", None) == "Jens Jensen"


def test_a_deactivated_users_window_returns_to_the_login_at_the_next_action(
    qtbot: QtBot, sqlite_world: World
) -> None:
    with running_app(qtbot, sqlite_world.services, pages=None) as shell:
        window = log_in(qtbot, shell, "staff")
        sqlite_world.services.admin.deactivate(sqlite_world.actor(Role.ADMIN), "staff",
                                               expected_version=user_version(sqlite_world.services, "staff"))
        window.show_page("incidents")  # the list asks the database: the login is gone
        qtbot.waitUntil(lambda: shell.login.isVisible(), timeout=5_000)
        settle(qtbot, shell)
        assert not window.isVisible()
        assert shell.ctx is not None and shell.ctx.actor is None
        assert window.page_keys == [] or window.stack.count() == 0
        assert shell.login.form.error.text() == "Din bruger er deaktiveret. Tal med jeres administrator."


def test_after_a_reset_the_user_must_choose_a_new_password(qtbot: QtBot, sqlite_world: World) -> None:
    services = sqlite_world.services
    one_time = services.admin.reset_password(sqlite_world.actor(Role.ADMIN), "staff",
                                             expected_version=user_version(services, "staff"))
    with running_app(qtbot, sqlite_world.services) as shell:
        submit(qtbot, shell, "staff", one_time)
        qtbot.waitUntil(lambda: shell.password_change is not None and shell.password_change.isVisible(),
                        timeout=5_000)
        dialog = shell.password_change
        assert isinstance(dialog, ChangePasswordDialog) and dialog.forced
        assert shell.window is None and not shell.login.isVisible()
        assert dialog.windowTitle() == "SafetyLog – skift adgangskode"

        dialog.old.setText(one_time)
        dialog.new.setText("sommer2024")
        dialog.repeat.setText("sommer2024")
        dialog.save_button.click()
        settle(qtbot, shell)
        assert dialog.form.errors["new_password"].text().startswith("Adgangskoden skal have mindst 12")
        assert shell.window is None

        dialog.new.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD)
        qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=5_000)
        settle(qtbot, shell)
        assert shell.ctx is not None and shell.ctx.actor is not None
        assert not shell.ctx.actor.must_change_password
    assert sqlite_world.services.auth.login("staff", NEW_PASSWORD).username == "staff"


def test_every_user_changes_their_own_password_from_the_menu(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        window.password_action.trigger()
        dialog = window.password_dialog
        assert isinstance(dialog, ChangePasswordDialog) and not dialog.forced
        assert window.password_action.text() == "Skift &adgangskode…"
        dialog.old.setText("forkert-kode-99")
        dialog.new.setText(NEW_PASSWORD)
        dialog.repeat.setText(NEW_PASSWORD + "x")
        dialog.save_button.click()
        assert dialog.form.errors["repeat"].text() == "De to nye adgangskoder er ikke ens."
        dialog.repeat.setText(NEW_PASSWORD)
        dialog.save_button.click()
        settle(qtbot, shell)
        assert dialog.form.errors["old_password"].text() == "Den nuværende adgangskode er forkert."
        qtbot.wait(1_100)
        dialog.old.setText(PASSWORD)
        dialog.save_button.click()
        settle(qtbot, shell)
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()
        assert window.statusBar().currentMessage() == "Din adgangskode er ændret."
    assert sqlite_world.services.auth.login("night_staff", NEW_PASSWORD).username == "night_staff"
