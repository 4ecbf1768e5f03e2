"""The PSP pack: suppressed aggregates that match the database, a disclosed resident named with
meeting and legal basis (and audited), nobody else named, and the confidentiality marking."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from sqlalchemy import text

from reports.psp_pack import render_psp_pack
from reports.suppression import column
from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor
from safetylog.services import audit
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import PSP_STAMP
from tests.reports.pdfcheck import page_texts, row_numbers

PERIOD = (date(2026, 9, 10), date(2026, 10, 21))  # since the last meeting, before the next one
# Counted: not a draft, and already registered at the pack's stamp (PSP_STAMP, stored as UTC).
COUNTED = "status IN ('submitted', 'reviewed', 'locked') AND registered_at <= '2026-10-21 12:00:00'"


def export(services: Services, actor: Actor, target: Path, **options: object) -> Path:
    request = ReportRequest(*PERIOD, as_of=PSP_STAMP, **options)  # type: ignore[arg-type]
    services.reports.export_psp(actor, request, render_psp_pack, target)
    return target


def primary_counts(services: Services, start: date, end: date) -> dict[str, int]:
    with services.engine.connect() as conn:
        return {str(c): int(n) for c, n in conn.execute(text(
            f"SELECT primary_type, COUNT(*) FROM incidents WHERE {COUNTED} "
            "AND local_date BETWEEN :a AND :b GROUP BY 1"), {"a": start, "b": end})}


def test_counts_under_five_are_suppressed_and_cannot_be_worked_back(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    pdf = export(demo_services, coordinator, tmp_path / "psp.pdf")
    overview = next(p for p in page_texts(pdf) if "Overblik" in p)
    counts = primary_counts(demo_services, *PERIOD)
    codes = sorted(counts)
    expected = column([counts[c] for c in codes])
    assert any(cell == "<5" for cell in expected), "the demo period must have small counts"
    for code, cell in zip(codes, expected, strict=True):
        assert row_numbers(overview, code)[0] == cell, code
    if sum(cell == "<5" for cell in expected) == 1:
        assert "*" in expected
    assert row_numbers(overview, "I alt")[0] == str(sum(counts.values()))
    # no exact small number survives anywhere in the overview's type rows
    for code in codes:
        first = row_numbers(overview, code)[0]
        assert first in ("<5", "*", "0") or int(first) >= 5


def test_police_and_drug_figures_are_suppressed_aggregates(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    pdf = export(demo_services, coordinator, tmp_path / "psp.pdf")
    whole = "\n".join(page_texts(pdf))
    with demo_services.engine.connect() as conn:
        reports_filed = int(conn.execute(text(
            f"SELECT COUNT(*) FROM incident_police p JOIN incidents i ON i.id = p.incident_id "
            f"WHERE p.report_filed AND i.{COUNTED} AND i.local_date BETWEEN :a AND :b"),
            {"a": PERIOD[0], "b": PERIOD[1]}).scalar_one())
        deals = int(conn.execute(text(
            f"SELECT COUNT(DISTINCT i.id) FROM incidents i JOIN incident_types t ON t.incident_id = i.id "
            f"WHERE t.code = 'DRG-DEAL' AND i.{COUNTED} AND i.local_date BETWEEN :a AND :b"),
            {"a": PERIOD[0], "b": PERIOD[1]}).scalar_one())
        journals = [str(r[0]) for r in conn.execute(text(
            "SELECT journal_no FROM incident_police WHERE journal_no != ''"))]
    expected = "<5" if 0 < reports_filed < 5 else str(reports_filed)
    assert row_numbers(whole, "Politianmeldelser") == [expected]
    assert f"Narkotikahandel observeret: {'<5' if 0 < deals < 5 else deals}" in whole
    assert journals and not [j for j in journals if j in whole], "journal numbers stay internal"


def test_disclosed_resident_is_named_with_meeting_and_basis_and_audited(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    pdf = export(demo_services, coordinator, tmp_path / "psp.pdf")
    pages = page_texts(pdf)
    whole = re.sub(r"[ \t]+", " ", "\n".join(pages))
    with demo_services.engine.connect() as conn:
        disclosed = conn.execute(text(
            "SELECT r.id, r.pseudonym, m.held_on FROM psp_disclosures d JOIN residents r "
            "ON r.id = d.resident_id JOIN psp_meetings m ON m.id = d.meeting_id")).one()
        others = [str(r[0]) for r in conn.execute(text("SELECT pseudonym FROM residents WHERE id != :r"),
                                                  {"r": disclosed[0]})]
        names = [str(r[0]) for r in conn.execute(text("SELECT full_name FROM resident_identities"))]
        incidents = int(conn.execute(text(
            f"SELECT COUNT(*) FROM incidents i JOIN incident_residents ir ON ir.incident_id = i.id "
            f"WHERE ir.resident_id = :r AND i.{COUNTED} AND i.local_date BETWEEN :a AND :b"),
            {"r": disclosed[0], "a": PERIOD[0], "b": PERIOD[1]}).scalar_one())
    assert f"{disclosed[1]} (HAV)" in whole
    assert "Videregives til PSP-mødet 22. oktober 2026 med hjemmel i Retsplejelovens § 115" in whole
    assert f"Hændelser i perioden: {incidents}" in whole
    assert not [p for p in others if re.search(rf"\b{re.escape(p)}\b", whole)]
    assert not [n for n in names if n and n in whole]
    assert all("Fortroligt – PSP, jf. retsplejelovens § 115" in page for page in pages)
    assert "Hvad pakken bevidst udelader" in whole and "§ 115, stk. 2" in whole
    with demo_services.session_factory() as session:
        rows = audit.entries(session, subject_resident_id=disclosed[0])
    named = [r for r in rows if r.action == AuditAction.DISCLOSE.value and r.entity == "psp_pack"]
    assert len(named) == 1 and named[0].details["file"] == "psp.pdf"
    assert named[0].details["legal_basis"] == "Retsplejelovens § 115"


def test_resident_disclosed_to_another_meeting_is_not_named(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    meeting = demo_services.psp.meetings(coordinator)[1]  # the meeting before the disclosure's
    request = ReportRequest(date(2026, 7, 30), meeting.held_on, as_of=PSP_STAMP, meeting_id=meeting.id)
    receipt = demo_services.reports.export_psp(coordinator, request, render_psp_pack, tmp_path / "p.pdf")
    whole = "\n".join(page_texts(receipt.path))
    assert receipt.disclosed == ()
    assert "Ingen beboere er besluttet videregivet til dette møde." in whole
    assert not re.search(r"\bH-101\b", whole)


def test_agreements_and_carried_action_items_are_listed(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    data = demo_services.reports.psp_pack(coordinator, ReportRequest(*PERIOD, as_of=PSP_STAMP))
    pdf = tmp_path / "psp.pdf"
    pdf.write_bytes(render_psp_pack(data))
    whole = re.sub(r"\s+", " ", "\n".join(page_texts(pdf)))
    assert data.agreements and data.actions
    assert "Øget patruljering ved gården" in whole and "udløbet" in whole  # valid to May 2026
    for action in data.actions:
        assert action.owner in whole
    assert any(a.times_carried > 0 for a in data.actions)
