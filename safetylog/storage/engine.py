"""The one engine factory for the whole program: SQLite by default, PostgreSQL when configured.

Every connection is opened here, so that encryption at rest (SQLCipher) can later be added in
one place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=FULL",  # durability over speed: a power cut must not lose a report
    "PRAGMA busy_timeout=10000",
    "PRAGMA cache_size=-65536",  # 64 MiB; the 2 MiB default halves filtered-list speed
)


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def make_engine(url: str, *, echo: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 10})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, echo=echo, pool_pre_ping=True)


# Row ids are INTEGER columns: 32 bits on PostgreSQL. A number outside that range, typed into a
# form or a command line, cannot name a row, and handing it to the driver fails with an overflow.
MAX_ROW_ID = 2**31 - 1

_O = TypeVar("_O")


def is_row_id(value: object) -> bool:
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
