"""Date-time input in Danish format (dd-MM-yyyy HH:mm), speaking Python datetimes.

Staff type local Copenhagen wall-clock time; the core turns naive datetimes into UTC itself.
``OptionalDateTimeEdit`` adds a check box for times that may be unknown (end, police arrival).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateTimeEdit, QHBoxLayout, QWidget

from safetylog.domain.timeutil import to_local

DISPLAY_FORMAT = "dd-MM-yyyy HH:mm"


def to_qdatetime(moment: datetime) -> QDateTime:
    local = to_local(moment) if moment.tzinfo is not None else moment
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    """A naive local datetime (minutes precision), as typed."""
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class DateTimeEdit(QDateTimeEdit):
    """Typed section by section (day, month, year, hour, minute), with a calendar on Alt+Down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setCurrentSection(QDateTimeEdit.Section.HourSection)

    def value(self) -> datetime:
        return from_qdatetime(self.dateTime())

    def set_value(self, moment: datetime) -> None:
        self.setDateTime(to_qdatetime(moment))


class OptionalDateTimeEdit(QWidget):
    """A time that may be left out: the check box says whether it is known."""

    changed = Signal()
    """The check box or the time changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(self)
        self.edit = DateTimeEdit(self)
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)
        self.setFocusProxy(self.known)

    def value(self) -> datetime | None:
        return self.edit.value() if self.known.isChecked() else None

    def set_value(self, moment: datetime | None, *, default: datetime | None = None) -> None:
        self.known.setChecked(moment is not None)
        if moment is not None:
            self.edit.set_value(moment)
        elif default is not None:
            self.edit.set_value(default)
