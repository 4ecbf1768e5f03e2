"""The idle lock: content hidden, the form untouched, unlocked by the same or another user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from safetylog.domain.enums import Role
from safetylog.services.settings import IDLE_LOCK_MINUTES
from safetylog.storage.models import AuditRow
from tests.conftest import PASSWORD, World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle, wait_out_the_delay
from tests.versions import setting_version
from ui.app import Shell
from ui.entry.form import IncidentForm
from ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
WORDS = "B-102 råbte og smækkede med dørene på 2. sal."


def start_typing(qtbot: QtBot, shell: Shell, username: str) -> tuple[MainWindow, IncidentForm]:
    window = log_in(qtbot, shell, username)
    form = window.show_page("new_incident")
    assert isinstance(form, IncidentForm)
    settle(qtbot, shell)
    form.types.set_choices([{"code": "VIO-VRB", "subtype": "abuse"}])
    form.common.narrative.setPlainText(WORDS)
    return window, form


def unlock(qtbot: QtBot, shell: Shell, window: MainWindow, username: str, password: str = PASSWORD) -> None:
    lock_form = window.lock_screen.form
    lock_form.username.setText(username)
    lock_form.password.setFocus()
    qtbot.keyClicks(lock_form.password, password)
    qtbot.keyClick(lock_form.password, Qt.Key.Key_Return)
    settle(qtbot, shell)


def audit_actions(world: World) -> list[tuple[str, str]]:
    with world.services.session_factory() as session:
        return [(r.action, r.username) for r in session.scalars(
            select(AuditRow).where(AuditRow.action.in_(("lock", "unlock", "login_failed")))
            .order_by(AuditRow.id))]


def test_ctrl_l_locks_and_the_same_user_finds_the_form_untouched(
    qtbot: QtBot, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window, form = start_typing(qtbot, shell, "night_staff")
        Keyboard(qtbot).press(Qt.Key.Key_L, CTRL)
        settle(qtbot, shell)
        assert window.is_locked
        assert window.lock_screen.isVisible() and not window.workspace.isVisible()
        assert "Nina Nat" in window.lock_screen.info.text()
        assert window.lock_screen.form.username.text() == "night_staff"
        assert window.lock_screen.form.password.hasFocus()

        unlock(qtbot, shell, window, "night_staff", "forkert-kode")
        assert window.is_locked
        assert window.lock_screen.form.error.text() == "Forkert brugernavn eller adgangskode. Prøv igen."

        wait_out_the_delay(monkeypatch)
        unlock(qtbot, shell, window, "night_staff")
        assert not window.is_locked and window.workspace.isVisible()
        assert window.page("new_incident") is form
        assert form.common.narrative.toPlainText() == WORDS
        assert [(c.code, c.subtype) for c in form.types.choices()] == [("VIO-VRB", "abuse")]
        assert audit_actions(sqlite_world) == [
            ("lock", "night_staff"), ("login_failed", "night_staff"), ("unlock", "night_staff")]


def test_another_user_unlocks_and_the_draft_stays_with_its_owner(
    qtbot: QtBot, sqlite_world: World
) -> None:
    changed_to: list[object] = []
    with running_app(qtbot, sqlite_world.services) as shell:
        window, form = start_typing(qtbot, shell, "night_staff")
        assert shell.ctx is not None
        shell.ctx.hub.actor_changed.connect(changed_to.append)
        window.lock()
        settle(qtbot, shell)
        unlock(qtbot, shell, window, "staff")

        assert shell.ctx.actor is not None and shell.ctx.actor.username == "staff"
        assert [getattr(a, "username", None) for a in changed_to] == ["staff"]
        assert window.user_label.text() == "Bruger: Søren Staff"
        assert window.role_label.text() == "Rolle: Personale"
        fresh = window.page("new_incident")
        assert isinstance(fresh, IncidentForm) and fresh is not form
        assert fresh.common.narrative.toPlainText() == ""
        drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
        assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]
        assert sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.STAFF)) == []


def test_the_window_locks_itself_after_the_idle_time(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window, form = start_typing(qtbot, shell, "night_staff")
        assert window.idle.interval_ms == 10 * 60_000  # the default, read from the settings
        window.idle.set_interval_ms(150)
        window.idle.start()
        qtbot.waitUntil(lambda: window.is_locked, timeout=3_000)
        settle(qtbot, shell)
        drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
        assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]
        assert form.common.narrative.toPlainText() == WORDS


def test_the_idle_time_comes_from_the_settings(qtbot: QtBot, sqlite_world: World) -> None:
    services = sqlite_world.services
    services.settings.set(sqlite_world.actor(Role.ADMIN), IDLE_LOCK_MINUTES, 3,
                          expected_version=setting_version(services, IDLE_LOCK_MINUTES))
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        assert window.idle.interval_ms == 3 * 60_000
        assert window.idle.active


def test_log_out_returns_to_the_login(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window, _form = start_typing(qtbot, shell, "night_staff")
        window.logout_action.trigger()
        settle(qtbot, shell)
        assert not window.isVisible() and shell.login.isVisible()
        assert shell.ctx is not None and shell.ctx.actor is None
        drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
        assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]
        again = log_in(qtbot, shell, "staff")
        assert again is window and window.user_label.text() == "Bruger: Søren Staff"


def test_quitting_saves_the_draft_and_logs_out_once(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window, _form = start_typing(qtbot, shell, "night_staff")
        window.quit_action.trigger()
        settle(qtbot, shell)
        shell.close()
        assert not window.isVisible()
    drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
    assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]
    with sqlite_world.services.session_factory() as session:
        logouts = session.scalars(select(AuditRow).where(AuditRow.action == "logout")).all()
    assert [row.username for row in logouts] == ["night_staff"]


def test_an_open_dialog_is_covered_while_locked_and_kept_for_the_same_user(
    qtbot: QtBot, sqlite_world: World
) -> None:
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    with running_app(qtbot, sqlite_world.services) as shell:
        window, _form = start_typing(qtbot, shell, "night_staff")
        dialog = QDialog(window)
        note = QLineEdit("Tillæg: beboeren sov roligt resten af natten.", dialog)
        QVBoxLayout(dialog).addWidget(note)
        dialog.resize(400, 120)
        dialog.show()
        window.lock()
        settle(qtbot, shell)
        assert window.curtains.covered == [dialog]
        cover = dialog.findChild(QWidget, "lockCurtain")
        assert cover is not None and cover.isVisible() and cover.geometry() == dialog.rect()
        assert cover.text() == "SafetyLog er låst. Lås op i hovedvinduet."  # type: ignore[attr-defined]
        assert not dialog.isEnabled()

        unlock(qtbot, shell, window, "night_staff")
        assert dialog.isVisible() and dialog.isEnabled()
        assert note.text() == "Tillæg: beboeren sov roligt resten af natten."
        qtbot.waitUntil(lambda: dialog.findChild(QWidget, "lockCurtain") is None)

        window.lock()
        settle(qtbot, shell)
        unlock(qtbot, shell, window, "staff")
        assert not dialog.isVisible()  # another user does not see the previous user's dialog


def test_ctrl_l_locks_from_an_incident_window_and_keeps_the_draft(
    qtbot: QtBot, sqlite_world: World
) -> None:
    from tests.ui.view_helpers import seed_incidents
    from ui.views.incident_view import open_incident

    detail = seed_incidents(sqlite_world, Role.NIGHT_STAFF)[0]
    with running_app(qtbot, sqlite_world.services) as shell:
        window, form = start_typing(qtbot, shell, "night_staff")
        view = open_incident(window.ctx, shell.tasks, detail.id, window)
        settle(qtbot, shell)
        qtbot.waitUntil(view.isActiveWindow)
        view.tabs.setFocus()
        Keyboard(qtbot).press(Qt.Key.Key_L, CTRL)  # the incident window is its own top-level window
        settle(qtbot, shell)
        assert window.is_locked and window.lock_screen.isVisible()
        assert window.curtains.covered == [view] and not view.isEnabled()
        # the password is typed straight away, without reaching for the mouse
        assert QApplication.focusWidget() is window.lock_screen.form.password
        drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
        assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]

        unlock(qtbot, shell, window, "night_staff")
        assert not window.is_locked and view.isVisible() and view.isEnabled()
        assert form.common.narrative.toPlainText() == WORDS
        view.close()


def test_ctrl_l_locks_from_the_entry_form_and_keeps_the_draft(
    qtbot: QtBot, sqlite_world: World
) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window, form = start_typing(qtbot, shell, "night_staff")
        form.common.narrative.setFocus()
        Keyboard(qtbot).press(Qt.Key.Key_L, CTRL)
        settle(qtbot, shell)
        assert window.is_locked
        drafts = sqlite_world.services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))
        assert [payload["narrative"] for _id, _at, payload in drafts] == [WORDS]
        assert form.common.narrative.toPlainText() == WORDS
