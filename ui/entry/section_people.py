"""Injuries (who, how badly, where on the body, first day of absence) and outside persons.

Outside persons are only described, never linked to a resident record. An injured staff member
is the reporter: night staff may not list other users, and the work-injury duty follows the
injured person, so a colleague's injury is logged by that colleague.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import InjuredPartyKind, InjuryLevel, PersonRole
from safetylog.domain.problems import Problem
from safetylog.domain.records import Injury, OutsidePerson, ResidentRecord
from safetylog.domain.timeutil import today_local
from ui.entry.section_base import Section, parse_count
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.widgets import tab_before
from ui.widgets.field_error import FieldError
from ui.widgets.labels import label


def _enum_combo(parent: QWidget, values: tuple[Any, ...]) -> QComboBox:
    combo = QComboBox(parent)
    for value in values:
        combo.addItem(label(value), value.value)
    return combo


def _relabel(combo: QComboBox, values: tuple[Any, ...]) -> None:
    for index, value in enumerate(values):
        combo.setItemText(index, label(value))


class _Row(QWidget):
    """One of a section's repeated rows; ``state()`` is what a draft keeps of it."""

    def state(self) -> dict[str, Any]:
        raise NotImplementedError


class _RowsSection(Section):
    """A section of repeated rows with an Add button; its state is the rows' states."""

    row_added = Signal(object)

    def __init__(self, context: str, add_source: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.rows: list[_Row] = []
        self._rows_box = QVBoxLayout()
        self.layout().addLayout(self._rows_box)  # type: ignore[union-attr]
        self.add_button = QPushButton(self)
        self._texts.bind(self.add_button.setText, add_source)
        self.add_button.clicked.connect(lambda: self.add_row({}, focus=True))
        self.error = self.errors.add(self.key, FieldError(self.add_button, self))
        self.layout().addWidget(self.error)  # type: ignore[union-attr]
        line = QHBoxLayout()
        line.addWidget(self.add_button)
        line.addStretch(1)
        self.layout().addLayout(line)  # type: ignore[union-attr]

    def make_row(self, state: dict[str, Any]) -> _Row:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        return {"rows": [row.state() for row in self.rows]}

    def set_state(self, state: dict[str, Any]) -> None:
        self.clear_rows()
        for row in state.get("rows") or []:
            if isinstance(row, dict):
                self.add_row(row)

    def add_row(self, state: dict[str, Any], *, focus: bool = False) -> _Row:
        row = self.make_row(state)
        remove = row.findChild(QToolButton, "removeRow")
        assert remove is not None, "every row has its own Remove button"
        remove.clicked.connect(lambda: self._remove(row))
        self._rows_box.addWidget(row)
        row.show()  # now, not on the next event loop turn, so the focus can go there at once
        tab_before(row, self.add_button)
        self.rows.append(row)
        if focus:
            first = next((w for w in row.findChildren(QWidget)
                          if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(row)), None)
            if first is not None:
                first.setFocus()
            self.changed.emit()
        return row

    def _remove(self, row: _Row) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.add_button.setFocus()
        self.changed.emit()

    def clear_rows(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.deleteLater()


def _remove_button(row: QWidget, texts: Retranslator) -> QToolButton:
    """The row's own Remove button, translated with the row (the row may be deleted before the section)."""
    button = QToolButton(row)
    button.setObjectName("removeRow")
    texts.bind(button.setText, QT_TRANSLATE_NOOP("EntryRows", "Remove"))
    return button


class _InjuryRow(_Row):
    def __init__(self, section: InjuriesSection, state: dict[str, Any]) -> None:
        super().__init__(section)
        self._texts = Retranslator("EntryRows")
        self.party = _enum_combo(self, tuple(InjuredPartyKind))
        self.resident = QComboBox(self)
        self.resident.setProperty("i18n_data", True)
        for record in section.residents:
            self.resident.addItem(record.shown_name, record.id)  # "Anna (H-101)" for staff
        self.level = _enum_combo(self, tuple(InjuryLevel))
        self.body_part = QLineEdit(self)
        self.absent = QCheckBox(self)
        self.absence_day = QDateEdit(self)
        self.absence_day.setDisplayFormat("dd-MM-yyyy")
        today = today_local()  # the Copenhagen date, not the PC's
        self.absence_day.setDate(QDate(today.year, today.month, today.day).addDays(1))
        self.absence_day.setEnabled(False)
        self.absent.toggled.connect(self.absence_day.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.party, self.resident, self.level, self.body_part, self.absent,
                       self.absence_day, _remove_button(self, self._texts)):
            layout.addWidget(widget)
        self.party.currentIndexChanged.connect(self._party_changed)
        for signal in (self.party.currentIndexChanged, self.resident.currentIndexChanged,
                       self.level.currentIndexChanged, self.body_part.textChanged,
                       self.absent.toggled, self.absence_day.dateChanged):
            signal.connect(section.changed)
        t = self._texts
        t.bind(self.party.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Who was injured"))
        t.bind(self.resident.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Injured resident"))
        t.bind(self.level.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Injury level"))
        t.bind(self.body_part.setPlaceholderText, QT_TRANSLATE_NOOP("EntryRows", "Body part"))
        t.bind(self.body_part.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Body part"))
        t.bind(self.absent.setText, QT_TRANSLATE_NOOP("EntryRows", "Absent from"))
        t.bind(self.absence_day.setAccessibleName,
               QT_TRANSLATE_NOOP("EntryRows", "First day of absence"))
        self._load(state)

    def _load(self, state: dict[str, Any]) -> None:
        for combo, key in ((self.party, "party"), (self.level, "level"), (self.resident, "resident_id")):
            index = combo.findData(state.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        if not state:  # a new row: the reporter is most often the injured one at night
            self.party.setCurrentIndex(self.party.findData(InjuredPartyKind.STAFF.value))
            self.level.setCurrentIndex(self.level.findData(InjuryLevel.PAIN_SHORT.value))
        self.body_part.setText(str(state.get("body_part") or ""))
        raw = state.get("first_absence_day")
        if isinstance(raw, str):
            day = QDate.fromString(raw, "yyyy-MM-dd")
            if day.isValid():
                self.absence_day.setDate(day)
                self.absent.setChecked(True)
        self._party_changed()

    def _party_changed(self) -> None:
        self.resident.setVisible(self.party.currentData() == InjuredPartyKind.RESIDENT.value)

    def state(self) -> dict[str, Any]:
        return {
            "party": self.party.currentData(), "resident_id": self.resident.currentData(),
            "level": self.level.currentData(), "body_part": self.body_part.text(),
            "first_absence_day": self.absence_day.date().toString("yyyy-MM-dd")
            if self.absent.isChecked() else None,
        }

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            _relabel(self.party, tuple(InjuredPartyKind))
            _relabel(self.level, tuple(InjuryLevel))
        super().changeEvent(event)


class InjuriesSection(_RowsSection):
    key = "injuries"

    def __init__(self, reporter_id: int, parent: QWidget | None = None) -> None:
        super().__init__("InjuriesSection", QT_TRANSLATE_NOOP("InjuriesSection", "Add injur&y"), parent)
        self.bind_title(QT_TRANSLATE_NOOP("InjuriesSection", "Injuries"))
        self.reporter_id = reporter_id
        self.residents: list[ResidentRecord] = []

    def make_row(self, state: dict[str, Any]) -> _Row:
        return _InjuryRow(self, state)

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        injuries = []
        for row in self.rows:
            assert isinstance(row, _InjuryRow)
            data = row.state()
            party = InjuredPartyKind(data["party"])
            day = data["first_absence_day"]
            injuries.append(Injury(
                party=party, level=InjuryLevel(data["level"]),
                resident_id=data["resident_id"] if party is InjuredPartyKind.RESIDENT else None,
                user_id=self.reporter_id if party is InjuredPartyKind.STAFF else None,
                body_part=data["body_part"],
                first_absence_day=date.fromisoformat(day) if day else None,
            ))
        return {"injuries": tuple(injuries)}


class _OutsiderRow(_Row):
    def __init__(self, section: OutsidersSection, state: dict[str, Any]) -> None:
        super().__init__(section)
        self._texts = Retranslator("EntryRows")
        self.description = QLineEdit(self)
        self.role = _enum_combo(self, tuple(PersonRole))
        self.count = QLineEdit(self)
        self.count.setMaximumWidth(60)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.description, 3)
        layout.addWidget(self.role, 1)
        layout.addWidget(self.count)
        layout.addWidget(_remove_button(self, self._texts))
        self.description.setText(str(state.get("description") or ""))
        index = self.role.findData(state.get("role") or PersonRole.INVOLVED.value)
        self.role.setCurrentIndex(max(index, 0))
        self.count.setText(str(state.get("count") or "1"))
        for signal in (self.description.textChanged, self.role.currentIndexChanged,
                       self.count.textChanged):
            signal.connect(section.changed)
        t = self._texts
        t.bind(self.description.setPlaceholderText, QT_TRANSLATE_NOOP(
            "EntryRows", "Description (no names), e.g. man about 30, dark jacket"))
        t.bind(self.description.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Description"))
        t.bind(self.role.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Role"))
        t.bind(self.count.setAccessibleName, QT_TRANSLATE_NOOP("EntryRows", "Number of persons"))
        t.bind(self.count.setToolTip, QT_TRANSLATE_NOOP("EntryRows", "Number of persons"))

    def state(self) -> dict[str, Any]:
        return {"description": self.description.text(), "role": self.role.currentData(),
                "count": self.count.text()}

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            _relabel(self.role, tuple(PersonRole))
        super().changeEvent(event)


class OutsidersSection(_RowsSection):
    key = "outsiders"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("OutsidersSection", QT_TRANSLATE_NOOP("OutsidersSection", "Add &outside person"),
                         parent)
        self.bind_title(QT_TRANSLATE_NOOP("OutsidersSection", "Outside persons"))

    def make_row(self, state: dict[str, Any]) -> _Row:
        return _OutsiderRow(self, state)

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        people = []
        for row in self.rows:
            assert isinstance(row, _OutsiderRow)
            count, problem = parse_count(row.count.text())
            if problem is not None:
                problems["outsiders"] = problem
            people.append(OutsidePerson(row.description.text(), PersonRole(row.role.currentData()),
                                        count if count is not None else 1))
        return {"outsiders": tuple(people)}
