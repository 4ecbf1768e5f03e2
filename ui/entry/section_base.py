"""What every part of the entry form shares: labelled inputs with an error line under each.

A section keeps its inputs as plain values (``state``) for the draft, turns them into the core's
input records (``collect``), and shows the core's messages under the field they name.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.incident_fields import CONTEXT as FIELD_CONTEXT
from safetylog.domain.incident_fields import FieldKind, FieldSpec, in_section
from safetylog.domain.problems import Problem
from ui.i18n import Retranslator, is_language_change
from ui.widgets.field_error import FieldError, FieldErrors


def parse_count(text: str) -> tuple[int | None, Problem | None]:
    """A whole number typed by staff: empty is "not given"; anything else must be digits."""
    stripped = text.strip().replace(".", "")
    if not stripped:
        return None, None
    if not stripped.isdigit():
        return None, Problem("not_a_number")
    return int(stripped), None


class Section(QGroupBox):
    """A titled part of the form. Subclasses add fields with the ``_line``/``_check`` helpers."""

    key = ""  # the taxonomy's section name; "" for parts that are always shown
    fields_section = ""  # which described fields it holds (incident_fields); the key if ""
    changed = Signal()
    """Anything in the section changed."""

    def __init__(self, context: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"section_{self.key or context}")
        self._texts = Retranslator(context)
        self._field_texts = Retranslator(FIELD_CONTEXT)
        self.described: dict[str, tuple[FieldSpec, QWidget]] = {}
        self.errors = FieldErrors()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer = QVBoxLayout(self)
        outer.addLayout(self.form)

    def _field(self, name: str, label_source: str, widget: QWidget, accessible: str,
               texts: Retranslator | None = None) -> QWidget:
        texts = texts or self._texts
        label = QLabel(self)
        label.setBuddy(widget)
        texts.bind(label.setText, label_source)
        texts.bind(widget.setAccessibleName, accessible)
        widget.setObjectName(name)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.errors.add(name, FieldError(widget, self)))
        self.form.addRow(label, column)
        return widget

    def _line(self, name: str, label_source: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.textChanged.connect(self.changed)
        self._field(name, label_source, edit, accessible)
        return edit

    def _text(self, name: str, label_source: str, accessible: str, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
        edit.textChanged.connect(self.changed)
        self._field(name, label_source, edit, accessible)
        return edit

    def _check(self, name: str, text_source: str) -> QCheckBox:
        box = QCheckBox(self)
        box.setObjectName(name)
        self._texts.bind(box.setText, text_source)
        box.toggled.connect(self.changed)
        self.form.addRow(box)
        self.form.addRow(self.errors.add(name, FieldError(box, self)))  # e.g. a contradiction
        return box

    def bind_title(self, source: str) -> None:
        self._texts.bind(self.setTitle, source)

    # --- the described fields (incident_fields): widget, state and input by kind -----------

    def add_described(self) -> None:
        """A widget for each described field of this section, at this point of the form."""
        t = self._field_texts
        for spec in in_section(self.fields_section or self.key):
            widget: QWidget
            if spec.kind is FieldKind.FLAG:
                box = QCheckBox(self)
                box.setObjectName(spec.name)
                t.bind(box.setText, spec.form_label)
                box.toggled.connect(self.changed)
                self.form.addRow(box)
                widget = box
            elif spec.kind is FieldKind.COUNT:
                edit = QLineEdit(self)
                edit.textChanged.connect(self.changed)
                if spec.hint:
                    t.bind(edit.setPlaceholderText, spec.hint)
                widget = self._field(spec.name, spec.form_label, edit, spec.label, t)
            else:
                text = QPlainTextEdit(self)
                text.setTabChangesFocus(True)
                text.setFixedHeight(text.fontMetrics().lineSpacing() * spec.lines + 14)
                text.textChanged.connect(self.changed)
                widget = self._field(spec.name, spec.form_label, text, spec.label, t)
            self.described[spec.name] = (spec, widget)

    def described_state(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, (_spec, widget) in self.described.items():
            if isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
        return out

    def set_described_state(self, state: dict[str, Any]) -> None:
        for name, (_spec, widget) in self.described.items():
            value = state.get(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))

    def collect_described(self, problems: dict[str, Problem]) -> dict[str, Any]:
        """IncidentInput keyword arguments of the described fields; a count that is not a
        number goes in ``problems`` (its range is the core's to check)."""
        out: dict[str, Any] = {}
        for name, (spec, widget) in self.described.items():
            if isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
            elif isinstance(widget, QLineEdit) and spec.kind is FieldKind.COUNT:
                value, problem = parse_count(widget.text())
                if problem is not None:
                    problems[name] = problem
                out[name] = value
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
        return out

    # --- the contract with the form -------------------------------------------------------

    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_state(self, state: dict[str, Any]) -> None:
        raise NotImplementedError

    def collect(self, problems: dict[str, Problem]) -> dict[str, Any]:
        """IncidentInput keyword arguments from this section; local parse problems go in ``problems``."""
        raise NotImplementedError

    def relabel(self, language: str) -> None:
        """Data-driven labels (taxonomy, instrument) in ``language``; Qt texts retranslate themselves."""

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._field_texts.apply()
        super().changeEvent(event)
