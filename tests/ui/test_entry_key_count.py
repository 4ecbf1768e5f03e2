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
from tests.conftest import World
from tests.ui.app_driver import Keyboard, running_app
from tests.ui.test_entry_keyboard import open_form, submit
from ui.app import Shell

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Key = Qt.Key
BOTTLE = ("B-101 truede nattevagten med en flaske i fællesstuen, B-102 så det. B-101 blev holdt kortvarigt, "
          "indtil politiet kom.")


@pytest.fixture
def app(qtbot: QtBot, sqlite_world: World) -> Iterator[Shell]:
    with running_app(qtbot, sqlite_world.services) as shell:
        yield shell


def test_the_threat_with_a_bottle_before(qtbot: QtBot, app: Shell, sqlite_world: World) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys)
    keys.type("trus")
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    keys.press(Key.Key_Right)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    keys.press(Key.Key_Tab, SHIFT)
    keys.type("magt")
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    keys.press(Key.Key_Right)
    keys.press(Key.Key_Space)
    keys.press(Key.Key_Tab, SHIFT)
    keys.type("pol")
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    print([(c.code, c.subtype) for c in form.types.choices()])
    keys.press(Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(form.common.residents.rows) == 1)
    keys.type("B-101")
    keys.press(Key.Key_Tab)
    keys.type("u")
    keys.press(Key.Key_L, ALT)
    qtbot.waitUntil(lambda: len(form.common.residents.rows) == 2)
    keys.type("B-102")
    keys.press(Key.Key_Tab)
    keys.type("v")
    keys.press(Key.Key_B, ALT)
    keys.type(BOTTLE)
    violence = form.sections["violence"]
    boxes = {(col, code): box for col, pairs in violence.boxes.items() for code, box in pairs}  # type: ignore[attr-defined]
    for wanted in [("measures", "physical_hold"), ("measures", "police")]:
        keys.tab_until(boxes[wanted])
        keys.press(Key.Key_Space)
    keys.tab_until(violence.dangerous_object)  # type: ignore[attr-defined]
    keys.press(Key.Key_Space)
    measures = form.sections["measures"]
    for m in (Measure.HOLD_124C, Measure.POLICE):
        keys.tab_until(measures.boxes[m])  # type: ignore[attr-defined]
        keys.press(Key.Key_Space)
    police = form.sections["police"]
    keys.press(Key.Key_P, ALT)
    qtbot.waitUntil(police.called.isChecked)  # type: ignore[attr-defined]
    keys.tab_until(police.arrived_at.known)  # type: ignore[attr-defined]
    keys.press(Key.Key_Space)
    detail = submit(qtbot, app, form, keys)
    print("bottle presses beyond the narrative:", keys.presses - len(BOTTLE))
    assert detail.police is not None and detail.police.called
