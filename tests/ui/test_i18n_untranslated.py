"""No visible string in any window is left in English when the app runs in Danish.

The tour visits every page of the registry (so every page added to ``ui/navigation.py`` is covered
without changing this test), the entry form with every section and row shown, the result of a
submit, the lock screen and the dialogs. It runs in Danish, again in English after a runtime
switch, and in Danish once more; a text that stays English in Danish, or that did not change when
the language did, fails with where it is.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import PersonRole, Role
from safetylog.domain.records import (
    IncidentDetail,
    IncidentInput,
    InvolvedResident,
    PoliceContact,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN, utcnow
from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from tests.ui.i18n_walk import Seen, load_catalog, problems, visible_texts, words
from ui.app import Shell
from ui.entry.drafts import DraftOfferDialog
from ui.entry.form import IncidentForm
from ui.first_run import FirstRunDialog
from ui.i18n import ensure_compiled, sources_dir
from ui.main_window import MainWindow
from ui.password_dialog import ChangePasswordDialog
from ui.reauth import ReauthDialog
from ui.recovery_key import RecoveryKeyDialog
from ui.views.one_time_password import OneTimePasswordDialog


def data_words(world: World) -> set[str]:
    """Names, codes and pseudonyms from the database: shown as they are in every language."""
    services, admin = world.services, world.actor(Role.ADMIN)
    found: set[str] = set()
    for facility in services.admin.list_facilities(admin):
        found |= words(" ".join((facility.code, facility.name, facility.municipality,
                                 facility.police_district)))
        for zone in services.admin.list_zones(admin, facility.id):
            found |= words(f"{zone.code} {zone.name}")
    for user in services.admin.list_users(admin):
        found |= words(f"{user.username} {user.display_name}")
    for resident in services.residents.list(world.actor(Role.MANAGER)):
        found |= words(resident.pseudonym)
    found |= words(services.location.display())
    return found


def submitted_threat(world: World) -> IncidentDetail:
    staff = world.actor(Role.STAFF)
    stored = world.services.incidents.submit(staff, IncidentInput(
        facility_id=world.facility.id, occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=1),
        types=(TypeChoice("VIO-THR", "weapon"), TypeChoice("POL-CALL")),
        narrative="B-101 truede med en flaske.", zone_id=world.zone.id,
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),),
        police=PoliceContact(called=True, report_filed=True),
    ))
    return world.services.incidents.get(staff, stored.id)


def show_everything(form: IncidentForm) -> None:
    """Every type ticked, so every section shows, and one row in each list."""
    form.types.set_choices([{"code": t.code, "subtype": None} for t in form.taxonomy.types])
    form.common.residents.add_row()
    for key in ("injuries", "outsiders"):
        form.sections[key].add_row({})  # type: ignore[attr-defined]
    for edit in (form.common.end, form.sections["police"].called_at):  # type: ignore[attr-defined]
        edit.known.setChecked(True)


class Tour:
    def __init__(self, qtbot: QtBot, shell: Shell, world: World, detail: IncidentDetail) -> None:
        self.qtbot, self.shell, self.world, self.detail = qtbot, shell, world, detail
        window = shell.window
        assert window is not None and shell.ctx is not None
        self.window: MainWindow = window
        self.first_run = FirstRunDialog(shell.ctx, shell.tasks)
        self.offer = DraftOfferDialog([(1, utcnow(), {"narrative": "Halvfærdig"})], window)
        self.dialogs: list[tuple[QWidget, str]] = [
            (shell.login, "login"), (self.first_run, "first run"), (self.offer, "draft offer"),
            (RecoveryKeyDialog("7K3Q-9XWD-M2PA-4TNB-HV6R-C8EJ"), "recovery key"),
            (ChangePasswordDialog(shell.ctx, shell.tasks), "change password"),
            (ChangePasswordDialog(shell.ctx, shell.tasks, forced=True), "forced password change"),
            (ReauthDialog(shell.ctx, shell.tasks), "re-authentication"),
            (OneTimePasswordDialog("Søren Staff", "QX7M-2KPD-9TRA"), "one-time password"),
        ]

    def look(self, widget: QWidget, scene: str) -> list[Seen]:
        settle(self.qtbot, self.shell)
        return visible_texts(widget, scene)

    def pages(self, who: str) -> list[Seen]:
        seen: list[Seen] = []
        window = self.window
        for key in window.page_keys:
            page = window.show_page(key)
            if isinstance(page, IncidentForm):
                if not page.types.choices():
                    show_everything(page)
                seen += self.look(window, f"{who}/{key}")
                page.result.show_detail(self.detail, self.shell.ctx.language)  # type: ignore[union-attr]
                page.pages.setCurrentWidget(page.result)
                seen += self.look(window, f"{who}/{key}/submitted")
                page.pages.setCurrentWidget(page.form_page)
            else:
                seen += self.look(window, f"{who}/{key}")
        return seen

    def everything(self) -> list[Seen]:
        """Admin's pages, then the manager's (left open), the lock screen and the dialogs."""
        seen: list[Seen] = []
        for role in (Role.ADMIN, Role.MANAGER):
            self.window.set_actor(self.world.actor(role))
            settle(self.qtbot, self.shell)
            if self.window.draft_offer is not None:
                self.window.draft_offer.reject()
            seen += self.pages(role.value)
        window = self.window
        window.screens.setCurrentWidget(window.lock_screen)
        window.lock_screen.show_locked("Maja Leder", "manager")
        seen += self.look(window, "lock screen")
        window.screens.setCurrentWidget(window.workspace)
        for dialog, scene in self.dialogs:
            dialog.show()
            seen += self.look(dialog, scene)
            dialog.hide()
        return seen

    def switch(self, language: str) -> list[Seen]:
        """Switch at runtime and look at the pages that were already open: they must follow."""
        self.window.set_language(language)
        settle(self.qtbot, self.shell)
        QApplication.processEvents()
        return self.pages(f"after switch to {language}")


def test_no_visible_text_is_left_in_english(qtbot: QtBot, sqlite_world: World) -> None:
    ensure_compiled()
    catalog = load_catalog(sorted(sources_dir().glob("*_da.ts")))
    detail = submitted_threat(sqlite_world)
    known = data_words(sqlite_world)  # before the app: its logout ends the world's manager session
    with running_app(qtbot, sqlite_world.services, pages=None) as shell:
        log_in(qtbot, shell, "manager")
        tour = Tour(qtbot, shell, sqlite_world, detail)
        danish = tour.everything()
        english = tour.switch("en")
        english += tour.everything()
        danish += tour.switch("da")
        danish += tour.everything()
        for dialog, _scene in tour.dialogs[1:]:
            dialog.deleteLater()

    assert len(danish) > 300  # the tour really saw the windows
    found = problems(danish, english, catalog, known)
    assert found == [], "\n".join(found)


def test_the_checker_catches_an_english_text(qtbot: QtBot) -> None:
    """The judge itself: an unwrapped English label fails, a Danish one and a name pass."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    for text in ("Save the incident", "Gem hændelsen", "Bostedet Havblik"):
        layout.addWidget(QLabel(text, box))
    name = QLabel("Nina Nat", box)
    name.setProperty("i18n_data", True)
    layout.addWidget(name)
    box.show()
    seen = visible_texts(box, "box")
    english = [Seen("box", "Save the incident"), Seen("box", "Bostedet Havblik"), Seen("box", "Nina Nat")]
    catalog = load_catalog(sorted(sources_dir().glob("*_da.ts")))
    found = problems(seen, english, catalog, {"Bostedet", "Havblik"})
    assert found == ["box:QLabel/label: 'Save the incident' is the same in English (Save, incident, the)"]
    assert "Nina Nat" not in {s.text for s in seen}
