"""Discarding the form asks first, and can be undone ("Fortryd") until the form is closed.

The discarded form is kept in memory only, by the form that showed it: a discard removes the
draft from the database as the user asked, and an undo brings every field back and saves it as a
draft again. Undoing while a new incident has been started swaps the two, so neither is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator

CONTEXT = "FormDiscard"


class FormDiscard(QObject):
    """The ask-then-discard of one form, and its undo."""

    undo_available = Signal(bool)

    def __init__(self, form: QWidget, snapshot: Callable[[], dict[str, Any]],
                 has_work: Callable[[], bool], throw_away: Callable[[], None],
                 restore: Callable[[dict[str, Any]], None]) -> None:
        super().__init__(form)
        self._form = form
        self._snapshot = snapshot
        self._has_work = has_work
        self._throw_away = throw_away
        self._restore = restore
        self._texts = Retranslator(CONTEXT)
        self.discarded: dict[str, Any] | None = None
        self.question: QMessageBox | None = None
        self.undo_button = QPushButton(form)
        self.undo_button.setObjectName("undoDiscardButton")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo)
        self._texts.bind(self.undo_button.setText, QT_TRANSLATE_NOOP(CONTEXT, "Undo discard"))
        self._texts.bind(self.undo_button.setToolTip, QT_TRANSLATE_NOOP(
            CONTEXT, "Brings back the discarded form, as long as this window is open"))

    def ask(self) -> None:
        """A question first: "Discard" is never the default, so Enter or Esc keeps the form."""
        t = self._texts
        box = QMessageBox(QMessageBox.Icon.Question, t.text(QT_TRANSLATE_NOOP(CONTEXT, "Discard the form?")),
                          t.text(QT_TRANSLATE_NOOP(
                              CONTEXT, "Everything typed in this form is removed, also its saved "
                                       "draft. You can undo it until the window is closed.")),
                          QMessageBox.StandardButton.NoButton, self._form)
        box.setObjectName("discardQuestion")
        discard = box.addButton(t.text(QT_TRANSLATE_NOOP(CONTEXT, "&Discard")),
                                QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(t.text(QT_TRANSLATE_NOOP(CONTEXT, "&Keep the form")),
                             QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.finished.connect(lambda _result: self._answered(box.clickedButton() is discard))
        self.question = box
        box.open()

    def _answered(self, discard: bool) -> None:
        if self.question is not None:
            self.question.deleteLater()
            self.question = None
        if discard:
            self.discard_now()

    def discard_now(self) -> None:
        self.discarded = self._snapshot()
        self._throw_away()
        self._show_undo()

    def undo(self) -> None:
        previous = self.discarded
        if previous is None:
            return
        # A new incident begun meanwhile is discarded in its turn, and can be brought back too.
        self.discarded = self._snapshot() if self._has_work() else None
        if self.discarded is not None:
            self._throw_away()
        self._restore(previous)
        self._show_undo()

    def _show_undo(self) -> None:
        self.undo_button.setVisible(self.discarded is not None)
        self.undo_available.emit(self.discarded is not None)
