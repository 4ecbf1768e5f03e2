"""Run database and file work off the GUI thread, and deliver the result back on it.

The callable is a plain core call (it opens its own session through the services); its result
or exception comes back through a queued signal, so slots run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._live: set[_Signals] = set()

    @property
    def pending(self) -> int:
        return len(self._live)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        signals = _Signals()
        self._live.add(signals)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._live.discard(signals)
            callback(value)

        signals.done.connect(lambda value: finish(on_done, value))
        signals.failed.connect(lambda exc: finish(on_error, exc))
        self._pool.start(_Job(fn, signals))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
