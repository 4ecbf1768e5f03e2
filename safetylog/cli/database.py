"""``safetylog db upgrade``: bring the schema to the newest version (a backup first)."""

from __future__ import annotations

import argparse
from typing import Any

from safetylog.config import DatabaseLocation, database_location
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="database maintenance")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="migrate the database to the newest schema")
    upgrade.set_defaults(handler=run_upgrade)
    where = actions.add_parser("where", help="show which database is used")
    where.set_defaults(handler=run_where)


def _location(args: argparse.Namespace) -> DatabaseLocation:
    return DatabaseLocation(args.database, "argument") if args.database else database_location()


def run_upgrade(args: argparse.Namespace) -> int:
    location = _location(args)
    engine = make_engine(location.url)
    try:
        before = migrate.current_revision(engine)
        backup = migrate.upgrade(engine)
        after = migrate.current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        print(f"{location.display()} is up to date (schema {after}).")
    else:
        print(f"Upgraded {location.display()} from {before or 'empty'} to {after}.")
        if backup:
            print(f"Backup of the previous file: {backup}")
    return 0


def run_where(args: argparse.Namespace) -> int:
    location = _location(args)
    print(f"{location.display()} (from {location.source})")
    return 0
