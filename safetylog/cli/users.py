"""``safetylog user``: add, list, set role, deactivate, reset and unlock (administrators), and
``passwd``, every user's own password change."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeVar

from safetylog.cli.common import (
    login,
    read_new_password,
    read_password,
    services_for,
)
from safetylog.domain.records import Actor
from safetylog.services.container import Services

_T = TypeVar("_T")

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


def _change_user(args: argparse.Namespace, change: Callable[[Services, Actor, int], _T]) -> _T:
    """Log in, read the named user's version, and make one change at that version, so that an
    administrator's change made meanwhile elsewhere is a conflict, not an overwrite."""
    services = services_for(args)
    try:
        actor = login(services, args)
        version = services.admin.user(actor, args.username).version
        return change(services, actor, version)
    finally:
        services.close()


def run_set_role(args: argparse.Namespace) -> int:
    user = _change_user(args, lambda s, a, v: s.admin.set_role(a, args.username, args.role,
                                                               expected_version=v))
    print(f"{user.username} is now {user.role.value}.")
    return 0


def run_deactivate(args: argparse.Namespace) -> int:
    user = _change_user(args, lambda s, a, v: s.admin.deactivate(a, args.username, expected_version=v))
    print(f"{user.username} is deactivated.")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        old = read_password(args.user)
        actor = services.auth.login(args.user, old, workstation="cli")
        services.auth.change_password(actor, old, read_new_password())
        print(f"The password of {args.user} is changed.")
        return 0
    finally:
        services.close()


def run_reset(args: argparse.Namespace) -> int:
    password = _change_user(args, lambda s, a, v: s.admin.reset_password(a, args.username,
                                                                         expected_version=v))
    print(f"One-time password for {args.username}: {password}")
    print("Give it only to them; they must choose a new password at their next login.")
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    user = _change_user(args, lambda s, a, v: s.admin.unlock_user(a, args.username, expected_version=v))
    print(f"{user.username} may log in again.")
    return 0
