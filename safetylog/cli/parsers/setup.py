"""``safetylog init``: its arguments (``safetylog.cli.setup`` runs it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from safetylog.cli.parsers import Handler


def init_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--facility-code", required=True, help="short code, e.g. HAV")
    parser.add_argument("--facility-name", required=True)
    parser.add_argument("--municipality", default="")
    parser.add_argument("--police-district", default="")
    parser.add_argument("--admin", required=True, help="the administrator's user name")
    parser.add_argument("--admin-name", required=True, help="the administrator's full name")
    parser.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                        help="also write the recovery key to FILE (readable only by you) for printing")
    parser.set_defaults(handler=Handler("setup", "run"))
