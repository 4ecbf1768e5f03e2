"""Two small charts drawn with QPainter: labelled horizontal bars, and a weekday × hour heat map.

They draw plain numbers handed to them (from the period summary or a query service); labels
are passed in already translated. Each chart also describes itself in text (accessible
description and tooltip per cell) so the numbers are not only in pixels.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#5c7fa3")
GRID = QColor("#d0d7de")
TEXT = QColor("#1f2328")


class BarChart(QWidget):
    """Horizontal bars, one per (label, value, colour); the value is written after each bar."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, QColor]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[tuple[str, int, QColor | None]]) -> None:
        self.bars = [(label, value, colour or BAR) for label, value, colour in bars]
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value, _c in self.bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.bars)) * self.ROW + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        label_width = min(max((metrics.horizontalAdvance(b[0]) for b in self.bars), default=0) + 12,
                          self.width() // 2)
        value_width = metrics.horizontalAdvance("00000") + 8
        top = max((b[1] for b in self.bars), default=0) or 1
        span = max(10, self.width() - label_width - value_width - 4)
        for row, (label, value, colour) in enumerate(self.bars):
            y = 4 + row * self.ROW
            painter.setPen(TEXT)
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 12)
            painter.drawText(QRectF(0, y, label_width - 8, self.ROW - 4),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            width = span * value / top
            painter.fillRect(QRectF(label_width, y + 3, width, self.ROW - 10), colour)
            painter.drawText(QRectF(label_width + width + 4, y, value_width, self.ROW - 4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), str(value))
        painter.end()


class HeatMap(QWidget):
    """Counts per weekday (rows) and hour (columns); darker is more. Hover a cell for its count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: list[list[int]] = [[0] * 24 for _ in range(7)]
        self.day_names: list[str] = [str(d) for d in range(7)]
        self.cell_text = "%1 %2:00 – %3"  # day, hour, count; set translated by the owner
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_counts(self, counts: Sequence[Sequence[int]], day_names: Sequence[str], cell_text: str) -> None:
        self.counts = [list(row) for row in counts]
        self.day_names = list(day_names)
        self.cell_text = cell_text
        busiest = max(((c, d, h) for d, row in enumerate(self.counts) for h, c in enumerate(row)),
                      default=(0, 0, 0))
        self.setAccessibleDescription(self._describe(busiest[1], busiest[2]) if busiest[0] else "")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(760, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(480, 200)

    def _geometry(self) -> tuple[float, float, float, float]:
        metrics = QFontMetrics(self.font())
        left = max((metrics.horizontalAdvance(n) for n in self.day_names), default=0) + 10
        top = metrics.height() + 6
        cell_w = (self.width() - left - 4) / 24
        cell_h = (self.height() - top - 4) / 7
        return left, top, cell_w, cell_h

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        left, top, cell_w, cell_h = self._geometry()
        if x < left or y < top or cell_w <= 0 or cell_h <= 0:
            return None
        hour, day = int((x - left) // cell_w), int((y - top) // cell_h)
        return (day, hour) if 0 <= day < 7 and 0 <= hour < 24 else None

    def _describe(self, day: int, hour: int) -> str:
        return (self.cell_text.replace("%1", self.day_names[day]).replace("%2", f"{hour:02d}")
                .replace("%3", str(self.counts[day][hour])))

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        left, top, cell_w, cell_h = self._geometry()
        highest = max((max(row) for row in self.counts), default=0) or 1
        painter.setPen(TEXT)
        for hour in range(0, 24, 3):
            painter.drawText(QRectF(left + hour * cell_w, 0, cell_w * 3, top - 4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), f"{hour:02d}")
        for day in range(7):
            y = top + day * cell_h
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, y, left - 6, cell_h),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             self.day_names[day])
            for hour in range(24):
                count = self.counts[day][hour]
                shade = 0.0 if not count else 0.15 + 0.85 * count / highest
                colour = QColor.fromRgbF(1 - 0.75 * shade, 1 - 0.55 * shade, 1 - 0.25 * shade)
                rect = QRectF(left + hour * cell_w, y, cell_w - 1, cell_h - 1)
                painter.fillRect(rect, colour)
                painter.setPen(GRID)
                painter.drawRect(rect)
        painter.end()

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos().x(), event.pos().y())
            if cell is not None:
                QToolTip.showText(event.globalPos(), self._describe(*cell), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)  # type: ignore[arg-type]
