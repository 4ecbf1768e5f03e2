"""What the user administration asks of the embedded database's key file.

The embedded (SQLCipher) database is opened by a master key that each user's password unwraps
from their own slot. When a user is created, changes or is given a password, or is deactivated,
their slot must follow; the services call these hooks inside the same request, and the container
wires in the real key file (``storage.keyslots``). On PostgreSQL there is no key file: ``None``.
"""

from __future__ import annotations

from typing import Protocol


class KeySlots(Protocol):
    def set_password(self, username: str, password: str) -> None:
        """Create or rewrap ``username``'s slot so that ``password`` opens the database."""

    def remove(self, username: str) -> None:
        """Delete ``username``'s slot: that password no longer opens the database."""

    def clear_failures(self, username: str) -> None:
        """An administrator lifted a lock-out: reset the slot's failed-attempt count."""
