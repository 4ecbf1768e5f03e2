"""Run the Alembic migrations from code at startup, after backing up an existing SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

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
    create_private_empty(target)
    if is_encrypted(engine):
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
    else:  # a plaintext engine the caller asked for explicitly (tests, benchmark baseline)
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
    command.upgrade(alembic_config(engine), "head")
    return backup


def check_models_match(engine: Engine) -> None:
    """Raise if the models and the migrations disagree (``alembic check``)."""
    command.check(alembic_config(engine))
