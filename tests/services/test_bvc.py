"""Brøset assessments on SQLite and PostgreSQL: per resident per shift, shown with incidents, notices."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from safetylog.domain.enums import PersonRole, Role, Shift
from safetylog.domain.errors import PermissionDenied, ValidationError
from safetylog.domain.records import BvcInput, IncidentInput, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import local_stamp
from safetylog.services import audit
from tests.conftest import World
from tests.versions import resident_version

NOW = datetime.now(UTC).replace(microsecond=0)


def assess(world: World, hours_ago: float, resident: int = 0, actions: str = "", **items: bool) -> BvcInput:
    return BvcInput(world.residents[resident].id, NOW - timedelta(hours=hours_ago), actions=actions, **items)


def test_an_assessment_is_scored_banded_and_audited(world: World) -> None:
    staff = world.actor(Role.NIGHT_STAFF)
    record = world.services.bvc.record(staff, assess(world, 1, irritable=True, verbal_threats=True,
                                                     actions="Tilbudt samtale og ro på værelset."))
    stamp = local_stamp(NOW - timedelta(hours=1))
    assert (record.total, record.band, record.pseudonym) == (2, "moderate", "B-101")
    assert (record.shift, record.shift_date) == (stamp.shift, stamp.shift_date)
    assert record.items == (False, True, False, False, True, False)
    assert record.assessor == "Nina Nat"
    with world.services.session_factory() as session:
        entry = next(e for e in audit.entries(session) if e.entity == "bvc_assessment")
    assert (entry.action, entry.subject_resident_id) == ("create", world.residents[0].id)


def test_one_assessment_per_resident_per_shift(world: World) -> None:
    staff = world.actor(Role.STAFF)
    first = world.services.bvc.record(staff, assess(world, 0.5))
    with pytest.raises(ValidationError) as refused:
        world.services.bvc.record(staff, assess(world, 0.25, confused=True))
    assert refused.value.messages("da")["assessed_at"] == (
        "B-101 er allerede vurderet med Brøset i denne vagt.")
    # Another resident in the same shift, and the same resident in the shift before, are fine.
    world.services.bvc.record(staff, assess(world, 0.25, resident=1))
    earlier = world.services.bvc.record(staff, assess(world, 9))  # shifts last 8 hours
    assert (earlier.shift, earlier.shift_date) != (first.shift, first.shift_date)
    assert [r.id for r in world.services.bvc.history(staff, world.residents[0].id)] == [first.id, earlier.id]


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        (lambda w: BvcInput(w.residents[0].id, NOW + timedelta(hours=2)), "assessed_at", "future_time"),
        (lambda w: BvcInput(w.other_resident.id, NOW), "resident_id", "unknown_resident"),
        (lambda w: BvcInput(999_999, NOW), "resident_id", "unknown_resident"),
        (lambda w: BvcInput(w.residents[0].id, NOW, actions="Ring til 010190-1234"), "actions", "cpr_number"),
        (lambda w: BvcInput(w.residents[0].id, NOW, confused="ja"), "confused", "invalid_format"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_refused_per_field(world: World, data: object, field: str, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        world.services.bvc.record(world.actor(Role.STAFF), data(world))  # type: ignore[operator]
    assert refused.value.problems[field].code == code
    assert world.services.bvc.history(world.actor(Role.MANAGER), world.residents[0].id) == []


def test_a_resident_who_moved_out_is_not_assessed(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    moving = world.residents[1].id
    world.services.residents.move_out(manager, moving, NOW.date(),
                                      expected_version=resident_version(world.services, moving))
    with pytest.raises(ValidationError) as refused:
        world.services.bvc.record(manager, assess(world, 0, resident=1))
    assert refused.value.messages("en")["resident_id"] == "B-102 has moved out."


def test_the_latest_assessment_within_24_hours_is_shown_with_the_incident(world: World) -> None:
    staff = world.actor(Role.STAFF)
    bvc = world.services.bvc
    old = bvc.record(staff, assess(world, 40, confused=True))  # too old for an incident 3 hours ago
    latest = bvc.record(staff, assess(world, 20, irritable=True, physical_threats=True,
                                      attacks_objects=True))
    bvc.record(staff, assess(world, 1, resident=1))  # after the incident: it did not speak for it
    detail = world.services.incidents.submit(staff, IncidentInput(
        facility_id=world.facility.id, occurred_start=NOW - timedelta(hours=3),
        types=(TypeChoice("VIO-THR", "verbal"),), narrative="B-101 truede B-102.",
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),
                   InvolvedResident(world.residents[1].id, PersonRole.VICTIM)),
    ))
    full = world.services.incidents.get(world.actor(Role.MANAGER), detail.id)
    assert [(r.id, r.pseudonym, r.band) for r in full.bvc] == [(latest.id, "B-101", "high")]
    assert old.id not in [r.id for r in full.bvc]
    assert bvc.latest(staff, world.residents[0].id) == latest
    assert bvc.latest(staff, world.residents[0].id, at=NOW - timedelta(hours=30)) == old
    assert bvc.latest(staff, world.residents[0].id, at=NOW + timedelta(hours=30)) is None


def test_high_risk_raises_a_notice_for_the_manager(world: World) -> None:
    staff, manager = world.actor(Role.NIGHT_STAFF), world.actor(Role.MANAGER)
    high = world.services.bvc.record(staff, assess(world, 2, confused=True, irritable=True,
                                                   boisterous=True))
    world.services.bvc.record(staff, assess(world, 2, resident=1, irritable=True))  # moderate
    notices = world.services.bvc.high_risk_notices(manager)
    assert [(n.id, n.total, n.band) for n in notices] == [(high.id, 3, "high")]
    assert world.services.bvc.high_risk_notices(manager, facility_ids=(world.other_facility.id,)) == []
    with pytest.raises(PermissionDenied):
        world.services.bvc.high_risk_notices(staff)
    with pytest.raises(PermissionDenied):
        world.services.bvc.record(world.actor(Role.PSP_COORDINATOR), assess(world, 0))


def test_shift_follows_copenhagen_time_at_night(world: World) -> None:
    # 02:30 local on a winter night belongs to the night shift that began the evening before.
    moment = datetime(2025, 1, 15, 1, 30, tzinfo=UTC)
    record = world.services.bvc.record(world.actor(Role.STAFF), BvcInput(world.residents[0].id, moment))
    assert (record.shift, record.shift_date.isoformat()) == (Shift.NIGHT, "2025-01-14")
