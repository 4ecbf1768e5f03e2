"""Stored time: the instant in UTC, and the Copenhagen date, weekday, hour and shift beside it,
as the database holds them, on both backends, across the 2026 summer-time nights."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import select

from safetylog.domain.enums import Role, Shift
from safetylog.domain.records import IncidentFilter
from safetylog.storage.models import Incident
from tests.conftest import World
from tests.factories import incident_input


def _stored(world: World, incident_id: int) -> tuple[Any, ...]:
    with world.services.engine.connect() as conn:
        row = conn.execute(select(Incident.occurred_start, Incident.local_date, Incident.weekday,
                                  Incident.hour, Incident.shift, Incident.shift_date)
                           .where(Incident.id == incident_id)).one()
        return tuple(row)


@pytest.mark.parametrize(
    "moment",
    [datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 summer time
     datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 winter time, an hour later
     datetime(2026, 10, 25, 2, 30, fold=0),  # the same two, typed as wall-clock times
     datetime(2026, 10, 25, 2, 30, fold=1)],
    ids=["cest-utc", "cet-utc", "cest-naive", "cet-naive"],
)
def test_the_repeated_october_hour_is_stored_on_the_night_of_the_24th(world: World, moment: datetime) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF),
                                             incident_input(world, occurred_start=moment))
    start, local_date, weekday, hour, shift, shift_date = _stored(world, detail.id)
    assert start.tzinfo is UTC
    assert (local_date, weekday, hour, shift, shift_date) == (
        date(2026, 10, 25), 6, 2, Shift.NIGHT.value, date(2026, 10, 24))
    assert detail.occurred_start == start
    with world.services.engine.connect() as conn:  # the column itself holds UTC wall-clock time
        raw = conn.exec_driver_sql(f"SELECT occurred_start FROM incidents WHERE id = {detail.id}").scalar()
    assert str(raw)[:19] == start.strftime("%Y-%m-%d %H:%M:%S")


def test_both_october_0230s_are_two_incidents_an_hour_apart_on_one_night(world: World) -> None:
    staff = world.actor(Role.STAFF)
    first = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=datetime(2026, 10, 25, 2, 30, fold=0), narrative="Første gang 02:30"))
    second = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=datetime(2026, 10, 25, 2, 30, fold=1), narrative="Anden gang 02:30"))
    assert (second.occurred_start - first.occurred_start).total_seconds() == 3600
    night = IncidentFilter(date_from=date(2026, 10, 25), date_to=date(2026, 10, 25), shifts=(Shift.NIGHT,))
    rows = world.services.queries.page(world.actor(Role.MANAGER), night).rows
    assert [r.id for r in rows] == [second.id, first.id]  # newest first, in real time order
    assert {r.local_date for r in rows} == {date(2026, 10, 25)}


def test_the_march_night_keeps_its_shift_date_across_the_missing_hour(world: World) -> None:
    staff = world.actor(Role.STAFF)
    before = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=datetime(2026, 3, 29, 0, 59, tzinfo=UTC)))  # 01:59 CET
    after = world.services.incidents.submit(staff, incident_input(
        world, occurred_start=datetime(2026, 3, 29, 1, 1, tzinfo=UTC)))  # 03:01 CEST
    assert _stored(world, before.id)[1:] == (date(2026, 3, 29), 6, 1, "night", date(2026, 3, 28))
    assert _stored(world, after.id)[1:] == (date(2026, 3, 29), 6, 3, "night", date(2026, 3, 28))


def test_a_late_evening_in_utc_is_stored_on_the_next_local_day(world: World) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(
        world, occurred_start=datetime(2026, 6, 30, 22, 40, tzinfo=UTC)))  # 00:40 on 1 July locally
    assert _stored(world, detail.id)[1:] == (date(2026, 7, 1), 2, 0, "night", date(2026, 6, 30))
    july = IncidentFilter(date_from=date(2026, 7, 1), date_to=date(2026, 7, 31))
    assert world.services.queries.count(world.actor(Role.MANAGER), july) == 1
