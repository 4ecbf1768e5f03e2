"""Changing a facility, a place and a cooperation note in their own windows: reached from the
keyboard, the core's messages beside the fields, and a stale save refused with the shared conflict
notice, the typed values kept, and a reload that brings the stored record (and its version)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.errors import ConflictError
from tests.conftest import PASSWORD, World
from tests.ui.view_helpers import context, danish_translations, settle, task_runner
from ui.tasks import TaskRunner
from ui.views.admin import AdminView
from ui.views.admin_place_dialogs import FacilityDialog, ZoneDialog
from ui.views.admin_places import PlacesTab
from ui.views.common import error_text
from ui.views.conflict import ConflictNotice
from ui.views.psp import PspView
from ui.views.psp_agreements import NotesTab
from ui.views.psp_note_dialog import NoteDialog


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish() -> Iterator[None]:
    yield from danish_translations()


def _places(qtbot: QtBot, world: World, tasks: TaskRunner) -> PlacesTab:
    view = AdminView(context(world, Role.ADMIN), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    view.tabs.setCurrentWidget(view.places)
    return view.places


def _notes(qtbot: QtBot, world: World, tasks: TaskRunner, role: Role) -> NotesTab:
    view = PspView(context(world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    view.tabs.setCurrentWidget(view.notes)
    return view.notes


def _choose_facility(qtbot: QtBot, tasks: TaskRunner, places: PlacesTab, name: str) -> None:
    places.facility_list.selectRow(next(r for r in range(places.facilities.rowCount())
                                        if places.facilities.row_at(r).name == name))
    settle(qtbot, tasks)


def _says_conflict(notice: ConflictNotice, language: str = "da") -> bool:
    return (not notice.isHidden() and not notice.reload_button.isHidden()
            and notice.text.text() == error_text(ConflictError(""), language))


def _other_admin(world: World) -> object:
    return world.services.auth.login("admin", PASSWORD, workstation="second PC")


# --- facilities and places ------------------------------------------------------------------------


def test_a_facility_is_changed_from_the_keyboard_in_danish(qtbot: QtBot, sqlite_world: World,
                                                          tasks: TaskRunner, danish: None) -> None:
    places = _places(qtbot, sqlite_world, tasks)
    assert not places.edit_facility_button.isEnabled()  # nothing chosen yet
    _choose_facility(qtbot, tasks, places, "Skovbrynet")
    assert places.edit_facility_button.text() == "Ret ti&lbud…"
    places.facility_list.setFocus()
    qtbot.keyClick(places.facility_list, Qt.Key.Key_Return)
    dialog = places.dialog
    assert isinstance(dialog, FacilityDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Ret tilbud" and dialog.save_button.text() == "&Gem"
    assert (dialog.code.text(), dialog.name.text()) == ("SKO", "Skovbrynet")
    dialog.name.clear()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves (the default button)
    settle(qtbot, tasks)
    assert dialog.isVisible()
    assert dialog.form.errors.visible() == {"facility_name": "Må ikke være tom."}
    dialog.name.setText("Skovbrynet Øst")
    dialog.municipality.setText("Aarhus")
    qtbot.keyClick(dialog.municipality, Qt.Key.Key_Return)
    settle(qtbot, tasks)
    assert places.dialog is None  # saved and closed
    admin = sqlite_world.actor(Role.ADMIN)
    stored = next(f for f in sqlite_world.services.admin.list_facilities(admin) if f.code == "SKO")
    assert (stored.name, stored.municipality) == ("Skovbrynet Øst", "Aarhus")
    assert "Skovbrynet Øst" in [f.name for f in places.facilities.rows]
    assert places.chosen() == stored  # still chosen, at its new version


def test_a_place_is_retired_and_shown_as_retired(qtbot: QtBot, sqlite_world: World,
                                                 tasks: TaskRunner) -> None:
    places = _places(qtbot, sqlite_world, tasks)
    _choose_facility(qtbot, tasks, places, "Bostedet Havblik")
    assert not places.edit_zone_button.isEnabled()
    places.zone_list.selectRow(0)
    assert places.edit_zone_button.isEnabled()
    places.edit_zone_button.click()
    dialog = places.dialog
    assert isinstance(dialog, ZoneDialog)
    assert (dialog.code.text(), dialog.name.text(), dialog.kind.value(), dialog.active.isChecked()) == (
        "FAELLES", "Fællesstue", ZoneKind.COMMON_AREA, True)
    dialog.name.setText("   ")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert set(dialog.form.errors.visible()) == {"name"} and dialog.isVisible()
    dialog.name.setText("Fællesstue")
    dialog.kind.select(ZoneKind.OUTDOOR)
    dialog.active.setChecked(False)
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert places.dialog is None
    [zone] = sqlite_world.services.admin.list_zones(sqlite_world.actor(Role.ADMIN), sqlite_world.facility.id)
    assert (zone.kind, zone.active) == (ZoneKind.OUTDOOR, False)
    assert places.zones.rows == [zone]
    assert places.zones.index(0, 3).data() == "No, retired"
    assert places.chosen_zone() == zone and places.edit_zone_button.isEnabled()  # still chosen


def test_a_stale_facility_keeps_what_was_typed_beside_the_conflict(qtbot: QtBot, sqlite_world: World,
                                                                   tasks: TaskRunner) -> None:
    admin = sqlite_world.services.admin
    places = _places(qtbot, sqlite_world, tasks)
    _choose_facility(qtbot, tasks, places, "Skovbrynet")
    places.edit_facility_button.click()
    dialog = places.dialog
    assert isinstance(dialog, FacilityDialog)
    read = sqlite_world.other_facility
    admin.edit_facility(_other_admin(sqlite_world), read.id, "Skovbrynet Vest",  # type: ignore[arg-type]
                        expected_version=read.version)
    dialog.name.setText("Skovbrynet Øst")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert dialog.isVisible() and _says_conflict(dialog.conflict, "en")
    assert dialog.name.text() == "Skovbrynet Øst"  # kept
    assert next(f.name for f in admin.list_facilities(sqlite_world.actor(Role.ADMIN))
                if f.id == read.id) == "Skovbrynet Vest"  # and the other stays
    dialog.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert dialog.name.text() == "Skovbrynet Vest" and dialog.conflict.isHidden()
    dialog.name.setText("Skovbrynet Øst")  # made again, over what is stored now
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert places.dialog is None
    assert "Skovbrynet Øst" in [f.name for f in places.facilities.rows]


def test_a_stale_place_keeps_what_was_typed_beside_the_conflict(qtbot: QtBot, sqlite_world: World,
                                                                tasks: TaskRunner) -> None:
    admin, read = sqlite_world.services.admin, sqlite_world.zone
    places = _places(qtbot, sqlite_world, tasks)
    _choose_facility(qtbot, tasks, places, "Bostedet Havblik")
    places.zone_list.selectRow(0)
    places.zone_list.setFocus()
    qtbot.keyClick(places.zone_list, Qt.Key.Key_Return)
    dialog = places.dialog
    assert isinstance(dialog, ZoneDialog)
    admin.edit_zone(_other_admin(sqlite_world), read.id, read.name, read.kind,  # type: ignore[arg-type]
                    active=False, expected_version=read.version)
    dialog.name.setText("Dagligstuen")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert _says_conflict(dialog.conflict, "en") and dialog.name.text() == "Dagligstuen"
    [stored] = admin.list_zones(sqlite_world.actor(Role.ADMIN), read.facility_id)
    assert (stored.name, stored.active) == ("Fællesstue", False)
    dialog.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert (dialog.name.text(), dialog.active.isChecked()) == ("Fællesstue", False)


# --- cooperation notes ----------------------------------------------------------------------------


def test_the_author_corrects_a_note_and_a_stale_save_is_refused(qtbot: QtBot, sqlite_world: World,
                                                                 tasks: TaskRunner) -> None:
    psp, coordinator = sqlite_world.services.psp, sqlite_world.actor(Role.PSP_COORDINATOR)
    read = psp.add_note(coordinator, sqlite_world.facility.id, "Politiet kører forbi om aftenen.")
    notes = _notes(qtbot, sqlite_world, tasks, Role.PSP_COORDINATOR)
    notes.list.setCurrentRow(0)
    assert notes.edit_button.isEnabled()
    qtbot.keyClick(notes.list, Qt.Key.Key_Return)
    dialog = notes.dialog
    assert isinstance(dialog, NoteDialog) and dialog.text.toPlainText() == read.text
    assert "Per PSP" in dialog.written.text()
    psp.edit_note(sqlite_world.actor(Role.MANAGER), read.id, "Politiet kører forbi hver aften.",
                  expected_version=read.version)
    dialog.text.setPlainText("Politiet kører forbi i weekenden.")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert _says_conflict(dialog.conflict, "en")
    assert dialog.text.toPlainText() == "Politiet kører forbi i weekenden."
    dialog.conflict.reload_button.click()
    settle(qtbot, tasks)
    assert dialog.text.toPlainText() == "Politiet kører forbi hver aften."
    dialog.text.setPlainText("")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert set(dialog.form.errors.visible()) == {"text"}
    dialog.text.setPlainText("Politiet kører forbi hver aften og i weekenden.")
    dialog.save_button.click()
    settle(qtbot, tasks)
    assert notes.dialog is None
    assert [n.text for n in notes.notes] == ["Politiet kører forbi hver aften og i weekenden."]
    assert "Politiet kører forbi hver aften og i weekenden." in notes.list.item(0).text()


def test_only_the_author_or_a_manager_is_offered_the_change(qtbot: QtBot, sqlite_world: World,
                                                            tasks: TaskRunner) -> None:
    psp = sqlite_world.services.psp
    psp.add_note(sqlite_world.actor(Role.MANAGER), sqlite_world.facility.id, "Møde aftalt.")
    notes = _notes(qtbot, sqlite_world, tasks, Role.PSP_COORDINATOR)
    notes.list.setCurrentRow(0)
    assert not notes.edit_button.isEnabled()
    qtbot.keyClick(notes.list, Qt.Key.Key_Return)
    assert notes.dialog is None
    manager_notes = _notes(qtbot, sqlite_world, tasks, Role.MANAGER)
    manager_notes.list.setCurrentRow(0)
    assert manager_notes.edit_button.isEnabled()
