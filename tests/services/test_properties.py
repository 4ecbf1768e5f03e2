"""Property tests: hostile input at every incident and list entry point, on both databases.

Each example either saves (and what was saved reads back right) or is refused field by field,
or is denied/not found/in conflict where that is the honest answer; it never crashes and a
refusal never leaves a partial write. Valid arguments with a permitted role must save. The rule
lives in ``tests/services/fuzz.py``; the entries in ``tests/services/incident_fuzz.py``.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safetylog.domain.enums import IncidentStatus, Role, Severity, Shift
from safetylog.domain.records import (
    SORT_COLUMNS,
    IncidentDetail,
    IncidentFilter,
    IncidentInput,
    SortSpec,
)
from safetylog.domain.timeutil import as_utc, local_stamp
from safetylog.domain.validation import contains_cpr
from safetylog.storage.models import Incident
from tests.conftest import World
from tests.factories import incident_input, table_counts
from tests.services.fuzz import (
    FUZZ,
    Outcome,
    attempt,
    days,
    enum_or_garbage,
    field_names,
    ids,
    ints,
    is_frozen_record,
    moments,
    optional,
    texts,
    tuples,
)
from tests.services.incident_fuzz import (
    TAXONOMY,
    denied_facts,
    incident_inputs,
    partly_hostile,
    plain_text,
    refused_fields,
)

INPUT_FIELDS = field_names(IncidentInput)
ANY_ROLE = st.sampled_from(list(Role))


def _version(world: World, incident_id: int) -> int:
    with world.services.session_factory() as session:
        row = session.get(Incident, incident_id)
        return row.version if row is not None else 1


@pytest.fixture
def seeded(world: World) -> list[int]:
    """Two submitted incidents by staff, to correct, sign off and look up."""
    staff = world.actor(Role.STAFF)
    return [world.services.incidents.submit(staff, incident_input(world)).id,
            world.services.incidents.submit(staff, incident_input(world, narrative="Anden hændelse")).id]


def _assert_saved_as_entered(detail: IncidentDetail, data: IncidentInput) -> None:
    assert is_frozen_record(detail)
    assert detail.narrative == data.narrative.strip()
    assert detail.occurred_start == as_utc(data.occurred_start)
    assert detail.occurred_start.utcoffset() == UTC.utcoffset(None)
    stamp = local_stamp(detail.occurred_start)
    assert (detail.local_date, detail.weekday, detail.hour, detail.shift, detail.shift_date) == (
        stamp.local_date, stamp.weekday, stamp.hour, stamp.shift, stamp.shift_date)
    assert [t.code for t in detail.types] == [t.code for t in data.types]
    assert detail.primary_type in {t.code for t in data.types}
    assert {r[0] for r in detail.residents} == {r.resident_id for r in data.residents}


def _assert_saved_or_contradiction_refused(outcome: Outcome, entry: IncidentInput) -> None:
    """A valid entry saves unless one field denies what another states; then exactly those are named."""
    denied = denied_facts(entry)
    if denied:
        assert outcome.kind == "refused", f"a contradiction in {sorted(denied)} was accepted"
        assert refused_fields(outcome.value) == denied, outcome.value
    else:
        assert outcome.kind == "saved", outcome.value


# --- entry ------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_submit_saves_or_refuses_per_field(world: World, seeded: list[int], data: st.DataObject) -> None:
    bad, entry = data.draw(incident_inputs(world, seeded))
    role = data.draw(st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.MANAGER] * 2
                                     + [Role.PSP_COORDINATOR, Role.ADMIN]))
    before = table_counts(world.services.engine)
    outcome = attempt(world.services.engine,
                      lambda: world.services.incidents.submit(world.actor(role), entry), INPUT_FIELDS)
    if not bad and role in (Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER):
        _assert_saved_or_contradiction_refused(outcome, entry)
    if outcome.kind == "saved":
        _assert_saved_as_entered(outcome.value, entry)
        assert outcome.value.status is IncidentStatus.SUBMITTED
        after = table_counts(world.services.engine)
        assert after["incidents"] == before["incidents"] + 1
        assert after["incident_versions"] == before["incident_versions"] + 1


@FUZZ
@given(data=st.data())
def test_correction_saves_a_new_version_or_refuses(world: World, seeded: list[int],
                                                   data: st.DataObject) -> None:
    bad, args = data.draw(partly_hostile({
        "incident_id": (st.sampled_from(seeded), ids(seeded)),
        "stale": (st.just(False), st.just(True)),
        "role": (st.sampled_from([Role.STAFF, Role.MANAGER]), ANY_ROLE),
        "reason": (plain_text(), texts()),
    }, max_bad=2))
    entry_bad, entry = data.draw(incident_inputs(world, seeded))
    incident_id = args["incident_id"]
    expected = _version(world, incident_id) + (data.draw(ints()) if args["stale"] else 0)
    incidents = world.services.incidents
    outcome = attempt(world.services.engine, lambda: incidents.correct(
        world.actor(args["role"]), incident_id, entry, reason=args["reason"], expected_version=expected),
        INPUT_FIELDS | {"reason", "status"})
    if not bad and not entry_bad:
        _assert_saved_or_contradiction_refused(outcome, entry)
    if outcome.kind == "saved":
        _assert_saved_as_entered(outcome.value, entry)
        assert outcome.value.versions[-1].reason == args["reason"].strip()
        assert [v.number for v in outcome.value.versions] == list(range(1, len(outcome.value.versions) + 1))
        assert _version(world, incident_id) == expected + 1


@FUZZ
@given(data=st.data())
def test_review_steps_save_or_refuse(world: World, seeded: list[int], data: st.DataObject) -> None:
    """Severity override, reclassification, addenda and sign-off with hostile arguments."""
    step = data.draw(st.sampled_from(["override", "reclassify", "addendum", "sign_off"]))
    bad, args = data.draw(partly_hostile({
        "incident_id": (st.sampled_from(seeded), ids(seeded)),
        "stale": (st.just(False), st.just(True)),
        "role": (st.just(Role.MANAGER), ANY_ROLE),
        "text": (plain_text(), texts()),
        "severity": (st.sampled_from(Severity), enum_or_garbage(Severity)),
        "kind": (st.sampled_from(["addendum", "correction_request", "review_note"]), texts(12)),
    }, max_bad=2))
    incident_id, text, actor = args["incident_id"], args["text"], world.actor(args["role"])
    expected = _version(world, incident_id) + (data.draw(ints()) if args["stale"] else 0)
    status = (world.services.incidents.get(world.actor(Role.MANAGER), incident_id).status
              if incident_id in seeded else None)
    incidents = world.services.incidents
    calls: dict[str, Any] = {
        "override": lambda: incidents.override_severity(actor, incident_id, args["severity"],
                                                        reason=text, expected_version=expected),
        "reclassify": lambda: incidents.reclassify(actor, incident_id, reason=text,
                                                   expected_version=expected),
        "addendum": lambda: incidents.add_addendum(actor, incident_id, text, args["kind"]),
        "sign_off": lambda: incidents.sign_off(actor, incident_id, expected_version=expected, note=text),
    }
    outcome = attempt(world.services.engine, calls[step],
                      {"severity", "reason", "text", "kind", "note", "status"})
    relevant = {"incident_id", "role", "text"} | {
        "override": {"stale", "severity"}, "reclassify": {"stale"}, "addendum": {"kind"},
        "sign_off": {"stale"}}[step]
    if not bad & relevant and not (step == "sign_off" and status is not IncidentStatus.SUBMITTED):
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert is_frozen_record(outcome.value)
        if step == "override":
            assert outcome.value.severity is Severity(str(args["severity"]))
            assert outcome.value.versions[-1].reason == text.strip()
        if step == "sign_off":
            assert outcome.value.status is IncidentStatus.REVIEWED
        if step == "addendum":
            assert outcome.value.text == text.strip()


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), plain_text(0, 30),
                        st.floats(allow_nan=False, allow_infinity=False))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda children: st.one_of(
    st.lists(children, max_size=3), st.dictionaries(plain_text(max_size=10), children, max_size=3)),
    max_leaves=10)
BAD_PAYLOADS = st.sampled_from([
    {"x": math.nan}, {"x": math.inf}, {"when": datetime(2026, 1, 1)}, {"day": date(2026, 1, 1)},
    {"raw": b"bytes"}, {"set": {1, 2}}, {(1, 2): "tuple key"}, {"big": "x" * 1_000_001},
])


@FUZZ
@given(data=st.data())
def test_drafts_keep_whatever_was_typed_or_refuse(world: World, data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    bad, args = data.draw(partly_hostile({
        "payload": (st.dictionaries(plain_text(max_size=12), JSON_VALUES, max_size=5), BAD_PAYLOADS),
        "role": (st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.MANAGER]), ANY_ROLE),
        "facility_id": (st.sampled_from([None, world.facility.id]), ids(facilities)),
        "discard": (st.just(False), st.just(True)),
    }, max_bad=2))
    actor = world.actor(args["role"])
    drafts = world.services.incidents
    if args["discard"]:
        own = [d[0] for d in drafts.drafts(actor)]
        draft_id = data.draw(ids(own))
        outcome = attempt(world.services.engine, lambda: drafts.discard_draft(actor, draft_id), set())
        if outcome.kind == "saved":
            assert draft_id not in [d[0] for d in drafts.drafts(actor)]
        return
    outcome = attempt(world.services.engine, lambda: drafts.save_draft(
        actor, args["payload"], facility_id=args["facility_id"]), {"payload"})
    if not bad:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert {d[0]: d[2] for d in drafts.drafts(actor)}[outcome.value] == args["payload"]


# --- reading and lists ----------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_reading_an_incident_or_the_duties_never_crashes(world: World, seeded: list[int],
                                                         data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    bad, args = data.draw(partly_hostile({
        "incident_id": (st.sampled_from(seeded), ids(seeded)),
        # The PSP coordinator reads no narratives, so no incident detail (tests/security).
        "role": (st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.MANAGER]), ANY_ROLE),
        "facility_ids": (st.lists(st.sampled_from(facilities), max_size=2).map(tuple),
                         tuples(ids(facilities))),
    }, max_bad=2))
    actor = world.actor(args["role"])
    outcome = attempt(world.services.engine,
                      lambda: world.services.incidents.get(actor, args["incident_id"]), set())
    if not bad & {"incident_id", "role"}:
        assert outcome.kind == "saved" and outcome.value.id == args["incident_id"], outcome.value
    duties = attempt(world.services.engine, lambda: world.services.incidents.duties(
        actor, open_only=False, facility_ids=args["facility_ids"]), set())
    if duties.kind == "saved":
        assert all(is_frozen_record(d) and actor.may_see_facility(d.facility_id) for d in duties.value)
        assert all(d.facility_id in args["facility_ids"] for d in duties.value if args["facility_ids"])


FILTER_FIELDS = field_names(IncidentFilter, "sort", "limit", "after")
SEARCH_SYNTAX = st.sampled_from(['"', "*", "NEAR", "a NEAR b", "AND", "OR NOT", '"unclosed', "fæ*",
                                 "^", "x:*", "(", ")", "-", "' OR 1=1 --", "\\", "%_", "\t"])


def _filter_fields(world: World) -> dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]:
    facilities = [world.facility.id, world.other_facility.id]
    residents = [r.id for r in world.residents]
    some = lambda strategy: st.lists(strategy, max_size=2).map(tuple)  # noqa: E731
    return {
        "date_from": (optional(st.dates(date(2020, 1, 1), date(2030, 1, 1))), days()),
        "date_to": (optional(st.dates(date(2020, 1, 1), date(2030, 1, 1))), days()),
        "facility_ids": (some(st.sampled_from(facilities)), tuples(ids(facilities))),
        "type_codes": (some(st.sampled_from(TAXONOMY.codes)), tuples(texts(12))),
        "severities": (some(st.sampled_from(Severity)), tuples(enum_or_garbage(Severity))),
        "statuses": (some(st.sampled_from(IncidentStatus)), tuples(enum_or_garbage(IncidentStatus))),
        "resident_id": (optional(st.sampled_from(residents)), ids(residents)),
        "zone_id": (optional(st.just(world.zone.id)), ids([world.zone.id])),
        "shifts": (some(st.sampled_from(Shift)), tuples(enum_or_garbage(Shift))),
        # Search syntax and any printable text are valid searches: they must be accepted.
        "text": (st.one_of(st.just(""), plain_text(max_size=30), SEARCH_SYNTAX,
                           st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=30)),
                 texts(30)),
    }


def cursors() -> st.SearchStrategy[Any]:
    scalars = st.one_of(st.none(), ints(), texts(10), moments(), days(), st.floats(), st.booleans())
    return st.one_of(st.tuples(scalars, ints()), st.tuples(scalars, scalars),
                     st.lists(scalars, max_size=4).map(tuple), texts(10))


@FUZZ
@given(data=st.data())
def test_incident_list_pages_or_refuses_any_filter_sort_and_cursor(world: World, seeded: list[int],
                                                                   data: st.DataObject) -> None:
    fields = {
        **_filter_fields(world),
        "role": (st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.MANAGER, Role.PSP_COORDINATOR]),
                 ANY_ROLE),
        "column": (st.sampled_from(SORT_COLUMNS), texts(12)),
        "after": (st.none(), cursors()),
        "limit": (st.integers(1, 3), ints()),
    }
    bad, args = data.draw(partly_hostile(fields, max_bad=3))
    actor = world.actor(args.pop("role"))
    text = args.get("text")
    if isinstance(text, str) and text.strip() and (
            actor.role is Role.PSP_COORDINATOR or contains_cpr(text)):
        bad = bad | {"text"}  # searching narratives is reading them; a CPR number is refused
    sort = SortSpec(args.pop("column"), data.draw(st.booleans()))
    after, limit = args.pop("after"), args.pop("limit")
    criteria = IncidentFilter(**args)
    queries = world.services.queries
    outcome = attempt(world.services.engine,
                      lambda: queries.page(actor, criteria, sort, after, limit), FILTER_FIELDS)
    counted = attempt(world.services.engine, lambda: queries.count(actor, criteria), FILTER_FIELDS)
    if not bad:
        assert outcome.kind == "saved" and counted.kind == "saved", (outcome.value, counted.value)
    if outcome.kind == "saved":
        page = outcome.value
        assert is_frozen_record(page) and len(page.rows) <= limit
        assert all(is_frozen_record(row) and actor.may_see_facility(row.facility_id) for row in page.rows)
        if page.next_cursor is not None:  # the service's own cursor is always accepted
            following = queries.page(actor, criteria, sort, page.next_cursor, limit)
            assert not {r.id for r in following.rows} & {r.id for r in page.rows}
        if after is None and counted.kind == "saved":
            assert counted.value >= len(page.rows)
