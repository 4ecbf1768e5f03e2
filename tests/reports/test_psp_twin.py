"""The PSP pack's CSV/XLSX twin holds exactly the protected tables of the PDF and no row-level
data; the row-level list behind it is a manager's, marked "Intern – må ikke udleveres" in the
file and in the audit log; and every XLSX comes out byte for byte the same for the same stamp."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from reports.psp_pack import render_psp_pack
from reports.psp_tables import labelled_tables
from reports.psp_twin import render_psp_csv, render_psp_xlsx
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import Actor
from safetylog.services import audit
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import PSP_STAMP, STAMP
from tests.reports.pdfcheck import page_texts

REQUEST = ReportRequest(date(2026, 9, 10), date(2026, 10, 21), as_of=PSP_STAMP)
MARK = "Intern – må ikke udleveres"


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))


def test_the_twin_holds_the_pdfs_protected_tables_and_no_incident(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    reports = demo_services.reports
    table_csv = reports.export_psp_tables(coordinator, REQUEST, render_psp_csv, tmp_path / "psp.csv")
    table_xlsx = reports.export_psp_tables(coordinator, REQUEST, render_psp_xlsx, tmp_path / "psp.xlsx")
    pdf = reports.export_psp(coordinator, REQUEST, render_psp_pack, tmp_path / "psp.pdf")
    rows = _csv_rows(table_csv.path)
    data = reports.psp_pack(coordinator, REQUEST)
    tables = labelled_tables(data)
    # every table of the PDF, cell for cell, under its heading; and nothing more
    head = 7  # title, marking, period, facilities, stamp, author, the method's note
    body = [r for r in rows[head:] if len(r) > 1]
    assert body == [list(line) for t in tables for line in (t.headers, *t.rows)]
    assert len([r for r in rows[head:] if len(r) == 1]) == len(tables)  # one heading per table
    printed = " ".join(" ".join(page_texts(pdf.path)).split())
    for table in tables:
        for row in table.rows:
            assert " ".join(" ".join(row).split()) in printed, row
    # no row-level data below the head: no date, minute or pseudonym; none anywhere
    below = "\n".join(";".join(r) for r in rows[head:])
    assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}|\b\d{2}:\d{2}\b", below)
    assert not re.search(r"\bH-1\d\d\b", table_csv.path.read_text("utf-8-sig"))
    assert "Fortroligt – PSP, jf. retsplejelovens § 115" in rows[1]
    figures = [cell for t in tables for row in t.rows for cell in row[1:]]
    assert figures and all(c in ("0", "<5") or int(c) % 5 == 0 for c in figures)
    # the XLSX holds the same rows as the CSV
    sheet = load_workbook(table_xlsx.path)["PSP"]
    assert [[c or "" for c in r] for r in sheet.iter_rows(values_only=True)] == [
        r + [""] * (sheet.max_column - len(r)) for r in rows]
    # the pack's PDF discloses H-101; the twin does not, and its audit row says so
    with demo_services.session_factory() as session:
        exports = [e for e in audit.entries(session) if e.action == "export"
                   and e.entity == "report_psp_tables"]
    assert pdf.disclosed == ("H-101",) and table_csv.disclosed == ()
    assert {e.entity_id for e in exports} == {"psp.csv", "psp.xlsx"}
    assert all(e.details["disclosed"] == 0 for e in exports)


def test_the_row_level_list_is_a_managers_and_marked_internal(
        demo_services: Services, manager: Actor, coordinator: Actor, tmp_path: Path) -> None:
    reports = demo_services.reports
    with pytest.raises(PermissionDenied):
        reports.export_records(coordinator, REQUEST, report="psp_internal", fmt="csv",
                               target=tmp_path / "c.csv")
    assert not (tmp_path / "c.csv").exists()
    listed = reports.export_records(manager, REQUEST, report="psp_internal", fmt="csv",
                                    target=tmp_path / "intern.csv")
    rows = _csv_rows(listed.path)
    assert rows[0] == [MARK] and rows[1][:3] == ["Nr", "Tilbud", "Dato"]
    # As the log stood at the stamp: incidents registered after it (three, later on 21 October)
    # are not in the list. The demo database stores UTC moments as text.
    stamp = PSP_STAMP.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    with demo_services.engine.connect() as conn:
        counted = conn.execute(text(
            "SELECT COUNT(*) FROM incidents i WHERE i.status IN ('submitted', 'reviewed', 'locked') "
            "AND i.local_date BETWEEN '2026-09-10' AND '2026-10-21' AND i.registered_at <= :stamp "
            "AND i.facility_id IN (SELECT facility_id FROM user_facilities uf JOIN users u "
            "ON u.id = uf.user_id WHERE u.username = 'mette')"), {"stamp": stamp}).scalar_one()
    assert len(rows) - 2 == counted > 0
    book = reports.export_records(manager, REQUEST, report="psp_internal", fmt="xlsx",
                                  target=tmp_path / "intern.xlsx")
    workbook = load_workbook(book.path)
    assert workbook["Hændelser"]["A1"].value == MARK
    assert dict(workbook["Om udtrækket"].iter_rows(values_only=True))["Klassifikation"] == MARK
    with demo_services.session_factory() as session:
        rows_logged = [e for e in audit.entries(session) if e.action == "export"
                       and e.entity == "records_psp_internal"]
    assert [e.details["marking"] for e in rows_logged] == [MARK, MARK]


def test_the_same_data_and_stamp_give_the_same_xlsx_bytes_at_any_clock(
        demo_services: Services, manager: Actor, coordinator: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl.writer.excel as writer

    clock = iter(datetime(2030, 1, 1) + timedelta(minutes=n) for n in range(100))
    fake = SimpleNamespace(now=lambda tz=None: next(clock), timezone=writer.datetime.timezone)
    monkeypatch.setattr(writer, "datetime", SimpleNamespace(datetime=fake, timezone=writer.datetime.timezone))
    reports = demo_services.reports
    twins = [reports.export_psp_tables(coordinator, REQUEST, render_psp_xlsx, tmp_path / f"p{n}.xlsx")
             for n in range(2)]
    monthly = ReportRequest.month(2026, 10, as_of=STAMP)
    lists = [reports.export_records(manager, monthly, report="monthly", fmt="xlsx",
                                    target=tmp_path / f"m{n}.xlsx") for n in range(2)]
    for first, second in (twins, lists):
        assert first.path.read_bytes() == second.path.read_bytes()
        assert load_workbook(first.path).properties.modified == first_stamp(first.path)


def first_stamp(path: Path) -> datetime:
    """The package's creation date: the stamp, which "modified" must equal."""
    created = load_workbook(path).properties.created
    assert created is not None
    return created
