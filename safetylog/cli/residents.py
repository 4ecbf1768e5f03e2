"""``safetylog resident``: add residents and list them (a manager, or the administrator on a
fresh database), as the residents page does."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from safetylog.cli.common import add_login_arguments, login, services_for


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("resident", help="add and list residents (managers, administrators)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a resident by pseudonym")
    add_login_arguments(add)
    add.add_argument("pseudonym", help="the code records use, e.g. H-101")
    add.add_argument("--facility", required=True, metavar="CODE", help="the facility's code")
    add.add_argument("--display-name", default="", metavar="NAME",
                     help="first name or call name staff of the facility see (not in reports)")
    add.add_argument("--full-name", default="", metavar="NAME",
                     help="full name for the identity key (read only with the identity permission)")
    add.add_argument("--birth-date", type=_day, metavar="YYYY-MM-DD")
    add.add_argument("--moved-in", type=_day, metavar="YYYY-MM-DD")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list residents (display names for facility staff)")
    add_login_arguments(listing)
    listing.add_argument("--facility", metavar="CODE", help="only this facility")
    listing.add_argument("--all", action="store_true", help="also residents who moved out")
    listing.set_defaults(handler=run_list)


def run_add(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        codes = {f.code: f.id for f in services.admin.list_facilities(actor)}
        if args.facility not in codes:
            print(f"safetylog: unknown facility code {args.facility}", file=sys.stderr)
            return 1
        resident = services.residents.add(
            actor, codes[args.facility], args.pseudonym, full_name=args.full_name,
            birth_date=args.birth_date, moved_in=args.moved_in, display_name=args.display_name)
        named = " with a display name" if args.display_name.strip() else ""
        print(f"Added {resident.pseudonym} at {args.facility}{named}.")
        return 0
    finally:
        services.close()


def run_list(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        facilities = {f.id: f.code for f in services.admin.list_facilities(actor)}
        chosen = None
        if args.facility is not None:
            chosen = next((i for i, code in facilities.items() if code == args.facility), None)
            if chosen is None:
                print(f"safetylog: unknown facility code {args.facility}", file=sys.stderr)
                return 1
        for r in services.residents.list(actor, chosen, include_inactive=args.all,
                                         with_display_names=True):
            state = "" if r.active else f"  moved out {r.moved_out}"
            print(f"{r.pseudonym:<12} {facilities.get(r.facility_id, '?'):<10} {r.display_name}{state}")
        return 0
    finally:
        services.close()
