"""Collect every text a user can see in a window, and judge whether it is still English.

A widget that shows data (names, pseudonyms, the user's own words, taxonomy labels that the core
already gives in the user's language) sets the Qt property ``i18n_data`` to True; it and its
children are skipped. Everything else that shows letters must be translated.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

# Key-cap names printed on Danish keyboards too ("Ctrl+N"): the same in both languages.
KEY_WORDS = frozenset({"Ctrl", "Alt", "Enter"})
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]{2,}")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Seen:
    where: str
    text: str


def clean(text: str) -> str:
    """What the user reads: no mnemonic ampersands, no HTML tags, single spaces."""
    text = _TAG.sub(" ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def _is_data(obj: QObject | None) -> bool:
    while obj is not None:
        if obj.property("i18n_data"):
            return True
        obj = obj.parent()
    return False


def _action_texts(where: str, actions: Iterable[QAction], out: list[Seen]) -> None:
    for action in actions:
        if action.isSeparator() or not action.isVisible() or action.property("i18n_data"):
            continue
        out.append(Seen(f"{where}/action", action.text()))
        if action.toolTip() != action.text().replace("&", ""):
            out.append(Seen(f"{where}/action tooltip", action.toolTip()))
        menu = action.menu()
        if isinstance(menu, QMenu):
            out.append(Seen(f"{where}/menu", menu.title()))
            _action_texts(f"{where}/{menu.title()}", menu.actions(), out)


def _tree_items(item: QTreeWidgetItem) -> Iterable[QTreeWidgetItem]:
    for index in range(item.childCount()):
        child = item.child(index)
        if child is not None and not child.isHidden():
            yield child
            yield from _tree_items(child)


def _widget_texts(widget: QWidget, where: str, out: list[Seen]) -> None:
    def add(kind: str, text: str) -> None:
        out.append(Seen(f"{where}/{kind}", text))

    if widget.isWindow():
        add("window title", widget.windowTitle())
    add("tooltip", widget.toolTip())
    if isinstance(widget, QLabel):
        add("label", widget.text())
    elif isinstance(widget, QAbstractButton):
        add("button", widget.text())
    elif isinstance(widget, QGroupBox):
        add("group title", widget.title())
    elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        add("placeholder", widget.placeholderText())
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            add("combo item", widget.itemText(index))
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            add("tab", widget.tabText(index))
    elif isinstance(widget, QAbstractSpinBox):
        for attr in ("prefix", "suffix"):
            if hasattr(widget, attr):
                add(attr, getattr(widget, attr)())
        add("special value", widget.specialValueText())
    elif isinstance(widget, QMenuBar):
        _action_texts(where, widget.actions(), out)
    if isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        for section in range(widget.count()):
            if not widget.isSectionHidden(section):
                header = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                if isinstance(header, str):
                    add("header", header)
    if isinstance(widget, QAbstractItemView):
        if isinstance(widget, QListWidget):
            for index in range(widget.count()):
                item = widget.item(index)
                if item is not None and not item.isHidden():
                    add("list item", item.text())
        elif isinstance(widget, QTreeWidget):
            root = widget.invisibleRootItem()
            for tree_item in _tree_items(root):
                add("tree item", tree_item.text(0))


def visible_texts(root: QWidget, scene: str) -> list[Seen]:
    """Every user-visible text in ``root`` and its visible, non-data children."""
    out: list[Seen] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if _is_data(widget):
            continue
        name = widget.objectName() or type(widget).__name__
        _widget_texts(widget, f"{scene}:{name}", out)
    return [Seen(s.where, clean(s.text)) for s in out if _WORD.search(clean(s.text))]


# --- the translation files ---------------------------------------------------------------------


@dataclass(frozen=True)
class Catalog:
    translated: tuple[re.Pattern[str], ...]  # English sources that have a different Danish text
    same_words: frozenset[str]  # words of messages whose Danish is the same as the English

    def shows_english(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.translated)


def load_catalog(ts_files: Iterable[Path]) -> Catalog:
    patterns: list[re.Pattern[str]] = []
    same: set[str] = set()
    for path in ts_files:
        for message in ET.parse(path).getroot().iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            translation = (node.text or "") if node is not None else ""
            if node is not None and node.get("type") in ("unfinished", "vanished", "obsolete"):
                continue
            if clean(translation) == clean(source):
                same.update(_WORD.findall(clean(source)))
                continue
            parts = re.split(r"%\d", clean(source))
            patterns.append(re.compile(".+?".join(re.escape(p) for p in parts)))
    return Catalog(tuple(patterns), frozenset(same))


def words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def problems(danish: list[Seen], english: list[Seen], catalog: Catalog,
             data_words: set[str]) -> list[str]:
    """Danish texts still in English: an English source shown as is, or a text that reads the same
    in both languages although its words are neither data nor confirmed to be the same in Danish."""
    english_texts = {s.text for s in english}
    allowed = {w.casefold() for w in data_words | catalog.same_words | KEY_WORDS}
    found = []
    for seen in danish:
        if catalog.shows_english(seen.text):
            found.append(f"{seen.where}: {seen.text!r} is the English source text")
        elif seen.text in english_texts:
            strange = sorted(w for w in words(seen.text) if w.casefold() not in allowed)
            if strange:
                found.append(f"{seen.where}: {seen.text!r} is the same in English ({', '.join(strange)})")
    return sorted(set(found))
