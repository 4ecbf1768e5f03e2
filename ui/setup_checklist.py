"""What is left after the first set-up: places, managers, residents, each with a way to get there.

Shown once, in the main window, right after the first administrator was created: on a fresh
database nothing else says that residents must be added before anyone can log an incident about
them, or who may add them (an administrator or a manager; also ``safetylog resident add``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change

CONTEXT = "SetupChecklist"

# (page key, the page's tab attribute or "", step text, button text)
STEPS = (
    ("admin", "places",
     QT_TRANSLATE_NOOP("SetupChecklist", "1. Places: add the places in the house where incidents "
                       "happen (entrance, common room, garden, ...). Administration → Facilities "
                       "and places."),
     QT_TRANSLATE_NOOP("SetupChecklist", "Open &places")),
    ("admin", "users",
     QT_TRANSLATE_NOOP("SetupChecklist", "2. Managers and staff: add a user with the role Manager "
                       "for each facility, then the staff. Administration → Users and roles."),
     QT_TRANSLATE_NOOP("SetupChecklist", "Open &users")),
    ("residents", "residents",
     QT_TRANSLATE_NOOP("SetupChecklist", "3. Residents: add each resident with a pseudonym (e.g. "
                       "H-101) and the first name staff know them by. An administrator or a manager "
                       "can do this, here or with “safetylog resident add”."),
     QT_TRANSLATE_NOOP("SetupChecklist", "Open &residents")),
)


class SetupChecklist(QDialog):
    def __init__(self, open_page: Callable[[str], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupChecklist")
        self._texts = t = Retranslator(CONTEXT)
        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self)
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.steps: list[QLabel] = []
        self.buttons: list[QPushButton] = []
        for row, (page, tab, text, button_text) in enumerate(STEPS):
            step = QLabel(self)
            step.setWordWrap(True)
            t.bind(step.setText, text)
            button = QPushButton(self)
            t.bind(button.setText, button_text)
            button.clicked.connect(
                lambda _checked=False, key=page, name=tab: self._open(open_page, key, name))
            grid.addWidget(step, row, 0)
            grid.addWidget(button, row, 1)
            self.steps.append(step)
            self.buttons.append(button)
        grid.setColumnStretch(0, 1)
        buttons = QDialogButtonBox(self)
        self.later = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.later.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("SetupChecklist", "SafetyLog – next steps"))
        t.bind(title.setText, QT_TRANSLATE_NOOP("SetupChecklist", "SafetyLog is set up"))
        t.bind(intro.setText, QT_TRANSLATE_NOOP(
            "SetupChecklist", "Before the staff can log incidents, three things are left:"))

    def _open(self, open_page: Callable[[str], object], key: str, tab: str) -> None:
        page = open_page(key)
        tabs, widget = getattr(page, "tabs", None), getattr(page, tab, None)
        if isinstance(tabs, QTabWidget) and isinstance(widget, QWidget):
            tabs.setCurrentWidget(widget)
        self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
