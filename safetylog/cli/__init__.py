"""The ``safetylog`` command line. With no arguments it starts the desktop app.

A sub-command's arguments are declared in ``safetylog.cli.parsers`` and what it does lives in its
module here, imported only when it runs: ``--version``, ``--help`` and the desktop start load none
of the database code. A handler gets the parsed arguments and returns the exit code. Errors a
user can cause or fix print one clear line and exit non-zero (``--debug`` shows the traceback
instead).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from safetylog import __version__
from safetylog.cli.parsers import add_command_parsers

EXIT_USAGE = 2
EXIT_ERROR = 1


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the commands named in ``argv`` get their arguments (see ``parsers``)."""
    parser = argparse.ArgumentParser(
        prog="safetylog",
        description="SafetyLog: incident and safety log for social-psychiatric housing facilities. "
        "Without a command, the desktop app starts.",
    )
    parser.add_argument("--version", action="version", version=f"SafetyLog {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback of an error instead of one line")
    parser.add_argument("--database", metavar="URL",
                        help="database URL (default: SAFETYLOG_DATABASE_URL, the settings file, "
                             "or the embedded SQLite file in the user's data folder)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_command_parsers(subparsers, argv)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Every file and folder SafetyLog makes (database, key file, backups, exports, drafts) is the
    # OS user's alone; the app starts through here too.
    os.umask(0o077)
    if argv is None:
        argv = sys.argv[1:]
    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        from ui.app import main as run_app  # the CLI is the one core module that may reach ui/

        return run_app(database_url=args.database)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("safetylog: interrupted", file=sys.stderr)
    except Exception as exc:
        from safetylog.cli.errors import one_line  # the wording is needed only when it fails

        line = one_line(exc, debug=args.debug)
        if line is None:
            raise
        print(f"safetylog: {line}", file=sys.stderr)
    return EXIT_ERROR
