"""The monthly report prints the audit chain's head as of its stamp, so a paper copy anchors the
log: the id, the first 16 hex digits of the hash and the row's time, the same for every print with
that stamp however many rows are written after it."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from reports.monthly import render_monthly
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import utcnow
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from safetylog.storage.models import AuditRow
from tests.reports.conftest import facility_id
from tests.reports.pdfcheck import page_texts


def test_the_monthly_report_prints_the_chain_head_at_its_stamp(
    demo_services: Services, manager: Actor, tmp_path: Path
) -> None:
    fid = facility_id(demo_services, manager, "HAV")
    stamp = utcnow()
    with demo_services.engine.connect() as conn:
        head = conn.execute(select(AuditRow.id, AuditRow.row_hash).where(AuditRow.at <= stamp)
                            .order_by(AuditRow.id.desc()).limit(1)).one()
    request = ReportRequest.month(2026, 10, (fid,), as_of=stamp)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    demo_services.reports.export_monthly(manager, request, render_monthly, first)
    demo_services.queries.page(manager)  # more rows after the stamp
    demo_services.reports.export_monthly(manager, request, render_monthly, second)
    assert first.read_bytes() == second.read_bytes()

    text = re.sub(r"\s+", " ", "\n".join(page_texts(first)))
    assert "Revisionslog (nyeste række)" in text
    assert f"#{head.id} · {head.row_hash[:16]}" in text
    with demo_services.engine.connect() as conn:
        newer = conn.scalar(select(AuditRow.id).order_by(AuditRow.id.desc()).limit(1))
    assert newer is not None and newer > head.id  # the exports themselves came after the stamp


def test_a_report_stamped_before_any_audit_row_says_so(
    demo_services: Services, manager: Actor, tmp_path: Path
) -> None:
    fid = facility_id(demo_services, manager, "HAV")
    request = ReportRequest.month(2019, 12, (fid,), as_of=datetime(2020, 1, 1, tzinfo=UTC),
                                  language="en")
    data = demo_services.reports.monthly(manager, request)
    assert data.provenance.audit_head is None
    pdf = tmp_path / "early.pdf"
    pdf.write_bytes(render_monthly(data))
    text = re.sub(r"\s+", " ", "\n".join(page_texts(pdf)))
    assert "Audit log (newest row) no rows yet" in text
