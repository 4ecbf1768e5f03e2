"""``safetylog report monthly|psp``: their arguments (``safetylog.cli.report`` runs them)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from safetylog.cli.parsers import Handler, add_login_arguments
from safetylog.domain.timeutil import as_utc


def _month(text: str) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in text.split("-"))
        date(year, month, 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM, got {text!r}") from None
    return year, month


def _moment(text: str) -> datetime:
    try:
        return as_utc(datetime.fromisoformat(text))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date and time like 2026-11-01T08:00, got {text!r}") from None


def _common(parser: argparse.ArgumentParser) -> None:
    add_login_arguments(parser)
    parser.add_argument("--facility", "-f", action="append", default=[], metavar="CODE",
                        help="facility code (repeat for several; default: all you may see)")
    parser.add_argument("-o", "--output", action="append", required=True, type=Path, metavar="FILE",
                        help="file to write: .pdf (the report), .csv or .xlsx (its records); repeatable")
    parser.add_argument("--as-of", type=_moment, default=None, metavar="TIME",
                        help="the 'generated at' stamp (default: now); the same data and stamp give "
                             "the same file")
    parser.add_argument("--lang", choices=("da", "en"), default="da", help="language (default: da)")
    parser.add_argument("--type", action="append", default=[], metavar="CODE", dest="types",
                        help="only incidents of this type (repeatable)")
    parser.add_argument("--severity", action="append", default=[], metavar="S1-S4",
                        help="only incidents of this severity (repeatable)")


def report_arguments(parser: argparse.ArgumentParser) -> None:
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    monthly = kinds.add_parser("monthly", help="the monthly report for one or more facilities")
    monthly.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    _common(monthly)
    monthly.set_defaults(handler=Handler("report", "run"))
    psp = kinds.add_parser("psp", help="the PSP meeting pack for a period")
    psp.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    psp.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    psp.add_argument("--meeting", type=int, default=None, metavar="ID",
                     help="the meeting the pack is for (default: the first meeting on or after --to)")
    psp.add_argument("--internal-list", action="store_true",
                     help="with .csv/.xlsx: the row-level list behind the pack, for a manager's own "
                          "checking, marked 'Intern – må ikke udleveres' (default: the pack's tables)")
    _common(psp)
    psp.set_defaults(handler=Handler("report", "run"))
