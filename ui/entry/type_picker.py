"""Step 1, "What happened?": the taxonomy's types as a checklist, filtered by typing.

Keyboard: type a few letters to filter, Down to enter the list, Space to tick, Right to open a
type's subtypes (ticking a subtype ticks its type; a type has at most one subtype).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from safetylog.domain.force_words import subtype_words
from safetylog.domain.records import TypeChoice
from safetylog.domain.taxonomy import IncidentType, Taxonomy
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change

CODE_ROLE = Qt.ItemDataRole.UserRole
CONTEXT = "TypePicker"


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for i in range(item.childCount()) if (c := item.child(i)) is not None]


class TypePicker(QWidget):
    changed = Signal()
    """The ticked types or subtypes changed."""

    def __init__(self, taxonomy: Taxonomy, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = Retranslator(CONTEXT)
        self.taxonomy = taxonomy
        self.language = language
        self.filter = QLineEdit(self)
        self.filter.setObjectName("typeFilter")
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("typeTree")
        self.tree.setHeaderHidden(True)
        self.tree.setProperty("i18n_data", True)  # taxonomy labels come in the user's language
        self.tree.setMinimumHeight(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._updating = False
        for itype in taxonomy.types:
            self._add_type(itype)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.tree.installEventFilter(self)
        self.tree.itemChanged.connect(self._item_changed)
        t = self._texts
        t.bind(self.filter.setPlaceholderText, QT_TRANSLATE_NOOP(
            "TypePicker", "Type to filter, Down to choose, Space to tick"))
        t.bind(self.filter.setAccessibleName, QT_TRANSLATE_NOOP("TypePicker", "Filter incident types"))
        t.bind(self.tree.setAccessibleName, QT_TRANSLATE_NOOP("TypePicker", "Incident types"))

    def _add_type(self, itype: IncidentType) -> None:
        item = QTreeWidgetItem(self.tree)
        item.setData(0, CODE_ROLE, (itype.code, None))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        for sub in itype.subtypes:
            child = QTreeWidgetItem(item)
            child.setData(0, CODE_ROLE, (itype.code, sub.code))
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Unchecked)
        self._items[itype.code] = item
        self._label_item(item, itype)

    def _label_item(self, item: QTreeWidgetItem, itype: IncidentType) -> None:
        item.setText(0, itype.label(self.language))
        for sub, child in zip(itype.subtypes, _children(item), strict=True):
            words = subtype_words(itype.code, sub.code, self.language)
            child.setText(0, words or (sub.label_da if self.language == "da" else sub.label_en))
            child.setToolTip(0, words or "")

    def set_language(self, language: str) -> None:
        self.language = language
        for itype in self.taxonomy.types:
            self._label_item(self._items[itype.code], itype)

    # --- filtering and keyboard -----------------------------------------------------------

    def _apply_filter(self, text: str) -> None:
        """Hide what does not match; the best match (code, then label start) becomes current."""
        needle = text.strip().casefold()
        best: tuple[int, QTreeWidgetItem] | None = None
        for itype in self.taxonomy.types:
            item = self._items[itype.code]
            labels = [itype.label(self.language), itype.label_da, itype.label_en]
            words = [*labels, itype.code]
            words += [s.label_da for s in itype.subtypes] + [s.label_en for s in itype.subtypes]
            words += [w for s in itype.subtypes for lang in ("da", "en")
                      if (w := subtype_words(itype.code, s.code, lang))]
            match = not needle or any(needle in w.casefold() for w in words)
            ticked = item.checkState(0) == Qt.CheckState.Checked  # what is chosen stays in sight
            item.setHidden(not (match or ticked))
            if not match:
                continue
            rank = (0 if needle == itype.code.casefold()
                    else 1 if any(w.casefold().startswith(needle) for w in labels) else 2)
            if best is None or rank < best[0]:
                best = (rank, item)
        if best is not None:
            self.tree.setCurrentItem(best[1])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            typed = event.text()
            plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                             | Qt.KeyboardModifier.AltModifier)
            if plain and typed.isprintable() and typed.strip():
                # Letters typed in the list start a new filter: the next type is a word away,
                # without going back up to the filter first.
                if not self.filter.hasFocus():
                    self.filter.clear()
                    self.filter.setFocus()
                QApplication.sendEvent(self.filter, event)
                return True
        if watched is self.filter and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tree.setFocus()
                current = self.tree.currentItem()
                if current is None or current.isHidden():
                    self._apply_filter(self.filter.text())
                return True
        return super().eventFilter(watched, event)

    # --- ticking --------------------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._updating:
            return
        self._updating = True
        try:
            code, subtype = item.data(0, CODE_ROLE)
            parent = self._items[code]
            checked = item.checkState(0) == Qt.CheckState.Checked
            if subtype is not None and checked:
                parent.setCheckState(0, Qt.CheckState.Checked)
                for child in _children(parent):
                    if child is not item:
                        child.setCheckState(0, Qt.CheckState.Unchecked)
            elif subtype is None and not checked:
                for child in _children(parent):
                    child.setCheckState(0, Qt.CheckState.Unchecked)
            elif subtype is None and checked:
                parent.setExpanded(True)
        finally:
            self._updating = False
        self.changed.emit()

    def choices(self) -> tuple[TypeChoice, ...]:
        """The ticked types in taxonomy order, each with its ticked subtype if any."""
        result = []
        for itype in self.taxonomy.types:
            item = self._items[itype.code]
            if item.checkState(0) != Qt.CheckState.Checked:
                continue
            subtype = None
            for child in _children(item):
                if child.checkState(0) == Qt.CheckState.Checked:
                    subtype = child.data(0, CODE_ROLE)[1]
            result.append(TypeChoice(itype.code, subtype))
        return tuple(result)

    def chosen_types(self) -> list[IncidentType]:
        return [t for c in self.choices() if (t := self.taxonomy.get(c.code)) is not None]

    def set_choices(self, choices: list[dict[str, str | None]]) -> None:
        self._updating = True
        try:
            for item in self._items.values():
                item.setCheckState(0, Qt.CheckState.Unchecked)
                for child in _children(item):
                    child.setCheckState(0, Qt.CheckState.Unchecked)
            for choice in choices:
                found = self._items.get(str(choice.get("code")))
                if found is None:
                    continue
                found.setCheckState(0, Qt.CheckState.Checked)
                found.setExpanded(True)
                for child in _children(found):
                    if child.data(0, CODE_ROLE)[1] == choice.get("subtype"):
                        child.setCheckState(0, Qt.CheckState.Checked)
        finally:
            self._updating = False
        self.changed.emit()

    def state(self) -> list[dict[str, str | None]]:
        return [{"code": c.code, "subtype": c.subtype} for c in self.choices()]

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
