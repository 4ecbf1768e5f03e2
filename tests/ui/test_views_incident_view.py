"""The incident view: record, classification, history, notes, sign-off and severity override."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import IncidentStatus, Role, Severity, VersionKind
from safetylog.domain.records import IncidentDetail
from tests.conftest import World
from tests.ui.view_helpers import context, incident, seed_incidents, settle, task_runner
from ui.tasks import TaskRunner
from ui.views.incident_view import IncidentView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()



def _view(qtbot: QtBot, world: World, tasks: TaskRunner, detail: IncidentDetail,
          role: Role = Role.MANAGER) -> IncidentView:
    view = IncidentView(context(world, role), tasks, incident_id=detail.id)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    settle(qtbot, tasks)
    return view


def _threat(world: World) -> IncidentDetail:
    return seed_incidents(world)[0]


def test_record_and_classification_show_every_field(qtbot: QtBot, sqlite_world: World,
                                                    tasks: TaskRunner) -> None:
    detail = next(d for d in seed_incidents(sqlite_world) if d.primary_type == "DRG-DEAL")
    view = _view(qtbot, sqlite_world, tasks, detail)
    values = {key: label.text() for key, label in view.record.values.items()}
    assert values["narrative"] == detail.narrative
    assert "Narkotikahandel observeret" in values["types"]
    assert values["facility"] == "Bostedet Havblik" and values["zone"] == "Fællesstue"
    assert "B-101" in values["residents"]
    assert values["substances"] == "hash" and values["vehicles"] == "sort Audi"
    assert values["sellers"] == "1" and values["buyers"] == "2"
    items = (view.classification_form.itemAt(i) for i in range(view.classification_form.count()))
    reasons = [widget.text() for item in items if item is not None
               and isinstance(widget := item.widget(), QLabel)]
    assert any(r.startswith("• ") and "Narkotikahandel" in r for r in reasons)  # the Danish reason


def test_manager_signs_off_and_the_history_keeps_the_original(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
        qtmodeltester: ModelTester) -> None:
    detail = _threat(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks, detail)
    assert view.review.sign_button.isEnabled()
    view.review.note.setPlainText("Set og godkendt.")
    view.review.sign_button.click()
    settle(qtbot, tasks)
    assert view.detail is not None and view.detail.status is IncidentStatus.REVIEWED
    assert not view.review.sign_button.isEnabled()
    assert "Maja Leder" in view.review.review_state.text()
    history = view.history.model
    qtmodeltester.check(history)
    assert [history.row_at(r).kind for r in range(history.rowCount())] == [
        VersionKind.ORIGINAL, VersionKind.REVIEW]
    assert view.history.text.text() == detail.narrative  # version 1 selected: the original text
    assert any("Set og godkendt." in view.notes.list.item(i).text() for i in range(view.notes.list.count()))


def test_a_stale_version_gives_a_reload_message_not_an_overwrite(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    detail = _threat(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks, detail)
    manager = sqlite_world.actor(Role.MANAGER)
    sqlite_world.services.incidents.override_severity(manager, detail.id, Severity.S4,
                                                      reason="Kniv", expected_version=detail.version)
    view.review.sign_button.click()  # the view still holds the old version
    settle(qtbot, tasks)
    assert view.message.isVisible() and view.reload_button.isVisible()
    assert "Reload" in view.message.text() or "Genindlæs" in view.message.text()
    assert sqlite_world.services.incidents.get(manager, detail.id).status is IncidentStatus.SUBMITTED
    view.reload_button.click()
    settle(qtbot, tasks)
    assert view.detail is not None and view.detail.severity is Severity.S4
    assert not view.message.isVisible()
    view.review.sign_button.click()
    settle(qtbot, tasks)
    assert view.detail.status is IncidentStatus.REVIEWED


def test_severity_change_needs_a_reason_shown_beside_the_field(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    detail = _threat(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks, detail)
    review = view.review
    view.tabs.setCurrentWidget(review)
    assert review.severity_box.select(Severity.S4)
    review.override_button.click()
    settle(qtbot, tasks)
    assert review.errors["reason"].isVisible() and review.errors["reason"].text()
    assert view.detail is not None and view.detail.severity is detail.severity
    review.reason.setText("Der blev brugt en kniv")
    review.override_button.click()
    settle(qtbot, tasks)
    assert view.detail.severity is Severity.S4
    assert not review.errors["reason"].isVisible()
    assert "S4" in view.severity_chip.text()
    assert view.history.model.row_at(1).reason == "Der blev brugt en kniv"


def test_staff_add_a_note_and_an_empty_note_is_refused_beside_the_field(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    detail = _threat(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks, detail, role=Role.STAFF)
    assert view.tabs.count() == 5  # no review tab for staff
    view.tabs.setCurrentWidget(view.notes)
    view.notes.add_button.click()
    settle(qtbot, tasks)
    assert view.notes.errors["text"].isVisible()
    assert view.notes.kind_box.select("correction_request")
    view.notes.text.setPlainText("Tidspunktet skal være 02:40, ikke 02:04.")
    view.notes.add_button.click()
    settle(qtbot, tasks)
    assert view.notes.text.toPlainText() == ""
    texts = [view.notes.list.item(i).text() for i in range(view.notes.list.count())]
    assert any("02:40" in t and "Søren Staff" in t for t in texts)
    assert view.detail is not None and view.detail.narrative == detail.narrative  # the record is untouched


def test_duties_show_with_deadline(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
                                   qtmodeltester: ModelTester) -> None:
    from safetylog.domain.records import TypeChoice

    staff = sqlite_world.actor(Role.STAFF)
    detail = sqlite_world.services.incidents.submit(staff, incident(
        sqlite_world, (TypeChoice("VIO-PHY", "staff"), TypeChoice("POL-CALL")), "Slag og politi.", 3))
    view = _view(qtbot, sqlite_world, tasks, detail)
    model = view.duties.model
    qtmodeltester.check(model)
    assert view.detail is not None
    duties = view.detail.duties
    assert model.rowCount() == len(duties) > 0  # police call-out: at least the PSP note
    view.tabs.setCurrentWidget(view.duties)
    assert not view.duties.empty.isVisible()
    kinds = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert all(kind and "_" not in kind for kind in kinds)  # worded, not raw codes
    for row, duty in enumerate(duties):
        shown = model.index(row, 2).data()
        assert (shown != "") == (duty.due_at is not None)
    view.duties.table.activated.emit(model.index(0, 0))  # a manager follows the duty up from here
    from PySide6.QtWidgets import QApplication

    from ui.views.duty_dialog import DutyDialog

    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, DutyDialog) and w.isVisible()]
    assert [d.duty.id for d in dialogs] == [duties[0].id]
    for dialog in dialogs:
        dialog.reject()


def test_night_staff_cannot_open_an_old_incident(qtbot: QtBot, sqlite_world: World,
                                                 tasks: TaskRunner) -> None:
    old = next(d for d in seed_incidents(sqlite_world, role=Role.MANAGER) if d.narrative.startswith("Høj"))
    view = _view(qtbot, sqlite_world, tasks, old, role=Role.NIGHT_STAFF)
    assert view.detail is None
    assert view.message.isVisible() and view.message.text()
