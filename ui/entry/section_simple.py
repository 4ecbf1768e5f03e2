"""Damage, and the measures taken (an ambulance among them) with debriefing offered."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from safetylog.domain.enums import Measure
from safetylog.domain.problems import Problem
from ui.entry.section_base import Section, parse_count
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets.field_error import FieldError
from ui.widgets.labels import label


class DamageSection(Section):
    key = "damage"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DamageSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("DamageSection", "Damage"))
        self.description = self._text("damage_description", QT_TRANSLATE_NOOP("DamageSection", "&What:"),
                                      QT_TRANSLATE_NOOP("DamageSection", "What was damaged"), lines=2)
        self.estimate = self._line("damage_estimate_dkk",
                                   QT_TRANSLATE_NOOP("DamageSection", "Estimated &cost (kr.):"),
                                   QT_TRANSLATE_NOOP("DamageSection", "Estimated cost in kroner"))

    def state(self) -> dict[str, Any]:
        return {"description": self.description.toPlainText(), "estimate": self.estimate.text()}

    def set_state(self, state: dict[str, Any]) -> None:
        self.description.setPlainText(str(state.get("description") or ""))
        self.estimate.setText(str(state.get("estimate") or ""))

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        estimate, problem = parse_count(self.estimate.text())
        if problem is not None:
            problems["damage_estimate_dkk"] = problem
        return {"damage_description": self.description.toPlainText(), "damage_estimate_dkk": estimate}


class MeasuresSection(Section):
    key = "measures"
    CHOICES = tuple(m for m in Measure if m is not Measure.NONE)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("MeasuresSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("MeasuresSection", "Measures taken"))
        grid = QGridLayout()
        self.boxes: dict[Measure, QCheckBox] = {}
        for index, measure in enumerate(self.CHOICES):
            box = QCheckBox(label(measure), self)
            box.setObjectName(f"measure_{measure.value}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, index // 2, index % 2)  # three side by side overflow 1024 px
            self.boxes[measure] = box
        self.form.addRow(grid)
        self.form.addRow(self.errors.add("measures", FieldError(None, self)))
        self.debrief = self._check("debrief_offered",
                                   QT_TRANSLATE_NOOP("MeasuresSection", "&Debriefing was offered to staff"))

    def relabel(self, language: str) -> None:
        for measure, box in self.boxes.items():
            box.setText(label(measure))

    def state(self) -> dict[str, Any]:
        return {"measures": [m.value for m, box in self.boxes.items() if box.isChecked()],
                "debrief_offered": self.debrief.isChecked()}

    def set_state(self, state: dict[str, Any]) -> None:
        chosen = set(state.get("measures") or [])
        for measure, box in self.boxes.items():
            box.setChecked(measure.value in chosen)
        self.debrief.setChecked(bool(state.get("debrief_offered")))

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        measures = tuple(m for m, box in self.boxes.items() if box.isChecked())
        # "Ambulance called" is one of the measures; the core also keeps it as its own fact.
        return {"measures": measures, "ambulance_called": Measure.AMBULANCE in measures,
                "debrief_offered": self.debrief.isChecked()}
