"""A night worker typing without a pause into the real incident form, until the test kills it.

``python -m tests.reliability.typist URL KEY_HEX USER PASSWORD`` (KEY_HEX "" on PostgreSQL), run
offscreen by ``test_killed_while_typing``. It starts the real app on the database, logs in through
the login window, opens the New-incident page and types into the narrative, one key every
``KEY_MS``. Before each key it prints ``<monotonic time> <character>`` and flushes, so the test
knows exactly what was typed when; the process never ends by itself (the test sends SIGKILL).
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from safetylog.config import DatabaseLocation
from safetylog.services.container import Services
from safetylog.storage.engine import make_engine
from ui.app import build_app
from ui.entry.form import IncidentForm
from ui.navigation import PAGES

KEY_MS = 60
TEXT = "Beboer råbte og slog i døren; personalet talte roligt med ham. "


def main(argv: list[str]) -> int:
    url, key_hex, username, password = argv
    services = Services.build(make_engine(url, key=bytes.fromhex(key_hex) if key_hex else None),
                              DatabaseLocation(url, "test"))
    app, shell = build_app(services=services, language="da",
                           pages=tuple(p for p in PAGES if p.key == "new_incident"))
    shell.start()
    login = shell.login.form
    login.username.setText(username)
    login.password.setText(password)
    QTest.keyClick(login.password, Qt.Key.Key_Return)
    while shell.window is None or not shell.window.isVisible():
        app.processEvents()
        time.sleep(0.01)
    form = shell.window.show_page("new_incident")
    assert isinstance(form, IncidentForm)
    form.common.narrative.setFocus()
    typed = 0

    def type_one() -> None:
        nonlocal typed
        char = TEXT[typed % len(TEXT)]
        print(f"{time.monotonic():.4f} {char}", flush=True)
        QTest.keyClicks(form.common.narrative, char)
        typed += 1

    keys = QTimer()
    keys.setInterval(KEY_MS)
    keys.timeout.connect(type_one)
    keys.start()
    print("typing", flush=True)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
