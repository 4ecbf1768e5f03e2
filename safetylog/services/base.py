"""What every service shares: a session factory and a clock that tests can move."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from safetylog.domain.records import Actor
from safetylog.domain.timeutil import utcnow
from safetylog.storage.models import User, UserFacility


class Service:
    def __init__(self, session_factory: sessionmaker[Session],
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._sf = session_factory
        self._clock = clock


def actor_from_user(user: User, workstation: str = "") -> Actor:
    from safetylog.domain.enums import Role

    return Actor(
        user_id=user.id, username=user.username, display_name=user.display_name,
        role=Role(user.role), all_facilities=user.all_facilities,
        facility_ids=frozenset(link.facility_id for link in user.facilities),
        workstation=workstation,
    )


def link_facilities(user: User, facility_ids: tuple[int, ...]) -> None:
    user.facilities = [UserFacility(facility_id=fid) for fid in sorted(set(facility_ids))]
