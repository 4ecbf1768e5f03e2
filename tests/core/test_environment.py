"""Environment errors are named by kind and worded in both languages; anything else is a bug."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from safetylog.domain.environment import EnvironmentKind, EnvironmentProblem, classify, is_disk_full


def _wrapped(message: str) -> OperationalError:
    return OperationalError("INSERT INTO audit_log (id) VALUES (?)", (1,), sqlite3.OperationalError(message))


@pytest.mark.parametrize("kind", list(EnvironmentKind))
def test_every_kind_has_a_danish_and_an_english_sentence(kind: EnvironmentKind) -> None:
    da, en = EnvironmentProblem(kind).text("da"), EnvironmentProblem(kind).text("en")
    assert da and en and da != en
    assert "{" not in da + en


@pytest.mark.parametrize(("message", "kind"), [
    ("database or disk is full", EnvironmentKind.DISK_FULL),
    ("attempt to write a readonly database", EnvironmentKind.READ_ONLY),
    ("unable to open database file", EnvironmentKind.CANNOT_OPEN),
    ("file is not a database", EnvironmentKind.DAMAGED),
    ("database disk image is malformed", EnvironmentKind.DAMAGED),
])
def test_driver_errors_are_classified(message: str, kind: EnvironmentKind) -> None:
    problem = classify(_wrapped(message))
    assert problem is not None and problem.kind is kind
    assert classify(sqlite3.OperationalError(message)) == problem  # the raw driver error, too


def test_the_sentence_carries_no_sql_and_no_parameters() -> None:
    error = _wrapped("database or disk is full")
    assert is_disk_full(error)
    for language in ("da", "en"):
        shown = EnvironmentProblem(EnvironmentKind.DISK_FULL).text(language)
        assert "INSERT" not in shown and "audit_log" not in shown
    assert "Disken er fuld" in classify(error).text("da")  # type: ignore[union-attr]
    assert "disk is full" in classify(error).text("en")  # type: ignore[union-attr]


def test_os_errors_name_the_file() -> None:
    problem = classify(OSError(errno.ENOSPC, "No space left on device", "/data/x"))
    assert problem == EnvironmentProblem(EnvironmentKind.DISK_FULL, "/data/x")
    assert "/data/x" in problem.text("da")
    assert classify(PermissionError(errno.EACCES, "denied")) == EnvironmentProblem(
        EnvironmentKind.PERMISSION_DENIED)


def test_a_bug_is_not_an_environment_problem() -> None:
    assert classify(ValueError("the key does not exist")) is None  # not a driver's error
    assert classify(_wrapped("no such column: nonsense")) is None
    assert classify(OSError(errno.EINVAL, "invalid argument")) is None
