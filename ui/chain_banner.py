"""The red banner an administrator or the data-protection officer sees when the audit log's hash
chain is broken: someone changed or removed audit rows. Checked at login and once a day while the
window is open; it names the first broken row, which the audit page then shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from safetylog.services.permissions import Permission
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Query
from ui.tasks import TaskRunner

CONTEXT = "ChainBanner"
DAY_MS = 24 * 60 * 60 * 1000

REASONS = {
    "content_changed": QT_TRANSLATE_NOOP("ChainBanner", "its content was changed"),
    "link_broken": QT_TRANSLATE_NOOP("ChainBanner", "its link to the row before does not match"),
    "row_missing": QT_TRANSLATE_NOOP("ChainBanner", "rows before it are missing"),
    "head_mismatch": QT_TRANSLATE_NOOP("ChainBanner", "the newest rows were removed or replaced"),
}


def broken_text(report: Any) -> str:
    """One sentence naming the first broken row and why, in the user's language."""
    t = Retranslator(CONTEXT)
    reason = REASONS.get(getattr(report, "reason", ""), "")
    first = getattr(report, "first_broken_id", None)
    if first is None:
        return t.text(QT_TRANSLATE_NOOP(
            "ChainBanner", "The audit log has been tampered with: %1. Tell the data-protection "
                           "officer and do not delete anything."), t.text(reason) if reason else "?")
    return t.text(QT_TRANSLATE_NOOP(
        "ChainBanner", "The audit log has been tampered with: row %1 is the first that does not "
                       "match (%2). Tell the data-protection officer and do not delete anything."),
        first, t.text(reason) if reason else "?")


class ChainBanner(QLabel):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chainBanner")
        self.ctx, self.tasks = ctx, tasks
        self.setWordWrap(True)
        self.setProperty("i18n_data", True)  # set already translated, again on a language change
        self.setStyleSheet("background: #b00020; color: white; font-weight: bold; padding: 8px;")
        self.report: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(DAY_MS)
        self._timer.timeout.connect(self.check)
        self.hide()

    def check(self) -> None:
        """Ask the core now (login, once a day); only those who may read the audit log see it."""
        actor = self.ctx.actor
        if actor is None or not self.ctx.may(Permission.AUDIT_READ):
            self._timer.stop()
            self.show_report(None)
            return
        self._timer.start()
        audit_log = self.ctx.services.audit_log
        Query(self, lambda: audit_log.chain_status(actor)).success(self.show_report).failure(
            self._failed).run(self.tasks, self.ctx)


    def show_report(self, report: Any) -> None:
        self.report = report
        if report is None or getattr(report, "ok", True):
            self.clear()
            self.hide()
            return
        self.setText(broken_text(report))
        self.show()

    def _failed(self, error: BaseException) -> None:
        import logging

        logging.getLogger(__name__).error("audit chain check failed: %r", error)

    def stop(self) -> None:
        self._timer.stop()
        self.show_report(None)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event) and self.report is not None and not self.report.ok:
            self.setText(broken_text(self.report))
        super().changeEvent(event)
