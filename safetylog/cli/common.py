"""What the sub-commands share: opening the database and logging in a personal user.

The embedded database is encrypted: it opens through the login (``--user`` and the password from
SAFETYLOG_PASSWORD or a prompt), so ``services_for`` logs in at once and ``login`` hands back
that login. An unencrypted file from an earlier version is encrypted first, with one line saying so.
"""

from __future__ import annotations

import argparse
import getpass
import os

from safetylog.domain.enums import Role
from safetylog.domain.errors import AuthenticationError, DatabaseDamaged, DatabaseLocked
from safetylog.domain.records import Actor
from safetylog.services.container import (
    Services,
    StartState,
    discard_unattended,
    encrypt_existing,
    open_services,
    open_unattended,
    probe,
    seal_unattended,
    unlock_and_open,
)

RECOVERY_KEY_ADVICE = (
    "Print this recovery key and keep it in the facility's safe. It opens the database when no\n"
    "administrator can log in. Without it, and without any administrator's password, the data\n"
    "cannot be recovered by anyone. It is shown only this once."
)


def database_url(args: argparse.Namespace) -> str | None:
    return getattr(args, "database", None)


def prepare(args: argparse.Namespace) -> StartState:
    """The start state, after encrypting an unencrypted file from an earlier version."""
    state = probe(database_url(args))
    if state.kind == "plaintext":
        backup = encrypt_existing(database_url(args))
        print(f"Encrypted the database from an earlier version; its encrypted backup is {backup}.")
        state = probe(database_url(args))
    if state.kind == "damaged":
        raise DatabaseDamaged(state.message)
    return state


def services_for(args: argparse.Namespace) -> Services:
    """The open database; an embedded one is opened by the login of ``--user``."""
    state = prepare(args)
    if state.kind == "shared":
        return open_services(database_url(args))
    if state.kind == "new":
        raise DatabaseLocked(f"There is no database at {state.location.display()} yet: "
                             "set it up with 'safetylog init'.")
    username = getattr(args, "user", None)
    if not username:
        raise DatabaseLocked("The database is encrypted: give your user name (--user) to open it.")
    services, actor = unlock_and_open(database_url(args), username, read_password(username), "cli")
    args.cli_actor = actor
    show_pending_recovery_key(services, actor)
    return services


def services_for_filling(args: argparse.Namespace) -> Services:
    """A database for ``demo`` or an import without a login: new (encrypted) or shared.

    Call ``finish_filling`` afterwards: a new embedded database gets its key file then, with a
    slot for every user the filling brought.
    """
    state = prepare(args)
    if state.kind == "new":
        return open_unattended(database_url(args))
    return services_for(args)


def finish_filling(services: Services) -> None:
    recovery = seal_unattended(services)
    if recovery:
        print_recovery_key(recovery)


def close_filling(services: Services) -> None:
    """Close; a new database whose filling failed (no key file yet) is removed again."""
    discard_unattended(services)


def print_recovery_key(text: str) -> None:
    print(f"\nRecovery key:\n\n    {text}\n\n{RECOVERY_KEY_ADVICE}\n")


def show_pending_recovery_key(services: Services, actor: Actor) -> None:
    """After encrypting an old database, the first administrator's login shows its recovery key."""
    if services.key_ring is not None and actor.role is Role.ADMIN:
        text = services.key_ring.take_pending_recovery_key()
        if text:
            print_recovery_key(text)


def read_password(user: str) -> str:
    password = os.environ.get("SAFETYLOG_PASSWORD")
    if password is None:
        try:
            password = getpass.getpass(f"Password for {user}: ")
        except EOFError:
            raise AuthenticationError("No password given (set SAFETYLOG_PASSWORD).") from None
    return password


def login(services: Services, args: argparse.Namespace) -> Actor:
    """Commands that touch personal data run as a personal, audited login, like the app.

    The command line has no five-minute window to wait for: the password was just typed, so the
    session counts as freshly authenticated for exports and identity look-ups."""
    actor = getattr(args, "cli_actor", None)
    if isinstance(actor, Actor):
        return actor  # the embedded database was opened by this login
    return services.auth.login(args.user, read_password(args.user), workstation="cli")


def read_new_password(prompt: str = "New password: ") -> str:
    password = os.environ.get("SAFETYLOG_NEW_PASSWORD")
    if password is not None:
        return password
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat: ") != first:
        raise AuthenticationError("The passwords differ.")
    return first
