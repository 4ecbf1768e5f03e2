"""Backups of the embedded database: on request, and automatically once a day at the first login.

Where: ``backups/`` beside the database file (the data folder, for the default database). What:
``storage.backup_copy`` (encrypted copy + key file, checked before it gets its name). The
daily ones are named ``daily-<UTC stamp>.sqlite3`` and only the newest ``KEEP_DAILY`` are kept;
a backup made by hand is never pruned.

``status.json`` in the same folder records the last good backup and the last attempt, so the
administration page and ``safetylog backup --status`` can say when the newest checked copy was
made, and warn when it is old or the last attempt failed. A file rather than the settings table:
it must be readable without the key, and stays true for the copies in the folder it sits in.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from safetylog.domain.errors import DatabaseLocked, SafetyLogError
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.storage import backup_copy
from safetylog.storage.engine import make_engine
from safetylog.storage.files import private_dir, write_atomic
from safetylog.storage.keyslots import key_file_for

FOLDER = "backups"
STATUS_FILE = "status.json"
DAILY_PREFIX = "daily-"
MANUAL_PREFIX = "safetylog-"
KEEP_DAILY = 14
STALE_AFTER = timedelta(days=2)

# The daily backup at the first login; tests switch it off unless they test it.
daily_enabled = True


class BackupFailed(SafetyLogError):
    """The backup could not be written or did not pass its check; nothing carries its name."""


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    seconds: float
    audit_rows_checked: int


@dataclass(frozen=True, slots=True)
class BackupStatus:
    last_good_at: datetime | None = None
    last_good_path: str = ""
    last_attempt_at: datetime | None = None
    last_error: str = ""  # "" when the last attempt succeeded

    def problem(self, now: datetime) -> str:
        """"failed", "none", "old", or "" when all is well (the UI words each in its language)."""
        if self.last_error:
            return "failed"
        if self.last_good_at is None:
            return "none"
        if now - self.last_good_at > STALE_AFTER:
            return "old"
        return ""

    def warning(self, now: datetime) -> str:
        """Why an administrator should act, in one English line; "" when all is well."""
        return {"failed": f"The last backup failed: {self.last_error}",
                "none": "There is no backup yet.",
                "old": "The last good backup is more than two days old.",
                "": ""}[self.problem(now)]


def folder_for(database: Path) -> Path:
    return database.parent / FOLDER


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S%fZ")


# --- status --------------------------------------------------------------------------------------


def read_status(folder: Path) -> BackupStatus:
    try:
        data = json.loads((folder / STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupStatus()
    if not isinstance(data, dict):
        return BackupStatus()

    def moment(key: str) -> datetime | None:
        try:
            return datetime.fromisoformat(str(data[key]))
        except (KeyError, ValueError):
            return None

    return BackupStatus(moment("last_good_at"), str(data.get("last_good_path", "")),
                        moment("last_attempt_at"), str(data.get("last_error", "")))


def _write_status(folder: Path, status: BackupStatus) -> None:
    data: dict[str, Any] = {
        "last_good_at": status.last_good_at.isoformat() if status.last_good_at else None,
        "last_good_path": status.last_good_path,
        "last_attempt_at": status.last_attempt_at.isoformat() if status.last_attempt_at else None,
        "last_error": status.last_error,
    }
    write_atomic(folder / STATUS_FILE, json.dumps(data, indent=1).encode("utf-8"))


def status_for(database: Path) -> BackupStatus:
    return read_status(folder_for(database))


# --- making one -------------------------------------------------------------------------------


def make_backup(engine: Engine, database: Path, master_key: bytes, target: Path | None = None, *,
                prefix: str = MANUAL_PREFIX, clock: Callable[[], datetime] = utcnow) -> BackupResult:
    """A checked, encrypted copy of the open database; the outcome goes into ``status.json``.

    ``target`` None: ``backups/<prefix><stamp>.sqlite3`` beside the database.
    """
    folder = folder_for(database)
    private_dir(folder)
    now = clock()
    target = target or folder / f"{prefix}{stamp(now)}.sqlite3"
    if target.parent != folder:
        private_dir(target.parent)
    if target.exists() or key_file_for(target).exists():
        # A name typed twice is not a failed backup: refused before anything is recorded.
        raise BackupFailed(f"{target} already exists; choose another name.")
    started = time.perf_counter()
    previous = read_status(folder)
    try:
        report = backup_copy.write_backup(engine, key_file_for(database), target, master_key)
    except Exception as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        _write_status(folder, BackupStatus(previous.last_good_at, previous.last_good_path, now, reason))
        raise BackupFailed(f"The backup to {target} failed: {reason}") from None
    _write_status(folder, BackupStatus(now, str(target), now, ""))
    return BackupResult(target, time.perf_counter() - started, report.rows_checked)


def prune_daily(folder: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Remove all but the newest ``keep`` daily backups (their names sort by time); the removed."""
    daily = sorted(folder.glob(f"{DAILY_PREFIX}*.sqlite3"))
    removed = daily[:-keep] if keep else daily
    for old in removed:
        backup_copy.discard(old)
    return removed


# --- the daily one ------------------------------------------------------------------------------


def daily_due(database: Path, now: datetime) -> bool:
    """No attempt yet today (local time): the first login of the day makes one."""
    last = status_for(database).last_attempt_at
    return last is None or to_local(last).date() != to_local(now).date()


def daily_backup(url: str, database: Path, master_key: bytes,
                 clock: Callable[[], datetime] = utcnow) -> BackupResult:
    """Today's backup on an engine of its own (it may run beside the app's), then the pruning."""
    engine = make_engine(url, key=master_key)
    try:
        result = make_backup(engine, database, master_key, prefix=DAILY_PREFIX, clock=clock)
    finally:
        engine.dispose()
    prune_daily(folder_for(database))
    return result


class DailyBackup:
    """The daily backup, run on a worker thread so that the login does not wait for it.

    ``wait`` (called when the services close) lets it finish: a process that exits at once (a
    short CLI command) still ends with a complete copy. A failure is kept in ``status.json``.
    """

    def __init__(self, url: str, database: Path, master_key: bytes,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.result: BackupResult | None = None
        self.error: str = ""
        self._thread = threading.Thread(target=self._run, args=(url, database, master_key, clock),
                                        name="safetylog-daily-backup")
        self._thread.start()

    def _run(self, url: str, database: Path, key: bytes, clock: Callable[[], datetime]) -> None:
        try:
            self.result = daily_backup(url, database, key, clock)
        except Exception as exc:  # recorded in status.json; the login goes on regardless
            self.error = str(exc)

    def wait(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)


def start_daily_if_due(url: str, database: Path | None, master_key: bytes | None,
                       clock: Callable[[], datetime] = utcnow) -> DailyBackup | None:
    if not daily_enabled or database is None or master_key is None:
        return None
    if not daily_due(database, clock()):
        return None
    return DailyBackup(url, database, master_key, clock)


def require_embedded(database: Path | None, master_key: bytes | None) -> tuple[Path, bytes]:
    if database is None or master_key is None:
        raise DatabaseLocked("This backup is for the embedded database; on PostgreSQL use "
                             "'safetylog backup FILE' or pg_dump (see the README).")
    return database, master_key
