"""One fact, entered once: how many key presses two common incidents take beyond the narrative.

The real window is driven with qtbot.keyClick/keyClicks only; every key event sent is counted
(``Keyboard.presses``) and the narrative's characters are taken off.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Measure, PersonRole
from safetylog.domain.timeutil import as_utc
from tests.conftest import World
from tests.ui.app_driver import Keyboard, running_app
from tests.ui.test_entry_keyboard import open_form, submit
from ui.app import Shell
from ui.entry.form import IncidentForm

ALT = Qt.KeyboardModifier.AltModifier
Key = Qt.Key
BOTTLE = ("B-101 truede nattevagten med en flaske i fællesstuen, B-102 så det. B-101 blev holdt kortvarigt, "
          "indtil politiet kom.")


@pytest.fixture
def app(qtbot: QtBot, sqlite_world: World) -> Iterator[Shell]:
    with running_app(qtbot, sqlite_world.services) as shell:
        yield shell


def tick_type(keys: Keyboard, letters: str, subtype_steps: int | None = None) -> None:
    """A few letters of the type (typed in the list, they start a new filter), Down, Space;
    then, for a subtype, Right to the first and Down to the wanted one, Space."""
    keys.type(letters)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    if subtype_steps is not None:
        keys.press(Key.Key_Right)
        for _ in range(subtype_steps):
            keys.press(Key.Key_Down)
        keys.press(Key.Key_Space)


def add_resident(qtbot: QtBot, form: IncidentForm, keys: Keyboard, pseudonym: str, role: str) -> None:
    """Alt+L adds a row; the pseudonym is typed unless the row already shows it; Tab, the role's
    first letter."""
    rows = len(form.common.residents.rows)
    keys.press(Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(form.common.residents.rows) == rows + 1)
    if form.common.residents.rows[-1].resident.currentText() != pseudonym:
        keys.type(pseudonym)
    keys.press(Key.Key_Tab)
    keys.type(role)


def test_the_threat_with_a_bottle_takes_at_most_35_keys_besides_the_words(
    qtbot: QtBot, app: Shell, sqlite_world: World
) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys)
    tick_type(keys, "tr", subtype_steps=2)  # Trusler: Med våben/genstand
    tick_type(keys, "mag", subtype_steps=0)  # Magtanvendelse: kortvarig fastholdelse, § 124 c
    tick_type(keys, "po")  # Politi tilkaldt
    assert [(c.code, c.subtype) for c in form.types.choices()] == [
        ("VIO-THR", "weapon"), ("POL-CALL", None), ("FRC", "124c")]
    police, measures = form.sections["police"], form.sections["measures"]
    # the types said it: police called at the incident's time, the measures ticked
    assert police.isVisible() and police.called.isChecked()  # type: ignore[attr-defined]
    called_at = police.called_at.value()  # type: ignore[attr-defined]
    assert called_at is not None and as_utc(called_at) == form.common.start.value()
    assert measures.boxes[Measure.POLICE].isChecked()  # type: ignore[attr-defined]
    assert measures.boxes[Measure.HOLD_124C].isChecked()  # type: ignore[attr-defined]
    keys.press(Key.Key_O, ALT)  # Ankom kl.: the arrival is known, from the call's time
    keys.press(Key.Key_Space)
    add_resident(qtbot, form, keys, "B-101", "u")  # Udøver
    add_resident(qtbot, form, keys, "B-102", "v")  # Vidne
    keys.press(Key.Key_B, ALT)
    assert QApplication.focusWidget() is form.common.narrative
    keys.type(BOTTLE)
    detail = submit(qtbot, app, form, keys)

    presses = keys.presses - len(BOTTLE)
    print(f"threat with a bottle: {presses} key presses besides the narrative")
    assert detail.police is not None and detail.police.called
    assert detail.police.called_at == detail.occurred_start
    assert detail.police.arrived_at == detail.occurred_start
    assert set(detail.measures) == {Measure.POLICE, Measure.HOLD_124C}
    assert detail.violence is not None
    assert set(detail.violence.measures) == {"police", "physical_hold"}
    assert "magtanvendelse" in detail.flags
    r101, r102 = sqlite_world.residents[0].id, sqlite_world.residents[1].id
    assert set(detail.residents) == {(r101, "B-101", PersonRole.AGGRESSOR),
                                     (r102, "B-102", PersonRole.WITNESS)}
    assert presses <= 35, presses


def test_a_simple_threat_with_one_resident_takes_at_most_15_keys(
    qtbot: QtBot, app: Shell, sqlite_world: World
) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys)
    tick_type(keys, "tr")
    add_resident(qtbot, form, keys, "B-101", "u")
    keys.press(Key.Key_B, ALT)
    narrative = "B-101 truede nattevagten med knytnæve i fællesstuen."
    keys.type(narrative)
    detail = submit(qtbot, app, form, keys)
    presses = keys.presses - len(narrative)
    print(f"simple threat: {presses} key presses besides the narrative")
    assert [c.code for c in detail.types] == ["VIO-THR"]
    assert detail.residents == ((sqlite_world.residents[0].id, "B-101", PersonRole.AGGRESSOR),)
    assert presses <= 15, presses


def test_a_field_that_denies_a_ticked_type_is_marked_beside_it_and_refused(
    qtbot: QtBot, app: Shell
) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys)
    tick_type(keys, "po")
    police = form.sections["police"]
    assert police.called.isChecked()  # type: ignore[attr-defined]
    keys.press(Key.Key_P, ALT)  # "Politiet blev tilkaldt": the user takes it back
    qtbot.waitUntil(lambda: not police.called.isChecked())  # type: ignore[attr-defined]
    beside_field = police.errors["police.called"]
    beside_types = form.types_error
    assert beside_field.isVisible() and beside_types.isVisible()
    assert beside_field.text().startswith("Modsiger «Politi tilkaldt»")
    assert beside_types.text().startswith("Modsiger «Politiet blev tilkaldt»")
    keys.press(Key.Key_B, ALT)
    keys.type("Politiet kom forbi.")
    keys.press(Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the core refuses it too
    qtbot.waitUntil(lambda: form.submit_button.isEnabled(), timeout=10_000)
    qtbot.wait(200)
    assert form.last_detail is None and form.pages.currentWidget() is form.form_page
    assert "Politi tilkaldt" in form.visible_errors()["police.called"]
    keys.press(Key.Key_P, ALT)  # ticked again: the marks go
    qtbot.waitUntil(police.called.isChecked)  # type: ignore[attr-defined]
    assert not beside_field.isVisible() and not beside_types.isVisible()
