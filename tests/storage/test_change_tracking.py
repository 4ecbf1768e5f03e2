"""Every write says what it changed, without the service saying so: the storage layer records it."""

from __future__ import annotations

import pytest

from safetylog.domain.changes import Changes, recording
from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.errors import ValidationError
from safetylog.storage.change_tracking import TABLE_KINDS
from safetylog.storage.models import Base
from tests.conftest import World


def test_every_table_has_a_kind() -> None:
    """A new table without a kind would be announced as 'everything changed': name its kind."""
    assert set(Base.metadata.tables) <= set(TABLE_KINDS)


def test_a_write_records_the_kinds_it_touched(world: World) -> None:
    admin = world.actor(Role.ADMIN)
    with recording() as rec:
        world.services.admin.add_zone(admin, world.facility.id, "HAVE", "Have", ZoneKind.OUTDOOR)
    assert rec.changes & Changes.FACILITIES
    assert not rec.changes & (Changes.INCIDENTS | Changes.RESIDENTS | Changes.PSP)


def test_a_read_records_nothing_it_did_not_write(world: World) -> None:
    with recording() as rec:
        world.services.admin.list_facilities(world.actor(Role.ADMIN))
    assert not rec.changes & (Changes.FACILITIES | Changes.USERS)


def test_a_refused_write_records_no_record_kind(world: World) -> None:
    with recording() as rec, pytest.raises(ValidationError):
        world.services.admin.add_zone(world.actor(Role.ADMIN), world.facility.id, "", "", ZoneKind.OUTDOOR)
    assert not rec.changes & Changes.FACILITIES


def test_recordings_are_separate_per_block(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    with recording() as outer:
        with recording() as inner:
            world.services.residents.add(manager, world.facility.id, "B-103")
        assert inner.changes & Changes.RESIDENTS
    assert not outer.changes & Changes.RESIDENTS
