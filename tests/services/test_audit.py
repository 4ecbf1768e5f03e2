"""The audit log records every use of personal data: who, what, which record, about which resident.

Each test does one thing a user does and reads back exactly the rows that one thing wrote.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from safetylog.domain.enums import PersonRole, Role, Severity
from safetylog.domain.errors import AuthenticationError, ValidationError
from safetylog.domain.records import (
    BvcInput,
    IncidentFilter,
    InvolvedResident,
    MeetingInput,
    TypeChoice,
)
from safetylog.domain.timeutil import utcnow
from safetylog.services.reports import ReportRequest
from safetylog.storage.models import AuditRow, User
from tests.conftest import PASSWORD, World
from tests.factories import incident_input, last_audit_id
from tests.versions import user_version


def _logged(world: World, after: int) -> list[dict[str, Any]]:
    """Every column of the audit rows written after ``after``, oldest first."""
    with world.services.engine.connect() as conn:
        rows = conn.execute(select(AuditRow).where(AuditRow.id > after).order_by(AuditRow.id))
        return [dict(row._mapping) for row in rows]


def _only(world: World, after: int) -> dict[str, Any]:
    rows = _logged(world, after)
    assert len(rows) == 1, rows
    return rows[0]


def _by(world: World, role: Role) -> dict[str, Any]:
    actor = world.actor(role)
    return {"user_id": actor.user_id, "username": actor.username, "workstation": "test"}


def _subset(row: dict[str, Any], **expected: Any) -> None:
    assert {key: row[key] for key in expected} == expected


# --- reads and searches ---------------------------------------------------------------------------


def test_reading_an_incident_names_the_reader_the_record_and_the_resident(world: World) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    mark = last_audit_id(world.services.engine)
    world.services.incidents.get(world.actor(Role.NIGHT_STAFF), detail.id)
    row = _only(world, mark)
    _subset(row, action="read", entity="incident", entity_id=str(detail.id),
            subject_resident_id=world.residents[0].id, **_by(world, Role.NIGHT_STAFF))


def test_a_search_records_its_criteria_and_the_resident_searched_for(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    for _ in range(3):
        world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    mark = last_audit_id(world.services.engine)
    criteria = IncidentFilter(date_from=date(2026, 1, 1), facility_ids=(world.facility.id,),
                              severities=(Severity.S3,), resident_id=world.residents[0].id,
                              text="knust flaske")
    page = world.services.queries.page(manager, criteria, limit=2)
    row = _only(world, mark)
    _subset(row, action="search", entity="incident", subject_resident_id=world.residents[0].id,
            **_by(world, Role.MANAGER))
    assert row["details"]["criteria"] == {
        "date_from": "2026-01-01", "facility_ids": [str(world.facility.id)], "severities": ["S3"],
        "resident_id": str(world.residents[0].id), "text": "knust flaske"}
    # Scrolling on reads more incidents: the next page is one read row naming their residents.
    mark = last_audit_id(world.services.engine)
    world.services.queries.page(manager, criteria, after=page.next_cursor, limit=2)
    (more,) = _logged(world, mark)
    _subset(more, action="read", entity="incident", **_by(world, Role.MANAGER))


def test_listing_residents_and_reading_brøset_history_are_logged(world: World) -> None:
    staff = world.actor(Role.STAFF)
    mark = last_audit_id(world.services.engine)
    world.services.residents.list(staff, world.facility.id)
    world.services.bvc.history(staff, world.residents[1].id)
    listed, history = _logged(world, mark)
    _subset(listed, action="read", entity="resident", entity_id="*", **_by(world, Role.STAFF))
    assert listed["details"]["count"] == 2
    _subset(history, action="read", entity="bvc_assessment", subject_resident_id=world.residents[1].id)


def test_identity_look_up_records_the_purpose(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    identity = world.services.residents.identity(world.actor(Role.MANAGER), world.residents[0].id,
                                                 "Underretning til pårørende")
    assert identity.full_name == "Jens Jensen"
    row = _only(world, mark)
    _subset(row, action="read", entity="resident_identity", entity_id=str(world.residents[0].id),
            subject_resident_id=world.residents[0].id, **_by(world, Role.MANAGER))
    assert row["details"] == {"purpose": "Underretning til pårørende"}


def test_a_refused_identity_look_up_writes_nothing(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    with pytest.raises(ValidationError):
        world.services.residents.identity(world.actor(Role.MANAGER), world.residents[0].id, " ")
    assert _logged(world, mark) == []


# --- changes -------------------------------------------------------------------------------------


def test_logging_an_incident_writes_one_create_row_with_its_types(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(
        world, types=(TypeChoice("VIO-PHY"), TypeChoice("POL-CALL"))))
    row = _only(world, mark)
    _subset(row, action="create", entity="incident", entity_id=str(detail.id), **_by(world, Role.STAFF))
    assert row["details"]["facility_id"] == world.facility.id
    assert row["details"]["types"] == ["VIO-PHY", "POL-CALL"]


def test_a_refused_entry_writes_no_audit_row(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    with pytest.raises(ValidationError):
        world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world, narrative=""))
    assert _logged(world, mark) == []


def test_corrections_overrides_notes_and_sign_off_are_updates_with_their_reason(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    mark = last_audit_id(world.services.engine)
    detail = world.services.incidents.correct(
        manager, detail.id, incident_input(world, narrative="B-101 truede med en flaske."),
        reason="Præcisering", expected_version=detail.version)
    detail = world.services.incidents.override_severity(
        manager, detail.id, Severity.S4, reason="Reel fare", expected_version=detail.version)
    note = world.services.incidents.add_addendum(manager, detail.id, "Samtale holdt", "review_note")
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    rows = _logged(world, mark)
    changed = [(r["action"], r["entity"], r["entity_id"]) for r in rows]
    assert changed == [("update", "incident", str(detail.id))] * 4
    assert all(r["username"] == "manager" for r in rows)
    assert rows[0]["details"] == {"change": "correction", "reason": "Præcisering"}
    assert rows[1]["details"] == {"change": "severity_override", "severity_from": "S3",
                                  "severity_to": "S4", "reason": "Reel fare"}
    assert rows[2]["details"] == {"change": "review_note", "addendum_id": note.id}
    assert rows[3]["details"] == {"change": "sign_off"}


def test_new_resident_and_brøset_assessment_name_the_resident(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    resident = world.services.residents.add(world.actor(Role.MANAGER), world.facility.id, "B-103")
    world.services.bvc.record(world.actor(Role.NIGHT_STAFF), BvcInput(resident.id, utcnow(), irritable=True))
    created, assessed = _logged(world, mark)
    _subset(created, action="create", entity="resident", entity_id=str(resident.id),
            subject_resident_id=resident.id, **_by(world, Role.MANAGER))
    _subset(assessed, action="create", entity="bvc_assessment", subject_resident_id=resident.id,
            **_by(world, Role.NIGHT_STAFF))


def test_a_disclosure_decision_records_resident_meeting_and_legal_basis(world: World) -> None:
    coordinator = world.actor(Role.PSP_COORDINATOR)
    meeting = world.services.psp.create_meeting(
        coordinator, MeetingInput(date(2026, 11, 10), "Østjylland", (world.facility.id,)))
    mark = last_audit_id(world.services.engine)
    decision = world.services.psp.decide_disclosure(
        coordinator, world.residents[0].id, meeting.id, necessity_note="Gentagne trusler i opgangen")
    row = _only(world, mark)
    _subset(row, action="disclose", entity="psp_disclosure", entity_id=str(decision.id),
            subject_resident_id=world.residents[0].id, **_by(world, Role.PSP_COORDINATOR))
    assert row["details"] == {"meeting_id": meeting.id, "legal_basis": "Retsplejelovens § 115"}


def test_exports_record_the_file_and_every_disclosed_resident(world: World, tmp_path: Path) -> None:
    coordinator = world.actor(Role.PSP_COORDINATOR)
    today = utcnow().date()
    meeting = world.services.psp.create_meeting(
        coordinator, MeetingInput(today, "Østjylland", (world.facility.id,)))
    world.services.psp.decide_disclosure(coordinator, world.residents[1].id, meeting.id,
                                         necessity_note="Salg af hash i gården")
    world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world, residents=(
        InvolvedResident(world.residents[1].id, PersonRole.SELLER),), types=(TypeChoice("DRG-DEAL"),)))
    mark = last_audit_id(world.services.engine)
    request = ReportRequest.month(today.year, today.month, meeting_id=meeting.id)
    receipt = world.services.reports.export_psp(coordinator, request, lambda _data: b"%PDF-1.4",
                                                tmp_path / "psp-pakke.pdf")
    exported, disclosed = _logged(world, mark)
    _subset(exported, action="export", entity="report_psp", entity_id="psp-pakke.pdf",
            **_by(world, Role.PSP_COORDINATOR))
    assert exported["details"]["sha256"] == receipt.sha256
    assert exported["details"]["disclosed"] == 1
    _subset(disclosed, action="disclose", entity="psp_pack", subject_resident_id=world.residents[1].id)
    assert disclosed["details"]["file"] == "psp-pakke.pdf"


def test_a_whole_database_export_is_logged(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    world.services.exchange.export_document(world.actor(Role.ADMIN))
    _subset(_only(world, mark), action="export", entity="database", **_by(world, Role.ADMIN))


# --- logins ----------------------------------------------------------------------------------------


def test_login_and_logout_are_logged_with_the_workstation(world: World) -> None:
    mark = last_audit_id(world.services.engine)
    actor = world.services.auth.login("staff", PASSWORD, workstation="kontor-pc-2")
    world.services.auth.lock(actor)
    unlocked = world.services.auth.unlock("staff", PASSWORD, actor, workstation="kontor-pc-2")
    world.services.auth.logout(unlocked)  # the unlock opened a fresh session and ended the old one
    rows = _logged(world, mark)
    assert [r["action"] for r in rows] == ["login", "lock", "login", "unlock", "logout"]
    assert {(r["user_id"], r["username"], r["workstation"], r["entity"]) for r in rows} == {
        (actor.user_id, "staff", "kontor-pc-2", "user")}


def test_failed_logins_name_a_real_user_but_keep_no_typed_name_and_are_counted(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from safetylog.services import sessions

    mark = last_audit_id(world.services.engine)
    for name, password in (("staff", "forkert-kodeord"), ("ukendt", PASSWORD)):
        with pytest.raises(AuthenticationError):
            world.services.auth.login(name, password, workstation="kontor-pc-2")
    wrong_password, unknown = _logged(world, mark)
    staff_id = world.actor(Role.STAFF).user_id
    _subset(wrong_password, action="login_failed", entity="user", entity_id=str(staff_id),
            user_id=None, username="staff")
    # A name that is no user may be a password typed in the wrong field: it is not kept.
    _subset(unknown, action="login_failed", entity_id="", user_id=None, username="?")
    assert "ukendt" not in repr(unknown["details"])
    assert wrong_password["details"] == {"workstation": "kontor-pc-2", "reason": "wrong_password",
                                         "failures": 1}
    with world.services.session_factory() as session:
        user = session.scalars(select(User).where(User.username == "staff")).one()
        assert user.failed_logins == 1
    later = utcnow() + timedelta(seconds=2)  # after the one-second delay the wrong password earned
    monkeypatch.setattr(sessions, "now", lambda: later)
    world.services.auth.login("staff", PASSWORD, workstation="kontor-pc-2")
    with world.services.session_factory() as session:
        assert session.scalars(select(User).where(User.username == "staff")).one().failed_logins == 0


def test_a_deactivated_account_cannot_log_in_and_the_attempt_is_logged(world: World) -> None:
    world.services.admin.deactivate(world.actor(Role.ADMIN), "night_staff",
                                    expected_version=user_version(world.services, "night_staff"))
    mark = last_audit_id(world.services.engine)
    with pytest.raises(AuthenticationError):
        world.services.auth.login("night_staff", PASSWORD, workstation="pc")
    _subset(_only(world, mark), action="login_failed", username="night_staff")
