"""Property tests for the follow-up work: Brøset assessments, duties, settings, reports and the
drug-trade list, with hostile arguments, on both databases. Same rule as ``test_properties.py``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetylog.classification.duties import DutyState
from safetylog.classification.duty_fields import FIELDS
from safetylog.domain.enums import Role, Severity
from safetylog.domain.records import BvcInput, TypeChoice
from safetylog.services.drug_patterns import DrugFilter
from safetylog.services.reports import ReportRequest
from safetylog.services.settings import DEFINITIONS
from tests.conftest import World
from tests.factories import incident_input
from tests.services.fuzz import (
    EXAMPLES,
    FUZZ,
    attempt,
    days,
    enum_or_garbage,
    ids,
    ints,
    is_frozen_record,
    moments,
    optional,
    texts,
    tuples,
)
from tests.services.incident_fuzz import TAXONOMY, partly_hostile, past, plain_text
from tests.versions import setting_version

ANY_ROLE = st.sampled_from(list(Role))
FRONTLINE = st.sampled_from([Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER])
Fields = dict[str, tuple[st.SearchStrategy[Any], st.SearchStrategy[Any]]]


def aware_moments() -> st.SearchStrategy[datetime]:
    return st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC))


# --- Brøset --------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_brøset_assessments_save_or_refuse(world: World, data: st.DataObject) -> None:
    residents = [r.id for r in world.residents]
    facilities = [world.facility.id, world.other_facility.id]
    items = st.one_of(st.booleans(), st.sampled_from([None, 0, 1, "ja", "", 2]))
    step = data.draw(st.sampled_from(["record", "latest", "history", "notices"]))
    relevant = {"record": ("role", "resident_id", "assessed_at", "items", "actions"),
                "latest": ("reader", "resident_id", "at"),
                "history": ("reader", "resident_id", "since", "until"),
                "notices": ("manager", "facility_ids", "hours")}[step]
    fields: Fields = {
        "role": (FRONTLINE, ANY_ROLE),
        "reader": (st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.PSP_COORDINATOR]), ANY_ROLE),
        "manager": (st.just(Role.MANAGER), ANY_ROLE),
        "resident_id": (st.sampled_from(residents), ids([*residents, world.other_resident.id])),
        # One assessment per resident per shift: a random moment this year rarely repeats one.
        "assessed_at": (past(365), moments()),
        "items": (st.lists(st.booleans(), min_size=6, max_size=6),
                  st.lists(items, min_size=6, max_size=6)),
        "actions": (st.one_of(st.just(""), plain_text(max_size=100)), texts()),
        "at": (optional(aware_moments()), moments()),
        "since": (optional(aware_moments()), moments()),
        "until": (optional(aware_moments()), moments()),
        "facility_ids": (st.lists(st.sampled_from(facilities), max_size=2).map(tuple),
                         tuples(ids(facilities))),
        "hours": (st.integers(1, 24 * 14), ints()),
    }
    bad, a = data.draw(partly_hostile({name: fields[name] for name in relevant}, max_bad=2))
    bvc = world.services.bvc
    calls = {
        "record": lambda: bvc.record(world.actor(a["role"]), BvcInput(
            *[a["resident_id"], a["assessed_at"], *a["items"], a["actions"]])),
        "latest": lambda: bvc.latest(world.actor(a["reader"]), a["resident_id"], a["at"]),
        "history": lambda: bvc.history(world.actor(a["reader"]), a["resident_id"], since=a["since"],
                                       until=a["until"]),
        "notices": lambda: bvc.high_risk_notices(world.actor(a["manager"]), facility_ids=a["facility_ids"],
                                                 hours=a["hours"]),
    }
    outcome = attempt(world.services.engine, calls[step],
                      {"resident_id", "assessed_at", "actions", "at", "since", "until", "hours",
                       "facility_ids", "confused", "irritable", "boisterous", "physical_threats",
                       "verbal_threats", "attacks_objects"})
    if not bad and step != "record":  # a second assessment in the same shift is refused, rightly
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved" and step == "record":
        assert outcome.value.total == sum(a["items"]) and is_frozen_record(outcome.value)
    if outcome.kind == "saved" and step == "history":
        assert all(r.resident_id == a["resident_id"] for r in outcome.value)


# --- duties ---------------------------------------------------------------------------------------


@pytest.fixture
def duty_ids(world: World) -> list[int]:
    """Duties of a police report (POL-RPT) and a use of force (FRC with a § 124 d hold)."""
    from safetylog.domain.enums import Measure

    incident = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(
        world, types=(TypeChoice("POL-RPT"), TypeChoice("FRC")), measures=(Measure.HOLD_124D,)))
    return [d.id for d in world.services.duties.find(world.actor(Role.MANAGER), incident_id=incident.id)]


DUTY_FIELDS = {f.name for fields in FIELDS.values() for f in fields}  # closing names what is missing
DUTY_VALUES = st.one_of(plain_text(max_size=40), st.dates(date(2025, 1, 1), date(2026, 11, 1)),
                        st.sampled_from(["1", "2", "2026-10-01", "2026-10-01T12:00:00+01:00", "", None]))
DUTY_GARBAGE = st.one_of(texts(40), moments(), days(), ints(), st.sampled_from(
    ["3", "2026-13-45", "9999-12-31T23:59:59+14:00", "i morgen", "\x00", ["liste"], {"a": 1}]))
DUTY_FIELD_NAMES = st.sampled_from(["note", "journal_no", "report_filed_on", "registered_at",
                                    "sbst_form", "sbst_reference", "sent_to_handlekommune_on",
                                    "decision_expires_on"])


@settings(FUZZ, max_examples=EXAMPLES * 3 // 2)
@given(data=st.data())
def test_duties_are_followed_up_or_refused(world: World, duty_ids: list[int], data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    bad, a = data.draw(partly_hostile({
        "role": (st.just(Role.MANAGER), ANY_ROLE),
        "duty_id": (st.sampled_from(duty_ids), ids(duty_ids)),
        "changes": (st.dictionaries(DUTY_FIELD_NAMES, DUTY_VALUES, max_size=3),
                    st.dictionaries(st.one_of(DUTY_FIELD_NAMES, texts(20)), DUTY_GARBAGE, max_size=3)),
        "state": (st.sampled_from([None, DutyState.IN_PROGRESS]), enum_or_garbage(DutyState)),
        "reason": (plain_text(max_size=60), texts()),
        "stale": (st.just(False), st.just(True)),
        "facility_ids": (st.sampled_from([(), (world.facility.id,), tuple(facilities)]),
                         tuples(ids(facilities))),
        "kinds": (st.just(()), tuples(texts(20))),
        "incident_id": (st.none(), ints()),
    }, max_bad=2))
    actor, duties = world.actor(a["role"]), world.services.duties
    current = duties.get(world.actor(Role.MANAGER), a["duty_id"]) if a["duty_id"] in duty_ids else None
    expected = (current.version if current else 1) + (data.draw(ints()) if a["stale"] else 0)
    if data.draw(st.booleans()):
        outcome = attempt(world.services.engine, lambda: duties.update(
            actor, a["duty_id"], a["changes"], expected_version=expected, state=a["state"],
            reason=a["reason"]), {"state", "reason", *a["changes"], *DUTY_FIELDS})
        if outcome.kind == "saved":
            assert outcome.value.version >= expected and is_frozen_record(outcome.value)
    else:
        outcome = attempt(world.services.engine, lambda: duties.find(
            actor, open_only=False, facility_ids=a["facility_ids"], kinds=a["kinds"],
            incident_id=a["incident_id"]), {"facility_ids", "kinds", "incident_id"})
        if not bad:
            assert outcome.kind == "saved" and {d.id for d in outcome.value} >= set(duty_ids)


# --- settings -------------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_settings_save_or_refuse(world: World, data: st.DataObject) -> None:
    key = data.draw(st.one_of(st.sampled_from(sorted(DEFINITIONS)), texts(20)))
    definition = DEFINITIONS.get(key)
    if definition is not None and definition.choices:
        valid: st.SearchStrategy[Any] = st.sampled_from(definition.choices)
    elif definition is not None:
        assert definition.low is not None and definition.high is not None
        valid = st.integers(definition.low, definition.high)
        valid = st.one_of(valid, valid.map(str), valid.map(lambda n: f" {n} "))
    else:
        valid = st.just("x")
    bad, a = data.draw(partly_hostile({
        "role": (st.just(Role.ADMIN), ANY_ROLE),
        "value": (valid, st.one_of(texts(20), ints(), st.none(), st.booleans(), st.floats(),
                                   st.sampled_from(["²", "١٢", "1" * 5000, "-0", "+5", "1e3"]))),
    }, max_bad=1))
    settings_service = world.services.settings
    version = setting_version(world.services, key)
    outcome = attempt(world.services.engine, lambda: settings_service.set(
        world.actor(a["role"]), key, a["value"], expected_version=version), {key, "key"})
    if not bad and definition is not None:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert settings_service.get(key) == outcome.value
    everything = settings_service.all()
    assert set(everything) == set(DEFINITIONS)


# --- reports and the drug-trade list ------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_reports_build_or_refuse(world: World, tmp_path: Path, data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    today = datetime.now(UTC).date()
    start = st.dates(today - timedelta(days=300), today)
    bad, a = data.draw(partly_hostile({
        "role": (st.sampled_from([Role.MANAGER, Role.PSP_COORDINATOR]), ANY_ROLE),
        "date_from": (start, st.one_of(days(), st.none(), st.just("2026-01-01"))),
        "length": (st.integers(0, 90), ints()),
        "facility_ids": (st.lists(st.sampled_from(facilities[:1]), max_size=1).map(tuple),
                         tuples(ids(facilities))),
        "type_codes": (st.lists(st.sampled_from(TAXONOMY.codes), max_size=2).map(tuple), tuples(texts(12))),
        "severities": (st.lists(st.sampled_from([s.value for s in Severity]), max_size=2).map(tuple),
                       tuples(enum_or_garbage(Severity))),
        "meeting_id": (st.none(), ints()),
        "language": (st.sampled_from(["da", "en"]), texts(5)),
        "as_of": (st.none(), moments()),
        "kind": (st.sampled_from(["summary", "monthly", "psp", "records"]), st.just("records")),
        "fmt": (st.sampled_from(["csv", "xlsx"]), texts(8)),
    }, max_bad=2))
    date_from = a["date_from"]
    try:
        date_to = date_from + timedelta(days=a["length"])
    except (TypeError, OverflowError):
        date_to = date_from
    request = ReportRequest(date_from, date_to, a["facility_ids"], a["type_codes"], a["severities"],
                            a["meeting_id"], a["language"], a["as_of"])
    actor, reports = world.actor(a["role"]), world.services.reports
    calls = {
        "summary": lambda: reports.summary(actor, request),
        "monthly": lambda: reports.monthly(actor, request),
        "psp": lambda: reports.psp_pack(actor, request),
        "records": lambda: reports.export_records(actor, request, report="monthly", fmt=a["fmt"],
                                                  target=tmp_path / "records.out"),
    }
    outcome = attempt(world.services.engine, calls[a["kind"]],
                      {"date_from", "date_to", "facility_ids", "type_codes", "severities", "meeting_id",
                       "language", "as_of", "format", "report"})
    if not bad and (a["kind"], a["role"]) != ("summary", Role.PSP_COORDINATOR):
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert is_frozen_record(outcome.value)


@FUZZ
@given(data=st.data())
def test_drug_trade_list_pages_or_refuses(world: World, data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    drug_codes = [c for c in TAXONOMY.codes if c.startswith("DRG")]
    bad, a = data.draw(partly_hostile({
        "role": (st.sampled_from([Role.STAFF, Role.NIGHT_STAFF, Role.MANAGER]), ANY_ROLE),
        "date_from": (optional(st.dates(date(2024, 1, 1), date(2026, 1, 1))), days()),
        "facility_ids": (st.lists(st.sampled_from(facilities), max_size=2).map(tuple),
                         tuples(ids(facilities))),
        "zone_id": (st.sampled_from([None, world.zone.id]), ids([world.zone.id])),
        "type_codes": (st.lists(st.sampled_from(drug_codes), min_size=1, max_size=2,
                                unique=True).map(tuple),
                       tuples(st.one_of(st.sampled_from(TAXONOMY.codes), texts(12)))),
        "after": (st.none(), st.one_of(st.tuples(moments(), ints()), texts(8), st.tuples(ints()))),
        "limit": (st.integers(1, 50), ints()),
    }, max_bad=2))
    criteria = DrugFilter(a["date_from"], None, a["facility_ids"], a["zone_id"], a["type_codes"])
    actor, drugs = world.actor(a["role"]), world.services.drug_patterns
    page = attempt(world.services.engine, lambda: drugs.observations(actor, criteria, a["after"], a["limit"]),
                   {"date_from", "facility_ids", "zone_id", "type_codes", "after", "limit", "criteria"})
    pattern = attempt(world.services.engine, lambda: drugs.pattern(actor, criteria),
                      {"date_from", "facility_ids", "zone_id", "type_codes", "criteria"})
    if not bad:
        assert page.kind == "saved" and pattern.kind == "saved", (page.value, pattern.value)
    if pattern.kind == "saved":
        assert len(pattern.value.weekday_hour) == 7 and all(len(r) == 24 for r in pattern.value.weekday_hour)
