"""``safetylog resident``: its arguments (``safetylog.cli.residents`` runs it)."""

from __future__ import annotations

import argparse
from datetime import date

from safetylog.cli.parsers import Handler, add_login_arguments


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def resident_arguments(parser: argparse.ArgumentParser) -> None:
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
    add.set_defaults(handler=Handler("residents", "run_add"))

    listing = actions.add_parser("list", help="list residents (display names for facility staff)")
    add_login_arguments(listing)
    listing.add_argument("--facility", metavar="CODE", help="only this facility")
    listing.add_argument("--all", action="store_true", help="also residents who moved out")
    listing.set_defaults(handler=Handler("residents", "run_list"))
