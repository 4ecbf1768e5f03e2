"""A full disk: seen coming, said in Danish, nothing typed lost, saved once space returns.

SQLite's ``PRAGMA max_page_count`` makes "database or disk is full" happen on demand: every new
pooled connection gets the limit (an engine "connect" event), the limit is set to the current page
count, and the free room left in the existing pages is used up by writes until one fails.
"""

from __future__ import annotations

import shutil
from collections import namedtuple
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.exc import OperationalError

from safetylog.domain.enums import Role
from safetylog.services.container import Services
from safetylog.storage.models import Incident
from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from tests.ui.test_drafts_recovery import NARRATIVE, fill_in
from tests.ui.view_helpers import context, seed_incidents, task_runner
from tests.ui.view_helpers import settle as settle_tasks
from ui.entry.form import IncidentForm
from ui.tasks import TaskRunner
from ui.views.incident_view import IncidentView

DISK_FULL_DA = "Disken er fuld"
DRIVER_WORDS = ("database or disk is full", "dbapi2", "OperationalError", "INSERT INTO", "[SQL",
                "parameters")


class PageLimit:
    """``max_page_count`` on every connection of ``engine``, raised and lowered at will."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.limit: int | None = None
        event.listen(engine, "connect", self._apply)

    def _apply(self, dbapi_connection: Any, _record: Any) -> None:
        if self.limit is not None:
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA max_page_count={self.limit}")
            cursor.close()

    def _set(self, limit: int) -> None:
        self.limit = limit
        self.engine.dispose()  # the pooled connections reopen with the new limit

    def fill(self, services: Services, world: World) -> None:
        """No room left: not for a draft, not for an incident, not for a read's audit row."""
        with self.engine.connect() as connection:
            pages = int(connection.execute(text("PRAGMA page_count")).scalar_one())
        self._set(pages)
        staff = world.actor(Role.STAFF)
        for size in (6000, 1500, 300, 40, 1):
            for _ in range(5000):
                try:
                    services.incidents.save_draft(staff, {"narrative": "x" * size})
                except OperationalError as exc:
                    assert "full" in str(exc)
                    break
        manager = world.actor(Role.MANAGER)
        for _ in range(5000):  # a read writes an audit row: fill the audit pages too
            try:
                services.admin.list_users(world.actor(Role.ADMIN))
                services.residents.list(manager, world.facility.id)
            except OperationalError:
                break

    def lift(self) -> None:
        self._set(2_000_000_000)


@pytest.fixture
def page_limit(sqlite_world: World) -> Iterator[PageLimit]:
    limit = PageLimit(sqlite_world.services.engine)
    yield limit
    limit.lift()


def incident_count(services: Services) -> int:
    with services.session_factory() as session:
        return int(session.scalar(select(func.count()).select_from(Incident)) or 0)


def visible_texts(root: QWidget) -> list[str]:
    found = [label.text() for label in root.findChildren(QLabel) if label.isVisible()]
    window = root.window()
    if hasattr(window, "statusBar"):
        found.append(window.statusBar().currentMessage())
    return found


def assert_no_driver_text(root: QWidget) -> None:
    for shown in visible_texts(root):
        for word in DRIVER_WORDS:
            assert word not in shown, shown


def open_form(qtbot: QtBot, shell: Any) -> IncidentForm:
    window = log_in(qtbot, shell, "night_staff")
    form = window.show_page("new_incident")
    assert isinstance(form, IncidentForm)
    settle(qtbot, shell)
    return form


def test_a_save_on_a_full_disk_keeps_every_word_and_goes_through_once_space_returns(
        qtbot: QtBot, sqlite_world: World, page_limit: PageLimit) -> None:
    services = sqlite_world.services
    with running_app(qtbot, services) as shell:
        form = open_form(qtbot, shell)
        form.drafts.set_delay_ms(50)
        form.drafts.set_retry_ms(100)
        fill_in(form)
        qtbot.waitUntil(lambda: form.drafts.draft_id is not None, timeout=5_000)
        settle(qtbot, shell)
        before = incident_count(services)

        page_limit.fill(services, sqlite_world)
        form.submit()
        settle(qtbot, shell)
        assert form.pages.currentWidget() is form.form_page
        assert form.space_line.isVisible() and DISK_FULL_DA in form.space_line.text()
        assert form.general_error.isVisible() and "intet af det, du har skrevet, er tabt" in \
            form.general_error.text()
        assert form.common.narrative.toPlainText() == NARRATIVE
        assert incident_count(services) == before  # nothing half-stored, nothing lost
        assert_no_driver_text(form)

        # More typing while the disk is full: the autosave fails without a crash and keeps retrying.
        # (long enough to need new pages: a few words more could fit in the draft's own page)
        form.common.narrative.setPlainText(NARRATIVE + " Mere." * 800 + " Tilføjet bagefter.")
        qtbot.waitUntil(lambda: form.drafts.retrying, timeout=5_000)
        assert form.drafts.dirty
        assert form.state()["narrative"].endswith("Tilføjet bagefter.")

        page_limit.lift()
        qtbot.waitUntil(lambda: not form.drafts.dirty and not form.drafts.retrying, timeout=5_000)
        settle(qtbot, shell)
        assert not form.space_line.isVisible()
        drafts = [p for _i, _a, p in services.incidents.drafts(sqlite_world.actor(Role.NIGHT_STAFF))]
        assert any(str(p.get("narrative", "")).endswith("Tilføjet bagefter.") for p in drafts)

        form.submit()
        settle(qtbot, shell)
        assert form.pages.currentWidget() is form.result
        assert incident_count(services) == before + 1


def test_a_read_on_a_full_disk_refuses_and_shows_no_data(
        qtbot: QtBot, sqlite_world: World, page_limit: PageLimit) -> None:
    detail = seed_incidents(sqlite_world)[0]
    tasks: TaskRunner = next(task_runner())
    page_limit.fill(sqlite_world.services, sqlite_world)
    with pytest.raises(OperationalError):  # the read's audit row cannot be written: no data
        sqlite_world.services.incidents.get(sqlite_world.actor(Role.MANAGER), detail.id)
    view = IncidentView(context(sqlite_world, Role.MANAGER), tasks, incident_id=detail.id)
    qtbot.addWidget(view)
    view.show()
    settle_tasks(qtbot, tasks)
    assert DISK_FULL_DA in view.message.text()
    shown = " ".join(visible_texts(view))
    assert detail.narrative not in shown
    assert_no_driver_text(view)
    tasks.wait_all()


Usage = namedtuple("Usage", "total used free")


def test_low_space_is_warned_of_in_yellow(qtbot: QtBot, sqlite_world: World,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(10**12, 10**12 - 120 * 2**20,
                                                                  120 * 2**20))
    with running_app(qtbot, sqlite_world.services) as shell:
        form = open_form(qtbot, shell)
        window = shell.window
        assert window is not None
        settle(qtbot, shell)
        for line in (window.space.line, form.space_line):
            assert line.isVisible()
            assert "Der er kun lidt plads tilbage på disken: 120 MB fri" in line.text()
            assert "500 MB" in line.text()
            assert "#fff3b0" in line.styleSheet()


def test_plenty_of_space_shows_no_warning(qtbot: QtBot, sqlite_world: World,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Usage(10**12, 0, 10**12))
    with running_app(qtbot, sqlite_world.services) as shell:
        form = open_form(qtbot, shell)
        assert shell.window is not None
        assert not shell.window.space.line.isVisible() and not form.space_line.isVisible()


def test_driver_text_never_reaches_a_widget(qtbot: QtBot, sqlite_world: World,
                                            page_limit: PageLimit) -> None:
    """A failed background call on a full disk, in any view: the main window's line and the
    status bar say it in Danish; nowhere on screen is the driver's English or its SQL."""
    services = sqlite_world.services
    with running_app(qtbot, services, pages=None) as shell:
        window = log_in(qtbot, shell, "manager")
        settle(qtbot, shell)
        page_limit.fill(services, sqlite_world)
        for key in window.page_keys:
            window.show_page(key)
            settle(qtbot, shell)
            QApplication.processEvents()
            assert_no_driver_text(window)
        assert DISK_FULL_DA in window.space.line.text()
        page_limit.lift()


def test_the_english_ui_gets_the_english_sentence() -> None:
    import sqlite3

    from ui.views.common import error_text

    error = OperationalError("INSERT INTO drafts (payload) VALUES (?)", ("Jens Jensen",),
                             sqlite3.OperationalError("database or disk is full"))
    english = error_text(error, "en")
    assert "disk is full" in english
    assert "INSERT" not in english and "Jens Jensen" not in english
    assert DISK_FULL_DA in error_text(error, "da")
