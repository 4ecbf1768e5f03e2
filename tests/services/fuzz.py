"""Hypothesis strategies for hostile service input, and the one rule every call must obey.

The rule: a call either returns plain frozen data, or refuses with a ``ValidationError`` whose
keys are the caller's field names and whose Danish messages are real sentences, or says
``PermissionDenied`` / ``NotFound`` / ``ConflictError`` where that is the honest answer. Anything
else is a crash. After a refusal no table (except the audit log) has gained or lost a row.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from typing import Any, TypeVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from safetylog.domain.problems import known_codes
from safetylog.domain.timeutil import COPENHAGEN
from tests.factories import table_counts

T = TypeVar("T")

# Modest example counts: every example is a real transaction, on SQLite and on PostgreSQL.
# SAFETYLOG_FUZZ_EXAMPLES=500 makes a long soak run (tests with several kinds of call scale up).
EXAMPLES = int(os.environ.get("SAFETYLOG_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.large_base_example, HealthCheck.data_too_large])

# --- text -------------------------------------------------------------------------------------

SPECIAL_TEXTS = (
    "", " ", "\t\n ", "\x00", "nul\x00byte", "klokke\x07", "\x1b[2J", "slet\x7f",
    "\u202eomvendt", "\ufeffBOM", "nul\u200bbredde", "Ææ Øø Åå", "🙂 emoji 👍🏽", "ﬁ ß İ ǅ",
    "Beboer 010190-1234 slog", "0101901234", "CPR 311299 4321", "ring 20 30 40 50",
    "Journalnr. 0400-12345-00123-26", 'B-101 "citat" *stjerne* NEAR(a b)', "fælles*",
    "'; DROP TABLE incidents; --", "a:* & !b | c", "-", "_", "B-101", "staff", "S3",
)
PLAIN_TEXTS = ("Beboeren råbte i gården.", "Dør ødelagt ved indgangen", "Politiet kom kl. 03.10",
               "Møde med nærpolitiet", "Vurdering af behov")
HUGE_TEXTS = ("x" * 61, "y" * 201, "ø" * 2_001, "z" * 20_001, "w " * 60_000)


def cpr_like() -> st.SearchStrategy[str]:
    return st.builds(
        lambda d, m, y, s, sep, before: f"{before}{d:02}{m:02}{y:02}{sep}{s:04}",
        st.integers(0, 39), st.integers(0, 14), st.integers(0, 99), st.integers(0, 9999),
        st.sampled_from(["", "-", " ", "/"]), st.sampled_from(["", "CPR ", "født ", "1"]),
    )


def texts(max_size: int = 40) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=max_size), st.sampled_from(SPECIAL_TEXTS),
                     st.sampled_from(PLAIN_TEXTS), st.sampled_from(HUGE_TEXTS), cpr_like())


def names() -> st.SearchStrategy[str]:
    """User names, codes and pseudonyms: mostly well-formed, sometimes anything."""
    return st.one_of(st.from_regex(r"[A-Za-z0-9._-]{1,12}", fullmatch=True),
                     st.from_regex(r"[A-ZÆØÅ]-[0-9]{3}", fullmatch=True), texts(20))


# --- numbers and ids ----------------------------------------------------------------------------

EDGE_INTS = (0, -1, 1, 2**31 - 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, -(2**63) - 1, 10**30)


def ints() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(-5, 60), st.integers(), st.sampled_from(EDGE_INTS))


def ids(valid: Collection[int]) -> st.SearchStrategy[int]:
    """A real id about half the time, else any integer at all.

    The pool grows as examples save rows, so it is indexed by a draw of fixed shape: hypothesis
    replays examples and refuses strategies whose shape depends on the database.
    """
    pool = sorted(valid)
    return st.one_of(st.integers(0, 63).map(lambda i: pool[i % len(pool)] if pool else i), ints())


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


def tuples(strategy: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def enum_or_garbage(enum: type[StrEnum]) -> st.SearchStrategy[Any]:
    """A member, its value as text, or what a broken form or import might send instead."""
    return st.one_of(st.sampled_from(list(enum)), st.sampled_from([m.value for m in enum]),
                     st.text(max_size=12), st.sampled_from(["", " ", "NULL", "S9", "x" * 200]),
                     st.integers(-3, 3), st.none())


# --- time ---------------------------------------------------------------------------------------

_OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
DST_EDGES = (
    datetime(2026, 3, 29, 2, 30),  # does not exist on a Danish clock
    datetime(2026, 10, 25, 2, 30, fold=0),
    datetime(2026, 10, 25, 2, 30, fold=1),
    datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
    datetime(2026, 10, 25, 1, 30, tzinfo=UTC),
)


def recent(max_days: int = 400) -> st.SearchStrategy[datetime]:
    """Plausible entry times: naive Copenhagen wall-clock or aware, up to a few minutes ahead."""
    minutes = st.integers(-10, max_days * 24 * 60)
    aware = minutes.map(lambda m: datetime.now(UTC) - timedelta(minutes=m))
    naive = aware.map(lambda moment: moment.astimezone(COPENHAGEN).replace(tzinfo=None))
    return st.one_of(aware, naive)


def moments() -> st.SearchStrategy[datetime]:
    return st.one_of(
        recent(), recent(),
        st.datetimes(),  # naive, year 1 to 9999
        st.datetimes(timezones=st.timezones()),
        st.datetimes(timezones=_OFFSETS),
        st.sampled_from([datetime.min, datetime.max, datetime.max.replace(tzinfo=UTC),
                         datetime.min.replace(tzinfo=timezone(timedelta(hours=23)))]),
        st.sampled_from(DST_EDGES),
    )


def days() -> st.SearchStrategy[date]:
    return st.one_of(st.dates(), st.dates(date(2020, 1, 1), date(2030, 12, 31)),
                     st.sampled_from([date.min, date.max]))


def days_or_garbage() -> st.SearchStrategy[Any]:
    return st.one_of(days(), days(), st.datetimes(max_value=datetime(9998, 1, 1)), st.none(),
                     st.sampled_from(["2026-01-01", "", "i går", 20260101]))


# --- the rule -----------------------------------------------------------------------------------

HONEST = (PermissionDenied, NotFound, ConflictError)


def is_frozen_record(value: object) -> bool:
    return dataclasses.is_dataclass(value) and not isinstance(value, type) and bool(
        value.__dataclass_params__.frozen)  # type: ignore[attr-defined]


def assert_field_problems(error: ValidationError, fields: Collection[str]) -> None:
    assert error.problems, "a refusal must name at least one field"
    danish = error.messages("da")
    for field, problem in error.problems.items():
        # "police.arrests" is a part of the field "police".
        assert field in fields or field.split(".")[0] in fields, f"{field!r} is not a field of this call"
        assert problem.code in known_codes(), problem.code
        assert danish[field].strip() and danish[field] != problem.code, danish[field]


@dataclasses.dataclass(frozen=True)
class Outcome:
    kind: str  # "saved", "refused" or the honest error's class name
    value: Any


def attempt(engine: Engine, call: Callable[[], T], fields: Collection[str],
            honest: Sequence[type[Exception]] = HONEST) -> Outcome:
    """Run ``call`` under the rule; any exception not allowed here fails the test."""
    before = table_counts(engine)
    try:
        result = call()
    except ValidationError as error:
        assert_field_problems(error, fields)
        assert table_counts(engine) == before, "a refused call left rows behind"
        event("refused: " + ", ".join(sorted(error.problems)))
        return Outcome("refused", error)
    except tuple(honest) as error:
        assert str(error), "an error the user sees must say something"
        assert table_counts(engine) == before, "a refused call left rows behind"
        event(type(error).__name__)
        return Outcome(type(error).__name__, error)
    event("saved")
    return Outcome("saved", result)


def field_names(record_type: type[Any], *extra: str) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(record_type)) | frozenset(extra)
