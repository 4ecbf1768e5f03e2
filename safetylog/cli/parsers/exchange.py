"""``safetylog export`` and ``safetylog import``: their arguments (``safetylog.cli.exchange`` runs them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from safetylog.cli.parsers import Handler, add_login_arguments


def export_arguments(parser: argparse.ArgumentParser) -> None:
    add_login_arguments(parser)
    parser.add_argument("file", type=Path)
    parser.add_argument("--plaintext", action="store_true",
                        help="do not encrypt: anyone with the file can read every record")
    parser.add_argument("--full-move", action="store_true",
                        help="keep password hashes so users log in on the target as before "
                             "(administrators; encrypted only)")
    parser.set_defaults(handler=Handler("exchange", "run_export"))


def import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--user", "-u", help="an administrator of the target database, if it has users")
    parser.add_argument("--admin", metavar="NAME",
                        help="an administrator in the export who gets a new password now (needed when "
                             "the export was made without --full-move)")
    parser.add_argument("--max-size", metavar="MIB", type=int, default=256,
                        help="refuse an export whose content is larger than this many MiB "
                             "(default %(default)s; it is held in memory while it is loaded)")
    parser.set_defaults(handler=Handler("exchange", "run_import"))
