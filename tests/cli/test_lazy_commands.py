"""The command line loads what a command needs only when that command runs.

``safetylog --version`` and ``--help`` answer in a fraction of the time the database code takes
to import, and every command still finds its handler (each one is named by a string, so a typo
would only show when someone runs that command)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from safetylog.cli.parsers import COMMANDS, Handler, build_parser

REPO = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "shiboken6", "sqlcipher3", "argon2",
         "cryptography", "safetylog.services", "safetylog.storage", "ui", "reports")

LOADED_BY = """
import json, sys
from safetylog.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded_by(*args: str) -> tuple[str, list[str]]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-c", LOADED_BY, *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    modules: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, modules


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("report", "monthly", "--help"),
                                  ("user", "add", "--help")])
def test_version_and_help_load_no_database_qt_or_pdf_code(args: tuple[str, ...]) -> None:
    out, modules = _loaded_by(*args)
    assert "SafetyLog 0.1.0" in out if args == ("--version",) else "usage: safetylog" in out
    assert _heavy(modules) == []


def test_help_lists_every_command_without_building_their_parsers() -> None:
    out, modules = _loaded_by("--help")
    for command in COMMANDS:
        assert f"    {command.name} " in out
    assert not any(m.startswith("safetylog.cli.parsers.") for m in modules)


def test_a_command_that_runs_loads_its_code() -> None:
    out, modules = _loaded_by("--database", "sqlite:////nonexistent/x.sqlite3", "db", "where")
    assert "/nonexistent/x.sqlite3" in out
    assert "safetylog.cli.database" in modules


def _handlers(parser: argparse.ArgumentParser) -> list[Handler]:
    """Every handler in a parser and its sub-parsers."""
    found = [parser._defaults["handler"]] if "handler" in parser._defaults else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found.extend(_handlers(child))
    return found


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_has_arguments_and_handlers_that_exist(command: str) -> None:
    handlers = _handlers(build_parser([command]))
    assert handlers, f"{command} has no handler"
    for handler in handlers:
        assert callable(getattr(import_module(f"safetylog.cli.{handler.module}"), handler.function))


def test_the_import_size_default_is_the_core_cap() -> None:
    """The parser names the default without importing the export code; it must say the same."""
    from safetylog.cli.parsers import build_parser
    from safetylog.services.export_file import MAX_CONTENT_BYTES

    args = build_parser(["import", "x.safetylog"]).parse_args(["import", "x.safetylog"])
    assert args.max_size * 1024 * 1024 == MAX_CONTENT_BYTES
