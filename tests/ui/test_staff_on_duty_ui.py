"""Staff on duty where people meet it: the entry form, the record, the history and the list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.domain.records import TypeChoice
from tests.conftest import World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from tests.ui.view_helpers import context, danish_translations, incident, task_runner
from tests.ui.view_helpers import settle as settle_tasks
from ui.app import Shell
from ui.entry.form import IncidentForm
from ui.models.incident_table import FIRST_DESCRIBED, IncidentTableModel
from ui.models.runner import InlineRunner
from ui.tasks import TaskRunner
from ui.views.incident_view import IncidentView

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def form(qtbot: QtBot, sqlite_world: World) -> Iterator[tuple[Shell, IncidentForm]]:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        page = window.show_page("new_incident")
        assert isinstance(page, IncidentForm)
        settle(qtbot, shell)
        yield shell, page


def _staff_field(page: IncidentForm) -> QLineEdit:
    field = page.common.findChild(QLineEdit, "staff_on_duty")
    assert field is not None and field.isVisibleTo(page)
    return field


def _fill_and_submit(qtbot: QtBot, shell: Shell, page: IncidentForm, staff: str) -> None:
    page.types.set_choices([{"code": "VIO-VRB", "subtype": None}])
    page.common.narrative.setPlainText("B-101 råbte ad personalet i gangen.")
    field = _staff_field(page)
    field.clear()
    qtbot.keyClicks(field, staff)
    Keyboard(qtbot).press(Qt.Key.Key_Return, CTRL)
    settle(qtbot, shell)


def test_the_form_asks_for_staff_on_duty_in_danish_and_stores_it(
        qtbot: QtBot, form: tuple[Shell, IncidentForm]) -> None:
    shell, page = form
    field = _staff_field(page)
    caption = next(label for label in page.common.findChildren(QLabel) if label.buddy() is field)
    assert caption.text() == "Medarbejdere på vagt:"
    assert field.accessibleName() == "Medarbejdere på vagt"
    assert "dig selv medregnet" in field.placeholderText()
    _fill_and_submit(qtbot, shell, page, "3")
    assert page.last_detail is not None and page.last_detail.staff_on_duty == 3


@pytest.mark.parametrize(("typed", "message"), [
    ("tre", "Skal være et helt tal."),  # the form's own parse
    ("80", "Skal være mellem 0 og 50."),  # the core's range, shown under the same field
])
def test_a_bad_count_is_shown_under_the_field_and_what_was_typed_stays(
        qtbot: QtBot, form: tuple[Shell, IncidentForm], sqlite_world: World, typed: str,
        message: str) -> None:
    shell, page = form
    _fill_and_submit(qtbot, shell, page, typed)
    assert page.visible_errors() == {"staff_on_duty": message}
    assert page.common.errors["staff_on_duty"].isVisible()
    assert _staff_field(page).text() == typed
    assert page.last_detail is None
    assert sqlite_world.services.queries.count(shell.ctx.actor) == 0  # type: ignore[arg-type, union-attr]


def test_a_draft_keeps_staff_on_duty(qtbot: QtBot, form: tuple[Shell, IncidentForm]) -> None:
    shell, page = form
    qtbot.keyClicks(_staff_field(page), "2")
    saved = page.state()
    assert saved["staff_on_duty"] == "2"
    page.start_new()
    assert _staff_field(page).text() == ""
    page.set_state(saved)
    settle(qtbot, shell)
    assert _staff_field(page).text() == "2"


# --- the record, the history and the list ---------------------------------------------------


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish() -> Iterator[None]:
    yield from danish_translations()


def test_record_and_history_show_staff_on_duty_and_what_a_correction_changed(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None) -> None:
    world = sqlite_world
    first = world.services.incidents.submit(
        world.actor(Role.STAFF), incident(world, (TypeChoice("VIO-VRB"),), "Råben i gangen.", 2,
                                          staff_on_duty=3))
    world.services.incidents.correct(
        world.actor(Role.MANAGER), first.id,
        incident(world, (TypeChoice("VIO-VRB"),), "Råben i gangen.", 2, staff_on_duty=2,
                 occurred_start=first.occurred_start),
        reason="Kun to på vagt", expected_version=first.version)
    view = IncidentView(context(world, Role.MANAGER), tasks, incident_id=first.id)
    qtbot.addWidget(view)
    view.resize(1024, 700)
    view.show()
    settle_tasks(qtbot, tasks)

    shown = view.record.values["staff_on_duty"]
    assert shown.text() == "2" and shown.accessibleName() == "Medarbejdere på vagt"
    history = view.history
    view.tabs.setCurrentWidget(history)
    history.table.selectRow(0)
    assert history.changes.isHidden()  # the original changed nothing
    history.table.selectRow(1)
    assert history.changes.text() == "Ændret fra version 1:\nMedarbejdere på vagt: 3 → 2"
    assert history.changes.isVisible()


def test_the_list_has_a_staff_on_duty_column(qtbot: QtBot, sqlite_world: World, danish: None) -> None:
    world = sqlite_world
    staff = world.actor(Role.STAFF)
    for hours, count in ((2, 4), (5, None)):
        world.services.incidents.submit(staff, incident(world, (TypeChoice("VIO-VRB"),), "Råben.", hours,
                                                        staff_on_duty=count))
    manager = world.actor(Role.MANAGER)
    model = IncidentTableModel(world.services.queries, lambda: manager, InlineRunner())
    model.set_query()
    assert model.headerData(FIRST_DESCRIBED, Qt.Orientation.Horizontal) == "På vagt"
    assert model.headerData(FIRST_DESCRIBED, Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole) == "Medarbejdere på vagt"
    assert [model.index(r, FIRST_DESCRIBED).data() for r in range(model.rowCount())] == ["4", ""]
    assert model.headerData(FIRST_DESCRIBED + 1, Qt.Orientation.Horizontal) == "Resumé"
