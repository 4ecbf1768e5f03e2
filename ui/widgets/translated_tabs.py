"""A tab widget whose tab captions are translated sources, worded again on a language change."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ui.i18n import translate


class TranslatedTabs(QTabWidget):
    """Tabs added with an English source (marked with ``QT_TRANSLATE_NOOP`` in ``context``);
    ``retranslate()`` words every caption again in the current language."""

    def __init__(self, context: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._sources: list[str] = []

    def add(self, widget: QWidget, source: str) -> None:
        self.addTab(widget, translate(self._context, source))
        self._sources.append(source)

    def retranslate(self) -> None:
        for index, source in enumerate(self._sources):
            self.setTabText(index, translate(self._context, source))
