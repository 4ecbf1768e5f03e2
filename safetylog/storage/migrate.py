"""Run the Alembic migrations from code at startup, after backing up an existing SQLite file.

A schema change is all or nothing. PostgreSQL's DDL is transactional. SQLite's is too, but
Python's driver commits before every DDL statement, so a kill half-way through a first start left
a database with some tables and no revision ("table facilities already exists" for ever). Here
the driver's implicit transactions are switched off on the one connection that migrates, and the
whole upgrade runs in one ``BEGIN IMMEDIATE`` … ``COMMIT``: a kill at any point leaves the file as
it was before. Foreign keys are switched off for the duration (SQLite's documented way to rebuild
a table that others refer to) and checked before the commit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from safetylog.storage.backup_copy import export_encrypted
from safetylog.storage.engine import is_encrypted
from safetylog.storage.files import create_private_empty, make_private

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


KEEP_BACKUPS = 5


def backup_sqlite(engine: Engine) -> Path | None:
    """A copy of the SQLite file before an upgrade (0600; encrypted under the same key); the copy.

    Encrypted: ``ATTACH`` without a key uses the main database's key, and ``sqlcipher_export``
    copies in one read transaction, so the copy is consistent under WAL. Only the newest
    ``KEEP_BACKUPS`` pre-upgrade copies are kept.
    """
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    source = Path(database)
    if not source.exists() or source.stat().st_size == 0:
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = source.with_name(f"{source.name}.{stamp}.bak")
    if is_encrypted(engine):
        export_encrypted(engine, target)
    else:  # a plaintext engine the caller asked for explicitly (tests, benchmark baseline)
        create_private_empty(target)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
    make_private(target)
    prune_backups(source)
    return target


def prune_backups(database: Path, keep: int = KEEP_BACKUPS) -> None:
    """Remove all but the newest ``keep`` pre-upgrade copies (their names sort by time)."""
    backups = sorted(database.parent.glob(f"{database.name}.*.bak"))
    for old in backups[:-keep] if keep else backups:
        old.unlink()


def upgrade(engine: Engine) -> Path | None:
    """Bring the schema to head. Returns the backup made before a real upgrade, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    has_tables = bool(inspect(engine).get_table_names())
    backup = backup_sqlite(engine) if has_tables else None
    with schema_transaction(engine) as connection:
        config = alembic_config(engine)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


class SchemaCheckFailed(RuntimeError):
    """The upgraded schema left rows pointing at nothing; the upgrade was rolled back."""


@contextmanager
def schema_transaction(engine: Engine) -> Iterator[Connection]:
    """One connection, one transaction for a whole schema change; rolled back on any error."""
    with engine.connect() as connection:
        if engine.dialect.name != "sqlite":
            with connection.begin():
                yield connection
            return
        raw = connection.connection.driver_connection
        assert raw is not None
        previous = raw.isolation_level
        raw.isolation_level = None  # no implicit COMMIT before DDL: we say BEGIN and COMMIT
        try:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise SchemaCheckFailed(f"{len(broken)} rows point at missing rows after the upgrade")
                connection.exec_driver_sql("COMMIT")
            except BaseException:
                connection.exec_driver_sql("ROLLBACK")
                raise
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            raw.isolation_level = previous
            connection.rollback()  # SQLAlchemy's own (empty) transaction bookkeeping


def check_models_match(engine: Engine) -> None:
    """Raise if the models and the migrations disagree (``alembic check``)."""
    command.check(alembic_config(engine))
