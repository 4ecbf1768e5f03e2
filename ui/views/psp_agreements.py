"""PSP agreements with the police (contact, scope, validity, status) and cooperation notes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import AgreementStatus
from safetylog.domain.records import (
    AgreementInput,
    AgreementRecord,
    CooperationNoteRecord,
    FacilityRecord,
    MeetingRecord,
)
from safetylog.services.permissions import Permission, may_edit_note
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo, accessible_name_setter, local_date, local_datetime
from ui.views.conflict import ConflictNotice
from ui.views.forms import FormRows, OptionalDateInput, button
from ui.views.psp_labels import agreement_status
from ui.views.psp_meetings import table
from ui.views.psp_note_dialog import NoteDialog

CONTEXT = "PspAgreements"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def _validity(a: AgreementRecord) -> str:
    if not a.valid_from and not a.valid_to:
        return ""
    return f"{local_date(a.valid_from) or '…'} – {local_date(a.valid_to) or '…'}"


class AgreementsTab(QWidget):
    message = Signal(str, bool)
    reload_requested = Signal()
    """After a conflict, the user asked for the records as they are stored now."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: list[FacilityRecord] = []
        self.editing: AgreementRecord | None = None
        self._reloading = False  # the next data replaces the form (the user asked to reload)
        self.model: RecordTableModel[AgreementRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Agreement"), lambda a: a.title),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Facility"), self._facility),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Police contact"),
                       lambda a: a.police_contact),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Valid"), _validity),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Status"),
                       lambda a: agreement_status(a.status)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Scope"), lambda a: a.scope,
                       tooltip=lambda a: a.scope),
        ], lambda a: a.id, self)
        self.list = table(self.model, self)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("PspAgreements", "Agreements"))
        self.list.selectionModel().selectionChanged.connect(self._selected)
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("PspAgreements", "Agreement"))
        self.form = FormRows(t, box)
        self.facility_box = self.form.row("facility_id", QT_TRANSLATE_NOOP("PspAgreements", "Facilit&y"),
                                          ValueCombo(box))
        self.title_edit = self.form.row("title", QT_TRANSLATE_NOOP("PspAgreements", "&Title"), QLineEdit(box))
        self.contact = self.form.row("police_contact", QT_TRANSLATE_NOOP("PspAgreements", "Po&lice contact"),
                                     QLineEdit(box))
        self.scope = self.form.row("scope", QT_TRANSLATE_NOOP("PspAgreements", "Scop&e"), QPlainTextEdit(box))
        self.scope.setTabChangesFocus(True)
        self.scope.setMaximumHeight(70)
        self.valid_from = self.form.row("valid_from", QT_TRANSLATE_NOOP("PspAgreements", "&Valid from"),
                                        OptionalDateInput(box))
        self.valid_to = self.form.row("valid_to", QT_TRANSLATE_NOOP("PspAgreements", "Valid t&o"),
                                      OptionalDateInput(box))
        self.status_box = self.form.row("status", QT_TRANSLATE_NOOP("PspAgreements", "St&atus"),
                                        ValueCombo(box))
        self.conflict = ConflictNotice(box)
        self.conflict.reload_requested.connect(self.reload)
        self.form.add(self.conflict)
        buttons = QHBoxLayout()
        self.save_button = button(t, QT_TRANSLATE_NOOP("PspAgreements", "&Save agreement"), self.save, box)
        self.new_button = button(t, QT_TRANSLATE_NOOP("PspAgreements", "Ne&w agreement"),
                                 self.clear_form, box)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.form.layout.addRow(buttons)
        box.setLayout(self.form.layout)
        box.setVisible(ctx.may(Permission.PSP_MANAGE))
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_statuses()

    def _facility(self, a: AgreementRecord) -> str:
        return next((f.name for f in self.facilities if f.id == a.facility_id), "")

    def _fill_statuses(self) -> None:
        self.status_box.set_items([(agreement_status(s), s) for s in AgreementStatus])

    def set_data(self, agreements: list[AgreementRecord], facilities: list[FacilityRecord]) -> None:
        self.facilities = facilities
        self.facility_box.set_items([(f.name, f.id) for f in facilities])
        self.model.set_rows(agreements)
        # The agreement being edited keeps the version it was read at, so that saving over a newer
        # one is refused; only a reload the user asked for brings the newer one into the form.
        row = self.model.row_of(self.editing.id) if self.editing is not None else -1
        if self._reloading and row >= 0:
            self.list.selectRow(row)
            self._show(self.model.row_at(row))
        self._reloading = False

    def reload(self) -> None:
        self._reloading = True
        self.reload_requested.emit()

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows:
            self._show(self.model.row_at(rows[0].row()))

    def _show(self, a: AgreementRecord) -> None:
        self.editing = a
        self.conflict.hide()
        self.facility_box.select(a.facility_id)
        self.title_edit.setText(a.title)
        self.contact.setText(a.police_contact)
        self.scope.setPlainText(a.scope)
        self.valid_from.set_value(a.valid_from)
        self.valid_to.set_value(a.valid_to)
        self.status_box.select(a.status)

    def clear_form(self) -> None:
        self.editing = None
        self.list.clearSelection()
        for edit in (self.title_edit, self.contact):
            edit.clear()
        self.scope.clear()
        self.valid_from.set_value(None)
        self.valid_to.set_value(None)
        self.status_box.setCurrentIndex(0)
        self.form.errors.clear()
        self.conflict.hide()

    def save(self) -> None:
        data = AgreementInput(self.facility_box.value(), self.title_edit.text(), self.contact.text(),
                              self.scope.toPlainText(), self.valid_from.value(), self.valid_to.value(),
                              self.status_box.value())
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        agreement_id = self.editing.id if self.editing else None
        version = self.editing.version if self.editing else None
        Op(self, lambda: psp.save_agreement(actor, data, agreement_id, expected_version=version)
           ).success(self._saved).failure(self._refused).run(self.tasks, self.ctx)

    def _saved(self, agreement: AgreementRecord) -> None:
        self.clear_form()
        self.message.emit(_t(QT_TRANSLATE_NOOP("PspAgreements", "The agreement \u201c%1\u201d is saved."),
                             agreement.title), False)

    def _refused(self, error: BaseException) -> None:
        # A conflict keeps the form as typed, with the notice and a reload beside it.
        if self.conflict.show_error(error, self.ctx.language):
            self.form.errors.clear()
            return
        self.form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_statuses()
            self.model.refresh_texts()
        super().changeEvent(event)


class NotesTab(QWidget):
    """Cooperation notes per facility, newest first, optionally tied to a meeting."""

    message = Signal(str, bool)

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.meetings: list[MeetingRecord] = []
        self.notes: list[CooperationNoteRecord] = []
        self.form = FormRows(t, self)
        self.facility_box = self.form.row("facility_id", QT_TRANSLATE_NOOP("PspAgreements", "Facilit&y"),
                                          ValueCombo(self))
        self.facility_box.currentIndexChanged.connect(lambda _i: self.load_notes())
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setProperty("i18n_data", True)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("PspAgreements", "Notes"))
        self.meeting_box = self.form.row("meeting_id", QT_TRANSLATE_NOOP("PspAgreements", "&Meeting"),
                                         ValueCombo(self))
        self.text = self.form.row("text", QT_TRANSLATE_NOOP("PspAgreements", "N&ote"), QPlainTextEdit(self))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.add_button = button(t, QT_TRANSLATE_NOOP("PspAgreements", "&Add note"), self.add, self)
        self.form.add(self.add_button)
        self.dialog: NoteDialog | None = None  # the open change window, if any
        self.edit_button = button(t, QT_TRANSLATE_NOOP("PspAgreements", "C&hange note…"), self.edit, self)
        self.edit_button.setEnabled(False)
        self.edit_button.setVisible(ctx.may(Permission.PSP_MANAGE))
        self.list.currentRowChanged.connect(lambda _row: self._note_chosen())
        self.list.itemActivated.connect(lambda _item: self.edit())  # Enter, double-click
        for caption in ("meeting_id", "text"):
            self.form.captions[caption].setVisible(ctx.may(Permission.PSP_MANAGE))
        for widget in (self.meeting_box, self.text, self.add_button):
            widget.setVisible(ctx.may(Permission.PSP_MANAGE))
        edit_row = QHBoxLayout()
        edit_row.addStretch(1)
        edit_row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.insertWidget(1, self.list, 1)
        layout.insertLayout(2, edit_row)

    def set_data(self, facilities: list[FacilityRecord], meetings: list[MeetingRecord]) -> None:
        self.meetings = meetings
        self.facility_box.set_items([(f.name, f.id) for f in facilities])
        self._fill_meetings()
        self.load_notes()

    def _fill_meetings(self) -> None:
        none = _t(QT_TRANSLATE_NOOP("PspAgreements", "(no meeting)"))
        self.meeting_box.set_items([(none, None)] + [(f"{local_date(m.held_on)} {m.district}", m.id)
                                                     for m in self.meetings])

    def load_notes(self) -> None:
        facility = self.facility_box.value()
        if facility is None:
            return
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        Query(self, lambda: psp.notes(actor, facility)).success(self._notes_loaded).failure(
            self._refused).run(self.tasks, self.ctx)

    def _notes_loaded(self, notes: list[CooperationNoteRecord]) -> None:
        self.notes = notes
        self.list.clear()
        for note in notes:
            head = f"{local_datetime(note.created_at)} · {note.author}"
            self.list.addItem(QListWidgetItem(f"{head}\n{note.text}"))
        if not notes:
            self.list.addItem(QListWidgetItem(_t(QT_TRANSLATE_NOOP("PspAgreements", "No notes yet."))))
        self._note_chosen()

    def chosen(self) -> CooperationNoteRecord | None:
        row = self.list.currentRow()
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def _note_chosen(self) -> None:
        # The core decides; the button only says beforehand what it will allow.
        note, actor = self.chosen(), self.ctx.actor
        self.edit_button.setEnabled(note is not None and actor is not None
                                    and may_edit_note(actor, note.author_id))

    def edit(self) -> None:
        note = self.chosen()
        if note is None or not self.edit_button.isEnabled():
            return
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog = NoteDialog(self.ctx, self.tasks, note, self)
        dialog.saved.connect(self._edited)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.show_record()

    def _closed(self, dialog: NoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _edited(self, _note: CooperationNoteRecord) -> None:
        self.message.emit(_t(QT_TRANSLATE_NOOP("PspAgreements", "The note is saved.")), False)
        self.load_notes()

    def add(self) -> None:
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        facility, text, meeting = self.facility_box.value(), self.text.toPlainText(), self.meeting_box.value()
        Op(self, lambda: psp.add_note(actor, facility, text, meeting)).success(self._added).failure(
            self._refused).run(self.tasks, self.ctx)


    def _added(self, _note: CooperationNoteRecord) -> None:
        self.text.clear()
        self.form.errors.clear()
        self.load_notes()

    def _refused(self, error: BaseException) -> None:
        self.form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_meetings()
            self._notes_loaded(self.notes)
        super().changeEvent(event)
