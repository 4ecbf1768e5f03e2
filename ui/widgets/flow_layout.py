"""A layout that places its items left to right and wraps to a new line when the row is full.

For filter bars: on a wide screen the filters share one or two lines, on a 1024 x 768 screen they
take a line more instead of pushing the page wider than the window. After Qt's flow layout example.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # --- the item list (QLayout's protocol) ------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- geometry --------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As narrow as the widest single item: the rest wraps below it."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        across = orientation == Qt.Orientation.Horizontal
        metric = (QStyle.PixelMetric.PM_LayoutHorizontalSpacing if across
                  else QStyle.PixelMetric.PM_LayoutVerticalSpacing)
        found = parent.style().pixelMetric(metric, None, parent)
        return found if found >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in ``rect`` (or only measure); the height the lines take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        across, down = self._gap(Qt.Orientation.Horizontal), self._gap(Qt.Orientation.Vertical)
        x, y, line_height = area.x(), area.y(), 0
        line: list[tuple[QLayoutItem, QSize]] = []

        def finish_line() -> None:
            # Items in a line share its height; a wider area gives the line's items their hints.
            if move:
                for item, size in line:
                    geometry = item.geometry()
                    item.setGeometry(QRect(QPoint(geometry.x(), geometry.y()),
                                           QSize(size.width(), line_height)))

        for item in self._items:
            if item.isEmpty():
                continue
            size = item.sizeHint().expandedTo(item.minimumSize())
            size.setWidth(min(size.width(), area.width()))
            if line and x + size.width() > area.right() + 1:
                finish_line()
                line = []
                x, y = area.x(), y + line_height + down
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), size))
            line.append((item, size))
            x += size.width() + across
            line_height = max(line_height, size.height())
        finish_line()
        return y + line_height - rect.y() + margins.bottom()

