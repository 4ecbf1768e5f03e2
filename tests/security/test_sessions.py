"""Attacks through a session or a side door: a forged Actor, a login that outlives its truth,
an identity look-up or export at an unattended screen, and the doors around the role rules.
Each test fails if the protection it names is removed."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from safetylog.domain.enums import DrugActivity, Role
from safetylog.domain.errors import (
    AuthenticationError,
    PermissionDenied,
    ReauthenticationRequired,
    SessionEnded,
    ValidationError,
)
from safetylog.domain.records import (
    Actor,
    BvcInput,
    DrugObservation,
    IncidentFilter,
    MeetingInput,
    PoliceContact,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.reports import ReportRequest
from safetylog.services.settings import IDLE_LOCK_MINUTES
from tests.conftest import PASSWORD, World
from tests.factories import incident_input
from tests.security.conftest import Clock
from tests.versions import setting_version, user_version

NS, S, M, P, A = Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER, Role.PSP_COORDINATOR, Role.ADMIN


# --- a forged Actor -----------------------------------------------------------------------------


def test_an_actor_built_by_hand_for_a_real_user_is_refused(world: World) -> None:
    real = world.actor(M)
    forged = Actor(real.user_id, real.username, real.display_name, real.role, real.all_facilities,
                   real.facility_ids)
    with pytest.raises(SessionEnded):
        world.services.residents.identity(forged, world.residents[0].id, "Pårørende")


def test_an_actor_carrying_another_users_token_is_refused(world: World) -> None:
    manager, staff = world.actor(M), world.actor(S)
    forged = replace(manager, session_token=staff.session_token)
    with pytest.raises(SessionEnded):
        world.services.queries.count(forged)


def test_a_copied_actor_with_a_higher_role_gains_nothing(world: World) -> None:
    staff = world.actor(S)
    promoted = replace(staff, role=M, all_facilities=True)
    with pytest.raises(PermissionDenied):
        world.services.residents.identity(promoted, world.residents[0].id, "Pårørende")
    elsewhere = world.services.incidents.submit(world.actor(M), incident_input(
        world, facility_id=world.other_facility.id, zone_id=None, residents=()))
    assert world.services.queries.count(replace(staff, all_facilities=True)) == 0
    assert elsewhere.id


# --- sessions follow the truth ------------------------------------------------------------------


def test_a_deactivated_users_open_session_is_refused_at_its_next_call(world: World) -> None:
    night = world.actor(NS)
    assert world.services.queries.count(night) == 0
    world.services.admin.deactivate(world.actor(A), "night_staff",
                                    expected_version=user_version(world.services, "night_staff"))
    with pytest.raises(SessionEnded):
        world.services.queries.count(night)
    with pytest.raises(AuthenticationError):
        world.services.auth.login("night_staff", PASSWORD, workstation="pc")


def test_a_role_change_applies_at_the_next_call(world: World) -> None:
    manager = world.actor(M)
    world.services.residents.identity(manager, world.residents[0].id, "Pårørende")
    world.services.admin.set_role(world.actor(A), "manager", S,
                                  expected_version=user_version(world.services, "manager"))
    with pytest.raises(PermissionDenied):
        world.services.residents.identity(manager, world.residents[0].id, "Pårørende")


def test_a_session_older_than_12_hours_is_refused(world: World, clock: Clock) -> None:
    staff = world.actor(S)
    clock.advance(hours=11, minutes=59)
    world.services.queries.count(staff)
    clock.advance(minutes=2)
    with pytest.raises(SessionEnded):
        world.services.queries.count(staff)


def test_logout_ends_the_session(world: World) -> None:
    staff = world.actor(S)
    world.services.auth.logout(staff)
    with pytest.raises(SessionEnded):
        world.services.queries.count(staff)


def test_unlocking_opens_a_fresh_session_and_ends_the_locked_one(world: World) -> None:
    night = world.actor(NS)
    world.services.auth.lock(night)
    staff = world.services.auth.unlock("staff", PASSWORD, night, workstation="pc")
    assert staff.username == "staff" and staff.session_token != night.session_token
    assert world.services.queries.count(staff) == 0
    with pytest.raises(SessionEnded):
        world.services.queries.count(night)
    again = world.services.auth.unlock("staff", PASSWORD, staff, workstation="pc")
    assert world.services.queries.count(again) == 0
    with pytest.raises(SessionEnded):
        world.services.queries.count(staff)


def test_the_idle_lock_is_at_most_30_minutes(world: World) -> None:
    admin = world.actor(A)
    world.services.settings.set(admin, IDLE_LOCK_MINUTES, 30,
                                expected_version=setting_version(world.services, IDLE_LOCK_MINUTES))
    with pytest.raises(ValidationError):
        world.services.settings.set(admin, IDLE_LOCK_MINUTES, 31,
                                    expected_version=setting_version(world.services, IDLE_LOCK_MINUTES))


# --- the password again for identities, disclosures and exports ---------------------------------


def _month() -> ReportRequest:
    today = datetime.now(COPENHAGEN).date()
    return ReportRequest.month(today.year, today.month)


def test_identity_disclosure_and_exports_ask_again_after_five_minutes(
        world: World, clock: Clock, tmp_path: Path) -> None:
    manager, admin = world.actor(M), world.actor(A)
    meeting = world.services.psp.create_meeting(
        manager, MeetingInput(date(2026, 11, 5), "Politikreds", (world.facility.id,)))
    clock.advance(minutes=6)
    calls = {
        "identity": lambda: world.services.residents.identity(manager, world.residents[0].id, "Læge"),
        "disclosure": lambda: world.services.psp.decide_disclosure(
            manager, world.residents[0].id, meeting.id, necessity_note="Gentagne trusler"),
        "monthly": lambda: world.services.reports.export_monthly(
            manager, _month(), lambda _d: b"%PDF", tmp_path / "m.pdf"),
        "psp": lambda: world.services.reports.export_psp(
            manager, _month(), lambda _d: b"%PDF", tmp_path / "p.pdf"),
        "records": lambda: world.services.reports.export_records(
            manager, _month(), report="monthly", fmt="csv", target=tmp_path / "m.csv"),
        "database": lambda: world.services.exchange.export_document(admin),
        "database file": lambda: world.services.exchange.export_to(
            admin, tmp_path / "db.safetylog", passphrase="en lang og hemmelig sætning"),
    }
    for name, call in calls.items():
        with pytest.raises(ReauthenticationRequired):
            call()
        assert not (tmp_path / "m.pdf").exists(), name
    with pytest.raises(AuthenticationError):
        world.services.auth.reauthenticate(manager, "forkert-kodeord-9")
    clock.advance(seconds=2)
    world.services.auth.reauthenticate(manager, PASSWORD)
    world.services.auth.reauthenticate(admin, PASSWORD)
    for call in calls.values():
        call()
    # A preview is not an export: reading the report needs no password again.
    clock.advance(minutes=6)
    world.services.reports.monthly(manager, _month())


# --- night staff's 14 days hold through every door ----------------------------------------------


def _days_ago(days: float) -> datetime:
    return datetime.now(COPENHAGEN) - timedelta(days=days)


def test_night_staff_see_no_old_duties_of_others(world: World) -> None:
    night, manager = world.actor(NS), world.actor(M)
    old = world.services.incidents.submit(world.actor(S), incident_input(
        world, occurred_start=_days_ago(20), types=(TypeChoice("POL-RPT"),)))
    own = world.services.incidents.submit(night, incident_input(
        world, occurred_start=_days_ago(20), types=(TypeChoice("POL-RPT"),)))
    recent = world.services.incidents.submit(world.actor(S), incident_input(
        world, occurred_start=_days_ago(2), types=(TypeChoice("POL-RPT"),)))
    old_duty = world.services.duties.find(manager, incident_id=old.id)[0]
    seen = {d.incident_id for d in world.services.duties.find(night, open_only=False)}
    assert seen == {own.id, recent.id}
    assert {d.incident_id for d in world.services.incidents.duties(night, open_only=False)} == {
        own.id, recent.id}
    with pytest.raises(PermissionDenied):
        world.services.duties.get(night, old_duty.id)
    assert world.services.duties.find(world.actor(S), incident_id=old.id)


def test_night_staff_see_no_old_brøset_assessments_of_others(world: World) -> None:
    night, staff = world.actor(NS), world.actor(S)
    resident = world.residents[0].id
    world.services.bvc.record(staff, BvcInput(resident, _days_ago(20), irritable=True,
                                              actions="Talt ned"))
    world.services.bvc.record(night, BvcInput(resident, _days_ago(19), confused=True))
    world.services.bvc.record(staff, BvcInput(resident, _days_ago(1)))
    assert len(world.services.bvc.history(staff, resident)) == 3
    seen = world.services.bvc.history(night, resident)
    assert len(seen) == 2 and all(r.assessed_at > _days_ago(19.5) for r in seen)
    assert world.services.bvc.latest(night, resident, at=_days_ago(20) + timedelta(hours=1)) is None
    assert world.services.bvc.latest(staff, resident, at=_days_ago(20) + timedelta(hours=1))


# --- the PSP coordinator reads no narratives ----------------------------------------------------


def test_the_psp_coordinator_reads_no_narrative_through_any_door(world: World) -> None:
    coordinator, staff, manager = world.actor(P), world.actor(S), world.actor(M)
    secret = "Hemmelig beskrivelse af B-101"
    drug = DrugObservation(activities=(DrugActivity.SALE,), substances=("hash",), sellers_count=1,
                           sellers_description="høj mand i rød jakke", vehicles="hvid varevogn")
    incident = world.services.incidents.submit(staff, incident_input(
        world, narrative=secret, types=(TypeChoice("DRG-DEAL"), TypeChoice("POL-RPT")), drug=drug))
    [duty] = [d for d in world.services.duties.find(manager, incident_id=incident.id)
              if d.kind == "police_report"]
    world.services.duties.update(manager, duty.id, {"note": secret}, expected_version=duty.version)
    world.services.bvc.record(staff, BvcInput(world.residents[0].id, _days_ago(0.1),
                                              actions=secret))

    with pytest.raises(PermissionDenied):
        world.services.incidents.get(coordinator, incident.id)
    with pytest.raises(PermissionDenied):
        world.services.queries.page(coordinator, IncidentFilter(text="Hemmelig"))
    with pytest.raises(PermissionDenied):
        world.services.queries.count(coordinator, IncidentFilter(text="Hemmelig"))
    seen = [
        world.services.queries.page(coordinator).rows,
        world.services.drug_patterns.observations(coordinator).rows,
        world.services.duties.find(coordinator, incident_id=incident.id),
        world.services.duties.get(coordinator, duty.id),
        world.services.incidents.duties(coordinator),
        world.services.bvc.history(coordinator, world.residents[0].id),
        world.services.bvc.latest(coordinator, world.residents[0].id),
    ]
    shown = repr(seen)
    for text in (secret, "høj mand", "varevogn"):
        assert text not in shown, text
    assert world.services.queries.page(coordinator).rows[0].id == incident.id  # the row, no text
    assert world.services.drug_patterns.pattern(coordinator).total == 1  # aggregates stay
    # Everyone who writes incidents still reads them.
    assert secret in repr(world.services.queries.page(staff).rows)
    assert world.services.incidents.get(staff, incident.id).narrative == secret


# --- the police journal number, in every version --------------------------------------------------


def test_the_police_journal_number_is_masked_in_the_version_history(world: World) -> None:
    staff, manager = world.actor(S), world.actor(M)
    journal = "3700-80512-00123-26"
    police = PoliceContact(called=True, report_filed=True, journal_no=journal)
    first = world.services.incidents.submit(manager, incident_input(world, police=police))
    world.services.incidents.correct(manager, first.id, incident_input(world, police=police,
                                     narrative="Rettet."), reason="Stavefejl",
                                     expected_version=first.version)
    as_staff = world.services.incidents.get(staff, first.id)
    assert len(as_staff.versions) == 2
    assert journal not in repr(as_staff)
    assert all(v.snapshot["police"]["journal_no"] == "***" for v in as_staff.versions)
    as_manager = world.services.incidents.get(manager, first.id)
    assert all(v.snapshot["police"]["journal_no"] == journal for v in as_manager.versions)


# --- no CPR number in any text a user writes or searches ------------------------------------------


CPR_SPELLINGS = ["0101901234", "010190-1234", "010190 1234", "01.01.90-1234", "01 01 90 1234",
                 "01-01-90-1234", "01/01/90-1234", "010190\u00a01234", "010190\u20131234",
                 "01.01.90 \u2013 1234"]


@pytest.mark.parametrize("cpr", CPR_SPELLINGS)
def test_a_cpr_number_is_refused_in_narratives_drafts_notes_and_search(world: World,
                                                                        cpr: str) -> None:
    staff, manager = world.actor(S), world.actor(M)
    text = f"Beboeren ({cpr}) slog ud"
    with pytest.raises(ValidationError) as refused:
        world.services.incidents.submit(staff, incident_input(world, narrative=text))
    assert refused.value.problems["narrative"].code == "cpr_number"
    with pytest.raises(ValidationError) as draft:
        world.services.incidents.save_draft(staff, {"narrative": text, "types": ["VIO-THR"]})
    assert draft.value.problems["narrative"].code == "cpr_number"
    with pytest.raises(ValidationError):
        world.services.queries.page(staff, IncidentFilter(text=cpr))
    incident = world.services.incidents.submit(staff, incident_input(world))
    with pytest.raises(ValidationError):
        world.services.incidents.add_addendum(staff, incident.id, text)
    with pytest.raises(ValidationError):
        world.services.psp.add_note(manager, world.facility.id, text)


@pytest.mark.parametrize("text", [
    "Ring til vagten på 12 34 56 78 eller 20304050",
    "Kl. 14:30 og igen kl. 23.45 den 01.01.2026",
    "Politiets journalnr. 3700-80512-00123-26",
    "Journalnr. 0100-10112-31226-25 og 1200-80123-00456-26",
    "Regning 2026-0042 på 12.500 kr.",
])
def test_ordinary_numbers_are_not_taken_for_cpr_numbers(world: World, text: str) -> None:
    staff = world.actor(S)
    assert world.services.incidents.submit(staff, incident_input(world, narrative=text)).narrative == text
    world.services.incidents.save_draft(staff, {"narrative": text})
    world.services.queries.page(staff, IncidentFilter(text=text[:20]))
