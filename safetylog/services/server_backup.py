"""``safetylog backup`` and ``restore`` on PostgreSQL: the encrypted full move, checked both ways.

A backup of a PostgreSQL database is the whole database as ``safetylog export --full-move``
writes it: one REPEATABLE READ snapshot (others keep saving), every table with the password
hashes and the audit chain, encrypted with a passphrase. It is written under a dot-name and read
back before it gets its name: decrypted, its header checked, every row loaded into an empty
in-memory database exactly as a restore would load it, the row counts compared with the snapshot
and the audit chain checked end to end. A file that fails is removed; one that passes is audited.

A restore loads such a file into an empty database only (it would otherwise mix two databases or
overwrite one): the administrator's password is checked against the hash in the file first, the
rows are loaded and the chain checked in one transaction (a broken chain loads nothing), then the
administrator logs in the ordinary way, the chain is checked again and the restore is audited.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import AuthenticationError, DatabaseDamaged, PermissionDenied
from safetylog.domain.records import Actor, ChainReport
from safetylog.services import audit
from safetylog.services.auth import verify_password
from safetylog.services.backups import BackupFailed
from safetylog.services.container import Services
from safetylog.services.exchange import ExchangeService, ExportResult, ImportRefused
from safetylog.services.restore import Restored, RestoreRefused
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine, make_session_factory
from safetylog.storage.files import private_dir

ENTITY = "database_backup"  # the audit's name for a backup, as on the embedded database


@dataclass(frozen=True, slots=True)
class ServerBackupResult:
    export: ExportResult
    seconds: float

    @property
    def audit_rows_checked(self) -> int:
        assert self.export.checked is not None
        return self.export.checked.rows_checked


def make_backup(services: Services, actor: Actor, target: Path, passphrase: str) -> ServerBackupResult:
    """The checked, encrypted full move of the database at ``target``; audited."""
    if actor.role is not Role.ADMIN:
        raise PermissionDenied("Only an administrator can make a backup.")
    if target.exists():
        raise BackupFailed(f"{target} already exists; choose another name.")
    if not target.parent.exists():
        private_dir(target.parent)
    started = time.perf_counter()

    def read_back(path: Path, counts: dict[str, int]) -> ChainReport:
        return check_file(path, passphrase, counts)

    result = services.exchange.export_to(actor, target, passphrase=passphrase, full_move=True,
                                         check=read_back, entity=ENTITY)
    return ServerBackupResult(result, time.perf_counter() - started)


def check_file(path: Path, passphrase: str, counts: dict[str, int]) -> ChainReport:
    """Read a backup back as a restore would: into an empty in-memory database (nothing decrypted
    touches the disk), every row validated, the audit chain checked; BackupFailed if it is not
    the snapshot it was written from."""
    engine = make_engine("sqlite://", plaintext=True)
    try:
        migrate.upgrade(engine)
        exchange = ExchangeService(make_session_factory(engine))
        try:
            loaded = exchange.import_document(exchange.read_document(path, passphrase),
                                              verify_chain=True)
        except ImportRefused as exc:
            raise BackupFailed(f"the backup did not read back: {exc}") from None
    finally:
        engine.dispose()
    if loaded.counts != counts:
        different = sorted(n for n in counts if loaded.counts.get(n) != counts[n])
        raise BackupFailed(f"the backup read back with other row counts ({', '.join(different)})")
    assert loaded.chain is not None
    return loaded.chain


# --- restoring ------------------------------------------------------------------------------------


def check_empty(services: Services) -> None:
    if not services.exchange.is_empty():
        raise RestoreRefused(f"The database {services.location.display()} is not empty; restore "
                             "only into a new, empty database. Nothing was changed.")


def check_backup_file(backup: Path) -> None:
    if not backup.is_file():
        raise RestoreRefused(f"There is no backup at {backup}.")


def restore(services: Services, backup: Path, username: str, password: str,
            passphrase: str) -> Restored:
    """Load ``backup`` into the empty database of ``services``, checked before and after."""
    check_backup_file(backup)
    check_empty(services)
    document = services.exchange.read_document(backup, passphrase)
    _check_administrator(document, backup, username, password)
    loaded = services.exchange.import_document(document, verify_chain=True)
    del document
    assert loaded.chain is not None
    actor = services.auth.login(username, password, workstation="restore")
    after = services.audit_log.verify(actor)
    if not after.ok:
        raise DatabaseDamaged(f"The restored database's audit chain is broken at row "
                              f"{after.first_broken_id} ({after.reason}).")
    with services.session_factory.begin() as session:
        audit.record(session, actor, AuditAction.IMPORT, "database", "", restored_from=backup.name,
                     audit_rows_checked=loaded.chain.rows_checked)
    return Restored(services, actor, loaded.chain, after)


def _check_administrator(document: Any, backup: Path, username: str, password: str) -> None:
    """Only an administrator of the backed-up database, with the password of that time, restores
    it: checked against the hash in the file before anything is written."""
    tables = ExchangeService.check_header(document)
    if document["password_hashes"] is not True:
        raise RestoreRefused(f"{backup.name} holds no password hashes, so it is an export, not a "
                             "backup: load it with 'safetylog import --admin NAME'.")
    users = tables.get("users")
    row = next((u for u in users if isinstance(u, dict) and u.get("username") == username.strip()),
               None) if isinstance(users, list) else None
    stored = row.get("password_hash") if row is not None else None
    if row is None or not isinstance(stored, str) or not verify_password(stored, password):
        raise AuthenticationError(f"Wrong user name or password for the backup {backup.name} "
                                  "(the password the user had when the backup was made).")
    if row.get("active") is not True or row.get("role") != Role.ADMIN.value:
        raise PermissionDenied(f"{username} is not an active administrator in the backup.")
