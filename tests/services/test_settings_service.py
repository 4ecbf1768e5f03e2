"""Database settings: defaults, limits, permission and audit; lock and unlock are audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from safetylog.domain.enums import Role
from safetylog.domain.errors import AuthenticationError, PermissionDenied, ValidationError
from safetylog.services.settings import IDLE_LOCK_MINUTES
from safetylog.storage.models import AuditRow
from tests.conftest import PASSWORD, World
from tests.versions import setting_version


def test_idle_lock_defaults_to_ten_minutes_and_admin_changes_it(world: World) -> None:
    settings = world.services.settings
    assert settings.idle_lock_minutes() == 10
    assert settings.set(world.actor(Role.ADMIN), IDLE_LOCK_MINUTES, "5",
                        expected_version=0) == 5
    assert settings.idle_lock_minutes() == 5
    assert settings.all()[IDLE_LOCK_MINUTES] == 5
    with world.services.session_factory() as session:
        row = session.scalars(select(AuditRow).where(AuditRow.entity == "setting")).one()
    assert (row.details["value_from"], row.details["value_to"]) == (None, 5)


@pytest.mark.parametrize("value", [0, 241, "ti", True, None])
def test_bad_values_are_refused_with_a_danish_message(world: World, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        world.services.settings.set(world.actor(Role.ADMIN), IDLE_LOCK_MINUTES, value,
                                    expected_version=setting_version(world.services, IDLE_LOCK_MINUTES))
    assert caught.value.messages("da")[IDLE_LOCK_MINUTES]
    assert world.services.settings.idle_lock_minutes() == 10


def test_only_administrators_change_settings(world: World) -> None:
    with pytest.raises(PermissionDenied):
        world.services.settings.set(world.actor(Role.MANAGER), IDLE_LOCK_MINUTES, 3,
                                    expected_version=setting_version(world.services, IDLE_LOCK_MINUTES))
    with pytest.raises(ValidationError):
        world.services.settings.set(world.actor(Role.ADMIN), "no_such_key", 3, expected_version=0)


def test_lock_and_unlock_as_another_user_are_audited(world: World,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    from safetylog.domain.timeutil import utcnow
    from safetylog.services import sessions

    auth = world.services.auth
    night = world.actor(Role.NIGHT_STAFF)
    auth.lock(night)
    with pytest.raises(AuthenticationError):
        auth.unlock("staff", "wrong-password", night, workstation="test")
    later = utcnow() + timedelta(seconds=2)  # after the delay the wrong password earned
    monkeypatch.setattr(sessions, "now", lambda: later)
    other = auth.unlock("staff", PASSWORD, night, workstation="test")
    assert other.role is Role.STAFF
    with world.services.session_factory() as session:
        actions = [(r.action, r.username) for r in session.scalars(
            select(AuditRow).where(AuditRow.action.in_(("lock", "unlock", "login_failed")))
            .order_by(AuditRow.id))]
    assert actions == [("lock", "night_staff"), ("login_failed", "staff"), ("unlock", "staff")]
