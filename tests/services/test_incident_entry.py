"""Logging an incident: validation per field, classification, versions and conflicts."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from safetylog.domain.enums import IncidentStatus, PersonRole, Role, Severity
from safetylog.domain.errors import ConflictError, ValidationError
from safetylog.domain.records import IncidentFilter, IncidentInput, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from tests.conftest import World


def threat(world: World, **changes: object) -> IncidentInput:
    base = IncidentInput(
        facility_id=world.facility.id,
        occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=2),
        types=(TypeChoice("VIO-THR", "weapon"), TypeChoice("POL-CALL")),
        narrative="B-101 truede B-102 med en knust flaske i fællesstuen.",
        zone_id=world.zone.id,
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),),
    )
    from dataclasses import replace

    return replace(base, **changes)  # type: ignore[arg-type]


def test_submitted_threat_is_classified_and_listed(world: World) -> None:
    staff = world.actor(Role.NIGHT_STAFF)
    detail = world.services.incidents.submit(staff, threat(world))
    assert detail.status is IncidentStatus.SUBMITTED
    assert detail.severity is Severity.S3
    assert detail.primary_type == "VIO-THR"
    assert detail.residents[0][1] == "B-101"
    page = world.services.queries.page(staff, IncidentFilter(text="flaske"))
    assert [row.id for row in page.rows] == [detail.id]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"occurred_start": datetime.now(COPENHAGEN) + timedelta(days=1)}, "occurred_start"),
        ({"narrative": "   "}, "narrative"),
        ({"narrative": "x" * 20_001}, "narrative"),
        ({"types": (TypeChoice("NOPE"),)}, "types"),
        ({"types": ()}, "types"),
        ({"narrative": "Beboer 010190-1234 slog"}, "narrative"),
    ],
)
def test_bad_input_is_refused_per_field_and_nothing_is_saved(
    world: World, changes: dict[str, object], field: str
) -> None:
    staff = world.actor(Role.STAFF)
    with pytest.raises(ValidationError) as caught:
        world.services.incidents.submit(staff, threat(world, **changes))
    assert field in caught.value.problems
    assert caught.value.messages("da")[field]
    assert world.services.queries.count(staff) == 0


def test_end_before_start_and_resident_from_other_facility(world: World) -> None:
    start = datetime.now(COPENHAGEN) - timedelta(hours=3)
    bad = threat(world, occurred_start=start, occurred_end=start - timedelta(minutes=5),
                 residents=(InvolvedResident(world.other_resident.id, PersonRole.VICTIM),))
    with pytest.raises(ValidationError) as caught:
        world.services.incidents.submit(world.actor(Role.STAFF), bad)
    assert set(caught.value.problems) >= {"occurred_end", "residents"}
    assert "S-201" in caught.value.messages("da")["residents"]


def test_correction_keeps_the_original_and_stale_edit_conflicts(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    first = world.services.incidents.submit(world.actor(Role.STAFF), threat(world))
    corrected = world.services.incidents.correct(
        manager, first.id, threat(world, narrative="Rettet beskrivelse."),
        reason="Forkert beskrivelse", expected_version=first.version,
    )
    assert corrected.narrative == "Rettet beskrivelse."
    assert corrected.versions[0].snapshot["narrative"] == first.narrative
    assert corrected.versions[-1].reason == "Forkert beskrivelse"
    with pytest.raises(ConflictError):
        world.services.incidents.sign_off(manager, first.id, expected_version=first.version)
