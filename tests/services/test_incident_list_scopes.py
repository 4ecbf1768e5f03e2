"""The incident list for a user who sees several facilities, but not all: exactly the rows, in
exactly the order, that the same list shows someone who sees every facility, limited to those
facilities. (Such a list is merged from one page per facility; see ``incident_queries``.)"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from safetylog.domain.enums import PersonRole, Role, Severity
from safetylog.domain.records import (
    SORT_COLUMNS,
    Actor,
    IncidentFilter,
    IncidentInput,
    IncidentRow,
    InvolvedResident,
    SortSpec,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.container import Services
from tests.conftest import PASSWORD

FACILITIES = 6
SCENARIOS = 24
TYPES = (TypeChoice("VIO-THR", "weapon"), TypeChoice("VIO-THR"), TypeChoice("POL-CALL"))


def _log(services: Services) -> tuple[Actor, list[int], dict[int, int]]:
    """Six facilities with incidents that often share their start time across facilities, so
    that the order between facilities comes down to the id; and a manager who sees all."""
    admin = services.admin.initialize(
        facility_code="F1", facility_name="Facilitet 1", admin_username="admin",
        admin_display_name="Anna Admin", admin_password=PASSWORD)
    facility_ids = [services.admin.list_facilities(admin)[0].id]
    facility_ids += [services.admin.create_facility(admin, f"F{n}", f"Facilitet {n}").id
                     for n in range(2, FACILITIES + 1)]
    services.admin.create_user(admin, "boss", "Bo Boss", PASSWORD, Role.MANAGER, (), True)
    boss = services.auth.login("boss", PASSWORD, workstation="test")
    residents = {f: services.residents.add(boss, f, f"R-{f}").id for f in facility_ids}
    rng = random.Random(12)
    now = datetime.now(COPENHAGEN).replace(second=0, microsecond=0)
    moments = [now - timedelta(hours=3 * k) for k in range(1, 9)]
    for n in range(60):
        facility = rng.choice(facility_ids)
        services.incidents.submit(boss, IncidentInput(
            facility_id=facility, occurred_start=rng.choice(moments),
            types=(TYPES[n % len(TYPES)],), narrative=f"Hændelse {n} i fællesstuen.",
            residents=(InvolvedResident(residents[facility], PersonRole.AGGRESSOR),)))
    return boss, facility_ids, residents


def _all_rows(services: Services, actor: Actor, criteria: IncidentFilter, sort: SortSpec,
              limit: int) -> list[IncidentRow]:
    rows: list[IncidentRow] = []
    after = None
    while True:
        page = services.queries.page(actor, criteria, sort, after, limit)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        after = page.next_cursor


def test_a_list_over_several_facilities_matches_the_full_list_limited_to_them(
        services: Services) -> None:
    boss, facility_ids, _ = _log(services)
    rng = random.Random(2026)
    scopes: dict[tuple[int, ...], Actor] = {}
    for scenario in range(SCENARIOS):
        scope = tuple(sorted(rng.sample(facility_ids, rng.randint(2, FACILITIES - 1))))
        if scope not in scopes:
            name = f"leder{len(scopes)}"
            services.admin.create_user(
                services.auth.login("admin", PASSWORD, workstation="test"), name, name.title(),
                PASSWORD, Role.MANAGER, scope)
            scopes[scope] = services.auth.login(name, PASSWORD, workstation="test")
        chosen = (tuple(rng.sample(facility_ids, rng.randint(1, FACILITIES)))
                  if scenario % 3 == 0 else ())
        criteria = IncidentFilter(
            facility_ids=chosen,
            severities=(Severity.S2, Severity.S3) if scenario % 4 == 1 else ())
        column = "occurred_start" if scenario % 2 == 0 else rng.choice(SORT_COLUMNS)
        sort = SortSpec(column, rng.random() < 0.7)
        allowed = set(scope) & (set(chosen) if chosen else set(facility_ids))

        scoped = _all_rows(services, scopes[scope], criteria, sort, rng.randint(1, 9))
        everything = _all_rows(services, boss, replace(criteria, facility_ids=()), sort, 1000)
        expected = [row for row in everything if row.facility_id in allowed]

        assert scoped == expected, (scope, criteria, sort)
        assert expected or not allowed & {r.facility_id for r in everything}


def test_a_facility_filter_of_several_facilities_for_someone_who_sees_all(services: Services) -> None:
    boss, facility_ids, _ = _log(services)
    chosen = tuple(facility_ids[1:4])
    for descending in (True, False):
        sort = SortSpec("occurred_start", descending)
        listed = _all_rows(services, boss, IncidentFilter(facility_ids=chosen), sort, 4)
        everything = _all_rows(services, boss, IncidentFilter(), sort, 1000)
        assert listed == [row for row in everything if row.facility_id in chosen]
        assert len({row.facility_id for row in listed}) == 3


def test_a_facility_filter_outside_the_scope_shows_nothing(services: Services) -> None:
    boss, facility_ids, _ = _log(services)
    admin = services.auth.login("admin", PASSWORD, workstation="test")
    services.admin.create_user(admin, "leder", "Lea Leder", PASSWORD, Role.MANAGER,
                               tuple(facility_ids[:2]))
    manager = services.auth.login("leder", PASSWORD, workstation="test")
    outside = IncidentFilter(facility_ids=tuple(facility_ids[2:]))
    assert _all_rows(services, boss, outside, SortSpec(), 100)  # there is something to hide
    for column in ("occurred_start", "severity"):
        assert services.queries.page(manager, outside, SortSpec(column)).rows == ()
    assert services.queries.count(manager, outside) == 0
