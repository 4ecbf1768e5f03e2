"""Each deadline shows its legal source, with "frist ikke juridisk bekræftet" until confirmed; the
72-hour police decision is closed by keyboard with a reasoned note, which prints as a PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit
from pytestqt.qtbot import QtBot

from safetylog.classification.duties import DutyState
from safetylog.domain.enums import Role
from safetylog.domain.records import TypeChoice
from tests.conftest import World
from tests.reports.pdfcheck import page_texts
from tests.ui.view_helpers import context, danish_translations, incident, settle, task_runner
from ui.tasks import TaskRunner
from ui.views import duty_dialog
from ui.views.duty_dialog import DutyDialog
from ui.views.overview import OverviewView


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish(qtbot: QtBot) -> Iterator[None]:
    yield from danish_translations()


REASONS = ("Medarbejderen ønsker ikke anmeldelse; et enkelt skub under akut forvirring, ingen "
           "tidligere episoder mod denne medarbejder.")


def test_the_police_decision_shows_its_source_and_closes_with_a_printed_note(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sqlite_world.services.incidents.submit(sqlite_world.actor(Role.STAFF), incident(
        sqlite_world, (TypeChoice("VIO-PHY", "staff"),), "B-101 slog en medarbejder.", 5))
    view = OverviewView(context(sqlite_world, Role.MANAGER), tasks)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, tasks)
    model = view.duty_box.model
    police = next(d for d in model.rows if d.kind == "police_decision")
    row = model.rows.index(police)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    source = model.data(model.index(row, headers.index("Fristens retsgrundlag")))
    assert source.startswith("Lov om erstatning fra staten til ofre for forbrydelser")
    assert source.endswith("– frist ikke juridisk bekræftet")

    view.duty_box.activated.emit(police)
    dialog = next(w for w in view.findChildren(DutyDialog) if w.isVisible())
    assert dialog.source.text().startswith("Fristens retsgrundlag: Lov om erstatning")
    assert "frist ikke juridisk bekræftet" in dialog.source.text()
    inputs = {name: widget for name, (_spec, widget) in dialog.inputs.items()}
    assert isinstance(inputs["receipt_kept"], QCheckBox)
    for name, text in (("dispensation_by", "Mette Lund, leder"), ("dispensation_reasons", REASONS)):
        field = inputs[name]
        assert isinstance(field, QLineEdit)
        field.setFocus()
        qtbot.keyClicks(field, text)
    inputs["dispensation_on"].set_value(police.created_at.date())  # type: ignore[attr-defined]
    assert dialog.state_box.select(DutyState.DONE)
    qtbot.keyClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.Key.Key_Space)
    settle(qtbot, tasks)
    saved = sqlite_world.services.duties.get(sqlite_world.actor(Role.MANAGER), police.id)
    assert saved.state == "done" and saved.details["dispensation_reasons"] == REASONS

    target = tmp_path / "notat.pdf"
    monkeypatch.setattr(duty_dialog, "ask_save_path", lambda *a, **k: target)
    dialog.duty = saved
    assert dialog.note_button is not None
    dialog.note_button.click()
    settle(qtbot, tasks)
    text = " ".join(page_texts(target)[0].split())
    assert "Mette Lund, leder" in text and "ingen tidligere episoder mod denne medarbejder." in text
    assert "(frist ikke juridisk bekræftet)" in text and "(offererstatningsloven), § 10" in text
