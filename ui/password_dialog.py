"""Change your own password: the current one, the new one twice; the core's policy message
beside the field it concerns. Forced (no way round it but logging out) after an administrator's
reset, when the actor says ``must_change_password``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.errors import ValidationError
from safetylog.domain.records import Actor
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.views.common import error_text
from ui.views.forms import FormRows

CONTEXT = "ChangePasswordDialog"


class ChangePasswordDialog(QDialog):
    changed = Signal(object)
    """The Actor after the change (the must-change mark cleared)."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, *, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.setModal(True)
        self.ctx, self.tasks, self.forced = ctx, tasks, forced
        self._texts = t = Retranslator(CONTEXT)
        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self)
        intro.setWordWrap(True)
        self.form = f = FormRows(t, self)
        self.old = f.row("old_password", QT_TRANSLATE_NOOP("ChangePasswordDialog", "&Current password"),
                         self._secret())
        self.new = f.row("new_password", QT_TRANSLATE_NOOP("ChangePasswordDialog", "&New password"),
                         self._secret())
        self.repeat = f.row("repeat", QT_TRANSLATE_NOOP("ChangePasswordDialog", "New password &again"),
                            self._secret())
        self.general = QLabel(self)
        self.general.setObjectName("passwordGeneralError")
        self.general.setStyleSheet("color: #b00020;")
        self.general.setWordWrap(True)
        self.general.setProperty("i18n_data", True)
        self.general.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePassword")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(f.layout)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.setMaximumWidth(720)

        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("ChangePasswordDialog", "SafetyLog – change password"))
        if forced:
            t.bind(title.setText, QT_TRANSLATE_NOOP("ChangePasswordDialog", "Choose a new password"))
            t.bind(intro.setText, QT_TRANSLATE_NOOP(
                "ChangePasswordDialog", "Your password was reset by an administrator. Type the "
                "one-time password you were given, then choose your own. Cancel logs you out."))
        else:
            t.bind(title.setText, QT_TRANSLATE_NOOP("ChangePasswordDialog", "Change password"))
            t.bind(intro.setText, QT_TRANSLATE_NOOP(
                "ChangePasswordDialog", "At least 12 characters. A few random words are easy to "
                "remember and hard to guess."))
        t.bind(self.save_button.setText, QT_TRANSLATE_NOOP("ChangePasswordDialog", "&Save password"))
        for edit in (self.old, self.new, self.repeat):
            edit.returnPressed.connect(self.submit)
        self.old.setFocus()

    def _secret(self) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def submit(self) -> None:
        self.form.errors.clear()
        self.general.hide()
        if self.new.text() != self.repeat.text():
            self.form.errors["repeat"].show_message(self._texts.text(QT_TRANSLATE_NOOP(
                "ChangePasswordDialog", "The two new passwords are not the same.")))
            self.repeat.setFocus()
            self.adjustSize()
            return
        actor, auth = self.ctx.require_actor(), self.ctx.services.auth
        old, new = self.old.text(), self.new.text()
        self.save_button.setEnabled(False)
        Op(self, lambda: auth.change_password(actor, old, new)).success(self._done).failure(
            self._failed).run(self.tasks, self.ctx)


    def _done(self, actor: Actor) -> None:
        self.save_button.setEnabled(True)
        if isinstance(actor, Actor):
            self.ctx.actor = actor
        self.changed.emit(self.ctx.actor)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            rest = self.form.errors.show(error.messages(self.ctx.language))
            if rest:
                self.general.setText(" ".join(rest.values()))
                self.general.show()
            first = self.form.errors.first_with_message()
            if first is not None and first.buddy_widget is not None:
                first.buddy_widget.setFocus()
            if self.form.errors["old_password"].text():
                self.old.clear()
            self.adjustSize()  # grow to show the message rather than squeeze the fields
            return
        from safetylog.domain.errors import AuthenticationError
        from ui.login import login_error_text

        text = ((login_error_text(error) if isinstance(error, AuthenticationError) else None)
                or error_text(error, self.ctx.language))
        self.general.setText(text)
        self.general.show()
        self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
