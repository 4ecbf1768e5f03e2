"""The incident list driven with real widgets: search, filter, sort and open with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role, Severity
from tests.conftest import World
from tests.ui.view_helpers import context, seed_incidents, settle, task_runner
from ui.models.incident_table import Column
from ui.models.keyset import ID_ROLE
from ui.tasks import TaskRunner
from ui.views.incident_list import IncidentListView
from ui.views.incident_view import IncidentView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()



def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role = Role.MANAGER) -> IncidentListView:
    view = IncidentListView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    settle(qtbot, tasks)
    return view


def _ids(view: IncidentListView) -> list[int]:
    return [view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())]


def test_opens_with_every_incident_newest_first_and_the_total(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    assert _ids(view) == [d.id for d in details]
    assert view.total == 5
    assert "5" in view.count_label.text()
    assert view.table.horizontalHeader().sortIndicatorSection() == Column.OCCURRED


def test_typing_a_search_narrows_the_list_after_a_short_pause(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is view.filters.search or view.filters.search.hasFocus()
    qtbot.keyClicks(view.filters.search, "flask")  # prefix match on the full-text index
    qtbot.waitUntil(lambda: view.model.criteria.text == "flask", timeout=3000)
    settle(qtbot, tasks)
    assert _ids(view) == [d.id for d in details if "flaske" in d.narrative]
    assert view.total == 1
    view.filters.search.clear()
    qtbot.keyClicks(view.filters.search, "ingen-sådan-tekst")
    view.filters.search.returnPressed.emit()  # Enter searches at once
    settle(qtbot, tasks)
    assert view.model.rowCount() == 0
    assert view.status.text()  # says that nothing matches


def test_filters_by_type_severity_and_facility_and_clears(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    assert view.filters.type_box.select("DRG-DEAL")
    settle(qtbot, tasks)
    assert _ids(view) == [d.id for d in details if d.primary_type == "DRG-DEAL"]
    view.filters.type_box.setCurrentIndex(0)
    assert view.filters.severity_box.select(Severity.S1)
    settle(qtbot, tasks)
    assert {view.model.index(r, Column.SEVERITY).data() for r in range(view.model.rowCount())} == {"S1"}
    assert view.filters.facility_box.select(sqlite_world.other_facility.id)
    settle(qtbot, tasks)
    assert view.model.rowCount() == 0 and view.total == 0
    assert not view.filters.zone_box.isEnabled()  # the other facility has no places
    assert view.filters.facility_box.select(sqlite_world.facility.id)
    settle(qtbot, tasks)
    assert view.filters.zone_box.isEnabled()
    assert view.filters.zone_box.count() == 2  # "all" and the common room
    view.filters.reset_button.click()
    settle(qtbot, tasks)
    assert _ids(view) == [d.id for d in details]


def test_resident_and_shift_filters(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    assert view.filters.resident_box.select(sqlite_world.residents[1].id)
    settle(qtbot, tasks)
    assert view.model.rowCount() == 0  # every seeded incident names B-101
    view.filters.resident_box.select(sqlite_world.residents[0].id)
    settle(qtbot, tasks)
    assert view.model.rowCount() == len(details)
    shift = details[0].shift  # the seeds are relative to now: take whatever shift the newest fell in
    assert view.filters.shift_box.select(shift)
    settle(qtbot, tasks)
    assert _ids(view) == [d.id for d in details if d.shift == shift]


def test_clicking_a_header_sorts_in_the_database(qtbot: QtBot, sqlite_world: World,
                                                  tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    header = view.table.horizontalHeader()
    header.setSortIndicator(Column.SEVERITY, Qt.SortOrder.DescendingOrder)
    settle(qtbot, tasks)
    shown = [view.model.index(r, Column.SEVERITY).data() for r in range(view.model.rowCount())]
    assert shown == sorted((d.severity.value for d in details), reverse=True)
    header.setSortIndicator(Column.SUMMARY, Qt.SortOrder.AscendingOrder)  # no order for summaries
    settle(qtbot, tasks)
    assert header.sortIndicatorSection() == Column.SEVERITY
    assert view.model.sort_spec.column == "severity"


def test_enter_opens_the_chosen_incident_in_its_own_window(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(1, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, IncidentView) and w.isVisible()]
    assert [w.incident_id for w in windows] == [details[1].id]
    window = windows[0]
    assert window.detail is not None and window.detail.id == details[1].id
    assert str(details[1].id) in window.windowTitle()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_the_list_re_reads_when_an_incident_is_logged_elsewhere(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    from ui.context import Changes

    view = _view(qtbot, sqlite_world, tasks)
    assert view.model.rowCount() == 0
    seed_incidents(sqlite_world)
    view.ctx.hub.announce(Changes.INCIDENTS, None)  # as an Op elsewhere does
    settle(qtbot, tasks)
    assert view.model.rowCount() == 5 and view.total == 5
    assert not view.model.canFetchMore(QModelIndex())
