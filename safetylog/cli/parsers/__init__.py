"""The command line's parser: the sub-commands' arguments, apart from what they do.

``--help`` lists the commands from the table below; a command's own arguments are added only when
its name is on the command line (``<name>_arguments`` in the module the table names), and its
handler, ``safetylog.cli.<module>.<function>``, is imported only when it runs. So ``--version``,
``--help`` and the desktop start import none of SQLAlchemy, the services or reportlab, and do
not build parsers nobody asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from importlib import import_module

from safetylog import __version__

# Plain classes, not dataclasses or typing.NamedTuple: ``--version`` should not pay for
# importing those modules.


class Command:
    __slots__ = ("help", "module", "name")

    def __init__(self, name: str, module: str, help: str) -> None:
        self.name = name
        self.module = module  # safetylog.cli.parsers.<module> adds its arguments
        self.help = help


# In the order --help lists them.
COMMANDS = (
    Command("init", "setup", "set up the first facility and administrator"),
    Command("user", "users", "manage staff users (administrators)"),
    Command("resident", "residents", "add and list residents (managers, administrators)"),
    Command("db", "database", "database maintenance"),
    Command("backup", "backup", "write a checked, encrypted copy of the database (administrators)"),
    Command("restore", "backup", "restore a backup where there is no database (checked before and after)"),
    Command("export", "exchange", "write the whole database to one encrypted file (administrators)"),
    Command("import", "exchange", "load an export into an empty database (e.g. to move to PostgreSQL)"),
    Command("demo", "demo", "fill an empty database with a synthetic demo year"),
    Command("classify", "classify",
            "classify exported incidents and show severity, reasons and duties (JSON)"),
    Command("report", "report", "monthly facility report and PSP meeting pack"),
    Command("audit", "audit", "verify, list and export the audit log (DPO)"),
)


class Handler:
    """A sub-command's handler, ``safetylog.cli.<module>.<function>``, imported when it runs."""

    __slots__ = ("function", "module")

    def __init__(self, module: str, function: str) -> None:
        self.module = module
        self.function = function

    def __repr__(self) -> str:
        return f"Handler({self.module!r}, {self.function!r})"

    def __call__(self, args: argparse.Namespace) -> int:
        run = getattr(import_module(f"safetylog.cli.{self.module}"), self.function)
        return int(run(args))


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the commands named in ``argv`` get their own arguments."""
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


def add_command_parsers(subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
                        argv: Sequence[str]) -> None:
    """Every command by name and help; the arguments of those named in ``argv`` (a word that
    merely looks like a command, e.g. a user called "demo", costs a parser built for nothing)."""
    named = set(argv)
    for command in COMMANDS:
        parser = subparsers.add_parser(command.name, help=command.help)
        if command.name in named:
            module = import_module(f"safetylog.cli.parsers.{command.module}")
            getattr(module, f"{command.name}_arguments")(parser)


def add_login_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", "-u", required=True,
                        help="your personal user name (password from SAFETYLOG_PASSWORD or a prompt)")
