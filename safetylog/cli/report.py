"""``safetylog report monthly|psp``: the monthly facility report and the PSP meeting pack.

The output's file name decides what is written: ``.pdf`` the report; ``.csv`` or ``.xlsx`` the
monthly report's records, or the PSP pack's protected tables (``--internal-list``: the row-level
list behind the pack, marked as not to be handed out). Every file written is an audited export.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from safetylog.cli.common import login, services_for
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ExportReceipt, ReportRequest

SUFFIXES = (".pdf", ".csv", ".xlsx")


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
