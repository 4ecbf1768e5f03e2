"""Logging incidents with the keyboard alone, through the real main window and services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Severity
from tests.conftest import World
from tests.ui.app_driver import key, log_in, running_app, settle, type_here
from ui.entry.form import IncidentForm

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_a_threat_is_logged_with_a_handful_of_keystrokes(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        key(qtbot, Qt.Key.Key_N, CTRL)
        settle(qtbot, shell)
        form = window.page("new_incident")
        assert isinstance(form, IncidentForm)
        assert QApplication.focusWidget() is form.types.filter
        type_here(qtbot, "trus")
        key(qtbot, Qt.Key.Key_Down)
        key(qtbot, Qt.Key.Key_Space)
        assert [c.code for c in form.types.choices()] == ["VIO-THR"]
        key(qtbot, Qt.Key.Key_B, ALT)
        assert QApplication.focusWidget() is form.common.narrative
        type_here(qtbot, "B-101 truede personalet i fællesstuen.")
        key(qtbot, Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: form.last_detail is not None, timeout=10_000)
        settle(qtbot, shell)
        assert form.last_detail is not None
        assert form.last_detail.severity is Severity.S2
        assert form.pages.currentWidget() is form.result
        assert "S2" in form.result.severity.text()
