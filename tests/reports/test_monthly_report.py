"""The monthly report read back from the PDF agrees with counts made directly on the database."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from reports.monthly import render_monthly
from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor
from safetylog.services import audit
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import STAMP, facility_id
from tests.reports.pdfcheck import page_texts, row_numbers

COUNTED = "status IN ('submitted', 'reviewed', 'locked')"


def sql_counts(services: Services, fid: int, start: date, end: date, column: str) -> dict[str, int]:
    """Counted by hand, independently of the summary code."""
    with services.engine.connect() as conn:
        rows = conn.execute(text(
            f"SELECT {column}, COUNT(*) FROM incidents WHERE facility_id = :f AND {COUNTED} "
            "AND local_date BETWEEN :a AND :b GROUP BY 1"), {"f": fid, "a": start, "b": end})
        return {str(k): int(n) for k, n in rows}


@pytest.fixture
def october(demo_services: Services, manager: Actor, tmp_path: Path) -> tuple[Path, int]:
    fid = facility_id(demo_services, manager, "HAV")
    target = tmp_path / "oktober.pdf"
    demo_services.reports.export_monthly(
        manager, ReportRequest.month(2026, 10, (fid,), as_of=STAMP), render_monthly, target)
    return target, fid


def test_front_page_numbers_match_the_database(demo_services: Services, october: tuple[Path, int]) -> None:
    pdf, fid = october
    first = page_texts(pdf)[0]
    now = sum(sql_counts(demo_services, fid, date(2026, 10, 1), date(2026, 10, 31), "primary_type").values())
    before = sum(sql_counts(demo_services, fid, date(2026, 9, 1), date(2026, 9, 30), "primary_type").values())
    year = sum(sql_counts(demo_services, fid, date(2025, 10, 1), date(2025, 10, 31), "primary_type").values())
    assert now > 10, "the demo month must have something to report"
    sentence = re.sub(r"\s+", " ", first)
    assert f"I alt {now} hændelser mod {before} i september" in sentence
    assert f"og {year} for et år siden" in sentence
    severity = sql_counts(demo_services, fid, date(2026, 10, 1), date(2026, 10, 31), "severity")
    serious = severity.get("S3", 0) + severity.get("S4", 0)
    lines = first.splitlines()
    label = next(k for k, line in enumerate(lines) if "Alvorlige og kritiske" in line)
    with demo_services.engine.connect() as conn:
        force = int(conn.execute(text(
            f"SELECT COUNT(*) FROM duties d JOIN incidents i ON i.id = d.incident_id WHERE "
            f"d.kind = 'force_case' AND i.facility_id = :f AND i.{COUNTED} AND i.local_date "
            "BETWEEN '2026-10-01' AND '2026-10-31'"), {"f": fid}).scalar_one())
    assert re.findall(r"\d+", lines[label - 1]) == [str(now), str(serious), str(force)]
    assert "Månedsrapport – oktober 2026" in first
    assert "Fortroligt – indeholder pseudonymiserede personoplysninger" in first
    assert "Side 1 af" in first


def test_type_table_counts_every_incident_once_and_every_type_row(
        demo_services: Services, october: tuple[Path, int]) -> None:
    pdf, fid = october
    tables = next(p for p in page_texts(pdf) if "Efter type" in p)
    primary = sql_counts(demo_services, fid, date(2026, 10, 1), date(2026, 10, 31), "primary_type")
    with demo_services.engine.connect() as conn:
        per_type = {str(c): int(n) for c, n in conn.execute(text(
            f"SELECT t.code, COUNT(*) FROM incident_types t JOIN incidents i ON i.id = t.incident_id "
            f"WHERE i.facility_id = :f AND i.{COUNTED} AND i.local_date BETWEEN '2026-10-01' AND "
            "'2026-10-31' GROUP BY t.code"), {"f": fid})}
    for code in sorted(set(primary) | set(per_type)):
        cells = row_numbers(tables, code)
        assert cells[0] == str(primary.get(code, 0)), code
        assert cells[-1] == str(per_type.get(code, 0)), code
    total = row_numbers(tables, "I alt")
    assert total[0] == str(sum(primary.values())) and total[-1] == str(sum(per_type.values()))


def test_incident_list_names_every_counted_incident_by_pseudonym_only(
        demo_services: Services, october: tuple[Path, int]) -> None:
    pdf, fid = october
    listing = "\n".join(p for p in page_texts(pdf) if "Månedens hændelser" in p or "#" in p)
    with demo_services.engine.connect() as conn:
        ids = [int(r[0]) for r in conn.execute(text(
            f"SELECT id FROM incidents WHERE facility_id = :f AND {COUNTED} "
            "AND local_date BETWEEN '2026-10-01' AND '2026-10-31'"), {"f": fid})]
        names = [str(r[0]) for r in conn.execute(text("SELECT full_name FROM resident_identities"))]
        drafts = [int(r[0]) for r in conn.execute(text("SELECT id FROM incidents WHERE status = 'draft'"))]
    listed = {int(m) for m in re.findall(r"#(\d+)\s+\d\d\.10\.2026", listing)}
    assert listed == set(ids)
    whole = "\n".join(page_texts(pdf))
    assert not [n for n in names if n and n in whole], "identities must never appear in a report"
    assert not [d for d in drafts if f"#{d} " in whole]


def test_force_cases_and_overdue_agree_with_the_duties_table(
        demo_services: Services, october: tuple[Path, int]) -> None:
    """Every use-of-force case overdue at the stamp is named, whatever month it is from."""
    pdf, fid = october
    with demo_services.engine.connect() as conn:
        overdue = [int(r[0]) for r in conn.execute(text(
            f"SELECT d.incident_id FROM duties d JOIN incidents i ON i.id = d.incident_id "
            f"WHERE d.kind = 'force_case' AND i.facility_id = :f AND i.{COUNTED} "
            "AND i.registered_at <= :stamp AND d.created_at <= :stamp AND d.state != 'done' "
            "AND (d.closed_at IS NULL OR d.closed_at > :stamp) AND d.due_at < :stamp "
            "ORDER BY i.local_date, d.id"), {"f": fid, "stamp": STAMP.replace(tzinfo=None)})]
    first = re.sub(r"\s+", " ", page_texts(pdf)[0])
    assert overdue, "the demo year has overdue use-of-force cases"
    noun = "magtanvendelse" if len(overdue) == 1 else "magtanvendelser"
    assert f"{len(overdue)} {noun} er ikke indberettet inden fristen" in first
    for incident_id in overdue[:8]:
        assert f"#{incident_id}" in first


def test_export_is_audited_and_provenance_printed(demo_services: Services, manager: Actor,
                                                  october: tuple[Path, int]) -> None:
    pdf, _ = october
    with demo_services.session_factory() as session:
        rows = [e for e in audit.entries(session) if e.action == AuditAction.EXPORT.value]
    assert rows and rows[0].entity == "report_monthly" and rows[0].entity_id == "oktober.pdf"
    assert rows[0].details["facilities"] == ["HAV"] and len(rows[0].details["sha256"]) == 64
    last = page_texts(pdf)[-1]
    for expected in ("Omfang og oprindelse", "Mette Lund (mette)", "01.11.2026 kl. 09:00", "2026.1",
                     "Sådan er tallene gjort op", "september 2026 og oktober 2025"):
        assert expected in last


def test_english_on_request(demo_services: Services, manager: Actor, tmp_path: Path) -> None:
    fid = facility_id(demo_services, manager, "HAV")
    data = demo_services.reports.monthly(
        manager, ReportRequest.month(2026, 10, (fid,), as_of=STAMP, language="en"))
    target = tmp_path / "october.pdf"
    target.write_bytes(render_monthly(data))
    first = page_texts(target)[0]
    assert "Monthly report – October 2026" in first and "Page 1 of" in first
    assert "The month in numbers" in first and "hændelser" not in first
