"""Drug-trade observations as a lazily fetched table (keyset pages, newest first)."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from safetylog.domain.records import Actor
from safetylog.services.drug_patterns import DrugFilter, DrugObservationLine, DrugPatternService
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.incident_table import local_text, type_label
from ui.models.keyset import Cursor, KeysetTableModel, PageResult
from ui.models.runner import Runner
from ui.widgets.labels import label

CONTEXT = "DrugTableModel"


class Column(IntEnum):
    OCCURRED = 0
    FACILITY = 1
    ZONE = 2
    TYPE = 3
    OBSERVED = 4
    SUBSTANCES = 5
    SELLERS = 6
    BUYERS = 7
    VEHICLES = 8
    OUTSIDERS = 9
    SUMMARY = 10


HEADERS = {
    Column.OCCURRED: QT_TRANSLATE_NOOP("DrugTableModel", "Time"),
    Column.FACILITY: QT_TRANSLATE_NOOP("DrugTableModel", "Facility"),
    Column.ZONE: QT_TRANSLATE_NOOP("DrugTableModel", "Place"),
    Column.TYPE: QT_TRANSLATE_NOOP("DrugTableModel", "Type"),
    Column.OBSERVED: QT_TRANSLATE_NOOP("DrugTableModel", "Observed"),
    Column.SUBSTANCES: QT_TRANSLATE_NOOP("DrugTableModel", "Substances"),
    Column.SELLERS: QT_TRANSLATE_NOOP("DrugTableModel", "Sellers"),
    Column.BUYERS: QT_TRANSLATE_NOOP("DrugTableModel", "Buyers"),
    Column.VEHICLES: QT_TRANSLATE_NOOP("DrugTableModel", "Vehicles"),
    Column.OUTSIDERS: QT_TRANSLATE_NOOP("DrugTableModel", "Outsiders"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("DrugTableModel", "Summary"),
}
YES = QT_TRANSLATE_NOOP("DrugTableModel", "Yes")


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


class DrugTableModel(KeysetTableModel[DrugObservationLine]):
    header_context, headers = CONTEXT, HEADERS

    def __init__(self, service: DrugPatternService, actor: Callable[[], Actor], runner: Runner,
                 language: Callable[[], str] = lambda: "da", page_size: int = 100,
                 parent: Any = None) -> None:
        super().__init__(runner, page_size, parent)
        self._service, self._actor, self._language = service, actor, language
        self.criteria = DrugFilter()

    def set_query(self, criteria: DrugFilter) -> None:
        self.criteria = criteria
        self.requery()

    def page_job(self, after: Cursor, limit: int) -> Callable[[], PageResult]:
        service, actor, criteria = self._service, self._actor(), self.criteria

        def job() -> PageResult:
            page = service.observations(actor, criteria, after=after, limit=limit)
            return page.rows, page.next_cursor

        return job

    def row_id(self, row: DrugObservationLine) -> int:
        return row.id

    def cell(self, row: DrugObservationLine, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, Column(column))
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.SUMMARY, Column.SELLERS, Column.BUYERS):
            return {Column.SUMMARY: row.summary, Column.SELLERS: row.sellers_description,
                    Column.BUYERS: row.buyers_description}[Column(column)] or None
        return None

    def _text(self, row: DrugObservationLine, column: Column) -> str:
        texts = {
            Column.OCCURRED: lambda: local_text(row.occurred_start),
            Column.FACILITY: lambda: row.facility_name,
            Column.ZONE: lambda: row.zone_name or "",
            Column.TYPE: lambda: ", ".join(type_label(c, self._language()) for c in row.type_codes
                                           if c.startswith("DRG")),
            Column.OBSERVED: lambda: ", ".join(label(a) for a in row.activities),
            Column.SUBSTANCES: lambda: ", ".join(row.substances),
            Column.SELLERS: lambda: _count(row.sellers_count),
            Column.BUYERS: lambda: _count(row.buyers_count),
            Column.VEHICLES: lambda: row.vehicles,
            Column.OUTSIDERS: lambda: QCoreApplication.translate(CONTEXT, YES)
            if row.outsiders_on_premises else "",
            Column.SUMMARY: lambda: row.summary,
        }
        return texts[column]()
