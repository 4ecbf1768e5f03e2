"""The save dialog speaks the app's language in every label, and answers with the chosen path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from ui.i18n import Translations
from ui.widgets.save_dialog import ask_save_path, save_dialog


@pytest.fixture
def translations(qtbot: QtBot) -> Iterator[Translations]:
    installed = Translations()
    yield installed
    installed.uninstall()


def _shown(dialog: QFileDialog) -> tuple[set[str], set[str]]:
    """(label texts, button texts) the user sees."""
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.isVisible() and w.text()}
    buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible() and b.text()}
    return labels, buttons


@pytest.mark.parametrize(("language", "labels", "buttons"), [
    ("da", {"Søg &i:", "&Filnavn:", "Filer af &typen:"}, {"&Gem", "Annuller"}),
    ("en", {"&Look in:", "File &name:", "Files of &type:"}, {"&Save", "Cancel"}),
])
def test_every_label_is_in_the_chosen_language(qtbot: QtBot, tmp_path: Path, translations: Translations,
                                               language: str, labels: set[str], buttons: set[str]) -> None:
    translations.set_language(language)
    dialog = save_dialog(None, "Gem rapport", str(tmp_path / "maanedsrapport-2024-05.pdf"), "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    dialog.show()
    shown_labels, shown_buttons = _shown(dialog)
    assert shown_labels == labels  # Qt's catalogue has no "Look in:" or "Files of type:": ours does
    assert shown_buttons == buttons
    assert dialog.windowTitle() == "Gem rapport"
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert Path(dialog.directory().absolutePath()) == tmp_path  # the suggested folder is open
    dialog.close()


def _answer(qtbot: QtBot, name: str | None) -> None:
    """When the dialog is up: type ``name`` and save, or cancel when it is None."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        if name is None:
            dialog.reject()
        else:
            dialog.selectFile(name)
            dialog.accept()
    QTimer.singleShot(0, act)


def test_it_answers_the_chosen_path_or_none_on_cancel(qtbot: QtBot, tmp_path: Path) -> None:
    suggested = str(tmp_path / "revisionslog.csv")
    _answer(qtbot, str(tmp_path / "eksport.csv"))
    assert ask_save_path(None, "Eksportér", suggested, "CSV (*.csv)") == tmp_path / "eksport.csv"
    _answer(qtbot, None)
    assert ask_save_path(None, "Eksportér", suggested, "CSV (*.csv)") is None
