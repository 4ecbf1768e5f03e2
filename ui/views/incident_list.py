"""The incident list: a filter bar over a lazily fetched table of every incident the user may see.

Every filter change, search and column click asks the database again (keyset pages, full-text
index); the table fetches more rows as the user scrolls. Enter or a double click opens the
incident in its own window.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import IncidentStatus, Severity, Shift
from safetylog.domain.records import FacilityRecord, IncidentFilter, ResidentRecord, ZoneRecord
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import to_local, utcnow
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.incident_table import Column, IncidentTableModel, status_label
from ui.models.keyset import ID_ROLE
from ui.tasks import TaskRunner
from ui.views.common import (
    QT_DATE_FORMAT,
    ValueCombo,
    accessible_name_setter,
    error_text,
    from_qdate,
    heading,
    number,
    run_for,
    to_qdate,
)
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


def period_bounds(period: str, today: date) -> tuple[date | None, date | None]:
    if period == "30d":
        return today - timedelta(days=29), today
    if period == "12m":
        return today.replace(year=today.year - 1) + timedelta(days=1), today
    if period == "year":
        return date(today.year, 1, 1), today
    return None, None


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class IncidentListView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        self._facilities: list[FacilityRecord] = []
        self._residents: list[ResidentRecord] = []
        self._zones: list[ZoneRecord] = []
        self._count_generation = 0
        self.total: int | None = None
        self.model = IncidentTableModel(ctx.services.queries, ctx.require_actor, tasks,
                                        lambda: self.ctx.language, parent=self)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._build()
        self._fill_static_choices()
        self.model.page_loaded.connect(self._show_loaded)
        self.model.failed.connect(self._failed)
        self.search_timer.timeout.connect(self.apply_filters)
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.language_changed.connect(self._language_changed)
        self._load_choices()
        self.apply_filters()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        t = self._texts
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("IncidentList", "Incidents"))
        self.count_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.count_label)

        self.period_box, self.facility_box, self.type_box = (ValueCombo(self) for _ in range(3))
        self.severity_box, self.status_box = ValueCombo(self), ValueCombo(self)
        self.resident_box, self.zone_box, self.shift_box = (ValueCombo(self) for _ in range(3))
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat(QT_DATE_FORMAT)
            edit.setCalendarPopup(True)
            edit.setDate(to_qdate(to_local(utcnow()).date()))
            edit.setEnabled(False)
        self.date_from.setDate(to_qdate(to_local(utcnow()).date() - timedelta(days=30)))
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset_filters)

        grid = QGridLayout()
        fields: list[tuple[str, str, QWidget, int, int]] = [
            (QT_TRANSLATE_NOOP("IncidentList", "&Period"), "period", self.period_box, 0, 0),
            (QT_TRANSLATE_NOOP("IncidentList", "F&rom"), "from", self.date_from, 0, 2),
            (QT_TRANSLATE_NOOP("IncidentList", "T&o"), "to", self.date_to, 0, 4),
            (QT_TRANSLATE_NOOP("IncidentList", "Fac&ility"), "facility", self.facility_box, 0, 6),
            (QT_TRANSLATE_NOOP("IncidentList", "&Type"), "type", self.type_box, 0, 8),
            (QT_TRANSLATE_NOOP("IncidentList", "Se&verity"), "severity", self.severity_box, 1, 0),
            (QT_TRANSLATE_NOOP("IncidentList", "St&atus"), "status", self.status_box, 1, 2),
            (QT_TRANSLATE_NOOP("IncidentList", "Resi&dent"), "resident", self.resident_box, 1, 4),
            (QT_TRANSLATE_NOOP("IncidentList", "Pla&ce"), "zone", self.zone_box, 1, 6),
            (QT_TRANSLATE_NOOP("IncidentList", "S&hift"), "shift", self.shift_box, 1, 8),
        ]
        self.field_labels: dict[str, QLabel] = {}
        for source, key, widget, row, column in fields:
            caption = QLabel(self)
            caption.setBuddy(widget)
            t.bind(caption.setText, source)
            t.bind(accessible_name_setter(widget), source)
            grid.addWidget(caption, row, column)
            grid.addWidget(widget, row, column + 1)
            self.field_labels[key] = caption
        for column in (1, 3, 5, 7, 9):
            grid.setColumnStretch(column, 1)
        search_caption = QLabel(self)
        search_caption.setBuddy(self.search)
        t.bind(search_caption.setText, QT_TRANSLATE_NOOP("IncidentList", "&Search"))
        t.bind(self.search.setAccessibleName, QT_TRANSLATE_NOOP("IncidentList", "Search"))
        t.bind(self.search.setPlaceholderText,
               QT_TRANSLATE_NOOP("IncidentList", "Words from the narrative (Ctrl+F)"))
        t.bind(self.reset_button.setText, QT_TRANSLATE_NOOP("IncidentList", "Clear &filters"))
        search_row = QHBoxLayout()
        search_row.addWidget(search_caption)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.reset_button)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSortIndicator(Column.OCCURRED, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((Column.ID, 60), (Column.OCCURRED, 130), (Column.FACILITY, 150),
                              (Column.TYPE, 190), (Column.SEVERITY, 60), (Column.STATUS, 100),
                              (Column.ZONE, 130), (Column.SHIFT, 100), (Column.RESIDENTS, 110)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open_index)
        t.bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("IncidentList", "Incidents"))

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setProperty("i18n_data", True)  # the core's localized message
        self.error.setWordWrap(True)
        self.error.hide()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(search_row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

        for box in (self.type_box, self.severity_box, self.status_box, self.resident_box,
                    self.zone_box, self.shift_box):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period_box.currentIndexChanged.connect(self._period_changed)
        self.facility_box.currentIndexChanged.connect(self._facility_changed)

    def _fill_static_choices(self) -> None:
        every = _t(QT_TRANSLATE_NOOP("IncidentList", "All"))
        self.period_box.set_items([(_t(PERIOD_LABELS[p]), p) for p in PERIODS])
        language = self.ctx.language
        self.type_box.set_items([(_t(QT_TRANSLATE_NOOP("IncidentList", "All types")), None)]
                                + [(f"{t.label(language)} ({t.code})", t.code)
                                   for t in current_taxonomy().types])
        self.severity_box.set_items([(every, None)] + [(label(s), s) for s in Severity])
        self.status_box.set_items([(every, None)] + [
            (status_label(s), s) for s in IncidentStatus if s is not IncidentStatus.DRAFT])
        self.shift_box.set_items([(every, None)] + [(label(s), s) for s in Shift])
        self._fill_facilities()
        self._fill_residents()
        self._fill_zones()

    def _fill_facilities(self) -> None:
        self.facility_box.set_items(
            [(_t(QT_TRANSLATE_NOOP("IncidentList", "All facilities")), None)]
            + [(f.name, f.id) for f in self._facilities])

    def _fill_residents(self) -> None:
        facility = self.facility_box.value()
        self.resident_box.set_items(
            [(_t(QT_TRANSLATE_NOOP("IncidentList", "All residents")), None)]
            + [(r.pseudonym, r.id) for r in self._residents
               if facility is None or r.facility_id == facility])

    def _fill_zones(self) -> None:
        facility = self.facility_box.value()
        zones = [z for z in self._zones if z.facility_id == facility]
        self.zone_box.set_items([(_t(QT_TRANSLATE_NOOP("IncidentList", "All places")), None)]
                                + [(z.name, z.id) for z in zones])
        self.zone_box.setEnabled(bool(zones))
        self._fill_residents()

    # --- choices from the database ---------------------------------------------------------

    def _load_choices(self) -> None:
        actor = self.ctx.require_actor()
        services = self.ctx.services

        def load() -> tuple[list[FacilityRecord], list[ResidentRecord], list[ZoneRecord]]:
            facilities = services.admin.list_facilities(actor)
            residents = services.residents.list(actor, include_inactive=True)
            zones = [z for f in facilities for z in services.admin.list_zones(actor, f.id)]
            return facilities, residents, zones

        run_for(self, self.tasks, load, self._choices_loaded, self._failed)

    def _choices_loaded(self, loaded: tuple[list[FacilityRecord], list[ResidentRecord],
                                            list[ZoneRecord]]) -> None:
        self._facilities, self._residents, self._zones = loaded
        self._fill_facilities()
        self._fill_zones()

    # --- the query -------------------------------------------------------------------------

    def current_filter(self) -> IncidentFilter:
        period = self.period_box.value() or "all"
        if period == "custom":
            start: date | None = from_qdate(self.date_from.date())
            end: date | None = from_qdate(self.date_to.date())
        else:
            start, end = period_bounds(period, to_local(utcnow()).date())
        facility, zone = self.facility_box.value(), self.zone_box.value()
        return IncidentFilter(
            date_from=start, date_to=end,
            facility_ids=(facility,) if facility is not None else (),
            type_codes=(self.type_box.value(),) if self.type_box.value() else (),
            severities=(self.severity_box.value(),) if self.severity_box.value() else (),
            statuses=(self.status_box.value(),) if self.status_box.value() else (),
            resident_id=self.resident_box.value(),
            zone_id=zone,
            shifts=(self.shift_box.value(),) if self.shift_box.value() else (),
            text=self.search.text().strip(),
        )

    def apply_filters(self) -> None:
        """Ask the database for the first page (and the total) of what the filters now say."""
        self.search_timer.stop()
        criteria = self.current_filter()
        if criteria == self.model.criteria and self.model.rowCount() and not self.error.isVisible():
            return
        self.error.hide()
        self._fetching()  # replaced by the count of rows when the first page is in
        self.model.set_query(criteria)
        self._count(criteria)

    def refresh(self) -> None:
        """Re-read the current query from the database (after a change elsewhere)."""
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        self.error.hide()
        self.model.requery()
        self._count(self.model.criteria)

    def reset_filters(self) -> None:
        for box in (self.period_box, self.facility_box, self.type_box, self.severity_box,
                    self.status_box, self.resident_box, self.zone_box, self.shift_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._period_changed()

    def _facility_changed(self, _index: int = 0) -> None:
        self._fill_zones()  # places and residents of the chosen facility only
        self.apply_filters()

    def _count(self, criteria: IncidentFilter) -> None:
        self._count_generation += 1
        generation = self._count_generation
        queries, actor = self.ctx.services.queries, self.ctx.require_actor()
        self.total = None
        self.count_label.setText("")
        run_for(self, self.tasks, lambda: queries.count(actor, criteria),
                       lambda total: self._counted(generation, total), self._failed)

    def _counted(self, generation: int, total: int) -> None:
        if generation == self._count_generation:
            self.total = total
            self.count_label.setText(_t(QT_TRANSLATE_NOOP("IncidentList", "%1 incidents"),
                                        number(total)))
            self._show_loaded(self.model.rowCount())

    def _show_loaded(self, loaded: int) -> None:
        if not loaded and self.model.busy:
            self._fetching()
        elif not loaded:
            self.status.setText(_t(QT_TRANSLATE_NOOP("IncidentList", "No incidents match the filters.")))
        elif self.total is not None:
            self.status.setText(_t(QT_TRANSLATE_NOOP(
                "IncidentList", "Showing %1 of %2. Scroll down for more; Enter opens the chosen one."),
                number(loaded), number(self.total)))
        else:
            self.status.setText("")

    def _fetching(self) -> None:
        """Say that the database is being asked (a sort on an un-indexed column takes a moment)."""
        self.status.setText(_t(QT_TRANSLATE_NOOP("IncidentList", "Fetching incidents …")))

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            if self.model.busy:  # the view has asked the model to sort: the database is at it
                self._fetching()
            return
        # Residents and summaries have no order; put the indicator back where the data is.
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        previous = self.model.sort_column()
        header.setSortIndicator(previous, Qt.SortOrder.DescendingOrder
                                if self.model.sort_spec.descending else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _period_changed(self, _index: int = 0) -> None:
        custom = self.period_box.value() == "custom"
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- opening and errors ----------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _open_index(self, index: Any) -> None:
        incident_id = index.data(ID_ROLE)
        if incident_id is not None:
            from ui.views.incident_view import open_incident

            open_incident(self.ctx, self.tasks, int(incident_id), self)

    def _failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error, self.ctx.language))
        self.error.show()

    def _on_changed(self, changes: object) -> None:
        if not isinstance(changes, Changes):
            return
        if changes & (Changes.FACILITIES | Changes.RESIDENTS):
            self._load_choices()
        if changes & Changes.INCIDENTS:
            self.refresh()

    # --- language --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._texts.apply()
        self._fill_static_choices()
        self.model.refresh_texts()
        if self.model.rowCount() or not self.model.busy:
            self._show_loaded(self.model.rowCount())
        if self.total is not None:
            self.count_label.setText(_t(QT_TRANSLATE_NOOP("IncidentList", "%1 incidents"),
                                        number(self.total)))

    def _language_changed(self, _language: str) -> None:
        """The hub's signal outlives this page; a bound method is disconnected when it goes."""
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)
