"""Residents by pseudonym, identity only with the permission and a purpose, and Brøset per shift."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import AuditAction, Role
from tests.conftest import World
from tests.factories import audit_since, last_audit_id
from tests.ui.view_helpers import context, settle, task_runner
from ui.tasks import TaskRunner
from ui.views.residents import ResidentsView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role) -> ResidentsView:
    view = ResidentsView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    return view


def _select(view: ResidentsView, pseudonym: str) -> None:
    tab = view.residents
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).pseudonym == pseudonym)
    tab.list.selectRow(row)


def test_manager_sees_identity_only_with_a_purpose_and_it_is_logged(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks, Role.MANAGER)
    tab = view.residents
    qtmodeltester.check(tab.model)
    assert [r.pseudonym for r in tab.model.rows] == ["B-101", "B-102", "S-201"]
    assert "Jens" not in "".join(tab.model.index(r, c).data() or "" for r in range(3) for c in range(4))
    _select(view, "B-101")
    tab.identity_button.click()
    settle(qtbot, tasks)
    assert tab.identity_form.errors.visible().get("purpose")  # no purpose, no identity
    assert tab.identity_text.text() == ""
    before = last_audit_id(sqlite_world.services.engine)
    tab.purpose.setText("Udfyldelse af magtanvendelsesskema")
    tab.identity_button.click()
    settle(qtbot, tasks)
    assert "Jens Jensen" in tab.identity_text.text()
    logged = audit_since(sqlite_world.services.engine, before)
    assert [(e.action, e.details.get("purpose")) for e in logged if e.entity == "resident_identity"] == [
        (AuditAction.READ.value, "Udfyldelse af magtanvendelsesskema")]
    _select(view, "B-102")
    assert tab.identity_text.text() == ""  # shown for one resident, gone when the choice changes


def test_staff_cannot_look_up_identity(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks, Role.STAFF)
    tab = view.residents
    assert not tab.identity_button.isVisible() and not tab.purpose.isVisible()
    assert tab.no_identity.isVisible()
    assert [r.pseudonym for r in tab.model.rows] == ["B-101", "B-102"]  # their own facility only
    # the service refuses too, whatever the window shows
    from safetylog.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        sqlite_world.services.residents.identity(sqlite_world.actor(Role.STAFF),
                                                 sqlite_world.residents[0].id, "nysgerrighed")


def test_manager_adds_a_resident_and_records_a_move_out(qtbot: QtBot, sqlite_world: World,
                                                        tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks, Role.MANAGER)
    tab = view.residents
    tab.new_facility.select(sqlite_world.facility.id)
    tab.pseudonym.setText("B 103!")  # not a valid pseudonym
    tab.add_button.click()
    settle(qtbot, tasks)
    assert tab.add_form.errors.visible().get("pseudonym")
    tab.pseudonym.setText("B-103")
    tab.full_name.setText("Ole Olsen")
    tab.add_button.click()
    settle(qtbot, tasks)
    assert "B-103" in [r.pseudonym for r in tab.model.rows]
    _select(view, "B-103")
    tab.move_button.click()
    settle(qtbot, tasks)
    assert "B-103" not in [r.pseudonym for r in tab.model.rows]  # moved out: hidden by default
    tab.show_inactive.setChecked(True)
    moved = next(r for r in tab.model.rows if r.pseudonym == "B-103")
    assert moved.moved_out is not None and not moved.active


def test_broset_assessment_per_shift(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
                                     qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks, Role.NIGHT_STAFF)
    tab = view.broset
    assert tab is not None
    view.tabs.setCurrentWidget(tab)
    assert tab.resident_box.select(sqlite_world.residents[0].id)
    for key in ("confused", "irritable", "verbal_threats"):
        tab.items[key].setChecked(True)
    assert tab.score.text().startswith("Score 3 of 6") or tab.score.text().startswith("Score 3 af 6")
    assert "høj risiko" in tab.score.text()
    tab.measures.setText("Skærmet; ekstra personale")
    tab.save_button.click()
    settle(qtbot, tasks)
    qtmodeltester.check(tab.model)
    assert [(b.total, b.band) for b in tab.model.rows] == [(3, "high")]
    assert tab.model.index(0, 2).data() == "3/6"
    assert not any(check.isChecked() for check in tab.items.values())
    tab.save_button.click()  # a second assessment in the same shift is refused beside the time
    settle(qtbot, tasks)
    assert tab.form.errors.visible().get("assessed_at")
    assert len(tab.model.rows) == 1
