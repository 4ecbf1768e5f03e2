"""The line on the administration page that says when the last good backup was made, in red
when it is more than two days old, when there is none, or when the last attempt failed."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services import backups
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, is_language_change, translate
from ui.operations import Query
from ui.tasks import TaskRunner

CONTEXT = "BackupStatus"

PROBLEMS = {
    "failed": QT_TRANSLATE_NOOP("BackupStatus", "The last backup failed: %1"),
    "none": QT_TRANSLATE_NOOP("BackupStatus", "There is no backup yet."),
    "old": QT_TRANSLATE_NOOP("BackupStatus", "The last good backup is more than two days old."),
}
LAST_GOOD = QT_TRANSLATE_NOOP("BackupStatus", "Last good backup: %1 (%2)")
# Red and bold: a missing backup is found by the administrator now, not after the disk fails.
WARNING_STYLE = "color: #b00020; font-weight: bold;"


class BackupStatusLine(QLabel):
    """Hidden on PostgreSQL, whose backups the database server's administrator makes."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self.status: backups.BackupStatus | None = None
        self.setWordWrap(True)
        self.setObjectName("backupStatus")
        self._database = ctx.services.database_file
        self.setVisible(self._database is not None)
        self.refresh()

    @property
    def warning(self) -> bool:
        return self.status is not None and bool(self.status.problem(utcnow()))

    def refresh(self) -> None:
        database = self._database
        if database is None:
            return
        # A small file, but on a network drive even that may hang: off the GUI thread.
        # Unreadable: the line stays as it was (the helper logs why).
        Query(self, lambda: backups.status_for(database)).success(self._show).failure(
            lambda _e: None).run(self.tasks, self.ctx)


    def _show(self, status: backups.BackupStatus) -> None:
        self.status = status
        self._render()

    def _render(self) -> None:
        status = self.status
        if status is None:
            return
        parts = []
        if status.last_good_at is not None:
            moment = to_local(status.last_good_at).strftime("%d-%m-%Y %H:%M")
            parts.append(translate(CONTEXT, LAST_GOOD, moment, status.last_good_path))
        problem = status.problem(utcnow())
        if problem:
            parts.append(translate(CONTEXT, PROBLEMS[problem], status.last_error))
        self.setText("  ".join(parts))
        self.setStyleSheet(WARNING_STYLE if problem else "")

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._render()
        super().changeEvent(event)
