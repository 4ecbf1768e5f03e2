"""What every window needs: the services, the logged-in user, the language and the change hub.

Views never open sessions; they call services (off the GUI thread through ``ui.operations``) and
refresh when ``hub.changed`` says something they show has changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from safetylog.domain.changes import Changes
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.permissions import Permission, has

__all__ = ["ChangeHub", "Changes", "UiContext"]


class ChangeHub(QObject):
    changed = Signal(object)
    """Emitted by ``ui.operations.Op`` with the ``Changes`` a write made; each view redraws what
    it shows. Nothing else emits it."""

    initiator: QObject | None = None
    """While ``changed`` is being delivered: the widget whose operation it was (Anki's
    ``handler``), so that a view can skip redrawing what it has just shown itself."""

    failed = Signal(object)
    """An operation failed that had no place of its own to say so; the main window shows it."""

    actor_changed = Signal(object)
    """Emitted with the new ``Actor`` (or None) after login, unlock as another user, or logout."""

    language_changed = Signal(str)
    """Emitted with "da" or "en" after the user switches language."""

    def announce(self, changes: Changes, initiator: QObject | None) -> None:
        """For ``ui.operations`` only (a test keeps it so)."""
        previous, self.initiator = self.initiator, initiator
        try:
            self.changed.emit(changes)
        finally:
            self.initiator = previous


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
