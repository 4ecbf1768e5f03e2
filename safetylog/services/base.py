"""What every service shares: a session factory and a clock that tests can move."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from safetylog.domain.errors import ConflictError
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


@contextmanager
def stale_is_conflict(what: str) -> Iterator[None]:
    """Two writers passed the version check at the same moment; the database let only one
    through (``version_id_col``). The other gets the same conflict as a stale version."""
    try:
        yield
    except StaleDataError:
        raise ConflictError(f"{what} was changed by someone else at the same moment. "
                            "Reload it and make your change again.") from None
