"""The ``safetylog`` command line. With no arguments it starts the desktop app.

Each sub-command lives in its own module with ``register(subparsers)``; the module's handler gets
the parsed arguments and returns the exit code. Errors a user can cause or fix print one clear line and
exit non-zero (``--debug`` shows the traceback instead).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import import_module

from safetylog import __version__
from safetylog.domain.errors import SafetyLogError, ValidationError

# Modules under safetylog.cli that add sub-commands, in the order --help lists them.
COMMAND_MODULES = ("setup", "users", "residents", "database", "backup", "exchange", "demo", "classify",
                   "report", "audit")

EXIT_USAGE = 2
EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
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
    for name in COMMAND_MODULES:
        import_module(f"safetylog.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Every file and folder SafetyLog makes (database, key file, backups, exports, drafts) is the
    # OS user's alone; the app starts through here too.
    os.umask(0o077)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.app import main as run_app  # the CLI is the one core module that may reach ui/

        return run_app(database_url=args.database)
    try:
        return int(args.handler(args))
    except ValidationError as exc:
        fields = "; ".join(f"{name}: {message}" for name, message in exc.errors.items())
        print(f"safetylog: {fields}", file=sys.stderr)
    except SafetyLogError as exc:
        print(f"safetylog: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("safetylog: interrupted", file=sys.stderr)
    except Exception as exc:
        from safetylog.cli.errors import describe

        line = None if args.debug else describe(exc)
        if line is None:
            raise
        print(f"safetylog: {line}", file=sys.stderr)
    return EXIT_ERROR
