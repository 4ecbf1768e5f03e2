"""Someone must always be able to manage users: the last active administrator cannot be demoted
or deactivated, not by themselves and not by two administrators demoting each other at once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import func, select

from safetylog.domain.enums import Role
from safetylog.domain.errors import PermissionDenied, ValidationError
from safetylog.services import audit
from safetylog.storage.models import User
from tests.conftest import PASSWORD, World
from tests.versions import user_version


def _active_admins(world: World) -> int:
    with world.services.session_factory() as session:
        return session.scalar(select(func.count(User.id)).where(
            User.role == Role.ADMIN.value, User.active.is_(True))) or 0


def _second_admin(world: World) -> None:
    world.services.admin.create_user(world.actor(Role.ADMIN), "bo", "Bo Admin", PASSWORD, Role.ADMIN,
                                     all_facilities=True)


def test_the_last_administrator_cannot_demote_themselves(world: World) -> None:
    admin = world.services.admin
    with pytest.raises(ValidationError) as refused:
        admin.set_role(world.actor(Role.ADMIN), "admin", Role.MANAGER,
                       expected_version=user_version(world.services, "admin"))
    assert refused.value.messages("da") == {"role": "Der skal være mindst én aktiv administrator."}
    assert refused.value.errors == {"role": "There must be at least one active administrator."}
    # Nothing changed: still an administrator, who can still manage users.
    assert admin.user(world.actor(Role.ADMIN), "admin").role is Role.ADMIN
    assert _active_admins(world) == 1


def test_the_last_administrator_cannot_deactivate_themselves(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.services.admin.deactivate(world.actor(Role.ADMIN), "admin",
                                        expected_version=user_version(world.services, "admin"))
    assert _active_admins(world) == 1


def test_with_a_second_administrator_one_may_step_down(world: World) -> None:
    _second_admin(world)
    admin = world.services.admin
    demoted = admin.set_role(world.actor(Role.ADMIN), "admin", Role.MANAGER,
                             expected_version=user_version(world.services, "admin"))
    assert demoted.role is Role.MANAGER
    bo = world.services.auth.login("bo", PASSWORD, workstation="test")
    # Now bo is the last one: bo cannot step down, but can deactivate the former admin.
    with pytest.raises(ValidationError) as refused:
        admin.set_role(bo, "bo", Role.STAFF, expected_version=user_version(world.services, "bo"))
    assert set(refused.value.problems) == {"role"}
    assert not admin.deactivate(bo, "admin", expected_version=user_version(world.services, "admin")).active
    assert _active_admins(world) == 1


def test_two_administrators_demoting_each_other_at_once_leave_one(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first change is held open just after its check; the second runs meanwhile. Without a
    lock (PostgreSQL) or the count after the write (SQLite) both would pass and leave none."""
    _second_admin(world)
    anna, bo = world.actor(Role.ADMIN), world.services.auth.login("bo", PASSWORD, workstation="test")
    admin = world.services.admin
    versions = {name: user_version(world.services, name) for name in ("admin", "bo")}
    first_checked, second_done = threading.Event(), threading.Event()
    record = audit.record

    def held_record(*args: Any, **kwargs: Any) -> None:
        if threading.current_thread().name == "first" and not first_checked.is_set():
            first_checked.set()
            second_done.wait(timeout=1.5)  # the second is blocked behind the first's lock
        record(*args, **kwargs)

    monkeypatch.setattr(audit, "record", held_record)
    outcomes: dict[str, object] = {}

    def run(name: str, call: Any) -> None:
        try:
            outcomes[name] = call()
        except ValidationError as exc:
            outcomes[name] = exc
        finally:
            if name == "second":
                second_done.set()

    first = threading.Thread(name="first", target=run, args=("first", lambda: admin.set_role(
        anna, "bo", Role.MANAGER, expected_version=versions["bo"])))
    second = threading.Thread(name="second", target=run, args=("second", lambda: admin.deactivate(
        bo, "admin", expected_version=versions["admin"])))
    first.start()
    assert first_checked.wait(timeout=10)
    second.start()
    first.join(timeout=30)
    second.join(timeout=30)
    refused = [o for o in outcomes.values() if isinstance(o, ValidationError)]
    assert len(outcomes) == 2 and len(refused) == 1, outcomes
    assert set(refused[0].problems) == {"active"}
    assert _active_admins(world) == 1
