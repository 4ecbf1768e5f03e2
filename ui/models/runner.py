"""Where a model's page queries run: the app's TaskRunner, or inline for benchmarks.

``ui.operations`` only needs ``run(fn, on_done, on_error)``; ``ui.tasks.TaskRunner`` provides it off the
GUI thread. ``InlineRunner`` runs the call at once on the calling thread, so a benchmark can time
``fetchMore`` itself, and a test can drive a model without waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ui.operations import Runner as Runner  # re-exported for the models that take one


class InlineRunner:
    """Runs each job immediately; results and errors are delivered before ``run`` returns."""

    pending = 0

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], *, guarded: bool = True) -> None:
        try:
            result = fn()
        except Exception as exc:  # handed to the caller, exactly as the TaskRunner does
            on_error(exc)
            return
        on_done(result)
