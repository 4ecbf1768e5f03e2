"""Classification through the incident service, on SQLite and PostgreSQL: SOAS-R stored from the
installed file, taxonomy versions that never rewrite old records, overrides kept in the history."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from safetylog.config import data_dir
from safetylog.domain.enums import PersonRole, Role, Severity, VersionKind
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import IncidentInput, InvolvedResident, TypeChoice, ViolenceDetail
from safetylog.domain.taxonomy import current_taxonomy, parse_taxonomy, taxonomy_files
from safetylog.services.incidents import IncidentService
from safetylog.storage.models import Incident
from tests.conftest import World
from tests.core.classification_cases import TEST_INSTRUMENT

COLUMNS = ViolenceDetail(("none_understandable",), ("verbal",), ("staff",), ("felt_threatened",), ("talk",))


def verbal(world: World, **changes: object) -> IncidentInput:
    base = IncidentInput(
        facility_id=world.facility.id, occurred_start=datetime.now(UTC) - timedelta(hours=1),
        types=(TypeChoice("VIO-VRB", "abuse"),), narrative="B-101 råbte ad personalet.",
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),), violence=COLUMNS,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def stored_instrument(world: World, incident_id: int) -> str | None:
    with world.services.session_factory() as session:
        return session.scalar(select(Incident.soas_instrument).where(Incident.id == incident_id))


def test_without_an_installed_instrument_there_is_no_score(world: World) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), verbal(world))
    assert (detail.soas_total, detail.soas_band, detail.severity) == (None, None, Severity.S1)
    assert stored_instrument(world, detail.id) is None
    assert detail.violence == COLUMNS  # the five columns are recorded all the same


def test_the_installed_instrument_scores_and_raises_the_severity(world: World) -> None:
    target = data_dir() / "instruments" / "soas-r.toml"
    target.parent.mkdir(parents=True)
    shutil.copy(TEST_INSTRUMENT, target)
    detail = world.services.incidents.submit(world.actor(Role.STAFF), verbal(world))
    # 2 + 0 + 3 + 2 + 1 with the test weights: moderate, so at least S3.
    assert (detail.soas_total, detail.soas_band, detail.severity) == (8, "moderate", Severity.S3)
    assert stored_instrument(world, detail.id) == "SOAS-R test-1"
    assert "soas:moderate" in [r.code for r in detail.severity_reasons]


def test_a_broken_instrument_file_never_stops_an_entry(world: World) -> None:
    target = data_dir() / "instruments" / "soas-r.toml"
    target.parent.mkdir(parents=True)
    target.write_text(TEST_INSTRUMENT.read_text(encoding="utf-8").replace("weight = 7", "weight = 9"),
                      encoding="utf-8")
    detail = world.services.incidents.submit(world.actor(Role.NIGHT_STAFF), verbal(world))
    assert (detail.soas_total, detail.severity) == (None, Severity.S1)


def test_a_new_taxonomy_version_never_rewrites_old_records(world: World) -> None:
    old_text = taxonomy_files()[-1].read_text(encoding="utf-8")
    new = parse_taxonomy(old_text.replace('version = "2026.1"', 'version = "2026.2"').replace(
        'label_en = "Verbal aggression/offensive behaviour"\ndefault_severity = "S1"',
        'label_en = "Verbal aggression/offensive behaviour"\ndefault_severity = "S2"'))
    staff, manager = world.actor(Role.STAFF), world.actor(Role.MANAGER)
    first = world.services.incidents.submit(staff, verbal(world, violence=None))
    assert (first.taxonomy_version, first.severity) == ("2026.1", Severity.S1)

    later = IncidentService(world.services.session_factory, taxonomy=lambda: new)
    second = later.submit(staff, verbal(world, violence=None))
    assert (second.taxonomy_version, second.severity) == ("2026.2", Severity.S2)
    unchanged = later.get(manager, first.id)
    assert (unchanged.taxonomy_version, unchanged.severity) == ("2026.1", Severity.S1)

    # Reclassifying is an explicit, reasoned step that adds a version and keeps the old one.
    redone = later.reclassify(manager, first.id, reason="Ny taksonomi 2026.2",
                              expected_version=unchanged.version)
    assert (redone.taxonomy_version, redone.severity) == ("2026.2", Severity.S2)
    assert [v.kind for v in redone.versions] == [VersionKind.ORIGINAL, VersionKind.RECLASSIFICATION]
    assert redone.versions[0].snapshot["taxonomy_version"] == "2026.1"
    assert redone.versions[0].snapshot["severity"] == "S1"
    assert current_taxonomy().version == "2026.1"


def test_a_manual_override_needs_a_reason_and_stays_in_the_history(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    detail = world.services.incidents.submit(world.actor(Role.STAFF), verbal(world))
    with pytest.raises(ValidationError) as refused:
        world.services.incidents.override_severity(manager, detail.id, "S3", reason=" ",
                                                   expected_version=detail.version)
    assert refused.value.messages("da")["reason"] == "Angiv en begrundelse."
    raised = world.services.incidents.override_severity(
        manager, detail.id, Severity.S3, reason="Gentagen chikane af samme medarbejder",
        expected_version=detail.version)
    assert (raised.severity, raised.computed_severity) == (Severity.S3, Severity.S1)
    assert raised.severity_override_reason == "Gentagen chikane af samme medarbejder"
    # A later reclassification recomputes the rules but keeps the manager's judgement.
    again = world.services.incidents.reclassify(manager, detail.id, reason="Kontrol",
                                                expected_version=raised.version)
    assert (again.severity, again.computed_severity) == (Severity.S3, Severity.S1)
    assert [v.snapshot["severity"] for v in again.versions] == ["S1", "S3", "S3"]
    assert again.versions[1].reason == "Gentagen chikane af samme medarbejder"


def test_totals_count_each_incident_once_by_its_primary_type(world: World) -> None:
    staff = world.actor(Role.STAFF)
    for types in ((TypeChoice("VIO-THR", "weapon"), TypeChoice("DRG-DEAL"), TypeChoice("POL-CALL")),
                  (TypeChoice("POL-RPT", "theft"), TypeChoice("THF", "from_resident")),
                  (TypeChoice("HUS"),)):
        world.services.incidents.submit(staff, verbal(world, types=types, violence=None))
    with world.services.session_factory() as session:
        by_primary = dict(session.execute(
            select(Incident.primary_type, func.count()).group_by(Incident.primary_type)).all())
    assert by_primary == {"VIO-THR": 1, "THF": 1, "HUS": 1}
    assert sum(by_primary.values()) == 3
