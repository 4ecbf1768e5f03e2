"""The one-time password after an administrator's reset, shown once to be handed over in person.

It is not stored anywhere the administrator could look it up again; the user must choose their
own password at the next login.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change

CONTEXT = "OneTimePassword"


class OneTimePasswordDialog(QDialog):
    def __init__(self, display_name: str, password: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("oneTimePasswordDialog")
        self._texts = t = Retranslator(CONTEXT)
        self._name = display_name
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.password = QLabel(password, self)
        self.password.setObjectName("oneTimePassword")
        self.password.setProperty("i18n_data", True)
        self.password.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.6)
        mono.setBold(True)
        self.password.setFont(mono)
        self.password.setStyleSheet("border: 1px solid palette(mid); padding: 10px;")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        close = QPushButton(self)
        close.setDefault(True)
        t.bind(close.setText, QT_TRANSLATE_NOOP("OneTimePassword", "&Close"))
        buttons.addButton(close, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.password)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("OneTimePassword", "One-time password"))
        t.bind(self.info.setText, QT_TRANSLATE_NOOP(
            "OneTimePassword", "The new one-time password for %1:"), lambda: self._name)
        t.bind(self.note.setText, QT_TRANSLATE_NOOP(
            "OneTimePassword", "Hand it over in person. It is shown only now; at the next login "
            "the user must choose their own password."))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
