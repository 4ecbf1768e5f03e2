"""The duty dialog's "Open the incident" button shows the duty's incident, wherever the dialog
was opened from (the overview's duty list or the incident's own duties tab)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.domain.records import IncidentDetail, TypeChoice
from tests.conftest import World
from tests.ui.view_helpers import context, incident, settle, task_runner
from ui.tasks import TaskRunner
from ui.views.duty_dialog import DutyDialog
from ui.views.incident_view import IncidentView, open_incident
from ui.views.overview import OverviewView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _force_incident(world: World) -> IncidentDetail:
    return world.services.incidents.submit(world.actor(Role.STAFF), incident(
        world, (TypeChoice("VIO-PHY", "staff"), TypeChoice("FRC", "124d")),
        "B-101 blev holdt efter § 124 d.", 5))


W = TypeVar("W", bound=QWidget)


def _shown(kind: type[W]) -> list[W]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def _click_open_the_incident(qtbot: QtBot, tasks: TaskRunner, dialog: DutyDialog) -> None:
    dialog.open_button.click()
    settle(qtbot, tasks)


def test_from_the_overview_the_button_opens_the_incident(qtbot: QtBot, sqlite_world: World,
                                                          tasks: TaskRunner) -> None:
    detail = _force_incident(sqlite_world)
    view = OverviewView(context(sqlite_world, Role.MANAGER), tasks)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, tasks)
    force = next(d for d in view.duty_box.model.rows if d.kind == "force_case")
    view.duty_box.activated.emit(force)
    assert _shown(IncidentView) == []
    [dialog] = _shown(DutyDialog)  # a child of the view it was opened from: goes with it
    _click_open_the_incident(qtbot, tasks, dialog)
    windows = _shown(IncidentView)
    assert [w.incident_id for w in windows] == [detail.id]
    assert windows[0].parentWidget() is view
    for window in [*windows, dialog]:
        window.close()


def test_from_the_incident_the_button_brings_its_window_forward(qtbot: QtBot, sqlite_world: World,
                                                                 tasks: TaskRunner) -> None:
    detail = _force_incident(sqlite_world)
    window = open_incident(context(sqlite_world, Role.MANAGER), tasks, detail.id)  # deleted on close
    settle(qtbot, tasks)
    assert window.detail is not None
    window.duties.table.activated.emit(window.duties.model.index(0, 0))
    [dialog] = _shown(DutyDialog)
    assert dialog.parentWidget() is window
    window.hide()  # out of sight (offscreen Qt has no stacking to test): the button shows it again
    assert dialog.isVisible()
    _click_open_the_incident(qtbot, tasks, dialog)
    # The incident is already open: the same window comes forward, no second one.
    assert _shown(IncidentView) == [window]
    for widget in (dialog, window):
        widget.close()
