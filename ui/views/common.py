"""Small pieces every view uses: error wording, a combo box of values, headings, date text.

Strings are English sources marked with ``QT_TRANSLATE_NOOP`` under the "Views" context; the
Danish is in ``resources/i18n/views_da.ts``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QTableView, QWidget

from safetylog.domain.timeutil import to_local
from ui.error_text import error_text as error_text  # re-exported: the views' one way to word an error

CONTEXT = "Views"
DATE_FORMAT = "%d-%m-%Y"
DATETIME_FORMAT = "%d-%m-%Y %H:%M"
QT_DATE_FORMAT = "dd-MM-yyyy"



class ErrorLine(QLabel):
    """A red line saying why a call failed, in the user's language; hidden until one does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setProperty("i18n_data", True)  # the core's localized message
        self.setWordWrap(True)
        self.hide()

    def show_error(self, error: BaseException, language: str) -> None:
        self.setText(error_text(error, language))
        self.show()


def local_datetime(moment: datetime | None) -> str:
    return to_local(moment).strftime(DATETIME_FORMAT) if moment is not None else ""


def local_date(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day is not None else ""


def number(value: int) -> str:
    """An integer in the Danish format (1.234), whatever the language."""
    return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark).toString(value)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def accessible_name_setter(widget: QWidget) -> Callable[[str], None]:
    """A setter giving ``widget`` the (translated) caption as its accessible name, without the
    mnemonic ampersand."""

    def apply(text: str) -> None:
        widget.setAccessibleName(text.replace("&", ""))

    return apply


def heading(parent: QWidget | None = None, size_delta: int = 4) -> QLabel:
    """A bold, larger label for a page or section title (text set by the caller)."""
    label = QLabel(parent)
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + size_delta)
    font.setBold(True)
    label.setFont(font)
    return label


def row_table(model: Any, parent: QWidget | None = None) -> QTableView:
    """A table of ``model`` where a whole row is chosen, one at a time, with no row numbers."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    return view


def data_label(parent: QWidget | None = None) -> QLabel:
    """A label that shows record data (names, narratives), not interface text."""
    label = QLabel(parent)
    label.setProperty("i18n_data", True)
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | label.textInteractionFlags().TextSelectableByMouse)
    return label


class ValueCombo(QComboBox):
    """A combo box whose items carry Python values; ``value()`` is the chosen one's value.

    The values are kept here, not as item data: Qt would turn an enum member into a plain str.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        self._compact = False
        self.currentTextChanged.connect(self._text_shown)

    def make_compact(self, chars: int = 14) -> None:
        """As wide as ``chars`` characters whatever the longest choice (a filter bar must fit a
        1024 x 768 screen); the list still opens wide enough to read every choice, and the chosen
        text is the tooltip when it is cut."""
        self._compact = True
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(chars)
        self._fit_popup()
        self._text_shown(self.currentText())

    def _fit_popup(self) -> None:
        if self._compact and self.count():
            view = self.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + 2 * view.frameWidth()
                                 + view.verticalScrollBar().sizeHint().width())

    def _text_shown(self, text: str) -> None:
        if self._compact:
            self.setToolTip(text)

    def set_items(self, items: list[tuple[str, Any]], keep: bool = True) -> None:
        """Replace the items, keeping the chosen value when it is still offered."""
        current = self.value() if keep else None
        self.blockSignals(True)
        self.clear()
        self._values = [value for _text, value in items]
        for text, _value in items:
            self.addItem(text)
        index = self.index_of(current) if current is not None else -1
        self.setCurrentIndex(max(index, 0) if items else -1)
        self.blockSignals(False)
        self._fit_popup()
        self._text_shown(self.currentText())

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def values(self) -> list[Any]:
        return list(self._values)

    def index_of(self, value: Any) -> int:
        return next((i for i, v in enumerate(self._values) if v == value and type(v) is type(value)), -1)

    def select(self, value: Any) -> bool:
        index = self.index_of(value)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0
