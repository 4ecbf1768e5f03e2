"""``safetylog backup`` and ``safetylog restore``: checked, encrypted copies of the embedded database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safetylog.cli.common import database_url, read_password, services_for
from safetylog.config import DatabaseLocation, database_location
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import DatabaseLocked, PermissionDenied
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services import audit, backups
from safetylog.services.restore import restore_embedded
from safetylog.storage.engine import sqlite_path


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup", help="write a checked, encrypted copy of the database (administrators)")
    backup.add_argument("file", type=Path, nargs="?",
                        help="where (default: backups/ beside the database, time-stamped); the "
                             "key file is copied beside it as FILE.keys")
    backup.add_argument("--user", "-u", help="an administrator's user name")
    backup.add_argument("--status", action="store_true",
                        help="show the last good backup and whether it needs attention")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="restore a backup where there is no database (checked before and after)")
    restore.add_argument("file", type=Path, help="the backup (its .keys file lies beside it)")
    restore.add_argument("--user", "-u", required=True,
                         help="an administrator in the backup (password from SAFETYLOG_PASSWORD "
                              "or a prompt)")
    restore.set_defaults(handler=run_restore)


def _location(args: argparse.Namespace) -> DatabaseLocation:
    url = database_url(args)
    return DatabaseLocation(url, "argument") if url else database_location()


def _embedded(args: argparse.Namespace) -> Path:
    path = sqlite_path(_location(args).url)
    if path is None:
        raise DatabaseLocked("On PostgreSQL the database server is backed up: use pg_dump -Fc and "
                             "pg_restore (see the README), or 'safetylog export --full-move'.")
    return path


def status_lines(status: backups.BackupStatus) -> list[str]:
    lines = []
    if status.last_good_at is not None:
        moment = to_local(status.last_good_at).strftime("%Y-%m-%d %H:%M")
        lines.append(f"Last good backup: {moment}, {status.last_good_path}")
    warning = status.warning(utcnow())
    lines.append(f"WARNING: {warning}" if warning else "Backups are up to date.")
    return lines


def run_backup(args: argparse.Namespace) -> int:
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


def run_restore(args: argparse.Namespace) -> int:
    target = _embedded(args)
    restored = restore_embedded(args.file.resolve(), target, args.user, read_password(args.user))
    restored.services.close()
    print(f"Restored {args.file} to {target}; checked before and after: opens, intact, audit chain "
          f"of {restored.after.rows_checked} rows whole.")
    return 0
