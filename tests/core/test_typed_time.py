"""A time typed by staff means one Copenhagen instant: the current shift's date, last night when
that is in the future; the two summer-time nights and 29 February included."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from safetylog.domain.timeutil import COPENHAGEN, local_stamp
from safetylog.domain.typed_time import (
    TypedTimeError,
    is_doubled_hour,
    is_summer_time,
    resolve_typed_time,
)
from safetylog.summaries.periods import last_days, last_twelve_months, rolling_period, this_year


def cph(*args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=COPENHAGEN).replace(fold=fold)  # type: ignore[misc, arg-type]


def wall(moment: datetime) -> tuple[date, str]:
    local = moment.astimezone(COPENHAGEN)
    return local.date(), local.strftime("%H:%M")


@pytest.mark.parametrize("typed", ["0240", "240", "2:40", "02:40", "02.40", " 0240 "])
def test_every_way_of_typing_twenty_to_three_means_last_nights_0240(typed: str) -> None:
    now = cph(2026, 3, 5, 3, 10)  # the night shift that began on the 4th
    assert wall(resolve_typed_time(typed, now)) == (date(2026, 3, 5), "02:40")


def test_0240_typed_before_midnight_is_last_night_not_the_coming_one() -> None:
    now = cph(2026, 3, 4, 23, 30)  # the night shift of the 4th has just begun
    assert wall(resolve_typed_time("0240", now)) == (date(2026, 3, 4), "02:40")


def test_a_time_late_in_the_evening_typed_after_midnight_is_the_evening_before() -> None:
    now = cph(2026, 3, 5, 6, 30)
    moment = resolve_typed_time("2350", now)
    assert wall(moment) == (date(2026, 3, 4), "23:50")
    assert local_stamp(moment).shift_date == date(2026, 3, 4)  # the night shift it belongs to


def test_the_current_minute_and_a_few_ahead_stay_today() -> None:
    now = cph(2026, 3, 5, 2, 39, 30)
    assert wall(resolve_typed_time("0240", now)) == (date(2026, 3, 5), "02:40")
    assert wall(resolve_typed_time("0244", now)) == (date(2026, 3, 5), "02:44")
    assert wall(resolve_typed_time("0250", now)) == (date(2026, 3, 4), "02:50")


def test_an_hour_alone_is_on_the_hour() -> None:
    assert wall(resolve_typed_time("2", cph(2026, 3, 5, 3, 10))) == (date(2026, 3, 5), "02:00")
    assert wall(resolve_typed_time("23", cph(2026, 3, 5, 3, 10))) == (date(2026, 3, 4), "23:00")


def test_the_pc_time_zone_does_not_matter() -> None:
    # 01:10 UTC is 02:10 in Copenhagen in winter: 0240 is then still in the future.
    now_utc = datetime(2026, 3, 5, 1, 10, tzinfo=UTC)
    assert wall(resolve_typed_time("0240", now_utc)) == (date(2026, 3, 4), "02:40")


def test_a_date_typed_in_front_is_taken_as_typed() -> None:
    now = cph(2026, 3, 5, 3, 10)
    assert wall(resolve_typed_time("01-03-2026 14:05", now)) == (date(2026, 3, 1), "14:05")
    assert wall(resolve_typed_time("1-3-26 1405", now)) == (date(2026, 3, 1), "14:05")
    assert wall(resolve_typed_time("01.03 1405", now)) == (date(2026, 3, 1), "14:05")
    assert wall(resolve_typed_time("24-12 1800", now)) == (date(2025, 12, 24), "18:00")  # last Christmas


@pytest.mark.parametrize("typed", ["", "02-04-0000", "2540", "0275", "kl to", "02:4", "12345"])
def test_what_is_not_a_time_is_refused_with_one_message(typed: str) -> None:
    with pytest.raises(TypedTimeError) as refused:
        resolve_typed_time(typed, cph(2026, 3, 5, 3, 10))
    assert refused.value.problem.text("da").startswith(("Skriv et klokkeslæt", "Datoen findes ikke"))


def test_29_february() -> None:
    leap_night = cph(2028, 2, 29, 3, 0)
    assert wall(resolve_typed_time("2330", leap_night)) == (date(2028, 2, 28), "23:30")
    assert wall(resolve_typed_time("0240", leap_night)) == (date(2028, 2, 29), "02:40")
    assert wall(resolve_typed_time("29-02 0100", leap_night)) == (date(2028, 2, 29), "01:00")
    # Typed on 1 March 2027: the last 29 February was in 2024.
    assert wall(resolve_typed_time("29-02 0100", cph(2027, 3, 1, 9, 0))) == (date(2024, 2, 29), "01:00")
    assert wall(resolve_typed_time("0240", cph(2028, 3, 1, 1, 0))) == (date(2028, 2, 29), "02:40")
    with pytest.raises(TypedTimeError) as refused:
        resolve_typed_time("29-02-2027 0100", cph(2027, 3, 1, 9, 0))
    assert refused.value.problem.code == "typed_date"


def test_the_spring_night_has_no_0230_and_says_so() -> None:
    with pytest.raises(TypedTimeError) as refused:
        resolve_typed_time("0230", cph(2026, 3, 29, 6, 0))
    assert refused.value.problem.text("da") == (
        "Klokken 02:30 fandtes ikke den 29-03-2026: uret blev stillet frem fra 02:00 til 03:00 "
        "(sommertid). Skriv tiden før eller efter.")
    before, after = resolve_typed_time("0159", cph(2026, 3, 29, 6, 0)), resolve_typed_time(
        "0300", cph(2026, 3, 29, 6, 0))
    assert (after.astimezone(UTC) - before.astimezone(UTC)).total_seconds() == 60  # a minute apart
    assert not is_summer_time(before) and is_summer_time(after)


def test_the_autumn_night_has_0230_twice_the_latest_past_one_is_chosen_and_can_be_named() -> None:
    # 02:45 in summer time: only the first 02:30 has happened.
    during_first = datetime(2026, 10, 25, 0, 45, tzinfo=UTC)
    first = resolve_typed_time("0230", during_first)
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC) and is_summer_time(first)
    # In the morning both have happened: the later (winter time) one, unless "s" says summer.
    morning = cph(2026, 10, 25, 8, 0)
    second = resolve_typed_time("0230", morning)
    assert second == datetime(2026, 10, 25, 1, 30, tzinfo=UTC) and not is_summer_time(second)
    assert resolve_typed_time("0230 s", morning) == first
    assert resolve_typed_time("02:30v", morning) == second
    assert resolve_typed_time("25-10-2026 0230 w", morning) == second
    assert is_doubled_hour(first) and is_doubled_hour(second)
    assert not is_doubled_hour(resolve_typed_time("0330", morning))
    # Both are on the night shift that began on the 24th.
    assert local_stamp(first).shift_date == local_stamp(second).shift_date == date(2026, 10, 24)


def test_the_rolling_periods_on_29_february_and_around_it() -> None:
    assert last_twelve_months(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))
    assert last_twelve_months(date(2027, 2, 28)) == (date(2026, 3, 1), date(2027, 2, 28))
    assert last_twelve_months(date(2028, 3, 1)) == (date(2027, 3, 2), date(2028, 3, 1))
    assert rolling_period("12m", date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))
    assert rolling_period("30d", date(2028, 3, 1)) == (date(2028, 2, 1), date(2028, 3, 1))
    assert rolling_period("90d", date(2028, 2, 29)) == last_days(date(2028, 2, 29), 90)
    assert this_year(date(2028, 2, 29)) == (date(2028, 1, 1), date(2028, 2, 29))
    assert rolling_period("all", date(2028, 2, 29)) == (None, None)
