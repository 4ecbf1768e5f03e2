"""Where the core's messages go in the entry form: under their field, or above the buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from ui.widgets.field_error import FieldError, FieldErrors


class FormMessages:
    """Every field-error registry of the form, searched in order (types, common part, sections)."""

    def __init__(self, registries: list[FieldErrors], general: FieldError, scroll: QScrollArea) -> None:
        self._registries = registries
        self._general = general
        self._scroll = scroll
        self._live: dict[str, str] = {}

    def show_live(self, messages: dict[str, str]) -> None:
        """Messages found while typing (a contradiction): beside their fields, gone when
        resolved; the focus stays where the user is, and other messages are left alone."""
        for field, text in self._live.items():
            label = self._find(field)
            if label is not None and field not in messages:
                label.show_message("\n".join(t for t in label.text().split("\n") if t != text))
        for field, text in messages.items():
            label = self._find(field)
            if label is not None and text not in label.text().split("\n"):
                label.show_message(f"{label.text()}\n{text}" if label.text() else text)
        self._live = dict(messages)

    def _find(self, field: str) -> FieldError | None:
        return next((label for r in self._registries if (label := r.find(field)) is not None), None)

    def clear(self) -> None:
        self._live = {}
        for registry in self._registries:
            registry.clear()
        self._general.clear_message()

    def show(self, messages: dict[str, str]) -> None:
        """Each message under its field; what no field claims goes above the buttons. The first
        field with a message is scrolled into view and gets the focus."""
        rest = dict(messages)
        for registry in self._registries:
            rest = registry.show(rest)
        self._general.show_message("\n".join(rest.values()))
        for registry in self._registries:
            first = registry.first_with_message()
            if first is not None:
                self._scroll.ensureWidgetVisible(first)
                if first.buddy_widget is not None:
                    first.buddy_widget.setFocus()
                return

    def visible(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for registry in self._registries:
            found.update(registry.visible())
        if self._general.text():
            found[""] = self._general.text()
        return found
