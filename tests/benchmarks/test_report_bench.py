"""Reports on 200 000 incidents across 20 facilities, against a plain reportlab document.

The monthly report for one facility and the PSP pack for a year of all 20 facilities are timed
(data gathered in SQL + drawing), and compared with a plain reportlab document of the same page
count made in the same run with the same embedded font. Peak memory is Python's own allocation
peak (tracemalloc) while one report is made. Goal (design § 9): a PDF within 1.5x of the plain
document. Run with ``make bench``.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from sqlalchemy import text

from reports.fonts import register_fonts
from reports.monthly import render_monthly
from reports.psp_pack import render_psp_pack
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from safetylog.summaries.periods import add_months, month_bounds
from tests.benchmarks.bigdb import BENCH_PASSWORD, MANAGER, PSP_COORDINATOR
from tests.benchmarks.timing import median_ms, timed

pytestmark = pytest.mark.benchmark

RUNS = 5
LINES_PER_PAGE = 48
GOAL_RATIO = 1.5
RESULTS: list[Row] = []


@dataclass
class Row:
    name: str
    pages: int
    data_ms: float
    render_ms: float
    plain_ms: float
    peak_mib: float

    @property
    def total_ms(self) -> float:
        return self.data_ms + self.render_ms

    @property
    def ratio(self) -> float:
        return self.total_ms / self.plain_ms


def plain_document(pages: int) -> bytes:
    """A plain document: ``pages`` full pages of text paragraphs in the same embedded font."""
    font = register_fonts()
    style = ParagraphStyle("plain", fontName=font, fontSize=9, leading=14)
    story: list[Any] = []
    for page in range(pages):
        story += [Paragraph(f"Side {page + 1}, linje {n + 1}: Hændelse på bostedet, æøå § – "
                            "almindelig tekst uden tabeller.", style) for n in range(LINES_PER_PAGE)]
        story.append(PageBreak())
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story[:-1])
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _median(call: Callable[[], Any]) -> tuple[float, Any]:
    call()  # warm caches, as a second export would
    samples, result = [], None
    for _ in range(RUNS):
        seconds, result = timed(call)
        samples.append(seconds)
    return median_ms(samples), result


def _peak_mib(call: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _measure(name: str, gather: Callable[[], Any], render: Callable[[Any], bytes]) -> Row:
    data_ms, data = _median(gather)
    render_ms, pdf = _median(lambda: render(data))
    pages = page_count(pdf)
    plain_ms, plain = _median(lambda: plain_document(pages))
    assert page_count(plain) == pages
    row = Row(name, pages, data_ms, render_ms, plain_ms, _peak_mib(lambda: render(gather())))
    RESULTS.append(row)
    return row


def _last_day(services: Services) -> date:
    with services.engine.connect() as conn:
        last = conn.execute(text("SELECT max(local_date) FROM incidents")).scalar()
    return date.fromisoformat(str(last))


def test_monthly_report_for_one_facility(big_services: Services) -> None:
    actor: Actor = big_services.auth.login(MANAGER, BENCH_PASSWORD, workstation="benchmark")
    last = _last_day(big_services)
    year, month = add_months(last.year, last.month, -1)
    start, _ = month_bounds(year, month)
    request = ReportRequest.month(start.year, start.month, (1,))
    row = _measure(f"[{big_services.location.source}] monthly report, 1 facility, 1 month",
                   lambda: big_services.reports.monthly(actor, request), render_monthly)
    assert row.pages >= 4


def test_psp_pack_for_a_year_of_twenty_facilities(big_services: Services) -> None:
    actor: Actor = big_services.auth.login(PSP_COORDINATOR, BENCH_PASSWORD, workstation="benchmark")
    last = _last_day(big_services)
    request = ReportRequest(last - timedelta(days=364), last)
    row = _measure(f"[{big_services.location.source}] PSP pack, 20 facilities, 1 year",
                   lambda: big_services.reports.psp_pack(actor, request), render_psp_pack)
    assert row.pages >= 3


def test_print_the_report_benchmarks(big_services: Services) -> None:
    with big_services.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM incidents")).scalar()
    lines = [f"Reports on {total:,} incidents (medians of {RUNS}; plain = reportlab text document, "
             f"same pages, same font; goal {GOAL_RATIO}x)",
             f"{'report':<40}{'pages':>6}{'data ms':>9}{'draw ms':>9}{'total':>9}{'plain':>9}"
             f"{'ratio':>7}{'draw/plain':>11}{'peak MiB':>10}"]
    for r in RESULTS:
        lines.append(f"{r.name:<52}{r.pages:>6}{r.data_ms:>9.1f}{r.render_ms:>9.1f}"
                     f"{r.total_ms:>9.1f}{r.plain_ms:>9.1f}{r.ratio:>7.2f}"
                     f"{r.render_ms / r.plain_ms:>11.2f}{r.peak_mib:>10.1f}")
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        lines.append(f"whole test process: max resident set {rss:.0f} MiB (includes SQLite's "
                     "page cache and Qt)")
    except ImportError:  # not on Windows
        pass
    print()
    print("\n".join(lines))
    assert len([r for r in RESULTS if r.name.startswith(f"[{big_services.location.source}]")]) == 2
