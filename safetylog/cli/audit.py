"""``safetylog audit verify|list|export``: the audit log for a data-protection officer.

Every sub-command logs in (the database may be encrypted, and reading the log is audited) and
needs the audit permission (the DPO or an administrator). ``verify`` exits 0 when the chain is
intact and ``EXIT_BROKEN`` naming the first broken row when it is not.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from safetylog.cli.common import login, services_for
from safetylog.domain.records import AuditEntry, AuditQuery, ChainReport
from safetylog.domain.timeutil import to_local

EXIT_BROKEN = 3  # distinct from 1 (an error) so that a scheduled check can tell the two apart
REASONS = {"content_changed": "content changed", "link_broken": "link broken",
           "row_missing": "row missing", "head_mismatch": "head mismatch"}


def _query(args: argparse.Namespace, **paging: Any) -> AuditQuery:
    return AuditQuery(args.by, args.resident, tuple(args.actions), args.date_from, args.date_to,
                      **paging)


def _moment(at: datetime | None) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC") if at else "-"


def describe(report: ChainReport) -> str:
    if report.ok:
        return (f"Audit chain intact: {report.rows_checked} rows, head #{report.head_id} "
                f"{report.head_hash} at {_moment(report.head_at)}")
    return (f"Audit chain BROKEN at row #{report.first_broken_id}: "
            f"{REASONS.get(report.reason, report.reason)} "
            f"({report.rows_checked} rows before it are intact; the head says #{report.head_id})")


def run_verify(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        report = services.audit_log.verify(actor)
        print(describe(report))
        return 0 if report.ok else EXIT_BROKEN
    finally:
        services.close()


def _line(e: AuditEntry) -> str:
    at = to_local(e.at).strftime("%Y-%m-%d %H:%M:%S")
    what = f"{e.entity}:{e.entity_id}" if e.entity_id else e.entity
    return f"{e.id:>8}  {at}  {e.username[:16]:<16}  {e.action:<15}  {what[:30]:<30}  {','.join(e.residents)}"


def run_list(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        page = services.audit_log.list(actor, _query(args, before_id=args.before, limit=args.limit))
        print(f"{'id':>8}  {'time (local)':<19}  {'user':<16}  {'action':<15}  {'entity':<30}  residents")
        for entry in page.entries:
            print(_line(entry))
        if page.next_cursor is not None:
            print(f"(more: --before {page.next_cursor})")
        return 0
    finally:
        services.close()


def write_private(target: Path, content: bytes) -> None:
    """Write beside the target, readable by this OS user only (0600), and rename into place."""
    temporary = target.with_name(f".{target.name}.part")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # an old .part file keeps its mode through O_CREAT
        with os.fdopen(descriptor, "wb", closefd=False) as handle:
            handle.write(content)
    finally:
        os.close(descriptor)
    temporary.replace(target)


def run_export(args: argparse.Namespace) -> int:
    fmt = args.format or ("xlsx" if args.file.suffix.lower() == ".xlsx" else "csv")
    services = services_for(args)
    try:
        actor = login(services, args)
        content = services.audit_log.export(actor, _query(args), fmt)
        write_private(args.file, content)
        print(f"Wrote {args.file} ({len(content):,} bytes).")
        return 0
    finally:
        services.close()
