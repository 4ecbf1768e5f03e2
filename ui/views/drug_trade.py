"""Drug-trade observations: where and when dealing is seen (weekday × hour map and per-zone
totals, counted in SQL), and the observations themselves with what was seen.

Choosing a place (in the list of places or the filter) narrows the map and the list to it; the
per-place totals stay, so the places can be compared. Enter on an observation opens it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import FacilityRecord
from safetylog.domain.timeutil import today_local
from safetylog.services.drug_patterns import DEALING, DRUG_CODES, DrugFilter, DrugPattern, ZoneTotal
from safetylog.summaries.periods import rolling_period
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.drug_table import Column, DrugTableModel
from ui.models.keyset import ID_ROLE
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Query
from ui.tasks import TaskRunner
from ui.views.charts import HeatMap
from ui.views.common import (
    ErrorLine,
    ValueCombo,
    accessible_name_setter,
    heading,
    number,
    row_table,
)
from ui.views.forms import caption_for
from ui.widgets.table_columns import ElidedTipDelegate

CONTEXT = "DrugTrade"
WEEKDAYS = (
    QT_TRANSLATE_NOOP("DrugTrade", "Mon"), QT_TRANSLATE_NOOP("DrugTrade", "Tue"),
    QT_TRANSLATE_NOOP("DrugTrade", "Wed"), QT_TRANSLATE_NOOP("DrugTrade", "Thu"),
    QT_TRANSLATE_NOOP("DrugTrade", "Fri"), QT_TRANSLATE_NOOP("DrugTrade", "Sat"),
    QT_TRANSLATE_NOOP("DrugTrade", "Sun"),
)
PERIODS = {
    "90d": QT_TRANSLATE_NOOP("DrugTrade", "Last 3 months"),
    "12m": QT_TRANSLATE_NOOP("DrugTrade", "Last 12 months"),
    "all": QT_TRANSLATE_NOOP("DrugTrade", "All time"),
}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def zone_name(total: ZoneTotal) -> str:
    if total.zone_id is None:
        return _t(QT_TRANSLATE_NOOP("DrugTrade", "No place recorded"))
    return total.name


ZONE_COLUMNS: list[ColumnSpec[ZoneTotal]] = [
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("DrugTrade", "Place"), zone_name),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("DrugTrade", "Facility"), lambda z: z.facility_name),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("DrugTrade", "Seen"), lambda z: number(z.count), align_right=True),
]


class DrugTradeView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        self._facilities: list[FacilityRecord] = []
        self.pattern: DrugPattern | None = None
        self._generation = 0
        self.model = DrugTableModel(ctx.services.drug_patterns, ctx.require_actor, tasks,
                                    lambda: self.ctx.language, parent=self)
        self.model.failed.connect(self._failed)
        self._build()
        self._fill_choices()
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.language_changed.connect(self._language_changed)
        self._load_facilities()
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        t = self._texts
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("DrugTrade", "Drug-trade observations"))
        self.period_box, self.facility_box = ValueCombo(self), ValueCombo(self)
        self.kind_box, self.zone_box = ValueCombo(self), ValueCombo(self)
        filters = QGridLayout()
        for column, (source, box) in enumerate((
                (QT_TRANSLATE_NOOP("DrugTrade", "&Period"), self.period_box),
                (QT_TRANSLATE_NOOP("DrugTrade", "Facilit&y"), self.facility_box),
                (QT_TRANSLATE_NOOP("DrugTrade", "&Show"), self.kind_box),
                (QT_TRANSLATE_NOOP("DrugTrade", "Pla&ce"), self.zone_box))):
            filters.addWidget(caption_for(t, source, box, self), 0, column * 2)
            filters.addWidget(box, 0, column * 2 + 1)
            filters.setColumnStretch(column * 2 + 1, 1)
            box.currentIndexChanged.connect(lambda _i, b=box: self._filter_changed(b))

        self.map_caption = QLabel(self)
        self.map_caption.setWordWrap(True)
        self.heat = HeatMap(self)
        t.bind(accessible_name_setter(self.heat), QT_TRANSLATE_NOOP("DrugTrade", "Weekday and hour map"))
        self.zones: RecordTableModel[ZoneTotal] = RecordTableModel(
            ZONE_COLUMNS, lambda z: z.zone_id or 0, self)
        self.zone_table = self._table(self.zones)
        # The place and its count always show; the facility's name gives way (cut, in full as a
        # tooltip) when the screen is narrow.
        zone_header = self.zone_table.horizontalHeader()
        zone_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        zone_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.zone_table.setItemDelegate(ElidedTipDelegate(self.zone_table))
        self.zone_table.activated.connect(self._zone_chosen)
        t.bind(accessible_name_setter(self.zone_table), QT_TRANSLATE_NOOP("DrugTrade", "Places"))
        top = QWidget(self)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        map_box = QVBoxLayout()
        map_box.addWidget(self.map_caption)
        map_box.addWidget(self.heat, 1)
        top_layout.addLayout(map_box, 2)
        top_layout.addWidget(self.zone_table, 1)

        self.table = self._table(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in ((Column.OCCURRED, 130), (Column.FACILITY, 140), (Column.ZONE, 120),
                              (Column.TYPE, 170), (Column.OBSERVED, 150), (Column.SUBSTANCES, 110),
                              (Column.SELLERS, 70), (Column.BUYERS, 70), (Column.VEHICLES, 110),
                              (Column.OUTSIDERS, 100)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._open)
        t.bind(accessible_name_setter(self.table), QT_TRANSLATE_NOOP("DrugTrade", "Observations"))
        self.status = QLabel(self)
        self.error = ErrorLine(self)

        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.model.page_loaded.connect(self._show_status)

    @staticmethod
    def _table(model: Any) -> QTableView:
        table = row_table(model)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        return table

    def _fill_choices(self) -> None:
        self.period_box.set_items([(_t(source), key) for key, source in PERIODS.items()])
        self.kind_box.set_items([
            (_t(QT_TRANSLATE_NOOP("DrugTrade", "Dealing seen")), DEALING),
            (_t(QT_TRANSLATE_NOOP("DrugTrade", "All drug observations")), DRUG_CODES)])
        self.facility_box.set_items([(_t(QT_TRANSLATE_NOOP("DrugTrade", "All facilities")), None)]
                                    + [(f.name, f.id) for f in self._facilities])
        self._fill_zones()

    def _fill_zones(self) -> None:
        totals = self.pattern.by_zone if self.pattern else ()
        self.zone_box.set_items([(_t(QT_TRANSLATE_NOOP("DrugTrade", "All places")), None)]
                                + [(f"{zone_name(z)} ({z.facility_name})", z.zone_id)
                                   for z in totals if z.zone_id is not None])

    # --- loading ---------------------------------------------------------------------------

    def criteria(self) -> DrugFilter:
        facility = self.facility_box.value()
        return DrugFilter(date_from=rolling_period(self.period_box.value() or "all", today_local())[0],
                          facility_ids=(facility,) if facility is not None else (),
                          zone_id=self.zone_box.value(), type_codes=self.kind_box.value() or DEALING)

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        self.error.hide()
        criteria = self.criteria()
        self.model.set_query(criteria)
        self._generation += 1
        generation = self._generation
        service, actor = self.ctx.services.drug_patterns, self.ctx.require_actor()
        Query(self, lambda: service.pattern(actor, criteria)).success(
            lambda pattern: self._pattern_loaded(generation, pattern)).failure(self.error).run(
            self.tasks, self.ctx)

    def _load_facilities(self) -> None:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        Query(self, lambda: admin.list_facilities(actor)).success(self._facilities_loaded).failure(
            self.error).run(self.tasks, self.ctx)


    def _facilities_loaded(self, facilities: list[FacilityRecord]) -> None:
        self._facilities = facilities
        self._fill_choices()

    def _pattern_loaded(self, generation: int, pattern: DrugPattern) -> None:
        if generation != self._generation:
            return
        self.pattern = pattern
        self.zones.set_rows(pattern.by_zone)
        self._fill_zones()
        self._draw()

    def _draw(self) -> None:
        pattern = self.pattern
        if pattern is None:
            return
        self.heat.set_counts(pattern.weekday_hour, [_t(d) for d in WEEKDAYS],
                             _t(QT_TRANSLATE_NOOP("DrugTrade", "%1 at %2: %3 seen")))
        busiest = max(((count, day, hour) for day, row in enumerate(pattern.weekday_hour)
                       for hour, count in enumerate(row)), default=(0, 0, 0))
        if pattern.total:
            self.map_caption.setText(_t(QT_TRANSLATE_NOOP(
                "DrugTrade", "When it is seen: %1 observations by weekday and hour. Most often %2 "
                             "around %3:00."), number(pattern.total), _t(WEEKDAYS[busiest[1]]),
                f"{busiest[2]:02d}"))
        else:
            self.map_caption.setText(_t(QT_TRANSLATE_NOOP("DrugTrade", "Nothing observed in this period.")))

    def _show_status(self, loaded: int) -> None:
        if self.model.canFetchMore(QModelIndex()):
            self.status.setText(_t(QT_TRANSLATE_NOOP(
                "DrugTrade", "%1 observations shown; scroll for more. Enter opens the chosen one."),
                number(loaded)))
        else:
            self.status.setText(_t(QT_TRANSLATE_NOOP(
                "DrugTrade", "%1 observations. Enter opens the chosen one."), number(loaded)))

    # --- actions ---------------------------------------------------------------------------

    def _filter_changed(self, box: ValueCombo) -> None:
        if box is self.facility_box:
            self.zone_box.blockSignals(True)
            self.zone_box.setCurrentIndex(0)  # a place belongs to one facility
            self.zone_box.blockSignals(False)
        self.refresh()

    def _zone_chosen(self, index: QModelIndex) -> None:
        total = self.zones.row_at(index.row())
        if total.zone_id is not None:
            self.zone_box.select(total.zone_id)

    def _open(self, index: QModelIndex) -> None:
        incident_id = index.data(ID_ROLE)
        if incident_id is not None:
            from ui.views.incident_view import open_incident

            open_incident(self.ctx, self.tasks, int(incident_id), self)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error, self.ctx.language)

    def _on_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes & (Changes.INCIDENTS | Changes.FACILITIES):
            if changes & Changes.FACILITIES:
                self._load_facilities()
            self.refresh()

    def _retranslate(self) -> None:
        self._texts.apply()
        self._fill_choices()
        self.zones.refresh_texts()
        self.model.refresh_texts()
        self._draw()
        self._show_status(self.model.rowCount())

    def _language_changed(self, _language: str) -> None:
        """The hub's signal outlives this page; a bound method is disconnected when it goes."""
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)
