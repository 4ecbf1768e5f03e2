"""The lazily fetched incident table: pages, sorting and filtering by asking the database again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role, Severity
from safetylog.domain.records import IncidentFilter, SortSpec, TypeChoice
from tests.conftest import World
from tests.ui.view_helpers import incident, seed_incidents, settle, task_runner
from ui.models.incident_table import Column, IncidentTableModel
from ui.models.keyset import ID_ROLE
from ui.models.runner import InlineRunner, Runner
from ui.tasks import TaskRunner


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()



def _model(world: World, role: Role = Role.MANAGER, page_size: int = 100,
           runner: Runner | None = None) -> IncidentTableModel:
    actor = world.actor(role)
    return IncidentTableModel(world.services.queries, lambda: actor, runner or InlineRunner(),
                              page_size=page_size)


def _ids(model: IncidentTableModel) -> list[int]:
    return [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())]


def _many(world: World, count: int) -> list[int]:
    staff = world.actor(Role.STAFF)
    return [world.services.incidents.submit(
        staff, incident(world, (TypeChoice("VIO-VRB"),), f"Råben nummer {n}.", 1 + n * 0.5)).id
        for n in range(count)]


def test_model_passes_qt_model_tester_while_pages_arrive(qtbot: QtBot, qtmodeltester: ModelTester,
                                                          sqlite_world: World) -> None:
    _many(sqlite_world, 25)
    model = _model(sqlite_world, page_size=7)
    model.set_query()
    qtmodeltester.check(model)  # Qt's tester calls fetchMore from inside the insert signals
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 25


def test_pages_arrive_newest_first_without_gaps_or_repeats(qtbot: QtBot, sqlite_world: World) -> None:
    expected = _many(sqlite_world, 23)  # the first one submitted happened most recently
    model = _model(sqlite_world, page_size=10)
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.set_query()
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert _ids(model) == expected
    assert inserted == [(0, 9), (10, 19), (20, 22)]
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more: no empty insert
    assert inserted[-1] == (20, 22)


def test_cells_show_danish_list_values_and_severity_colour(qtbot: QtBot, sqlite_world: World) -> None:
    details = seed_incidents(sqlite_world)
    model = _model(sqlite_world)
    model.set_query()
    newest = details[0]
    row = _ids(model).index(newest.id)

    def cell(column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return model.index(row, column).data(role)

    assert cell(Column.TYPE) == "Trusler"
    assert cell(Column.SEVERITY) == "S3"
    assert cell(Column.FACILITY) == "Bostedet Havblik"
    assert cell(Column.ZONE) == "Fællesstue"
    assert cell(Column.RESIDENTS) == "B-101"
    assert "knust flaske" in str(cell(Column.SUMMARY))
    local = newest.occurred_start.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Copenhagen"))
    assert cell(Column.OCCURRED) == local.strftime("%d-%m-%Y %H:%M")
    serious = cell(Column.SEVERITY, Qt.ItemDataRole.BackgroundRole)
    calm_row = next(r for r in range(model.rowCount())
                    if model.index(r, Column.SEVERITY).data() == Severity.S1.value)
    calm = model.index(calm_row, Column.SEVERITY).data(Qt.ItemDataRole.BackgroundRole)
    assert serious.color() != calm.color()  # type: ignore[attr-defined]
    two_types = next(d for d in details if len(d.types) == 2)
    assert model.index(_ids(model).index(two_types.id), Column.TYPE).data() == "Fysisk vold (+1)"


def test_sorting_asks_the_database_again(qtbot: QtBot, sqlite_world: World) -> None:
    details = seed_incidents(sqlite_world)
    model = _model(sqlite_world, page_size=2)  # only two rows loaded: a proxy could not sort
    model.set_query()
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.sort(Column.SEVERITY, Qt.SortOrder.DescendingOrder)
    assert resets == [1]
    assert model.sort_spec == SortSpec("severity", True)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    severities = [model.index(r, Column.SEVERITY).data() for r in range(model.rowCount())]
    assert severities == sorted((d.severity.value for d in details), reverse=True)
    model.sort(Column.RESIDENTS)  # not a sortable column: nothing changes
    assert resets == [1] and model.sort_spec.column == "severity"
    model.sort(Column.OCCURRED, Qt.SortOrder.AscendingOrder)
    assert _ids(model)[0] == details[-1].id  # oldest first


def test_filters_and_free_text_narrow_the_list(qtbot: QtBot, sqlite_world: World) -> None:
    details = seed_incidents(sqlite_world)
    model = _model(sqlite_world)
    model.set_query(IncidentFilter(text="flaske"))
    assert _ids(model) == [d.id for d in details if "flaske" in d.narrative]
    model.set_query(IncidentFilter(type_codes=("DRG-DEAL",)))
    assert [model.index(r, Column.TYPE).data() for r in range(model.rowCount())] == [
        "Narkotikahandel observeret"]
    today = details[0].local_date
    model.set_query(IncidentFilter(date_from=today - timedelta(days=1)))
    assert set(_ids(model)) == {d.id for d in details if d.local_date >= today - timedelta(days=1)}


def test_night_staff_see_only_what_the_service_allows(qtbot: QtBot, sqlite_world: World) -> None:
    seed_incidents(sqlite_world, role=Role.MANAGER)
    model = _model(sqlite_world, role=Role.NIGHT_STAFF)
    model.set_query()
    assert model.rowCount() == 4  # the 400-hour-old one is outside the two-week window


def test_pages_through_the_task_runner_and_stale_pages_are_dropped(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    model = _model(sqlite_world, runner=tasks)
    model.set_query(IncidentFilter(text="flaske"))
    model.set_query(IncidentFilter(text="musik"))  # replaces the first query before it lands
    settle(qtbot, tasks)
    assert _ids(model) == [d.id for d in details if "musik" in d.narrative]
    assert not model.busy


def test_a_failed_page_is_reported_and_stops_fetching(qtbot: QtBot, sqlite_world: World) -> None:
    model = _model(sqlite_world, role=Role.ADMIN)  # administrators may not read incidents
    errors: list[BaseException] = []
    model.failed.connect(errors.append)
    model.set_query()
    assert len(errors) == 1 and "incident.read" in str(errors[0])
    assert not model.canFetchMore(QModelIndex())
