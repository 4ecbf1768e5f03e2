"""``safetylog user``: its arguments (``safetylog.cli.users`` runs it)."""

from __future__ import annotations

import argparse

from safetylog.cli.parsers import Handler, add_login_arguments
from safetylog.domain.enums import Role


def user_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a user")
    add_login_arguments(add)
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--facility", action="append", default=[], metavar="CODE",
                     help="facility code the user works at (repeat for several)")
    add.add_argument("--all-facilities", action="store_true")
    add.set_defaults(handler=Handler("users", "run_add"))

    listing = actions.add_parser("list", help="list users")
    add_login_arguments(listing)
    listing.set_defaults(handler=Handler("users", "run_list"))

    role = actions.add_parser("set-role", help="change a user's role")
    add_login_arguments(role)
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(handler=Handler("users", "run_set_role"))

    off = actions.add_parser("deactivate", help="stop a user from logging in")
    add_login_arguments(off)
    off.add_argument("username")
    off.set_defaults(handler=Handler("users", "run_deactivate"))

    passwd = actions.add_parser("passwd", help="change your own password (the current one is asked)")
    add_login_arguments(passwd)
    passwd.set_defaults(handler=Handler("users", "run_passwd"))

    reset = actions.add_parser("reset", help="give a user a one-time password (printed once)")
    add_login_arguments(reset)
    reset.add_argument("username")
    reset.set_defaults(handler=Handler("users", "run_reset"))

    unlock = actions.add_parser("unlock", help="lift a lock-out after too many wrong passwords")
    add_login_arguments(unlock)
    unlock.add_argument("username")
    unlock.set_defaults(handler=Handler("users", "run_unlock"))
