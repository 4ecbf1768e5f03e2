"""The part of the entry form every incident has: where, when, who, and what happened in words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from safetylog.domain.records import FacilityRecord, ResidentRecord, ZoneRecord
from safetylog.domain.timeutil import local_stamp, now_minute_local, to_local
from safetylog.domain.typed_time import is_doubled_hour, is_summer_time
from ui.entry.section_base import Section
from ui.i18n import QT_TRANSLATE_NOOP, current_language, locale_for
from ui.widgets.datetime_edit import OptionalDateTimeEdit
from ui.widgets.labels import label
from ui.widgets.pseudonym_picker import ResidentPicker
from ui.widgets.time_entry import TimeEntry


def now_minute() -> datetime:
    """Now on the core's Copenhagen clock, whatever zone the PC is set to."""
    return now_minute_local()


def parse_local(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


class CommonSection(Section):
    """Facility, time (with the shift it falls in), place, residents and the narrative."""

    fields_section = "common"

    def __init__(self, reporter: str, parent: QWidget | None = None) -> None:
        super().__init__("CommonSection", parent)
        self.setObjectName("section_common")
        self.bind_title(QT_TRANSLATE_NOOP("CommonSection", "2. When, where and who"))
        self.facility = QComboBox(self)
        self.facility.setProperty("i18n_data", True)  # facility names are data
        self._field("facility_id", QT_TRANSLATE_NOOP("CommonSection", "Facility:"), self.facility,
                    QT_TRANSLATE_NOOP("CommonSection", "Facility"))
        self.start = TimeEntry(self)
        self._field("occurred_start", QT_TRANSLATE_NOOP("CommonSection", "Ti&me:"), self.start,
                    QT_TRANSLATE_NOOP("CommonSection", "When it happened"))
        self.shift = QLabel(self)
        self.shift.setObjectName("shiftLabel")
        self.form.addRow("", self.shift)
        self.end = OptionalDateTimeEdit(self)
        self._field("occurred_end", QT_TRANSLATE_NOOP("CommonSection", "E&nded:"), self.end,
                    QT_TRANSLATE_NOOP("CommonSection", "When it ended"))
        self._texts.bind(self.end.known.setText, QT_TRANSLATE_NOOP("CommonSection", "known"))
        self.zone = QComboBox(self)
        self._field("zone_id", QT_TRANSLATE_NOOP("CommonSection", "&Place:"), self.zone,
                    QT_TRANSLATE_NOOP("CommonSection", "Place on the premises"))
        self.add_described()  # staff on duty
        self.residents = ResidentPicker(self)
        self._field("residents", QT_TRANSLATE_NOOP("CommonSection", "Residents:"), self.residents,
                    QT_TRANSLATE_NOOP("CommonSection", "Residents involved"))
        self.narrative = QPlainTextEdit(self)
        self.narrative.setTabChangesFocus(True)
        self.narrative.setMinimumHeight(110)
        self._field("narrative", QT_TRANSLATE_NOOP("CommonSection", "Narrati&ve:"), self.narrative,
                    QT_TRANSLATE_NOOP("CommonSection", "What happened"))
        self._texts.bind(self.narrative.setPlaceholderText, QT_TRANSLATE_NOOP(
            "CommonSection", "What happened, what came before, what was done. Facts only; "
            "residents by pseudonym, no CPR numbers."))
        self.reporter = QLabel(self)
        self.reporter.setObjectName("reporterLabel")
        self.form.addRow("", self.reporter)
        self._reporter_name = reporter
        self._zones: list[ZoneRecord] = []
        self._texts.bind(self.start.setPlaceholderText, QT_TRANSLATE_NOOP("CommonSection", "e.g. 0240"))
        self.start.changed.connect(self._show_shift)
        self.start.changed.connect(self._end_follows_start)
        self.start.changed.connect(self.changed)
        self.end.changed.connect(self.changed)
        self.zone.currentIndexChanged.connect(self.changed)
        self.residents.changed.connect(self.changed)
        self.narrative.textChanged.connect(self.changed)
        self.start.set_value(now_minute())
        self.fill_zones([])
        self._show_labels()

    def _end_follows_start(self) -> None:
        """While the end is unknown, its (greyed) time shows the start, ready to be adjusted."""
        if not self.end.known.isChecked():
            self.end.edit.set_value(self.start.value())

    # --- lookups --------------------------------------------------------------------------

    def fill_facilities(self, facilities: list[FacilityRecord], selected: int | None) -> None:
        self.facility.blockSignals(True)
        self.facility.clear()
        for record in facilities:
            self.facility.addItem(record.name, record.id)
        index = self.facility.findData(selected) if selected is not None else 0
        self.facility.setCurrentIndex(max(index, 0))
        self.facility.setEnabled(len(facilities) > 1)
        self.facility.blockSignals(False)

    def fill_zones(self, zones: list[ZoneRecord], selected: int | None = None) -> None:
        self._zones = [z for z in zones if z.active or z.id == selected]
        self.zone.blockSignals(True)
        self.zone.clear()
        self.zone.addItem(self._texts.text(QT_TRANSLATE_NOOP("CommonSection", "– not given –")), None)
        for zone in self._zones:
            self.zone.addItem(f"{zone.name} ({label(zone.kind)})", zone.id)
        index = self.zone.findData(selected) if selected is not None else 0
        self.zone.setCurrentIndex(max(index, 0))
        self.zone.blockSignals(False)

    def fill_residents(self, residents: list[ResidentRecord]) -> None:
        self.residents.set_residents(residents)

    def facility_id(self) -> int | None:
        value = self.facility.currentData()
        return value if isinstance(value, int) else None

    # --- labels ---------------------------------------------------------------------------

    def _show_shift(self) -> None:
        """The whole moment the typed time stands for, in words, or why it stands for none."""
        problem = self.start.problem()
        if problem is not None:
            self.shift.setText(problem.text(current_language()))
            return
        moment = self.start.value()
        stamp, local = local_stamp(moment), to_local(moment)
        when = (locale_for(current_language()).dayName(local.isoweekday())
                + local.strftime(" %d-%m-%Y %H:%M"))
        if is_doubled_hour(moment):  # the autumn night: which of the two
            when += " (" + self._texts.text(
                QT_TRANSLATE_NOOP("CommonSection", "summer time") if is_summer_time(moment)
                else QT_TRANSLATE_NOOP("CommonSection", "winter time")) + ")"
        self.shift.setText(self._texts.text(QT_TRANSLATE_NOOP("CommonSection", "Shift: %1 – %2"),
                                            label(stamp.shift), when))

    def _show_labels(self) -> None:
        self._show_shift()
        self.reporter.setText(self._texts.text(
            QT_TRANSLATE_NOOP("CommonSection", "Reported by: %1"), self._reporter_name))

    def relabel(self, language: str) -> None:
        self._show_labels()
        self.fill_zones(self._zones, self.zone.currentData())

    # --- state ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        end = self.end.value()
        return {
            "facility_id": self.facility_id(),
            "occurred_start": self.start.value().isoformat(timespec="minutes"),  # UTC, unambiguous
            "occurred_end": end.isoformat(timespec="minutes") if end else None,
            "zone_id": self.zone.currentData(),
            "residents": self.residents.state(),
            "narrative": self.narrative.toPlainText(),
            **self.described_state(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        start = parse_local(state.get("occurred_start"))
        if start is not None:
            self.start.set_value(start)
        self.end.set_value(parse_local(state.get("occurred_end")), default=start)
        zone = state.get("zone_id")
        self.fill_zones(self._zones, zone if isinstance(zone, int) else None)
        self.residents.set_state(list(state.get("residents") or []))
        self.narrative.setPlainText(str(state.get("narrative") or ""))
        self.set_described_state(state)

    def collect(self, problems: dict[str, Any]) -> dict[str, Any]:
        from safetylog.domain.enums import PersonRole
        from safetylog.domain.records import InvolvedResident

        typed = self.start.problem()
        if typed is not None:
            problems["occurred_start"] = typed

        return {
            "occurred_start": self.start.value(), "occurred_end": self.end.value(),
            "zone_id": self.zone.currentData(), "narrative": self.narrative.toPlainText(),
            "residents": tuple(InvolvedResident(r["resident_id"], PersonRole(r["role"]))
                               for r in self.residents.state()),
            **self.collect_described(problems),
        }
