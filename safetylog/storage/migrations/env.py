"""Alembic environment: always given the application's engine, never a URL from an ini file."""

from __future__ import annotations

from typing import Any

from alembic import context

from safetylog.storage.models import Base

# Objects that live in the database but not in the models: the full-text index.
_UNMANAGED_PREFIXES = ("incident_fts", "ix_incidents_narrative_fts")


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    return not (name and name.startswith(_UNMANAGED_PREFIXES))


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )


def run_migrations_online() -> None:
    given = context.config.attributes.get("connection")
    if given is not None:  # migrate.upgrade: its one transaction covers the whole upgrade
        _configure(given)
        context.run_migrations()
        return
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
