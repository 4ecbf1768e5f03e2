"""The report service: who may export, field-level refusals, and exports that are written and
audited together (or not at all), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from safetylog.domain.enums import AuditAction, PersonRole, Role
from safetylog.domain.errors import PermissionDenied, ValidationError
from safetylog.domain.records import IncidentInput, InvolvedResident, MeetingInput, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services import audit
from safetylog.services.cell_keys import SECRET_SETTING, record_key_secret
from safetylog.services.reports import ReportRequest
from safetylog.storage.models import Setting
from safetylog.summaries.report_data import MonthlyReportData, PspPackData
from tests.conftest import World

TODAY = datetime.now(COPENHAGEN).date()


def log(world: World, days_ago: int, *types: str) -> int:
    when = datetime.now(COPENHAGEN) - timedelta(days=days_ago, hours=1)
    data = IncidentInput(world.facility.id, when, tuple(TypeChoice(t) for t in types), "Til rapporten.",
                         zone_id=world.zone.id,
                         residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),))
    return world.services.incidents.submit(world.actor(Role.STAFF), data).id


def period() -> ReportRequest:
    return ReportRequest(TODAY - timedelta(days=20), TODAY)


def fake_pdf(data: MonthlyReportData | PspPackData) -> bytes:
    if isinstance(data, PspPackData):  # the pack's figures are its protected tables
        total = data.table("by_type").total
        return f"%PDF psp {total.cells[0] if total else ''}".encode()
    return f"%PDF {data.provenance.report} {data.summary.current.total}".encode()


def exports(world: World) -> list[str]:
    with world.services.session_factory() as session:
        return [e.entity for e in audit.entries(session) if e.action == AuditAction.EXPORT.value]


def test_only_managers_and_psp_coordinators_export(world: World, tmp_path: Path) -> None:
    reports = world.services.reports
    for role in (Role.STAFF, Role.NIGHT_STAFF, Role.ADMIN):
        with pytest.raises(PermissionDenied):
            reports.export_monthly(world.actor(role), period(), fake_pdf, tmp_path / "x.pdf")
    with pytest.raises(PermissionDenied):
        reports.summary(world.actor(Role.NIGHT_STAFF), period())
    assert not (tmp_path / "x.pdf").exists() and exports(world) == []


def test_bad_requests_are_refused_per_field(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    cases = [
        (ReportRequest(TODAY, TODAY - timedelta(days=1)), "date_to"),
        (ReportRequest(TODAY - timedelta(days=800), TODAY), "date_to"),
        (ReportRequest(TODAY, TODAY, facility_ids=(999,)), "facility_ids"),
        (ReportRequest(TODAY, TODAY, type_codes=("NOPE",)), "type_codes"),
        (ReportRequest(TODAY, TODAY, severities=("S9",)), "severities"),
        (ReportRequest(TODAY, TODAY, language="de"), "language"),
    ]
    for request, field in cases:
        with pytest.raises(ValidationError) as caught:
            world.services.reports.monthly(manager, request)
        assert field in caught.value.problems and caught.value.messages("da")[field]


def test_a_user_sees_only_their_facilities(world: World) -> None:
    log(world, 2, "VIO-THR")
    coordinator = world.actor(Role.PSP_COORDINATOR)  # works at Havblik only
    with pytest.raises(ValidationError) as caught:
        world.services.reports.summary(coordinator, ReportRequest(
            TODAY - timedelta(days=5), TODAY, facility_ids=(world.other_facility.id,)))
    assert "facility_ids" in caught.value.problems
    summary = world.services.reports.summary(coordinator, period())
    assert summary.scope.facility_ids == (world.facility.id,) and summary.current.total == 1


def test_export_writes_the_file_and_its_audit_row_together(world: World, tmp_path: Path) -> None:
    log(world, 2, "VIO-THR", "POL-CALL")
    log(world, 3, "DRG-DEAL")
    manager = world.actor(Role.MANAGER)
    receipt = world.services.reports.export_monthly(manager, period(), fake_pdf, tmp_path / "m.pdf")
    assert receipt.path.read_bytes() == b"%PDF monthly 2"
    assert exports(world) == ["report_monthly"]

    def broken(data: MonthlyReportData) -> bytes:
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        world.services.reports.export_monthly(manager, period(), broken, tmp_path / "n.pdf")
    assert not (tmp_path / "n.pdf").exists() and exports(world) == ["report_monthly"]


def test_psp_export_records_each_disclosed_resident(world: World, tmp_path: Path) -> None:
    log(world, 4, "DRG-DEAL")
    coordinator = world.actor(Role.PSP_COORDINATOR)
    meeting = world.services.psp.create_meeting(coordinator, MeetingInput(
        TODAY + timedelta(days=3), "PSP Østjylland", (world.facility.id,), participants="Politi; psykiatri"))
    resident = world.residents[0]
    world.services.psp.decide_disclosure(coordinator, resident.id, meeting.id,
                                         necessity_note="Gentagne trusler; fælles plan nødvendig.")
    request = ReportRequest(TODAY - timedelta(days=20), TODAY, as_of=datetime.now(UTC))
    data = world.services.reports.psp_pack(coordinator, request)
    assert data.meeting is not None and data.meeting.id == meeting.id  # the next meeting by default
    assert [p.pseudonym for p in data.disclosed] == ["B-101"]
    assert [len(p.incidents) for p in data.disclosed] == [1]
    receipt = world.services.reports.export_psp(coordinator, request, fake_pdf, tmp_path / "p.pdf")
    assert receipt.disclosed == ("B-101",)
    with world.services.session_factory() as session:
        rows = audit.entries(session, subject_resident_id=resident.id)
    pack_rows = [r for r in rows if r.entity == "psp_pack"]
    assert [r.action for r in pack_rows] == [AuditAction.DISCLOSE.value, AuditAction.READ.value]
    assert pack_rows[0].details["sha256"] == receipt.sha256
    with pytest.raises(ValidationError) as caught:
        world.services.reports.psp_pack(coordinator, ReportRequest(TODAY, TODAY, meeting_id=9999))
    assert "meeting_id" in caught.value.problems


def test_record_export_refuses_unknown_report_and_format(world: World, tmp_path: Path) -> None:
    manager = world.actor(Role.MANAGER)
    with pytest.raises(ValidationError) as caught:
        world.services.reports.export_records(manager, period(), report="weekly", fmt="doc",
                                              target=tmp_path / "x.doc")
    assert set(caught.value.problems) == {"report", "format"}


def test_month_request_covers_the_calendar_month() -> None:
    request = ReportRequest.month(2028, 2, (1,))
    assert (request.date_from, request.date_to) == (date(2028, 2, 1), date(2028, 2, 29))


def test_the_record_key_secret_is_never_made_in_a_savepoint_that_may_be_rolled_back(
        world: World) -> None:
    """A stamped pack reads the past in a savepoint that is always rolled back: a secret made
    there would be lost, and the next pack would round the same cells differently."""
    with world.services.session_factory() as session, session.begin():
        nested = session.begin_nested()
        with pytest.raises(RuntimeError, match="outside a savepoint"):
            record_key_secret(session)
        nested.rollback()
        made = record_key_secret(session)
    with world.services.session_factory() as session:
        assert record_key_secret(session) == made and len(made) == 32
        assert session.get(Setting, SECRET_SETTING) is not None
