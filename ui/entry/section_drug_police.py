"""Drug-trade observation and police contact."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from safetylog.domain.enums import DrugActivity
from safetylog.domain.problems import Problem
from safetylog.domain.records import DrugObservation, PoliceContact
from safetylog.domain.timeutil import now_minute_local
from ui.entry.section_base import Section, parse_count
from ui.i18n import QT_TRANSLATE_NOOP
from ui.widgets.datetime_edit import OptionalDateTimeEdit
from ui.widgets.field_error import FieldError
from ui.widgets.labels import label


class DrugSection(Section):
    key = "drug"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("DrugSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("DrugSection", "Drug-trade observation"))
        grid = QGridLayout()
        self.activities: dict[DrugActivity, QCheckBox] = {}
        for index, activity in enumerate(DrugActivity):
            box = QCheckBox(label(activity), self)
            box.setObjectName(f"drug_{activity.value}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, index // 4, index % 4)
            self.activities[activity] = box
        self.form.addRow(grid)
        self.form.addRow(self.errors.add("drug.activities", FieldError(None, self)))
        self.substances = self._line("drug.substances", QT_TRANSLATE_NOOP("DrugSection", "Substanc&es:"),
                                     QT_TRANSLATE_NOOP("DrugSection", "Substances, separated by commas"))
        self.sellers_count = self._line("drug.sellers_count",
                                        QT_TRANSLATE_NOOP("DrugSection", "Number of se&llers:"),
                                        QT_TRANSLATE_NOOP("DrugSection", "Number of sellers"))
        self.sellers_description = self._line(
            "drug.sellers_description", QT_TRANSLATE_NOOP("DrugSection", "Sellers &described:"),
            QT_TRANSLATE_NOOP("DrugSection", "Description of the sellers"))
        self.buyers_count = self._line("drug.buyers_count",
                                       QT_TRANSLATE_NOOP("DrugSection", "Number of &buyers:"),
                                       QT_TRANSLATE_NOOP("DrugSection", "Number of buyers"))
        self.buyers_description = self._line(
            "drug.buyers_description", QT_TRANSLATE_NOOP("DrugSection", "Bu&yers described:"),
            QT_TRANSLATE_NOOP("DrugSection", "Description of the buyers"))
        self.vehicles = self._line("drug.vehicles", QT_TRANSLATE_NOOP("DrugSection", "Vehicles:"),
                                   QT_TRANSLATE_NOOP("DrugSection", "Vehicles seen"))
        self.money_or_quantity = self._line("drug.money_or_quantity",
                                            QT_TRANSLATE_NOOP("DrugSection", "Money or &quantity seen:"),
                                            QT_TRANSLATE_NOOP("DrugSection", "Money or quantity seen"))
        self.outsiders_on_premises = self._check(
            "drug.outsiders_on_premises", QT_TRANSLATE_NOOP("DrugSection", "Outsiders were on the premises"))

    def retranslate_activities(self) -> None:
        for activity, box in self.activities.items():
            box.setText(label(activity))

    def relabel(self, language: str) -> None:
        self.retranslate_activities()

    def state(self) -> dict[str, Any]:
        return {
            "activities": [a.value for a, box in self.activities.items() if box.isChecked()],
            "substances": self.substances.text(), "sellers_count": self.sellers_count.text(),
            "sellers_description": self.sellers_description.text(),
            "buyers_count": self.buyers_count.text(),
            "buyers_description": self.buyers_description.text(),
            "vehicles": self.vehicles.text(), "money_or_quantity": self.money_or_quantity.text(),
            "outsiders_on_premises": self.outsiders_on_premises.isChecked(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        chosen = set(state.get("activities") or [])
        for activity, box in self.activities.items():
            box.setChecked(activity.value in chosen)
        for name in ("substances", "sellers_count", "sellers_description", "buyers_count",
                     "buyers_description", "vehicles", "money_or_quantity"):
            getattr(self, name).setText(str(state.get(name) or ""))
        self.outsiders_on_premises.setChecked(bool(state.get("outsiders_on_premises")))

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        counts = {}
        for name in ("sellers_count", "buyers_count"):
            value, problem = parse_count(getattr(self, name).text())
            if problem is not None:
                problems[f"drug.{name}"] = problem
            counts[name] = value
        substances = tuple(s.strip() for s in self.substances.text().split(",") if s.strip())
        return {"drug": DrugObservation(
            activities=tuple(a for a, box in self.activities.items() if box.isChecked()),
            substances=substances, sellers_count=counts["sellers_count"],
            buyers_count=counts["buyers_count"],
            sellers_description=self.sellers_description.text(),
            buyers_description=self.buyers_description.text(), vehicles=self.vehicles.text(),
            money_or_quantity=self.money_or_quantity.text(),
            outsiders_on_premises=self.outsiders_on_premises.isChecked(),
        )}


class PoliceSection(Section):
    key = "police"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("PoliceSection", parent)
        self.bind_title(QT_TRANSLATE_NOOP("PoliceSection", "Police"))
        self.called = self._check("police.called", QT_TRANSLATE_NOOP("PoliceSection", "Police were &called"))
        self.police_initiated = self._check("police.police_initiated", QT_TRANSLATE_NOOP(
            "PoliceSection", "The police came on their own &initiative"))
        self.called_at = OptionalDateTimeEdit(self)
        self.called_at.changed.connect(self.changed)
        self._field("police.called_at", QT_TRANSLATE_NOOP("PoliceSection", "Called at:"), self.called_at,
                    QT_TRANSLATE_NOOP("PoliceSection", "Time the police were called"))
        self._texts.bind(self.called_at.known.setText, QT_TRANSLATE_NOOP("PoliceSection", "known"))
        self.arrived_at = OptionalDateTimeEdit(self)
        self.arrived_at.changed.connect(self.changed)
        self._field("police.arrived_at", QT_TRANSLATE_NOOP("PoliceSection", "W&hen the police arrived:"),
                    self.arrived_at, QT_TRANSLATE_NOOP("PoliceSection", "Time the police arrived"))
        self._texts.bind(self.arrived_at.known.setText, QT_TRANSLATE_NOOP("PoliceSection", "known"))
        self.arrests = self._line("police.arrests", QT_TRANSLATE_NOOP("PoliceSection", "Arrests:"),
                                  QT_TRANSLATE_NOOP("PoliceSection", "Number of arrests"))
        self.report_filed = self._check("police.report_filed",
                                        QT_TRANSLATE_NOOP("PoliceSection", "A police repor&t was filed"))
        self.journal_no = self._line("police.journal_no", QT_TRANSLATE_NOOP("PoliceSection", "&Journal no.:"),
                                     QT_TRANSLATE_NOOP("PoliceSection", "Police journal number"))
        self.reason = self._line("police.reason", QT_TRANSLATE_NOOP("PoliceSection", "&Reason:"),
                                 QT_TRANSLATE_NOOP("PoliceSection", "Reason for the police contact"))
        for edit in (self.called_at, self.arrived_at):
            # A label's mnemonic gives the focus only to a focusable buddy; its check box takes it.
            edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.incident_time: Callable[[], datetime] = now_minute_local
        """When the incident happened: the form sets it; the police times start from it."""
        self.called.toggled.connect(self._called_toggled)
        self.arrived_at.known.toggled.connect(self._arrived_toggled)
        for edit in (self.called_at, self.arrived_at):
            edit.set_value(None, default=self.incident_time())

    def _called_toggled(self, called: bool) -> None:
        if called and not self.called_at.known.isChecked():
            self.called_at.set_value(self.incident_time())

    def _arrived_toggled(self, known: bool) -> None:
        """Ticked as known: the arrival starts at the call (or the incident), ready to adjust."""
        if known:
            self.arrived_at.set_value(self.called_at.value() or self.incident_time())

    def state(self) -> dict[str, Any]:
        def moment(edit: OptionalDateTimeEdit) -> str | None:
            value = edit.value()
            return value.isoformat(timespec="minutes") if value else None

        return {
            "called": self.called.isChecked(), "police_initiated": self.police_initiated.isChecked(),
            "called_at": moment(self.called_at), "arrived_at": moment(self.arrived_at),
            "arrests": self.arrests.text(), "report_filed": self.report_filed.isChecked(),
            "journal_no": self.journal_no.text(), "reason": self.reason.text(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        self.called.setChecked(bool(state.get("called")))
        self.police_initiated.setChecked(bool(state.get("police_initiated")))
        for name in ("called_at", "arrived_at"):
            raw = state.get(name)
            try:
                value = datetime.fromisoformat(raw) if isinstance(raw, str) else None
            except ValueError:
                value = None
            getattr(self, name).set_value(value)
        self.arrests.setText(str(state.get("arrests") or ""))
        self.report_filed.setChecked(bool(state.get("report_filed")))
        self.journal_no.setText(str(state.get("journal_no") or ""))
        self.reason.setText(str(state.get("reason") or ""))

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        arrests, problem = parse_count(self.arrests.text())
        if problem is not None:
            problems["police.arrests"] = problem
        return {"police": PoliceContact(
            called=self.called.isChecked(), called_at=self.called_at.value(),
            arrived_at=self.arrived_at.value(), police_initiated=self.police_initiated.isChecked(),
            arrests=arrests or 0, report_filed=self.report_filed.isChecked(),
            journal_no=self.journal_no.text(), reason=self.reason.text(),
        )}
