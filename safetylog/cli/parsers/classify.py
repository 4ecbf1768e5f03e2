"""``safetylog classify``: its arguments (``safetylog.cli.classify`` runs it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from safetylog.cli.parsers import Handler


def classify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a 'safetylog export' file or a JSON list of incidents ('-': stdin)")
    parser.add_argument("--table", action="store_true", help="print a readable table instead of JSON")
    parser.add_argument("--language", choices=("da", "en"), default="da",
                        help="language of the table (JSON holds both)")
    parser.add_argument("--taxonomy", type=Path, metavar="TOML",
                        help="classify with this taxonomy file instead of the installed one")
    parser.add_argument("--instrument", type=Path, metavar="TOML",
                        help="score SOAS-R with this instrument file instead of the installed one")
    parser.add_argument("--rules", type=Path, metavar="TOML",
                        help="open duties with this duty rules file and show how they differ from "
                             "the installed rules")
    parser.set_defaults(handler=Handler("classify", "run"))
