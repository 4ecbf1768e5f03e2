""""Det skete der med din indberetning": after login, the reporter sees what others did with the
incidents they reported (signed off, a duty closed, a note added) until they mark it read.

Each line says what happened, by whom and when, with the incident's number and date — never a
note's wording: the reporter opens the incident for that, and only if they may
(``FeedbackItem.may_open``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import FeedbackKind
from safetylog.domain.records import FeedbackItem
from safetylog.services.permissions import Permission
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, translate
from ui.incident_labels import DUTY_KINDS, word
from ui.models.incident_table import type_label
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import ErrorLine, local_date, local_datetime

CONTEXT = "ReporterFeedback"

# What happened, by the kind of note added (the addendum kinds of ``services.incidents``).
NOTE_TEXTS = {
    "addendum": QT_TRANSLATE_NOOP("ReporterFeedback", "%1 added a note, %2"),
    "review_note": QT_TRANSLATE_NOOP("ReporterFeedback", "%1 added a review note, %2"),
    "correction_request": QT_TRANSLATE_NOOP("ReporterFeedback", "%1 asked for a correction, %2"),
}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def what_happened(item: FeedbackItem) -> str:
    """One line: what was done, by whom, when (no incident number: see ``describe``)."""
    when = local_datetime(item.created_at)
    if item.kind == FeedbackKind.SIGNED_OFF.value:
        return _t(QT_TRANSLATE_NOOP("ReporterFeedback", "signed off by %1, %2"), item.created_by, when)
    if item.kind == FeedbackKind.DUTY_CLOSED.value:
        return _t(QT_TRANSLATE_NOOP("ReporterFeedback", "the duty \"%1\" was closed by %2, %3"),
                  word(DUTY_KINDS, item.subject), item.created_by, when)
    if item.kind == FeedbackKind.NOTE_ADDED.value and item.subject in NOTE_TEXTS:
        return _t(NOTE_TEXTS[item.subject], item.created_by, when)
    # A kind this screen does not know yet (a newer step of the follow-up): still said.
    return _t(QT_TRANSLATE_NOOP("ReporterFeedback", "followed up by %1, %2"), item.created_by, when)


def incident_label(item: FeedbackItem, language: str) -> str:
    return _t(QT_TRANSLATE_NOOP("ReporterFeedback", "Incident %1 (%2, %3)"), item.incident_id,
              local_date(item.incident_date), type_label(item.primary_type, language))


def describe(item: FeedbackItem, language: str) -> str:
    return f"{incident_label(item, language)}: {what_happened(item)}"


class FeedbackDialog(QDialog):
    """The list of unread feedback: open an incident, mark everything read, or decide later."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, items: list[FeedbackItem],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.items = ctx, tasks, items
        self.setObjectName("reporterFeedback")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._texts = t = Retranslator(CONTEXT)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("feedbackList")
        self.list.setProperty("i18n_data", True)  # names and taxonomy labels
        # Double click opens; Enter is the default button (mark as read), as the list passes it on.
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(self._selection_changed)
        self.error = ErrorLine(self)
        self.open_button = QPushButton(self)
        self.read_button = QPushButton(self)
        self.later_button = QPushButton(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.read_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.read_button.setDefault(True)
        self.open_button.clicked.connect(self.open_selected)
        self.read_button.clicked.connect(self.mark_read)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 320)
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("ReporterFeedback",
                                                      "What happened with your report"))
        t.bind(self.open_button.setText, QT_TRANSLATE_NOOP("ReporterFeedback", "&Open the incident"))
        t.bind(self.read_button.setText, QT_TRANSLATE_NOOP("ReporterFeedback", "&Mark as read"))
        t.bind(self.later_button.setText, QT_TRANSLATE_NOOP("ReporterFeedback", "&Later"))
        t.bind(self.list.setAccessibleName, QT_TRANSLATE_NOOP("ReporterFeedback",
                                                              "What happened with your incidents"))
        self.message.setText(_t(QT_TRANSLATE_NOOP(
            "ReporterFeedback", "This is what has been done with the incidents you reported since "
            "you last read it (%1). Open an incident to read more, or mark it all as read."),
            len(items)))
        for entry in items:
            row = QListWidgetItem(describe(entry, ctx.language))
            row.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def selected(self) -> FeedbackItem | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _selection_changed(self, _row: int) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None and chosen.may_open
                                    and self.ctx.may(Permission.INCIDENT_NARRATIVE))

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.open_button.isEnabled():
            return
        from ui.views.incident_view import open_incident

        open_incident(self.ctx, self.tasks, chosen.incident_id, self.parentWidget())

    def mark_read(self) -> None:
        actor, feedback = self.ctx.require_actor(), self.ctx.services.feedback
        ids = [item.id for item in self.items]
        self.read_button.setEnabled(False)
        Op(self, lambda: feedback.mark_read(actor, ids)).success(lambda _count: self.accept()).failure(
            self._failed).run(self.tasks, self.ctx)

    def _failed(self, error: BaseException) -> None:
        self.read_button.setEnabled(True)
        self.error.show_error(error, self.ctx.language)


class FeedbackOffer:
    """Reads the user's unread feedback after login and shows it if there is any."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget) -> None:
        self.ctx, self.tasks, self.parent = ctx, tasks, parent
        self.dialog: FeedbackDialog | None = None

    def offer(self) -> None:
        actor = self.ctx.actor
        if actor is None or not self.ctx.may(Permission.INCIDENT_CREATE):
            return  # only someone who can report has reports to hear about
        feedback = self.ctx.services.feedback
        Query(self.parent, lambda: feedback.unread(actor)).success(self._show).run(self.tasks, self.ctx)

    def _show(self, items: list[FeedbackItem]) -> None:
        if not items or self.ctx.actor is None:
            return
        self.close()
        self.dialog = FeedbackDialog(self.ctx, self.tasks, items, self.parent)
        self.dialog.finished.connect(self._finished)
        self.dialog.open()

    def _finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def close(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()
