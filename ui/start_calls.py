"""What the shell runs off the GUI thread to open the database and log in.

Each call imports the core itself: ``ui.app`` must not import SQLAlchemy before the login window
shows, and these run on a worker thread after it has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safetylog.domain.records import Actor
    from safetylog.services.container import Services, StartState


def probe(url: str | None) -> StartState:
    from safetylog.services.container import probe

    return probe(url)


def open_shared(url: str | None) -> Services:
    from safetylog.services.container import open_services

    return open_services(url)


def encrypt(url: str | None) -> None:
    from safetylog.services.container import encrypt_existing

    encrypt_existing(url)


def pending_key(services: Services, actor: Actor) -> str | None:
    """The recovery key made when an existing database was encrypted, for the first administrator
    who logs in after it (taken once: nobody else sees it)."""
    from safetylog.domain.enums import Role

    if actor.role is not Role.ADMIN or services.key_ring is None:
        return None
    return services.key_ring.take_pending_recovery_key()


def unlock(url: str | None, username: str, password: str) -> tuple[Services, Actor, str | None]:
    from safetylog.services.container import unlock_and_open

    services, actor = unlock_and_open(url, username, password)
    return services, actor, pending_key(services, actor)


def login(services: Services, username: str, password: str) -> tuple[None, Actor, str | None]:
    actor = services.auth.login(username, password)
    return None, actor, pending_key(services, actor)
