"""The period summary counts what a manager would count by hand, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from safetylog.domain.enums import (
    DrugActivity,
    InjuredPartyKind,
    InjuryLevel,
    PersonRole,
    Role,
    Shift,
)
from safetylog.domain.records import (
    DrugObservation,
    IncidentInput,
    Injury,
    InvolvedResident,
    PoliceContact,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.storage.models import BvcAssessmentRow, DutyRow, PspActionItem
from safetylog.summaries.compute import compute_summary
from safetylog.summaries.model import PeriodSummary, SummaryScope
from safetylog.summaries.periods import previous_scope, year_before_scope
from tests.conftest import World


def at(day: date, hour: int, minute: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COPENHAGEN)


def submit(world: World, when: datetime, *types: TypeChoice, **extra: object) -> int:
    data = IncidentInput(facility_id=world.facility.id, occurred_start=when, types=types,
                         narrative="Hændelse til optælling.", zone_id=world.zone.id)
    data = replace(data, **extra)  # type: ignore[arg-type]
    return world.services.incidents.submit(world.actor(Role.STAFF), data).id


OCT = date(2026, 10, 1)


@pytest.fixture
def month(world: World) -> World:
    """October 2026 at Havblik: a known mix, plus a month before, a year before and noise."""
    b101, b102 = world.residents[0].id, world.residents[1].id
    # Friday 2 October, 02:40: a threat with a weapon, police called, one arrest, report filed.
    submit(world, at(date(2026, 10, 2), 2, 40), TypeChoice("VIO-THR", "weapon"), TypeChoice("POL-CALL"),
           residents=(InvolvedResident(b101, PersonRole.AGGRESSOR),),
           police=PoliceContact(called=True, arrests=1, report_filed=True))
    # Physical violence against staff with absence (EASY), evening of 5 October.
    submit(world, at(date(2026, 10, 5), 19), TypeChoice("VIO-PHY", "staff"),
           residents=(InvolvedResident(b102, PersonRole.AGGRESSOR),),
           injuries=(Injury(InjuredPartyKind.STAFF, InjuryLevel.VISIBLE_INJURY,
                            user_id=world.actor(Role.STAFF).user_id,
                            first_absence_day=date(2026, 10, 6)),))
    # Three drug-trade observations at the zone, two at 22h, one at 23h.
    for dom, hour in ((7, 22), (14, 22), (21, 23)):
        submit(world, at(date(2026, 10, dom), hour), TypeChoice("DRG-DEAL", "between_outsiders"),
               drug=DrugObservation(activities=(DrugActivity.SALE, DrugActivity.CASH),
                                    sellers_count=2, buyers_count=1, outsiders_on_premises=True))
    # A use of force in the day shift.
    submit(world, at(date(2026, 10, 9), 10), TypeChoice("FRC", "124d"), TypeChoice("VIO-VRB"))
    # September: two house-rule breaches; October 2025: one.
    submit(world, at(date(2026, 9, 15), 12), TypeChoice("HUS"))
    submit(world, at(date(2026, 9, 30), 23, 30), TypeChoice("HUS"))
    submit(world, at(date(2025, 10, 15), 12), TypeChoice("OTH"))
    # Noise that must not count: the other facility, and 1 November.
    manager = world.actor(Role.MANAGER)
    world.services.incidents.submit(manager, IncidentInput(
        facility_id=world.other_facility.id, occurred_start=at(date(2026, 10, 3), 12),
        types=(TypeChoice("OTH"),), narrative="Andet tilbud."))
    submit(world, at(date(2026, 11, 1), 0, 30), TypeChoice("OTH"))
    with world.services.session_factory.begin() as session:
        user = world.actor(Role.STAFF).user_id
        for resident, day, total in ((b101, date(2026, 10, 1), 4), (b101, date(2026, 10, 1), 3),
                                     (b102, date(2026, 10, 5), 3), (b102, date(2026, 10, 8), 1)):
            session.add(BvcAssessmentRow(
                resident_id=resident, facility_id=world.facility.id,
                assessed_at=at(day, 21).astimezone(UTC), shift=Shift.EVENING.value, shift_date=day,
                confused=total > 0, irritable=total > 1, boisterous=total > 2, physical_threats=total > 3,
                verbal_threats=False, attacks_objects=False, total=total, assessor_id=user))
    return world


def summary_of(world: World, as_of: datetime | None = None, **scope: object) -> PeriodSummary:
    base = SummaryScope(date(2026, 10, 1), date(2026, 10, 31), (world.facility.id,))
    with world.services.session_factory() as session:
        return compute_summary(session, replace(base, **scope),  # type: ignore[arg-type]
                               as_of or datetime.now(UTC) + timedelta(minutes=1))


def test_month_totals_by_type_severity_shift_zone_and_hour(month: World) -> None:
    s = summary_of(month)
    c = s.current
    assert c.total == 6
    assert dict(c.by_primary_type) == {"VIO-THR": 1, "VIO-PHY": 1, "DRG-DEAL": 3, "FRC": 1}
    # per-type rows: POL-CALL and VIO-VRB are secondary types
    assert c.typed("POL-CALL") == 1 and c.typed("VIO-VRB") == 1
    assert sum(n for _, n in c.by_type) == 8
    assert dict(c.by_severity) == {"S3": 6}
    assert dict(c.by_shift) == {"night": 2, "evening": 3, "day": 1}
    assert [(z.name, z.count) for z in c.by_zone] == [("Fællesstue", 6)]
    assert c.weekday_hour[4][2] == 1  # Friday 02:40
    assert sum(map(sum, c.weekday_hour)) == 6
    assert dict(c.by_facility) == {month.facility.id: 6}


def test_previous_month_year_before_and_trend(month: World) -> None:
    s = summary_of(month)
    assert s.previous.total == 2
    assert s.previous.scope.date_from == date(2026, 9, 1)
    assert s.year_before.total == 1
    trend = s.trend
    assert len(trend) == 12 and (trend[-1].year, trend[-1].month) == (2026, 10)
    assert [m.count for m in trend][-2:] == [2, 6]
    assert trend[0].month == 11 and trend[0].year == 2025


def test_force_cases_staff_injuries_drug_trade_and_police(month: World) -> None:
    s = summary_of(month)
    assert s.force.total == 1 and s.force.open == 1
    inj = s.staff_injuries
    assert (inj.injuries, inj.incidents, inj.with_absence) == (1, 1, 1)
    drug = s.drug_trade
    assert drug.observations == 3
    assert drug.by_hour[22] == 2 and drug.by_hour[23] == 1
    assert dict(drug.by_activity) == {"sale": 3, "cash": 3}
    assert (drug.with_outsiders, drug.sellers_seen, drug.buyers_seen) == (3, 6, 3)
    pol = s.police
    assert (pol.contacts, pol.called_by_staff, pol.arrests, pol.reports_filed) == (1, 1, 1, 1)


def test_force_case_deadline_is_judged_at_the_stamp(month: World) -> None:
    later = datetime.now(UTC) + timedelta(days=3)  # the 24-hour deadline has passed
    assert summary_of(month, as_of=later).force.open_overdue == 1
    with month.services.session_factory.begin() as session:
        duty = session.query(DutyRow).filter_by(kind="force_case").one()
        duty.state, duty.closed_at = "done", datetime.now(UTC) + timedelta(days=2)
    force = summary_of(month, as_of=later).force
    assert (force.open, force.closed, force.closed_late) == (0, 1, 1)
    # Regenerated with the earlier stamp, the case is still open as it was then.
    assert summary_of(month).force.open == 1


def test_bvc_high_days_against_incidents(month: World) -> None:
    b = summary_of(month).bvc
    assert (b.assessments, b.high_assessments) == (4, 3)
    assert b.high_days == 2  # B-101 on 1 Oct (twice), B-102 on 5 Oct
    # B-102 hit staff on 5 Oct; B-101's threat at 02:40 on 2 Oct belongs to the night shift
    # that began on 1 Oct, the day B-101 scored high.
    assert b.high_days_with_incident == 2
    assert (b.resident_incidents, b.resident_incidents_on_high_days) == (2, 2)


def test_easy_duty_and_action_items(month: World) -> None:
    now = datetime.now(UTC)
    with month.services.session_factory.begin() as session:
        session.add(PspActionItem(text="Belysning i gården", owner_role="Tilbuddet", status="open",
                                  due_on=date(2026, 10, 20), facility_id=month.facility.id,
                                  created_at=now - timedelta(days=60)))
        session.add(PspActionItem(text="Andet tilbud", owner_role="Politi", status="open",
                                  facility_id=month.other_facility.id, created_at=now))
    s = summary_of(month)
    # The injury with absence from 6 October opened an EASY duty due 14 days later: overdue now.
    easy = s.staff_injuries.easy
    assert (easy.total, easy.open, easy.open_overdue) == (1, 1, 1)
    f = s.follow_up
    assert f.actions_open == 1 and f.actions_overdue == 1
    kinds = {k.kind: k.open for k in f.by_kind}
    assert kinds["work_injury"] == 1 and kinds["force_case"] == 1 and kinds["psp_relevant"] == 4
    assert f.duties_open == sum(kinds.values())
    assert f.duties_overdue == sum(k.open_overdue for k in f.by_kind) >= 1


def test_filters_and_facility_scope(month: World) -> None:
    only_drugs = summary_of(month, type_codes=("DRG-DEAL",))
    assert only_drugs.current.total == 3
    both = summary_of(month, facility_ids=(month.facility.id, month.other_facility.id))
    assert both.current.total == 7
    assert summary_of(month, severities=("S1",)).current.total == 0


def test_periods_of_arbitrary_length_and_leap_day() -> None:
    scope = SummaryScope(date(2028, 2, 20), date(2028, 2, 29), (1,))
    assert previous_scope(scope).date_from == date(2028, 2, 10)
    assert year_before_scope(scope).date_to == date(2027, 2, 28)
    jan = SummaryScope(date(2026, 1, 1), date(2026, 1, 31), (1,))
    assert previous_scope(jan).date_from == date(2025, 12, 1)
