"""The one "save as" dialog: Qt's own file dialog with every label in the app's language.

Qt's Danish catalogue (qtbase_da) lacks "Look in:" and "Files of type:", so the plain
``QFileDialog.getSaveFileName`` showed them in English in a Danish app. Here the dialog is always
Qt's own (not the system's, whose labels we cannot set, so it looks the same on every machine) and
its labels come from our catalogue (safetylog_da.ts).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "SaveDialog"
LABELS = (
    (QFileDialog.DialogLabel.LookIn, QT_TRANSLATE_NOOP("SaveDialog", "&Look in:")),
    (QFileDialog.DialogLabel.FileName, QT_TRANSLATE_NOOP("SaveDialog", "File &name:")),
    (QFileDialog.DialogLabel.FileType, QT_TRANSLATE_NOOP("SaveDialog", "Files of &type:")),
    (QFileDialog.DialogLabel.Accept, QT_TRANSLATE_NOOP("SaveDialog", "&Save")),
    (QFileDialog.DialogLabel.Reject, QT_TRANSLATE_NOOP("SaveDialog", "Cancel")),
)


def save_dialog(parent: QWidget | None, title: str, suggested: str, filters: str = "") -> QFileDialog:
    """The dialog, built but not shown (tests look at it; ``ask_save_path`` runs it).

    ``suggested`` is a path or a bare file name; its name is filled in, its folder opened.
    """
    dialog = QFileDialog(parent, title, suggested, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(Path(suggested).name)
    for label, source in LABELS:
        dialog.setLabelText(label, translate(CONTEXT, source))
    return dialog


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str = "") -> Path | None:
    """Where the user chose to save, or None when they cancelled."""
    dialog = save_dialog(parent, title, suggested, filters)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()
