"""The PSP pack: protected aggregates that match the database, a disclosed resident named with
meeting and legal basis (and audited), nobody else named, and the confidentiality marking."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from sqlalchemy import text

from reports.psp_pack import render_psp_pack
from safetylog.domain.enums import AuditAction
from safetylog.domain.records import Actor
from safetylog.services import audit
from safetylog.services.cell_keys import SECRET_SETTING
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from safetylog.summaries import cell_key
from tests.reports.conftest import PSP_STAMP
from tests.reports.pdfcheck import page_texts, row_numbers

PERIOD = (date(2026, 9, 10), date(2026, 10, 21))  # since the last meeting, before the next one
# Counted: not a draft, and already registered at the pack's stamp (PSP_STAMP, stored as UTC).
COUNTED = "status IN ('submitted', 'reviewed', 'locked') AND registered_at <= '2026-10-21 12:00:00'"


def export(services: Services, actor: Actor, target: Path, **options: object) -> Path:
    request = ReportRequest(*PERIOD, as_of=PSP_STAMP, **options)  # type: ignore[arg-type]
    services.reports.export_psp(actor, request, render_psp_pack, target)
    return target


def secret(services: Services) -> bytes:
    with services.engine.connect() as conn:
        stored = conn.execute(text("SELECT value FROM settings WHERE key = :k"),
                              {"k": SECRET_SETTING}).scalar_one()
    value = stored if isinstance(stored, dict) else json.loads(stored)
    return bytes.fromhex(value["value"])


def expected(services: Services, ids: list[int]) -> str:
    """The published cell for these incidents, computed here from the method's definition."""
    key = cell_key.cell_key(cell_key.record_key(secret(services), i) for i in ids)
    return cell_key.published(len(ids), key)


def ids_by(services: Services, sql: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    with services.engine.connect() as conn:
        for group, incident_id in conn.execute(text(sql), {"a": PERIOD[0], "b": PERIOD[1]}):
            out.setdefault(str(group), []).append(int(incident_id))
    return out


def test_every_count_is_rounded_by_the_cell_key_of_its_incidents(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    pdf = export(demo_services, coordinator, tmp_path / "psp.pdf")
    overview = next(p for p in page_texts(pdf) if "Overblik" in p)
    groups = ids_by(demo_services, f"SELECT primary_type, id FROM incidents WHERE {COUNTED} "
                                   "AND local_date BETWEEN :a AND :b")
    cells = {code: expected(demo_services, ids) for code, ids in groups.items()}
    assert "<5" in cells.values(), "the demo period must have small counts"
    for code, cell in cells.items():
        assert row_numbers(overview, code)[0] == cell, code
    everything = [i for ids in groups.values() for i in ids]
    assert row_numbers(overview, "I alt")[0] == expected(demo_services, everything)
    # no exact count survives: every figure is 0, "<5" or a multiple of 5
    for code in groups:
        first = row_numbers(overview, code)[0]
        assert first in ("<5", "0") or int(first) % 5 == 0
    assert "cellerne lægges ikke nødvendigvis sammen til totalen" in re.sub(
        r"\s+", " ", "\n".join(page_texts(pdf)))


def test_police_and_drug_figures_are_protected_aggregates(
        demo_services: Services, coordinator: Actor, tmp_path: Path) -> None:
    pdf = export(demo_services, coordinator, tmp_path / "psp.pdf")
    whole = "\n".join(page_texts(pdf))
    filed = ids_by(demo_services, f"SELECT 'x', p.incident_id FROM incident_police p JOIN incidents i "
                                  f"ON i.id = p.incident_id WHERE p.report_filed AND i.{COUNTED} "
                                  "AND i.local_date BETWEEN :a AND :b").get("x", [])
    deals = ids_by(demo_services, f"SELECT DISTINCT 'x', i.id FROM incidents i JOIN incident_types t "
                                  f"ON t.incident_id = i.id WHERE t.code = 'DRG-DEAL' AND i.{COUNTED} "
                                  "AND i.local_date BETWEEN :a AND :b").get("x", [])
    with demo_services.engine.connect() as conn:
        journals = [str(r[0]) for r in conn.execute(text(
            "SELECT journal_no FROM incident_police WHERE journal_no != ''"))]
    assert row_numbers(whole, "Politianmeldelser") == [expected(demo_services, filed)]
    assert f"Narkotikahandel observeret: {expected(demo_services, deals)}" in whole
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
