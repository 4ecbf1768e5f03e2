"""The manager's part of the incident view: sign off, and change the severity with a reason.

The panel only collects input and shows the outcome; the incident view calls the services and
hands field errors back with ``show_errors`` (each message under its field).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import IncidentStatus, Severity
from safetylog.domain.records import IncidentDetail
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.views.common import ValueCombo, accessible_name_setter, local_datetime
from ui.widgets.field_error import FieldError, FieldErrors
from ui.widgets.labels import label

CONTEXT = "IncidentReview"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class ReviewPanel(QWidget):
    sign_off_requested = Signal(str)
    """The manager signs off, with an optional note."""

    override_requested = Signal(object, str)
    """The manager sets the severity (a ``Severity``) for the given reason."""

    def __init__(self, may_review: bool, may_override: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = Retranslator(CONTEXT)
        self.detail: IncidentDetail | None = None
        self.errors = FieldErrors()
        t = self._texts
        layout = QVBoxLayout(self)

        self.sign_group = QGroupBox(self)
        t.bind(self.sign_group.setTitle, QT_TRANSLATE_NOOP("IncidentReview", "Sign off"))
        sign_form = QFormLayout(self.sign_group)
        self.review_state = QLabel(self.sign_group)
        self.review_state.setWordWrap(True)
        self.note = QPlainTextEdit(self.sign_group)
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        self.sign_button = QPushButton(self.sign_group)
        t.bind(self.sign_button.setText, QT_TRANSLATE_NOOP("IncidentReview", "&Sign off"))
        self.sign_button.clicked.connect(lambda: self.sign_off_requested.emit(self.note.toPlainText()))
        note_caption = QLabel(self.sign_group)
        note_caption.setBuddy(self.note)
        t.bind(note_caption.setText, QT_TRANSLATE_NOOP("IncidentReview", "&Note (optional)"))
        t.bind(accessible_name_setter(self.note), QT_TRANSLATE_NOOP("IncidentReview", "Note (optional)"))
        sign_form.addRow(self.review_state)
        sign_form.addRow(note_caption, self.note)
        sign_form.addRow(self.errors.add("note", FieldError(self.note, self.sign_group)))
        sign_form.addRow(self.sign_button)
        self.sign_group.setVisible(may_review)

        self.severity_group = QGroupBox(self)
        t.bind(self.severity_group.setTitle, QT_TRANSLATE_NOOP("IncidentReview", "Severity"))
        form = QFormLayout(self.severity_group)
        self.severity_state = QLabel(self.severity_group)
        self.severity_state.setWordWrap(True)
        self.severity_box = ValueCombo(self.severity_group)
        self.reason = QLineEdit(self.severity_group)
        self.override_button = QPushButton(self.severity_group)
        t.bind(self.override_button.setText, QT_TRANSLATE_NOOP("IncidentReview", "&Change severity"))
        self.override_button.clicked.connect(self._override_clicked)
        self.reason.returnPressed.connect(self._override_clicked)
        severity_caption, reason_caption = QLabel(self), QLabel(self)
        severity_caption.setBuddy(self.severity_box)
        reason_caption.setBuddy(self.reason)
        t.bind(severity_caption.setText, QT_TRANSLATE_NOOP("IncidentReview", "New se&verity"))
        t.bind(reason_caption.setText, QT_TRANSLATE_NOOP("IncidentReview", "&Reason (required)"))
        t.bind(accessible_name_setter(self.severity_box), QT_TRANSLATE_NOOP("IncidentReview", "New severity"))
        t.bind(accessible_name_setter(self.reason), QT_TRANSLATE_NOOP("IncidentReview", "Reason"))
        form.addRow(self.severity_state)
        form.addRow(severity_caption, self.severity_box)
        form.addRow(self.errors.add("severity", FieldError(self.severity_box, self.severity_group)))
        form.addRow(reason_caption, self.reason)
        form.addRow(self.errors.add("reason", FieldError(self.reason, self.severity_group)))
        form.addRow(self.override_button)
        self.severity_group.setVisible(may_override)

        layout.addWidget(self.sign_group)
        layout.addWidget(self.severity_group)
        layout.addStretch(1)
        self._fill_severities()

    def _fill_severities(self) -> None:
        self.severity_box.set_items([(label(s), s) for s in Severity])

    def show_detail(self, detail: IncidentDetail) -> None:
        self.detail = detail
        self.errors.clear()
        self._describe()
        self.severity_box.select(detail.severity)

    def _describe(self) -> None:
        detail = self.detail
        if detail is None:
            return
        submitted = detail.status == IncidentStatus.SUBMITTED
        self.sign_button.setEnabled(submitted)
        self.note.setEnabled(submitted)
        if detail.reviewed_at is not None:
            self.review_state.setText(_t(QT_TRANSLATE_NOOP("IncidentReview", "Signed off by %1 on %2."),
                                         detail.reviewed_by or "", local_datetime(detail.reviewed_at)))
        elif submitted:
            self.review_state.setText(_t(QT_TRANSLATE_NOOP(
                "IncidentReview", "Waiting for review. Read the record, the classification and the "
                                  "duties, then sign off.")))
        else:
            self.review_state.setText("")
        if detail.severity != detail.computed_severity:
            self.severity_state.setText(_t(QT_TRANSLATE_NOOP(
                "IncidentReview", "Set to %1 by a manager (the rules gave %2). Reason: %3"),
                detail.severity.value, detail.computed_severity.value, detail.severity_override_reason))
        else:
            self.severity_state.setText(_t(QT_TRANSLATE_NOOP(
                "IncidentReview", "%1, as the rules gave it. A change needs a reason and is kept in "
                                  "the history."), label(detail.severity)))

    def _override_clicked(self) -> None:
        self.override_requested.emit(self.severity_box.value(), self.reason.text())

    def show_errors(self, messages: dict[str, str]) -> dict[str, str]:
        """Place field messages; returns those that belong to no field here."""
        return self.errors.show(messages)

    def after_override(self) -> None:
        self.reason.clear()

    def after_sign_off(self) -> None:
        self.note.clear()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_severities()
            self._describe()
        super().changeEvent(event)
