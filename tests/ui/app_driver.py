"""Start the real app on a test database and drive it like a user: keyboard first."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from safetylog.services.container import Services
from tests.conftest import PASSWORD
from ui.app import Shell, build_app
from ui.main_window import MainWindow
from ui.navigation import PAGES, PageSpec

# The shell's own pages: tests of the shell do not depend on the other pages' state.
SHELL_PAGES = tuple(p for p in PAGES if p.key == "new_incident")


def settle(qtbot: QtBot, shell: Shell) -> None:
    """Wait until every background job has reported back and posted events are handled."""
    qtbot.waitUntil(lambda: shell.tasks.pending == 0, timeout=10_000)
    QApplication.processEvents()


@contextmanager
def running_app(qtbot: QtBot, services: Services, language: str = "da",
                pages: tuple[PageSpec, ...] | None = SHELL_PAGES) -> Iterator[Shell]:
    _app, shell = build_app(services=services, language=language, pages=pages)
    shell.start()
    qtbot.addWidget(shell.login)
    settle(qtbot, shell)
    try:
        yield shell
    finally:
        settle(qtbot, shell)
        if shell.window is not None:
            shell.window.idle.stop()
            shell.window.close()
            settle(qtbot, shell)
            shell.window.deleteLater()
        shell.tasks.wait_all()
        shell.translations.uninstall()
        shell.deleteLater()
        QApplication.processEvents()


class Keyboard:
    """The user's keyboard: keys go where the focus is, and every key press is counted."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    @staticmethod
    def focus() -> QWidget:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        return target

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.presses += 1
        self.qtbot.keyPress(self.focus(), key, modifier)
        # The release goes where the focus is now, as the window system sends it: a shortcut may
        # have moved the focus (Ctrl+L to the lock screen) or disabled the widget that had it
        # (Ctrl+L in an incident window covers it), and then Qt drops the release unseen.
        released = QApplication.focusWidget()
        if released is not None:
            self.qtbot.keyRelease(released, key, modifier)

    def type(self, text: str) -> None:
        self.presses += len(text)
        self.qtbot.keyClicks(self.focus(), text)

    def tab_until(self, target: QWidget, limit: int = 150) -> int:
        """Press Tab until ``target`` has the focus, as a user moving through the form."""
        for count in range(limit):
            if QApplication.focusWidget() is target:
                return count
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"{target.objectName() or target} not reached with {limit} Tab presses")


def wait_out_the_delay(monkeypatch: pytest.MonkeyPatch, seconds: int = 61) -> None:
    """A wrong password earns a delay before the next attempt is checked: move the wall clock
    the throttle reads past it (``sessions.now``), as a user's second try would."""
    from datetime import timedelta

    from safetylog.domain.timeutil import utcnow
    from safetylog.services import sessions

    monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(seconds=seconds))


def log_in(qtbot: QtBot, shell: Shell, username: str, password: str = PASSWORD) -> MainWindow:
    """Type the user name and password into the login window and press Enter."""
    form = shell.login.form
    form.username.clear()
    form.password.clear()
    form.username.setFocus()
    qtbot.keyClicks(form.username, username)
    qtbot.keyClick(form.username, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.password, password)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
    settle(qtbot, shell)
    window = shell.window
    assert window is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window



def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter shortcuts of the visible labels and buttons in ``root``."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(root):
            text = widget.text().replace("&&", "")
            at = text.find("&")
            if 0 <= at < len(text) - 1:
                found.append(text[at + 1].casefold())
    return found
