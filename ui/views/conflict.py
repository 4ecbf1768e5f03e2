"""Beside a form: someone else saved the record first. The form keeps what the user typed (it is
not reloaded behind their back); the notice says why nothing was saved and offers a reload.

The same words as the incident view's (``error_text``), so a conflict reads alike everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from safetylog.domain.errors import ConflictError
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.views.common import CONTEXT, error_text


class ConflictNotice(QWidget):
    """Hidden until ``show_error`` is given a ``ConflictError``."""

    reload_requested = Signal()
    """The user asked for the record as it is stored now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = t = Retranslator(CONTEXT)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #b00020;")
        self.reload_button = QPushButton(self)
        t.bind(self.reload_button.setText, QT_TRANSLATE_NOOP("Views", "&Reload"))
        self.reload_button.clicked.connect(self._reload)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.reload_button)
        self.hide()

    def show_error(self, error: BaseException, language: str) -> bool:
        """Shows the notice when ``error`` is a conflict (returns True); otherwise hides it."""
        if not isinstance(error, ConflictError):
            self.hide()
            return False
        self.text.setText(error_text(error, language))
        self.show()
        return True

    def _reload(self) -> None:
        self.hide()
        self.reload_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            if self.isVisible():
                self.text.setText(error_text(ConflictError(""), ""))
        super().changeEvent(event)
