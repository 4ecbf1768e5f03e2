"""One fact, entered once: a ticked type may not be denied by another field. Each strict rule is
refused with a message under both fields that names the other; what agrees passes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from safetylog.domain.enums import Measure
from safetylog.domain.implications import (
    RULES,
    AggressionMeasure,
    MeasureTaken,
    PoliceArrests,
    PoliceFlag,
    contradictions,
    implied,
)
from safetylog.domain.records import IncidentInput, PoliceContact, TypeChoice, ViolenceDetail
from safetylog.domain.taxonomy import current_taxonomy

TAXONOMY = current_taxonomy()
BASE = IncidentInput(facility_id=1, occurred_start=datetime(2026, 11, 22, 2, 40), types=(),
                     narrative="B-101 truede nattevagten.")


def incident(*types: tuple[str, str | None], **fields: object) -> IncidentInput:
    return replace(BASE, types=tuple(TypeChoice(c, s) for c, s in types), **fields)  # type: ignore[arg-type]


# (the contradicting input, the two fields named, a word each message must hold in Danish)
CASES = [
    pytest.param(incident(("POL-CALL", None), police=PoliceContact(called=False)),
                 "types", "police.called", "Politiet blev tilkaldt", id="police-call-not-called"),
    pytest.param(incident(("POL-CALL", "by_staff"), police=PoliceContact(called=False)),
                 "types", "police.called", "Politi tilkaldt: Af personale", id="police-call-by-staff"),
    pytest.param(incident(("POL-CALL", "police_initiated"), police=PoliceContact()),
                 "types", "police.police_initiated", "eget initiativ", id="police-came-themselves"),
    pytest.param(incident(("POL-RPT", None), police=PoliceContact(called=True)),
                 "types", "police.report_filed", "politianmeldelse", id="report-not-filed"),
    pytest.param(incident(("POL-ARR", None), police=PoliceContact(called=True, arrests=0)),
                 "types", "police.arrests", "Anholdelser", id="arrest-without-arrests"),
    pytest.param(incident(("VIO-THR", None), measures=(Measure.POLICE,), police=PoliceContact()),
                 "measures", "police.called", "Politiet blev tilkaldt", id="measure-police-not-called"),
]


@pytest.mark.parametrize(("data", "first", "second", "words"), CASES)
def test_each_contradiction_is_refused_naming_both_fields(
    data: IncidentInput, first: str, second: str, words: str
) -> None:
    problems = contradictions(data, TAXONOMY)
    assert set(problems) == {first, second}
    for field in (first, second):
        assert problems[field].code == "contradiction"
        da, en = problems[field].text("da"), problems[field].text("en")
        assert da.startswith("Modsiger «") and en.startswith("Contradicts «")
        assert words.casefold() in da.casefold(), da
    # each message names the other field first: the user sees where to look
    assert problems[first].params["other_da"] == problems[first].params["then_da"]
    assert problems[second].params["other_da"] == problems[second].params["when_da"]


def test_every_strict_rule_has_a_case() -> None:
    for rule in (r for r in RULES if r.strict):
        assert any(rule.when.holds(c.values[0]) and not rule.then.holds(c.values[0])  # type: ignore[union-attr, arg-type]
                   for c in CASES), rule


@pytest.mark.parametrize("data", [
    incident(("POL-CALL", None), police=PoliceContact(called=True)),  # measures not on the form
    incident(("POL-CALL", "police_initiated"), police=PoliceContact(police_initiated=True)),
    incident(("POL-CALL", None)),  # no police section given (an import): nothing to contradict
    incident(("VIO-THR", "weapon"), ("FRC", "124c"), ("POL-CALL", None),
             police=PoliceContact(called=True), measures=(Measure.HOLD_124C, Measure.POLICE)),
    incident(("POL-ARR", None), police=PoliceContact(called=True, arrests=2)),
    incident(("FRC", "no_basis"), measures=(Measure.TALK,)),
    incident(("VIO-THR", None), ("POL-CALL", None), police=PoliceContact(called=True),
             measures=(Measure.POLICE,), violence=ViolenceDetail()),  # an aggression option is a default
])
def test_what_agrees_is_accepted(data: IncidentInput) -> None:
    assert contradictions(data, TAXONOMY) == {}


@pytest.mark.parametrize("data", [
    incident(("VIO-THR", None), ("POL-CALL", None), police=PoliceContact(called=True),
             measures=(Measure.TALK,)),
    incident(("FRC", "124c"), measures=(Measure.TALK,)),
    incident(("MED-EMG", "ambulance")),
])
def test_a_measure_left_unticked_is_an_omission_not_a_no(data: IncidentInput) -> None:
    assert contradictions(data, TAXONOMY) == {}
    assert any(isinstance(f, MeasureTaken) for f in implied(data))  # the form ticks it


def test_the_form_is_told_what_the_types_already_say() -> None:
    data = incident(("VIO-THR", "weapon"), ("FRC", "124c"), ("POL-CALL", None))
    found = implied(data)
    assert PoliceFlag("called", "Politiet blev tilkaldt", "Police were called") in found
    assert {m.measure for m in found if isinstance(m, MeasureTaken)} == {Measure.POLICE, Measure.HOLD_124C}
    assert {a.code for a in found if isinstance(a, AggressionMeasure)} == {"police", "physical_hold"}
    assert not any(isinstance(f, PoliceArrests) for f in found)
    came = implied(incident(("POL-CALL", "police_initiated")))
    assert [f.field for f in came] == ["police.police_initiated"]
