"""What the sub-commands share: opening the database and logging in a personal user."""

from __future__ import annotations

import argparse
import getpass
import os

from safetylog.domain.errors import AuthenticationError
from safetylog.domain.records import Actor
from safetylog.services.container import Services, open_services


def services_for(args: argparse.Namespace) -> Services:
    return open_services(getattr(args, "database", None))


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", "-u", required=True,
                        help="your personal user name (password from SAFETYLOG_PASSWORD or a prompt)")


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
    return services.auth.login(args.user, read_password(args.user), workstation="cli")


def read_new_password(prompt: str = "New password: ") -> str:
    password = os.environ.get("SAFETYLOG_NEW_PASSWORD")
    if password is not None:
        return password
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat: ") != first:
        raise AuthenticationError("The passwords differ.")
    return first
