"""A Qt warning fails the test it happens in, in the test's body or while it is torn down; only
the offscreen platform's own remarks, listed in pyproject.toml, pass. Checked by running a small
test file under the project's own pytest settings."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = '''
import pytest
from PySide6.QtCore import qWarning


@pytest.fixture
def closes_badly():
    yield
    qWarning("QThread: Destroyed while thread is still running")


def test_warning_in_the_body(qtbot):
    qWarning("QObject::connect: No such signal")


def test_warning_at_teardown(closes_badly):
    pass


def test_offscreen_platform_remark(qtbot):
    qWarning("This plugin does not support raise()")


def test_quiet(qtbot):
    pass
'''


def test_qt_warnings_fail_tests_except_the_offscreen_platforms_remarks(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the probe loads tests.qt_messages from here
    probe = pytester.makepyfile(test_probe=PROBE)
    result = pytester.runpytest_subprocess(
        "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(pytester.path), "-p", "tests.qt_messages",
        "-p", "no:cacheprovider", str(probe))
    result.assert_outcomes(passed=3, failed=1, errors=1)
    output = result.stdout.str()
    assert "FAILED test_probe.py::test_warning_in_the_body" in output
    assert "ERROR test_probe.py::test_warning_at_teardown" in output
    assert "QThread: Destroyed while thread is still running" in output
