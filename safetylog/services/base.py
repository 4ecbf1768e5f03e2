"""What every service shares: a session factory and a clock that tests can move."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from safetylog.domain.errors import ConflictError, PasswordChangeRequired, PermissionDenied
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import utcnow
from safetylog.services import denials, sessions
from safetylog.storage.models import User, UserFacility


class Service:
    """Base of every service. Each public method whose first argument is ``actor`` is wrapped so
    that the Actor is checked against its login session and re-read from the database before the
    method runs (see ``sessions``), and a refusal for want of permission is itself audited.
    While the user must change a reset password, only the methods named in
    ``open_while_password_reset`` run; every other call raises ``PasswordChangeRequired``."""

    open_while_password_reset: frozenset[str] = frozenset()

    def __init__(self, session_factory: sessionmaker[Session],
                 clock: Callable[[], datetime] = utcnow) -> None:
        self._sf = session_factory
        self._clock = clock

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if name.startswith("_") or not inspect.isfunction(member):
                continue
            params = list(inspect.signature(member).parameters)
            if len(params) >= 2 and params[1] == "actor":
                setattr(cls, name, _checked(member))

    def _current_actor(self, actor: Actor) -> Actor:
        with self._sf() as session:
            return sessions.current_actor(session, actor)

    def _require_recent_auth(self, actor: Actor) -> None:
        """Identity look-ups, disclosure decisions and exports: the password within 5 minutes,
        or ``ReauthenticationRequired`` (the UI asks for it and calls ``auth.reauthenticate``)."""
        with self._sf() as session:
            sessions.require_recent_auth(session, actor)

    def _audit_denied(self, actor: Actor, method: str, arguments: dict[str, Any],
                      reason: str) -> None:
        denials.record(self._sf, actor, f"{type(self).__name__}.{method}", arguments, reason)


def _checked(method: Callable[..., Any]) -> Callable[..., Any]:
    signature = inspect.signature(method)

    @functools.wraps(method)
    def call(self: Service, actor: Actor | None, *args: Any, **kwargs: Any) -> Any:
        if actor is None:  # the few calls that take an optional actor (an import into an empty database)
            return method(self, actor, *args, **kwargs)
        if not isinstance(actor, Actor):
            raise PermissionDenied("Not a logged-in user.")
        actor = self._current_actor(actor)
        if actor.must_change_password and method.__name__ not in self.open_while_password_reset:
            raise PasswordChangeRequired()
        try:
            return method(self, actor, *args, **kwargs)
        except PermissionDenied as exc:
            bound = signature.bind_partial(self, actor, *args, **kwargs)
            arguments = {k: v for k, v in bound.arguments.items() if k not in ("self", "actor")}
            self._audit_denied(actor, method.__name__, arguments, str(exc))
            raise

    return call


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


class Versioned(Protocol):
    version: int


def require_version(what: str, version: int, expected_version: int) -> None:
    """The client saves what it read: a row that moved on since then is not overwritten."""
    if version != expected_version:
        raise ConflictError(f"{what} was changed by someone else (version {version}, you "
                            f"opened version {expected_version}). Reload it and make your change again.")


def moved_on(session: Session, row: Versioned, opened: int, attribute: str) -> None:
    """Every save moves the row's version once, even one that changed no field (a role set to
    the one it had): otherwise the optimistic lock would not see it, and of two saves of the same
    version both would win."""
    session.flush()
    if row.version == opened:
        flag_modified(row, attribute)
        session.flush()
