"""Residents by the name staff know, in the windows: the residents page sets and shows it, the
entry form's picker offers "Jens (B-101)" and the record stores the resident (shown elsewhere by
pseudonym), the incident list and the incident show it to staff; the administrator adds residents."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.domain.records import TypeChoice
from tests.conftest import World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from tests.ui.view_helpers import context, danish_translations, incident, task_runner
from tests.ui.view_helpers import settle as settle_tasks
from tests.versions import resident_version
from ui.entry.form import IncidentForm
from ui.models.incident_table import Column, IncidentTableModel
from ui.models.runner import InlineRunner
from ui.tasks import TaskRunner
from ui.views.residents import ResidentsView

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish() -> Iterator[None]:
    yield from danish_translations()


def _name(world: World, index: int, name: str) -> None:
    rid = world.residents[index].id
    world.services.residents.set_display_name(world.actor(Role.MANAGER), rid, name,
                                              expected_version=resident_version(world.services, rid))


def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role) -> ResidentsView:
    view = ResidentsView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.show()
    settle_tasks(qtbot, tasks)
    return view


def _known_as(view: ResidentsView) -> dict[str, str]:
    model = view.residents.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Kaldes"
    return {model.row_at(r).pseudonym: model.index(r, 1).data() for r in range(model.rowCount())}


def test_manager_names_a_resident_and_the_night_worker_sees_it(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None) -> None:
    view = _view(qtbot, sqlite_world, tasks, Role.MANAGER)
    tab = view.residents
    tab.list.selectRow(0)
    qtbot.keyClicks(tab.display_name, "Jens 2")
    qtbot.keyClick(tab.display_name, Qt.Key.Key_Return)
    settle_tasks(qtbot, tasks)
    assert tab.name_form.errors.visible()["display_name"].startswith("Ugyldigt format")
    tab.display_name.setText("Jens")
    tab.name_button.click()
    settle_tasks(qtbot, tasks)
    view.refresh()
    settle_tasks(qtbot, tasks)
    assert _known_as(view)["B-101"] == "Jens"
    night = _view(qtbot, sqlite_world, tasks, Role.NIGHT_STAFF)
    assert _known_as(night) == {"B-101": "Jens", "B-102": ""}
    assert not night.residents.name_button.isVisibleTo(night)  # staff see it, do not set it
    assert night.broset is not None


def test_administrator_adds_a_resident_with_a_name_but_sees_no_names_or_broset(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None) -> None:
    _name(sqlite_world, 0, "Jens")
    view = _view(qtbot, sqlite_world, tasks, Role.ADMIN)
    assert view.broset is None and view.tabs.count() == 1
    tab = view.residents
    assert _known_as(view)["B-101"] == ""  # pseudonyms only for the administrator
    tab.new_facility.select(sqlite_world.facility.id)
    tab.pseudonym.setText("B-103")
    tab.new_display_name.setText("Lise")
    tab.add_button.click()
    settle_tasks(qtbot, tasks)
    assert tab.message.text() == "B-103 er gemt."
    listed = sqlite_world.services.residents.list(sqlite_world.actor(Role.STAFF), with_display_names=True)
    assert {r.pseudonym: r.display_name for r in listed}["B-103"] == "Lise"


def test_picker_offers_the_name_and_the_record_stores_the_resident(
        qtbot: QtBot, sqlite_world: World) -> None:
    _name(sqlite_world, 0, "Jens")
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        page = window.show_page("new_incident")
        assert isinstance(page, IncidentForm)
        settle(qtbot, shell)
        page.types.set_choices([{"code": "VIO-VRB", "subtype": None}])
        page.common.narrative.setPlainText("Beboeren råbte ad personalet i gangen.")
        row = page.common.residents.add_row()
        combo = row.resident
        assert [combo.itemText(i) for i in range(combo.count())] == ["Jens (B-101)", "B-102"]
        combo.setFocus()
        qtbot.keyClicks(combo, "Jens")  # picked by the name the night worker knows
        assert combo.currentText() == "Jens (B-101)"
        Keyboard(qtbot).press(Qt.Key.Key_Return, CTRL)
        settle(qtbot, shell)
        detail = page.last_detail
        assert detail is not None
        assert [(rid, p) for rid, p, _role in detail.residents] == [(sqlite_world.residents[0].id, "B-101")]


def test_incident_list_shows_the_name_to_staff_and_the_pseudonym_to_others(
        qtbot: QtBot, sqlite_world: World) -> None:
    _name(sqlite_world, 0, "Jens")
    sqlite_world.services.incidents.submit(sqlite_world.actor(Role.STAFF), incident(
        sqlite_world, (TypeChoice("VIO-VRB"),), "Råb i gangen.", 1))
    for role, shown in ((Role.NIGHT_STAFF, "Jens (B-101)"), (Role.PSP_COORDINATOR, "B-101")):
        model = IncidentTableModel(sqlite_world.services.queries, partial(sqlite_world.actor, role),
                                   InlineRunner())
        model.set_query()
        assert model.index(0, Column.RESIDENTS).data() == shown
