"""Correcting a cooperation note's text: its author may, and so may a manager (``may_edit_note``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from safetylog.domain.errors import NotFound
from safetylog.domain.records import CooperationNoteRecord
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.tasks import TaskRunner
from ui.views.common import data_label, local_datetime
from ui.views.edit_dialog import EditDialog, record_from

CONTEXT = "PspAgreements"


class NoteDialog(EditDialog[CooperationNoteRecord]):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, note: CooperationNoteRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, CONTEXT, QT_TRANSLATE_NOOP("PspAgreements", "Change note"), note,
                         parent)
        self.setObjectName("noteDialog")
        self.written = data_label(self)
        self.form.add(self.written)
        self.text = self.form.row("text", QT_TRANSLATE_NOOP("PspAgreements", "N&ote"), QPlainTextEdit(self))
        self.text.setTabChangesFocus(True)
        self.setMinimumWidth(560)

    def fill(self, record: CooperationNoteRecord) -> None:
        self.written.setText(f"{local_datetime(record.created_at)} · {record.author}")
        self.text.setPlainText(record.text)

    def save_call(self, record: CooperationNoteRecord) -> Callable[[], CooperationNoteRecord]:
        actor, psp, text = self.ctx.require_actor(), self.ctx.services.psp, self.text.toPlainText()
        return lambda: psp.edit_note(actor, record.id, text, expected_version=record.version)

    def reload_call(self, record: CooperationNoteRecord) -> Callable[[], CooperationNoteRecord]:
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        return lambda: record_from(psp.notes(actor, record.facility_id), record.id,
                                   lambda: NotFound(f"No note {record.id}."))
