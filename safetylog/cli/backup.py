"""``safetylog backup`` and ``safetylog restore``: checked, encrypted copies of the database.

The embedded database is copied as it is (SQLCipher file + key file); a PostgreSQL database is
written as the encrypted full-move export, under a passphrase (``services.server_backup``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from safetylog.cli.common import database_url, login, read_password, services_for
from safetylog.cli.exchange import ask_passphrase, new_passphrase
from safetylog.config import DatabaseLocation, database_location
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import DatabaseLocked, PermissionDenied
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services import audit, backups, server_backup
from safetylog.services.container import open_services
from safetylog.services.restore import restore_embedded
from safetylog.storage.engine import sqlite_path


def _location(args: argparse.Namespace) -> DatabaseLocation:
    url = database_url(args)
    return DatabaseLocation(url, "argument") if url else database_location()


def _embedded(args: argparse.Namespace) -> Path:
    path = sqlite_path(_location(args).url)
    if path is None:
        raise DatabaseLocked("This database is in memory: there is nothing to back up or restore.")
    return path


def _on_server(args: argparse.Namespace) -> bool:
    return not _location(args).is_sqlite


def status_lines(status: backups.BackupStatus) -> list[str]:
    lines = []
    if status.last_good_at is not None:
        moment = to_local(status.last_good_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"Last good backup: {moment}, {status.last_good_path}")
    warning = status.warning(utcnow())
    lines.append(f"WARNING: {warning}" if warning else "Backups are up to date.")
    return lines


def run_backup(args: argparse.Namespace) -> int:
    if _on_server(args):
        return _backup_server(args)
    database = _embedded(args)
    if args.status:
        status = backups.status_for(database)
        print("\n".join(status_lines(status)))
        return 1 if status.warning(utcnow()) else 0
    if not args.user:
        raise DatabaseLocked("Give an administrator's user name (--user) to make a backup.")
    services = services_for(args)
    try:
        actor = args.cli_actor
        if actor.role is not Role.ADMIN:
            raise PermissionDenied("Only an administrator can make a backup.")
        ring = services.key_ring
        assert ring is not None  # an embedded database opened by a login
        result = backups.make_backup(services.engine, database, ring.master_key,
                                     args.file.resolve() if args.file else None)
        with services.session_factory.begin() as session:
            audit.record(session, actor, AuditAction.EXPORT, "database_backup", "",
                         path=str(result.path), seconds=round(result.seconds, 3))
    finally:
        services.close()
    print(f"Backed up to {result.path} in {result.seconds:.1f} s (key file: {result.path}.keys); "
          f"checked: opens, intact, audit chain of {result.audit_rows_checked} rows whole.")
    return 0


def _backup_server(args: argparse.Namespace) -> int:
    if args.status:
        raise DatabaseLocked("--status is for the embedded database; on PostgreSQL each backup is "
                             "in the audit log, and the server's own backups (pg_dump) are the "
                             "database administrator's (see the README).")
    if args.file is None or not args.user:
        raise DatabaseLocked("On PostgreSQL name the file and an administrator: "
                             "safetylog backup FILE --user NAME.")
    services = services_for(args)
    try:
        actor = login(services, args)
        if actor.role is not Role.ADMIN:
            raise PermissionDenied("Only an administrator can make a backup.")
        passphrase = new_passphrase("the backup")
        result = server_backup.make_backup(services, actor, args.file.resolve(), passphrase)
    finally:
        services.close()
    counts = result.export.counts
    print(f"Backed up {counts.get('incidents', 0)} incidents ({sum(counts.values())} rows) to "
          f"{result.export.path} in {result.seconds:.1f} s, encrypted with the passphrase "
          f"(SHA-256 {result.export.sha256}); checked: decrypts, every row loads, audit chain of "
          f"{result.audit_rows_checked} rows whole. Keep the passphrase apart from the file: "
          "without it the backup cannot be restored.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    if _on_server(args):
        return _restore_server(args)
    target = _embedded(args)
    restored = restore_embedded(args.file.resolve(), target, args.user, read_password(args.user))
    restored.services.close()
    print(f"Restored {args.file} to {target}; checked before and after: opens, intact, audit chain "
          f"of {restored.after.rows_checked} rows whole.")
    return 0


def _restore_server(args: argparse.Namespace) -> int:
    server_backup.check_backup_file(args.file)
    services = open_services(database_url(args))
    try:
        server_backup.check_empty(services)  # before asking for anything
        password = read_password(args.user)
        passphrase = ask_passphrase(args.file)
        restored = server_backup.restore(services, args.file, args.user, password, passphrase)
    finally:
        services.close()
    print(f"Restored {args.file} into {services.location.display()}; checked before and after: "
          f"every row loaded, audit chain of {restored.after.rows_checked} rows whole.")
    return 0
