"""Rules found by fuzzing: meetings of other facilities, future birth dates, the night-staff window."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from safetylog.domain.enums import PersonRole, Role
from safetylog.domain.errors import PermissionDenied, ValidationError
from safetylog.domain.records import IncidentInput, InvolvedResident, MeetingInput, TypeChoice
from safetylog.services.incidents import IncidentService
from tests.conftest import World


def _meeting_of(world: World, facility_id: int) -> int:
    psp = world.actor(Role.MANAGER)
    return world.services.psp.create_meeting(psp, MeetingInput(
        held_on=date(2026, 10, 1), district="PSP Aarhus", facility_ids=(facility_id,))).id


def test_a_resident_is_disclosed_only_to_a_meeting_about_their_facility(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    other_meeting = _meeting_of(world, world.other_facility.id)
    with pytest.raises(ValidationError) as refused:
        world.services.psp.decide_disclosure(manager, world.residents[0].id, other_meeting,
                                             necessity_note="Koordinering nødvendig")
    assert "meeting_id" in refused.value.problems
    own_meeting = _meeting_of(world, world.facility.id)
    record = world.services.psp.decide_disclosure(manager, world.residents[0].id, own_meeting,
                                                  necessity_note="Koordinering nødvendig")
    assert record.meeting_id == own_meeting


def test_a_cooperation_note_names_only_a_meeting_about_its_facility(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    other_meeting = _meeting_of(world, world.other_facility.id)
    with pytest.raises(ValidationError) as refused:
        world.services.psp.add_note(manager, world.facility.id, "Notat", other_meeting)
    assert "meeting_id" in refused.value.problems
    assert world.services.psp.notes(manager, world.facility.id) == []


def test_a_birth_date_in_the_future_is_refused(world: World) -> None:
    with pytest.raises(ValidationError) as refused:
        world.services.residents.add(world.actor(Role.MANAGER), world.facility.id, "B-999",
                                     full_name="Ny Beboer", birth_date=date.today() + timedelta(days=2))
    assert refused.value.messages("da")["birth_date"] == "Tidspunktet ligger i fremtiden."


def test_night_staff_window_counts_copenhagen_days(world: World) -> None:
    """At 23:30 UTC it is already the next day in Copenhagen: the 14 days end there."""
    staff, night = world.actor(Role.STAFF), world.actor(Role.NIGHT_STAFF)
    occurred = datetime(2026, 11, 8, 22, 30, tzinfo=UTC)  # 23:30 on 8 November in Copenhagen
    incident = IncidentService(world.services.session_factory, clock=lambda: occurred + timedelta(hours=1))
    detail = incident.submit(staff, IncidentInput(
        facility_id=world.facility.id, occurred_start=occurred, types=(TypeChoice("HUS"),),
        narrative="Høj musik.",
        residents=(InvolvedResident(world.residents[0].id, PersonRole.INVOLVED),)))
    assert detail.local_date == date(2026, 11, 8)
    # 22 November 23:30 UTC is 23 November in Copenhagen: the 8th is then 15 days back.
    late = IncidentService(world.services.session_factory,
                           clock=lambda: datetime(2026, 11, 22, 23, 30, tzinfo=UTC))
    with pytest.raises(PermissionDenied):
        late.get(night, detail.id)
    earlier = IncidentService(world.services.session_factory,
                              clock=lambda: datetime(2026, 11, 22, 12, 0, tzinfo=UTC))
    assert earlier.get(night, detail.id).id == detail.id
