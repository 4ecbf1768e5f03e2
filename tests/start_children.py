"""Child processes that time the desktop start: ``python -m tests.start_children MODE``.

``bare``: a bare PySide6 window, the floor any Qt app pays. ``login [ARGS]``: the real start,
``safetylog.cli.main(ARGS)``, as the ``safetylog`` command runs it. Both print one JSON line at
the window's first paint, with ``time.time()`` then, so the parent measures from before it started
the process to the moment there is something on screen. ``login`` also says which modules were
loaded when the login window was shown; with ``--then-first-run`` it goes on until the database
(new) has been probed behind the window and the first-run dialog shows, and prints a second line.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Top-level packages the login window must not wait for (the probe imports them after it shows).
HEAVY = ("sqlalchemy", "alembic", "reportlab", "sqlcipher3", "psycopg", "argon2", "cryptography",
         "safetylog.services", "safetylog.storage", "safetylog.summaries", "reports")


def _say(state: dict[str, object]) -> None:
    print(json.dumps(state), flush=True)


class FirstPaint(QObject):
    """Reports the first paint of the window it watches, then calls ``after``."""

    def __init__(self, window: QWidget, state: dict[str, object], after: object) -> None:
        super().__init__(window)
        self.window, self.state, self.after, self.done = window, state, after, False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and watched is self.window and event.type() == QEvent.Type.Paint:
            self.done = True
            self.state["shown"] = time.time()
            self.state["title"] = self.window.windowTitle()
            _say(self.state)
            assert callable(self.after)
            QTimer.singleShot(0, self.after)
        return False


def bare() -> None:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    FirstPaint(window, {}, lambda: os._exit(0))
    window.show()
    app.exec()


def loaded(prefixes: tuple[str, ...]) -> list[str]:
    return sorted(name for name in sys.modules
                  if any(name == p or name.startswith(p + ".") for p in prefixes))


def login(args: list[str]) -> None:
    import ui.login  # Qt and the login: loaded before the window shows in any case

    then_first_run = "--then-first-run" in args
    args = [a for a in args if a != "--then-first-run"]
    original_show = ui.login.LoginDialog.showEvent

    def show_event(dialog: ui.login.LoginDialog, event: object) -> None:
        if not hasattr(dialog, "_first_paint"):
            state: dict[str, object] = {"heavy": loaded(HEAVY),
                                        "ui": loaded(("ui",)), "safetylog": loaded(("safetylog",))}
            after = (lambda: _wait_for_first_run(dialog)) if then_first_run else (lambda: os._exit(0))
            dialog._first_paint = FirstPaint(dialog, state, after)  # type: ignore[attr-defined]
        original_show(dialog, event)  # type: ignore[arg-type]

    ui.login.LoginDialog.showEvent = show_event  # type: ignore[assignment,method-assign]
    from safetylog.cli import main

    sys.exit(main(args))


def _wait_for_first_run(dialog: QWidget) -> None:
    """The probe runs behind the shown login; a new database then gets the first-run dialog."""
    deadline = time.monotonic() + 60

    def poll() -> None:
        shown = [w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets()
                 if w.isVisible()]
        if "FirstRunDialog" in shown or time.monotonic() > deadline:
            _say({"after_probe": shown, "sqlalchemy": "sqlalchemy" in sys.modules,
                  "login_visible": dialog.isVisible()})
            os._exit(0)
        QTimer.singleShot(20, poll)

    poll()


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    if mode == "bare":
        bare()
    else:
        login(rest)
