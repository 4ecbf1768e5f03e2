"""The incident list: a filter bar over a lazily fetched table of every incident the user may see.

Every filter change, search and column click asks the database again (keyset pages, full-text
index); the table fetches more rows as the user scrolls. Enter or a double click opens the
incident in its own window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import FacilityRecord, IncidentFilter, ResidentRecord, ZoneRecord
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.incident_table import FIRST_DESCRIBED, Column, IncidentTableModel
from ui.models.keyset import ID_ROLE
from ui.operations import Query
from ui.tasks import TaskRunner
from ui.views.common import (
    ErrorLine,
    heading,
    number,
    row_table,
)
from ui.views.incident_filters import IncidentFilterBar
from ui.widgets.table_columns import fit_columns

CONTEXT = "IncidentList"
def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class IncidentListView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        self._count_generation = 0
        self.total: int | None = None
        self.model = IncidentTableModel(ctx.services.queries, ctx.require_actor, tasks,
                                        lambda: self.ctx.language, parent=self)
        self._build()
        self.model.page_loaded.connect(self._show_loaded)
        self.model.failed.connect(self._failed)
        self.filters.changed.connect(self.apply_filters)
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

        self.filters = IncidentFilterBar(self.ctx.language, self)

        self.table = row_table(self.model, self)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
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
        for described in range(FIRST_DESCRIBED, Column.SUMMARY):  # the described fields' columns
            self.table.setColumnWidth(described, 80)
        fit_columns(self.table, "incidents")  # cut cells show in full; columns can be hidden
        self.table.activated.connect(self._open_index)
        t.bind(self.table.setAccessibleName, QT_TRANSLATE_NOOP("IncidentList", "Incidents"))

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLine(self)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search)

    # --- choices from the database ---------------------------------------------------------

    def _load_choices(self) -> None:
        actor = self.ctx.require_actor()
        services = self.ctx.services

        def load() -> tuple[list[FacilityRecord], list[ResidentRecord], list[ZoneRecord]]:
            facilities = services.admin.list_facilities(actor)
            residents = services.residents.list(actor, include_inactive=True, with_display_names=True)
            zones = [z for f in facilities for z in services.admin.list_zones(actor, f.id)]
            return facilities, residents, zones

        Query(self, load).success(self._choices_loaded).failure(self.error).run(self.tasks, self.ctx)

    def _choices_loaded(self, loaded: tuple[list[FacilityRecord], list[ResidentRecord],
                                            list[ZoneRecord]]) -> None:
        self.filters.set_records(*loaded)

    # --- the query -------------------------------------------------------------------------

    def current_filter(self) -> IncidentFilter:
        return self.filters.current_filter()

    def apply_filters(self) -> None:
        """Ask the database for the first page (and the total) of what the filters now say."""
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
        self.filters.reset()

    def _count(self, criteria: IncidentFilter) -> None:
        self._count_generation += 1
        generation = self._count_generation
        queries, actor = self.ctx.services.queries, self.ctx.require_actor()
        self.total = None
        self.count_label.setText("")
        Query(self, lambda: queries.count(actor, criteria)).success(
            lambda total: self._counted(generation, total)).failure(self.error).run(self.tasks, self.ctx)


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

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _open_index(self, index: Any) -> None:
        incident_id = index.data(ID_ROLE)
        if incident_id is not None:
            from ui.views.incident_view import open_incident

            open_incident(self.ctx, self.tasks, int(incident_id), self)

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error, self.ctx.language)

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
        self.filters.retranslate(self.ctx.language)
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
