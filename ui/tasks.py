"""Run database and file work off the GUI thread, and deliver the result back on it.

The callable is a plain core call (it opens its own session through the services); its result
or exception comes back through a queued signal, so slots run on the GUI thread. Widgets do not
call ``run`` themselves: they go through ``ui.operations`` (``Op``/``Query``), which also
announces what a write changed (``tests/ui/test_operations.py`` keeps it so).


This is the one place every background call reports its errors, so the two that concern the login
rather than the call are handled here, not in each view: ``ReauthenticationRequired`` asks the
``guard`` for the password and runs the call once more, and ``SessionEnded`` tells the guard
(which returns to the login) instead of the caller. An error the environment caused (a full
disk, a server that is down) is also announced once, through ``environment_failed``, so the
main window can say so where every page shows it, whichever page made the call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from safetylog.domain.environment import classify


class AuthGuard(Protocol):
    def reauthenticate(self, retry: Callable[[], None], give_up: Callable[[], None]) -> None:
        """Ask for the password; ``retry`` after it was accepted, ``give_up`` if the user cancels."""

    def session_ended(self, error: BaseException) -> None:
        """The login behind the call is gone (ended, expired, user deactivated)."""


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # delivered to the caller's on_error; nothing is swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """One runner per app. ``pending`` lets tests wait until every job has reported back."""

    environment_failed = Signal(object)
    """An EnvironmentProblem (disk full, read-only, server down) that made a call fail."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[_Signals] = set()
        self.guard: AuthGuard | None = None  # set while someone is logged in

    @property
    def pending(self) -> int:
        return len(self._live)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, guarded: bool = True) -> None:
        """Run ``fn`` off the GUI thread. ``guarded=False`` is for the login's own calls (the
        password prompt itself), whose authentication errors belong to the caller."""
        self._start(fn, on_done, on_error, guarded=guarded, retried=False)

    def _start(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None], *, guarded: bool, retried: bool) -> None:
        signals = _Signals()
        self._live.add(signals)

        def done(value: Any) -> None:
            self._live.discard(signals)
            on_done(value)

        def failed(error: BaseException) -> None:
            self._live.discard(signals)
            problem = classify(error)
            if problem is not None:
                self.environment_failed.emit(problem)
            guard = self.guard if guarded else None
            if guard is not None and self._login_error(error, guard, retried,
                                                       lambda: self._start(fn, on_done, on_error,
                                                                           guarded=True, retried=True),
                                                       lambda: on_error(error)):
                return
            on_error(error)

        signals.done.connect(done)
        signals.failed.connect(failed)
        self._pool.start(_Job(fn, signals))

    @staticmethod
    def _login_error(error: BaseException, guard: AuthGuard, retried: bool,
                     retry: Callable[[], None], give_up: Callable[[], None]) -> bool:
        """True when the guard took the error over."""
        from safetylog.domain.errors import ReauthenticationRequired, SessionEnded

        if isinstance(error, SessionEnded):
            guard.session_ended(error)
            return True
        if isinstance(error, ReauthenticationRequired) and not retried:
            guard.reauthenticate(retry, give_up)
            return True
        return False

    def wait_all(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished: only for closing the database under them. To wait
        for one call of one's own, use the ``Pending`` its ``ui.operations`` call returned."""
        return self._pool.waitForDone(msecs)

