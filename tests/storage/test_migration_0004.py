"""Migration 0004 (staff on duty) on a database with incidents: the rows keep everything they had,
the new column is empty ("not asked" for incidents logged before), and the way back works too."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, inspect, text

from safetylog.domain.enums import Role
from safetylog.domain.records import IncidentFilter
from safetylog.storage import migrate
from tests.conftest import World
from tests.factories import incident_input


def _downgrade(engine: Engine, revision: str) -> None:
    with migrate.schema_transaction(engine) as connection:
        config = migrate.alembic_config(engine)
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("incidents")}


def test_upgrading_a_database_with_incidents_leaves_them_whole_and_unasked(world: World) -> None:
    staff = world.actor(Role.STAFF)
    detail = world.services.incidents.submit(staff, incident_input(world, staff_on_duty=3))
    engine = world.services.engine
    _downgrade(engine, "0003")  # the schema as released before the field
    assert "staff_on_duty" not in _columns(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT narrative FROM incidents")).scalar_one() == detail.narrative

    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert "staff_on_duty" in _columns(engine)
    again = world.services.incidents.get(world.actor(Role.MANAGER), detail.id)
    assert again.staff_on_duty is None and again.narrative == detail.narrative
    assert again.types == detail.types and again.residents == detail.residents
    # The full-text index still follows new narratives (its triggers survived both steps).
    later = world.services.incidents.submit(staff, incident_input(world, narrative="Knust rude i kælderen."))
    assert [r.id for r in world.services.queries.page(staff, IncidentFilter(text="rude")).rows] == [later.id]
