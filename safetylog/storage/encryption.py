"""Encrypting the unencrypted database of an earlier version, on the first start of this one.

Order, so that a crash at any point loses nothing and leaves no plaintext behind for long:
an encrypted backup first; the key file (every active user's slot opens with their old password);
``sqlcipher_export`` into a temporary encrypted file, synced and verified row for row; then the
temporary file replaces the original, and the plaintext (its inode, -wal and -shm, and older
unencrypted backups) is overwritten with zeros and removed.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from safetylog.domain.crypto import random_key
from safetylog.domain.errors import DatabaseDamaged
from safetylog.storage import keyslots
from safetylog.storage.embedded import SQLITE_HEADER, is_plaintext_file
from safetylog.storage.engine import key_pragma
from safetylog.storage.files import (
    SQLITE_COMPANIONS,
    create_private_empty,
    fsync_dir,
    make_private,
    shred,
)


def _attach_key(key: bytes) -> str:
    return key_pragma(key).removeprefix("PRAGMA key = ")


def export_encrypted(source: sqlcipher.Connection, target: Path, key: bytes) -> None:
    """Copy the database open on ``source`` into a new encrypted 0600 file ``target``."""
    create_private_empty(target)
    source.execute(f"ATTACH DATABASE ? AS encrypted KEY {_attach_key(key)}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('encrypted')").fetchall()
    finally:
        source.execute("DETACH DATABASE encrypted")
    _fsync(target)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _row_counts(conn: sqlcipher.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _open_plain(path: Path) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), timeout=10, isolation_level=None)
    try:
        # Everything the WAL holds into the main file, so the export and the shredding see it all.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise DatabaseDamaged(f"The database file {path} is damaged ({exc}); it was not encrypted.") from None
    if result != ["ok"]:
        conn.close()
        raise DatabaseDamaged(f"The database file {path} is damaged ({result[0]}); it was not encrypted.")
    return conn


def _password_hashes(conn: sqlcipher.Connection) -> dict[str, str]:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'users'").fetchone() is None:
        return {}
    return {str(u): str(h) for u, h in conn.execute(
        "SELECT username, password_hash FROM users WHERE active")}


def _verify(path: Path, key: bytes, expected: dict[str, int]) -> None:
    conn = sqlcipher.connect(str(path))
    try:
        conn.execute(key_pragma(key))
        if [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()] != ["ok"] \
                or _row_counts(conn) != expected:
            raise DatabaseDamaged(f"The encrypted copy {path} differs from the original; the original "
                                  "was left unencrypted and unchanged.")
    finally:
        conn.close()


def _replace_and_shred(encrypted: Path, original: Path) -> None:
    """Put ``encrypted`` in ``original``'s place, then zero and remove the old plaintext inode.

    A hard link keeps the old inode reachable across the rename, so that it can be overwritten;
    a crash between the steps leaves the old plaintext under the link's name, shredded at the
    next encryption run.
    """
    old = original.with_name(original.name + ".plaintext-old")
    _drop_link(old, original)
    os.link(original, old)
    os.replace(encrypted, original)
    fsync_dir(original.parent)
    shred(old)


def _drop_link(old: Path, original: Path) -> None:
    if not old.exists():
        return
    if original.exists() and os.path.samefile(old, original):
        old.unlink()  # a second name for the file still in use: unlink, never zero it
    else:
        shred(old)


def shred_leftovers(path: Path) -> None:
    """Plaintext left by an encryption run cut short after its rename (called once unlocked)."""
    _drop_link(path.with_name(path.name + ".plaintext-old"), path)
    with contextlib.suppress(FileNotFoundError):
        path.with_name(f"{path.name}.encrypting").unlink()  # encrypted, never renamed: no secret


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def encrypt_plaintext_file(path: Path) -> Path:
    """Encrypt the old unencrypted database at ``path`` in place; returns the encrypted backup."""
    master = random_key()
    conn = _open_plain(path)
    try:
        expected = _row_counts(conn)
        hashes = _password_hashes(conn)
        backup = path.with_name(f"{path.name}.{_stamp()}.bak")
        export_encrypted(conn, backup, master)
        temp = path.with_name(f"{path.name}.encrypting")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()  # from a run cut short: it never replaced anything
        export_encrypted(conn, temp, master)
    finally:
        conn.close()
    _verify(temp, master, expected)
    _verify(backup, master, expected)
    keyslots.create_from_hashes(keyslots.key_file_for(path), master, hashes)
    _replace_and_shred(temp, path)
    for suffix in SQLITE_COMPANIONS:
        shred(Path(f"{path}{suffix}"))
    encrypt_old_backups(path, master, keep=backup)
    make_private(path)
    return backup


def encrypt_old_backups(path: Path, master: bytes, *, keep: Path) -> None:
    """Older unencrypted ``*.bak`` copies: encrypted under the same key, the plaintext shredded."""
    for old in sorted(path.parent.glob(f"{path.name}.*.bak")):
        if old == keep or not old.is_file() or not _starts_plain(old):
            continue
        temp = old.with_name(old.name + ".encrypting")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        try:
            conn = _open_plain(old)
        except DatabaseDamaged:
            shred(old)  # an unreadable plaintext copy helps nobody and still leaks: remove it
            continue
        try:
            export_encrypted(conn, temp, master)
        finally:
            conn.close()
        _replace_and_shred(temp, old)
        for suffix in SQLITE_COMPANIONS:
            shred(Path(f"{old}{suffix}"))


def _starts_plain(path: Path) -> bool:
    return path.stat().st_size >= len(SQLITE_HEADER) and is_plaintext_file(path)
