"""The overview's boxes: a short table of records, and the 30-day counts with their charts.

Each box is a titled group holding a table (or charts) and a one-line note; the overview fills
them from background calls. Double-clicking (or Enter on) a row emits ``activated`` with the
record, so the overview can open the incident or the duty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import Severity
from safetylog.summaries.model import PeriodSummary
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.models.incident_table import type_label
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.views.charts import BarChart
from ui.views.common import accessible_name_setter, number, row_table
from ui.widgets.labels import label

R = TypeVar("R")
# Stronger than the table fills, so a short bar is still seen.
SEVERITY_BARS = {Severity.S1: QColor("#81c784"), Severity.S2: QColor("#ffd54f"),
                 Severity.S3: QColor("#ffb74d"), Severity.S4: QColor("#e57373")}
CONTEXT = "Overview"
TOP_TYPES = 8


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class Section(QGroupBox):
    """A titled box; ``note`` is a line under the content (counts, or why it is empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QVBoxLayout(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class TableSection(Section, Generic[R]):
    activated = Signal(object)
    """Emitted with the record of the row the user opened (Enter or double click)."""

    def __init__(self, columns: Sequence[ColumnSpec[R]], row_id: Callable[[R], int],
                 parent: QWidget | None = None, visible_rows: int = 6) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[R] = RecordTableModel(columns, row_id, self)
        self.table = row_table(self.model, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)  # no sideways scrolling
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(header.sizeHint().height() + row_height * visible_rows + 4)
        self.table.activated.connect(self._activated)
        self.box.addWidget(self.table)
        self.box.addWidget(self.note)

    def set_rows(self, rows: Sequence[R], note: str = "") -> None:
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))  # an empty table says less than the note does
        self.set_note(note)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(self.model.row_at(index.row()))

    def refresh_texts(self) -> None:
        self.model.refresh_texts()


class CountsSection(Section):
    """The last 30 days: total against the 30 days before, by type and by severity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary: PeriodSummary | None = None
        self.language = "da"
        self.total = QLabel(self)
        self.total.setWordWrap(True)
        self.types_caption, self.severity_caption = QLabel(self), QLabel(self)
        self.by_type, self.by_severity = BarChart(self), BarChart(self)
        grid = QGridLayout()
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(self.types_caption, 0, 0)
        grid.addWidget(self.by_type, 1, 0, top)
        grid.addWidget(self.severity_caption, 0, 1)
        grid.addWidget(self.by_severity, 1, 1, top)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.box.addWidget(self.total)
        self.box.addLayout(grid)
        self.box.addWidget(self.note)
        self._captions()

    def _captions(self) -> None:
        self.types_caption.setText(_t(QT_TRANSLATE_NOOP("Overview", "By type (each incident once)")))
        self.severity_caption.setText(_t(QT_TRANSLATE_NOOP("Overview", "By severity")))
        accessible_name_setter(self.by_type)(self.types_caption.text())
        accessible_name_setter(self.by_severity)(self.severity_caption.text())

    def show_summary(self, summary: PeriodSummary, language: str) -> None:
        self.summary, self.language = summary, language
        self._draw()

    def _draw(self) -> None:
        summary = self.summary
        if summary is None:
            return
        current, previous = summary.current, summary.previous
        change = current.total - previous.total
        self.total.setText(_t(QT_TRANSLATE_NOOP(
            "Overview", "%1 incidents from %2 to %3 (%4 in the 30 days before)."),
            number(current.total), summary.scope.date_from.strftime("%d-%m-%Y"),
            summary.scope.date_to.strftime("%d-%m-%Y"), number(previous.total)))
        types = sorted(current.by_primary_type, key=lambda pair: (-pair[1], pair[0]))
        shown = types[:TOP_TYPES]
        rest = sum(count for _code, count in types[TOP_TYPES:])
        bars: list[tuple[str, int, QColor | None]] = [
            (type_label(code, self.language), count, None) for code, count in shown]
        if rest:
            bars.append((_t(QT_TRANSLATE_NOOP("Overview", "Other types")), rest, None))
        self.by_type.set_bars(bars)
        self.by_severity.set_bars([(label(s), current.severity(s.value), SEVERITY_BARS[s])
                                   for s in Severity])
        if not current.total:
            self.set_note(_t(QT_TRANSLATE_NOOP("Overview", "No incidents in the last 30 days.")))
        else:
            self.set_note(_t(QT_TRANSLATE_NOOP("Overview", "Change from the 30 days before: %1."),
                             f"{change:+d}"))

    def refresh_texts(self) -> None:
        self._captions()
        self._draw()


def titled(section: QGroupBox, source: str) -> Callable[[], None]:
    """Set the section's title from ``source`` (Overview context) now and on every call."""

    def apply() -> None:
        section.setTitle(_t(source))

    apply()
    return apply

