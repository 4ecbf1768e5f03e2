"""Export the whole database to one file, and import such a file into an empty database.

The export holds every table row by row (so a round trip loses nothing) plus a readable
``incidents`` section in the ``IncidentInput`` form that ``safetylog classify`` reads. It is
encrypted with a passphrase unless the caller asks for plaintext (``export_file``). It never
holds open logins (``login_sessions``), and holds password hashes only for a *full move*, so a
copy on a stick cannot be used to guess passwords offline. Import is one transaction: a
malformed, truncated or wrongly decrypted file changes nothing. The audit chain moves whole
(ids, hashes, subjects and head), so the import's own audit row continues it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, Table, delete, func, insert, select, text, update
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from safetylog import __version__
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import PermissionDenied, SafetyLogError
from safetylog.domain.passwords import password_problem
from safetylog.domain.records import Actor, ChainReport
from safetylog.domain.serialization import incident_input_to_json
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.services import audit, export_file, export_json, sessions
from safetylog.services.auth import hash_password
from safetylog.services.base import Service
from safetylog.services.export_file import ExportFileError, WrittenFile
from safetylog.services.export_rows import ImportRefused as ImportRefused  # re-exported for callers
from safetylog.services.export_rows import decode, encode, json_chunks
from safetylog.services.import_validation import Positions, validate_imported
from safetylog.services.incident_mapping import input_from_row
from safetylog.services.permissions import Permission, require
from safetylog.storage import audit_verify, migrate
from safetylog.storage.engine import read_snapshot
from safetylog.storage.models import AuditHead, AuditRow, Base, Incident, LoginSession, User

FORMAT = "safetylog-export"
FORMAT_VERSION = 2  # 2: no login sessions; password hashes only in a full move

# Open logins belong to the database they were made in; a copy of their token hashes is no use
# anywhere else and would only be something more to steal.
NOT_EXPORTED = frozenset({LoginSession.__tablename__})
# What an imported user gets when the export held no password hashes: no argon2 hash looks like
# this, so no password matches it until an administrator resets it.
UNUSABLE_PASSWORD_HASH = "!no-password: reset by an administrator after import"


class ExportRefused(SafetyLogError):
    """The export cannot be made as asked; the message says why in one line."""


# Reads a file just written back before it gets its name: (the file, the snapshot's row counts)
# to what the reading found; raises if the file is not what was written.
FileCheck = Callable[[Path, dict[str, int]], ChainReport]


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    encrypted: bool
    full_move: bool
    counts: dict[str, int]  # rows per table
    checked: ChainReport | None = None  # what reading the file back found, when asked for


@dataclass(frozen=True, slots=True)
class ImportResult:
    counts: dict[str, int]  # rows per table
    password_hashes: bool  # False: the users below cannot log in until their password is reset
    must_reset: tuple[str, ...]
    new_admin: str | None  # the administrator who was given a new password at import
    chain: ChainReport | None = None  # the imported audit chain, checked before the commit


def _tables() -> list[Table]:
    # parents before children
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_EXPORTED]


def _key(table: Table, row: dict[str, Any]) -> Any:
    names = [c.name for c in table.primary_key.columns]
    return row.get(names[0]) if len(names) == 1 else tuple(row.get(n) for n in names)


def _positions(table: Table, rows: list[dict[str, Any]]) -> dict[Any, int]:
    return {_key(table, row): index for index, row in enumerate(rows, start=1)}


def _check_references(table: Table, rows: list[dict[str, Any]], positions: Positions) -> None:
    """Every reference names a row of the file, checked here rather than left to the database so
    that the refusal names the row and field (the database names only the constraint)."""
    for key in table.foreign_keys:
        column, target = key.parent, key.column
        # Parents come first; a table referring to itself (linked incidents) to any of its rows.
        known = positions.get(target.table.name, {})
        for index, row in enumerate(rows, start=1):
            value = row.get(column.name)
            if value is not None and value not in known:
                raise ImportRefused(f"table {table.name}, row {index}, field {column.name}: refers "
                                    f"to {target.table.name} {value}, which the export does not hold")


class ExchangeService(Service):
    # --- export -----------------------------------------------------------------------------

    def export_document(self, actor: Actor, *, full_move: bool = False) -> dict[str, Any]:
        """Everything, as one JSON-ready document in memory. Administrators only; audited."""
        self._check_export(actor, full_move)
        with self._sf() as session:
            sessions.require_recent_auth(session, actor)
        document = self._snapshot(actor, full_move)
        with self._sf.begin() as session:
            audit.record(session, actor, AuditAction.EXPORT, "database", "",
                         **self._export_details(document, full_move))
        return document

    def export_to(self, actor: Actor, path: Path, *, passphrase: str | None,
                  full_move: bool = False, check: FileCheck | None = None,
                  entity: str = "database") -> ExportResult:
        """Write the whole database to ``path``, encrypted with ``passphrase`` (None: plaintext,
        which the caller must have been asked for explicitly). The file exists if and only if
        its audit row (folder, name, SHA-256, encrypted or not) was committed.

        ``check``: the file is written under a temporary dot-name and read back by ``check``
        first; it gets its name only if that passes (a backup). ``entity`` names it in the audit.
        """
        self._check_export(actor, full_move)
        if full_move and passphrase is None:
            raise ExportRefused("a full move holds password hashes and must be encrypted "
                                "with a passphrase")
        if passphrase is not None:
            try:
                export_file.check_passphrase(passphrase)
            except ExportFileError as exc:
                raise ExportRefused(str(exc)) from None
        written: WrittenFile | None = None
        with self._sf() as session:
            sessions.require_recent_auth(session, actor)
        document = self._snapshot(actor, full_move)
        counts = {name: len(rows) for name, rows in document["tables"].items()}
        details = self._export_details(document, full_move)
        checked: ChainReport | None = None
        try:
            try:
                written = export_file.write(self._first_name(path, check), json_chunks(document),
                                            passphrase)
            except ExportFileError as exc:
                raise ExportRefused(str(exc)) from None
            del document  # read back without the snapshot still held in memory
            if check is not None:
                checked = check(written.path, counts)
                details["audit_rows_checked"] = checked.rows_checked
                os.replace(written.path, path)
                written = WrittenFile(path, written.sha256, written.size, written.encrypted)
            with self._sf.begin() as session:
                audit.record(session, actor, AuditAction.EXPORT, entity, path.name,
                             encrypted=written.encrypted, folder=str(path.resolve().parent),
                             file=path.name, sha256=written.sha256, size=written.size, **details)
        except BaseException:
            if written is not None:  # written but not checked or not audited: it must not stay
                written.path.unlink(missing_ok=True)
            raise
        return ExportResult(written.path, written.sha256, written.size, written.encrypted, full_move,
                            counts, checked)

    @staticmethod
    def _first_name(path: Path, check: FileCheck | None) -> Path:
        """A file to be checked is written under a dot-name beside ``path`` first."""
        return path.with_name(f".{path.name}.part") if check is not None else path

    @staticmethod
    def _check_export(actor: Actor, full_move: bool) -> None:
        require(actor, Permission.DATA_EXPORT)
        if full_move and actor.role is not Role.ADMIN:
            # Password hashes can be guessed offline; only an administrator moves them.
            raise PermissionDenied(f"{actor.username} ({actor.role.value}) may not make a full move "
                                   "with password hashes: administrators only")

    @staticmethod
    def _export_details(document: dict[str, Any], full_move: bool) -> dict[str, Any]:
        counts = {name: len(rows) for name, rows in document["tables"].items()}
        # A whole-database export concerns every resident: the row names them all.
        return {"full_move": full_move, "rows": sum(counts.values()),
                "incidents": counts.get("incidents", 0),
                "residents": [row["id"] for row in document["tables"].get("residents", [])]}

    def _snapshot(self, actor: Actor, full_move: bool) -> dict[str, Any]:
        """The whole database as it was at one moment: no row in the file points at a row that a
        save committed half-way through the export left out (the export's audit row follows)."""
        with self._sf() as session, read_snapshot(session):
            return self._document(session, actor, full_move)

    def _document(self, session: Session, actor: Actor, full_move: bool) -> dict[str, Any]:
        tables: dict[str, list[dict[str, Any]]] = {}
        for table in _tables():
            order = list(table.primary_key.columns)
            rows = session.execute(select(table).order_by(*order)).mappings()
            tables[table.name] = [{k: encode(v) for k, v in row.items()} for row in rows]
        if not full_move:
            for user in tables[User.__tablename__]:
                user["password_hash"] = ""
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
            "password_hashes": full_move,
            "tables": tables,
            "incidents": incidents,
        }

    # --- import -----------------------------------------------------------------------------

    def import_from(self, path: Path, actor: Actor | None = None, *, passphrase: str | None = None,
                    admin: tuple[str, str] | None = None,
                    max_bytes: int = export_file.MAX_CONTENT_BYTES) -> ImportResult:
        """Load an export file (encrypted: with ``passphrase``) into an empty database; all or
        nothing. ``admin`` is (user name, new password) of an administrator in the file. A file
        whose content is larger than ``max_bytes`` is refused before it is read to the end."""
        return self.import_document(self.read_document(path, passphrase, max_bytes), actor,
                                    admin=admin)

    @staticmethod
    def read_document(path: Path, passphrase: str | None,
                      max_bytes: int = export_file.MAX_CONTENT_BYTES) -> Any:
        """The export's JSON, decrypted in memory and parsed strictly; ImportRefused when it
        cannot be read."""
        try:
            raw = export_file.read(path, passphrase, max_bytes)  # decrypted in memory only
        except ExportFileError as exc:
            raise ImportRefused(str(exc)) from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportRefused(f"{path} is not a SafetyLog export (not UTF-8 text at byte "
                                f"{exc.start})") from None
        finally:
            del raw
        try:
            return export_json.parse(text)
        except ImportRefused as exc:
            raise ImportRefused(f"{path}: {exc}") from None
        finally:
            del text

    def is_empty(self) -> bool:
        """Whether the database holds nothing an import or a restore could overwrite."""
        with self._sf() as session:
            return self._is_empty(session)

    def import_document(self, document: Any, actor: Actor | None = None, *,
                        admin: tuple[str, str] | None = None,
                        verify_chain: bool = False) -> ImportResult:
        """``verify_chain``: check the whole audit chain, the import's own row included, before
        the commit; a broken chain refuses the import (a backup must be whole)."""
        export_json.check(document)
        tables = self.check_header(document)
        hashes: bool = document["password_hashes"]
        if not hashes and admin is None:
            raise ImportRefused("the export holds no password hashes, so nobody could log in: name "
                                "an administrator in it with --admin NAME to give them a new password")
        problem = password_problem(admin[1], username=admin[0]) if admin is not None else None
        if admin is not None and problem is not None:
            raise ImportRefused(f"the new password for {admin[0]} is refused: {problem.text('en')}")
        with self._sf.begin() as session:
            if not self._is_empty(session):
                if actor is None:
                    raise PermissionDenied("The database is not empty; import needs an empty database.")
                raise ImportRefused(
                    "the database is not empty; import a file only into a new, empty database")
            if actor is not None:
                require(actor, Permission.DATA_IMPORT)
            session.execute(delete(AuditHead))  # the new database's genesis head; the file brings its own
            counts: dict[str, int] = {}
            positions: Positions = {}
            for table in _tables():
                rows = tables.get(table.name, [])
                if not isinstance(rows, list):
                    raise ImportRefused(f"table {table.name} is not a list of rows")
                decoded = [self._row(table, row, index) for index, row in enumerate(rows, start=1)]
                positions[table.name] = _positions(table, decoded)
                _check_references(table, decoded, positions)
                if table.name == User.__tablename__ and not hashes:
                    for user in decoded:
                        user.update(password_hash=UNUSABLE_PASSWORD_HASH, must_change_password=True)
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
            validate_imported(session, positions, current_taxonomy(), self._clock())
            self._check_audit_head(session)
            self._reset_sequences(session)
            if admin is not None:
                self._set_admin_password(session, *admin)
            new_admin = admin[0] if admin else None
            must_reset = () if hashes else tuple(session.scalars(
                select(User.username).where(User.active.is_(True), User.username != new_admin)
                .order_by(User.username)))
            audit.record(session, actor, AuditAction.IMPORT, "database", "",
                         username=actor.username if actor else "import",
                         rows=sum(counts.values()), password_hashes=hashes,
                         new_admin=new_admin, must_reset=len(must_reset))
            chain = self._verify_chain(session) if verify_chain else None
            return ImportResult(counts, hashes, must_reset, new_admin, chain)

    @staticmethod
    def _verify_chain(session: Session) -> ChainReport:
        session.flush()
        report = audit_verify.verify(session)
        if not report.ok:
            raise ImportRefused(f"the audit log in the file is not whole: broken at row "
                                f"{report.first_broken_id} ({report.reason.replace('_', ' ')})")
        return report

    def _set_admin_password(self, session: Session, username: str, password: str) -> None:
        user = session.scalar(select(User).where(User.username == username))
        if user is None or not user.active or user.role != Role.ADMIN.value:
            raise ImportRefused(f"{username!r} is not an active administrator in the export")
        session.execute(update(User).where(User.id == user.id).values(
            password_hash=hash_password(password), must_change_password=False,
            password_changed_at=self._clock()))

    @staticmethod
    def _check_audit_head(session: Session) -> None:
        """The head must name the last imported row, or the import's own audit row would not
        continue the chain that was exported."""
        last = session.execute(select(AuditRow.id, AuditRow.row_hash)
                               .order_by(AuditRow.id.desc()).limit(1)).first()
        head = session.execute(select(AuditHead.id, AuditHead.last_id, AuditHead.last_hash)).all()
        if last is None and all(h.last_id == 0 for h in head):
            return  # no audit rows yet: audit.record starts the chain
        if last is None or len(head) != 1 or head[0].id != 1 or (
                head[0].last_id, head[0].last_hash) != (last.id, last.row_hash):
            raise ImportRefused("the audit log's head does not match its last row "
                                "(was the file cut short or edited?)")

    @staticmethod
    def check_header(document: Any) -> dict[str, Any]:
        """The document's tables, once its header says it is an export this version can load."""
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise ImportRefused("not a SafetyLog export (the 'format' field is missing or wrong)")
        if document.get("format_version") != FORMAT_VERSION:
            raise ImportRefused(f"export format version {document.get('format_version')!r} is not "
                                f"supported (expected {FORMAT_VERSION})")
        head = migrate.head_revision()
        if document.get("schema_revision") != head:
            raise ImportRefused(f"the export has schema {document.get('schema_revision')!r}; this "
                                f"SafetyLog needs {head!r} (export again from an up-to-date SafetyLog)")
        if not isinstance(document.get("password_hashes"), bool):
            raise ImportRefused("the export does not say whether it holds password hashes")
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
        return {name: decode(table, name, value, where) for name, value in row.items()}

    @staticmethod
    def _is_empty(session: Session) -> bool:
        """No row anywhere, except the audit chain's head at its start (every new database has it)."""
        for table in Base.metadata.sorted_tables:
            query = select(func.count()).select_from(table)
            if table.name == AuditHead.__tablename__:
                query = query.where(AuditHead.last_id != 0)
            if session.scalar(query) != 0:
                return False
        return True

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
