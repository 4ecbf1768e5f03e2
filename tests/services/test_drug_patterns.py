"""Drug-trade observations: the list with its details and the weekday × hour counts per zone."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from safetylog.domain.enums import DrugActivity, Role, ZoneKind
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import DrugObservation, TypeChoice
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.drug_patterns import DRUG_CODES, DrugFilter
from tests.conftest import World
from tests.factories import audit_since, incident_input, last_audit_id


def _at(days_ago: int, hour: int, minute: int = 10) -> datetime:
    day = datetime.now(COPENHAGEN) - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COPENHAGEN)


def _observe(world: World, when: datetime, zone_id: int | None, code: str = "DRG-DEAL",
             role: Role = Role.STAFF) -> int:
    data = incident_input(world, occurred_start=when, types=(TypeChoice(code),), zone_id=zone_id,
                          narrative=f"Salg af hash observeret ({code}).",
                          drug=DrugObservation(activities=(DrugActivity.SALE, DrugActivity.CASH),
                                               substances=("hash",), sellers_count=2,
                                               buyers_count=1, vehicles="hvid varevogn",
                                               outsiders_on_premises=True))
    return world.services.incidents.submit(world.actor(role), data).id


@pytest.fixture
def entrance(world: World) -> int:
    admin = world.actor(Role.ADMIN)
    return world.services.admin.add_zone(admin, world.facility.id, "IND", "Indgangen",
                                         ZoneKind.ENTRANCE).id


def test_counts_per_weekday_and_hour_and_per_zone(world: World, entrance: int) -> None:
    friday_late, friday_later = _at(3, 22), _at(3, 23, 40)
    _observe(world, friday_late, entrance)
    _observe(world, friday_later, entrance)
    _observe(world, _at(4, 14), world.zone.id)
    _observe(world, _at(5, 2), None, code="DRG-USE")  # use, not dealing: not in the default map
    manager = world.actor(Role.MANAGER)
    pattern = world.services.drug_patterns.pattern(manager)
    assert pattern.total == 3
    assert pattern.weekday_hour[friday_late.weekday()][22] == 1
    assert pattern.weekday_hour[friday_later.weekday()][23] == 1
    assert pattern.weekday_hour[_at(4, 14).weekday()][14] == 1
    totals = {(z.facility_name, z.name): z.count for z in pattern.by_zone}
    assert totals[("Bostedet Havblik", "Indgangen")] == 2
    assert totals[("Bostedet Havblik", "Fællesstue")] == 1
    assert pattern.by_zone[0].name == "Indgangen"  # busiest first

    one_zone = world.services.drug_patterns.pattern(manager, DrugFilter(type_codes=("DRG-DEAL",),
                                                                        zone_id=entrance))
    assert one_zone.total == 2 and one_zone.by_zone == pattern.by_zone  # zones stay comparable
    every_kind = world.services.drug_patterns.pattern(manager, DrugFilter())
    assert every_kind.total == 4
    assert (None, 1) in {(z.zone_id, z.count) for z in every_kind.by_zone}  # no place recorded


def test_list_pages_with_drug_details_newest_first(world: World, entrance: int) -> None:
    ids = [_observe(world, _at(days, 21), entrance) for days in (1, 2, 3, 4, 5)]
    manager = world.actor(Role.MANAGER)
    before = last_audit_id(world.services.engine)
    first = world.services.drug_patterns.observations(manager, DrugFilter(), limit=2)
    assert [r.id for r in first.rows] == ids[:2]
    line = first.rows[0]
    assert line.activities == (DrugActivity.SALE, DrugActivity.CASH)
    assert (line.substances, line.sellers_count, line.buyers_count) == (("hash",), 2, 1)
    assert line.vehicles == "hvid varevogn" and line.outsiders_on_premises
    assert line.zone_name == "Indgangen" and line.type_codes == ("DRG-DEAL",)
    seen = [r.id for r in first.rows]
    after = first.next_cursor
    while after is not None:
        page = world.services.drug_patterns.observations(manager, DrugFilter(), after=after, limit=2)
        seen += [r.id for r in page.rows]
        after = page.next_cursor
    assert seen == ids
    searches = [e for e in audit_since(world.services.engine, before) if e.action == "search"]
    assert [e.entity for e in searches] == ["drug_observation"]  # the first page only


def test_night_staff_see_their_window_only(world: World, entrance: int) -> None:
    _observe(world, _at(2, 23), entrance, role=Role.MANAGER)
    _observe(world, _at(30, 23), entrance, role=Role.MANAGER)  # outside the two-week window
    night = world.actor(Role.NIGHT_STAFF)
    assert world.services.drug_patterns.pattern(night).total == 1
    assert len(world.services.drug_patterns.observations(night).rows) == 1
    assert world.services.drug_patterns.pattern(world.actor(Role.MANAGER)).total == 2


def test_bad_requests_are_refused_per_field(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    service = world.services.drug_patterns
    with pytest.raises(ValidationError) as caught:
        service.observations(manager, limit=0)
    assert "limit" in caught.value.problems
    with pytest.raises(ValidationError) as caught:
        service.pattern(manager, replace(DrugFilter(), type_codes=("NOPE",)))
    assert "type_codes" in caught.value.problems
    with pytest.raises(ValidationError) as caught:
        service.observations(manager, after=("not a time", "x"))
    assert "after" in caught.value.problems
    with pytest.raises(ValidationError):
        service.pattern(manager, "DRG-DEAL")  # type: ignore[arg-type]
    assert set(DRUG_CODES) <= set(current_taxonomy().codes)  # the drug types exist
