"""The incident list's filter bar: period, facility, type, severity, status, resident, place,
shift and the free-text search. It says ``changed`` when the filter should be asked again: at
once for a choice, and a moment after the last keystroke for the search.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import IncidentStatus, Severity, Shift
from safetylog.domain.records import FacilityRecord, IncidentFilter, ResidentRecord, ZoneRecord
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import today_local
from safetylog.summaries.periods import last_days, rolling_period
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, translate
from ui.models.incident_table import status_label
from ui.views.common import QT_DATE_FORMAT, ValueCombo, from_qdate, to_qdate
from ui.views.forms import caption_for
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.labels import label

CONTEXT = "IncidentList"
SEARCH_DELAY_MS = 250  # long enough to skip the keystrokes in between, short enough to feel live

PERIODS = ("all", "30d", "12m", "year", "custom")
PERIOD_LABELS = {
    "all": QT_TRANSLATE_NOOP("IncidentList", "All time"),
    "30d": QT_TRANSLATE_NOOP("IncidentList", "Last 30 days"),
    "12m": QT_TRANSLATE_NOOP("IncidentList", "Last 12 months"),
    "year": QT_TRANSLATE_NOOP("IncidentList", "This year"),
    "custom": QT_TRANSLATE_NOOP("IncidentList", "Chosen dates"),
}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class IncidentFilterBar(QWidget):
    changed = Signal()
    """The filter differs from before: ask the database again."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: list[FacilityRecord] = []
        self.residents: list[ResidentRecord] = []
        self.zones: list[ZoneRecord] = []
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.changed)
        self.period_box, self.facility_box, self.type_box = (ValueCombo(self) for _ in range(3))
        self.severity_box, self.status_box = ValueCombo(self), ValueCombo(self)
        self.resident_box, self.zone_box, self.shift_box = (ValueCombo(self) for _ in range(3))
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit, day in zip((self.date_from, self.date_to), last_days(today_local(), 31), strict=True):
            edit.setDisplayFormat(QT_DATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setDate(to_qdate(day))
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset)

        # Caption and field stay together; the pairs wrap to another line on a narrow screen.
        flow = FlowLayout(spacing=12)
        fields: list[tuple[str, QWidget]] = [
            (QT_TRANSLATE_NOOP("IncidentList", "&Period"), self.period_box),
            (QT_TRANSLATE_NOOP("IncidentList", "Fro&m"), self.date_from),
            (QT_TRANSLATE_NOOP("IncidentList", "T&o"), self.date_to),
            (QT_TRANSLATE_NOOP("IncidentList", "Facilit&y"), self.facility_box),
            (QT_TRANSLATE_NOOP("IncidentList", "&Type"), self.type_box),
            (QT_TRANSLATE_NOOP("IncidentList", "Se&verity"), self.severity_box),
            (QT_TRANSLATE_NOOP("IncidentList", "St&atus"), self.status_box),
            (QT_TRANSLATE_NOOP("IncidentList", "Resi&dent"), self.resident_box),
            (QT_TRANSLATE_NOOP("IncidentList", "Pla&ce"), self.zone_box),
            (QT_TRANSLATE_NOOP("IncidentList", "S&hift"), self.shift_box),
        ]
        for source, widget in fields:
            if isinstance(widget, ValueCombo):
                widget.make_compact(20 if widget is self.type_box else 12)
            pair = QWidget(self)
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(caption_for(t, source, widget, pair))
            row.addWidget(widget)
            flow.addWidget(pair)
        search_caption = QLabel(self)
        search_caption.setBuddy(self.search)
        t.bind(search_caption.setText, QT_TRANSLATE_NOOP("IncidentList", "&Search"))
        t.bind(self.search.setAccessibleName, QT_TRANSLATE_NOOP("IncidentList", "Search"))
        t.bind(self.search.setPlaceholderText,
               QT_TRANSLATE_NOOP("IncidentList", "Words from the narrative (Ctrl+F)"))
        t.bind(self.reset_button.setText, QT_TRANSLATE_NOOP("IncidentList", "C&lear filters"))
        search_row = QHBoxLayout()
        search_row.addWidget(search_caption)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.reset_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(flow)
        layout.addLayout(search_row)

        self.fill_choices()
        for box in (self.type_box, self.severity_box, self.status_box, self.resident_box,
                    self.zone_box, self.shift_box):
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.facility_box.currentIndexChanged.connect(self._facility_changed)

    # --- choices ---------------------------------------------------------------------------

    def set_records(self, facilities: list[FacilityRecord], residents: list[ResidentRecord],
                    zones: list[ZoneRecord]) -> None:
        self.facilities, self.residents, self.zones = facilities, residents, zones
        self._fill_facilities()
        self._fill_zones()

    def fill_choices(self) -> None:
        """Every choice in the current language, keeping what is chosen."""
        every = _t(QT_TRANSLATE_NOOP("IncidentList", "All"))
        self.period_box.set_items([(_t(PERIOD_LABELS[p]), p) for p in PERIODS])
        self.type_box.set_items([(_t(QT_TRANSLATE_NOOP("IncidentList", "All types")), None)]
                                + [(t.label(self.language), t.code)
                                   for t in current_taxonomy().types])
        self.severity_box.set_items([(every, None)] + [(label(s), s) for s in Severity])
        self.status_box.set_items([(every, None)] + [
            (status_label(s), s) for s in IncidentStatus if s is not IncidentStatus.DRAFT])
        self.shift_box.set_items([(every, None)] + [(label(s), s) for s in Shift])
        self._fill_facilities()
        self._fill_zones()

    def _fill_facilities(self) -> None:
        self.facility_box.set_items([(_t(QT_TRANSLATE_NOOP("IncidentList", "All facilities")), None)]
                                    + [(f.name, f.id) for f in self.facilities])

    def _fill_zones(self) -> None:
        """Places and residents of the chosen facility only."""
        facility = self.facility_box.value()
        zones = [z for z in self.zones if z.facility_id == facility]
        self.zone_box.set_items([(_t(QT_TRANSLATE_NOOP("IncidentList", "All places")), None)]
                                + [(z.name, z.id) for z in zones])
        self.zone_box.setEnabled(bool(zones))
        self.resident_box.set_items(
            [(_t(QT_TRANSLATE_NOOP("IncidentList", "All residents")), None)]
            + [(r.shown_name, r.id) for r in self.residents if facility is None or r.facility_id == facility])

    # --- the filter ------------------------------------------------------------------------

    def current_filter(self) -> IncidentFilter:
        period = self.period_box.value() or "all"
        if period == "custom":
            start: date | None = from_qdate(self.date_from.date())
            end: date | None = from_qdate(self.date_to.date())
        else:
            start, end = rolling_period(period, today_local())
        facility = self.facility_box.value()

        def one(box: ValueCombo) -> tuple[Any, ...]:
            return (box.value(),) if box.value() else ()

        return IncidentFilter(
            date_from=start, date_to=end, facility_ids=(facility,) if facility is not None else (),
            type_codes=one(self.type_box), severities=one(self.severity_box),
            statuses=one(self.status_box), resident_id=self.resident_box.value(),
            zone_id=self.zone_box.value(), shifts=one(self.shift_box),
            text=self.search.text().strip(),
        )

    def reset(self) -> None:
        for box in (self.period_box, self.facility_box, self.type_box, self.severity_box,
                    self.status_box, self.resident_box, self.zone_box, self.shift_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._period_changed()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_now(self) -> None:
        self.search_timer.stop()
        self.changed.emit()

    def _period_changed(self, _index: int = 0) -> None:
        custom = self.period_box.value() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.changed.emit()

    def _facility_changed(self, _index: int = 0) -> None:
        self._fill_zones()
        self.changed.emit()

    def retranslate(self, language: str) -> None:
        self.language = language
        self._texts.apply()
        self.fill_choices()
