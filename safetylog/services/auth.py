"""Personal logins: argon2 password hashes, throttled and audited logins, re-authentication and
the user's own password change.

A guesser is slowed by the ``ThrottlePolicy`` on the user row (growing delays, then a lock-out an
administrator lifts or that ends after ``lockout_minutes``); an unknown name costs the same argon2
work as a known one and gets the same message, and its audit row keeps no typed name.
"""

from __future__ import annotations

import math
import secrets
import socket
from dataclasses import replace

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import (
    AccountLocked,
    AuthenticationError,
    LoginThrottled,
    SessionEnded,
    ValidationError,
)
from safetylog.domain.passwords import password_problem
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor
from safetylog.services import audit, sessions
from safetylog.services.base import Service
from safetylog.services.key_slots import KeySlots
from safetylog.services.settings import throttle_policy
from safetylog.storage.models import User

WRONG_LOGIN = "Wrong user name or password."
_hasher = PasswordHasher()
_dummy: tuple[PasswordHasher, str] | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _dummy_hash() -> str:
    """A hash no password opens, made with the current hasher, so that checking an unknown name
    costs the same argon2 work as a known one (the response time does not tell names apart)."""
    global _dummy
    if _dummy is None or _dummy[0] is not _hasher:
        _dummy = (_hasher, _hasher.hash(secrets.token_urlsafe(24)))
    return _dummy[1]


def find_user(session: Session, username: object) -> User | None:
    # A NUL cannot be in any user name, and PostgreSQL refuses it in a query.
    if not isinstance(username, str) or "\x00" in username:
        return None
    return session.scalar(select(User).where(User.username == username.strip()))


def check_password(session: Session, user: User | None, password: str,
                   workstation: str) -> AuthenticationError | None:
    """One password attempt against the throttle and the hash, with its audit rows.

    Returns the error for the caller to raise *after* its commit (or the failure would not be
    counted or logged), or None when the password is right (the failure count starts again).
    """
    if user is None:
        verify_password(_dummy_hash(), password if isinstance(password, str) else "")
        audit.record(session, None, AuditAction.LOGIN_FAILED, "user", "", username="?",
                     workstation=workstation, reason="unknown_user")
        return AuthenticationError(WRONG_LOGIN)
    now = sessions.now()
    policy = throttle_policy(session)
    locked, wait = policy.wait(user.failed_logins, user.last_failed_login_at, user.locked_until, now)
    if locked or wait.total_seconds() > 0:  # not even checked: a guess here costs nothing to refuse
        audit.record(session, None, AuditAction.LOGIN_FAILED, "user", user.id, username=user.username,
                     workstation=workstation, reason="locked" if locked else "throttled")
        if locked:
            return AccountLocked(math.ceil(wait.total_seconds() / 60))
        return LoginThrottled(math.ceil(wait.total_seconds()))
    right = verify_password(user.password_hash, password if isinstance(password, str) else "")
    if right and user.active:
        user.failed_logins, user.last_failed_login_at, user.locked_until = 0, None, None
        return None
    if not user.active:  # a deactivated user's name, however right the password, is a failure
        audit.record(session, None, AuditAction.LOGIN_FAILED, "user", user.id, username=user.username,
                     workstation=workstation, reason="deactivated")
        return AuthenticationError(WRONG_LOGIN)
    user.failed_logins += 1
    user.last_failed_login_at = now
    audit.record(session, None, AuditAction.LOGIN_FAILED, "user", user.id, username=user.username,
                 workstation=workstation, reason="wrong_password", failures=user.failed_logins)
    until = policy.locked_until(user.failed_logins, now)
    if until is None:
        return AuthenticationError(WRONG_LOGIN)
    user.locked_until = until
    audit.record(session, None, AuditAction.ACCOUNT_LOCKED, "user", user.id, username=user.username,
                 workstation=workstation, failures=user.failed_logins, until=until.isoformat())
    return AccountLocked(policy.lockout_minutes)


class AuthService(Service):
    # Set by the container on the embedded database: a password change rewraps the user's key slot.
    key_slots: KeySlots | None = None
    open_while_password_reset = frozenset({"change_password", "logout", "lock"})

    def login(self, username: str, password: str, workstation: str | None = None) -> Actor:
        """The same message for an unknown user and a wrong password, so names cannot be probed.

        Raises ``LoginThrottled`` (too soon after a wrong password; not checked), ``AccountLocked``
        or ``AuthenticationError``."""
        station = workstation if workstation is not None else socket.gethostname()
        with self._sf.begin() as session:
            user = find_user(session, username)
            error = check_password(session, user, password, station)
            actor: Actor | None = None
            if error is None:
                assert user is not None
                previous = user.last_login_at
                user.last_login_at = self._clock()
                session.flush()  # the user's version moves with this change; the actor carries the new one
                actor = replace(sessions.open_session(session, user, station), previous_login_at=previous)
                audit.record(session, actor, AuditAction.LOGIN, "user", user.id)
        if error is not None:
            raise error  # after the commit, or the failed attempt would not be counted or logged
        assert actor is not None
        return actor

    def reauthenticate(self, actor: Actor, password: str) -> None:
        """The password again, for identity look-ups, disclosures and exports in the next 5 minutes.
        Throttled and counted like a login; a lock-out also ends this session."""
        with self._sf.begin() as session:
            user = session.get(User, actor.user_id)
            error = check_password(session, user, password, actor.workstation)
            if error is None:
                sessions.mark_authenticated(session, actor)
                audit.record(session, actor, AuditAction.REAUTHENTICATE, "user", actor.user_id)
            elif isinstance(error, AccountLocked):
                sessions.end_session(session, actor)  # someone is guessing at an open window
        if error is not None:
            raise error

    def change_password(self, actor: Actor, old_password: str, new_password: str) -> Actor:
        """The user's own new password; the old one is required and throttled like a login.

        Clears a reset's must-change mark, ends the user's other sessions and returns the Actor
        as it is now. A wrong old password is a ValidationError on ``old_password``."""
        with self._sf.begin() as session:
            user = session.get(User, actor.user_id)
            if user is None:
                raise SessionEnded("This user no longer exists.")
            error = check_password(session, user, old_password, actor.workstation)
            if error is None:
                problem = password_problem(new_password, username=user.username,
                                           display_name=user.display_name)
                if problem is None and new_password == old_password:
                    problem = Problem("password_unchanged")
                if problem is not None:
                    raise ValidationError({"new_password": problem})
                user.password_hash = hash_password(new_password)
                user.must_change_password = False
                user.password_changed_at = self._clock()
                sessions.end_all_sessions(session, user.id, keep=actor)
                session.flush()
                audit.record(session, actor, AuditAction.PASSWORD_CHANGE, "user", user.id)
                if self.key_slots is not None:
                    self.key_slots.set_password(user.username, new_password)
                fresh = replace(actor, must_change_password=False, user_version=user.version)
        if error is None:
            return fresh
        if type(error) is AuthenticationError:
            raise ValidationError({"old_password": Problem("password_wrong")})
        raise error

    def lock(self, actor: Actor) -> None:
        """The window hid its content (idle time or Ctrl+L); the session is not ended."""
        with self._sf.begin() as session:
            audit.record(session, actor, AuditAction.LOCK, "user", actor.user_id)

    def unlock(self, username: str, password: str, locked_by: Actor,
               workstation: str | None = None) -> Actor:
        """Unlock as the same or another user: a fresh login whose session replaces the locked one
        (which ends). A wrong password is a failed login, throttled and audited."""
        actor = self.login(username, password, workstation)
        with self._sf.begin() as session:
            sessions.end_session(session, locked_by)
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
