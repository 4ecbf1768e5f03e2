"""What every window needs: the services, the logged-in user, the language and the change hub.

Views never open sessions; they call services (off the GUI thread through ``ui.tasks``) and
refresh when ``hub.changed`` says something they show has changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Flag, auto

from PySide6.QtCore import QObject, Signal

from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.permissions import Permission, has


class Changes(Flag):
    """Which kinds of records a completed operation changed."""

    NONE = 0
    INCIDENTS = auto()
    DUTIES = auto()
    RESIDENTS = auto()
    PSP = auto()
    USERS = auto()
    FACILITIES = auto()
    BVC = auto()
    SETTINGS = auto()
    ALL = INCIDENTS | DUTIES | RESIDENTS | PSP | USERS | FACILITIES | BVC | SETTINGS


class ChangeHub(QObject):
    changed = Signal(object)
    """Emitted with a ``Changes`` value after any write; each view redraws what it shows."""

    actor_changed = Signal(object)
    """Emitted with the new ``Actor`` (or None) after login, unlock as another user, or logout."""

    language_changed = Signal(str)
    """Emitted with "da" or "en" after the user switches language."""


@dataclass
class UiContext:
    services: Services
    hub: ChangeHub = field(default_factory=ChangeHub)
    actor: Actor | None = None
    language: str = "da"

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise PermissionDenied("Nobody is logged in.")
        return self.actor

    def may(self, permission: Permission) -> bool:
        """For showing or hiding controls only; the services enforce permissions themselves."""
        return self.actor is not None and has(self.actor, permission)

    def notify(self, changes: Changes) -> None:
        self.hub.changed.emit(changes)
