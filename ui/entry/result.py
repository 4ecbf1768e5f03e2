"""After submitting: the computed severity with its reasons, and the duties the incident opened."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from safetylog.domain.records import IncidentDetail
from safetylog.domain.timeutil import to_local
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.widgets.labels import duty_label, label

CONTEXT = "SubmittedPanel"


class SubmittedPanel(QWidget):
    new_requested = Signal()
    """The user wants to log another incident."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("submittedPanel")
        self._texts = Retranslator(CONTEXT)
        self._detail: IncidentDetail | None = None
        self._language = "da"
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.severity = QLabel(self)
        self.severity.setObjectName("severityLabel")
        self.soas = QLabel(self)
        self.soas.setObjectName("soasLabel")
        reasons_title = QLabel(self)
        self.reasons = QListWidget(self)
        self.reasons.setObjectName("severityReasons")
        self.reasons.setProperty("i18n_data", True)  # the core words the reasons in both languages
        duties_title = QLabel(self)
        self.duties = QListWidget(self)
        self.duties.setObjectName("openedDuties")
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.severity)
        layout.addWidget(self.soas)
        layout.addWidget(reasons_title)
        layout.addWidget(self.reasons, 1)
        layout.addWidget(duties_title)
        layout.addWidget(self.duties, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        layout.addLayout(row)
        t = self._texts
        t.bind(reasons_title.setText, QT_TRANSLATE_NOOP("SubmittedPanel", "Why this severity:"))
        t.bind(duties_title.setText, QT_TRANSLATE_NOOP("SubmittedPanel", "Duties opened:"))
        t.bind(self.reasons.setAccessibleName, QT_TRANSLATE_NOOP("SubmittedPanel", "Why this severity"))
        t.bind(self.duties.setAccessibleName, QT_TRANSLATE_NOOP("SubmittedPanel", "Duties opened"))
        t.bind(self.new_button.setText, QT_TRANSLATE_NOOP("SubmittedPanel", "Log &another incident"))

    def show_detail(self, detail: IncidentDetail, language: str) -> None:
        self._detail = detail
        self._language = language
        self._render()

    def _render(self) -> None:
        detail = self._detail
        if detail is None:
            return
        t = self._texts
        self.heading.setText(t.text(QT_TRANSLATE_NOOP(
            "SubmittedPanel", "Incident no. %1 is registered."), detail.id))
        self.severity.setText(t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "Severity: %1"),
                                     label(detail.severity)))
        self.soas.setVisible(detail.soas_total is not None)
        if detail.soas_total is not None:
            band = {"mild": t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "mild")),
                    "moderate": t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "moderate")),
                    "severe": t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "severe"))}
            self.soas.setText(t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "SOAS-R score: %1 (%2)"),
                                     detail.soas_total, band.get(detail.soas_band or "", "")))
        self.reasons.clear()
        for reason in detail.severity_reasons:
            self.reasons.addItem(reason.text(self._language))
        self.duties.clear()
        for duty in detail.duties:
            if duty.due_at is not None:
                due = to_local(duty.due_at).strftime("%d-%m-%Y %H:%M")
                self.duties.addItem(t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "%1 – due %2"),
                                           duty_label(duty.kind), due))
            else:
                self.duties.addItem(duty_label(duty.kind))
        if not detail.duties:
            self.duties.addItem(t.text(QT_TRANSLATE_NOOP("SubmittedPanel", "No duties.")))

    def set_language(self, language: str) -> None:
        self._language = language
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._render()
        super().changeEvent(event)
