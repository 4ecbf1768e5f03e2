"""Duties on SQLite and PostgreSQL: opened on submit, followed to the end, overdue for the manager."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from safetylog.classification.workdays import end_of_local_day
from safetylog.domain.enums import AuditAction, InjuredPartyKind, InjuryLevel, Measure, PersonRole, Role
from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from safetylog.domain.records import (
    DutyRecord,
    IncidentDetail,
    IncidentInput,
    Injury,
    InvolvedResident,
    PoliceContact,
    TypeChoice,
)
from safetylog.domain.timeutil import to_local
from safetylog.services import audit
from safetylog.services.duties import DutyService
from tests.conftest import World

START = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)


def night(world: World, **changes: object) -> IncidentInput:
    """The design's 02:40 night: a threat, a § 124 d hold, the police, a staff member hurt."""
    from dataclasses import replace

    staff = world.actor(Role.NIGHT_STAFF)
    base = IncidentInput(
        facility_id=world.facility.id, occurred_start=START,
        types=(TypeChoice("VIO-PHY", "staff"), TypeChoice("FRC", "124d"), TypeChoice("POL-CALL", "by_staff")),
        narrative="B-101 slog ud efter personalet og blev holdt, til politiet kom.",
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),),
        measures=(Measure.TALK, Measure.HOLD_124D),
        injuries=(Injury(InjuredPartyKind.STAFF, InjuryLevel.VISIBLE_INJURY, user_id=staff.user_id,
                         first_absence_day=to_local(START).date() + timedelta(days=1)),),
        police=PoliceContact(called=True, report_filed=True),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def submit(world: World, data: IncidentInput | None = None) -> IncidentDetail:
    """Submitted by the night worker; read back whole (duties included) by the manager."""
    detail = world.services.incidents.submit(world.actor(Role.NIGHT_STAFF), data or night(world))
    return world.services.incidents.get(world.actor(Role.MANAGER), detail.id)


def duty(detail: IncidentDetail, kind: str) -> DutyRecord:
    return next(d for d in detail.duties if d.kind == kind)


def day_after(moment: datetime) -> datetime:
    return end_of_local_day(to_local(moment).date() + timedelta(days=1))


def at(world: World, moment: datetime) -> DutyService:
    """The duty service with its clock at ``moment``."""
    return DutyService(world.services.session_factory, lambda: moment)


def test_one_night_opens_its_duties_with_deadlines(world: World) -> None:
    detail = submit(world)
    # Violence against staff: the 72-hour police decision, not the journal-number reminder.
    assert sorted(d.kind for d in detail.duties) == [
        "force_case", "police_decision", "psp_relevant", "work_injury"]
    force = duty(detail, "force_case")
    assert force.due_at == day_after(START)  # registered at the latest the calendar day after
    assert force.details["forwarding_due"] == end_of_local_day(to_local(START).date() + timedelta(days=3)
                                                               ).isoformat()
    police = duty(detail, "police_decision")
    assert police.due_at == START + timedelta(hours=72)
    assert police.details["sources"]["decision"]["guidance"].startswith("Justitsministeriets vejledning")
    assert force.details["provisions"] == ["124d"] and force.details["sbst_form"] == "1"
    assert force.incident_date == detail.local_date and force.primary_type == "VIO-PHY"
    easy = duty(detail, "work_injury")
    first_absence = to_local(START).date() + timedelta(days=1)
    assert easy.due_at is not None
    assert to_local(easy.due_at).date() == first_absence + timedelta(days=15)  # end of day 14
    assert easy.details["user_id"] == world.actor(Role.NIGHT_STAFF).user_id


def test_force_case_is_followed_to_the_end(world: World) -> None:
    detail = submit(world)
    force = duty(detail, "force_case")
    staff, manager = world.actor(Role.NIGHT_STAFF), world.actor(Role.MANAGER)
    duties = world.services.duties

    # The night worker records the registration; the deadline moves to the manager's forwarding.
    registered = duties.update(staff, force.id, {"registered_at": START + timedelta(hours=2)},
                               expected_version=force.version)
    assert registered.state == "in_progress"
    assert registered.due_at == datetime.fromisoformat(force.details["forwarding_due"])
    with pytest.raises(PermissionDenied):
        duties.update(staff, force.id, {"sbst_reference": "X"}, expected_version=registered.version)

    # Closing without the forwarding facts names each missing field, in Danish too.
    with pytest.raises(ValidationError) as missing:
        duties.update(manager, force.id, state="done", expected_version=registered.version)
    assert set(missing.value.problems) == {"sent_to_handlekommune_on", "sent_to_socialtilsyn_on",
                                           "sbst_reference"}
    assert missing.value.messages("da")["sbst_reference"] == "Skal udfyldes, før pligten kan afsluttes."

    today = to_local(datetime.now(UTC)).date()
    done = duties.update(manager, force.id, {
        "sent_to_handlekommune_on": today, "sent_to_socialtilsyn_on": today.isoformat(),
        "relatives_informed_on": today, "sbst_reference": "SBST-2026-0042",
    }, state="done", expected_version=registered.version)
    assert (done.state, done.details["sbst_reference"]) == ("done", "SBST-2026-0042")
    assert done.closed_at is not None
    assert force.id not in [d.id for d in duties.find(manager)]
    assert force.id in [d.id for d in duties.find(manager, open_only=False)]

    with pytest.raises(ConflictError):
        duties.update(manager, force.id, {"note": "for sent"}, expected_version=registered.version)
    with world.services.session_factory() as session:
        entries = [e for e in audit.entries(session) if e.entity == "duty"]
    changes = [e for e in entries if e.action == AuditAction.UPDATE.value]
    assert [(e.username, e.details["state_to"]) for e in reversed(changes)] == [
        ("night_staff", "in_progress"), ("manager", "done")]
    assert {e.action for e in entries} == {AuditAction.UPDATE.value, AuditAction.READ.value}  # reads too


def test_bad_values_are_refused_per_field(world: World) -> None:
    force = duty(submit(world), "force_case")
    manager = world.actor(Role.MANAGER)
    tomorrow = to_local(datetime.now(UTC)).date() + timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        world.services.duties.update(manager, force.id, {
            "sent_to_socialtilsyn_on": tomorrow, "sent_to_handlekommune_on": "15/3",
            "sbst_form": "9", "sbst_reference": "Beboer 010190-1234", "colour": "red",
        }, expected_version=force.version)
    assert set(refused.value.problems) == {"sent_to_socialtilsyn_on", "sent_to_handlekommune_on",
                                           "sbst_form", "sbst_reference", "colour"}
    assert refused.value.problems["sbst_reference"].code == "cpr_number"
    assert world.services.duties.get(manager, force.id).state == "open"  # nothing was saved


def test_not_required_and_reopening_need_a_reason(world: World) -> None:
    psp = duty(submit(world), "psp_relevant")
    manager = world.actor(Role.MANAGER)
    with pytest.raises(ValidationError) as refused:
        world.services.duties.update(manager, psp.id, state="not_required", expected_version=psp.version)
    assert refused.value.problems["reason"].code == "reason_required"
    closed = world.services.duties.update(manager, psp.id, state="not_required", reason="Intern sag",
                                          expected_version=psp.version)
    assert closed.closed_at is not None and closed.details["state_reason"] == "Intern sag"
    with pytest.raises(ValidationError):
        world.services.duties.update(manager, psp.id, state="open", expected_version=closed.version)
    reopened = world.services.duties.update(manager, psp.id, state="open", reason="Tages op alligevel",
                                            expected_version=closed.version)
    assert (reopened.state, reopened.closed_at) == ("open", None)


def test_overdue_duties_are_listed_for_the_manager(world: World) -> None:
    detail = submit(world)
    manager = world.actor(Role.MANAGER)
    assert at(world, datetime.now(UTC)).overdue(manager) == []
    two_days = at(world, START + timedelta(days=2)).overdue(manager)
    assert [d.kind for d in two_days] == ["force_case"]  # the day-after registration has passed
    assert two_days[0].is_overdue(START + timedelta(days=2))
    month = at(world, START + timedelta(days=30)).overdue(manager)
    assert [d.kind for d in month] == ["force_case", "police_decision", "work_injury"]
    assert all(d.incident_id == detail.id for d in month)


def test_the_police_journal_number_is_restricted(world: World) -> None:
    police = duty(submit(world), "police_decision")
    staff, manager = world.actor(Role.STAFF), world.actor(Role.MANAGER)
    with pytest.raises(PermissionDenied):
        world.services.duties.update(staff, police.id, {"journal_no": "1200-1"}, expected_version=1)
    today = to_local(datetime.now(UTC)).date()
    done = world.services.duties.update(manager, police.id, {
        "journal_no": "1200-80123-00456-26", "report_filed_on": today, "receipt_kept": True,
    }, state="done", expected_version=police.version)
    assert done.details["journal_no"] == "1200-80123-00456-26"
    seen_by_staff = world.services.duties.get(staff, police.id)
    assert seen_by_staff.details["journal_no"] == "***"
    incident = world.services.incidents.get(staff, police.incident_id)
    assert duty(incident, "police_decision").details["journal_no"] == "***"


def test_other_facilities_duties_are_invisible(world: World) -> None:
    force = duty(submit(world), "force_case")
    services = world.services
    admin = world.actor(Role.ADMIN)
    with pytest.raises(PermissionDenied):
        services.duties.find(admin)  # administrators manage users, not cases
    outsider = services.admin.create_user(admin, "other_mgr", "Ole Anden", "correct-horse-1",
                                          Role.MANAGER, (world.other_facility.id,))
    assert outsider.facility_ids == (world.other_facility.id,)
    other = services.auth.login("other_mgr", "correct-horse-1")
    assert services.duties.find(other) == []
    with pytest.raises(NotFound):
        services.duties.update(other, force.id, {"note": "x"}, expected_version=force.version)


def test_a_correction_opens_new_duties_and_moves_open_deadlines(world: World) -> None:
    first = submit(world, night(world, types=(TypeChoice("VIO-THR", "verbal"),), measures=(), injuries=(),
                                police=None))
    assert first.duties == ()
    manager = world.actor(Role.MANAGER)
    corrected = world.services.incidents.correct(manager, first.id, night(world), reason="Magt glemt",
                                                 expected_version=first.version)
    force = duty(corrected, "force_case")
    assert force.due_at == day_after(START)
    earlier = START - timedelta(days=1)
    again = world.services.incidents.correct(manager, first.id, night(world, occurred_start=earlier),
                                             reason="Tidspunkt rettet", expected_version=corrected.version)
    assert duty(again, "force_case").due_at == day_after(earlier)
    assert duty(again, "police_decision").due_at == earlier + timedelta(hours=72)
    assert len([d for d in again.duties if d.kind == "force_case"]) == 1


def test_easy_duty_for_a_work_injury_without_absence_but_needing_a_physician(world: World) -> None:
    staff = world.actor(Role.STAFF)
    data = night(world, types=(TypeChoice("VIO-PHY", "staff"),), measures=(), police=None,
                 injuries=(Injury(InjuredPartyKind.STAFF, InjuryLevel.TREATMENT_PHYSICIAN,
                                  user_id=staff.user_id, body_part="Hånd"),))
    created = world.services.incidents.submit(staff, data)
    detail = world.services.incidents.get(world.actor(Role.MANAGER), created.id)
    easy = duty(detail, "work_injury")
    assert easy.details["basis"] == "possible_claim" and easy.details["body_part"] == "Hånd"
    assert easy.due_at is not None
    assert to_local(easy.due_at).date() == detail.local_date + timedelta(days=15)
    filed = world.services.duties.update(world.actor(Role.MANAGER), easy.id, {
        "easy_filed_on": to_local(datetime.now(UTC)).date(), "easy_reference": "EASY-88812",
        "contact_mode": "Bid i hånden",
    }, state="done", expected_version=easy.version)
    assert filed.state == "done"
