"""The reporter hears what was done: at the next login "Det skete der med din indberetning" lists
the manager's sign-off and note until it is marked read; the login after that shows nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from tests.conftest import World
from tests.factories import incident_input
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from tests.ui.view_helpers import danish_translations, task_runner
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.views.feedback import FeedbackDialog
from ui.views.overview import OverviewView

NOTE = "Beboeren har fået en ny kontaktperson."


def _dialog(qtbot: QtBot, window: MainWindow) -> FeedbackDialog:
    qtbot.waitUntil(lambda: window.feedback_offer.dialog is not None
                    and window.feedback_offer.dialog.isVisible(), timeout=10_000)
    dialog = window.feedback_offer.dialog
    assert dialog is not None
    return dialog


def test_the_reporter_sees_the_feedback_at_the_next_login_until_read(qtbot: QtBot,
                                                                      sqlite_world: World) -> None:
    services, manager = sqlite_world.services, sqlite_world.actor(Role.MANAGER)
    detail = services.incidents.submit(sqlite_world.actor(Role.NIGHT_STAFF), incident_input(sqlite_world))
    signed = services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    services.incidents.add_addendum(manager, detail.id, NOTE)
    with running_app(qtbot, services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        dialog = _dialog(qtbot, window)
        assert dialog.windowTitle() == "Det skete der med din indberetning"
        lines = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        when = signed.local_date.strftime("%d-%m-%Y")
        assert len(lines) == 2
        assert lines[0].startswith(f"Hændelse {detail.id} ({when}, ")
        assert "Maja Leder tilføjede en note" in lines[0]
        assert "godkendt af Maja Leder" in lines[1]
        assert all(NOTE not in line for line in lines)  # what happened, not what was written
        assert "(2)" in dialog.message.text()

        from ui.views import incident_view

        dialog.open_button.click()  # the reporter may read their own incident
        qtbot.waitUntil(lambda: detail.id in incident_view._open_windows, timeout=10_000)
        settle(qtbot, shell)
        incident_view._open_windows[detail.id].close()
        settle(qtbot, shell)

        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        Keyboard(qtbot).press(Qt.Key.Key_Return)  # "Markér som læst" is the default button
        settle(qtbot, shell)
        qtbot.waitUntil(lambda: window.feedback_offer.dialog is None)
        assert services.feedback.unread(sqlite_world.actor(Role.NIGHT_STAFF)) == []

        window.logout()
        settle(qtbot, shell)
        window = log_in(qtbot, shell, "night_staff")
        settle(qtbot, shell)
        assert window.feedback_offer.dialog is None


def test_later_keeps_the_feedback_for_the_next_login(qtbot: QtBot, sqlite_world: World) -> None:
    services, manager = sqlite_world.services, sqlite_world.actor(Role.MANAGER)
    detail = services.incidents.submit(sqlite_world.actor(Role.STAFF), incident_input(sqlite_world))
    services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    with running_app(qtbot, services) as shell:
        window = log_in(qtbot, shell, "staff")
        _dialog(qtbot, window).later_button.click()
        settle(qtbot, shell)
        window.logout()
        settle(qtbot, shell)
        window = log_in(qtbot, shell, "staff")
        assert "godkendt af Maja Leder" in _dialog(qtbot, window).list.item(0).text()
        # The manager who signed off is told nothing about their own action.
        window.logout()
        settle(qtbot, shell)
        window = log_in(qtbot, shell, "manager")
        settle(qtbot, shell)
        assert window.feedback_offer.dialog is None


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish() -> Iterator[None]:
    yield from danish_translations()


def test_the_manager_sees_who_has_not_read_and_it_goes_when_read(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None) -> None:
    services, manager = sqlite_world.services, sqlite_world.actor(Role.MANAGER)
    nina = sqlite_world.actor(Role.NIGHT_STAFF)
    detail = services.incidents.submit(nina, incident_input(sqlite_world))
    services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    view = OverviewView(UiContext(services, actor=manager, language="da"), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    box = view.feedback_box
    assert box.title() == "Endnu ikke læst af indberetteren"
    assert [(f.reporter, f.incident_id) for f in box.model.rows] == [("Nina Nat", detail.id)]
    assert box.note.text() == "Ikke læst endnu: 1 meddelelser, 1 indberettere."
    shown = box.model.index(0, 2).data()
    assert shown.startswith("godkendt af Maja Leder, ")

    [item] = services.feedback.unread(nina)
    services.feedback.mark_read(nina, [item.id])
    view.refresh()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert box.model.rows == []
    assert box.note.text() == "Alle indberettere har læst, hvad der er gjort."
