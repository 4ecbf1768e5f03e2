"""A refused entry: every message in Danish under its own field, and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from ui.app import Shell
from ui.entry.form import IncidentForm

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def form(qtbot: QtBot, sqlite_world: World) -> Iterator[tuple[Shell, IncidentForm]]:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        page = window.show_page("new_incident")
        assert isinstance(page, IncidentForm)
        settle(qtbot, shell)
        yield shell, page


def submit_and_wait(qtbot: QtBot, shell: Shell, page: IncidentForm) -> None:
    Keyboard(qtbot).press(Qt.Key.Key_Return, CTRL)
    settle(qtbot, shell)


def test_missing_type_and_narrative_are_shown_beside_their_fields(
    qtbot: QtBot, form: tuple[Shell, IncidentForm], sqlite_world: World
) -> None:
    shell, page = form
    page.common.narrative.setPlainText("   ")
    submit_and_wait(qtbot, shell, page)
    errors = page.visible_errors()
    assert errors["types"] == "Vælg mindst én hændelsestype."
    assert errors["narrative"] == "Må ikke være tom."
    assert page.types_error.isVisible()
    assert page.common.errors["narrative"].isVisible()
    assert page.pages.currentWidget() is page.form_page
    assert shell.ctx is not None and shell.ctx.actor is not None
    assert sqlite_world.services.queries.count(shell.ctx.actor) == 0


def test_a_future_time_and_a_cpr_number_are_refused_and_the_words_stay(
    qtbot: QtBot, form: tuple[Shell, IncidentForm]
) -> None:
    shell, page = form
    page.types.set_choices([{"code": "VIO-THR", "subtype": "verbal"}])
    page.common.start.set_value(datetime.now() + timedelta(days=2))
    words = "Beboer med CPR 010190-1234 råbte trusler i gangen."
    page.common.narrative.setPlainText(words)
    submit_and_wait(qtbot, shell, page)
    errors = page.visible_errors()
    assert errors["occurred_start"] == "Tidspunktet ligger i fremtiden."
    assert errors["narrative"] == "Må ikke indeholde CPR-numre. Brug beboerens pseudonym."
    assert page.common.narrative.toPlainText() == words
    assert [(c.code, c.subtype) for c in page.types.choices()] == [("VIO-THR", "verbal")]


def test_a_count_that_is_not_a_number_is_caught_in_the_form(
    qtbot: QtBot, form: tuple[Shell, IncidentForm]
) -> None:
    shell, page = form
    page.types.set_choices([{"code": "DRG-DEAL", "subtype": None}])
    drug = page.sections["drug"]
    drug.sellers_count.setText("mange")  # type: ignore[attr-defined]
    page.common.narrative.setPlainText("Salg ved indgangen.")
    submit_and_wait(qtbot, shell, page)
    assert page.visible_errors() == {"drug.sellers_count": "Skal være et helt tal."}
    assert drug.errors["drug.sellers_count"].isVisible()
    assert drug.sellers_count.text() == "mange"  # type: ignore[attr-defined]
    assert page.last_detail is None

    drug.sellers_count.setText("3")  # type: ignore[attr-defined]
    submit_and_wait(qtbot, shell, page)
    assert page.last_detail is not None and page.last_detail.drug is not None
    assert page.last_detail.drug.sellers_count == 3
    assert page.visible_errors() == {}


def test_the_form_shows_only_the_sections_the_types_need(form: tuple[Shell, IncidentForm]) -> None:
    _shell, page = form
    assert not any(s.isVisible() for s in page.sections.values())
    page.types.set_choices([{"code": "POL-CALL", "subtype": None}])
    assert {k for k, s in page.sections.items() if s.isVisible()} == {"police"}
    page.types.set_choices([{"code": "VIO-PHY", "subtype": None}, {"code": "DRG-DEAL", "subtype": None}])
    assert {k for k, s in page.sections.items() if s.isVisible()} == {
        "violence", "injuries", "measures", "police", "drug", "outsiders"}
    assert page.common.shift.text().startswith("Vagt: ")
    assert page.common.reporter.text() == "Indberettet af: Søren Staff"
