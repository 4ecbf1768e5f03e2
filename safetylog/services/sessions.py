"""Login sessions that follow the truth: every service call re-reads the acting user.

An ``Actor`` is only a claim. Each call checks its session token against ``login_sessions`` and
the user row, so a hand-built Actor, a deactivated user, an ended session or one older than the
absolute limit is refused, and a changed role or facility scope applies at the very next call.
The check is one indexed query plus the user's facilities; the Actor is always rebuilt from them.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import Role
from safetylog.domain.errors import ReauthenticationRequired, SessionEnded
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import utcnow
from safetylog.storage.models import LoginSession, User

SESSION_LIMIT = timedelta(hours=12)  # absolute: a login does not outlast a long shift
REAUTH_WINDOW = timedelta(minutes=5)  # identity look-ups, disclosures and exports ask again after this


def now() -> datetime:
    """Wall-clock time for session limits (services' clocks are business time; tests move this)."""
    return utcnow()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def actor_from_user(user: User, workstation: str = "") -> Actor:
    """The user row as an Actor, still without a session token (the callers add it)."""
    return Actor(
        user_id=user.id, username=user.username, display_name=user.display_name,
        role=Role(user.role), all_facilities=user.all_facilities,
        facility_ids=frozenset(link.facility_id for link in user.facilities),
        workstation=workstation, must_change_password=user.must_change_password,
    )


def open_session(session: Session, user: User, workstation: str) -> Actor:
    """A new session for a user whose password was just checked; returns the Actor carrying it."""
    token = secrets.token_urlsafe(32)
    moment = now()
    session.add(LoginSession(user_id=user.id, token_hash=token_hash(token), workstation=workstation[:200],
                             started_at=moment, last_auth_at=moment))
    return replace(actor_from_user(user, workstation), session_token=token, user_version=user.version)


def _row(session: Session, actor: Actor) -> tuple[LoginSession, User] | None:
    if not actor.session_token:
        return None
    found = session.execute(
        select(LoginSession, User).join(User, User.id == LoginSession.user_id)
        .where(LoginSession.token_hash == token_hash(actor.session_token))
    ).first()
    if found is None or found[1].id != actor.user_id:
        return None
    return found[0], found[1]


def current_actor(session: Session, actor: Actor) -> Actor:
    """The Actor as the database says it is now, or SessionEnded."""
    found = _row(session, actor)
    if found is None:
        raise SessionEnded("This login is not known; log in again.")
    login, user = found
    if not user.active:  # first: deactivation also ends the sessions, and this is the reason to show
        raise SessionEnded("This user has been deactivated.")
    if login.ended_at is not None:
        raise SessionEnded("This login has ended; log in again.")
    if now() - login.started_at > SESSION_LIMIT:
        raise SessionEnded("This login is more than 12 hours old; log in again.")
    # Only the token is trusted: role, scope and name always come from the user row, so an Actor
    # copied with ``replace(actor, role=...)`` gains nothing (one small query for the facilities).
    fresh = actor_from_user(user, actor.workstation)
    return replace(fresh, previous_login_at=actor.previous_login_at,
                   session_token=actor.session_token, user_version=user.version)


def end_session(session: Session, actor: Actor) -> None:
    found = _row(session, actor)
    if found is not None and found[0].ended_at is None:
        found[0].ended_at = now()


def end_all_sessions(session: Session, user_id: int, *, keep: Actor | None = None) -> None:
    """A deactivated or reset user's open logins end at once (a password change keeps its own)."""
    moment = now()
    kept = token_hash(keep.session_token) if keep is not None and keep.session_token else None
    for login in session.scalars(select(LoginSession).where(LoginSession.user_id == user_id,
                                                           LoginSession.ended_at.is_(None))):
        if login.token_hash != kept:
            login.ended_at = moment


def mark_authenticated(session: Session, actor: Actor) -> None:
    found = _row(session, actor)
    if found is None:
        raise SessionEnded("This login is not known; log in again.")
    found[0].last_auth_at = now()


def require_recent_auth(session: Session, actor: Actor) -> None:
    """Identity look-ups, disclosure decisions and exports need the password within 5 minutes."""
    found = _row(session, actor)
    if found is None:
        raise SessionEnded("This login is not known; log in again.")
    if now() - found[0].last_auth_at > REAUTH_WINDOW:
        raise ReauthenticationRequired("Type your password again to continue.")
