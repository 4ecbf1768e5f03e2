"""Timing helpers: run the app's path, capture the SQL it sent, replay that SQL on raw sqlite3.

The raw baseline is exactly what the app asked the database (the statements and parameters
captured from the engine during the timed call), replayed on a plain ``sqlite3`` connection to
the same file with the same PRAGMAs. The ratio app/raw is then the cost of our layers: services,
SQLAlchemy, dataclasses, audit, the Qt model.
"""

from __future__ import annotations

import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

from safetylog.storage.engine import SQLITE_PRAGMAS, key_pragma

Statement = tuple[str, Any, bool]  # (sql, parameters, executemany)


@dataclass
class Capture:
    statements: list[Statement] = field(default_factory=list)


@contextmanager
def capture(engine: Engine) -> Iterator[Capture]:
    """Record every statement the engine sends to the driver inside the block."""
    found = Capture()

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               executemany: bool) -> None:
        found.statements.append((statement, parameters, executemany))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", before)


KEYS: dict[Path, bytes] = {}  # the encrypted benchmark databases and their keys


def raw_connection(path: Path) -> sqlite3.Connection:
    """The driver alone, on the same file: SQLCipher with the key for an encrypted one."""
    key = KEYS.get(path)
    if key is None:
        conn = sqlite3.connect(str(path), isolation_level=None)  # we issue BEGIN/COMMIT ourselves
    else:
        import sqlcipher3.dbapi2 as sqlcipher

        conn = sqlcipher.connect(str(path), isolation_level=None)
        conn.execute(key_pragma(key))
    for pragma in SQLITE_PRAGMAS:
        conn.execute(pragma)
    return conn


def replay(conn: sqlite3.Connection, statements: list[Statement],
           remap: dict[Any, Any] | None = None) -> dict[Any, Any]:
    """Run ``statements`` in one transaction, as the app did; fetch every result row.

    ``remap`` replaces parameter values (a new incident's id for the one the app created); an
    ``INSERT INTO incidents`` adds its own new id to it. Returns the remapping used.
    """
    mapping = dict(remap or {})
    conn.execute("BEGIN")
    for sql, params, many in statements:
        # The audit row the app wrote has its id from the chain head; the replay writes the same
        # row (and the residents it names) again over it instead of failing on the id.
        sql = _AUDIT_INSERT.sub(r"INSERT OR REPLACE INTO \1", sql)
        if many:
            conn.executemany(sql, [_mapped(p, mapping) for p in params])
            continue
        cursor = conn.execute(sql, _mapped(params, mapping))
        rows = cursor.fetchall()
        if re.match(r"\s*INSERT INTO incidents\b", sql) and "original_id" in mapping:
            new_id = rows[0][0] if rows else cursor.lastrowid
            mapping[mapping.pop("original_id")] = new_id
    conn.execute("COMMIT")
    return mapping


_AUDIT_INSERT = re.compile(r"^\s*INSERT INTO (audit_log|audit_subjects)\b")


def _mapped(params: Any, mapping: dict[Any, Any]) -> Any:
    if not mapping:
        return params
    if isinstance(params, dict):
        return {k: _swap(v, mapping) for k, v in params.items()}
    return tuple(_swap(v, mapping) for v in params)


def _swap(value: Any, mapping: dict[Any, Any]) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in mapping:
        return mapping[value]
    if isinstance(value, str) and value.isdigit() and int(value) in mapping:
        return str(mapping[int(value)])
    return value


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


@dataclass
class Result:
    name: str
    app_ms: float
    raw_ms: float
    goal_ms: float | None = None

    @property
    def ratio(self) -> float:
        return self.app_ms / self.raw_ms if self.raw_ms else float("inf")


def encryption_report(results: list[Result]) -> str:
    """Encrypted against unencrypted, benchmark by benchmark (names carry a [kind] prefix)."""
    by_name: dict[str, dict[str, float]] = {}
    for r in results:
        kind, _, name = r.name.partition("] ")
        by_name.setdefault(name, {})[kind.strip("[")] = r.app_ms
    lines = ["Encrypted (SQLCipher) against unencrypted, app path medians",
             f"{'benchmark':<46}{'plain ms':>10}{'enc ms':>10}{'ratio':>8}"]
    for name, kinds in by_name.items():
        if "plaintext" in kinds and "encrypted" in kinds:
            ratio = kinds["encrypted"] / kinds["plaintext"] if kinds["plaintext"] else float("inf")
            lines.append(f"{name:<46}{kinds['plaintext']:>10.2f}{kinds['encrypted']:>10.2f}{ratio:>8.2f}")
    return "\n".join(lines)


def report(results: list[Result], title: str) -> str:
    lines = [title, f"{'benchmark':<46}{'app ms':>10}{'raw ms':>10}{'ratio':>8}{'goal ms':>10}"]
    for r in results:
        goal = f"{r.goal_ms:.0f}" if r.goal_ms is not None else "-"
        lines.append(f"{r.name:<46}{r.app_ms:>10.2f}{r.raw_ms:>10.2f}{r.ratio:>8.1f}{goal:>10}")
    return "\n".join(lines)
