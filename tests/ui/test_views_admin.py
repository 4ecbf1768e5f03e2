"""Administration: users and roles, facilities and places, and the shared settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role, ZoneKind
from tests.conftest import PASSWORD, World
from tests.ui.view_helpers import context, settle, task_runner
from ui.context import Changes
from ui.tasks import TaskRunner
from ui.views.admin import AdminView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def _view(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role = Role.ADMIN) -> AdminView:
    view = AdminView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    return view


def test_admin_adds_a_user_with_errors_beside_the_fields(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    users = view.users
    qtmodeltester.check(users.model)
    assert {u.username for u in users.model.rows} == {"admin", "night_staff", "staff", "manager",
                                                      "psp_coordinator", "dpo"}
    users.username.setText("x")  # too short
    users.password.setText("kort")
    users.create_button.click()
    settle(qtbot, tasks)
    shown = users.new_form.errors.visible()
    assert {"username", "display_name", "password"} <= set(shown)
    users.username.setText("mette.nat")
    users.display_name.setText("Mette Nat")
    users.password.setText(PASSWORD)
    assert users.role_box.select(Role.NIGHT_STAFF)
    users.facility_list.set_checked({sqlite_world.facility.id})
    users.create_button.click()
    settle(qtbot, tasks)
    assert not users.new_form.errors.visible()
    created = next(u for u in users.model.rows if u.username == "mette.nat")
    assert created.role is Role.NIGHT_STAFF and created.facility_ids == (sqlite_world.facility.id,)
    actor = sqlite_world.services.auth.login("mette.nat", PASSWORD)  # the first password works
    assert actor.role is Role.NIGHT_STAFF


def test_admin_changes_role_and_facilities_and_deactivates(qtbot: QtBot, sqlite_world: World,
                                                           tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    users = view.users
    users.list.selectRow(next(r for r in range(users.model.rowCount())
                              if users.model.row_at(r).username == "staff"))
    assert users.change_box.isEnabled()
    users.change_role.select(Role.MANAGER)
    users.role_button.click()
    settle(qtbot, tasks)
    assert next(u for u in users.model.rows if u.username == "staff").role is Role.MANAGER
    users.change_facilities.set_checked({sqlite_world.facility.id, sqlite_world.other_facility.id})
    users.facilities_button.click()
    settle(qtbot, tasks)
    staff = next(u for u in users.model.rows if u.username == "staff")
    assert set(staff.facility_ids) == {sqlite_world.facility.id, sqlite_world.other_facility.id}
    users.password_button.click()
    settle(qtbot, tasks)
    one_time = users.last_one_time_password
    assert len(one_time) >= 12
    assert sqlite_world.services.auth.login("staff", one_time).must_change_password
    users.unlock_button.click()
    settle(qtbot, tasks)
    users.deactivate_button.click()
    settle(qtbot, tasks)
    assert not next(u for u in users.model.rows if u.username == "staff").active


def test_admin_adds_a_facility_and_a_place(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
                                           qtmodeltester: ModelTester) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    places = view.places
    view.tabs.setCurrentWidget(places)
    places.code.setText("HAV")  # taken
    places.name.setText("Havblik 2")
    places.facility_button.click()
    settle(qtbot, tasks)
    assert places.facility_form.errors.visible().get("facility_code")
    places.code.setText("ENG")
    places.name.setText("Engtoften")
    places.facility_button.click()
    settle(qtbot, tasks)
    names = [f.name for f in places.facilities.rows]
    assert "Engtoften" in names
    places.facility_list.selectRow(names.index("Engtoften"))
    settle(qtbot, tasks)
    assert places.zone_box.isEnabled() and places.zones.rowCount() == 0
    places.zone_code.setText("IND")
    places.zone_name.setText("Indgangen")
    places.zone_kind.select(ZoneKind.ENTRANCE)
    places.zone_button.click()
    settle(qtbot, tasks)
    qtmodeltester.check(places.zones)
    assert [(z.name, z.kind) for z in places.zones.rows] == [("Indgangen", ZoneKind.ENTRANCE)]


def test_settings_are_saved_for_every_workstation(qtbot: QtBot, sqlite_world: World,
                                                         tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks)
    settings = view.settings
    view.tabs.setCurrentWidget(settings)
    assert settings.value("idle_lock_minutes") == 10
    spin = settings.inputs["idle_lock_minutes"]
    # The core's limits: an unattended unlocked screen for at most 30 minutes.
    assert (spin.minimum(), spin.maximum()) == (1, 30)  # type: ignore[attr-defined]
    spin.setMaximum(240)  # type: ignore[attr-defined]  # as if the input allowed more: the core says no
    spin.setValue(45)  # type: ignore[attr-defined]
    settings.save_button.click()
    settle(qtbot, tasks)
    refused = settings.form.errors.visible().get("idle_lock_minutes", "")
    assert "30" in refused, settings.form.errors.visible()
    assert sqlite_world.services.settings.idle_lock_minutes() == 10
    heard: list[object] = []
    view.ctx.hub.changed.connect(heard.append)
    settings.inputs["idle_lock_minutes"].setValue(25)  # type: ignore[attr-defined]
    settings.inputs["language"].select("en")  # type: ignore[attr-defined]
    settings.save_button.click()
    settle(qtbot, tasks)
    assert sqlite_world.services.settings.idle_lock_minutes() == 25
    assert sqlite_world.services.settings.get("language") == "en"
    # the main window re-reads the idle time on this
    assert any(isinstance(c, Changes) and Changes.SETTINGS in c for c in heard)


def test_a_manager_cannot_administer(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    view = _view(qtbot, sqlite_world, tasks, role=Role.MANAGER)
    assert view.message.isVisible() and view.message.text()
    assert view.users.model.rowCount() == 0
    assert view.tabs.count() == 2  # no settings tab


def test_admin_page_warns_in_red_about_an_old_backup(qtbot: QtBot, sqlite_world: World,
                                                     tasks: TaskRunner) -> None:
    from datetime import timedelta
    from pathlib import Path

    from safetylog.domain.timeutil import utcnow
    from safetylog.services import backups
    from safetylog.services.backups import BackupStatus

    database = Path(sqlite_world.services.location.url.removeprefix("sqlite:///"))
    folder = backups.folder_for(database)
    folder.mkdir()
    backups._write_status(folder, BackupStatus(utcnow() - timedelta(days=3), "/b/daily.sqlite3",
                                               utcnow() - timedelta(days=3), ""))
    view = _view(qtbot, sqlite_world, tasks)
    line = view.backup_status
    assert line.isVisible() and line.warning
    assert "more than two days old" in line.text() and "/b/daily.sqlite3" in line.text()
    assert "#b00020" in line.styleSheet()

    backups._write_status(folder, BackupStatus(utcnow(), "/b/today.sqlite3", utcnow(), ""))
    view.refresh()
    settle(qtbot, tasks)
    assert not line.warning and "/b/today.sqlite3" in line.text() and not line.styleSheet()
