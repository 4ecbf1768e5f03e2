"""A table model over a short, fully loaded list of frozen records (users, meetings, duties …).

Columns are declared as data: a translatable header and functions giving a cell's text, tooltip
and colour. ``set_rows`` replaces the list in one reset. Long lists (incidents) use the keyset
model instead; these lists are small enough to load at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ui.models.keyset import ID_ROLE

R = TypeVar("R")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec(Generic[R]):
    context: str  # translation context of the header
    header: str  # English source text, marked with QT_TRANSLATE_NOOP(context, ...)
    text: Callable[[R], str]
    tooltip: Callable[[R], str] | None = None
    colour: Callable[[R], QColor | None] | None = None
    align_right: bool = False


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[ColumnSpec[R]], row_id: Callable[[R], int],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._row_id = row_id
        self._rows: list[R] = []

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, record_id: int) -> int:
        """The row showing the record with ``record_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if self._row_id(r) == record_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, spec = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.text(row)
        if role == ID_ROLE:
            return self._row_id(row)
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip is not None:
            return spec.tooltip(row)
        if role == Qt.ItemDataRole.BackgroundRole and spec.colour is not None:
            colour = spec.colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.columns)):
            spec = self.columns[section]
            return QCoreApplication.translate(spec.context, spec.header)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def refresh_texts(self) -> None:
        """The language changed: repaint cells and headers from the same rows."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1), [])
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
