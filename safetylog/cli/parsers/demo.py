"""``safetylog demo``: its arguments (``safetylog.cli.demo`` runs it)."""

from __future__ import annotations

import argparse
from datetime import date

from safetylog.cli.parsers import Handler


def demo_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    parser.add_argument("--end", type=date.fromisoformat, default=None, metavar="YYYY-MM-DD",
                        help="last day of the demo year (default: today)")
    parser.set_defaults(handler=Handler("demo", "run"))
