"""Deadlines: weekends, Easter and the other Danish holidays, and the summer-time change days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from safetylog.classification import classify
from safetylog.classification.duties import DeadlineSettings, DutyKind, duties_for, forwarding_due
from safetylog.classification.workdays import (
    add_working_days,
    end_of_local_day,
    holiday_name,
    is_working_day,
)
from safetylog.domain.enums import Measure
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import COPENHAGEN, to_local
from tests.core.classification_cases import hurt, incident

DEFAULT = DeadlineSettings()
CUSTOMARY = DeadlineSettings(customary_days_off=True)


@pytest.mark.parametrize(
    ("incident_day", "settings", "last_day", "why"),
    [
        (date(2026, 2, 11), DEFAULT, date(2026, 2, 16), "Wednesday: Thu, Fri, (weekend), Mon"),
        (date(2026, 2, 13), DEFAULT, date(2026, 2, 18), "Friday: the weekend does not count"),
        (date(2026, 2, 14), DEFAULT, date(2026, 2, 18), "Saturday: counting starts on Monday"),
        (date(2026, 4, 1), DEFAULT, date(2026, 4, 9),
         "Easter 2026: skærtorsdag 2 Apr, langfredag 3 Apr, 2. påskedag 6 Apr"),
        (date(2026, 5, 12), DEFAULT, date(2026, 5, 18), "Kristi himmelfartsdag, Thursday 14 May"),
        (date(2026, 5, 22), DEFAULT, date(2026, 5, 28), "2. pinsedag, Monday 25 May"),
        (date(2026, 12, 23), DEFAULT, date(2026, 12, 29), "juledag 25 Dec; 24 Dec is a working day"),
        (date(2026, 12, 23), CUSTOMARY, date(2026, 12, 30), "with customary days off, 24 Dec is skipped"),
        (date(2026, 12, 29), DEFAULT, date(2027, 1, 4), "nytårsdag, Friday 1 Jan 2027"),
        (date(2026, 12, 29), CUSTOMARY, date(2027, 1, 5), "with customary days off, 31 Dec is skipped"),
        (date(2023, 5, 4), DEFAULT, date(2023, 5, 10), "store bededag, Friday 5 May 2023"),
        (date(2024, 4, 25), DEFAULT, date(2024, 4, 30), "store bededag was abolished from 2024"),
        (date(2026, 6, 4), DEFAULT, date(2026, 6, 9), "grundlovsdag 5 June is a working day by default"),
        (date(2026, 6, 4), CUSTOMARY, date(2026, 6, 10), "... and skipped with customary days off"),
    ],
)
def test_use_of_force_forwarding_within_three_working_days(
        incident_day: date, settings: DeadlineSettings, last_day: date, why: str) -> None:
    due = forwarding_due(incident_day, settings)
    assert to_local(due) == datetime.combine(last_day + timedelta(days=1), datetime.min.time(),
                                             COPENHAGEN), why


def test_holiday_names_and_working_days() -> None:
    assert holiday_name(date(2026, 4, 3)) == "Langfredag"
    assert holiday_name(date(2026, 12, 24)) is None
    assert holiday_name(date(2026, 12, 24), customary_days_off=True) == "Juleaftensdag"
    assert not is_working_day(date(2026, 4, 6))  # 2. påskedag
    assert not is_working_day(date(2026, 3, 28))  # Saturday
    assert is_working_day(date(2026, 3, 30))
    assert add_working_days(date(2026, 4, 2), 0) == date(2026, 4, 2)
    with pytest.raises(ValueError):
        add_working_days(date(2026, 4, 2), -1)


def test_a_day_ends_at_local_midnight_even_on_summer_time_change_days() -> None:
    # 29 March 2026 has 23 hours; 25 October 2026 has 25.
    assert end_of_local_day(date(2026, 3, 28)) == datetime(2026, 3, 28, 23, 0, tzinfo=UTC)
    assert end_of_local_day(date(2026, 3, 29)) == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert end_of_local_day(date(2026, 10, 25)) == datetime(2026, 10, 25, 23, 0, tzinfo=UTC)
    assert end_of_local_day(date(2026, 10, 24)) == datetime(2026, 10, 24, 22, 0, tzinfo=UTC)


TAXONOMY = current_taxonomy()


def force_duty(start: datetime, settings: DeadlineSettings = DEFAULT) -> dict[str, object]:
    data = incident("FRC/124d", occurred_start=start, measures=(Measure.HOLD_124D,))
    spec = next(s for s in duties_for(classify(data, TAXONOMY), data, start, settings)
                if s.kind == DutyKind.FORCE_CASE)
    return {"due_at": spec.due_at, **spec.details}


@pytest.mark.parametrize(
    ("start", "local_due"),
    [
        # Spring: 22:00 CET on 28 March; 24 hours later the clocks say 23:00 CEST.
        (datetime(2026, 3, 28, 21, 0, tzinfo=UTC), datetime(2026, 3, 29, 23, 0)),
        # Autumn: 22:00 CEST on 24 October; 24 hours later the clocks say 21:00 CET.
        (datetime(2026, 10, 24, 20, 0, tzinfo=UTC), datetime(2026, 10, 25, 21, 0)),
    ],
)
def test_staff_registration_is_24_real_hours_across_the_clock_change(start: datetime,
                                                                     local_due: datetime) -> None:
    duty = force_duty(start)
    assert duty["due_at"] == start + timedelta(hours=24)
    assert to_local(duty["due_at"]).replace(tzinfo=None) == local_due  # type: ignore[arg-type]


def test_both_02_30s_of_the_autumn_night_give_the_same_forwarding_day() -> None:
    first = force_duty(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST
    second = force_duty(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET, an hour later
    # Sunday 25 October: Monday, Tuesday, Wednesday; the day ends at 23:00 UTC in winter time.
    assert first["forwarding_due"] == second["forwarding_due"] == "2026-10-28T23:00:00+00:00"


def test_configured_deadlines_are_used() -> None:
    start = datetime(2026, 2, 11, 9, 0, tzinfo=UTC)
    duty = force_duty(start, DeadlineSettings(force_registration_hours=48, force_forwarding_working_days=5))
    assert duty["due_at"] == start + timedelta(hours=48)
    assert duty["forwarding_due"] == "2026-02-18T23:00:00+00:00"  # Thu, Fri, Mon, Tue, Wed 18 Feb


@pytest.mark.parametrize(
    ("first_absence", "due"),
    [
        (date(2026, 2, 2), datetime(2026, 2, 16, 23, 0, tzinfo=UTC)),
        # 14 days after 15 March is 29 March, the 23-hour day.
        (date(2026, 3, 15), datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),
        # 14 days after 11 October is 25 October, the 25-hour day.
        (date(2026, 10, 11), datetime(2026, 10, 25, 23, 0, tzinfo=UTC)),
        # Calendar days: Easter does not extend the EASY deadline.
        (date(2026, 3, 23), datetime(2026, 4, 6, 22, 0, tzinfo=UTC)),
    ],
)
def test_easy_report_within_14_days_after_the_first_day_of_absence(first_absence: date,
                                                                   due: datetime) -> None:
    start = datetime.combine(first_absence - timedelta(days=1), datetime.min.time(), UTC)
    data = incident("VIO-PHY/staff", occurred_start=start,
                    injuries=(hurt("staff", "visible_injury", absent_from=first_absence),))
    spec = next(s for s in duties_for(classify(data, TAXONOMY), data, start)
                if s.kind == DutyKind.WORK_INJURY)
    assert spec.due_at == due
