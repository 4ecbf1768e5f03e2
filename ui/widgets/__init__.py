"""Small widgets shared by the windows: field errors, pickers, date-time input, enum labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_before(row: QWidget, anchor: QWidget) -> None:
    """Put ``row``'s inputs in the Tab order just before ``anchor`` (rows are added after the form
    was built, and Qt would otherwise append them at the very end of the window's Tab order)."""
    chain = [w for w in row.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    previous = anchor.previousInFocusChain()
    for _ in range(10_000):  # back to the last plain input before the anchor, outside the row
        if previous is None or previous is anchor:
            return
        if (previous.focusPolicy() & Qt.FocusPolicy.TabFocus and previous is not row
                and not previous.isAncestorOf(row) and not row.isAncestorOf(previous)):
            break
        previous = previous.previousInFocusChain()
    if not chain or previous is None:
        return
    for widget in chain:
        QWidget.setTabOrder(previous, widget)
        previous = widget
    QWidget.setTabOrder(previous, anchor)
