"""The incident list as a lazily fetched table: keyset pages from ``services.queries.page``.

Sorting by a column and every filter change ask the database again (``set_query`` / ``sort``);
nothing is sorted or filtered in Python. The severity column is coloured so the serious ones
stand out when scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from safetylog.domain.enums import IncidentStatus, Severity, Shift
from safetylog.domain.incident_fields import LIST_FIELDS, FieldKind, FieldSpec
from safetylog.domain.records import Actor, IncidentFilter, IncidentRow, SortSpec
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import to_local
from safetylog.services.incident_queries import IncidentQueryService
from ui.field_words import column_label, field_label, value_text
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.keyset import Cursor, KeysetTableModel, PageResult
from ui.models.runner import Runner
from ui.widgets.labels import label

CONTEXT = "IncidentTableModel"
DATE_FORMAT = "%d-%m-%Y %H:%M"


class Column(IntEnum):
    ID = 0
    OCCURRED = 1
    FACILITY = 2
    TYPE = 3
    SEVERITY = 4
    STATUS = 5
    ZONE = 6
    SHIFT = 7
    RESIDENTS = 8
    # then one column per listed described field (incident_fields.LIST_FIELDS), then SUMMARY
    SUMMARY = 9 + len(LIST_FIELDS)


FIRST_DESCRIBED = Column.RESIDENTS + 1


HEADERS = {
    Column.ID: QT_TRANSLATE_NOOP("IncidentTableModel", "No."),
    Column.OCCURRED: QT_TRANSLATE_NOOP("IncidentTableModel", "Time"),
    Column.FACILITY: QT_TRANSLATE_NOOP("IncidentTableModel", "Facility"),
    Column.TYPE: QT_TRANSLATE_NOOP("IncidentTableModel", "Type"),
    Column.SEVERITY: QT_TRANSLATE_NOOP("IncidentTableModel", "Severity"),
    Column.STATUS: QT_TRANSLATE_NOOP("IncidentTableModel", "Status"),
    Column.ZONE: QT_TRANSLATE_NOOP("IncidentTableModel", "Place"),
    Column.SHIFT: QT_TRANSLATE_NOOP("IncidentTableModel", "Shift"),
    Column.RESIDENTS: QT_TRANSLATE_NOOP("IncidentTableModel", "Residents"),
    Column.SUMMARY: QT_TRANSLATE_NOOP("IncidentTableModel", "Summary"),
}

# The core's sort keys; residents and the summary have no meaningful order.
SORT_KEYS = {
    Column.ID: "id", Column.OCCURRED: "occurred_start", Column.FACILITY: "facility",
    Column.TYPE: "primary_type", Column.SEVERITY: "severity", Column.STATUS: "status",
    Column.ZONE: "zone", Column.SHIFT: "shift",
}

STATUS_LABELS = {
    IncidentStatus.DRAFT: QT_TRANSLATE_NOOP("IncidentTableModel", "Draft"),
    IncidentStatus.SUBMITTED: QT_TRANSLATE_NOOP("IncidentTableModel", "Submitted"),
    IncidentStatus.REVIEWED: QT_TRANSLATE_NOOP("IncidentTableModel", "Reviewed"),
    IncidentStatus.LOCKED: QT_TRANSLATE_NOOP("IncidentTableModel", "Locked"),
}

# Soft fills that keep black text readable; S4 is the only strong one.
SEVERITY_COLOURS = {
    Severity.S1: QColor("#e8f5e9"), Severity.S2: QColor("#fff8e1"),
    Severity.S3: QColor("#ffe0b2"), Severity.S4: QColor("#ef9a9a"),
}


def status_label(status: IncidentStatus) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_LABELS[status])


def type_label(code: str, language: str) -> str:
    itype = current_taxonomy().get(code)
    return itype.label(language) if itype else code


def local_text(moment: Any) -> str:
    return to_local(moment).strftime(DATE_FORMAT) if moment is not None else ""


def shift_label(shift: Shift) -> str:
    return label(shift)


class IncidentTableModel(KeysetTableModel[IncidentRow]):
    """Incident rows for one actor, filter and sort; ``ID_ROLE`` gives the incident id."""

    header_context, headers = CONTEXT, HEADERS

    def __init__(self, queries: IncidentQueryService, actor: Callable[[], Actor],
                 runner: Runner, language: Callable[[], str] = lambda: "da",
                 page_size: int = 100, parent: Any = None) -> None:
        super().__init__(runner, page_size, parent)
        self._queries = queries
        self._actor = actor
        self._language = language
        self.criteria = IncidentFilter()
        self.sort_spec = SortSpec()

    # --- the query -------------------------------------------------------------------------

    def set_query(self, criteria: IncidentFilter | None = None, sort: SortSpec | None = None) -> None:
        """Show the incidents matching ``criteria`` in ``sort`` order (fetched from the first page)."""
        if criteria is not None:
            self.criteria = criteria
        if sort is not None:
            self.sort_spec = sort
        self.requery()

    @staticmethod
    def is_sortable(column: int) -> bool:
        return column in SORT_KEYS

    def sort_column(self) -> int:
        """The column the current sort key belongs to."""
        return next(c for c, key in SORT_KEYS.items() if key == self.sort_spec.column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS:
            return
        spec = SortSpec(SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder)
        if spec != self.sort_spec:
            self.set_query(sort=spec)

    def page_job(self, after: Cursor, limit: int) -> Callable[[], PageResult]:
        queries, actor, criteria, sort = self._queries, self._actor(), self.criteria, self.sort_spec

        def job() -> PageResult:
            page = queries.page(actor, criteria, sort, after=after, limit=limit)
            return page.rows, page.next_cursor

        return job

    # --- cells -----------------------------------------------------------------------------

    def row_id(self, row: IncidentRow) -> int:
        return row.id

    @staticmethod
    def described_at(column: int) -> FieldSpec | None:
        """The described field shown in ``column``, if it is one of theirs."""
        index = column - FIRST_DESCRIBED
        return LIST_FIELDS[index] if 0 <= index < len(LIST_FIELDS) else None

    def column_count(self) -> int:
        return len(self.headers) + len(LIST_FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        spec = self.described_at(section)
        if spec is None or orientation != Qt.Orientation.Horizontal:
            return super().headerData(section, orientation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return column_label(spec)
        if role == Qt.ItemDataRole.ToolTipRole:
            return field_label(spec)
        return None

    def cell(self, row: IncidentRow, column: int, role: int) -> Any:
        spec = self.described_at(column)
        if spec is not None:
            if role == Qt.ItemDataRole.DisplayRole:
                return value_text(spec, row.value(spec.name))
            if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind is FieldKind.COUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, Column(column))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.TYPE:
                return ", ".join(type_label(c, self._language()) for c in row.type_codes)
            if column == Column.SEVERITY:
                return label(row.severity)
            if column == Column.SUMMARY:
                return row.summary
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == Column.SEVERITY:
            return QBrush(SEVERITY_COLOURS[row.severity])
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.SEVERITY:
            return QBrush(QColor("#000000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: IncidentRow, column: Column) -> str:
        if column == Column.ID:
            return str(row.id)
        if column == Column.OCCURRED:
            return local_text(row.occurred_start)
        if column == Column.FACILITY:
            return row.facility_name
        if column == Column.TYPE:
            text = type_label(row.primary_type, self._language())
            others = len(row.type_codes) - 1
            return f"{text} (+{others})" if others > 0 else text
        if column == Column.SEVERITY:
            return row.severity.value
        if column == Column.STATUS:
            return status_label(row.status)
        if column == Column.ZONE:
            return row.zone_name or ""
        if column == Column.SHIFT:
            return shift_label(row.shift)
        if column == Column.RESIDENTS:
            return ", ".join(row.shown_residents())  # "Anna (H-101)" for the facility's staff
        return row.summary
