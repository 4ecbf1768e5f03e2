"""``safetylog db``: its arguments (``safetylog.cli.database`` runs it)."""

from __future__ import annotations

import argparse

from safetylog.cli.parsers import Handler


def db_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="encrypt an old database and migrate it to the newest "
                                                 "schema (an encrypted backup first)")
    upgrade.add_argument("--user", "-u", help="your user name (needed for an encrypted database)")
    upgrade.set_defaults(handler=Handler("database", "run_upgrade"))
    where = actions.add_parser("where", help="show which database is used")
    where.set_defaults(handler=Handler("database", "run_where"))
    change = actions.add_parser("rekey", help="encrypt the database under a new key (after a leaver) "
                                              "and print a new recovery key")
    change.add_argument("--user", "-u", required=True, help="an administrator's user name")
    change.set_defaults(handler=Handler("database", "run_rekey"))
    recover = actions.add_parser("recover", help="with the recovery key, give an administrator a new "
                                                 "password (recovery key from SAFETYLOG_RECOVERY_KEY "
                                                 "or a prompt)")
    recover.add_argument("--user", "-u", help="the administrator's user name (else asked)")
    recover.set_defaults(handler=Handler("database", "run_recover"))
