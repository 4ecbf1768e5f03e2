"""The overview: since the last shift, 30-day counts, review queue, duties, Brøset, PSP items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.classification.duties import DutyKind
from safetylog.classification.duty_fields import missing_to_close
from safetylog.classification.duty_rules import shipped_rules
from safetylog.domain.enums import Role
from safetylog.domain.records import ActionItemInput, BvcInput, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN, to_local, utcnow
from tests.conftest import World
from tests.ui.view_helpers import incident, seed_incidents, settle, task_runner
from ui.context import UiContext
from ui.tasks import TaskRunner
from ui.views.duty_dialog import DutyDialog
from ui.views.forms import OptionalDateInput
from ui.views.incident_view import IncidentView
from ui.views.overview import OverviewView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role = Role.MANAGER,
          last_login_hours_ago: float | None = None) -> OverviewView:
    actor = world.actor(role)
    if last_login_hours_ago is not None:
        actor = replace(actor, previous_login_at=utcnow() - timedelta(hours=last_login_hours_ago))
    view = OverviewView(UiContext(world.services, actor=actor, language="da"), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 900)
    view.show()
    settle(qtbot, tasks)
    return view


def test_manager_sees_what_was_logged_since_the_last_shift_first(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, qtmodeltester: ModelTester) -> None:
    from sqlalchemy import update

    from safetylog.storage.models import Incident

    details = seed_incidents(sqlite_world)
    with sqlite_world.services.session_factory.begin() as session:  # each logged an hour after it happened
        for d in details:
            session.execute(update(Incident).where(Incident.id == d.id)
                            .values(registered_at=d.occurred_start + timedelta(hours=1)))
    late = sqlite_world.services.incidents.submit(sqlite_world.actor(Role.STAFF), incident(
        sqlite_world, (TypeChoice("HUS"),), "Dør smækket i weekenden, skrevet først nu.", 100))
    view = _view(qtbot, sqlite_world, tasks, last_login_hours_ago=40)
    model = view.since_box.model
    qtmodeltester.check(model)
    since = utcnow() - timedelta(hours=40)
    logged_in_shift = [d.id for d in details if d.occurred_start + timedelta(hours=1) >= since]
    assert len(logged_in_shift) == 2
    assert [row.id for row in model.rows] == [*logged_in_shift, late.id]  # the late report too
    assert view.since_box.note.text().startswith("3")  # three incidents, ...
    assert view.since.strftime("%d-%m-%Y %H:%M") in view.since_box.title()


def test_counts_queue_and_duties_for_a_manager(qtbot: QtBot, sqlite_world: World,
                                               tasks: TaskRunner, qtmodeltester: ModelTester) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    assert view.counts.isVisible()
    summary = view.counts.summary
    assert summary is not None and summary.current.total == 5  # all within the last 30 days
    bars = dict((label, value) for label, value, _colour in view.counts.by_type.bars)
    assert bars["Trusler"] == 1 and sum(bars.values()) == 5
    queue = view.review_box.model
    qtmodeltester.check(queue)
    assert [r.id for r in queue.rows] == [d.id for d in reversed(details)]  # oldest first
    assert "5" in view.review_box.note.text()
    duties = view.duty_box.model
    qtmodeltester.check(duties)
    assert duties.rowCount() > 0
    assert all(duties.index(r, 1).data() for r in range(duties.rowCount()))


def test_night_staff_see_only_their_boxes(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks, role=Role.NIGHT_STAFF, last_login_hours_ago=10)
    assert view.since_box.isVisible() and view.duty_box.isVisible()
    for hidden in (view.counts, view.review_box, view.bvc_box, view.action_box):
        assert not hidden.isVisible()
    assert not view.error.isVisible()


def test_high_broset_scores_and_open_psp_items(qtbot: QtBot, sqlite_world: World,
                                               tasks: TaskRunner) -> None:
    staff, manager = sqlite_world.actor(Role.STAFF), sqlite_world.actor(Role.MANAGER)
    resident = sqlite_world.residents[0]
    sqlite_world.services.bvc.record(staff, BvcInput(
        resident.id, datetime.now(COPENHAGEN) - timedelta(hours=1), confused=True, irritable=True,
        verbal_threats=True, actions="Skærmet, ekstra personale"))
    sqlite_world.services.psp.add_action_item(manager, ActionItemInput(
        "Bedre belysning ved indgangen", "Kommunen", date.today() + timedelta(days=14),
        facility_id=sqlite_world.facility.id))
    view = _view(qtbot, sqlite_world, tasks)
    assert [(b.pseudonym, b.total) for b in view.bvc_box.model.rows] == [("B-101", 3)]
    assert view.bvc_box.model.index(0, 1).data() == "3/6"
    assert [a.text for a in view.action_box.model.rows] == ["Bedre belysning ved indgangen"]


def test_enter_on_the_review_queue_opens_the_incident(qtbot: QtBot, sqlite_world: World,
                                                       tasks: TaskRunner) -> None:
    details = seed_incidents(sqlite_world)
    view = _view(qtbot, sqlite_world, tasks)
    table = view.review_box.table
    table.setFocus()
    table.setCurrentIndex(view.review_box.model.index(0, 0))
    table.activated.emit(table.currentIndex())
    settle(qtbot, tasks)
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, IncidentView) and w.isVisible()]
    assert [w.incident_id for w in windows] == [details[-1].id]
    for window in windows:
        window.close()


def test_manager_follows_up_a_use_of_force_duty(qtbot: QtBot, sqlite_world: World,
                                                tasks: TaskRunner) -> None:
    staff = sqlite_world.actor(Role.STAFF)
    sqlite_world.services.incidents.submit(staff, incident(
        sqlite_world, (TypeChoice("VIO-PHY", "staff"), TypeChoice("FRC", "124d")),
        "B-101 blev holdt efter § 124 d.", 5))
    view = _view(qtbot, sqlite_world, tasks)
    rows = view.duty_box.model.rows
    force = next(d for d in rows if d.kind == "force_case")
    view.duty_box.activated.emit(force)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, DutyDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.state_box.select(next(v for v in dialog.state_box.values() if v and v.value == "done"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, tasks)
    assert dialog.isVisible()  # refused: the form's required fields are missing, each says so
    rule = shipped_rules()[force.rules_version or ""].rule(DutyKind.FORCE_CASE)
    assert rule is not None
    missing = missing_to_close(rule.closes_with, force.details)
    assert "sent_to_handlekommune_on" in missing
    assert set(dialog.errors.visible()) == set(missing)
    sent = dialog.inputs["sent_to_handlekommune_on"][1]
    assert isinstance(sent, OptionalDateInput)
    sent.known.setChecked(True)
    dialog.state_box.setCurrentIndex(0)  # keep the state; just record what was done
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(qtbot, tasks)
    assert not dialog.isVisible()
    stored = sqlite_world.services.duties.get(sqlite_world.actor(Role.MANAGER), force.id)
    assert stored.details["sent_to_handlekommune_on"] == to_local(utcnow()).date().isoformat()
    assert stored.state == "in_progress"
    settle(qtbot, tasks)
    assert any(d.id == force.id and d.state == "in_progress" for d in view.duty_box.model.rows)
