"""The one engine factory for the whole program: SQLite by default, PostgreSQL when configured.

Every connection is opened here. An embedded database file is SQLCipher, opened with the raw
256-bit master key; a plaintext SQLite file is opened only when the caller says so (tests'
in-memory databases, the benchmark baseline, reading a legacy file to encrypt it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from safetylog.domain.errors import DatabaseLocked
from safetylog.storage.change_tracking import track_changes
from safetylog.storage.files import private_dir

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",  # durability over speed: a power cut must not lose a report
    "PRAGMA busy_timeout=10000",
    "PRAGMA cache_size=-65536",  # 64 MiB; the 2 MiB default halves filtered-list speed
)

MASTER_KEY_BYTES = 32


def key_pragma(key: bytes) -> str:
    """``PRAGMA key`` with a raw key: SQLCipher then skips its own passphrase KDF."""
    if len(key) != MASTER_KEY_BYTES:
        raise ValueError("The database key must be 32 bytes.")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _apply_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for PostgreSQL and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    return Path(database) if database and database != ":memory:" else None


def make_engine(url: str, *, key: bytes | None = None, plaintext: bool = False,
                echo: bool = False) -> Engine:
    """An engine for ``url``. An SQLite file needs ``key`` (SQLCipher) or an explicit ``plaintext``.
    Every engine records what its writes change (``safetylog.storage.change_tracking``)."""
    engine = _make_engine(url, key=key, plaintext=plaintext, echo=echo)
    track_changes(engine)
    return engine


def _make_engine(url: str, *, key: bytes | None, plaintext: bool, echo: bool) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if key is None and path is not None and not plaintext:
            raise DatabaseLocked("The database is locked: log in to open it.")
        if path is not None:
            private_dir(path.parent)
        if key is None:
            engine = create_engine(url, echo=echo, connect_args={"timeout": 10})
        else:
            engine = _sqlcipher_engine(url, key, echo)
        event.listen(engine, "connect", _apply_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True)


def _sqlcipher_engine(url: str, key: bytes, echo: bool) -> Engine:
    pragma = key_pragma(key)
    engine = create_engine(url, echo=echo, module=sqlcipher, connect_args={"timeout": 10})

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        # The key before anything else: every other statement, even the dialect's own first
        # queries, would otherwise read the file as plain SQLite and fail.
        connection = sqlcipher.connect(*cargs, **cparams)
        connection.execute(pragma)
        return connection

    return engine


def is_encrypted(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite" and engine.dialect.loaded_dbapi is sqlcipher


# Row ids are INTEGER columns: 32 bits on PostgreSQL. A number outside that range, typed into a
# form or a command line, cannot name a row, and handing it to the driver fails with an overflow.
MAX_ROW_ID = 2**31 - 1

_O = TypeVar("_O")


def is_row_id(value: object) -> TypeGuard[int]:
    """True for an int that an id column can hold (it may still name no row)."""
    return isinstance(value, int) and not isinstance(value, bool) and -MAX_ROW_ID - 1 <= value <= MAX_ROW_ID


class AppSession(Session):
    """A Session whose ``get`` finds nothing for an integer id no row can have, instead of failing."""

    def get(self, entity: type[_O], ident: Any, **kwargs: Any) -> _O | None:  # type: ignore[override]
        if isinstance(ident, int) and not is_row_id(ident):
            return None
        return super().get(entity, ident, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, class_=AppSession, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


@contextmanager
def read_snapshot(session: Session) -> Iterator[Session]:
    """Every read inside sees the database at one moment, whatever others commit meanwhile.

    SQLite: Python's driver runs a SELECT outside any transaction, so a series of them can see
    different commits; an explicit BEGIN makes them share one WAL snapshot. PostgreSQL: one
    REPEATABLE READ, READ ONLY transaction. The snapshot is read-only: write (an audit row)
    in a transaction of its own afterwards. Rolled back at the end.
    """
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try:
        yield session
    finally:
        session.rollback()
