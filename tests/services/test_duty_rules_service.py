"""Duty rules in the services: a new rules file changes new incidents only; Skema 2 is one combined
registration per resident; the 72-hour police decision closes by a report or a reasoned note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from safetylog.classification.workdays import end_of_local_day
from safetylog.domain.enums import InjuredPartyKind, InjuryLevel, PersonRole, Role
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import IncidentDetail, IncidentInput, Injury, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import to_local
from safetylog.services.duty_rules import ENV_VAR
from tests.conftest import World

START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
RULES = Path(__file__).parents[2] / "resources" / "rules" / "duties-2026.2.toml"


def episode(world: World, *types: TypeChoice, start: datetime = START, resident: int = 0,
            staff_hurt: bool = False) -> IncidentInput:
    staff = world.actor(Role.NIGHT_STAFF)
    return IncidentInput(
        facility_id=world.facility.id, occurred_start=start, types=types, narrative="Episode.",
        residents=(InvolvedResident(world.residents[resident].id, PersonRole.AGGRESSOR),),
        injuries=(Injury(InjuredPartyKind.STAFF, InjuryLevel.PAIN_SHORT, user_id=staff.user_id),)
        if staff_hurt else ())


def submit(world: World, data: IncidentInput) -> IncidentDetail:
    detail = world.services.incidents.submit(world.actor(Role.NIGHT_STAFF), data)
    return world.services.incidents.get(world.actor(Role.MANAGER), detail.id)


def kinds(detail: IncidentDetail) -> dict[str, object]:
    return {d.kind: d for d in detail.duties}


def test_a_new_rules_file_changes_new_incidents_only(world: World, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    manager = world.actor(Role.MANAGER)
    violence = TypeChoice("VIO-PHY", "staff")
    before = submit(world, episode(world, violence))
    assert {d.rules_version for d in world.services.duties.find(manager, incident_id=before.id)} == {"2026.2"}

    # The lawyer shortens the police decision to 48 hours from the day of the first incident.
    effective = to_local(START).date()
    (tmp_path / "duties-2027.1.toml").write_text(RULES.read_text(encoding="utf-8").replace(
        'version = "2026.2"', 'version = "2027.1"').replace(
        'effective_from = "2024-07-01"', f'effective_from = "{effective.isoformat()}"').replace(
        'count = 72\nunit = "hours"', 'count = 48\nunit = "hours"'), encoding="utf-8")
    monkeypatch.setenv(ENV_VAR, str(tmp_path))

    after = submit(world, episode(world, violence))
    new_duty = next(d for d in after.duties if d.kind == "police_decision")
    assert new_duty.due_at == START + timedelta(hours=48)
    assert new_duty.details["sources"]["decision"]["rule"] == "48 timer fra episode_start"
    # An incident from before the new file's date still gets the old rules.
    old_day = submit(world, episode(world, violence, start=START - timedelta(days=3)))
    assert next(d for d in old_day.duties if d.kind == "police_decision").due_at == (
        START - timedelta(days=3) + timedelta(hours=72))

    # Correcting the first incident keeps the version its duties were opened under.
    later = START + timedelta(minutes=30)
    corrected = world.services.incidents.correct(
        manager, before.id, episode(world, violence, start=later), reason="Klokkeslæt rettet",
        expected_version=before.version)
    kept = next(d for d in corrected.duties if d.kind == "police_decision")
    assert kept.due_at == later + timedelta(hours=72)
    assert {d.rules_version for d in world.services.duties.find(manager, incident_id=before.id)} == {"2026.2"}
    assert {d.rules_version for d in world.services.duties.find(manager, incident_id=after.id)} == {"2027.1"}

    # A broken local file is left out: entry goes on, and the reason is reported in one line.
    (tmp_path / "duties-2027.2.toml").write_text('version = "2027.2"\n', encoding="utf-8")
    from safetylog.services.duty_rules import rules_problems

    assert submit(world, episode(world, violence)).duties
    assert rules_problems() == ("duties-2027.2.toml, line 1: the file needs 'effective_from', a date "
                                "(YYYY-MM-DD)",)


def test_pre_approved_interventions_share_one_combined_registration_due_when_the_decision_expires(
        world: World) -> None:
    manager = world.actor(Role.MANAGER)
    measure = TypeChoice("FRC", "pre_approved")
    first = submit(world, episode(world, measure))
    second = submit(world, episode(world, measure, start=START + timedelta(hours=5)))
    other = submit(world, episode(world, measure, resident=1))
    combined = [d for d in world.services.duties.find(manager) if d.kind == "force_combined"]
    assert len(combined) == 2  # one per resident
    mine = next(d for d in combined if d.incident_id == first.id)
    assert mine.details["incident_ids"] == [first.id, second.id]
    assert mine.details["recorded_count"] == 2 and mine.due_at is None
    assert not [d for d in second.duties if d.kind == "force_combined"]
    assert other.duties and other.duties[0].kind == "force_combined"

    expires = to_local(datetime.now(UTC)).date() + timedelta(days=40)
    dated = world.services.duties.update(manager, mine.id, {"decision_expires_on": expires},
                                         expected_version=mine.version)
    assert dated.due_at == end_of_local_day(expires)  # due when the municipal decision expires
    with pytest.raises(ValidationError) as missing:
        world.services.duties.update(manager, dated.id, state="done", expected_version=dated.version)
    assert set(missing.value.problems) == {"estimated_count", "sent_to_handlekommune_on",
                                           "sent_to_socialtilsyn_on", "sbst_reference"}
    with pytest.raises(ValidationError) as bad_count:
        world.services.duties.update(manager, dated.id, {"estimated_count": 0},
                                     expected_version=dated.version)
    assert bad_count.value.problems["estimated_count"].code == "out_of_range"


REFUSED = "Beboeren er anbragt på grund af sin adfærd."
REASONS = ("Medarbejderen ønsker ikke anmeldelse; episoden var et enkelt skub under en akut "
           "forvirringstilstand, beboeren har ingen tidligere episoder mod denne medarbejder.")


def test_the_police_decision_closes_by_a_reasoned_dispensation_note_and_refuses_a_generic_one(
        world: World) -> None:
    manager = world.actor(Role.MANAGER)
    detail = submit(world, episode(world, TypeChoice("VIO-THR", "verbal"), staff_hurt=True))
    police = next(d for d in detail.duties if d.kind == "police_decision")
    assert police.due_at == START + timedelta(hours=72)
    today = to_local(datetime.now(UTC)).date()
    with pytest.raises(ValidationError) as refused:
        world.services.duties.update(manager, police.id, {
            "dispensation_by": "Mette Lund, leder", "dispensation_on": today,
            "dispensation_reasons": REFUSED}, state="done", expected_version=police.version)
    assert refused.value.problems["dispensation_reasons"].code == "dispensation_not_individual"
    assert "anbragt på grund af sin adfærd, er ikke en begrundelse" in refused.value.messages("da")[
        "dispensation_reasons"]
    # Half a set closes nothing: the fields of the nearest set are named.
    with pytest.raises(ValidationError) as half:
        world.services.duties.update(manager, police.id, {"dispensation_by": "Mette Lund, leder"},
                                     state="done", expected_version=police.version)
    assert set(half.value.problems) == {"dispensation_on", "dispensation_reasons"}
    done = world.services.duties.update(manager, police.id, {
        "dispensation_by": "Mette Lund, leder", "dispensation_on": today,
        "dispensation_reasons": REFUSED + " " + REASONS}, state="done", expected_version=police.version)
    assert done.state == "done" and done.details["dispensation_reasons"].endswith("denne medarbejder.")


def test_a_medication_incident_cannot_be_judged_not_to_need_dpsd(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    detail = submit(world, episode(world, TypeChoice("MED-RX", "wrong_dose")))
    dpsd = next(d for d in detail.duties if d.kind == "dpsd_reminder")
    with pytest.raises(ValidationError) as refused:
        world.services.duties.update(manager, dpsd.id, state="not_required", reason="Lille fejl",
                                     expected_version=dpsd.version)
    assert refused.value.problems["state"].code == "mandatory_duty"
