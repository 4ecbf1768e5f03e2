"""PSP meetings: the list, a new meeting (open action items are carried over to it by the core),
the chosen meeting's minutes and action items, and the disclosure decisions that name a
resident to it (who decided, why it is necessary, on which legal basis: retsplejelovens § 115).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import (
    ActionItemRecord,
    DisclosureRecord,
    FacilityRecord,
    MeetingInput,
    MeetingRecord,
    ResidentRecord,
)
from safetylog.services.permissions import Permission
from safetylog.services.psp import LEGAL_BASIS_115
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import (
    ValueCombo,
    accessible_name_setter,
    data_label,
    local_date,
    local_datetime,
    row_table,
)
from ui.views.conflict import ConflictNotice
from ui.views.forms import CheckList, DateInput, FormRows, button, caption_for
from ui.views.psp_labels import action_status
from ui.widgets.table_columns import ContentColumns

CONTEXT = "PspMeetings"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def table(model: Any, parent: QWidget, stretch: int = -1) -> QTableView:
    """A read-only list table; column ``stretch`` (default: the last) takes the spare width."""
    view = row_table(model, parent)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    ContentColumns(view, stretch)  # never squeezed to nothing on a small screen
    return view


class MeetingsTab(QWidget):
    message = Signal(str, bool)
    """(text, is_error): something to tell the user in the workspace's message line."""
    reload_requested = Signal()
    """After a conflict, the user asked for the records as they are stored now."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: list[FacilityRecord] = []
        self.residents: list[ResidentRecord] = []
        self.items: list[ActionItemRecord] = []
        self.meeting: MeetingRecord | None = None
        self.created_id: int | None = None  # select this meeting when the list comes back
        self.meetings: RecordTableModel[MeetingRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Date"), lambda m: local_date(m.held_on)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Police district"), lambda m: m.district),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Facilities"), self._facility_names),
        ], lambda m: m.id, self)
        self.meeting_items: RecordTableModel[ActionItemRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Action"), lambda a: a.text,
                       tooltip=lambda a: a.text),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Owner"), lambda a: a.owner_role),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Due"), lambda a: local_date(a.due_on)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Status"),
                       lambda a: action_status(a.status)),
        ], lambda a: a.id, self)
        self.disclosures: RecordTableModel[DisclosureRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Resident"), lambda d: d.pseudonym),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Legal basis"), lambda d: d.legal_basis),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Decided by"),
                       lambda d: f"{d.decided_by}, {local_datetime(d.decided_at)}"),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspMeetings", "Why it is necessary"),
                       lambda d: d.necessity_note, tooltip=lambda d: d.necessity_note),
        ], lambda d: d.id, self)

        self.list = table(self.meetings, self)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("PspMeetings", "Meetings"))
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.new_box = self._new_meeting_form()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_box)

        self.detail = QWidget(self)
        self._detail_form()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.new_box.setVisible(ctx.may(Permission.PSP_MANAGE))

    # --- layout ----------------------------------------------------------------------------

    def _new_meeting_form(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("PspMeetings", "New meeting"))
        self.new_form = FormRows(t, box)
        self.held_on = self.new_form.row("held_on", QT_TRANSLATE_NOOP("PspMeetings", "Dat&e"), DateInput(box))
        self.district = self.new_form.row("district", QT_TRANSLATE_NOOP("PspMeetings", "Police dis&trict"),
                                          QLineEdit(box))
        self.meeting_facilities = self.new_form.row(
            "facility_ids", QT_TRANSLATE_NOOP("PspMeetings", "Faci&lities"), CheckList(box))
        self.participants = self.new_form.row(
            "participants", QT_TRANSLATE_NOOP("PspMeetings", "Participants (by r&ole)"), QLineEdit(box))
        self.agenda = self.new_form.row("agenda", QT_TRANSLATE_NOOP("PspMeetings", "&Agenda"),
                                        QPlainTextEdit(box))
        self.agenda.setTabChangesFocus(True)
        self.agenda.setMaximumHeight(70)
        self.create_button = button(t, QT_TRANSLATE_NOOP("PspMeetings", "C&reate meeting"),
                                    self.create_meeting, box)
        self.new_form.add(self.create_button)
        box.setLayout(self.new_form.layout)
        return box

    def _detail_form(self) -> None:
        t, may = self._texts, self.ctx.may(Permission.PSP_MANAGE)
        layout = QVBoxLayout(self.detail)
        self.heading = QLabel(self.detail)
        self.heading.setWordWrap(True)
        self.facts = data_label(self.detail)
        self.minutes = QPlainTextEdit(self.detail)
        self.minutes.setTabChangesFocus(True)
        self.minutes.setReadOnly(not may)
        minutes_caption = caption_for(t, QT_TRANSLATE_NOOP("PspMeetings", "&Minutes"), self.minutes,
                                      self.detail)
        self.save_minutes = button(t, QT_TRANSLATE_NOOP("PspMeetings", "Sa&ve the minutes"),
                                   self.save_minutes_clicked, self.detail)
        self.save_minutes.setVisible(may)
        self.minutes_conflict = ConflictNotice(self.detail)
        self.minutes_conflict.reload_requested.connect(self.reload_requested)
        items_caption, disclosure_caption = QLabel(self.detail), QLabel(self.detail)
        t.bind(items_caption.setText, QT_TRANSLATE_NOOP(
            "PspMeetings", "Action items at this meeting (new and carried over)"))
        t.bind(disclosure_caption.setText, QT_TRANSLATE_NOOP(
            "PspMeetings", "Residents named to this meeting (disclosure decisions)"))
        self.items_table = table(self.meeting_items, self.detail, stretch=0)
        self.disclosure_table = table(self.disclosures, self.detail)
        for view in (self.items_table, self.disclosure_table):
            view.setMinimumHeight(120)
        self.disclose_box = self._disclosure_form()
        for widget in (self.heading, self.facts, minutes_caption, self.minutes, self.minutes_conflict,
                       self.save_minutes, items_caption, self.items_table, disclosure_caption,
                       self.disclosure_table, self.disclose_box):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.detail.setEnabled(False)

    def _disclosure_form(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self.detail)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("PspMeetings", "Name a resident to this meeting"))
        self.disclose_form = FormRows(t, box)
        self.resident_box = self.disclose_form.row(
            "resident_id", QT_TRANSLATE_NOOP("PspMeetings", "Re&sident"), ValueCombo(box))
        self.necessity = self.disclose_form.row(
            "necessity_note", QT_TRANSLATE_NOOP("PspMeetings", "&Why it is necessary"), QPlainTextEdit(box))
        self.necessity.setTabChangesFocus(True)
        self.necessity.setMaximumHeight(70)
        self.legal_basis = self.disclose_form.row(
            "legal_basis", QT_TRANSLATE_NOOP("PspMeetings", "Legal &basis"), QLineEdit(LEGAL_BASIS_115, box))
        hint = QLabel(box)
        hint.setWordWrap(True)
        t.bind(hint.setText, QT_TRANSLATE_NOOP(
            "PspMeetings", "Only what is necessary for the cooperation may be shared, and never for "
                           "investigating a criminal case. The decision is logged."))
        self.disclose_form.add(hint)
        self.disclose_button = button(t, QT_TRANSLATE_NOOP("PspMeetings", "Record the &decision"),
                                      self.disclose, box)
        self.disclose_form.add(self.disclose_button)
        box.setLayout(self.disclose_form.layout)
        box.setVisible(self.ctx.may(Permission.PSP_DISCLOSE))
        return box

    # --- data ------------------------------------------------------------------------------

    def _facility_names(self, meeting: MeetingRecord) -> str:
        return ", ".join(f.name for f in self.facilities if f.id in meeting.facility_ids)

    def set_data(self, meetings: list[MeetingRecord], items: list[ActionItemRecord],
                 facilities: list[FacilityRecord], residents: list[ResidentRecord],
                 ) -> None:
        current = self.created_id or (self.meeting.id if self.meeting else None)
        self.created_id = None
        self.facilities, self.items, self.residents = facilities, items, residents
        self.meetings.set_rows(meetings)
        self.meeting_facilities.set_choices([(f.name, f.id) for f in facilities])
        self.resident_box.set_items([(r.pseudonym, r.id) for r in residents])
        row = self.meetings.row_of(current) if current is not None else -1
        if row < 0 and meetings:
            row = 0
        if row >= 0:
            self.list.selectRow(row)
            self._show(self.meetings.row_at(row))

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.list.selectionModel().selectedRows()
        if rows:
            self._show(self.meetings.row_at(rows[0].row()))

    def _show(self, meeting: MeetingRecord) -> None:
        self.meeting = meeting
        self.detail.setEnabled(True)
        self.heading.setText(_t(QT_TRANSLATE_NOOP("PspMeetings", "Meeting on %1, %2"),
                                local_date(meeting.held_on), meeting.district))
        facts = [_t(QT_TRANSLATE_NOOP("PspMeetings", "Participants: %1"), meeting.participants or "–"),
                 _t(QT_TRANSLATE_NOOP("PspMeetings", "Agenda: %1"), meeting.agenda or "–"),
                 _t(QT_TRANSLATE_NOOP("PspMeetings", "Created by %1"), meeting.created_by)]
        self.facts.setText("\n".join(facts))
        self.minutes.setPlainText(meeting.minutes)
        self.minutes_conflict.hide()
        self.meeting_items.set_rows([a for a in self.items if a.source_meeting_id == meeting.id
                                     or meeting.id in a.meetings_seen])
        allowed = set(meeting.facility_ids)
        self.resident_box.set_items([(r.pseudonym, r.id) for r in self.residents if r.facility_id in allowed])
        actor, psp, meeting_id = self.ctx.require_actor(), self.ctx.services.psp, meeting.id
        Query(self, lambda: psp.disclosures(actor, meeting_id)).success(self.disclosures.set_rows).failure(
            self._failed).run(self.tasks, self.ctx)

    # --- changes ---------------------------------------------------------------------------

    def create_meeting(self) -> None:
        data = MeetingInput(self.held_on.value(), self.district.text(),
                            tuple(self.meeting_facilities.checked()), self.participants.text(),
                            self.agenda.toPlainText())
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        Op(self, lambda: psp.create_meeting(actor, data)).success(self._created).failure(
            lambda error: self._refused(self.new_form, error)).run(self.tasks, self.ctx)

    def _created(self, meeting: MeetingRecord) -> None:
        self.new_form.errors.clear()
        for edit in (self.district, self.participants):
            edit.clear()
        self.agenda.clear()
        self.created_id = meeting.id
        self.message.emit(_t(QT_TRANSLATE_NOOP("PspMeetings", "The meeting on %1 is created; open "
                                                              "action items are carried over to it."),
                             local_date(meeting.held_on)), False)

    def save_minutes_clicked(self) -> None:
        if self.meeting is None:
            return
        actor, psp, meeting_id = self.ctx.require_actor(), self.ctx.services.psp, self.meeting.id
        text, version = self.minutes.toPlainText(), self.meeting.version
        Op(self, lambda: psp.update_minutes(actor, meeting_id, text, expected_version=version)
           ).success(self._minutes_saved).failure(self._minutes_refused).run(self.tasks, self.ctx)

    def _minutes_refused(self, error: BaseException) -> None:
        # A conflict leaves the typed minutes where they are, with the notice and a reload beside.
        if not self.minutes_conflict.show_error(error, self.ctx.language):
            self._failed(error)

    def _minutes_saved(self, meeting: MeetingRecord) -> None:
        self.minutes_conflict.hide()
        self.message.emit(_t(QT_TRANSLATE_NOOP("PspMeetings", "The minutes are saved.")), False)
        self.created_id = meeting.id

    def disclose(self) -> None:
        if self.meeting is None:
            return
        actor, psp, meeting_id = self.ctx.require_actor(), self.ctx.services.psp, self.meeting.id
        resident, note = self.resident_box.value(), self.necessity.toPlainText()
        basis = self.legal_basis.text()
        Op(self, lambda: psp.decide_disclosure(actor, resident, meeting_id, necessity_note=note,
                                               legal_basis=basis)
           ).success(self._disclosed).failure(
            lambda error: self._refused(self.disclose_form, error)).run(self.tasks, self.ctx)


    def _disclosed(self, record: DisclosureRecord) -> None:
        self.disclose_form.errors.clear()
        self.necessity.clear()
        self.message.emit(_t(QT_TRANSLATE_NOOP(
            "PspMeetings", "%1 may be named at this meeting; the decision is logged."),
            record.pseudonym), False)
        self.disclosures.set_rows([*self.disclosures.rows, record])

    def _refused(self, form: FormRows, error: BaseException) -> None:
        form.refuse(error, self.ctx.language, self.message.emit)

    def _failed(self, error: BaseException) -> None:
        self._refused(self.new_form, error)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            for model in (self.meetings, self.meeting_items, self.disclosures):
                model.refresh_texts()
            if self.meeting is not None:
                self._show(self.meeting)
        super().changeEvent(event)
