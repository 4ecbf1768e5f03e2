"""Validation messages shown beside the field they concern, never only in a message box."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QLabel, QWidget


class FieldError(QLabel):
    """A red line under an input; hidden while there is nothing to say."""

    def __init__(self, buddy: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.setProperty("i18n_data", True)  # shows the core's already-localized messages
        self.buddy_widget = buddy
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self.buddy_widget is not None:
            self.setAccessibleName(self.buddy_widget.accessibleName())
            self.buddy_widget.setAccessibleDescription(text)

    def clear_message(self) -> None:
        self.show_message("")


class FieldErrors:
    """Field name -> its FieldError. ``show`` places each message; the rest are returned."""

    def __init__(self) -> None:
        self._labels: dict[str, FieldError] = {}

    def add(self, field: str, label: FieldError) -> FieldError:
        self._labels[field] = label
        return label

    def __getitem__(self, field: str) -> FieldError:
        return self._labels[field]

    def find(self, field: str) -> FieldError | None:
        return self._labels.get(field) or self._labels.get(field.partition(".")[0])

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear_message()

    def show(self, messages: Mapping[str, str]) -> dict[str, str]:
        """Show every message beside its field (``police.journal_no`` also matches ``police``)."""
        self.clear()
        unplaced: dict[str, str] = {}
        for field, text in messages.items():
            target = self._labels.get(field) or self._labels.get(field.partition(".")[0])
            if target is None:
                unplaced[field] = text
            elif target.text():
                target.show_message(f"{target.text()}\n{text}")
            else:
                target.show_message(text)
        return unplaced

    def visible(self) -> dict[str, str]:
        return {f: label.text() for f, label in self._labels.items() if label.text()}

    def first_with_message(self) -> FieldError | None:
        return next((label for label in self._labels.values() if label.text()), None)
