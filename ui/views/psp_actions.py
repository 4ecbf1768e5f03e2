"""PSP action items: who does what by when, their status, and the meetings they were carried to."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import ActionItemStatus
from safetylog.domain.records import ActionItemInput, ActionItemRecord, FacilityRecord, MeetingRecord
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services.permissions import Permission
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo, accessible_name_setter, local_date
from ui.views.conflict import ConflictNotice
from ui.views.forms import FormRows, OptionalDateInput, button
from ui.views.psp_labels import action_status
from ui.views.psp_meetings import table

CONTEXT = "PspActions"
LATE = QColor("#ffcdd2")
OPEN = (ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS)


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def _late(a: ActionItemRecord) -> QColor | None:
    today = to_local(utcnow()).date()
    return LATE if a.status in OPEN and a.due_on is not None and a.due_on < today else None


class ActionsTab(QWidget):
    message = Signal(str, bool)
    reload_requested = Signal()
    """After a conflict, the user asked for the records as they are stored now."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.items: list[ActionItemRecord] = []
        self.meetings: list[MeetingRecord] = []
        self.model: RecordTableModel[ActionItemRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "Action"), lambda a: a.text,
                       tooltip=lambda a: a.text),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "Owner"), lambda a: a.owner_role),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "Due"), lambda a: local_date(a.due_on),
                       colour=_late),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "Status"), lambda a: action_status(a.status)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "From meeting"), self._source),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("PspActions", "Carried to"),
                       lambda a: str(len(a.meetings_seen)) if a.meetings_seen else ""),
        ], lambda a: a.id, self)
        self.only_open = QCheckBox(self)
        t.bind(self.only_open.setText, QT_TRANSLATE_NOOP("PspActions", "Only &open items"))
        self.only_open.setChecked(True)
        self.only_open.toggled.connect(lambda _on: self._show())
        self.list = table(self.model, self, stretch=0)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("PspActions", "Action items"))
        self.status_box = ValueCombo(self)
        status_caption = QLabel(self)
        status_caption.setBuddy(self.status_box)
        t.bind(status_caption.setText, QT_TRANSLATE_NOOP("PspActions", "Set &status of the chosen item"))
        t.bind(accessible_name_setter(self.status_box), QT_TRANSLATE_NOOP("PspActions", "Status"))
        self.set_status_button = button(t, QT_TRANSLATE_NOOP("PspActions", "Se&t"), self.set_status, self)
        status_row = QHBoxLayout()
        for widget in (status_caption, self.status_box, self.set_status_button):
            status_row.addWidget(widget)
            widget.setVisible(ctx.may(Permission.PSP_MANAGE))
        status_row.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.only_open)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(status_row)
        self.conflict = ConflictNotice(left)
        self.conflict.reload_requested.connect(self.reload_requested)

        left_layout.addWidget(self.conflict)

        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("PspActions", "New action item"))
        self.form = FormRows(t, box)
        self.text = self.form.row("text", QT_TRANSLATE_NOOP("PspActions", "W&hat"), QLineEdit(box))
        self.owner = self.form.row("owner_role", QT_TRANSLATE_NOOP("PspActions", "&Who (role or authority)"),
                                   QLineEdit(box))
        self.due = self.form.row("due_on", QT_TRANSLATE_NOOP("PspActions", "&Due"), OptionalDateInput(box))
        self.meeting_box = self.form.row("meeting_id", QT_TRANSLATE_NOOP("PspActions", "&Meeting"),
                                         ValueCombo(box))
        self.facility_box = self.form.row("facility_id", QT_TRANSLATE_NOOP("PspActions", "Facilit&y"),
                                          ValueCombo(box))
        self.add_button = button(t, QT_TRANSLATE_NOOP("PspActions", "&Add action item"), self.add, box)
        self.form.add(self.add_button)
        box.setLayout(self.form.layout)
        box.setVisible(ctx.may(Permission.PSP_MANAGE))
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_statuses()

    def _source(self, a: ActionItemRecord) -> str:
        meeting = next((m for m in self.meetings if m.id == a.source_meeting_id), None)
        return local_date(meeting.held_on) if meeting else ""

    def _fill_statuses(self) -> None:
        self.status_box.set_items([(action_status(s), s) for s in ActionItemStatus])

    def set_data(self, items: list[ActionItemRecord], meetings: list[MeetingRecord],
                 facilities: list[FacilityRecord]) -> None:
        self.items, self.meetings = items, meetings
        self.facilities = facilities
        self._fill_choices()
        self._show()

    def _fill_choices(self) -> None:
        none = _t(QT_TRANSLATE_NOOP("PspActions", "(none)"))
        self.meeting_box.set_items([(none, None)] + [(f"{local_date(m.held_on)} {m.district}", m.id)
                                                     for m in self.meetings])
        self.facility_box.set_items([(_t(QT_TRANSLATE_NOOP("PspActions", "(shared)")), None)]
                                    + [(f.name, f.id) for f in getattr(self, "facilities", [])])

    def _show(self) -> None:
        items = [a for a in self.items if a.status in OPEN] if self.only_open.isChecked() else self.items
        self.model.set_rows(items)
        self.conflict.hide()  # the list now shows the items as stored

    def selected(self) -> ActionItemRecord | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def set_status(self) -> None:
        item = self.selected()
        if item is None:
            self.message.emit(_t(QT_TRANSLATE_NOOP("PspActions", "Choose an action item first.")), True)
            return
        actor, psp, status = self.ctx.require_actor(), self.ctx.services.psp, self.status_box.value()
        Op(self, lambda: psp.set_action_status(actor, item.id, status, expected_version=item.version)
           ).success(self._changed).failure(self._status_refused).run(self.tasks, self.ctx)

    def _status_refused(self, error: BaseException) -> None:
        if not self.conflict.show_error(error, self.ctx.language):
            self._refused(error)

    def add(self) -> None:
        due: date | None = self.due.value()
        data = ActionItemInput(self.text.text(), self.owner.text(), due, self.meeting_box.value(),
                               self.facility_box.value())
        actor, psp = self.ctx.require_actor(), self.ctx.services.psp
        Op(self, lambda: psp.add_action_item(actor, data)).success(self._added).failure(
            self._refused).run(self.tasks, self.ctx)

    def _added(self, item: ActionItemRecord) -> None:
        self.text.clear()
        self.owner.clear()
        self.due.set_value(None)
        self.form.errors.clear()
        self._changed(item)

    def _changed(self, item: ActionItemRecord) -> None:
        self.conflict.hide()
        self.message.emit(_t(QT_TRANSLATE_NOOP("PspActions", "\u201c%1\u201d: %2."), item.text,
                             action_status(item.status)), False)

    def _refused(self, error: BaseException) -> None:
        self.form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_statuses()
            self._fill_choices()
            self.model.refresh_texts()
        super().changeEvent(event)
