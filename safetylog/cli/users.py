"""``safetylog user``: add, list, set role, deactivate."""

from __future__ import annotations

import argparse
from typing import Any

from safetylog.cli.common import add_login_arguments, login, read_new_password, services_for
from safetylog.domain.enums import Role


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("user", help="manage staff users (administrators)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a user")
    add_login_arguments(add)
    add.add_argument("username")
    add.add_argument("--name", required=True, help="full name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--facility", action="append", default=[], metavar="CODE",
                     help="facility code the user works at (repeat for several)")
    add.add_argument("--all-facilities", action="store_true")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list users")
    add_login_arguments(listing)
    listing.set_defaults(handler=run_list)

    role = actions.add_parser("set-role", help="change a user's role")
    add_login_arguments(role)
    role.add_argument("username")
    role.add_argument("role", choices=[r.value for r in Role])
    role.set_defaults(handler=run_set_role)

    off = actions.add_parser("deactivate", help="stop a user from logging in")
    add_login_arguments(off)
    off.add_argument("username")
    off.set_defaults(handler=run_deactivate)


def run_add(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        codes = {f.code: f.id for f in services.admin.list_facilities(actor)}
        unknown = [c for c in args.facility if c not in codes]
        if unknown:
            print(f"safetylog: unknown facility code {', '.join(unknown)}")
            return 1
        user = services.admin.create_user(
            actor, args.username, args.name, read_new_password(f"Password for {args.username}: "),
            args.role, tuple(codes[c] for c in args.facility), args.all_facilities)
        print(f"Added {user.username} ({user.role.value}).")
        return 0
    finally:
        services.close()


def run_list(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        for user in services.admin.list_users(actor):
            state = "active" if user.active else "deactivated"
            scope = "all" if user.all_facilities else ",".join(map(str, user.facility_ids)) or "-"
            print(f"{user.username:<20} {user.role.value:<16} {state:<12} facilities: {scope}  "
                  f"{user.display_name}")
        return 0
    finally:
        services.close()


def run_set_role(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        user = services.admin.set_role(login(services, args), args.username, args.role)
        print(f"{user.username} is now {user.role.value}.")
        return 0
    finally:
        services.close()


def run_deactivate(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        user = services.admin.deactivate(login(services, args), args.username)
        print(f"{user.username} is deactivated.")
        return 0
    finally:
        services.close()
