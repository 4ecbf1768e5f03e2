"""``safetylog report monthly|psp``: the monthly facility report and the PSP meeting pack.

The output's file name decides what is written: ``.pdf`` the report; ``.csv`` or ``.xlsx`` the
monthly report's records, or the PSP pack's protected tables (``--internal-list``: the row-level
list behind the pack, marked as not to be handed out). Every file written is an audited export.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import Any

from safetylog.cli.common import add_login_arguments, login, services_for
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import as_utc
from safetylog.services.container import Services
from safetylog.services.reports import ExportReceipt, ReportRequest

SUFFIXES = (".pdf", ".csv", ".xlsx")


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


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="monthly facility report and PSP meeting pack")
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    monthly = kinds.add_parser("monthly", help="the monthly report for one or more facilities")
    monthly.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    _common(monthly)
    monthly.set_defaults(handler=run)
    psp = kinds.add_parser("psp", help="the PSP meeting pack for a period")
    psp.add_argument("--from", dest="date_from", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    psp.add_argument("--to", dest="date_to", type=date.fromisoformat, required=True, metavar="YYYY-MM-DD")
    psp.add_argument("--meeting", type=int, default=None, metavar="ID",
                     help="the meeting the pack is for (default: the first meeting on or after --to)")
    psp.add_argument("--internal-list", action="store_true",
                     help="with .csv/.xlsx: the row-level list behind the pack, for a manager's own "
                          "checking, marked 'Intern – må ikke udleveres' (default: the pack's tables)")
    _common(psp)
    psp.set_defaults(handler=run)


def _facility_ids(services: Services, actor: Actor, codes: list[str]) -> tuple[int, ...]:
    known = {f.code.upper(): f.id for f in services.admin.list_facilities(actor)}
    unknown = [c for c in codes if c.upper() not in known]
    if unknown:
        raise ValidationError({"facility": Problem("unknown_facility")})
    return tuple(known[c.upper()] for c in codes)


def _request(args: argparse.Namespace, facility_ids: tuple[int, ...]) -> ReportRequest:
    options: dict[str, Any] = {"facility_ids": facility_ids, "type_codes": tuple(args.types),
                               "severities": tuple(args.severity), "language": args.lang,
                               "as_of": args.as_of}
    if args.kind == "monthly":
        year, month = args.month
        return ReportRequest.month(year, month, **options)
    return ReportRequest(args.date_from, args.date_to, meeting_id=args.meeting, **options)


def _write(services: Services, actor: Actor, args: argparse.Namespace, request: ReportRequest,
           target: Path) -> ExportReceipt:
    suffix = target.suffix.lower()
    if suffix in (".csv", ".xlsx") and args.kind == "psp" and not args.internal_list:
        from reports.psp_twin import render_psp_csv, render_psp_xlsx

        render = render_psp_csv if suffix == ".csv" else render_psp_xlsx
        return services.reports.export_psp_tables(actor, request, render, target)
    if suffix in (".csv", ".xlsx"):
        report = "psp_internal" if args.kind == "psp" else args.kind
        return services.reports.export_records(actor, request, report=report, fmt=suffix[1:],
                                               target=target)
    if args.kind == "monthly":
        from reports.monthly import render_monthly  # reportlab only when a report is made

        return services.reports.export_monthly(actor, request, render_monthly, target)
    from reports.psp_pack import render_psp_pack

    return services.reports.export_psp(actor, request, render_psp_pack, target)


def run(args: argparse.Namespace) -> int:
    bad = [str(p) for p in args.output if p.suffix.lower() not in SUFFIXES]
    if bad:
        raise ValidationError({"output": Problem("invalid_format", {"expected": ".pdf, .csv or .xlsx"})})
    services = services_for(args)
    try:
        actor = login(services, args)
        request = _request(args, _facility_ids(services, actor, args.facility))
        for target in args.output:
            receipt = _write(services, actor, args, request, target)
            named = (f"; names {', '.join(receipt.disclosed)} by disclosure decision"
                     if receipt.disclosed else "")
            print(f"Wrote {receipt.path} ({receipt.size:,} bytes, sha256 {receipt.sha256[:12]}){named}.")
        return 0
    finally:
        services.close()
