"""The Alt+letter shortcuts a user can press on one screen, and which of them clash.

A mnemonic counts where Qt makes it work: a label with a buddy, a button, a group box title, a
tab caption and a menu-bar title. Only what the user can see counts: a widget in a hidden tab or
a hidden section is not on the screen, and its letter clashes with nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QTabWidget,
    QWidget,
)


def letter(text: str) -> str | None:
    """The mnemonic letter of ``text`` ("&Gem" -> "g"), None without one ("&&" is a plain &)."""
    text = text.replace("&&", "")
    at = text.find("&")
    if 0 <= at < len(text) - 1:
        return text[at + 1].casefold()
    return None


def _texts(widget: QWidget) -> Iterator[str]:
    if isinstance(widget, QLabel):
        if widget.buddy() is not None:
            yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                yield widget.tabText(index)
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            if action.isVisible():
                yield action.text()


def mnemonics(*roots: QWidget) -> list[tuple[str, str]]:
    """(letter, caption) of every mnemonic visible in ``roots`` and their children."""
    found = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if widget is not root and not widget.isVisibleTo(root):
                continue
            for text in _texts(widget):
                key = letter(text)
                if key is not None:
                    found.append((key, text.replace("&&", "&")))
    return found


def clashes(*roots: QWidget) -> dict[str, list[str]]:
    """Each letter used more than once on the screen, with the captions that use it."""
    by_letter: dict[str, list[str]] = {}
    for key, caption in mnemonics(*roots):
        by_letter.setdefault(key, []).append(caption)
    return {key: captions for key, captions in sorted(by_letter.items()) if len(captions) > 1}


def tab_states(root: QWidget) -> Iterator[str]:
    """Show every tab of every tab widget in ``root`` in turn (nested ones too); yields where."""
    yield "first tabs"
    seen: set[int] = set()
    pending = [t for t in root.findChildren(QTabWidget) if t.isVisibleTo(root)]
    while pending:
        tabs = pending.pop(0)
        if id(tabs) in seen:
            continue
        seen.add(id(tabs))
        for index in range(tabs.count()):
            if not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index).replace("&", "")
            pending += [t for t in tabs.widget(index).findChildren(QTabWidget)  # type: ignore[union-attr]
                        if id(t) not in seen and t.isVisibleTo(root)]
        tabs.setCurrentIndex(0)
