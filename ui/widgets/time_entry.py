"""A time field staff type into as they say it: ``0240`` is 02:40 on the current shift's date.

The core (``safetylog.domain.typed_time``) decides which instant the text means, against the core's
Copenhagen clock; the field only keeps the last instant that made sense and the core's refusal of
what does not. Leaving the field writes the full date back (``05-03-2026 02:40``, with ``s``/``v``
on the doubled autumn hour), so what is shown always reads back as the same instant.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from safetylog.domain.problems import Problem
from safetylog.domain.timeutil import as_utc, to_local, utcnow
from safetylog.domain.typed_time import TypedTimeError, is_doubled_hour, is_summer_time, resolve_typed_time

TEXT_FORMAT = "%d-%m-%Y %H:%M"


def as_text(moment: datetime) -> str:
    """The full text of an instant; it resolves back to the same instant."""
    text = to_local(moment).strftime(TEXT_FORMAT)
    if is_doubled_hour(moment):
        text += " s" if is_summer_time(moment) else " v"
    return text


class TimeEntry(QLineEdit):
    """Typed time; ``value()`` is the instant in UTC, ``problem()`` why the text is not one."""

    changed = Signal()
    """The instant or the problem changed (also while typing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._moment = utcnow().replace(second=0, microsecond=0)
        self._problem: Problem | None = None
        self.setText(as_text(self._moment))
        self.textEdited.connect(self._resolve)
        self.editingFinished.connect(self._write_back)

    def value(self) -> datetime:
        return self._moment

    def problem(self) -> Problem | None:
        return self._problem

    def set_value(self, moment: datetime) -> None:
        """A naive ``moment`` is Copenhagen wall-clock time, as everywhere in the program."""
        self._moment = as_utc(moment).replace(second=0, microsecond=0)
        self._problem = None
        self.setText(as_text(self._moment))
        self.changed.emit()

    def _resolve(self, text: str) -> None:
        try:
            self._moment = resolve_typed_time(text, utcnow())
            self._problem = None
        except TypedTimeError as refused:
            self._problem = refused.problem
        self.changed.emit()

    def _write_back(self) -> None:
        if self._problem is None and self.text() != as_text(self._moment):
            self.setText(as_text(self._moment))
