"""The embedded database file: what state it is in, and opening it with its key after a check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from safetylog.domain.errors import DatabaseDamaged
from safetylog.storage.engine import make_engine
from safetylog.storage.files import make_database_private
from safetylog.storage.keyslots import key_file_for

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class FileState:
    kind: str  # "new", "locked", "plaintext" or "damaged"
    message: str = ""


def is_plaintext_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def plaintext_has_users(path: Path) -> bool:
    """Whether an old unencrypted file was ever set up (opened read-only: nothing is written)."""
    import sqlite3

    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'users'").fetchone() is None:
                return False
            return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"The database file {path} is damaged: {exc}.") from None


def file_state(path: Path) -> FileState:
    keys = key_file_for(path)
    if not path.exists():
        if keys.exists():
            return FileState("damaged", f"The database file {path} is missing, but its key file "
                                        f"{keys} is there. Restore the database from a backup.")
        return FileState("new")
    if path.stat().st_size == 0:
        return FileState("damaged", f"The database file {path} is empty (0 bytes). It is left as "
                                    "it is; restore it from a backup.")
    try:
        if is_plaintext_file(path):
            if not keys.exists() and not plaintext_has_users(path):
                return FileState("new")
            return FileState("plaintext")
    except DatabaseDamaged as exc:
        return FileState("damaged", str(exc))
    if not keys.exists():
        return FileState("damaged", f"The database file {path} is encrypted, but its key file "
                                    f"{keys} is missing. Restore the key file from a backup.")
    return FileState("locked")


def quick_check(engine: Engine) -> None:
    """``PRAGMA quick_check``: a wrong key or a damaged page raises DatabaseDamaged; writes nothing."""
    try:
        with engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    except DBAPIError as exc:
        raise DatabaseDamaged(_damaged(engine, str(exc.orig))) from None
    if rows != ["ok"]:
        raise DatabaseDamaged(_damaged(engine, "; ".join(str(r) for r in rows[:3])))


def _damaged(engine: Engine, detail: str) -> str:
    return (f"The database file {engine.url.database} cannot be read ({detail}). Nothing was "
            "written to it; restore it from a backup.")


def open_encrypted(path: Path, keys: Sequence[bytes]) -> tuple[Engine, int]:
    """An engine on the first of ``keys`` that reads the file, after its integrity check.

    Returns the engine and the index of the key that worked.
    """
    url = f"sqlite:///{path}"
    for index, key in enumerate(keys):
        engine = make_engine(url, key=key)
        if _readable(engine):
            try:
                quick_check(engine)
            except DatabaseDamaged:
                engine.dispose()
                raise
            make_database_private(path)
            return engine, index
        engine.dispose()
    raise DatabaseDamaged(f"The database file {path} cannot be read with its key: it is damaged, or "
                          "it is not the database this key file belongs to. Nothing was written to it.")


def _readable(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except DBAPIError:
        return False
    return True
