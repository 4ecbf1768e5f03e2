"""The line at the top of a page that says what just happened: green when done, red when refused."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.error_text import error_text


class MessageLine(QLabel):
    """A word-wrapped line of already-translated text; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setProperty("i18n_data", True)
        self.hide()

    def say(self, text: str, error: bool) -> None:
        self.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.setText(text)
        self.setVisible(bool(text))

    def show_error(self, error: BaseException, language: str) -> None:
        """A failed call, worded as everywhere else (``error_text``)."""
        self.say(error_text(error, language), True)

