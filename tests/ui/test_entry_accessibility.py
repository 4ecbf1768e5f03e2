"""Every input in the entry form has an accessible name, and Tab reaches every one of them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from ui.entry.form import IncidentForm

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)


def test_every_input_is_named_and_reachable_with_tab(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        form = window.show_page("new_incident")
        assert isinstance(form, IncidentForm)
        settle(qtbot, shell)
        form.types.set_choices([{"code": t.code, "subtype": None} for t in form.taxonomy.types])
        form.common.residents.add_row()
        form.sections["injuries"].add_row({})  # type: ignore[attr-defined]
        form.sections["outsiders"].add_row({})  # type: ignore[attr-defined]
        for edit in (form.common.end, form.sections["police"].called_at):  # type: ignore[attr-defined]
            edit.known.setChecked(True)
        settle(qtbot, shell)

        content = form.scroll_area.widget()
        assert content is not None
        visible = [w for w in content.findChildren(QWidget) if w.isVisibleTo(content) and w.isEnabled()]
        inputs = [w for w in visible if isinstance(w, INPUTS)
                  and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]  # their inner parts
        unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in inputs
                   if not w.accessibleName() and not w.parent().accessibleName()]  # type: ignore[union-attr]
        assert unnamed == [], unnamed
        unlabeled = [b.objectName() for b in visible if isinstance(b, QAbstractButton) and not b.text()]
        assert unlabeled == []

        form.types.filter.setFocus()
        reached: set[int] = set()
        for _ in range(400):
            focus = QApplication.focusWidget()
            if focus is None or focus is form.submit_button:
                break
            reached.add(id(focus))
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focusable = [w for w in inputs + [b for b in visible if isinstance(b, QAbstractButton)]
                     if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w is not form.submit_button
                     and w is not form.clear_button]
        missed = [f"{type(w).__name__} {w.objectName()!r}" for w in focusable if id(w) not in reached]
        assert missed == [], missed


def test_each_type_gives_a_form_where_every_alt_letter_is_used_once(
    qtbot: QtBot, sqlite_world: World
) -> None:
    from tests.ui.app_driver import mnemonics

    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "staff")
        form = window.show_page("new_incident")
        assert isinstance(form, IncidentForm)
        settle(qtbot, shell)
        menus = [a.text().replace("&&", "").split("&")[1][0].casefold()
                 for a in window.menuBar().actions()]
        clashes = {}
        for itype in form.taxonomy.types:
            form.types.set_choices([{"code": itype.code, "subtype": None}])
            keys = menus + mnemonics(form)
            doubled = sorted({k for k in keys if keys.count(k) > 1})
            if doubled:
                clashes[itype.code] = doubled
        assert clashes == {}
