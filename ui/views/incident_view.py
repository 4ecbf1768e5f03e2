"""One incident: the record, its classification and reasons, its duties, its history, notes and
(for a manager) sign-off and a severity change with a reason.

Every change goes through the services with the version the user opened; if someone else
changed the incident meanwhile, the view says so and offers to reload instead of overwriting.
``open_incident`` shows an incident in its own window (Esc closes it).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import Severity
from safetylog.domain.errors import ConflictError, ValidationError
from safetylog.domain.records import Addendum, DutyRecord, IncidentDetail
from safetylog.services.permissions import Permission
from ui import window_state
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.incident_labels import FLAGS, word
from ui.models.incident_table import SEVERITY_COLOURS, status_label
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import data_label, error_text, heading
from ui.views.duty_dialog import DutyDialog
from ui.views.incident_panels import DutiesPanel, HistoryPanel, NotesPanel
from ui.views.incident_record import IncidentRecordPanel
from ui.views.incident_review import ReviewPanel
from ui.widgets.labels import label
from ui.widgets.translated_tabs import TranslatedTabs

CONTEXT = "IncidentView"
_open_windows: dict[int, IncidentView] = {}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def open_incident(ctx: UiContext, tasks: TaskRunner, incident_id: int,
                  parent: QWidget | None = None) -> IncidentView:
    """Show the incident in its own window, or bring its open window to the front."""
    window = _open_windows.get(incident_id)
    if window is None:
        window = IncidentView(ctx, tasks, parent, incident_id=incident_id)
        window.setWindowFlag(Qt.WindowType.Window, True)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.resize(900, 700)
        window_state.fit_inside(window)  # a 768-pixel screen less its task bar is lower than that
        _open_windows[incident_id] = window
        window.destroyed.connect(lambda _obj=None, key=incident_id: _open_windows.pop(key, None))
    window.show()
    window.raise_()
    window.activateWindow()
    return window


class IncidentView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None, *,
                 incident_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.incident_id = incident_id
        self.detail: IncidentDetail | None = None
        self._texts = Retranslator(CONTEXT)
        self._build()
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.language_changed.connect(self._language_changed)
        QShortcut(QKeySequence.StandardKey.Cancel, self, self._escape)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        if incident_id is not None:
            self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        t = self._texts
        self.title = heading(self)
        self.severity_chip = QLabel(self)
        self.severity_chip.setMargin(4)
        self.status_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.severity_chip)
        top.addStretch(1)
        top.addWidget(self.status_label)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setProperty("i18n_data", True)
        self.message.hide()
        self.reload_button = QPushButton(self)
        t.bind(self.reload_button.setText, QT_TRANSLATE_NOOP("IncidentView", "&Reload"))
        self.reload_button.clicked.connect(self.refresh)
        self.reload_button.hide()
        banner = QHBoxLayout()
        banner.addWidget(self.message, 1)
        banner.addWidget(self.reload_button)

        may = self.ctx.may
        self.tabs = TranslatedTabs(CONTEXT, self)
        self.record = IncidentRecordPanel(self.tabs)
        self.classification = QWidget(self.tabs)
        self.classification_form = QFormLayout(self.classification)
        self.classification_form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.duties = DutiesPanel(self.tabs)
        self.history = HistoryPanel(self.tabs)
        self.notes = NotesPanel(may(Permission.INCIDENT_ADDENDUM), self.tabs)
        self.review = ReviewPanel(may(Permission.INCIDENT_REVIEW),
                                  may(Permission.INCIDENT_OVERRIDE_SEVERITY), self.tabs)
        self.tabs.add(self.record, QT_TRANSLATE_NOOP("IncidentView", "R&ecord"))
        self.tabs.add(self.classification, QT_TRANSLATE_NOOP("IncidentView", "C&lassification"))
        self.tabs.add(self.duties, QT_TRANSLATE_NOOP("IncidentView", "&Duties"))
        self.tabs.add(self.history, QT_TRANSLATE_NOOP("IncidentView", "&History"))
        self.tabs.add(self.notes, QT_TRANSLATE_NOOP("IncidentView", "N&otes"))
        if may(Permission.INCIDENT_REVIEW) or may(Permission.INCIDENT_OVERRIDE_SEVERITY):
            self.tabs.add(self.review, QT_TRANSLATE_NOOP("IncidentView", "Rev&iew"))
        else:
            self.review.hide()
        self.notes.add_requested.connect(self.add_note)
        if may(Permission.DUTY_UPDATE):
            self.duties.opened.connect(self._open_duty)
        self.review.sign_off_requested.connect(self.sign_off)
        self.review.override_requested.connect(self.override_severity)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(banner)
        layout.addWidget(self.tabs, 1)

    # --- reading ---------------------------------------------------------------------------

    def show_incident(self, incident_id: int) -> None:
        self.incident_id = incident_id
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        if self.incident_id is None:
            return
        actor, incidents = self.ctx.require_actor(), self.ctx.services.incidents
        incident_id = self.incident_id
        Query(self, lambda: incidents.get(actor, incident_id)).success(self._loaded).failure(
            self._failed).run(self.tasks, self.ctx)

    def _loaded(self, detail: IncidentDetail) -> None:
        self.detail = detail
        self._clear_message()
        self._show()

    def _show(self) -> None:
        detail = self.detail
        if detail is None:
            return
        language = self.ctx.language
        self.title.setText(_t(QT_TRANSLATE_NOOP("IncidentView", "Incident no. %1"), detail.id))
        self.setWindowTitle(self.title.text())
        self.severity_chip.setText(label(detail.severity))
        colour = SEVERITY_COLOURS[detail.severity].name()
        self.severity_chip.setStyleSheet(f"background: {colour}; color: black; border-radius: 3px;")
        self.status_label.setText(_t(QT_TRANSLATE_NOOP("IncidentView", "Status: %1"),
                                     status_label(detail.status)))
        self.record.show_detail(detail, language)
        self._show_classification(detail, language)
        self.duties.show_duties(detail.duties)
        self.history.show_versions(detail.versions)
        self.notes.show_notes(detail.addenda)
        self.review.show_detail(detail)

    def _show_classification(self, detail: IncidentDetail, language: str) -> None:
        form = self.classification_form
        while form.rowCount():
            form.removeRow(0)
        rows: list[tuple[str, str]] = [
            (QT_TRANSLATE_NOOP("IncidentView", "Severity"), label(detail.severity)),
            (QT_TRANSLATE_NOOP("IncidentView", "Computed by the rules"), label(detail.computed_severity)),
            (QT_TRANSLATE_NOOP("IncidentView", "Why"),
             "\n".join(f"• {r.text(language)}" for r in detail.severity_reasons)),
            (QT_TRANSLATE_NOOP("IncidentView", "Changed by a manager because"),
             detail.severity_override_reason),
            (QT_TRANSLATE_NOOP("IncidentView", "Follow-up"),
             "\n".join(word(FLAGS, f) for f in detail.flags)),
            (QT_TRANSLATE_NOOP("IncidentView", "Taxonomy version"), detail.taxonomy_version),
        ]
        for caption, value in rows:
            if value:
                shown = data_label(self.classification)
                shown.setText(value)
                shown.setAccessibleName(_t(caption))
                form.addRow(_t(caption), shown)

    # --- changes ---------------------------------------------------------------------------

    def add_note(self, kind: str, text: str) -> None:
        detail = self.detail
        if detail is None:
            return
        actor, incidents = self.ctx.require_actor(), self.ctx.services.incidents
        self._write(lambda: incidents.add_addendum(actor, detail.id, text, kind), self._note_added,
                    self.notes.errors.show)

    def _note_added(self, _note: Addendum) -> None:
        self.notes.after_add()
        self.refresh()

    def sign_off(self, note: str) -> None:
        detail = self.detail
        if detail is None:
            return
        actor, incidents = self.ctx.require_actor(), self.ctx.services.incidents
        self._write(lambda: incidents.sign_off(actor, detail.id, expected_version=detail.version, note=note),
                    self._signed_off, self.review.show_errors)

    def _signed_off(self, detail: IncidentDetail) -> None:
        self.review.after_sign_off()
        self._loaded(detail)
        self._inform(_t(QT_TRANSLATE_NOOP("IncidentView", "Signed off.")))

    def override_severity(self, severity: Severity, reason: str) -> None:
        detail = self.detail
        if detail is None:
            return
        actor, incidents = self.ctx.require_actor(), self.ctx.services.incidents
        self._write(lambda: incidents.override_severity(actor, detail.id, severity, reason=reason,
                                                        expected_version=detail.version),
                    self._overridden, self.review.show_errors)

    def _overridden(self, detail: IncidentDetail) -> None:
        self.review.after_override()
        self._loaded(detail)
        self._inform(_t(QT_TRANSLATE_NOOP("IncidentView", "The severity is now %1."), label(detail.severity)))

    def _write(self, call: Any, done: Any, place_errors: Any) -> None:
        def failed(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                unplaced = place_errors(error.messages(self.ctx.language))
                if unplaced:
                    self._warn(" ".join(unplaced.values()))
            else:
                self._failed(error)

        Op(self, call).success(done).failure(failed).run(self.tasks, self.ctx)

    def _on_changed(self, changes: object) -> None:
        # Not after its own write: the record it returned is shown already, with what was done.
        if (self.ctx.hub.initiator is not self and isinstance(changes, Changes)
                and changes & (Changes.INCIDENTS | Changes.DUTIES)):
            self.refresh()

    def _open_duty(self, duty: DutyRecord) -> None:
        DutyDialog.edit(self.ctx, self.tasks, duty, self,
                        open_incident=partial(open_incident, self.ctx, self.tasks, parent=self))

    # --- messages --------------------------------------------------------------------------

    def _failed(self, error: BaseException) -> None:
        self._warn(error_text(error, self.ctx.language))
        self.reload_button.setVisible(isinstance(error, ConflictError))

    def _warn(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        self.message.show()

    def _inform(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(text)
        self.message.show()
        self.reload_button.hide()

    def _clear_message(self) -> None:
        self.message.hide()
        self.reload_button.hide()

    def _escape(self) -> None:
        if self.isWindow():
            self.close()

    def _language_changed(self, _language: str) -> None:
        """The hub's signal outlives this page; a bound method is disconnected when it goes."""
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.tabs.retranslate()
            self._show()
        super().changeEvent(event)
