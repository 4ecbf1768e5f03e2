"""``safetylog db``: upgrade, where, rekey and recover the database."""

from __future__ import annotations

import argparse
import getpass
import os

from safetylog.cli.common import (
    database_url,
    login,
    prepare,
    print_recovery_key,
    read_new_password,
    services_for,
)
from safetylog.config import DatabaseLocation, database_location
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import AuthenticationError, PermissionDenied
from safetylog.services import audit
from safetylog.services.container import (
    open_services,
    open_with_recovery_key,
    rekey,
    reset_password_with_recovery_key,
)
from safetylog.storage import migrate


def _location(args: argparse.Namespace) -> DatabaseLocation:
    return DatabaseLocation(args.database, "argument") if args.database else database_location()


def run_upgrade(args: argparse.Namespace) -> int:
    location = _location(args)
    state = prepare(args)  # an unencrypted file from an earlier version is encrypted here
    if state.kind == "new":
        print(f"There is no database at {location.display()} yet; 'safetylog init' creates it.")
        return 0
    if state.kind == "locked" and not args.user:
        raise AuthenticationError("The database is encrypted: give your user name (--user) to "
                                  "open and upgrade it.")
    # Opening migrates (after an encrypted backup); an embedded file opens through the login.
    services = services_for(args) if state.kind == "locked" else open_services(database_url(args))
    try:
        after = migrate.current_revision(services.engine)
    finally:
        services.close()
    if services.backup is None:
        print(f"{location.display()} is up to date (schema {after}).")
    else:
        print(f"Upgraded {location.display()} to {after}.")
        print(f"Encrypted backup of the previous file: {services.backup}")
    return 0


def run_where(args: argparse.Namespace) -> int:
    location = _location(args)
    print(f"{location.display()} (from {location.source})")
    return 0


def run_rekey(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        if actor.role is not Role.ADMIN:
            raise PermissionDenied("Only an administrator can change the database key.")
        recovery = rekey(services)
        with services.session_factory.begin() as session:
            audit.record(session, actor, AuditAction.UPDATE, "database_key", "", rekeyed=True)
    finally:
        services.close()
    print("The database is encrypted under a new key. The old key, old copies of the key file and "
          "the old recovery key no longer open it. Every user keeps their password.")
    print_recovery_key(recovery)
    return 0


def run_recover(args: argparse.Namespace) -> int:
    text = os.environ.get("SAFETYLOG_RECOVERY_KEY")
    if text is None:
        try:
            text = getpass.getpass("Recovery key: ")
        except EOFError:
            raise AuthenticationError("No recovery key given (set SAFETYLOG_RECOVERY_KEY).") from None
    services = open_with_recovery_key(database_url(args), text)
    try:
        username = args.user or input("Administrator's user name: ").strip()
        reset_password_with_recovery_key(services, username,
                                         read_new_password(f"New password for {username}: "))
    finally:
        services.close()
    print(f"{username} has a new password and can log in; any lock-out is lifted.")
    return 0
