"""No Alt+letter is used twice on one screen: every page of every role with each of its tabs, the
entry form for every incident type, and the incident window, in Danish and in English. A clash
makes Alt+letter cycle between two fields instead of going where the user meant."""

from __future__ import annotations

from pprint import pformat

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from tests.ui.mnemonic_walk import clashes, letter, tab_states
from tests.ui.view_helpers import seed_incidents
from ui.entry.form import IncidentForm
from ui.main_window import MainWindow
from ui.views.incident_view import open_incident


def test_the_walk_sees_a_clash_and_ignores_what_is_hidden(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    first, second = QPushButton("&Gem", root), QPushButton("&Gå til", root)
    hidden = QPushButton("&Gammel", root)
    hidden.hide()
    root.show()
    assert letter("Ret && &slet") == "s" and letter("Ret && slet") is None
    assert clashes(root) == {"g": ["&Gem", "&Gå til"]}
    second.setText("G&å til")
    assert clashes(root) == {}
    assert first.isVisible()


def _screen(window: MainWindow) -> list[QWidget]:
    page = window.current_page()
    assert page is not None
    return [window.menuBar(), page]


@pytest.mark.parametrize("role", list(Role))
def test_no_page_of_any_role_has_two_equal_mnemonics(
        qtbot: QtBot, sqlite_world: World, role: Role) -> None:
    seed_incidents(sqlite_world)
    found: dict[str, dict[str, list[str]]] = {}
    with running_app(qtbot, sqlite_world.services, pages=None) as shell:
        window = log_in(qtbot, shell, role.value)
        for language in ("da", "en"):
            window.set_language(language)
            for key in window.page_keys:
                page = window.show_page(key)
                assert page is not None
                settle(qtbot, shell)
                for where in tab_states(page):
                    QApplication.processEvents()
                    doubled = clashes(*_screen(window))
                    if doubled:
                        found[f"{key} ({where}, {language})"] = doubled
        window.set_language("da")
    assert found == {}, pformat(found)


def test_the_entry_form_has_no_clash_for_any_type(qtbot: QtBot, sqlite_world: World) -> None:
    found: dict[str, dict[str, list[str]]] = {}
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        form = window.show_page("new_incident")
        assert isinstance(form, IncidentForm)
        settle(qtbot, shell)
        for language in ("da", "en"):
            window.set_language(language)
            for itype in form.taxonomy.types:
                form.types.set_choices([{"code": itype.code, "subtype": None}])
                settle(qtbot, shell)
                doubled = clashes(window.menuBar(), form)
                if doubled:
                    found[f"{itype.code} ({language})"] = doubled
        form.types.set_choices([])
        window.set_language("da")
    assert found == {}, pformat(found)


@pytest.mark.parametrize("role", [Role.STAFF, Role.MANAGER])
def test_the_incident_window_has_no_clash_on_any_tab(
        qtbot: QtBot, sqlite_world: World, role: Role) -> None:
    detail = seed_incidents(sqlite_world)[0]
    found: dict[str, dict[str, list[str]]] = {}
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, role.value)
        view = open_incident(window.ctx, shell.tasks, detail.id, window)
        settle(qtbot, shell)
        assert view.tabs.count() >= 5
        for language in ("da", "en"):
            window.set_language(language)
            settle(qtbot, shell)
            for where in tab_states(view):
                doubled = clashes(view)
                if doubled:
                    found[f"{where} ({language})"] = doubled
        view.close()
        window.set_language("da")
    assert found == {}, pformat(found)
