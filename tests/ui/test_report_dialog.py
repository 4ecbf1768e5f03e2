"""The reports page: preview numbers, an export with progress that writes and audits the file,
and a cancel that leaves nothing behind."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services import audit
from safetylog.services.reports import ReportRequest
from tests.conftest import World
from tests.ui.view_helpers import seed_incidents
from ui.context import UiContext
from ui.i18n import translate
from ui.tasks import TaskRunner
from ui.views.report_dialog import STEPS, Cancelled, ExportChoice, ReportView, export_job


@pytest.fixture
def view(sqlite_world: World, qtbot: QtBot) -> ReportView:
    seed_incidents(sqlite_world)
    ctx = UiContext(sqlite_world.services, actor=sqlite_world.actor(Role.MANAGER))
    tasks = TaskRunner()
    page = ReportView(ctx, tasks)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.summary is not None, timeout=10_000)
    return page


def _exports(world: World) -> list[str]:
    with world.services.session_factory() as session:
        return [e.entity for e in audit.entries(session) if e.action == AuditAction.EXPORT.value]


def test_preview_shows_the_summary_numbers(view: ReportView, sqlite_world: World, qtbot: QtBot) -> None:
    view.kind_box.select("psp")
    today = to_local(utcnow()).date()
    view.date_from.setDate(view.date_from.date().addDays(-30))
    view.preview_button.click()
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.scope.date_to == today,
                    timeout=10_000)
    assert view.summary is not None
    assert view.summary.current.total == 5
    _caption, value = view._number_labels[0]
    assert value.text().startswith("5")
    assert view.month_edit.isHidden() and not view.date_from.isHidden()


def test_export_writes_the_pdf_with_progress(view: ReportView, sqlite_world: World, qtbot: QtBot,
                                             tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    view.kind_box.select("psp")
    view.choose_target = lambda suggested: target  # type: ignore[method-assign]
    steps: list[int] = []
    view._progress.step.connect(steps.append)
    view.export_button.click()
    qtbot.waitUntil(lambda: view.last_receipt is not None, timeout=20_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert steps[-1] == STEPS and view.progress.value() == STEPS
    assert str(target) in view.status.text()
    assert view.open_button.isEnabled() and view.export_button.isEnabled()
    assert _exports(sqlite_world) == ["report_psp"]


def test_csv_from_the_page(view: ReportView, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "rapport.csv"
    view.kind_box.select("psp")
    view.format_box.select("csv")
    view.choose_target = lambda suggested: target  # type: ignore[method-assign]
    view.export_button.click()
    qtbot.waitUntil(lambda: view.last_receipt is not None, timeout=20_000)
    content = target.read_text("utf-8-sig")
    assert "Fortroligt – PSP, jf. retsplejelovens § 115" in content  # the pack's tables, marked
    assert "Efter type" in content
    assert not re.search(r"\d{4}-\d{2}-\d{2}", content)  # no incident rows: no dates at all


def test_cancel_writes_and_audits_nothing(sqlite_world: World, tmp_path: Path) -> None:
    seed_incidents(sqlite_world)
    manager = sqlite_world.actor(Role.MANAGER)
    today = utcnow().date()
    choice = ExportChoice("monthly", "pdf", ReportRequest(today - timedelta(days=30), today),
                          tmp_path / "x.pdf")
    seen: list[int] = []
    with pytest.raises(Cancelled):
        export_job(sqlite_world.services, manager, choice, seen.append, lambda: len(seen) >= 2)
    assert seen == [0, 1] and not choice.target.exists() and _exports(sqlite_world) == []
    receipt = export_job(sqlite_world.services, manager, choice, seen.append, lambda: False)
    assert receipt.path.exists() and _exports(sqlite_world) == ["report_monthly"]


def test_unchecking_every_facility_is_refused_in_words(view: ReportView, qtbot: QtBot,
                                                       tmp_path: Path) -> None:
    for index in range(view.facility_list.count()):
        view.facility_list.item(index).setCheckState(Qt.CheckState.Unchecked)
    asked: list[str] = []
    view.choose_target = lambda suggested: asked.append(suggested)  # type: ignore[method-assign, func-returns-value]
    view.export_button.click()
    assert asked == [] and view.status.text() == translate("Reports", "Choose at least one facility.")
    assert view.export_button.isEnabled() and not (tmp_path / "y.pdf").exists()
