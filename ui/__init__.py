"""The PySide6 desktop app. ``ui.app`` is the composition root."""

from ui.refcount_guard import protect_singletons

protect_singletons()  # before any Qt call: see ui/refcount_guard.py
