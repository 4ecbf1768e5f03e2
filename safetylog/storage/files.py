"""Files and folders private to the OS user: 0700 folders, 0600 files, atomic writes.

On Windows the permission bits mean little; the data folder lives under %LOCALAPPDATA%, whose
default ACL already grants only the user, SYSTEM and administrators, so it is left as it is.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

_POSIX = sys.platform != "win32"

SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> None:
    """Create ``path`` (and parents) and make it 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if _POSIX:
        with contextlib.suppress(PermissionError):  # a shared parent we do not own stays as it is
            path.chmod(0o700)


def make_private(path: Path) -> None:
    """chmod 0600, if the file exists."""
    if _POSIX:
        with contextlib.suppress(FileNotFoundError):
            path.chmod(0o600)


def make_database_private(database: Path) -> None:
    """The database file and the -wal/-shm files SQLite made beside it."""
    for candidate in (database, *(Path(f"{database}{suffix}") for suffix in SQLITE_COMPANIONS)):
        make_private(candidate)


def create_private_empty(path: Path) -> None:
    """An empty 0600 file that did not exist, for SQLite to fill (ATTACH) without a wider mode."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def write_atomic(path: Path, data: bytes) -> None:
    """Write beside ``path`` (0600), fsync, and rename over it: a crash leaves old or new, never half."""
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        make_private(temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX; Windows has no directory handles to sync)."""
    if not _POSIX:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shred(path: Path) -> None:
    """Overwrite a file with zeros, sync, and remove it (best effort on SSDs and copy-on-write)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as handle:
        block = b"\0" * (1 << 20)
        left = size
        while left > 0:
            handle.write(block[:min(left, len(block))])
            left -= len(block)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
