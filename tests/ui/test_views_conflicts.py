"""A stale save in a form: someone else saved the record after it was read. Nothing is overwritten;
the form says so beside it, keeps what the user typed, and reloads when asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.domain.errors import ConflictError
from safetylog.domain.records import AgreementInput, MeetingInput
from safetylog.services.settings import IDLE_LOCK_MINUTES
from tests.conftest import World
from tests.ui.view_helpers import context, settle, task_runner
from tests.versions import setting_version, user_version
from ui.tasks import TaskRunner
from ui.views.admin import AdminView
from ui.views.common import error_text
from ui.views.conflict import ConflictNotice
from ui.views.psp import PspView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _shown(qtbot: QtBot, tasks: TaskRunner, view: PspView | AdminView) -> None:
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)


def _says_conflict(notice: ConflictNotice) -> bool:
    return (not notice.isHidden() and not notice.reload_button.isHidden()
            and notice.text.text() == error_text(ConflictError(""), "da"))


def test_stale_minutes_keep_the_typed_text_beside_the_conflict(qtbot: QtBot, sqlite_world: World,
                                                              tasks: TaskRunner) -> None:
    psp, manager = sqlite_world.services.psp, sqlite_world.actor(Role.MANAGER)
    meeting = psp.create_meeting(manager, MeetingInput(date(2026, 11, 3), "Østjylland",
                                                       (sqlite_world.facility.id,)))
    view = PspView(context(sqlite_world, Role.PSP_COORDINATOR), tasks)
    _shown(qtbot, tasks, view)
    tab = view.meetings
    assert tab.meeting is not None and tab.meeting.id == meeting.id
    psp.update_minutes(manager, meeting.id, "Majas referat.", expected_version=meeting.version)
    tab.minutes.setPlainText("Pers referat.")
    tab.save_minutes.click()
    settle(qtbot, tasks)
    assert _says_conflict(tab.minutes_conflict)
    assert tab.minutes.toPlainText() == "Pers referat."  # kept, not overwritten and not lost
    assert psp.meetings(manager)[0].minutes == "Majas referat."  # and Maja's stays
    tab.minutes_conflict.reload_button.click()
    settle(qtbot, tasks)
    assert tab.minutes.toPlainText() == "Majas referat."
    assert tab.minutes_conflict.isHidden()


def test_a_stale_agreement_keeps_the_form_beside_the_conflict(qtbot: QtBot, sqlite_world: World,
                                                             tasks: TaskRunner) -> None:
    psp, manager = sqlite_world.services.psp, sqlite_world.actor(Role.MANAGER)
    read = psp.save_agreement(manager, AgreementInput(sqlite_world.facility.id, "Kontakt ved uro"))
    view = PspView(context(sqlite_world, Role.PSP_COORDINATOR), tasks)
    _shown(qtbot, tasks, view)
    tab = view.agreements
    view.tabs.setCurrentWidget(tab)
    tab.list.selectRow(0)
    assert tab.editing is not None and tab.editing.id == read.id
    psp.save_agreement(manager, AgreementInput(sqlite_world.facility.id, "Kontakt ved uro om natten"),
                       read.id, expected_version=read.version)
    tab.title_edit.setText("Kontakt ved uro i weekenden")
    tab.save_button.click()
    settle(qtbot, tasks)
    assert _says_conflict(tab.conflict)
    assert tab.title_edit.text() == "Kontakt ved uro i weekenden"
    assert [a.title for a in psp.agreements(manager)] == ["Kontakt ved uro om natten"]
    tab.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert tab.title_edit.text() == "Kontakt ved uro om natten"
    assert tab.editing is not None and tab.editing.version > read.version


def test_a_stale_change_on_the_users_page_keeps_the_choice(qtbot: QtBot, sqlite_world: World,
                                                          tasks: TaskRunner) -> None:
    admin, services = sqlite_world.services.admin, sqlite_world.services
    view = AdminView(context(sqlite_world, Role.ADMIN), tasks)
    _shown(qtbot, tasks, view)
    users = view.users
    users.list.selectRow(next(r for r in range(users.model.rowCount())
                              if users.model.row_at(r).username == "staff"))
    other_admin = services.auth.login("admin", "correct-horse-1", workstation="second PC")
    admin.set_role(other_admin, "staff", Role.NIGHT_STAFF, expected_version=user_version(services, "staff"))
    users.change_role.select(Role.MANAGER)
    users.role_button.click()
    settle(qtbot, tasks)
    assert _says_conflict(users.conflict)
    assert users.change_role.value() is Role.MANAGER  # the choice stays as made
    stored = next(u for u in admin.list_users(other_admin) if u.username == "staff")
    assert stored.role is Role.NIGHT_STAFF
    users.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert users.change_role.value() is Role.NIGHT_STAFF
    assert users.conflict.isHidden()


def test_stale_settings_keep_the_typed_values(qtbot: QtBot, sqlite_world: World,
                                              tasks: TaskRunner) -> None:
    services = sqlite_world.services
    view = AdminView(context(sqlite_world, Role.ADMIN), tasks)
    _shown(qtbot, tasks, view)
    settings = view.settings
    view.tabs.setCurrentWidget(settings)
    services.settings.set(sqlite_world.actor(Role.ADMIN), IDLE_LOCK_MINUTES, 15,
                          expected_version=setting_version(services, IDLE_LOCK_MINUTES))
    settings.inputs[IDLE_LOCK_MINUTES].setValue(25)  # type: ignore[attr-defined]
    settings.save_button.click()
    settle(qtbot, tasks)
    assert _says_conflict(settings.conflict)
    assert settings.value(IDLE_LOCK_MINUTES) == 25
    assert services.settings.idle_lock_minutes() == 15
    settings.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert settings.value(IDLE_LOCK_MINUTES) == 15
    assert settings.conflict.isHidden()
