"""The one way a widget calls a service: ``Op`` for a write, ``Query`` for a read (Anki's
``CollectionOp``/``QueryOp``).

    Op(self, lambda: admin.add_zone(actor, facility_id, code, name, kind)
       ).success(self._zone_added).failure(self.error_line).run(self.tasks, self.ctx)


Both run the call off the GUI thread on the app's ``TaskRunner`` (guarded: a re-authentication
or an ended session is handled there, not here), and drop the result when ``parent`` was deleted
meanwhile (its page closed while the database was still answering).

An ``Op`` also announces what its call changed: the core records the kind of every table the call
wrote (``safetylog.domain.changes``), and after success the helper emits that set on
``ctx.hub.changed`` — so no view names changes, and a view cannot forget to. The announcement is
made even when ``parent`` is gone: the write happened, and other screens must show it.

A failure is logged once, here, and then goes to what ``failure()`` was given: a callback, or a
widget that shows errors (``ErrorLine``, ``MessageLine``, ``ConflictNotice``: ``show_error(error,
language)``, worded by ``ui.views.common.error_text``). Without either, it is shown in the main
window's status line through ``ctx.hub.failed`` — never silently dropped.

``unguarded()`` is for the login's own calls (the login, the first-run set-up, the password
prompt), whose authentication errors belong to the caller.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject

from safetylog.domain.changes import Changes, recording

if TYPE_CHECKING:
    from ui.context import UiContext

log = logging.getLogger(__name__)
T = TypeVar("T")


class Runner(Protocol):
    """Where a call runs: ``ui.tasks.TaskRunner`` (off the GUI thread) or an inline runner."""

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, guarded: bool = True) -> None: ...


class ShowsErrors(Protocol):
    def show_error(self, error: BaseException, language: str) -> Any: ...


class Pending:
    """A started call. ``wait`` blocks until this call's own result has been delivered — not
    until every other job (a report being written) is done: for the one place that must wait,
    a draft saved just before the session ends (lock, log out, quit)."""

    def __init__(self) -> None:
        self._finished = threading.Event()
        self.delivered = False

    def wait(self, msecs: int = 30_000) -> bool:
        """True once the success or failure callback has run (queued events run meanwhile)."""
        deadline = time.monotonic() + msecs / 1000
        if not self._finished.wait(msecs / 1000):
            return False
        # The worker emits the result just after the call returns: deliver it here.
        while not self.delivered and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        return self.delivered


class _Call(Generic[T]):
    _announces = False

    def __init__(self, parent: QObject, call: Callable[[], T]) -> None:
        self._parent = parent
        self._call = call
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | ShowsErrors | None = None
        self._guarded = True

    def success(self, callback: Callable[[T], None]) -> Self:
        self._success = callback
        return self

    def failure(self, handler: Callable[[BaseException], None] | ShowsErrors) -> Self:
        self._failure = handler
        return self

    def unguarded(self) -> Self:
        self._guarded = False
        return self

    def _start(self, runner: Runner, ctx: UiContext | None) -> Pending:
        pending = Pending()
        call = self._call

        def work() -> tuple[T, Changes]:
            try:
                with recording() as rec:
                    value = call()
                return value, rec.changes
            finally:
                pending._finished.set()

        def done(outcome: tuple[T, Changes]) -> None:
            pending.delivered = True
            self._done(outcome, ctx)

        def failed(error: BaseException) -> None:
            pending.delivered = True
            self._failed(error, ctx)

        runner.run(work, done, failed, guarded=self._guarded)
        return pending


    def _alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _done(self, outcome: tuple[T, Changes], ctx: UiContext | None) -> None:
        value, changes = outcome
        try:
            # The caller's own follow-up first (as a hand-written notify at its end did): what it
            # sets, such as the record to select, is in place before the screens read again.
            if self._success is not None and self._alive():
                self._success(value)
        finally:
            if self._announces and changes and ctx is not None:
                ctx.hub.announce(changes, self._parent if self._alive() else None)


    def _failed(self, error: BaseException, ctx: UiContext | None) -> None:
        log.warning("%s failed: %r", type(self._parent).__name__, error)
        if not self._alive():
            return
        handler = self._failure
        if handler is None:
            if ctx is not None:
                ctx.hub.failed.emit(error)
        elif hasattr(handler, "show_error"):
            handler.show_error(error, ctx.language if ctx is not None else "da")
        else:
            handler(error)


class Op(_Call[T]):
    """A write: runs, then announces what it changed on ``ctx.hub.changed``."""

    _announces = True

    def run(self, runner: Runner, ctx: UiContext | None) -> Pending:
        """``ctx`` is None only before anyone is logged in (first run): no screen to tell yet."""
        return self._start(runner, ctx)


class Query(_Call[T]):
    """A read: runs and delivers; announces nothing (a read that writes an audit row changed
    nothing a screen shows, and announcing it would make the screen read again, forever)."""

    def run(self, runner: Runner, ctx: UiContext | None = None) -> Pending:
        return self._start(runner, ctx)

