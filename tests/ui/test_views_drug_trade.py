"""Drug-trade observations: the weekday × hour map, the places, and the lazily fetched list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.records import TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.drug_patterns import DRUG_CODES
from tests.conftest import World
from tests.ui.view_helpers import context, incident, settle, task_runner
from ui.models.drug_table import Column, DrugTableModel
from ui.models.keyset import ID_ROLE
from ui.models.runner import InlineRunner
from ui.tasks import TaskRunner
from ui.views.drug_trade import DrugTradeView
from ui.views.incident_view import IncidentView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _at(days_ago: int, hour: int) -> datetime:
    day = datetime.now(COPENHAGEN) - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, 20, tzinfo=COPENHAGEN)


@pytest.fixture
def observed(sqlite_world: World) -> dict[str, object]:
    """Dealing three times at the entrance late on one weekday, once in the common room; use once."""
    admin, staff = sqlite_world.actor(Role.ADMIN), sqlite_world.actor(Role.STAFF)
    entrance = sqlite_world.services.admin.add_zone(admin, sqlite_world.facility.id, "IND",
                                                    "Indgangen", ZoneKind.ENTRANCE)
    ids = []
    for days, hour, zone in ((7, 22, entrance.id), (14, 22, entrance.id), (21, 23, entrance.id),
                             (2, 15, sqlite_world.zone.id)):
        data = incident(sqlite_world, (TypeChoice("DRG-DEAL"),), f"Salg ved zone {zone}.", 0,
                        occurred_start=_at(days, hour), zone_id=zone)
        ids.append(sqlite_world.services.incidents.submit(staff, data).id)
    use = incident(sqlite_world, (TypeChoice("DRG-USE"),), "Påvirket af alkohol.", 5)
    sqlite_world.services.incidents.submit(staff, use)
    return {"entrance": entrance.id, "weekday": _at(7, 22).weekday(), "ids": ids}


def _view(qtbot: QtBot, world: World, tasks: TaskRunner) -> DrugTradeView:
    view = DrugTradeView(context(world, Role.MANAGER), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    return view


def test_the_map_shows_when_and_where_dealing_is_seen(qtbot: QtBot, sqlite_world: World,
                                                      tasks: TaskRunner, observed: dict[str, object],
                                                      qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    weekday = observed["weekday"]
    assert isinstance(weekday, int)
    assert view.heat.counts[weekday][22] == 2 and view.heat.counts[_at(21, 23).weekday()][23] >= 1
    assert sum(map(sum, view.heat.counts)) == 4  # dealing only, not the drinking
    assert "4" in view.map_caption.text()
    qtmodeltester.check(view.zones)
    places = [(view.zones.index(r, 0).data(), view.zones.index(r, 2).data())
              for r in range(view.zones.rowCount())]
    assert places[0] == ("Indgangen", "3")
    # the busiest cell's count is also told in words, for screen readers and on hover
    assert "2" in view.heat.accessibleDescription()
    cell = view.heat.cell_at(view.heat.width() - 8, view.heat.height() - 8)  # bottom right
    assert cell == (6, 23)


def test_choosing_a_place_narrows_map_and_list(qtbot: QtBot, sqlite_world: World,
                                               tasks: TaskRunner, observed: dict[str, object]) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    view.zone_table.activated.emit(view.zones.index(0, 0))  # "Indgangen", the busiest place
    settle(qtbot, tasks)
    assert view.zone_box.value() == observed["entrance"]
    assert sum(map(sum, view.heat.counts)) == 3
    assert {view.model.index(r, Column.ZONE).data() for r in range(view.model.rowCount())} == {"Indgangen"}
    assert view.zones.rowCount() >= 2  # the other places stay listed for comparison
    view.kind_box.select(DRUG_CODES)
    view.zone_box.setCurrentIndex(0)
    settle(qtbot, tasks)
    assert view.model.rowCount() == 5 and sum(map(sum, view.heat.counts)) == 5


def test_the_list_has_the_drug_details_and_opens_with_enter(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, observed: dict[str, object]) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    ids = observed["ids"]
    assert isinstance(ids, list)
    first = view.model.index(0, 0)
    assert first.data(ID_ROLE) == ids[3]  # the newest first
    assert view.model.index(0, Column.SUBSTANCES).data() == "hash"
    assert view.model.index(0, Column.VEHICLES).data() == "sort Audi"
    assert view.model.index(0, Column.SELLERS).data() == "1"
    view.table.setFocus()
    view.table.setCurrentIndex(first)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, IncidentView) and w.isVisible()]
    assert [w.incident_id for w in windows] == [ids[3]]
    for window in windows:
        window.close()


def test_drug_table_model_passes_the_model_tester(qtbot: QtBot, sqlite_world: World,
                                                  observed: dict[str, object],
                                                  qtmodeltester: ModelTester) -> None:
    actor = sqlite_world.actor(Role.MANAGER)
    model = DrugTableModel(sqlite_world.services.drug_patterns, lambda: actor, InlineRunner(), page_size=2)
    from safetylog.services.drug_patterns import DrugFilter

    model.set_query(DrugFilter())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 5
