"""``safetylog backup`` and ``safetylog restore``: their arguments (``safetylog.cli.backup`` runs them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from safetylog.cli.parsers import Handler


def backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, nargs="?",
                        help="where (default: backups/ beside the database, time-stamped); the "
                             "key file is copied beside it as FILE.keys. On PostgreSQL: required, "
                             "one file encrypted with a passphrase")
    parser.add_argument("--user", "-u", help="an administrator's user name")
    parser.add_argument("--status", action="store_true",
                        help="show the last good backup and whether it needs attention")
    parser.set_defaults(handler=Handler("backup", "run_backup"))


def restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the backup (its .keys file lies beside it; on "
                                                "PostgreSQL: its passphrase is asked for)")
    parser.add_argument("--user", "-u", required=True,
                        help="an administrator in the backup (password from SAFETYLOG_PASSWORD "
                             "or a prompt)")
    parser.set_defaults(handler=Handler("backup", "run_restore"))
