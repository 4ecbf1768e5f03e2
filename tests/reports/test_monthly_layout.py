"""The monthly report's layout as a reader meets it: no heading left alone at the foot of a page,
the busiest hour marked only where something happened, Danish plurals that agree with the number."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.graphics.shapes import Drawing, String
from reportlab.platypus import Spacer

from reports import monthly, texts
from reports.common import decor, doc_info
from reports.fonts import BOLD
from reports.layout import build_pdf, styles
from reports.monthly import render_monthly
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from safetylog.summaries.report_data import MonthlyReportData
from tests.reports.conftest import STAMP, facility_id
from tests.reports.pdfcheck import page_texts

HEADINGS = ("duties", "force_cases", "other_duties", "overdue_all", "staff_injuries", "drug_trade",
            "police", "bvc", "time_of_day")
LEADS = ("Narkotikahandel observeret:", "Politikontakter:")


@pytest.fixture
def october(demo_services: Services, manager: Actor) -> MonthlyReportData:
    fid = facility_id(demo_services, manager, "HAV")
    return demo_services.reports.monthly(manager, ReportRequest.month(2026, 10, (fid,), as_of=STAMP))


def _last_content_line(page: str) -> str:
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    return lines[-2] if len(lines) >= 2 else ""  # the last line is the footer


def test_no_heading_is_left_alone_at_the_foot_of_a_page(october: MonthlyReportData, tmp_path: Path) -> None:
    st = styles()
    headings = {texts.text("da", key) for key in HEADINGS} | {"Efter sted Aktivitet"}
    p = october.provenance
    orphans = []
    for filler in range(380, 700, 8):  # push the sections down the page a little at a time
        story = [Spacer(1, filler), *monthly.duty_section(october, st), *monthly.injury_section(october, st),
                 *monthly.drug_section(october, st), *monthly.police_section(october, st),
                 *monthly.bvc_section(october, st)]
        target = tmp_path / f"f{filler}.pdf"
        target.write_bytes(build_pdf(story, decor(p, "monthly_title", "confidential_monthly"),
                                     doc_info(p, "monthly_title")))
        for number, page in enumerate(page_texts(target)[:-1], start=1):
            last = _last_content_line(page)
            if last in headings or last.startswith(LEADS):
                orphans.append((filler, number, last))
    assert orphans == []


def test_busiest_hour_is_marked_and_never_a_zero(october: MonthlyReportData) -> None:
    drawing = monthly.drug_section(october, styles())[-1]
    assert isinstance(drawing, Drawing)
    hours = october.summary.drug_trade.by_hour
    assert hours[23] == 0 and max(hours) > 0, "the demo month: nothing at 23, something earlier"
    bold = [s.text for s in drawing.contents if isinstance(s, String) and s.fontName == BOLD]
    assert bold and "0" not in bold and all(int(b) == max(hours) for b in bold)


def test_front_page_counts_take_the_right_danish_form() -> None:
    assert texts.counted("da", "overdue_duties", 1, ids="#7") == \
        "1 anden opgave har overskredet fristen: #7."
    assert texts.counted("da", "overdue_duties", 2, ids="#7, #8") == \
        "2 andre opgaver har overskredet fristen: #7, #8."
    assert texts.counted("da", "overdue_force", 1, ids="#7").startswith("1 magtanvendelse er ikke")
    assert texts.counted("da", "overdue_force", 3, ids="#7").startswith("3 magtanvendelser er ikke")
    assert texts.counted("da", "overdue_easy", 1, ids="#7").startswith("1 arbejdsskade er ikke anmeldt")
    assert texts.counted("da", "overdue_actions", 1, ids="x").startswith("1 PSP-handlingspunkt har")
    assert texts.counted("da", "overdue_actions", 2, ids="x").startswith("2 PSP-handlingspunkter har")
    assert texts.counted("en", "overdue_duties", 1, ids="#7") == "1 other duty is overdue: #7."


def test_whole_demo_report_names_overdue_items_and_reads_cleanly(october: MonthlyReportData,
                                                                 tmp_path: Path) -> None:
    target = tmp_path / "okt.pdf"
    target.write_bytes(render_monthly(october))
    whole = "\n".join(page_texts(target))
    assert "(r)" not in whole and "(er)" not in whole
    first = " ".join(page_texts(target)[0].split())
    for line in re.findall(r"• ([^•]*?overskredet fristen[^•]*)", first):
        assert "#" in line or "«" in line, f"an overdue line names nothing: {line}"
