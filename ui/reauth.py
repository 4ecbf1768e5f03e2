"""What the task runner does when a call concerns the login rather than the call itself.

``ReauthenticationRequired`` (identity look-ups, disclosures, exports with a password older than
five minutes): one small modal asks for the password, and every call that was waiting for it runs
once more. ``SessionEnded`` (ended, expired, or the user deactivated): ``ended`` fires once, and
the shell returns to the login.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError

CONTEXT = "ReauthDialog"


class ReauthDialog(QDialog):
    """Your password again; OK checks it, Cancel gives the waiting calls up."""

    confirmed = Signal()

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reauthDialog")
        self.setModal(True)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("reauthPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.error = FieldError(self.password, self)
        self.ok_button = QPushButton(self)
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("ReauthDialog", "SafetyLog – confirm it is you"))
        t.bind(self.info.setText, QT_TRANSLATE_NOOP(
            "ReauthDialog", "This shows or sends personal data. Type your password again to go on."))
        t.bind(self.password.setAccessibleName, QT_TRANSLATE_NOOP("ReauthDialog", "Password"))
        t.bind(self.ok_button.setText, QT_TRANSLATE_NOOP("ReauthDialog", "&Confirm"))
        self.password.setFocus()

    def submit(self) -> None:
        if not self.password.text():
            return
        actor, auth, password = self.ctx.require_actor(), self.ctx.services.auth, self.password.text()
        self.ok_button.setEnabled(False)
        self.error.clear_message()
        Op(self, lambda: auth.reauthenticate(actor, password)).success(self._done).failure(
            self._failed).unguarded().run(self.tasks, self.ctx)


    def _done(self, _none: object) -> None:
        self.ok_button.setEnabled(True)
        self.accept()
        self.confirmed.emit()

    def _failed(self, error: BaseException) -> None:
        from safetylog.domain.errors import AccountLocked, SessionEnded
        from ui.login import login_error_text

        self.ok_button.setEnabled(True)
        self.password.clear()
        if isinstance(error, (SessionEnded, AccountLocked)):  # a lock-out also ends the session
            self.done(QDialog.DialogCode.Rejected)
            guard = self.tasks.guard
            if guard is not None:
                guard.session_ended(error)
            return
        text = login_error_text(error)
        self.error.show_message(text or self._texts.text(
            QT_TRANSLATE_NOOP("ReauthDialog", "Wrong password. Try again.")))
        self.adjustSize()
        self.password.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)


class SessionGuard(QObject):
    """The task runner's ``AuthGuard`` while someone is logged in."""

    ended = Signal(str)
    """The login is gone; the Danish (or English) sentence why."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner,
                 parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__(tasks)
        self.ctx, self.tasks, self._parent_window = ctx, tasks, parent_window
        self.dialog: ReauthDialog | None = None
        self._waiting: list[tuple[Callable[[], None], Callable[[], None]]] = []

    def reauthenticate(self, retry: Callable[[], None], give_up: Callable[[], None]) -> None:
        self._waiting.append((retry, give_up))
        if self.dialog is not None:
            return  # one prompt for every call that needs it
        self.dialog = ReauthDialog(self.ctx, self.tasks, self._parent_window())
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, result: int) -> None:
        waiting, self._waiting = self._waiting, []
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        for retry, give_up in waiting:
            (retry if result == QDialog.DialogCode.Accepted else give_up)()

    def session_ended(self, error: BaseException) -> None:
        if self.ctx.actor is None:
            return  # already back at the login (several calls fail at once)
        from ui.login import session_ended_text

        if self.dialog is not None:
            self._waiting = []
            self.dialog.done(QDialog.DialogCode.Rejected)
        self.ended.emit(session_ended_text(error))
