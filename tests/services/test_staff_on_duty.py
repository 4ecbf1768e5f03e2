"""Staff on duty, added through its description alone: stored, checked, kept in every version,
listed, in the report's records export, and through an export and import into a new database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from safetylog.domain.enums import Role
from safetylog.domain.errors import ValidationError
from safetylog.domain.serialization import incident_input_from_json
from safetylog.services.container import Services
from safetylog.services.exports import headers, records_csv
from safetylog.summaries.listing import incident_lines
from safetylog.summaries.model import SummaryScope
from tests.conftest import World, _services, new_database
from tests.factories import incident_input


def test_staff_on_duty_is_stored_listed_and_each_version_keeps_its_own(world: World) -> None:
    staff, manager = world.actor(Role.STAFF), world.actor(Role.MANAGER)
    first = world.services.incidents.submit(staff, incident_input(world, staff_on_duty=3))
    assert first.staff_on_duty == 3
    [row] = world.services.queries.page(staff).rows
    assert row.value("staff_on_duty") == 3

    corrected = world.services.incidents.correct(
        manager, first.id, incident_input(world, staff_on_duty=2), reason="Der var kun to på vagt",
        expected_version=first.version)
    again = world.services.incidents.get(manager, first.id)
    assert corrected.staff_on_duty == again.staff_on_duty == 2
    assert [v.snapshot["staff_on_duty"] for v in again.versions] == [3, 2]


@pytest.mark.parametrize("value", [-1, 51, "3", 2.5, True])
def test_a_count_out_of_range_or_not_whole_is_refused_by_name_and_nothing_is_saved(
        world: World, value: object) -> None:
    staff = world.actor(Role.STAFF)
    with pytest.raises(ValidationError) as caught:
        world.services.incidents.submit(staff, incident_input(world, staff_on_duty=value))
    assert set(caught.value.problems) == {"staff_on_duty"}
    assert caught.value.messages("da")["staff_on_duty"] in (
        "Skal være mellem 0 og 50.", "Skal være et helt tal.")
    assert world.services.queries.count(staff) == 0


def test_not_given_is_allowed_and_stays_empty(world: World) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    assert detail.staff_on_duty is None
    assert world.services.incidents.get(world.actor(Role.MANAGER), detail.id).versions[0].snapshot[
        "staff_on_duty"] is None


def test_the_records_export_beside_the_report_has_the_column(world: World) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world, staff_on_duty=4))
    scope = SummaryScope(facility_ids=(world.facility.id,), date_from=detail.local_date,
                         date_to=detail.local_date)
    with world.services.session_factory() as session:
        [line] = incident_lines(session, scope)
    assert line.value("staff_on_duty") == 4
    csv_text = records_csv([line], "da").decode("utf-8-sig")
    head, row = csv_text.splitlines()[:2]
    assert head.split(";")[-1] == "Medarbejdere på vagt" == headers("da", True)[-1]
    assert row.split(";")[-1] == "4"


@pytest.fixture
def empty(world: World, tmp_path: object, request: pytest.FixtureRequest) -> Iterator[Services]:
    """A second, freshly migrated database of the same kind as the world's."""
    from pathlib import Path

    kind = world.services.engine.dialect.name
    folder = Path(str(tmp_path)) / "empty"
    folder.mkdir()
    yield from _services(new_database(request, kind, folder))


def test_export_and_import_carry_staff_on_duty(world: World, empty: Services) -> None:
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world, staff_on_duty=5))
    document = world.services.exchange.export_document(world.actor(Role.ADMIN), full_move=True)
    [readable] = document["incidents"]
    assert readable["staff_on_duty"] == 5  # the section ``safetylog classify`` reads
    assert incident_input_from_json(readable).staff_on_duty == 5
    empty.exchange.import_document(document)
    with empty.engine.connect() as conn:
        stored = conn.execute(text("SELECT id, staff_on_duty FROM incidents")).all()
    assert [tuple(r) for r in stored] == [(detail.id, 5)]


def test_an_export_field_of_the_wrong_kind_is_named() -> None:
    with pytest.raises(ValidationError) as caught:
        incident_input_from_json({"facility_id": 1, "occurred_start": "2026-10-01T12:00:00+02:00",
                                  "types": [{"code": "HUS", "subtype": None}], "narrative": "x",
                                  "staff_on_duty": "fire"})
    assert set(caught.value.problems) == {"staff_on_duty"}
