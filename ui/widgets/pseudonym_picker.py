"""Pick involved residents, each with a role (aggressor, victim, witness, ...).

Staff of the facility pick by the name they know ("Anna (H-101)"); the record stores the
resident's id, shown everywhere else by pseudonym. The identity key stays behind its own
permission.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import PersonRole
from safetylog.domain.records import ResidentRecord
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.widgets import tab_before
from ui.widgets.labels import label

CONTEXT = "ResidentPicker"


class _Row(QWidget):
    removed = Signal(object)

    def __init__(self, picker: ResidentPicker, roles: tuple[PersonRole, ...]) -> None:
        super().__init__(picker)
        self._texts = Retranslator(CONTEXT)
        self.resident = QComboBox(self)
        self.resident.setProperty("i18n_data", True)  # names and pseudonyms are data
        self.role = QComboBox(self)
        self._roles = roles
        for role in roles:
            self.role.addItem(label(role), role.value)
        self.remove = QToolButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.resident, 2)
        layout.addWidget(self.role, 1)
        layout.addWidget(self.remove)
        self.remove.clicked.connect(lambda: self.removed.emit(self))
        t = self._texts
        t.bind(self.resident.setAccessibleName, QT_TRANSLATE_NOOP("ResidentPicker", "Resident"))
        t.bind(self.role.setAccessibleName, QT_TRANSLATE_NOOP("ResidentPicker", "Role in the incident"))
        t.bind(self.remove.setText, QT_TRANSLATE_NOOP("ResidentPicker", "Remove"))
        t.bind(self.remove.setToolTip, QT_TRANSLATE_NOOP("ResidentPicker", "Remove this resident"))

    def fill(self, residents: list[ResidentRecord], selected: int | None) -> None:
        self.resident.blockSignals(True)
        self.resident.clear()
        for record in residents:
            self.resident.addItem(record.shown_name, record.id)
        if selected is not None:
            index = self.resident.findData(selected)
            if index < 0:  # a resident no longer listed (moved out): keep the draft's choice
                self.resident.addItem(f"#{selected}", selected)
                index = self.resident.count() - 1
            self.resident.setCurrentIndex(index)
        self.resident.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            for index, role in enumerate(self._roles):
                self.role.setItemText(index, label(role))
        super().changeEvent(event)


class ResidentPicker(QWidget):
    changed = Signal()
    """A resident or role was added, changed or removed."""

    def __init__(self, parent: QWidget | None = None,
                 roles: tuple[PersonRole, ...] = tuple(PersonRole)) -> None:
        super().__init__(parent)
        self._texts = Retranslator(CONTEXT)
        self._roles = roles
        self._residents: list[ResidentRecord] = []
        self.rows: list[_Row] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addResident")
        self.add_button.clicked.connect(lambda: self.add_row())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._texts.bind(self.add_button.setText, QT_TRANSLATE_NOOP("ResidentPicker", "&Add resident"))

    def set_residents(self, residents: list[ResidentRecord]) -> None:
        """The residents to choose from (the chosen facility's); keeps every row's choice."""
        self._residents = list(residents)
        for row in self.rows:
            row.fill(self._residents, row.resident.currentData())
        self.add_button.setEnabled(bool(residents) or bool(self.rows))

    def add_row(self, resident_id: int | None = None, role: str | None = None) -> _Row:
        row = _Row(self, self._roles)
        row.fill(self._residents, resident_id if isinstance(resident_id, int) else None)
        if role is not None and row.role.findData(role) >= 0:
            row.role.setCurrentIndex(row.role.findData(role))
        else:
            row.role.setCurrentIndex(max(0, row.role.findData(PersonRole.INVOLVED.value)))
        row.resident.currentIndexChanged.connect(self.changed)
        row.role.currentIndexChanged.connect(self.changed)
        row.removed.connect(self._remove)
        self._rows_box.addWidget(row)
        row.show()  # now, not on the next event loop turn, so the focus can go there at once
        tab_before(row, self.add_button)
        self.rows.append(row)
        if resident_id is None and role is None:
            row.resident.setFocus()
            self.changed.emit()
        return row

    def _remove(self, row: _Row) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.add_button.setFocus()
        self.changed.emit()

    def state(self) -> list[dict[str, Any]]:
        return [{"resident_id": r.resident.currentData(), "role": r.role.currentData()}
                for r in self.rows if r.resident.currentData() is not None]

    def set_state(self, state: list[dict[str, Any]]) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            row.deleteLater()
        for item in state:
            if isinstance(item, dict):
                self.add_row(item.get("resident_id"), item.get("role"))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
