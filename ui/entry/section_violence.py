"""Violence: the five aggression columns (SOAS-R when a licensed file is installed), weapon flags.

The options come from the installed instrument when there is one, else from SafetyLog's own
unweighted columns; their labels are data in both languages, not Qt translations.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QVBoxLayout, QWidget

from safetylog.classification.soas import SoasColumn
from safetylog.classification.soas_columns import entry_columns as soas_entry_columns
from safetylog.domain.problems import Problem
from safetylog.domain.records import ViolenceDetail
from safetylog.services.instruments import installed_soas
from ui.entry.section_base import Section
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets.field_error import FieldError


def entry_columns() -> tuple[SoasColumn, ...]:
    """The installed instrument's columns, else SafetyLog's own (a refused file counts as none)."""
    return soas_entry_columns(installed_soas())


class ViolenceSection(Section):
    key = "violence"

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__("ViolenceSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("ViolenceSection", "Aggression (five columns)"))
        self.columns = entry_columns()
        self.boxes: dict[str, list[tuple[str, QCheckBox]]] = {}
        self._column_boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        for index, column in enumerate(self.columns):
            group = QGroupBox(self)
            group.setObjectName(f"violence_{column.key}")
            group.setProperty("i18n_data", True)  # instrument labels are data in both languages
            inner = QVBoxLayout(group)
            inner.setSpacing(2)
            boxes = []
            for option in column.options:
                box = QCheckBox(group)
                box.setObjectName(f"violence_{column.key}_{option.code}")
                box.setProperty("i18n_data", True)
                box.toggled.connect(self.changed)
                inner.addWidget(box)
                boxes.append((option.code, box))
            error = self.errors.add(f"violence.{column.key}", FieldError(group, group))
            inner.addWidget(error)
            inner.addStretch(1)
            self.boxes[column.key] = boxes
            self._column_boxes[column.key] = group
            # Two abreast: three of the longer option lists side by side need more than a
            # 1024-pixel screen gives the form beside the navigation.
            grid.addWidget(group, index // 2, index % 2)
        self.form.addRow(grid)
        self.weapon = self._check("weapon", QT_TRANSLATE_NOOP("ViolenceSection", "A weap&on was used"))
        self.dangerous_object = self._check(
            "dangerous_object", QT_TRANSLATE_NOOP("ViolenceSection", "A &dangerous object was used"))
        self.relabel(language)

    def relabel(self, language: str) -> None:
        for column in self.columns:
            group = self._column_boxes[column.key]
            group.setTitle(column.label_da if language == "da" else column.label_en)
            group.setAccessibleName(group.title())
            for (code, box) in self.boxes[column.key]:
                option = column.option(code)
                if option is not None:
                    box.setText(option.label_da if language == "da" else option.label_en)

    def ticked(self, column: str) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.get(column, []) if box.isChecked())

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = {key: list(self.ticked(key)) for key in self.boxes}
        result["weapon"] = self.weapon.isChecked()
        result["dangerous_object"] = self.dangerous_object.isChecked()
        return result

    def set_state(self, state: dict[str, Any]) -> None:
        for key, boxes in self.boxes.items():
            chosen = set(state.get(key) or [])
            for code, box in boxes:
                box.setChecked(code in chosen)
        self.weapon.setChecked(bool(state.get("weapon")))
        self.dangerous_object.setChecked(bool(state.get("dangerous_object")))

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        detail = ViolenceDetail(
            provocation=self.ticked("provocation"), means=self.ticked("means"),
            target=self.ticked("target"), consequence=self.ticked("consequence"),
            measures=self.ticked("measures"), weapon=self.weapon.isChecked(),
            dangerous_object=self.dangerous_object.isChecked(),
        )
        return {"violence": detail}
