"""Every page has content and no text runs off it; fonts are embedded; the same data and stamp
give the same bytes, for the PDFs and for their CSV/XLSX twins."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from reports.layout import MARGIN
from reports.monthly import render_monthly
from reports.psp_pack import render_psp_pack
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import PSP_STAMP, STAMP, facility_id
from tests.reports.pdfcheck import inked_share, page_texts, render_pages, words


def _monthly(services: Services, actor: Actor, tmp_path: Path, language: str = "da") -> Path:
    ids = tuple(f.id for f in services.admin.list_facilities(actor))  # HAV and SKO: zones by facility
    data = services.reports.monthly(actor, ReportRequest.month(2026, 10, ids, as_of=STAMP, language=language))
    path = tmp_path / f"monthly-{language}.pdf"
    path.write_bytes(render_monthly(data))
    return path


def _psp(services: Services, actor: Actor, tmp_path: Path, language: str = "da") -> Path:
    data = services.reports.psp_pack(actor, ReportRequest(date(2026, 9, 10), date(2026, 10, 21),
                                                          as_of=PSP_STAMP, language=language))
    path = tmp_path / f"psp-{language}.pdf"
    path.write_bytes(render_psp_pack(data))
    return path


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_page_has_content_and_no_text_runs_off(demo_services: Services, manager: Actor,
                                                     coordinator: Actor, tmp_path: Path,
                                                     language: str) -> None:
    for pdf in (_monthly(demo_services, manager, tmp_path, language),
                _psp(demo_services, coordinator, tmp_path, language)):
        out = tmp_path / pdf.stem
        out.mkdir()
        pages = render_pages(pdf, out)
        assert len(pages) == len(page_texts(pdf)) >= 3
        for png in pages:
            assert inked_share(png) > 0.01, f"{png.name} of {pdf.name} is empty"
        boxes = words(pdf)
        assert {w.page for w in boxes} == set(range(1, len(pages) + 1))
        slack = 1.0
        outside = [w for w in boxes if w.x_min < MARGIN - slack or w.x_max > w.page_width - MARGIN + slack
                   or w.y_min < 0 or w.y_max > w.page_height]
        assert not outside, [(w.page, w.text) for w in outside[:5]]


def test_fonts_are_embedded_and_danish_letters_exact(demo_services: Services, manager: Actor,
                                                     tmp_path: Path) -> None:
    pdf = _monthly(demo_services, manager, tmp_path)
    listing = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = listing.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), listing
    whole = "\n".join(page_texts(pdf))
    for word in ("Måneden i tal", "Gården", "Fællesstue", "lør", "søn", "Overtrædelse af husorden",
                 "Fortroligt – indeholder"):
        assert word in whole


def test_same_data_and_stamp_give_the_same_bytes(demo_services: Services, manager: Actor,
                                                 coordinator: Actor, tmp_path: Path) -> None:
    fid = facility_id(demo_services, manager, "HAV")
    request = ReportRequest.month(2026, 10, (fid,), as_of=STAMP)
    first = demo_services.reports.export_monthly(manager, request, render_monthly, tmp_path / "a.pdf")
    second = demo_services.reports.export_monthly(manager, request, render_monthly, tmp_path / "b.pdf")
    assert first.sha256 == second.sha256
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    psp_request = ReportRequest(date(2026, 9, 10), date(2026, 10, 21), as_of=PSP_STAMP)
    a = render_psp_pack(demo_services.reports.psp_pack(coordinator, psp_request))
    b = render_psp_pack(demo_services.reports.psp_pack(coordinator, psp_request))
    assert a == b
    later = ReportRequest.month(2026, 10, (fid,), as_of=STAMP.replace(hour=9))
    assert render_monthly(demo_services.reports.monthly(manager, later)) != (tmp_path / "a.pdf").read_bytes()


def test_csv_and_xlsx_hold_exactly_the_counted_records(demo_services: Services, manager: Actor,
                                                       tmp_path: Path) -> None:
    fid = facility_id(demo_services, manager, "HAV")
    request = ReportRequest.month(2026, 10, (fid,), as_of=STAMP, type_codes=("DRG-DEAL",))
    data = demo_services.reports.monthly(manager, request)
    reports = demo_services.reports
    csv_file = reports.export_records(manager, request, report="monthly", fmt="csv",
                                      target=tmp_path / "a.csv")
    rows = list(csv.reader(io.StringIO(csv_file.path.read_text("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Nr", "Tilbud", "Dato"]
    assert [int(r[0]) for r in rows[1:]] == [line.id for line in data.incidents]
    assert len(rows) - 1 == data.summary.current.total > 0
    assert all("DRG-DEAL" in r[9] for r in rows[1:])
    x1 = reports.export_records(manager, request, report="monthly", fmt="xlsx", target=tmp_path / "a.xlsx")
    x2 = reports.export_records(manager, request, report="monthly", fmt="xlsx", target=tmp_path / "b.xlsx")
    assert x1.sha256 == x2.sha256
    with zipfile.ZipFile(x1.path) as package:
        assert {i.date_time[:3] for i in package.infolist()} == {(2026, 11, 1)}
    from openpyxl import load_workbook

    book = load_workbook(x1.path)
    sheet = book["Hændelser"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [i.id for i in data.incidents]
    about = dict(book["Om udtrækket"].iter_rows(values_only=True))
    assert about["Filtre"] == "types: DRG-DEAL" and about["Antal hændelser"] == str(len(data.incidents))


