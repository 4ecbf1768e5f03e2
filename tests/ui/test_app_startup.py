"""How soon the login window shows after the process starts, against a bare Qt window.

What the database is (new, encrypted, plaintext, shared, damaged) is found out in the background
while the login shows, so the login costs little more than drawing a window: neither SQLAlchemy
nor reportlab is imported before it shows.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RUNS = 3
LIMIT_BEYOND_BARE_S = 0.6  # the goal is 0.3 s; twice that keeps a busy CI machine from failing

BARE = """
import json, sys, time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.show()
app.processEvents()
print(json.dumps({"shown": time.time()}))
"""

LOGIN = """
import json, os, sys, time
from ui.app import build_app
app, shell = build_app(sys.argv[1], language="da")
# Building the login imports no database code; start() then probes the database on a worker
# thread, which may import SQLAlchemy while the window is being drawn.
before_start = {"reportlab": "reportlab" in sys.modules, "sqlalchemy": "sqlalchemy" in sys.modules}
shell.start()
app.processEvents()
shown = time.time()
state = {"shown": shown, "visible": shell.login.isVisible(), **before_start,
         "title": shell.login.windowTitle()}
print(json.dumps(state), flush=True)
if sys.argv[2:] == ["wait"]:
    shell.tasks.wait_all()
    shell.close()
os._exit(0)  # measured: no need to wait for the database to finish opening
"""


def _time_to_window(code: str, *args: str) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=120, check=True)
    state: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    state["seconds"] = float(state["shown"]) - started  # type: ignore[arg-type]
    return state


def test_the_login_shows_within_the_budget_beyond_a_bare_window(tmp_path: Path) -> None:
    from ui.i18n import ensure_compiled

    ensure_compiled()  # a first start compiles the translations once; measure the usual start
    url = f"sqlite:///{tmp_path / 'startup.sqlite3'}"
    _time_to_window(LOGIN, url, "wait")  # warm the file-system cache and create the database
    bare = statistics.median(float(_time_to_window(BARE)["seconds"]) for _ in range(RUNS))  # type: ignore[arg-type]
    logins = [_time_to_window(LOGIN, url) for _ in range(RUNS)]
    login = statistics.median(float(s["seconds"]) for s in logins)  # type: ignore[arg-type]
    print(f"\nbare window {bare:.3f} s, login window {login:.3f} s, beyond bare {login - bare:.3f} s")
    assert all(s["visible"] and s["title"] == "SafetyLog – log ind" for s in logins)
    assert not any(s["reportlab"] for s in logins)
    assert not any(s["sqlalchemy"] for s in logins)  # the database is probed behind the window
    assert login - bare <= LIMIT_BEYOND_BARE_S


def test_the_desktop_start_shows_the_login_before_any_database_code_and_then_probes(
        tmp_path: Path) -> None:
    """``safetylog`` with no arguments, as the desktop shortcut runs it: when the login window is
    shown only Qt, the login and the start code are loaded; the database is then found out
    behind the window (a new one: the first-run dialog takes over)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SAFETYLOG_DATA_DIR=str(tmp_path / "data"),
               SAFETYLOG_DATABASE_URL=f"sqlite:///{tmp_path / 'new.sqlite3'}",
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-m", "tests.start_children", "login", "--then-first-run"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True)
    shown, probed = (json.loads(line) for line in done.stdout.strip().splitlines()[:2])
    assert shown["title"] == "SafetyLog – log ind"
    assert shown["heavy"] == []  # no SQLAlchemy, services, storage, reportlab, crypto
    assert not any(m.startswith("safetylog.cli.") for m in shown["safetylog"])  # no parser built
    assert probed["after_probe"] == ["firstRunDialog"] and not probed["login_visible"]
    assert probed["sqlalchemy"]  # the probe ran, behind the shown window
