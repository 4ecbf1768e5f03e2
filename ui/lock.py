"""The idle lock: after N minutes without keyboard or mouse input the window hides its content.

The lock screen sits in front of the workspace; nothing behind it is touched, so an open form
keeps every character. The same user, or another one, unlocks with their own password.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.login import LoginForm

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    """Watches every input event of the application and fires once after the idle time."""

    timed_out = Signal()
    """No input for the idle time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.timed_out)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(1, minutes) * 60_000)

    def set_interval_ms(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart: the user is there
        return False


class LockScreen(QWidget):
    """Shown instead of the workspace while locked."""

    unlock_requested = Signal(str, str)
    """(user name, password) typed to unlock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._texts = Retranslator("LockScreen")
        self._locked_by = ""
        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.form = LoginForm(self)
        self.form.submitted.connect(self.unlock_requested)

        box = QWidget(self)
        box.setFixedWidth(480)  # a fixed width lets the wrapped text take the height it needs
        inner = QVBoxLayout(box)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(self.info)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self._texts.bind(title.setText, QT_TRANSLATE_NOOP("LockScreen", "SafetyLog is locked"))

    def show_locked(self, display_name: str, username: str) -> None:
        self._locked_by = display_name
        self._show_info()
        self.form.reset(username)

    def _show_info(self) -> None:
        self.info.setText(self._texts.text(QT_TRANSLATE_NOOP(
            "LockScreen", "Locked while %1 was logged in. Unsaved input is kept. "
            "Log in as the same or another user to go on."), self._locked_by))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._show_info()
        super().changeEvent(event)


class Curtains:
    """Covers the app's other open windows (dialogs) while locked, without closing them.

    Hiding a dialog would end its ``exec()`` as if cancelled and lose what was typed in it, so it
    stays open, disabled, behind an opaque cover with the lock notice.
    """

    def __init__(self) -> None:
        self._covers: list[tuple[QWidget, QLabel]] = []
        self._texts = Retranslator("LockScreen")

    def cover(self, main: QWidget) -> None:
        for window in QApplication.topLevelWidgets():
            if window is main or not window.isVisible() or not window.isWindow():
                continue
            cover = QLabel(window)
            cover.setObjectName("lockCurtain")
            cover.setAutoFillBackground(True)
            cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cover.setWordWrap(True)
            cover.setText(self._texts.text(QT_TRANSLATE_NOOP(
                "LockScreen", "SafetyLog is locked. Unlock in the main window.")))
            cover.setGeometry(window.rect())
            cover.raise_()
            cover.show()
            window.setEnabled(False)
            self._covers.append((window, cover))

    @property
    def covered(self) -> list[QWidget]:
        return [window for window, _cover in self._covers]

    def lift(self) -> None:
        """The same user is back: every window as it was."""
        for window, cover in self._covers:
            cover.deleteLater()
            window.setEnabled(True)
        self._covers = []

    def close_all(self) -> None:
        """Another user unlocked: the previous user's dialogs are closed, as cancelled."""
        for window, cover in self._covers:
            cover.deleteLater()
            window.setEnabled(True)
            window.close()
        self._covers = []
