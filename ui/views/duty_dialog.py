"""Follow a duty up: fill in its fields (dates sent, references) and move its state.

The fields and their labels come from the core (``safetylog.classification.duty_fields``), so a
new field appears here without a UI change. Only the fields the user changed are sent; the core
checks them and says, field by field, what is still missing before a duty can be closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from safetylog.classification.duties import DutyKind, DutyState, deadline_source, is_confirmed, source_line
from safetylog.classification.duty_fields import COUNT_LIMIT, FIELDS, DutyField
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import DutyRecord, IncidentDetail
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services.permissions import Permission
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.incident_labels import DUTY_KINDS, DUTY_STATES, deadline_source_text, duty_state, word
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.views.common import (
    ValueCombo,
    accessible_name_setter,
    error_text,
    local_date,
    local_datetime,
)
from ui.views.forms import OptionalDateInput as OptionalDateEdit
from ui.widgets.datetime_edit import OptionalDateTimeEdit
from ui.widgets.field_error import FieldError, FieldErrors
from ui.widgets.save_dialog import ask_save_path

if TYPE_CHECKING:
    from reports.dispensation_note import DispensationNote

CONTEXT = "DutyDialog"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class DutyDialog(QDialog):
    @classmethod
    def edit(cls, ctx: UiContext, tasks: TaskRunner, duty: DutyRecord, parent: QWidget | None, *,
             open_incident: Callable[[int], object]) -> DutyDialog:
        """Open the dialog (window-modal, without blocking) and return it. ``open_incident`` shows
        an incident by its id: the caller passes it, so this dialog need not import the incident
        view, which itself opens this dialog."""
        dialog = cls(ctx, tasks, duty, parent, open_incident=open_incident)
        dialog.open()
        return dialog

    def __init__(self, ctx: UiContext, tasks: TaskRunner, duty: DutyRecord, parent: QWidget | None, *,
                 open_incident: Callable[[int], object]) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.duty = ctx, tasks, duty
        self._open_incident_by_id = open_incident
        self.kind = DutyKind(duty.kind)
        self._texts = Retranslator(CONTEXT)
        self.errors = FieldErrors()
        self.inputs: dict[str, tuple[DutyField, QWidget]] = {}
        self._initial: dict[str, Any] = {}
        self._build()
        self._load(duty)

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        t, language = self._texts, self.ctx.language
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setProperty("i18n_data", True)
        self.source = QLabel(self)  # the deadline's legal source, and whether it is confirmed
        self.source.setWordWrap(True)
        self.source.setProperty("i18n_data", True)
        form = QFormLayout()
        show_restricted = self.ctx.may(Permission.POLICE_JOURNAL_READ)
        for spec in FIELDS[self.kind]:
            if spec.restricted and not show_restricted:
                continue
            widget = self._input(spec)
            caption = QLabel(spec.label(language), self)
            caption.setProperty("i18n_data", True)  # worded by the core, in the user's language
            caption.setBuddy(widget)
            widget.setAccessibleName(spec.label(language))
            form.addRow(caption, widget)
            form.addRow(self.errors.add(spec.name, FieldError(widget, self)))
            self.inputs[spec.name] = (spec, widget)
        self.state_box = ValueCombo(self)
        self.reason = QLineEdit(self)
        state_caption, reason_caption = QLabel(self), QLabel(self)
        state_caption.setBuddy(self.state_box)
        reason_caption.setBuddy(self.reason)
        t.bind(state_caption.setText, QT_TRANSLATE_NOOP("DutyDialog", "&State"))
        t.bind(reason_caption.setText, QT_TRANSLATE_NOOP("DutyDialog", "&Reason"))
        t.bind(accessible_name_setter(self.state_box), QT_TRANSLATE_NOOP("DutyDialog", "State"))
        t.bind(accessible_name_setter(self.reason), QT_TRANSLATE_NOOP("DutyDialog", "Reason"))
        t.bind(self.reason.setPlaceholderText, QT_TRANSLATE_NOOP(
            "DutyDialog", "Needed when the duty does not apply, or to reopen it"))
        form.addRow(state_caption, self.state_box)
        form.addRow(self.errors.add("state", FieldError(self.state_box, self)))
        form.addRow(reason_caption, self.reason)
        form.addRow(self.errors.add("reason", FieldError(self.reason, self)))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setProperty("i18n_data", True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Close, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.open_button = QPushButton(self)
        t.bind(self.open_button.setText, QT_TRANSLATE_NOOP("DutyDialog", "Open the &incident"))
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self._open_incident)
        self.note_button: QPushButton | None = None
        if self.kind is DutyKind.POLICE_DECISION:
            self.note_button = QPushButton(self)
            t.bind(self.note_button.setText, QT_TRANSLATE_NOOP("DutyDialog", "&Print the note…"))
            t.bind(self.note_button.setToolTip, QT_TRANSLATE_NOOP(
                "DutyDialog", "Save the dispensation note as a PDF to print, sign and give the employee"))
            self.buttons.addButton(self.note_button, QDialogButtonBox.ButtonRole.ActionRole)
            self.note_button.clicked.connect(self.print_note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.source)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._fill_states()

    def _input(self, spec: DutyField) -> QWidget:
        if spec.kind == "date":
            return OptionalDateEdit(self)
        if spec.kind == "moment":
            return OptionalDateTimeEdit(self)
        if spec.kind == "check":
            return QCheckBox(self)
        if spec.kind == "count":
            spin = QSpinBox(self)
            spin.setRange(0, COUNT_LIMIT)
            spin.setSpecialValueText("–")  # 0: not filled in
            return spin
        if spec.kind == "choice":
            box = ValueCombo(self)
            box.set_items([("", None)] + [(choice, choice) for choice in spec.choices])
            return box
        return QLineEdit(self)

    def _fill_states(self) -> None:
        keep = _t(QT_TRANSLATE_NOOP("DutyDialog", "(unchanged)"))
        self.state_box.set_items([(keep, None)] + [(word(DUTY_STATES, s.value), s) for s in DutyState])

    # --- values ----------------------------------------------------------------------------

    def _load(self, duty: DutyRecord) -> None:
        self.duty = duty
        state = duty_state(duty.state, duty.due_at, utcnow())
        self.setWindowTitle(_t(QT_TRANSLATE_NOOP("DutyDialog", "%1, incident no. %2"),
                               word(DUTY_KINDS, duty.kind), duty.incident_id))
        self.summary.setText(_t(QT_TRANSLATE_NOOP(
            "DutyDialog", "Incident of %1. State: %2. Deadline: %3."),
            local_date(duty.incident_date), word(DUTY_STATES, state),
            local_datetime(duty.due_at) or "–"))
        source = deadline_source_text(duty.details)
        self.source.setText(_t(QT_TRANSLATE_NOOP("DutyDialog", "Legal source of the deadline: %1"), source)
                            if source else "")
        self.source.setVisible(bool(source))
        for name, (spec, widget) in self.inputs.items():
            stored = duty.details.get(name)
            self._set(spec, widget, stored)
            self._initial[name] = self._value(spec, widget)
        self.state_box.setCurrentIndex(0)
        self.reason.clear()

    @staticmethod
    def _set(spec: DutyField, widget: QWidget, stored: Any) -> None:
        if isinstance(widget, OptionalDateEdit):
            widget.set_value(date.fromisoformat(stored) if stored else None)
        elif isinstance(widget, OptionalDateTimeEdit):
            widget.set_value(datetime.fromisoformat(stored) if stored else None, default=utcnow())
        elif isinstance(widget, ValueCombo):
            widget.select(stored) if stored else widget.setCurrentIndex(0)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(stored))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(stored or 0))
        elif isinstance(widget, QLineEdit):
            widget.setText(str(stored or ""))

    @staticmethod
    def _value(spec: DutyField, widget: QWidget) -> Any:
        if isinstance(widget, (OptionalDateEdit, OptionalDateTimeEdit, ValueCombo)):
            return widget.value()
        if isinstance(widget, QCheckBox):
            return True if widget.isChecked() else None
        if isinstance(widget, QSpinBox):
            return widget.value() or None
        assert isinstance(widget, QLineEdit)
        return widget.text().strip() or None

    def changes(self) -> dict[str, object]:
        """The fields the user changed (an emptied field is sent as None: cleared)."""
        out: dict[str, object] = {}
        for name, (spec, widget) in self.inputs.items():
            value = self._value(spec, widget)
            if value != self._initial.get(name):
                out[name] = value
        return out

    # --- saving ----------------------------------------------------------------------------

    def save(self) -> None:
        actor, duties = self.ctx.require_actor(), self.ctx.services.duties
        changes, state, reason = self.changes(), self.state_box.value(), self.reason.text()
        duty_id, version = self.duty.id, self.duty.version
        self.errors.clear()
        self.message.hide()
        if not changes and state is None:
            self.accept()
            return
        Op(self, lambda: duties.update(actor, duty_id, changes, expected_version=version, state=state,
                                       reason=reason)
           ).success(self._saved).failure(self._failed).run(self.tasks, self.ctx)

    def _saved(self, duty: DutyRecord) -> None:
        self.duty = duty
        self.accept()


    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            unplaced = self.errors.show(error.messages(self.ctx.language))
            if unplaced:
                self.message.setText(" ".join(unplaced.values()))
                self.message.show()
            return
        self.message.setText(error_text(error, self.ctx.language))
        self.message.show()

    def note(self, incident: IncidentDetail) -> DispensationNote | None:
        """The dispensation note as saved on the duty, or None before who and why are saved."""
        from reports.dispensation_note import DispensationNote

        details = self.duty.details
        if not (details.get("dispensation_by") and details.get("dispensation_reasons")):
            return None
        source = deadline_source(details)
        return DispensationNote(
            facility=incident.facility_name, incident_id=incident.id,
            episode_at=to_local(incident.occurred_start),
            deadline_at=to_local(self.duty.due_at or incident.occurred_start + timedelta(hours=72)),
            decided_by=str(details["dispensation_by"]), decided_on=str(details.get("dispensation_on") or ""),
            reasons=str(details["dispensation_reasons"]), source=source_line(source) if source else "",
            confirmed=is_confirmed(source))

    def print_note(self) -> None:
        """Read the incident (facility, episode time), then save the note where the user says."""
        actor, incidents = self.ctx.require_actor(), self.ctx.services.incidents
        incident_id = self.duty.incident_id
        self.message.hide()
        Op(self, lambda: incidents.get(actor, incident_id)).success(self._save_note).failure(
            self._failed).run(self.tasks, self.ctx)

    def _save_note(self, incident: IncidentDetail) -> None:
        from reports.dispensation_note import render

        note = self.note(incident)
        if note is None:
            self.message.setText(_t(QT_TRANSLATE_NOOP(
                "DutyDialog", "Save who decided and the reasons first; then print the note.")))
            self.message.show()
            return
        target = ask_save_path(self, _t(QT_TRANSLATE_NOOP("DutyDialog", "Save the dispensation note")),
                               f"notat-haendelse-{incident.id}.pdf", "PDF (*.pdf)")
        if target is not None:
            target.write_bytes(render(note))

    def _open_incident(self) -> None:
        self._open_incident_by_id(self.duty.incident_id)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_states()
            self._load(self.duty)
        super().changeEvent(event)
