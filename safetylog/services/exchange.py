"""Export the whole database to one JSON file, and import such a file into an empty database.

The file holds every table row by row (so a round trip loses nothing) plus a readable
``incidents`` section in the ``IncidentInput`` form that ``safetylog classify`` reads. Import is
one transaction: a malformed or truncated file changes nothing.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, Table, Text, delete, func, insert, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON

from safetylog import __version__
from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import PermissionDenied, SafetyLogError
from safetylog.domain.records import Actor
from safetylog.domain.serialization import incident_input_to_json
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.incident_mapping import input_from_row
from safetylog.services.permissions import Permission, require
from safetylog.storage import migrate
from safetylog.storage.audit_chain import GENESIS
from safetylog.storage.models import AuditHead, AuditRow, Base, Incident
from safetylog.storage.types import UTCDateTime

FORMAT = "safetylog-export"
FORMAT_VERSION = 1


class ImportRefused(SafetyLogError):
    """The file cannot be imported; the message says why in one line."""


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)  # parents before children


def _encode(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _decode(table: Table, column_name: str, value: Any, where: str) -> Any:
    column = table.columns[column_name]
    if value is None:
        if not column.nullable:
            raise ImportRefused(f"{where}: '{column_name}' may not be empty")
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("no time zone")
            return moment
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("not true/false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("not a whole number")
            return value
        if isinstance(kind, (String, Text)):
            if not isinstance(value, str):
                raise ValueError("not text")
            if isinstance(kind, String) and kind.length and len(value) > kind.length:
                raise ValueError(f"longer than {kind.length} characters")
            return value
        if isinstance(kind, JSON):
            return value
    except (TypeError, ValueError) as exc:
        raise ImportRefused(f"{where}: '{column_name}' is malformed ({exc})") from None
    return value


class ExchangeService(Service):
    def export_document(self, actor: Actor) -> dict[str, Any]:
        """Everything, as one JSON-ready document. Administrators only; audited."""
        require(actor, Permission.DATA_EXPORT)
        self._require_recent_auth(actor)  # export_to comes through here too
        with self._sf.begin() as session:
            document = self._document(session, actor)
            counts = {name: len(rows) for name, rows in document["tables"].items()}
            audit.record(session, actor, AuditAction.EXPORT, "database", "",
                         rows=sum(counts.values()), incidents=counts.get("incidents", 0),
                         residents=[row["id"] for row in document["tables"].get("residents", [])])
            return document

    def export_to(self, actor: Actor, path: Path) -> dict[str, int]:
        document = self.export_document(actor)
        temporary = path.with_name(path.name + ".part")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        temporary.replace(path)  # never leave a half-written export under the real name
        return {name: len(rows) for name, rows in document["tables"].items()}

    def _document(self, session: Session, actor: Actor) -> dict[str, Any]:
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: _encode(v) for k, v in row.items()} for row in rows]
        incidents = []
        for row in session.scalars(select(Incident).order_by(Incident.id)):
            item = incident_input_to_json(input_from_row(row))
            item.update(id=row.id, status=row.status, severity=row.severity,
                        computed_severity=row.computed_severity, primary_type=row.primary_type,
                        flags=list(row.flags), taxonomy_version=row.taxonomy_version,
                        soas_total=row.soas_total, soas_band=row.soas_band,
                        severity_reasons=list(row.severity_reasons))
            incidents.append(item)
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_revision": migrate.head_revision(),
            "app_version": __version__,
            "exported_by": actor.username,
            "tables": tables,
            "incidents": incidents,
        }

    # --- import -----------------------------------------------------------------------------

    def import_from(self, path: Path, actor: Actor | None = None) -> dict[str, int]:
        """Load an export into an empty database; all or nothing. Returns rows per table."""
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ImportRefused(f"cannot read {path}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise ImportRefused(f"{path} is not a SafetyLog export (not UTF-8 text)") from None
        try:
            document = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ImportRefused(
                f"{path} is not a complete SafetyLog export: invalid or truncated JSON at line "
                f"{exc.lineno}, column {exc.colno}"
            ) from None
        return self.import_document(document, actor)

    def import_document(self, document: Any, actor: Actor | None = None) -> dict[str, int]:
        tables = self._check_header(document)
        with self._sf.begin() as session:
            if not self._is_empty(session):
                if actor is None:
                    raise PermissionDenied("The database is not empty; import needs an empty database.")
                raise ImportRefused(
                    "the database is not empty; import a file only into a new, empty database")
            if actor is not None:
                require(actor, Permission.DATA_IMPORT)
            # The empty chain's head makes way for the file's own, which matches its rows.
            session.execute(delete(AuditHead))
            counts: dict[str, int] = {}
            for table in _tables():
                rows = tables.get(table.name, [])
                if not isinstance(rows, list):
                    raise ImportRefused(f"table {table.name} is not a list of rows")
                decoded = [self._row(table, row, index) for index, row in enumerate(rows, start=1)]
                if decoded:
                    try:
                        session.execute(insert(table), decoded)
                    except (StatementError, OverflowError) as exc:
                        # A hand-edited or mixed-up file: a row points at nothing, repeats a key,
                        # lacks a column the others have, or holds a value the column cannot.
                        # The transaction is rolled back.
                        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
                        raise ImportRefused(f"table {table.name}: the database refused a row ({reason})"
                                            ) from None
                counts[table.name] = len(decoded)
            session.flush()
            self._reset_sequences(session)
            self._restore_head(session)
            audit.record(session, actor, AuditAction.IMPORT, "database", "",
                         username=actor.username if actor else "import",
                         rows=sum(counts.values()))
            return counts

    @staticmethod
    def _check_header(document: Any) -> dict[str, Any]:
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ImportRefused("not a SafetyLog export (the 'format' field is missing or wrong)")
        if document.get("format_version") != FORMAT_VERSION:
            raise ImportRefused(f"export format version {document.get('format_version')!r} is not "
                                f"supported (expected {FORMAT_VERSION})")
        head = migrate.head_revision()
        if document.get("schema_revision") != head:
            raise ImportRefused(f"the export has schema {document.get('schema_revision')!r}; this "
                                f"SafetyLog needs {head!r} (export again from an up-to-date SafetyLog)")
        tables = document.get("tables")
        if not isinstance(tables, dict):
            raise ImportRefused("the export has no 'tables' section")
        unknown = sorted(set(tables) - {t.name for t in _tables()})
        if unknown:
            raise ImportRefused(f"the export has unknown tables: {', '.join(unknown)}")
        missing = sorted({t.name for t in _tables()} - set(tables))
        if missing:
            raise ImportRefused(f"the export lacks tables: {', '.join(missing)} (is it truncated?)")
        return tables

    @staticmethod
    def _row(table: Table, row: Any, index: int) -> dict[str, Any]:
        where = f"table {table.name}, row {index}"
        if not isinstance(row, dict):
            raise ImportRefused(f"{where} is not an object")
        unknown = sorted(set(row) - set(table.columns.keys()))
        if unknown:
            raise ImportRefused(f"{where}: unknown columns {', '.join(unknown)}")
        missing = [c.name for c in table.columns if c.name not in row and not c.nullable
                   and c.default is None and c.server_default is None]
        if missing:
            raise ImportRefused(f"{where}: missing {', '.join(missing)}")
        return {name: _decode(table, name, value, where) for name, value in row.items()}

    @staticmethod
    def _is_empty(session: Session) -> bool:
        """No rows but the audit chain's head, which a new database has from its first migration."""
        head = AuditHead.__table__
        return all(session.scalar(select(func.count()).select_from(t)) == 0
                   for t in _tables() if t is not head) and not session.scalar(
            select(func.max(AuditHead.last_id)))

    @staticmethod
    def _restore_head(session: Session) -> None:
        """A file without a head row (its log was empty, or the row was left out): the head is
        the last imported row, so the next audit row links on and ``verify`` checks the rest."""
        if session.get(AuditHead, 1) is not None:
            return
        last = session.execute(select(AuditRow.id, AuditRow.row_hash)
                               .order_by(AuditRow.id.desc()).limit(1)).first()
        session.add(AuditHead(id=1, last_id=last.id if last else 0,
                              last_hash=last.row_hash if last else GENESIS))
        session.flush()

    @staticmethod
    def _reset_sequences(session: Session) -> None:
        """PostgreSQL hands out ids from sequences that an explicit-id insert does not move."""
        if session.get_bind().dialect.name != "postgresql":
            return
        for table in _tables():
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].autoincrement in (True, "auto"):
                session.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                    f"COALESCE((SELECT MAX({pk[0].name}) FROM {table.name}), 0) + 1, false)"
                ))
