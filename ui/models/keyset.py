"""A table model that fetches keyset pages as the user scrolls, and re-queries to sort or filter.

Rows are never all loaded: ``rowCount`` is what has arrived, ``canFetchMore`` says whether the
database has more, and ``fetchMore`` asks the runner for the next page after the last cursor.
Sorting and filtering reset the model and ask the database again; a proxy model would only
sort the rows loaded so far.

Two traps this class avoids (style.md, pattern 6):

- ``beginInsertRows(parent, first, last)`` takes the *last* row, ``start + n - 1``; a page of
  zero rows inserts nothing at all.
- Qt's model tester (and views) call ``fetchMore`` again from inside the insert notification;
  ``_fetching`` makes that nested call a no-op instead of a second, overlapping insert.

A page that arrives after the query changed is dropped: every reset bumps ``_generation``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.models.runner import Runner
from ui.operations import Query

R = TypeVar("R")
Cursor = tuple[Any, ...] | None
PageResult = tuple[Sequence[Any], Cursor]
AnyIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""``index.data(ID_ROLE)`` is the record's database id, in every column."""


class KeysetTableModel(QAbstractTableModel, Generic[R]):
    page_loaded = Signal(int)
    """Emitted with the number of rows loaded after each page arrives (also for an empty page)."""

    failed = Signal(object)
    """Emitted with the exception when a page could not be fetched; fetching stops until reset."""

    header_context: ClassVar[str] = ""
    headers: ClassVar[Mapping[Any, str]] = {}
    """Column -> its header, an English source marked for translation in ``header_context``."""

    def __init__(self, runner: Runner, page_size: int = 100, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.page_size = page_size
        self._rows: list[R] = []
        self._cursor: Cursor = None
        self._exhausted = False
        self._fetching = False
        self._failed = False
        self._generation = 0

    # --- what subclasses provide -----------------------------------------------------------

    def page_job(self, after: Cursor, limit: int) -> Callable[[], PageResult]:
        """A callable (run off the GUI thread) returning ``(rows, next_cursor)``.

        It must capture the current query parameters, not read them later from ``self``.
        """
        raise NotImplementedError

    def column_count(self) -> int:
        return len(self.headers)

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError

    def row_id(self, row: R) -> int:
        raise NotImplementedError

    # --- state -----------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._fetching

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def requery(self) -> None:
        """Forget every loaded row and fetch the first page of the current query again."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._cursor = None
        self._exhausted = False
        self._fetching = False
        self._failed = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    # --- lazy fetching ---------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._failed

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetching or self._exhausted or self._failed:
            return
        self._fetching = True
        generation = self._generation
        job = self.page_job(self._cursor, self.page_size)
        # A page arriving after the model (its view) was deleted is dropped by the Query.
        Query(self, job).success(lambda page: self._arrived(generation, page)).failure(
            lambda exc: self._went_wrong(generation, exc)).run(self._runner)

    def _arrived(self, generation: int, page: PageResult) -> None:
        if generation != self._generation:
            return  # the query changed while this page was on its way
        rows, cursor = page
        self._cursor = cursor
        self._exhausted = cursor is None
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._fetching = False
        self.page_loaded.emit(len(self._rows))

    def _went_wrong(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._failed = True
        self.failed.emit(exc)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return self.row_id(row)
        return self.cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and section in self.headers):
            return QCoreApplication.translate(self.header_context, self.headers[section])
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def refresh_texts(self) -> None:
        """Labels changed language: repaint every cell and header without asking the database."""
        if self._rows:
            last = self.index(len(self._rows) - 1, self.column_count() - 1)
            self.dataChanged.emit(self.index(0, 0), last, [])
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.column_count() - 1)
