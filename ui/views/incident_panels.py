"""The incident view's lists: notes (addenda, correction requests), history (versions), duties.

The history shows each version's own text: version 1 is the original as it was submitted, and
it never changes; corrections and sign-offs are later versions beside it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.incident_fields import changes
from safetylog.domain.records import Addendum, DutyRecord, IncidentVersion
from safetylog.domain.timeutil import utcnow
from ui.field_words import field_label, value_text
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.incident_labels import (
    DUTY_KINDS,
    DUTY_STATES,
    NOTE_KINDS,
    VERSION_KINDS,
    deadline_source_text,
    duty_state,
    word,
)
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.views.common import ValueCombo, accessible_name_setter, data_label, local_datetime, row_table
from ui.widgets.field_error import FieldError, FieldErrors


def _t(context: str, source: str, *args: object) -> str:
    return translate(context, source, *args)


def table(model: RecordTableModel, parent: QWidget) -> QTableView:
    view = row_table(model, parent)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


# --- notes -----------------------------------------------------------------------------------


class NotesPanel(QWidget):
    add_requested = Signal(str, str)
    """(kind, text): add an addendum or a correction request."""

    def __init__(self, may_add: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = t = Retranslator("IncidentNotes")
        self.notes: tuple[Addendum, ...] = ()
        self.errors = FieldErrors()
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setProperty("i18n_data", True)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("IncidentNotes", "Notes"))
        self.kind_box = ValueCombo(self)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.add_button = QPushButton(self)
        t.bind(self.add_button.setText, QT_TRANSLATE_NOOP("IncidentNotes", "&Add note"))
        self.add_button.clicked.connect(
            lambda: self.add_requested.emit(self.kind_box.value(), self.text.toPlainText()))
        kind_caption, text_caption = QLabel(self), QLabel(self)
        kind_caption.setBuddy(self.kind_box)
        text_caption.setBuddy(self.text)
        t.bind(kind_caption.setText, QT_TRANSLATE_NOOP("IncidentNotes", "&Kind"))
        t.bind(text_caption.setText, QT_TRANSLATE_NOOP("IncidentNotes", "&Text"))
        t.bind(accessible_name_setter(self.kind_box), QT_TRANSLATE_NOOP("IncidentNotes", "Kind"))
        t.bind(accessible_name_setter(self.text), QT_TRANSLATE_NOOP("IncidentNotes", "Text"))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        t.bind(self.hint.setText, QT_TRANSLATE_NOOP(
            "IncidentNotes", "A note is added beside the record; the record itself is not changed. "
                             "A correction request asks a manager to correct the record."))
        form = QFormLayout()
        form.addRow(kind_caption, self.kind_box)
        form.addRow(text_caption, self.text)
        form.addRow(self.errors.add("text", FieldError(self.text, self)))
        form.addRow(self.errors.add("kind", FieldError(self.kind_box, self)))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        self.form_box = QWidget(self)
        self.form_box.setLayout(form)
        self.form_box.setVisible(may_add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.form_box)
        self._fill_kinds()

    def _fill_kinds(self) -> None:
        self.kind_box.set_items([(word(NOTE_KINDS, k), k) for k in ("addendum", "correction_request")])

    def show_notes(self, notes: tuple[Addendum, ...]) -> None:
        self.notes = notes
        self.list.clear()
        for note in notes:
            head = f"{local_datetime(note.created_at)} · {note.author} · {word(NOTE_KINDS, note.kind)}"
            item = QListWidgetItem(f"{head}\n{note.text}")
            self.list.addItem(item)
        if not notes:
            self.list.addItem(QListWidgetItem(_t("IncidentNotes", QT_TRANSLATE_NOOP(
                "IncidentNotes", "No notes yet."))))

    def after_add(self) -> None:
        self.text.clear()
        self.errors.clear()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_kinds()
            self.show_notes(self.notes)
        super().changeEvent(event)


# --- history ---------------------------------------------------------------------------------

HISTORY = "IncidentHistory"


class HistoryPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = t = Retranslator(HISTORY)
        self.model: RecordTableModel[IncidentVersion] = RecordTableModel([
            ColumnSpec(HISTORY, QT_TRANSLATE_NOOP("IncidentHistory", "Version"), lambda v: str(v.number)),
            ColumnSpec(HISTORY, QT_TRANSLATE_NOOP("IncidentHistory", "What"),
                       lambda v: word(VERSION_KINDS, v.kind.value)),
            ColumnSpec(HISTORY, QT_TRANSLATE_NOOP("IncidentHistory", "By"), lambda v: v.author),
            ColumnSpec(HISTORY, QT_TRANSLATE_NOOP("IncidentHistory", "When"),
                       lambda v: local_datetime(v.created_at)),
            ColumnSpec(HISTORY, QT_TRANSLATE_NOOP("IncidentHistory", "Reason"), lambda v: v.reason),
        ], lambda v: v.number, self)
        self.table = table(self.model, self)
        t.bind(accessible_name_setter(self.table), QT_TRANSLATE_NOOP("IncidentHistory", "Versions"))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.caption = QLabel(self)
        self.text = data_label(self)
        self.text.setObjectName("version_text")
        self.changes = data_label(self)  # the described fields this version changed
        self.changes.setObjectName("version_changes")
        splitter = QSplitter(self)
        splitter.setOrientation(splitter.orientation().Vertical)
        splitter.addWidget(self.table)
        box = QWidget(splitter)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.caption)
        box_layout.addWidget(self.changes)
        box_layout.addWidget(self.text, 1)
        splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_versions(self, versions: tuple[IncidentVersion, ...]) -> None:
        self.model.set_rows(versions)
        if versions:
            self.table.selectRow(0)  # the original first

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        version = self.model.row_at(rows[0].row())
        snap = version.snapshot
        self.caption.setText(_t(HISTORY, QT_TRANSLATE_NOOP(
            "IncidentHistory", "Version %1 (%2), severity %3: the text as it stood then"),
            version.number, word(VERSION_KINDS, version.kind.value), snap.get("severity", "")))
        self.text.setText(str(snap.get("narrative", "")))
        self._show_changes(rows[0].row())

    def _show_changes(self, row: int) -> None:
        """What this version changed in the described fields, against the version before it."""
        lines = []
        if row > 0:
            before, after = self.model.row_at(row - 1), self.model.row_at(row)
            for spec, old, new in changes(before.snapshot, after.snapshot):
                lines.append(f"{field_label(spec)}: {value_text(spec, old) or '–'} → "
                             f"{value_text(spec, new) or '–'}")
            if lines:
                lines.insert(0, _t(HISTORY, QT_TRANSLATE_NOOP(
                    "IncidentHistory", "Changed from version %1:"), before.number))
        self.changes.setText("\n".join(lines))
        self.changes.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.model.refresh_texts()
            rows = self.table.selectionModel().selectedRows()
            if rows:
                self._selected(QItemSelection(), QItemSelection())
        super().changeEvent(event)


# --- duties ----------------------------------------------------------------------------------

DUTIES = "IncidentDuties"
OVERDUE = QColor("#ffcdd2")


def duty_columns(now: datetime) -> list[ColumnSpec[DutyRecord]]:
    def state(d: DutyRecord) -> str:
        return word(DUTY_STATES, duty_state(d.state, d.due_at, now))

    def colour(d: DutyRecord) -> QColor | None:
        return OVERDUE if duty_state(d.state, d.due_at, now) == "overdue" else None

    return [
        ColumnSpec(DUTIES, QT_TRANSLATE_NOOP("IncidentDuties", "Duty"), lambda d: word(DUTY_KINDS, d.kind)),
        ColumnSpec(DUTIES, QT_TRANSLATE_NOOP("IncidentDuties", "State"), state, colour=colour),
        ColumnSpec(DUTIES, QT_TRANSLATE_NOOP("IncidentDuties", "Deadline"),
                   lambda d: local_datetime(d.due_at)),
        ColumnSpec(DUTIES, QT_TRANSLATE_NOOP("IncidentDuties", "Closed"),
                   lambda d: local_datetime(d.closed_at)),
        ColumnSpec(DUTIES, QT_TRANSLATE_NOOP("IncidentDuties", "Deadline's legal source"),
                   lambda d: deadline_source_text(d.details),
                   tooltip=lambda d: deadline_source_text(d.details)),
    ]


class DutiesPanel(QWidget):
    opened = Signal(object)
    """Enter or a double click on a duty: the ``DutyRecord`` to follow up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = t = Retranslator(DUTIES)
        self.model: RecordTableModel[DutyRecord] = RecordTableModel(duty_columns(utcnow()),
                                                                    lambda d: d.id, self)
        self.table = table(self.model, self)
        self.table.activated.connect(lambda index: self.opened.emit(self.model.row_at(index.row())))
        t.bind(accessible_name_setter(self.table), QT_TRANSLATE_NOOP("IncidentDuties", "Duties"))
        self.empty = QLabel(self)
        t.bind(self.empty.setText, QT_TRANSLATE_NOOP("IncidentDuties", "This incident triggered no duties."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

    def show_duties(self, duties: tuple[DutyRecord, ...]) -> None:
        self.model.set_rows(duties)
        self.empty.setVisible(not duties)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.model.refresh_texts()
        super().changeEvent(event)
