"""Free-text search over incident narratives: SQLite FTS5 or PostgreSQL full-text, one interface.

SQLite uses an external-content FTS5 table kept in step by triggers (the narrative is stored
once); PostgreSQL uses a GIN expression index on ``to_tsvector('danish', narrative)``.
"""

from __future__ import annotations

import re

from sqlalchemy import ColumnElement, Connection, func, literal_column, select, text
from sqlalchemy.sql import Select

from safetylog.storage.models import Incident

_SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE incident_fts USING fts5("
    "narrative, content='incidents', content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    "CREATE TRIGGER incident_fts_ai AFTER INSERT ON incidents BEGIN "
    "INSERT INTO incident_fts(rowid, narrative) VALUES (new.id, new.narrative); END",
    "CREATE TRIGGER incident_fts_ad AFTER DELETE ON incidents BEGIN "
    "INSERT INTO incident_fts(incident_fts, rowid, narrative) VALUES('delete', old.id, old.narrative); END",
    "CREATE TRIGGER incident_fts_au AFTER UPDATE OF narrative ON incidents BEGIN "
    "INSERT INTO incident_fts(incident_fts, rowid, narrative) VALUES('delete', old.id, old.narrative); "
    "INSERT INTO incident_fts(rowid, narrative) VALUES (new.id, new.narrative); END",
)
_SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS incident_fts_au",
    "DROP TRIGGER IF EXISTS incident_fts_ad",
    "DROP TRIGGER IF EXISTS incident_fts_ai",
    "DROP TABLE IF EXISTS incident_fts",
)
_PG_CREATE = (
    "CREATE INDEX ix_incidents_narrative_fts ON incidents "
    "USING gin (to_tsvector('danish', narrative))",
)
_PG_DROP = ("DROP INDEX IF EXISTS ix_incidents_narrative_fts",)

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def create(connection: Connection) -> None:
    statements = _SQLITE_CREATE if connection.dialect.name == "sqlite" else _PG_CREATE
    for statement in statements:
        connection.execute(text(statement))


def drop(connection: Connection) -> None:
    statements = _SQLITE_DROP if connection.dialect.name == "sqlite" else _PG_DROP
    for statement in statements:
        connection.execute(text(statement))


def rebuild(connection: Connection) -> None:
    """Rebuild the index after a bulk load (cheaper than per-row triggers for 100k rows)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text("INSERT INTO incident_fts(incident_fts) VALUES('rebuild')"))


def words(query: str) -> list[str]:
    """The search words in a user's query; punctuation and operators are never passed through."""
    return _WORD_RE.findall(query)[:12]


def match_clause(dialect: str, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause restricting ``incidents`` to narratives containing every word (prefix match)."""
    terms = words(query)
    if not terms:
        return None
    if dialect == "sqlite":
        expression = " ".join(f'"{term}"*' for term in terms)
        ids: Select[tuple[int]] = select(literal_column("rowid")).select_from(
            text("incident_fts")
        ).where(text("incident_fts MATCH :fts_query").bindparams(fts_query=expression))
        return Incident.id.in_(ids)
    tsquery = " & ".join(f"{term}:*" for term in terms)
    return func.to_tsvector(literal_column("'danish'"), Incident.narrative).bool_op("@@")(
        func.to_tsquery(literal_column("'danish'"), tsquery)
    )
