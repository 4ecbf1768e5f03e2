"""One backup of the embedded database: an encrypted copy with its key file, checked before use.

A backup is two files: ``NAME.sqlite3`` (SQLCipher, the database's own master key, written by
``sqlcipher_export`` in one read transaction, so it is consistent while others write under WAL)
and ``NAME.sqlite3.keys``, a copy of the key file as it was. The copy of the key file makes the
backup open on its own: after a ``db rekey`` or a lost key file, the live key file would no
longer open it. It holds nothing a password or the recovery key does not already guard.

Both are written under dot-names and renamed only once the copy has been opened and checked
(integrity, then the audit chain), so a half-written or unchecked copy never carries a backup's
name.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from safetylog.domain.errors import DatabaseDamaged
from safetylog.domain.records import ChainReport
from safetylog.storage import audit_verify
from safetylog.storage.embedded import open_encrypted
from safetylog.storage.files import SQLITE_COMPANIONS, create_private_empty, fsync_dir, make_private
from safetylog.storage.keyslots import key_file_for


def temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def export_encrypted(engine: Engine, target: Path) -> None:
    """``sqlcipher_export`` into a new 0600 file: ATTACH without a key takes the main key."""
    create_private_empty(target)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS backup", (str(target),))
        try:
            cursor.execute("SELECT sqlcipher_export('backup')").fetchall()
        finally:
            cursor.execute("DETACH DATABASE backup")
    finally:
        raw.close()
    _fsync(target)


def verify_copy(path: Path, keys: Sequence[bytes]) -> ChainReport:
    """Open the copy, run its integrity check and check its audit chain; DatabaseDamaged if not."""
    engine, _index = open_encrypted(path, keys)  # quick_check inside
    try:
        with Session(engine) as session:
            report = audit_verify.verify(session)
    finally:
        engine.dispose()
        remove_companions(path)
    if not report.ok:
        raise DatabaseDamaged(f"The audit chain of {path.name} is broken at row "
                              f"{report.first_broken_id} ({report.reason}).")
    return report


def write_backup(engine: Engine, key_file: Path, target: Path, master_key: bytes) -> ChainReport:
    """The copy of ``engine``'s database at ``target`` with its key file, checked; the check's report."""
    if target.exists() or key_file_for(target).exists():
        raise FileExistsError(f"{target} already exists")
    part = temporary_name(target)
    discard(part)  # a copy an earlier run left half-made
    try:
        export_encrypted(engine, part)
        shutil.copyfile(key_file, key_file_for(part))
        make_private(key_file_for(part))
        _fsync(key_file_for(part))
        report = verify_copy(part, (master_key,))
        os.replace(key_file_for(part), key_file_for(target))
        os.replace(part, target)  # last: a database under a backup's name always has its key file
        fsync_dir(target.parent)
    except BaseException:
        discard(part)
        raise
    return report


def remove_companions(path: Path) -> None:
    """The -wal/-shm files an open left behind (SQLite removes them on the last close); a -wal
    that still holds pages is kept, since the copy would be incomplete without it."""
    for suffix in SQLITE_COMPANIONS:
        companion = Path(f"{path}{suffix}")
        with contextlib.suppress(FileNotFoundError):
            if suffix == "-shm" or companion.stat().st_size == 0:
                companion.unlink()


def discard(path: Path) -> None:
    """A copy and its key file, if they are there."""
    for candidate in (path, key_file_for(path)):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()
    remove_companions(path)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
