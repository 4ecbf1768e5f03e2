"""Display names stay in the house: the demo's residents all have one, and neither the monthly
report nor the PSP pack (read back from the PDF) holds any of them, though both name residents
by pseudonym. The incident listing and the disclosed resident are where a leak would show."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import text

from reports.monthly import render_monthly
from reports.psp_pack import render_psp_pack
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import PSP_STAMP, STAMP, facility_id
from tests.reports.pdfcheck import page_texts
from tests.reports.test_psp_pack import PERIOD


def _display_names(services: Services) -> list[str]:
    with services.engine.connect() as conn:
        return [str(r[0]) for r in conn.execute(text("SELECT display_name FROM resident_display_names"))]


def _found(names: list[str], pdf: Path) -> list[str]:
    whole = "\n".join(page_texts(pdf))
    return [n for n in names if re.search(rf"\b{re.escape(n)}\b", whole)]


def test_monthly_report_lists_residents_by_pseudonym_never_by_display_name(
        demo_services: Services, manager: Actor, tmp_path: Path) -> None:
    names = _display_names(demo_services)
    assert len(names) >= 20  # every demo resident has one
    pdf = tmp_path / "oktober.pdf"
    demo_services.reports.export_monthly(
        manager, ReportRequest.month(2026, 10, (facility_id(demo_services, manager, "HAV"),),
                                     as_of=STAMP), render_monthly, pdf)
    assert re.search(r"\bH-1\d\d\b", "\n".join(page_texts(pdf)))  # residents are listed...
    assert _found(names, pdf) == []  # ...by pseudonym only


def test_psp_pack_never_holds_a_display_name(demo_services: Services, coordinator: Actor,
                                             manager: Actor, tmp_path: Path) -> None:
    names = _display_names(demo_services)
    for actor, file in ((coordinator, "psp.pdf"), (manager, "psp-leder.pdf")):
        pdf = tmp_path / file
        demo_services.reports.export_psp(actor, ReportRequest(*PERIOD, as_of=PSP_STAMP),
                                         render_psp_pack, pdf)
        whole = re.sub(r"[ \t]+", " ", "\n".join(page_texts(pdf)))
        assert re.search(r"\b[HS]-1\d\d \(", whole)  # the disclosed resident, by pseudonym
        assert _found(names, pdf) == []
