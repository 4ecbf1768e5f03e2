"""Field checks: every problem is collected per field and worded in Danish and English; CPR
numbers are caught in free text without flagging phone numbers, dates or journal numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from safetylog.domain.enums import Severity
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem, known_codes
from safetylog.domain.validation import OLDEST_YEARS, Checker, contains_cpr

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


# --- the CPR detector ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "Beboer (311299-4321) slog ud efter personalet.",
        "CPR: 150575-0000, ring til pårørende",
        "Født 290200-1111.",
        "Hans nr. er 1212121212",
    ],
)
def test_cpr_numbers_are_found(text: str) -> None:
    assert contains_cpr(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ring 20 30 40 50 eller +45 2030 4050",
        "Tlf. 20304050",
        "004520304050",
        "Hændelsen skete 01-01-2026 kl. 02:40",
        "Dato 01.01.2026, 24/12/2025, 2026-10-25",
        "Journalnr. 0400-12345-00123-26",
        "Politiets journalnummer 4100-80151-00042-26",
        "Skaden anslås til 12.500 kr. (regning 2026-0042)",
        "Beløb 1.200.000 kr.",
        "Værelse 101, 2. sal",
        "320190-1234",  # day 32 does not exist
        "011390-1234",  # month 13 does not exist
        "010190-12345",  # too many digits: not a CPR number
        "12010190-1234",  # digits run on before the date
    ],
)
def test_phone_numbers_dates_and_journal_numbers_are_not_cpr(text: str) -> None:
    assert not contains_cpr(text)


def test_a_personal_text_with_cpr_is_refused_but_a_non_personal_one_is_not() -> None:
    check = Checker()
    check.text("narrative", "B-101 (010190-1234) slog")
    check.text("journal", "010190-1234", personal=False)
    assert check.problems == {"narrative": Problem("cpr_number")}


# --- text ---------------------------------------------------------------------------------------


def test_text_is_stripped_and_none_is_empty() -> None:
    check = Checker()
    assert check.text("a", "  Fællesstuen  ") == "Fællesstuen"
    assert check.text("b", None) == ""
    assert check.problems == {}


@pytest.mark.parametrize(
    ("value", "kwargs", "code"),
    [
        ("", {"required": True}, "empty_text"),
        (" \n\t ", {"required": True}, "empty_text"),
        (None, {"required": True}, "empty_text"),
        ("x" * 11, {"limit": 10}, "too_long"),
        ("bip\x07bip", {}, "control_characters"),
        ("null\x00byte", {}, "control_characters"),
        ("escape \x1b[31m", {}, "control_characters"),
        ("delete\x7f", {}, "control_characters"),
        (42, {}, "invalid_format"),
        (b"bytes", {}, "invalid_format"),
    ],
)
def test_bad_text_gets_one_problem_for_its_field(value: object, kwargs: dict[str, object],
                                                 code: str) -> None:
    check = Checker()
    check.text("narrative", value, **kwargs)  # type: ignore[arg-type]
    assert check.problems["narrative"].code == code


def test_line_breaks_and_tabs_are_ordinary_text() -> None:
    check = Checker()
    assert check.text("narrative", "Linje 1\r\nLinje 2\n\tindrykket") == "Linje 1\r\nLinje 2\n\tindrykket"
    assert check.ok("narrative")


def test_too_long_names_the_limit_and_the_length_in_both_languages() -> None:
    check = Checker()
    check.text("narrative", "æ" * 25, limit=20)
    problem = check.problems["narrative"]
    assert problem.text("da") == "Højst 20 tegn (der er 25)."
    assert problem.text("en") == "At most 20 characters (25 given)."


def test_the_first_problem_of_a_field_is_kept_and_others_are_collected() -> None:
    check = Checker()
    check.text("narrative", "", required=True)
    check.add("narrative", "too_long", limit=1, length=2)
    check.integer("count", -1, low=0, high=10)
    assert check.problems["narrative"].code == "empty_text"
    assert set(check.problems) == {"narrative", "count"}
    assert not check.ok("count")
    assert check.ok("other")


# --- moments and days -------------------------------------------------------------------------


def test_moment_converts_naive_copenhagen_time_to_utc() -> None:
    check = Checker()
    moment = check.moment("start", datetime(2026, 7, 1, 14, 0), now=NOW)
    assert moment == datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert check.problems == {}


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "required"),
        (date(2026, 1, 1), "invalid_format"),
        ("2026-01-01 12:00", "invalid_format"),
        (NOW + timedelta(minutes=6), "future_time"),
        (NOW + timedelta(days=3650), "future_time"),
        (NOW - timedelta(days=365 * OLDEST_YEARS + 1), "too_old"),
        (datetime(1, 1, 1), "invalid_format"),  # before year 1 in UTC: cannot be converted
        (datetime.max.replace(tzinfo=timezone(timedelta(hours=-23))), "invalid_format"),
    ],
)
def test_bad_moments_are_refused(value: object, code: str) -> None:
    check = Checker()
    parsed = check.moment("start", value, now=NOW)
    assert check.problems["start"].code == code
    if code in ("required", "invalid_format"):
        assert parsed is None


def test_a_few_minutes_ahead_is_allowed_for_clock_drift() -> None:
    check = Checker()
    assert check.moment("start", NOW + timedelta(minutes=4), now=NOW) is not None
    assert check.ok("start")


def test_optional_moment_may_be_empty() -> None:
    check = Checker()
    assert check.moment("end", None, required=False, now=NOW) is None
    assert check.ok("end")


def test_day_refuses_datetimes_and_other_types() -> None:
    check = Checker()
    assert check.day("a", date(2026, 1, 1)) == date(2026, 1, 1)
    check.day("b", datetime(2026, 1, 1))
    check.day("c", "2026-01-01")
    check.day("d", None)
    assert check.day("e", None, required=False) is None
    assert {f: p.code for f, p in check.problems.items()} == {
        "b": "invalid_format", "c": "invalid_format", "d": "required"}


# --- numbers and choices ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [(True, "not_a_number"), ("3", "not_a_number"), (2.5, "not_a_number"), (11, "out_of_range"),
     (-1, "out_of_range"), (10**30, "out_of_range")],
)
def test_integer_refuses_non_integers_and_out_of_range(value: object, code: str) -> None:
    check = Checker()
    assert check.integer("count", value, low=0, high=10) is None
    assert check.problems["count"].code == code


def test_integer_range_message_names_the_bounds() -> None:
    check = Checker()
    check.integer("count", 99, low=0, high=10)
    assert check.problems["count"].text("da") == "Skal være mellem 0 og 10."
    assert check.integer("ok", 0, low=0, high=10) == 0


def test_choice_parses_values_and_refuses_garbage_with_a_short_echo() -> None:
    check = Checker()
    assert check.choice("severity", "S3", Severity) is Severity.S3
    assert check.choice("severity", Severity.S1, Severity) is Severity.S1
    check.choice("bad", "S9" * 100, Severity)
    check.choice("empty", "", Severity)
    assert check.choice("optional", None, Severity, required=False) is None
    assert check.problems["bad"].code == "invalid_choice"
    assert len(check.problems["bad"].params["value"]) == 40
    assert check.problems["empty"].code == "required"
    assert "optional" not in check.problems


def test_choices_drop_duplicates_and_keep_order() -> None:
    check = Checker()
    assert check.choices("severities", ["S2", "S1", "S2"], Severity) == (Severity.S2, Severity.S1)
    assert check.ok("severities")


# --- the error the user sees ----------------------------------------------------------------


def test_raise_if_any_gives_every_field_in_both_languages() -> None:
    check = Checker()
    check.raise_if_any()  # nothing wrong: no error
    check.text("narrative", "", required=True)
    check.moment("occurred_start", NOW + timedelta(days=1), now=NOW)
    with pytest.raises(ValidationError) as caught:
        check.raise_if_any()
    error = caught.value
    assert set(error.problems) == {"narrative", "occurred_start"}
    assert error.messages("da") == {"narrative": "Må ikke være tom.",
                                    "occurred_start": "Tidspunktet ligger i fremtiden."}
    assert error.errors["occurred_start"] == "The time is in the future."
    assert "narrative: Must not be empty." in str(error)


def test_every_problem_code_has_danish_and_english_wording() -> None:
    for code in known_codes():
        problem = Problem(code)
        assert problem.text("da").strip()
        assert problem.text("en").strip()


def test_missing_parameters_fall_back_to_the_template_instead_of_crashing() -> None:
    assert Problem("too_long").text("da").startswith("Højst")
    assert Problem("no_such_code").text("da") == "no_such_code"
