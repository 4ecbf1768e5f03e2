"""A form layout where every input has its caption (with a mnemonic), an accessible name and a
red line for the core's message under it; and the small inputs the forms share.

``FormRows.row("field", QT_TRANSLATE_NOOP("Ctx", "&Caption"), widget)`` is all a form needs;
``show_errors(error)`` puts each of the core's messages under its field and returns the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from safetylog.domain.errors import ValidationError
from safetylog.domain.timeutil import to_local, utcnow
from ui.i18n import Retranslator
from ui.views.common import QT_DATE_FORMAT, accessible_name_setter, error_text, from_qdate, to_qdate
from ui.widgets.field_error import FieldError, FieldErrors

W = TypeVar("W", bound=QWidget)


def caption_for(texts: Retranslator, caption: str, widget: QWidget, parent: QWidget) -> QLabel:
    """A label with ``caption`` (and its mnemonic) for ``widget``, which gets the caption as its
    accessible name."""
    label = QLabel(parent)
    label.setBuddy(widget)
    texts.bind(label.setText, caption)
    texts.bind(accessible_name_setter(widget), caption)
    return label


class FormRows:
    def __init__(self, texts: Retranslator, parent: QWidget) -> None:
        self.texts, self.parent = texts, parent
        self.layout = QFormLayout()
        self.layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.errors = FieldErrors()
        self.captions: dict[str, QLabel] = {}

    def row(self, field: str, caption: str, widget: W) -> W:
        label = caption_for(self.texts, caption, widget, self.parent)
        self.layout.addRow(label, widget)
        self.layout.addRow(self.errors.add(field, FieldError(widget, self.parent)))
        self.captions[field] = label
        return widget

    def add(self, widget: QWidget | Any) -> None:
        self.layout.addRow(widget)

    def show_errors(self, error: BaseException, language: str) -> str:
        """Messages beside their fields; returns the text of what fits no field ("" if none)."""
        if isinstance(error, ValidationError):
            unplaced = self.errors.show(error.messages(language))
            return " ".join(unplaced.values())
        self.errors.clear()
        return error_text(error, language)

    def refuse(self, error: BaseException, language: str, say: Callable[[str, bool], None]) -> None:
        """``show_errors``, and what fits no field (if anything) said as an error: ``say(text, True)``."""
        rest = self.show_errors(error, language)
        if rest:
            say(rest, True)


class DateInput(QDateEdit):
    """A date typed as dd-MM-yyyy, with a calendar on Alt+Down; today by default."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(QT_DATE_FORMAT)
        self.setCalendarPopup(True)
        self.set_value(to_local(utcnow()).date())

    def value(self) -> date:
        return from_qdate(self.date())

    def set_value(self, day: date) -> None:
        self.setDate(to_qdate(day))


class OptionalDateInput(QWidget):
    """A date that may be left out; the check box says whether it is given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(self)
        self.edit = DateInput(self)
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.known)

    def value(self) -> date | None:
        return self.edit.value() if self.known.isChecked() else None

    def set_value(self, day: date | None) -> None:
        self.known.setChecked(day is not None)
        if day is not None:
            self.edit.set_value(day)


class CheckList(QListWidget):
    """Several choices ticked with Space (facilities of a meeting, a user's facilities)."""

    def set_choices(self, choices: list[tuple[str, Any]], checked: set[Any] | None = None) -> None:
        keep = checked if checked is not None else set(self.checked())
        self.clear()
        self._values = [value for _text, value in choices]
        for text, value in choices:
            item = QListWidgetItem(text, self)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in keep else Qt.CheckState.Unchecked)
        self.setMaximumHeight(max(60, min(140, 22 * len(choices) + 6)))

    def checked(self) -> list[Any]:
        values = getattr(self, "_values", [])
        return [values[i] for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: set[Any]) -> None:
        for i, value in enumerate(getattr(self, "_values", [])):
            self.item(i).setCheckState(Qt.CheckState.Checked if value in values else Qt.CheckState.Unchecked)


def button(texts: Retranslator, caption: str, slot: Callable[[], Any], parent: QWidget) -> QPushButton:
    push = QPushButton(parent)
    texts.bind(push.setText, caption)
    push.clicked.connect(lambda _checked=False: slot())
    return push
