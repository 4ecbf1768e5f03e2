"""Personal logins: argon2 password hashes, audited logins and failed logins."""

from __future__ import annotations

import socket
from dataclasses import replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import AuthenticationError
from safetylog.domain.records import Actor
from safetylog.services import audit, sessions
from safetylog.services.base import Service
from safetylog.storage.models import User

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


class AuthService(Service):
    def login(self, username: str, password: str, workstation: str | None = None) -> Actor:
        """The same message for an unknown user and a wrong password, so names cannot be probed."""
        station = workstation if workstation is not None else socket.gethostname()
        with self._sf.begin() as session:
            # A NUL cannot be in any user name, and PostgreSQL refuses it in a query.
            user = (session.scalar(select(User).where(User.username == username.strip()))
                    if "\x00" not in username else None)
            if user is None or not user.active or not verify_password(user.password_hash, password):
                audit.record(session, None, AuditAction.LOGIN_FAILED, "user", username[:64],
                             username=username[:64] or "?", workstation=station)
                if user is not None:
                    user.failed_logins += 1
                actor = None  # raised after the commit, or the failed attempt would not be logged
            else:
                previous = user.last_login_at
                user.last_login_at = self._clock()
                user.failed_logins = 0
                session.flush()  # the user's version moves with this change; the actor carries the new one
                actor = replace(sessions.open_session(session, user, station), previous_login_at=previous)
                audit.record(session, actor, AuditAction.LOGIN, "user", user.id)
        if actor is None:
            raise AuthenticationError("Wrong user name or password.")
        return actor

    def lock(self, actor: Actor) -> None:
        """The window hid its content (idle time or Ctrl+L); the session is not ended."""
        with self._sf.begin() as session:
            audit.record(session, actor, AuditAction.LOCK, "user", actor.user_id)

    def unlock(self, username: str, password: str, locked_by: Actor,
               workstation: str | None = None) -> Actor:
        """Unlock as the same or another user; a wrong password is audited as a failed login."""
        actor = self.login(username, password, workstation)
        with self._sf.begin() as session:
            audit.record(session, actor, AuditAction.UNLOCK, "user", actor.user_id,
                         locked_by=locked_by.username)
        return actor

    def logout(self, actor: Actor) -> None:
        with self._sf.begin() as session:
            sessions.end_session(session, actor)
            audit.record(session, actor, AuditAction.LOGOUT, "user", actor.user_id)

    def has_users(self) -> bool:
        with self._sf() as session:
            return session.scalar(select(User.id).limit(1)) is not None
