"""Table columns that fit a small screen: cut text shows in full as a tooltip, and the user can
hide the columns they do not need (right-click the header); this PC remembers which.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from ui import window_state

HIDDEN_KEY = "tables/{}/hidden_columns"


class ElidedTipDelegate(QStyledItemDelegate):
    """The usual painting; a cell whose text is cut shows all of it as a tooltip (unless the
    model gives a tooltip of its own)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event is None or not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return super().helpEvent(event, view, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return super().helpEvent(event, view, option, index)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if self.sizeHint(shown, index).width() > option.rect.width():
            QToolTip.showText(event.globalPos(), text, view, option.rect)
        else:
            QToolTip.hideText()
        return True


def fit_columns(view: QTableView, key: str) -> None:
    """Give ``view`` tooltips for cut cells and a header menu to hide columns, remembered per PC
    under ``key``."""
    view.setItemDelegate(ElidedTipDelegate(view))
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = view.horizontalHeader()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(lambda at: _column_menu(view, key, at))
    model = view.model()
    count = model.columnCount() if model is not None else 0
    for column in hidden_columns(key):
        if 0 <= column < count:
            view.setColumnHidden(column, True)
    _keep_one_shown(view)


def hidden_columns(key: str) -> list[int]:
    raw = window_state.store().value(HIDDEN_KEY.format(key), "")
    text = ",".join(raw) if isinstance(raw, list) else str(raw or "")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


def set_column_shown(view: QTableView, key: str, column: int, shown: bool) -> None:
    """Show or hide one column; the last shown column cannot be hidden."""
    model = view.model()
    if model is None:
        return
    others = [c for c in range(model.columnCount()) if c != column and not view.isColumnHidden(c)]
    if not shown and not others:
        return
    view.setColumnHidden(column, not shown)
    hidden = [c for c in range(model.columnCount()) if view.isColumnHidden(c)]
    settings = window_state.store()
    settings.setValue(HIDDEN_KEY.format(key), ",".join(str(c) for c in hidden))
    settings.sync()


def _keep_one_shown(view: QTableView) -> None:
    model = view.model()
    if model is not None and model.columnCount() and all(
            view.isColumnHidden(c) for c in range(model.columnCount())):
        view.setColumnHidden(0, False)


def column_menu(view: QTableView, key: str) -> QMenu:
    """The header's menu: one tick per column, in the current language."""
    menu = QMenu(view)
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return menu
    shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        action = menu.addAction(str(title or column + 1))
        action.setCheckable(True)
        action.setChecked(column in shown)
        action.setEnabled(not (column in shown and len(shown) == 1))
        action.toggled.connect(lambda on, c=column: set_column_shown(view, key, c, on))
    return menu


def _column_menu(view: QTableView, key: str, at: QPoint) -> None:
    menu = column_menu(view, key)
    menu.aboutToHide.connect(menu.deleteLater)
    menu.popup(view.horizontalHeader().mapToGlobal(at))


class ContentColumns(QObject):
    """Columns as wide as their contents, one of them taking the spare width when there is some.

    Qt's own "resize to contents" plus "stretch" squeezes the stretching column to a few pixels
    when the table is narrower than its contents (a 1024-pixel screen); here the columns keep their
    content width then, the table scrolls sideways, and the user can still drag a column narrower.
    """

    def __init__(self, view: QTableView, stretch: int) -> None:
        super().__init__(view)
        self.view, self.stretch = view, stretch
        self._busy = False
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.dataChanged, model.headerDataChanged):
            signal.connect(self.apply)
        view.viewport().installEventFilter(self)
        view.setItemDelegate(ElidedTipDelegate(view))
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.apply()
        return False

    def apply(self, *_args: object) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            header = self.view.horizontalHeader()
            count = header.count()
            if not count:
                return
            header.setStretchLastSection(False)
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.view.resizeColumnsToContents()
            if header.length() < self.view.viewport().width():
                header.setSectionResizeMode(self.stretch % count, QHeaderView.ResizeMode.Stretch)
        finally:
            self._busy = False
