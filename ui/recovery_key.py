"""The recovery key, shown once: after the first set-up, or to the first administrator who logs in
after an existing database was encrypted.

The key opens the database when every administrator's password is lost, so it goes on paper into
the facility's safe. It is never stored in the clear and cannot be shown again; the dialog
therefore lets the user go on only after confirming it was written down or printed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMarginsF, Qt
from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase, QKeyEvent, QPageLayout, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change

CONTEXT = "RecoveryKeyDialog"


def grouped(key: str) -> str:
    """The key in groups of four, as it is easier to copy by hand (unless it is grouped already)."""
    if any(c in key for c in " -"):
        return key
    return " ".join(key[i:i + 4] for i in range(0, len(key), 4))


class RecoveryKeyDialog(QDialog):
    def __init__(self, key: str, facility: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setModal(True)
        self._key = grouped(key)
        self._facility = facility
        self._texts = t = Retranslator(CONTEXT)

        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.key_label = QLabel(self._key, self)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setProperty("i18n_data", True)
        self.key_label.setWordWrap(True)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.7)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setStyleSheet("border: 2px solid palette(mid); padding: 14px;")
        self.once = QLabel(self)
        self.once.setWordWrap(True)
        self.once.setStyleSheet("color: #b00020; font-weight: bold;")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printRecoveryKey")
        self.print_button.clicked.connect(self.print_key)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("confirmRecoveryKey")
        self.continue_button = QPushButton(self)
        self.continue_button.setObjectName("continueButton")
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.confirm.toggled.connect(self.continue_button.setEnabled)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.explanation)
        layout.addWidget(self.key_label)
        layout.addWidget(self.once)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.setMaximumWidth(900)

        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("RecoveryKeyDialog", "SafetyLog – recovery key"))
        t.bind(title.setText, QT_TRANSLATE_NOOP("RecoveryKeyDialog", "The database's recovery key"))
        t.bind(self.explanation.setText, QT_TRANSLATE_NOOP(
            "RecoveryKeyDialog", "The database is encrypted. This key opens it if every "
            "administrator's password is lost. Print it, or write it down by hand, and keep it in "
            "the facility's safe – not on this PC."))
        t.bind(self.once.setText, QT_TRANSLATE_NOOP(
            "RecoveryKeyDialog", "The key is shown only now. SafetyLog cannot show it again."))
        t.bind(self.print_button.setText, QT_TRANSLATE_NOOP("RecoveryKeyDialog", "&Print…"))
        t.bind(self.confirm.setText, QT_TRANSLATE_NOOP(
            "RecoveryKeyDialog", "I have &written the key down / printed it"))
        t.bind(self.continue_button.setText, QT_TRANSLATE_NOOP("RecoveryKeyDialog", "&Continue"))
        self.confirm.setFocus()

    @property
    def key(self) -> str:
        return self._key

    # --- print ----------------------------------------------------------------------------

    def print_key(self) -> None:
        """Qt's print dialog (a printer, or a PDF file through "Print to file")."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.paint_page(printer)

    def paint_page(self, printer: object) -> None:
        """One page: the title, the facility, the key large, and what it is for."""
        from PySide6.QtPrintSupport import QPrinter

        assert isinstance(printer, QPrinter)
        printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter)
        t = self._texts
        painter = QPainter(printer)
        try:
            page = printer.pageLayout().paintRectPixels(printer.resolution())
            width = page.width()
            y = 0
            for text, size, mono, bold in (
                (t.text(QT_TRANSLATE_NOOP("RecoveryKeyDialog", "SafetyLog – recovery key")), 18, False, True),
                (self._facility, 12, False, False),
                (self._key, 20, True, True),
                (self.explanation.text(), 11, False, False),
            ):
                if not text:
                    continue
                font = (QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont) if mono
                        else QFont(self.font()))
                font.setPointSizeF(size)
                font.setBold(bold)
                painter.setFont(font)
                flags = int(Qt.TextFlag.TextWordWrap) | int(
                    Qt.AlignmentFlag.AlignHCenter if mono else Qt.AlignmentFlag.AlignLeft)
                rect = painter.boundingRect(0, y, width, page.height() - y, flags, text)
                painter.drawText(rect, flags, text)
                y = rect.bottom() + int(printer.resolution() * 0.35)
        finally:
            painter.end()

    # --- the key cannot be closed away unconfirmed ----------------------------------------

    def reject(self) -> None:
        if self.confirm.isChecked():
            self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm.isChecked():
            event.accept()
            self.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.confirm.isChecked():
            event.ignore()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
