"""The PySide6 desktop app. ``ui.app`` is the composition root."""
