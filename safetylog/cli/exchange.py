"""``safetylog export FILE`` and ``safetylog import FILE``: the whole database as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safetylog.cli.common import (
    add_login_arguments,
    close_filling,
    finish_filling,
    login,
    services_for,
    services_for_filling,
)


def register(subparsers: Any) -> None:
    export = subparsers.add_parser("export", help="write the whole database to a JSON file (administrators)")
    add_login_arguments(export)
    export.add_argument("file", type=Path)
    export.set_defaults(handler=run_export)

    load = subparsers.add_parser(
        "import", help="load a JSON export into an empty database (e.g. to move to PostgreSQL)")
    load.add_argument("file", type=Path)
    load.add_argument("--user", "-u", help="an administrator of the target database, if it has users")
    load.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        counts = services.exchange.export_to(login(services, args), args.file)
    finally:
        services.close()
    print(f"Exported {counts.get('incidents', 0)} incidents ({sum(counts.values())} rows) to {args.file}.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    services = services_for(args) if args.user else services_for_filling(args)
    try:
        actor = login(services, args) if args.user else None
        counts = services.exchange.import_from(args.file, actor)
        finish_filling(services)
    finally:
        close_filling(services)
    print(f"Imported {counts.get('incidents', 0)} incidents ({sum(counts.values())} rows) "
          f"into {services.location.display()}.")
    return 0
