"""Incident entries for the property tests: valid entries with up to three fields made hostile.

A wholly random entry is refused for ten reasons at once and never reaches the code behind the
first check; corrupting a few fields of a valid entry exercises every check on its own, and the
untouched examples prove that valid entries save.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import strategies as st
from sqlalchemy import select

from safetylog.domain.enums import (
    DrugActivity,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    StaffRole,
)
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import (
    DrugObservation,
    IncidentInput,
    Injury,
    InvolvedResident,
    InvolvedStaff,
    OutsidePerson,
    PoliceContact,
    TypeChoice,
    ViolenceDetail,
)
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.domain.validation import contains_cpr
from safetylog.storage.models import User
from tests.conftest import World
from tests.services.fuzz import (
    days_or_garbage,
    enum_or_garbage,
    ids,
    ints,
    moments,
    optional,
    texts,
    tuples,
)

TAXONOMY = current_taxonomy()


def plain_text(min_size: int = 1, max_size: int = 120) -> st.SearchStrategy[str]:
    """Text a person types: letters in any script, digits, spaces and punctuation; no CPR."""
    typed = st.text(st.characters(categories=["L", "N", "Zs", "P", "Sc", "So"]),
                    min_size=min_size, max_size=max_size)
    return typed.filter(lambda t: bool(t.strip()) and not contains_cpr(t))


def past(max_days: int = 300) -> st.SearchStrategy[datetime]:
    """A moment between a minute and ``max_days`` ago, naive (Copenhagen) or aware."""
    ago = st.integers(1, max_days * 24 * 60).map(lambda m: datetime.now(UTC) - timedelta(minutes=m))
    return st.one_of(ago, ago.map(lambda t: t.astimezone(COPENHAGEN).replace(tzinfo=None)))


def valid_types() -> st.SearchStrategy[tuple[TypeChoice, ...]]:
    def choice(code: str) -> st.SearchStrategy[TypeChoice]:
        itype = TAXONOMY.get(code)
        assert itype is not None
        subtypes = [None, *(s.code for s in itype.subtypes)]
        return st.builds(TypeChoice, st.just(code), st.sampled_from(subtypes))

    codes = st.lists(st.sampled_from(TAXONOMY.codes), min_size=1, max_size=3, unique=True)
    return codes.flatmap(lambda cs: st.tuples(*(choice(c) for c in cs)))


def hostile_types() -> st.SearchStrategy[tuple[Any, ...]]:
    garbage_code = st.one_of(st.sampled_from(["", "vio-phy", "VIO", "NOPE-X", "VIO-PHY "]), texts(12))
    garbage = st.builds(TypeChoice, garbage_code, optional(texts(12)))
    bad_subtype = st.builds(TypeChoice, st.sampled_from(TAXONOMY.codes), texts(12))
    twice = st.sampled_from(TAXONOMY.codes).map(lambda c: (TypeChoice(c), TypeChoice(c)))
    return st.one_of(st.just(()), tuples(st.one_of(garbage, bad_subtype), max_size=3), twice)


def _user_ids(world: World) -> list[int]:
    with world.services.session_factory() as session:
        return list(session.scalars(select(User.id).order_by(User.id)))


def field_strategies(world: World, linkable: list[int]) -> dict[str, tuple[st.SearchStrategy[Any],
                                                                        st.SearchStrategy[Any]]]:
    """For every IncidentInput field: (a valid value, a hostile value)."""
    home = [r.id for r in world.residents]
    everyone = [*home, world.other_resident.id]
    users = _user_ids(world)[:5]  # the world's own users; the pool must not grow between examples
    facilities = [world.facility.id, world.other_facility.id]
    codes = st.sampled_from(["provoked", "denied", "verbal", "object", "staff", "none", "talk"])
    return {
        "facility_id": (st.just(world.facility.id), ids(facilities)),
        "occurred_start": (past(), moments()),
        "types": (valid_types(), hostile_types()),
        "narrative": (plain_text(), texts(80)),
        "zone_id": (st.sampled_from([None, world.zone.id]), ids([world.zone.id])),
        "occurred_end": (st.none(), moments()),
        "residents": (
            st.lists(st.sampled_from(home), unique=True, max_size=2).flatmap(
                lambda rs: st.tuples(*(st.builds(InvolvedResident, st.just(r), st.sampled_from(PersonRole))
                                       for r in rs))),
            st.one_of(
                tuples(st.builds(InvolvedResident, ids(everyone), enum_or_garbage(PersonRole))),
                st.builds(lambda r: (InvolvedResident(r, PersonRole.WITNESS),) * 51, ids(home)),
            ),
        ),
        "staff": (
            st.lists(st.sampled_from(users), unique=True, max_size=2).flatmap(
                lambda us: st.tuples(*(st.builds(InvolvedStaff, st.just(u), st.sampled_from(StaffRole))
                                       for u in us))),
            tuples(st.builds(InvolvedStaff, ids(users), enum_or_garbage(StaffRole))),
        ),
        "outsiders": (
            tuples(st.builds(OutsidePerson, plain_text(max_size=60), st.sampled_from(PersonRole),
                             st.integers(1, 20)), max_size=2),
            tuples(st.builds(OutsidePerson, texts(), enum_or_garbage(PersonRole), ints())),
        ),
        "injuries": (
            tuples(st.one_of(
                st.builds(Injury, st.just(InjuredPartyKind.RESIDENT), st.sampled_from(InjuryLevel),
                          st.sampled_from(home), st.none()),
                st.builds(Injury, st.just(InjuredPartyKind.STAFF), st.sampled_from(InjuryLevel),
                          st.none(), st.sampled_from(users)),
                st.builds(Injury, st.just(InjuredPartyKind.OUTSIDER), st.sampled_from(InjuryLevel)),
            ), max_size=2),
            tuples(st.builds(Injury, enum_or_garbage(InjuredPartyKind), enum_or_garbage(InjuryLevel),
                             optional(ids(everyone)), optional(ids(users)), texts(), texts(),
                             days_or_garbage())),
        ),
        "measures": (st.lists(st.sampled_from(Measure), max_size=3).map(tuple),
                     tuples(enum_or_garbage(Measure), max_size=4)),
        "damage_description": (st.one_of(st.just(""), plain_text()), texts()),
        "damage_estimate_dkk": (optional(st.integers(0, 500_000)), ints()),
        "staff_on_duty": (optional(st.integers(0, 50)), ints()),
        "violence": (
            optional(st.builds(ViolenceDetail, tuples(codes), tuples(codes), tuples(codes), tuples(codes),
                               tuples(codes), st.booleans(), st.booleans())),
            st.builds(ViolenceDetail, tuples(texts(12)), tuples(texts(50)), tuples(texts(12)),
                      tuples(texts(12)), tuples(texts(12)), st.booleans(), st.booleans()),
        ),
        "drug": (
            optional(st.builds(DrugObservation,
                               st.lists(st.sampled_from(DrugActivity), max_size=2).map(tuple),
                               tuples(plain_text(max_size=20)), optional(st.integers(0, 10)),
                               optional(st.integers(0, 10)))),
            st.builds(DrugObservation, tuples(enum_or_garbage(DrugActivity)), tuples(texts(20)),
                      optional(ints()), optional(ints()), texts(), texts(), texts(), texts(),
                      st.booleans()),
        ),
        "police": (
            optional(st.builds(PoliceContact, st.booleans(), st.none(), st.none(), st.booleans(),
                               st.integers(0, 3), st.booleans(),
                               st.sampled_from(["", "0400-12345-00123-26"]), st.just(""))),
            st.builds(PoliceContact, st.booleans(), optional(moments()), optional(moments()),
                      st.booleans(), ints(), st.booleans(), texts(70), texts()),
        ),
        "ambulance_called": (st.booleans(), st.booleans()),
        "debrief_offered": (st.booleans(), st.booleans()),
        "linked_incident_id": (st.one_of(st.none(), st.sampled_from(linkable)) if linkable else st.none(),
                               ids(linkable)),
    }


@st.composite
def partly_hostile(draw: st.DrawFn,
                   fields: dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]],
                   max_bad: int = 3) -> tuple[frozenset[str], dict[str, Any]]:
    """Every field valid except a few (none in some examples); returns (hostile names, values)."""
    bad = draw(st.frozensets(st.sampled_from(sorted(fields)), max_size=max_bad))
    return bad, {name: draw(fields[name][1] if name in bad else fields[name][0]) for name in sorted(fields)}


def denied_facts(entry: IncidentInput) -> frozenset[str]:
    """The fields that deny what another field states, which the core must refuse.

    Written out here rather than taken from the core's rule list, so the test fails both when
    the core accepts a contradiction and when it refuses an entry that agrees with itself. A
    police fact counts as denied only when the police section is filled in; a measure ticked
    without the police section is not a denial.
    """
    police = entry.police
    if police is None:
        return frozenset()
    called_by_someone = any(t.code == "POL-CALL" and t.subtype != "police_initiated" for t in entry.types)
    came_themselves = any(t.code == "POL-CALL" and t.subtype == "police_initiated" for t in entry.types)
    denied: set[str] = set()
    for stated, field, holds in (
        (called_by_someone, "types", police.called),
        (came_themselves, "types", police.police_initiated),
        (any(t.code == "POL-RPT" for t in entry.types), "types", police.report_filed),
        (any(t.code == "POL-ARR" for t in entry.types), "types", police.arrests >= 1),
        (Measure.POLICE in entry.measures, "measures", police.called),
    ):
        if stated and not holds:
            denied |= {field, "police"}
    return frozenset(denied)


def refused_fields(error: ValidationError) -> frozenset[str]:
    """The fields a refusal names, by their top-level name ("police.called" is "police")."""
    return frozenset(field.split(".")[0] for field in error.problems)


def incident_inputs(world: World,
                    linkable: list[int]) -> st.SearchStrategy[tuple[frozenset[str], IncidentInput]]:
    return partly_hostile(field_strategies(world, linkable)).map(
        lambda drawn: (drawn[0], IncidentInput(**drawn[1])))
