"""A long session of Qt calls must not abort the app (see ui/refcount_guard.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
CALLS = 200_000  # far more void calls and emits than None/True have references at start-up

SESSION = textwrap.dedent(f"""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if sys.argv[1] == "guarded":
        import ui  # noqa: F401  (installs the guard)
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    class Source(QObject):
        changed = Signal(int)

    app = QApplication([])
    label, source = QLabel(), Source()
    source.changed.connect(label.setNum)
    for n in range({CALLS}):
        label.setText(str(n))
        source.changed.emit(n)
    print("session finished")
""")


def _session(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SESSION, mode], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)


def _none_leak_per_call(qtbot: QtBot) -> int:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(100):
        label.setText("x")
    return (before - sys.getrefcount(None)) // 100


def test_a_long_session_of_qt_calls_and_signals_finishes(qtbot: QtBot) -> None:
    result = _session("guarded")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "session finished" in result.stdout


def test_without_the_guard_the_leaking_pyside_aborts(qtbot: QtBot) -> None:
    """While PySide6 leaks, the guard is what keeps the app alive; once fixed, it is harmless."""
    leaks = _none_leak_per_call(qtbot) > 0 and sys.version_info < (3, 12)
    result = _session("unguarded")
    assert (result.returncode != 0) == leaks, result.stderr[-2000:]
    if leaks:
        assert "dealloc" in result.stderr
