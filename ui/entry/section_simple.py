"""Damage, and the measures taken (an ambulance among them) with debriefing offered."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from safetylog.domain.enums import Measure
from safetylog.domain.problems import Problem
from ui.entry.section_base import Section
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets.field_error import FieldError
from ui.widgets.labels import label


class DamageSection(Section):
    """What was damaged and its estimated cost: both described fields (incident_fields)."""

    key = "damage"
    # Drafts saved before the fields were described kept these names.
    LEGACY_STATE = {"description": "damage_description", "estimate": "damage_estimate_dkk"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DamageSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("DamageSection", "Damage"))
        self.add_described()

    def state(self) -> dict[str, Any]:
        return self.described_state()

    def set_state(self, state: dict[str, Any]) -> None:
        renamed = {new: state[old] for old, new in self.LEGACY_STATE.items() if old in state}
        self.set_described_state({**renamed, **state})

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        return self.collect_described(problems)


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
        self.add_described()  # debriefing offered

    def relabel(self, language: str) -> None:
        for measure, box in self.boxes.items():
            box.setText(label(measure))

    def state(self) -> dict[str, Any]:
        return {"measures": [m.value for m, box in self.boxes.items() if box.isChecked()],
                **self.described_state()}

    def set_state(self, state: dict[str, Any]) -> None:
        chosen = set(state.get("measures") or [])
        for measure, box in self.boxes.items():
            box.setChecked(measure.value in chosen)
        self.set_described_state(state)

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        measures = tuple(m for m, box in self.boxes.items() if box.isChecked())
        # "Ambulance called" is one of the measures; the core also keeps it as its own fact.
        return {"measures": measures, "ambulance_called": Measure.AMBULANCE in measures,
                **self.collect_described(problems)}
