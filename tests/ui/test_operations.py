"""One way to call a service from a widget (``ui.operations``): writes say what they changed
without the view naming it, failures read alike everywhere, and the GUI thread never waits."""

from __future__ import annotations

import ast
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from tests.conftest import World
from tests.ui.view_helpers import context, settle, task_runner
from ui.entry.form import IncidentForm
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.views.admin import AdminView
from ui.views.common import error_text
from ui.views.incident_list import IncidentListView
from ui.views.residents import ResidentsView

UI = Path(__file__).resolve().parents[2] / "ui"
HELPER = {"operations.py", "tasks.py"}  # the helper and the runner it drives


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


# --- the rule: no widget runs or announces by hand ---------------------------------------------

def _chain_root(node: ast.expr) -> ast.expr:
    """``Op(...).success(...).failure(...)`` -> the ``Op`` name."""
    while isinstance(node, ast.Call | ast.Attribute):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def _is_hub_changed_emit(func: ast.Attribute) -> bool:
    return (func.attr == "emit" and isinstance(func.value, ast.Attribute)
            and func.value.attr == "changed" and "hub" in ast.unparse(func.value.value))


def direct_calls(source: str) -> list[str]:
    """Each call in ``source`` that runs work or announces changes other than through the helper."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id == "run_for":
            found.append(f"line {node.lineno}: run_for")
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        func, where = node.func, f"line {node.lineno}: "
        if func.attr == "run":
            root = _chain_root(func.value)
            if not (isinstance(root, ast.Name) and root.id in {"Op", "Query", "subprocess"}):
                found.append(where + ast.unparse(func))
        elif func.attr in {"notify", "announce"} or _is_hub_changed_emit(func):
            found.append(where + ast.unparse(func))
    return found


def test_no_widget_runs_work_or_announces_changes_by_hand() -> None:
    offenders = {str(path.relative_to(UI)): calls for path in sorted(UI.rglob("*.py"))
                 if path.name not in HELPER or path.parent != UI
                 if (calls := direct_calls(path.read_text(encoding="utf-8")))}
    assert offenders == {}


@pytest.mark.parametrize("line", [
    "self.tasks.run(lambda: svc.save(actor), self._saved, self._failed)",
    "self._runner.run(job, done, failed, guarded=False)",
    "self.ctx.notify(Changes.PSP)",
    "self.ctx.hub.changed.emit(Changes.ALL)",
    "ctx.hub.announce(Changes.ALL, None)",
    "run_for(self, self.tasks, call, done, failed)",
])
def test_the_rule_catches_each_old_way(line: str) -> None:
    assert direct_calls(line)
    assert not direct_calls("Op(self, call).success(done).failure(self.error).run(self.tasks, self.ctx)")


# --- a write from one page redraws another ------------------------------------------------------

def test_a_resident_added_on_one_page_is_offered_on_the_incident_list(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    ctx = context(sqlite_world, Role.MANAGER)
    residents, incidents = ResidentsView(ctx, tasks), IncidentListView(ctx, tasks)
    for view in (residents, incidents):
        qtbot.addWidget(view)
        view.show()
    settle(qtbot, tasks)
    assert "B-109" not in [r.pseudonym for r in incidents.filters.residents]
    tab = residents.residents
    tab.pseudonym.setText("B-109")
    tab.add()
    qtbot.waitUntil(lambda: "B-109" in [r.pseudonym for r in incidents.filters.residents], timeout=5_000)
    assert tab.message.text()  # and the page that wrote it says so



# --- a failure reads the same everywhere ---------------------------------------------------------

def test_a_failed_write_says_the_same_sentence_on_every_page(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("INSERT INTO residents VALUES ('Jens Jensen')")  # a driver's words

    services = sqlite_world.services
    monkeypatch.setattr(services.admin, "create_facility", broken)
    monkeypatch.setattr(services.residents, "add", broken)
    admin = AdminView(context(sqlite_world, Role.ADMIN), tasks)
    residents = ResidentsView(context(sqlite_world, Role.MANAGER), tasks)
    for view in (admin, residents):
        qtbot.addWidget(view)
        view.show()
    settle(qtbot, tasks)
    admin.places.code.setText("STR")
    admin.places.name.setText("Strandgården")
    admin.places.add_facility()
    residents.residents.pseudonym.setText("B-109")
    residents.residents.add()
    settle(qtbot, tasks)
    sentence = error_text(RuntimeError(), "da")
    assert admin.message.text() == residents.residents.message.text() == sentence
    assert admin.message.isVisible() and residents.residents.message.isVisible()
    assert "Jens" not in sentence and "INSERT" not in sentence


def test_a_failure_with_no_place_of_its_own_goes_to_the_window(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner) -> None:
    ctx = context(sqlite_world, Role.STAFF)
    widget = QWidget()
    qtbot.addWidget(widget)

    def refused() -> None:
        raise PermissionError("disk says no")

    with qtbot.waitSignal(ctx.hub.failed, timeout=5_000) as failed:
        Op(widget, refused).run(tasks, ctx)
    assert isinstance(failed.args[0], PermissionError)


# --- the GUI thread never waits for the database -------------------------------------------------

def test_the_window_stays_responsive_while_the_draft_is_saved_before_a_submit(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = context(sqlite_world, Role.STAFF)
    form = IncidentForm(ctx, tasks)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot, tasks)
    incidents = sqlite_world.services.incidents
    real_save = incidents.save_draft
    entered, release = threading.Event(), threading.Event()

    def slow_save(*args: Any, **kwargs: Any) -> int:
        entered.set()
        assert release.wait(10), "the save was never let go"
        return real_save(*args, **kwargs)

    monkeypatch.setattr(incidents, "save_draft", slow_save)
    form.types.set_choices([{"code": "VIO-VRB", "subtype": None}])
    form.common.narrative.setPlainText("B-101 råbte ad personalet i fællesstuen.")
    form.common.residents.add_row()
    assert form.drafts.dirty  # typed, not saved yet
    ticks: list[int] = []
    timer = QTimer(form)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)

    form.submit()  # returns at once: the draft's save runs on a worker
    qtbot.waitUntil(entered.is_set, timeout=5_000)
    before = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) >= before + 5, timeout=5_000)  # the event loop runs meanwhile
    assert not form.submit_button.isEnabled()  # no second submit while the first is on its way
    assert form.last_detail is None
    release.set()
    qtbot.waitUntil(lambda: form.last_detail is not None, timeout=10_000)
    settle(qtbot, tasks)
    assert form.last_detail is not None and form.last_detail.types[0].code == "VIO-VRB"
    assert incidents.drafts(ctx.require_actor()) == []  # the submit removed the draft it saved
    timer.stop()


def test_a_lock_waits_for_its_own_draft_not_for_other_work(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long report on another worker does not hold up the lock's draft save."""
    ctx = context(sqlite_world, Role.STAFF)
    form = IncidentForm(ctx, tasks)
    qtbot.addWidget(form)
    form.show()
    settle(qtbot, tasks)
    incidents = sqlite_world.services.incidents
    real_save = incidents.save_draft

    def unhurried_save(*args: Any, **kwargs: Any) -> int:
        time.sleep(0.2)  # a busy network drive: the autosave is still on its way at the lock
        return real_save(*args, **kwargs)

    monkeypatch.setattr(incidents, "save_draft", unhurried_save)
    report_done = threading.Event()
    Op(form, lambda: report_done.wait(10)).failure(lambda _e: None).run(tasks, ctx)  # a slow PDF
    form.drafts.set_delay_ms(0)
    form.common.narrative.setPlainText("Skrevet lige før")
    qtbot.waitUntil(lambda: form.drafts.saving, timeout=5_000)  # an autosave on its way
    form.common.narrative.setPlainText("Skrevet lige før skærmen blev låst.")
    started = time.monotonic()
    form.flush_draft()  # as the lock does
    assert time.monotonic() - started < 3  # not the report's ten seconds
    assert form.drafts.draft_id is not None and not form.drafts.dirty
    payloads = [p for _i, _at, p in sqlite_world.services.incidents.drafts(ctx.require_actor())]
    assert payloads[0]["narrative"] == "Skrevet lige før skærmen blev låst."
    report_done.set()
    settle(qtbot, tasks)

