"""The ``safetylog`` command line. With no arguments it starts the desktop app.

A sub-command's arguments are declared in ``safetylog.cli.parsers`` and what it does lives in its
module here, imported only when it runs: ``--version``, ``--help`` and the desktop start load none
of the database code. A handler gets the parsed arguments and returns the exit code. Errors a
user can cause or fix print one clear line and exit non-zero (``--debug`` shows the traceback
instead).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

EXIT_USAGE = 2
EXIT_ERROR = 1


def main(argv: Sequence[str] | None = None) -> int:
    # Every file and folder SafetyLog makes (database, key file, backups, exports, drafts) is the
    # OS user's alone; the app starts through here too.
    os.umask(0o077)
    if argv is None:
        argv = sys.argv[1:]
    if not argv:  # the desktop shortcut: nothing to parse stands between it and the login window
        return _run_app(None)
    from safetylog.cli.parsers import build_parser

    args = build_parser(argv).parse_args(argv)
    if args.command is None:
        return _run_app(args.database)
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


def _run_app(database_url: str | None) -> int:
    from ui.app import main as run_app  # the CLI is the one core module that may reach ui/

    return run_app(database_url=database_url)
