"""The incident field descriptions: what follows from them holds together without Qt."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import Boolean, Integer, Text

from safetylog.domain import incident_fields
from safetylog.domain.incident_fields import (
    BY_NAME,
    FIELDS,
    FieldKind,
    FieldSpec,
    changes,
    check_fields,
    words,
)
from safetylog.domain.records import IncidentInput, TypeChoice
from safetylog.domain.serialization import incident_input_from_json, incident_input_to_json
from safetylog.domain.validation import Checker
from safetylog.storage.models import Incident

COLUMN_TYPES = {FieldKind.TEXT: (Text, False), FieldKind.COUNT: (Integer, True),
                FieldKind.FLAG: (Boolean, False)}


def _input(**changes: object) -> IncidentInput:
    return IncidentInput(facility_id=1, occurred_start=datetime(2026, 10, 1, 12, 0).astimezone(),
                         types=(TypeChoice("HUS"),), narrative="Høj musik.", **changes)  # type: ignore[arg-type]


def test_each_described_field_has_its_column_of_the_kind() -> None:
    columns = Incident.__table__.c
    for spec in FIELDS:
        kind, nullable = COLUMN_TYPES[spec.kind]
        assert isinstance(columns[spec.name].type, kind), spec.name
        assert columns[spec.name].nullable is nullable, spec.name


def test_every_word_of_a_field_has_its_danish_in_the_catalogue() -> None:
    """The reports and the command line read the same Danish as the UI; none may be missing."""
    for spec in FIELDS:
        for source in (spec.label, spec.form_label, spec.column_label, spec.hint):
            if source:
                assert words(source, "da") != source, (spec.name, source)
                assert words(source, "en") == source
    assert words(BY_NAME["staff_on_duty"].label, "da") == "Medarbejdere på vagt"


@pytest.mark.parametrize(("value", "problem"), [
    (None, None), (0, None), (50, None), (51, "out_of_range"), (-1, "out_of_range"),
    ("4", "not_a_number"), (True, "not_a_number")])
def test_staff_on_duty_is_an_optional_count_up_to_fifty(value: object, problem: str | None) -> None:
    check = Checker()
    cleaned = check_fields(check, _input(staff_on_duty=value))
    found = check.problems.get("staff_on_duty")
    assert (found.code if found else None) == problem
    if problem is None:
        assert cleaned["staff_on_duty"] == value


def test_json_round_trip_keeps_every_described_field() -> None:
    data = _input(staff_on_duty=3, damage_description="Rude", damage_estimate_dkk=1200,
                  ambulance_called=True, debrief_offered=True)
    again = incident_input_from_json(incident_input_to_json(data))
    assert {s.name: getattr(again, s.name) for s in FIELDS} == {s.name: getattr(data, s.name) for s in FIELDS}


def test_changes_between_snapshots_count_an_absent_key_as_not_given() -> None:
    older = {"narrative": "x", "debrief_offered": False}  # before staff_on_duty existed
    newer = {"narrative": "y", "debrief_offered": False, "staff_on_duty": 2}
    assert [(s.name, old, new) for s, old, new in changes(older, newer)] == [("staff_on_duty", None, 2)]
    assert changes(newer, newer) == []


def test_a_description_without_its_record_attribute_fails_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(incident_fields, "FIELDS", (*FIELDS, FieldSpec("weather", FieldKind.TEXT, "Weather")))
    with pytest.raises(TypeError, match="weather"):
        incident_fields._check_records()
