"""Qt warnings fail a test wherever they happen in it.

pytest-qt fails a test on a Qt warning during its setup and body (``qt_log_level_fail`` in
pyproject.toml), but not while it is torn down, which is when widgets close and threads end: a
thread destroyed while still running, a timer stopped from the wrong thread. This plugin holds the
message handler whenever pytest-qt does not, and fails the teardown on any warning it saw there.
The same ``qt_log_ignore`` list applies.
"""

from __future__ import annotations

import re
from collections.abc import Generator

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_SERIOUS = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
_seen: list[str] = []
_ignored: list[re.Pattern[str]] = []


def _collect(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if kind in _SERIOUS and not any(pattern.search(message) for pattern in _ignored):
        _seen.append(f"{kind.name}: {message}")


def pytest_configure(config: pytest.Config) -> None:
    _ignored.extend(re.compile(pattern) for pattern in config.getini("qt_log_ignore"))
    qInstallMessageHandler(_collect)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None]:
    _seen.clear()
    yield
    if _seen:
        messages = "\n".join(_seen)
        _seen.clear()
        pytest.fail(f"Qt warned while {item.name} was torn down:\n{messages}", pytrace=False)
