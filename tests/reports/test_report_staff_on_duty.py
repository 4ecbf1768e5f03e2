"""The monthly report's listing has the staff on duty of every incident, read back from the PDF and
compared with the database; the column fits beside the others without cutting dates short."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from reports.monthly import render_monthly
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import STAMP, facility_id
from tests.reports.pdfcheck import page_texts, words

ROW = re.compile(r"#(\d+)\s+(\d\d\.10\.2026)\s.*?\s(\d+|–)\s+(indsendt|godkendt|låst)\s*$")


@pytest.fixture
def october(demo_services: Services, manager: Actor, tmp_path: Path) -> tuple[Path, int]:
    fid = facility_id(demo_services, manager, "HAV")
    target = tmp_path / "oktober.pdf"
    demo_services.reports.export_monthly(
        manager, ReportRequest.month(2026, 10, (fid,), as_of=STAMP), render_monthly, target)
    return target, fid


def test_the_listing_shows_staff_on_duty_as_the_database_holds_it(
        demo_services: Services, october: tuple[Path, int]) -> None:
    pdf, fid = october
    pages = [p for p in page_texts(pdf) if "Månedens hændelser" in p or re.search(r"#\d+\s+\d\d\.10", p)]
    assert any("På vagt" in p for p in pages)
    printed = {int(m[1]): m[3] for p in pages for line in p.splitlines() if (m := ROW.search(line))}
    with demo_services.engine.connect() as conn:
        stored: dict[int, object] = dict(conn.execute(text(
            "SELECT id, staff_on_duty FROM incidents WHERE facility_id = :f AND status IN "
            "('submitted', 'reviewed', 'locked') AND local_date BETWEEN '2026-10-01' AND '2026-10-31'"),
            {"f": fid}).all())
    assert len(stored) > 10
    assert printed == {i: "–" if n is None else str(n) for i, n in stored.items()}


def test_the_column_sits_between_residents_and_status_within_the_page(october: tuple[Path, int]) -> None:
    pdf, _fid = october
    found = words(pdf)
    heading = [w for w in found if w.text == "vagt"]
    status = [w for w in found if w.text == "Status" and w.page in {h.page for h in heading}]
    assert heading and status
    assert all(h.x_max < s.x_min and h.x_max < h.page_width for h, s in zip(heading, status, strict=False))
