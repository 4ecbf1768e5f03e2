"""The PSP workspace: meetings carry open items over, action items, disclosures, agreements, notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import ActionItemStatus, AgreementStatus, AuditAction, Role
from safetylog.domain.records import ActionItemInput, MeetingInput
from safetylog.domain.timeutil import to_local, utcnow
from tests.conftest import World
from tests.factories import audit_since, last_audit_id
from tests.ui.view_helpers import context, settle, task_runner
from ui.tasks import TaskRunner
from ui.views.psp import PspView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role = Role.PSP_COORDINATOR) -> PspView:
    view = PspView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    return view


@pytest.fixture
def first_meeting(sqlite_world: World) -> int:
    """A meeting last month with one open and one finished action item."""
    psp, actor = sqlite_world.services.psp, sqlite_world.actor(Role.PSP_COORDINATOR)
    meeting = psp.create_meeting(actor, MeetingInput(date.today() - timedelta(days=30), "Østjyllands Politi",
                                                     (sqlite_world.facility.id,)))
    psp.add_action_item(actor, ActionItemInput("Bedre lys ved indgangen", "Kommunen",
                                               date.today() + timedelta(days=10), meeting.id))
    done = psp.add_action_item(actor, ActionItemInput("Skilt om narkohandel", "Bostedet", None, meeting.id))
    psp.set_action_status(actor, done.id, ActionItemStatus.DONE, expected_version=done.version)
    return meeting.id


def test_a_new_meeting_gets_the_open_items_carried_over(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, first_meeting: int,
        qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    tab = view.meetings
    qtmodeltester.check(tab.meetings)
    tab.district.setText("Østjyllands Politi")
    tab.meeting_facilities.set_checked({sqlite_world.facility.id})
    tab.participants.setText("Politi; Socialforvaltning; Psykiatri")
    tab.create_button.click()
    settle(qtbot, tasks)
    assert "carried over" in view.message.text() or "overført" in view.message.text()
    assert tab.meetings.rowCount() == 2
    assert tab.meeting is not None and tab.meeting.held_on == to_local(utcnow()).date()  # the new one
    carried = [tab.meeting_items.row_at(r).text for r in range(tab.meeting_items.rowCount())]
    assert carried == ["Bedre lys ved indgangen"]  # the finished one stays behind
    qtmodeltester.check(tab.meeting_items)


def test_a_meeting_needs_a_district_and_a_facility(qtbot: QtBot, sqlite_world: World,
                                                  tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    view.meetings.create_button.click()
    settle(qtbot, tasks)
    errors = view.meetings.new_form.errors.visible()
    assert {"district", "facility_ids"} <= set(errors)
    assert view.meetings.meetings.rowCount() == 0


def test_naming_a_resident_needs_a_reason_and_is_logged(qtbot: QtBot, sqlite_world: World,
                                                       tasks: TaskRunner, first_meeting: int) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    tab = view.meetings
    assert tab.disclose_box.isVisible()
    assert tab.resident_box.select(sqlite_world.residents[0].id)
    tab.disclose_button.click()
    settle(qtbot, tasks)
    assert "necessity_note" in tab.disclose_form.errors.visible()
    before = last_audit_id(sqlite_world.services.engine)
    tab.necessity.setPlainText("Gentagne trusler; koordineret indsats med psykiatrien er nødvendig.")
    tab.disclose_button.click()
    settle(qtbot, tasks)
    assert [tab.disclosures.row_at(r).pseudonym for r in range(tab.disclosures.rowCount())] == ["B-101"]
    assert tab.disclosures.index(0, 1).data() == "Retsplejelovens § 115"
    logged = audit_since(sqlite_world.services.engine, before)
    resident_id = sqlite_world.residents[0].id
    assert any(e.action == AuditAction.DISCLOSE.value and e.subject_resident_id == resident_id
               for e in logged)


def test_action_items_are_added_and_their_status_changed(qtbot: QtBot, sqlite_world: World,
                                                         tasks: TaskRunner, first_meeting: int) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    tab = view.action_items
    view.tabs.setCurrentWidget(tab)
    assert [tab.model.row_at(r).text for r in range(tab.model.rowCount())] == ["Bedre lys ved indgangen"]
    tab.add_button.click()
    settle(qtbot, tasks)
    assert {"text", "owner_role"} <= set(tab.form.errors.visible())
    tab.text.setText("Patrulje fredag nat")
    tab.owner.setText("Politi")
    tab.add_button.click()
    settle(qtbot, tasks)
    texts = [tab.model.row_at(r).text for r in range(tab.model.rowCount())]
    assert "Patrulje fredag nat" in texts
    tab.list.selectRow(texts.index("Patrulje fredag nat"))
    tab.status_box.select(ActionItemStatus.DONE)
    tab.set_status_button.click()
    settle(qtbot, tasks)
    assert "Patrulje fredag nat" not in [tab.model.row_at(r).text for r in range(tab.model.rowCount())]
    tab.only_open.setChecked(False)
    done = [a for a in tab.model.rows if a.text == "Patrulje fredag nat"]
    assert done and done[0].status is ActionItemStatus.DONE


def test_agreements_and_notes(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
                              first_meeting: int) -> None:
    view = _view(qtbot, sqlite_world, tasks, role=Role.MANAGER)
    tab = view.agreements
    view.tabs.setCurrentWidget(tab)
    tab.title_edit.setText("Kontaktaftale med nærpolitiet")
    tab.contact.setText("Vagtcentralen, 114")
    tab.valid_from.set_value(date.today())
    tab.valid_to.set_value(date.today() - timedelta(days=1))  # before the start: refused
    tab.save_button.click()
    settle(qtbot, tasks)
    assert "valid_to" in tab.form.errors.visible()
    tab.valid_to.set_value(None)
    tab.status_box.select(AgreementStatus.ACTIVE)
    tab.save_button.click()
    settle(qtbot, tasks)
    assert [a.title for a in tab.model.rows] == ["Kontaktaftale med nærpolitiet"]
    notes = view.notes
    view.tabs.setCurrentWidget(notes)
    notes.text.setPlainText("Politiet patruljerer ekstra i weekenden.")
    notes.meeting_box.select(first_meeting)
    notes.add_button.click()
    settle(qtbot, tasks)
    assert [n.text for n in notes.notes] == ["Politiet patruljerer ekstra i weekenden."]
    assert notes.notes[0].meeting_id == first_meeting


def test_staff_without_psp_rights_cannot_change_anything(qtbot: QtBot, sqlite_world: World,
                                                         tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks, role=Role.STAFF)
    assert view.message.isVisible()  # staff may not read PSP: said plainly, nothing shown
    assert view.meetings.meetings.rowCount() == 0
