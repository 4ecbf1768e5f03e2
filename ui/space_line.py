"""The line that says the disk is filling up (yellow) or full (red), in the main window and the form.

``check_space`` asks the core off the GUI thread; ``SpaceLine`` shows the answer. A problem the
environment reported (a save refused because the disk is full) stays on the line until
``clear_problem``: the user must see why nothing is being saved until it is saved again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from safetylog.domain.environment import EnvironmentProblem
from safetylog.services.disk_space import DiskSpace
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, current_language, is_language_change
from ui.operations import Query
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)
CONTEXT = "SpaceLine"
_YELLOW = "background: #fff3b0; color: #4a3b00; padding: 2px 6px;"
_RED = "color: #b00020; padding: 2px 6px;"


def check_space(ctx: UiContext, tasks: TaskRunner, owner: QObject,
                done: Callable[[DiskSpace | None], None]) -> None:
    """Free space on the data folder's disk, reported to ``done`` (None if it cannot be asked)."""
    services = ctx.services

    def work() -> DiskSpace | None:
        from safetylog.services import disk_space, settings

        try:
            threshold = services.settings.get(settings.LOW_DISK_SPACE_MB)
        except Exception as exc:  # the warning must not depend on a readable database
            log.warning("low-space threshold not read, using the default: %r", exc)
            threshold = settings.DEFINITIONS[settings.LOW_DISK_SPACE_MB].default
        assert isinstance(threshold, int)
        try:
            return disk_space.check(disk_space.data_folder(services.location), threshold)
        except OSError as exc:
            log.warning("free disk space not known: %r", exc)
            return None

    # Unguarded: a space check must never ask for the password. A failure is logged by the helper.
    Query(owner, work).success(lambda value: done(value if isinstance(value, DiskSpace) else None)).failure(
        lambda _error: None).unguarded().run(tasks, ctx)



class SpaceLine(QLabel):
    """Hidden while there is room; yellow when space is low; red while a save is refused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spaceLine")
        self.setWordWrap(True)
        self.setProperty("i18n_data", True)  # free megabytes and the core's own sentences
        self._texts = Retranslator(CONTEXT)
        self.space: DiskSpace | None = None
        self.problem: EnvironmentProblem | None = None
        self.hide()

    @property
    def is_low(self) -> bool:
        return self.space is not None and self.space.low

    def show_space(self, space: DiskSpace | None) -> None:
        self.space = space
        self._render()

    def show_problem(self, problem: EnvironmentProblem) -> None:
        self.problem = problem
        self._render()

    def clear_problem(self) -> None:
        self.problem = None
        self._render()

    def _render(self) -> None:
        if self.problem is not None:
            self.setStyleSheet(_RED)
            self.setText(self.problem.text(current_language()))
        elif self.space is not None and self.space.low:
            self.setStyleSheet(_YELLOW)
            self.setText(self._texts.text(QT_TRANSLATE_NOOP(
                "SpaceLine", "Little space is left on the disk: %1 MB free (the warning starts "
                             "below %2 MB). Free some space, or call your administrator, before "
                             "the disk is full and nothing can be saved."),
                self.space.free_mb, self.space.threshold_mb))
        else:
            self.setText("")
        self.setVisible(bool(self.text()))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._render()
        super().changeEvent(event)


CHECK_EVERY_MS = 5 * 60_000


class SpaceWatch(QObject):
    """The main window's line: checked at login and every few minutes; red when any call failed
    for want of space (whichever page made it) until the next change is saved."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._ctx, self._tasks = ctx, tasks
        self.line = SpaceLine(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        tasks.environment_failed.connect(self.line.show_problem)
        # A bound method, not a lambda: Qt drops the connection with the window (a logout's own
        # announcement arrives after the window is gone).
        ctx.hub.changed.connect(self._change_saved)

    def _change_saved(self, _changes: object) -> None:
        self.line.clear_problem()  # a save went through

    def check(self) -> None:

        self._timer.start()
        check_space(self._ctx, self._tasks, self, self.line.show_space)

    def stop(self) -> None:
        self._timer.stop()
