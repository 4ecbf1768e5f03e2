"""Deadlines: calendar days, hours and working days (weekends, Easter and the other Danish
holidays), and the summer-time change days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from safetylog.classification import classify
from safetylog.classification.duties import DutyKind, duties_for
from safetylog.classification.duty_rules import Anchor, Deadline, RuleBook, Source, Unit, parse_rules
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

SOURCE = Source("Test")
DEFAULT = Deadline("forwarding", 3, Unit.WORKING_DAYS, Anchor.EPISODE_START, SOURCE)
CUSTOMARY = Deadline("forwarding", 3, Unit.WORKING_DAYS, Anchor.EPISODE_START, SOURCE,
                     customary_days_off=True)


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
def test_a_rule_in_working_days_skips_weekends_and_holidays(
        incident_day: date, settings: Deadline, last_day: date, why: str) -> None:
    due = settings.due(incident_day)
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


RULES_FILE = Path(__file__).parents[2] / "resources" / "rules" / "duties-2026.2.toml"


def force_duty(start: datetime, book: RuleBook | None = None) -> dict[str, object]:
    data = incident("FRC/124d", occurred_start=start, measures=(Measure.HOLD_124D,))
    spec = next(s for s in duties_for(classify(data, TAXONOMY), data, start, book)
                if s.kind == DutyKind.FORCE_CASE)
    return {"due_at": spec.due_at, **spec.details}


@pytest.mark.parametrize(
    ("start", "last_day"),
    [
        # Spring: 22:00 CET on 28 March; the day after is the 23-hour 29 March.
        (datetime(2026, 3, 28, 21, 0, tzinfo=UTC), date(2026, 3, 29)),
        # Autumn: 22:00 CEST on 24 October; the day after is the 25-hour 25 October.
        (datetime(2026, 10, 24, 20, 0, tzinfo=UTC), date(2026, 10, 25)),
        # 23:50 on New Year's Eve: the day after is 1 January, a holiday, still a calendar day.
        (datetime(2026, 12, 31, 22, 50, tzinfo=UTC), date(2027, 1, 1)),
    ],
)
def test_staff_register_force_at_the_latest_the_calendar_day_after(start: datetime, last_day: date) -> None:
    duty = force_duty(start)
    assert duty["due_at"] == end_of_local_day(last_day)
    assert duty["sources"]["registration"]["paragraph"].startswith("§ 135 a, stk. 1")  # type: ignore[index]


def test_both_02_30s_of_the_autumn_night_give_the_same_forwarding_day() -> None:
    first = force_duty(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # 02:30 CEST
    second = force_duty(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET, an hour later
    # Sunday 25 October: calendar day 3 is Wednesday 28th; the day ends at 23:00 UTC in winter time.
    assert first["forwarding_due"] == second["forwarding_due"] == "2026-10-28T23:00:00+00:00"


def test_a_rules_file_in_working_days_is_followed() -> None:
    text = RULES_FILE.read_text(encoding="utf-8").replace(
        'count = 3\nunit = "calendar_days"', 'count = 5\nunit = "working_days"')
    book = parse_rules(text.replace('version = "2026.2"', 'version = "2026.9"'))
    start = datetime(2026, 2, 11, 9, 0, tzinfo=UTC)
    duty = force_duty(start, book)
    assert duty["forwarding_due"] == "2026-02-18T23:00:00+00:00"  # Thu, Fri, Mon, Tue, Wed 18 Feb
    assert duty["sources"]["forwarding"]["rule"] == "5 arbejdsdage fra episode_start"  # type: ignore[index]


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
