""""Since your last shift" lists what was logged during it: a late report of an older event is
in, an event logged before the shift began is not, on both databases."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import update

from safetylog.domain.enums import Role
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import IncidentFilter
from safetylog.domain.timeutil import utcnow
from safetylog.storage.models import Incident
from tests.conftest import World
from tests.factories import incident_input


def test_the_filter_goes_by_when_an_incident_was_logged_not_when_it_happened(world: World) -> None:
    staff = world.actor(Role.STAFF)
    now = utcnow()
    shift_start = now - timedelta(hours=2)
    before = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=now - timedelta(hours=1, minutes=30), narrative="Logget før vagten."))
    with world.services.session_factory.begin() as session:  # it was written before the shift began
        session.execute(update(Incident).where(Incident.id == before.id)
                        .values(registered_at=shift_start - timedelta(minutes=1)))
    late = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=now - timedelta(days=2), narrative="Skete i forgårs, logget nu."))

    page = world.services.queries.page(staff, IncidentFilter(registered_from=shift_start))
    assert [row.id for row in page.rows] == [late.id]
    assert world.services.queries.count(staff, IncidentFilter(registered_from=shift_start)) == 1
    assert {row.id for row in world.services.queries.page(staff).rows} == {before.id, late.id}


@pytest.mark.parametrize("bound", [datetime(2026, 5, 1, 8, 0), "2026-05-01T08:00"])
def test_a_bound_without_a_time_zone_is_refused_by_name(world: World, bound: object) -> None:
    with pytest.raises(ValidationError) as caught:
        world.services.queries.page(world.actor(Role.STAFF),
                                    IncidentFilter(registered_from=bound))  # type: ignore[arg-type]
    assert set(caught.value.problems) == {"registered_from"}
