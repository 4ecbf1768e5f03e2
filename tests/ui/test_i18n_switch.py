"""Language: Danish by default, English at runtime from the menu, Danish formats; .qm built from .ts."""

from __future__ import annotations

import os
import re
import shutil
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from ui.entry.form import IncidentForm
from ui.i18n import ensure_compiled, sources_dir


def first_type(form: IncidentForm) -> str:
    """The first incident type in the form's type tree, as shown."""
    item = form.types.tree.topLevelItem(0)
    assert item is not None
    return item.text(0)


def nav_texts(window: object) -> list[str]:
    nav = window.nav  # type: ignore[attr-defined]
    return [nav.item(i).text().split("   ")[0] for i in range(nav.count())]


def test_switching_language_retranslates_open_windows(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        form = window.show_page("new_incident")
        assert isinstance(form, IncidentForm)
        form.types.set_choices([{"code": "VIO-PHY", "subtype": None}])
        form.common.narrative.setPlainText("Teksten skal blive stående.")
        assert nav_texts(window) == ["Ny hændelse"]
        assert window.language_menu.title() == "Sp&rog"
        assert form.submit_button.text() == "I&ndsend (Ctrl+Enter)"
        assert QLocale().language() == QLocale.Language.Danish
        assert QLocale().toString(1234.5, "f", 1) == "1.234,5"

        window.language_actions["en"].trigger()
        settle(qtbot, shell)
        assert shell.ctx is not None and shell.ctx.language == "en"
        assert nav_texts(window) == ["New incident"]
        assert window.language_menu.title() == "Lang&uage"
        assert form.submit_button.text() == "&Submit (Ctrl+Enter)"
        assert form.sections["violence"].title() == "Aggression (five columns)"
        assert first_type(form) == "Physical violence"
        assert window.role_label.text() == "Role: Night staff"
        assert QLocale().toString(1234.5, "f", 1) == "1.234,5"  # Danish formats stay

        window.language_actions["da"].trigger()
        settle(qtbot, shell)
        assert nav_texts(window) == ["Ny hændelse"]
        assert first_type(form) == "Fysisk vold"
        assert window.role_label.text() == "Rolle: Nattevagt"
        assert form.common.narrative.toPlainText() == "Teksten skal blive stående."


def _messages(path: Path) -> list[tuple[str, str, str, str | None]]:
    out = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            node = message.find("translation")
            out.append((name, message.findtext("source") or "",
                        (node.text or "") if node is not None else "",
                        node.get("type") if node is not None else None))
    return out


def test_the_shell_translation_is_complete_and_keeps_its_placeholders() -> None:
    messages = _messages(sources_dir() / "safetylog_da.ts")
    assert len(messages) > 200
    for context, source, translation, kind in messages:
        assert kind is None and translation, f"{context}: {source!r} has no Danish translation"
        placeholders = sorted(re.findall(r"%\d", source))
        assert sorted(re.findall(r"%\d", translation)) == placeholders, f"{context}: {source!r}"
        assert source.count("&") - 2 * source.count("&&") <= 1
        if "&" in source.replace("&&", ""):
            assert "&" in translation.replace("&&", ""), f"{context}: {source!r} lost its shortcut"


def test_stale_or_missing_qm_files_are_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "i18n"
    folder.mkdir()
    shutil.copy(sources_dir() / "safetylog_da.ts", folder)
    assert ensure_compiled(folder) == folder
    qm = folder / "safetylog_da.qm"
    assert qm.stat().st_size > 1000
    built = qm.stat().st_mtime
    assert ensure_compiled(folder) == folder and qm.stat().st_mtime == built  # up to date: kept
    later = time.time() + 5
    os.utime(folder / "safetylog_da.ts", (later, later))
    ensure_compiled(folder)
    assert qm.stat().st_mtime > built


def test_qt_own_buttons_speak_danish_and_english(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

    from ui.i18n import Translations

    buttons = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
               | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
    translations = Translations()
    try:
        for language, expected, save_dialog in (
                ("da", {"&Ja", "&Nej", "Gem", "Annuller"}, {"&Gem", "Annuller"}),
                ("en", {"&Yes", "&No", "Save", "Cancel"}, {"&Save", "Cancel"})):
            translations.set_language(language)
            box = QMessageBox(QMessageBox.Icon.Question, "", "", buttons)
            qtbot.addWidget(box)
            assert {b.text() for b in box.buttons()} == expected
            # Qt's own save dialog (the one used where the system has none, as offscreen)
            dialog = QFileDialog()
            dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            qtbot.addWidget(dialog)
            dialog.show()
            assert {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()} == save_dialog
            dialog.close()
    finally:
        translations.uninstall()
