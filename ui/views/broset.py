"""Brøset Violence Checklist: one assessment per resident per shift — six yes/no items against
the resident's usual behaviour, total 0-6 and what the band asks staff to do — and the
resident's recent assessments. Item names and band advice come from the core.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.classification.bvc import ITEMS, BvcBand, band_for
from safetylog.domain.records import BvcInput, BvcRecord, FacilityRecord, ResidentRecord
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services.permissions import Permission
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo, accessible_name_setter, local_datetime
from ui.views.forms import FormRows, button
from ui.views.psp_meetings import table
from ui.widgets.datetime_edit import DateTimeEdit
from ui.widgets.labels import label
from ui.widgets.message_line import MessageLine

CONTEXT = "Broset"
HISTORY_DAYS = 14
BAND_COLOURS = {BvcBand.SMALL: None, BvcBand.MODERATE: QColor("#fff3c4"), BvcBand.HIGH: QColor("#ffcdd2")}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class BrosetTab(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.residents: list[ResidentRecord] = []
        self.history: list[BvcRecord] = []
        self.model: RecordTableModel[BvcRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Assessed"),
                       lambda b: local_datetime(b.assessed_at)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Shift"), lambda b: label(b.shift)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Score"), lambda b: f"{b.total}/6",
                       colour=lambda b: BAND_COLOURS[BvcBand(b.band)]),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Risk"),
                       lambda b: BvcBand(b.band).label(self.ctx.language)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Present"), lambda b: ", ".join(
                item.label_da if self.ctx.language == "da" else item.label_en
                for item, present in zip(ITEMS, b.items, strict=True) if present)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "By"), lambda b: b.assessor),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Broset", "Actions"), lambda b: b.actions),
        ], lambda b: b.id, self)

        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("Broset", "Assessment for this shift"))
        self.form = FormRows(t, box)
        self.resident_box = self.form.row("resident_id", QT_TRANSLATE_NOOP("Broset", "Re&sident"),
                                          ValueCombo(box))
        self.resident_box.currentIndexChanged.connect(lambda _i: self.load_history())
        self.assessed_at = self.form.row("assessed_at", QT_TRANSLATE_NOOP("Broset", "&Time"),
                                         DateTimeEdit(box))
        self.assessed_at.set_value(utcnow())
        hint = QLabel(box)
        hint.setWordWrap(True)
        t.bind(hint.setText, QT_TRANSLATE_NOOP(
            "Broset", "Tick what is present now, compared with how the resident usually is."))
        self.form.add(hint)
        self.items: dict[str, QCheckBox] = {}
        for item in ITEMS:
            check = QCheckBox(box)
            check.setProperty("i18n_data", True)  # the item names come from the core, in both languages
            check.toggled.connect(lambda _on: self._score())
            self.items[item.key] = check
            self.form.add(check)
        self.measures = self.form.row("actions", QT_TRANSLATE_NOOP("Broset", "&Measures and plan"),
                                     QLineEdit(box))
        self.score = QLabel(box)
        self.score.setWordWrap(True)
        self.score.setProperty("i18n_data", True)
        self.form.add(self.score)
        self.save_button = button(t, QT_TRANSLATE_NOOP("Broset", "Sa&ve assessment"), self.save, box)
        self.form.add(self.save_button)
        box.setLayout(self.form.layout)
        box.setEnabled(ctx.may(Permission.BVC_RECORD))

        self.history_caption = QLabel(self)
        self.list = table(self.model, self, stretch=4)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("Broset", "Assessments"))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.history_caption)
        right_layout.addWidget(self.list, 1)
        splitter = QSplitter(self)
        splitter.addWidget(box)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.message = MessageLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self._word_items()

    def _word_items(self) -> None:
        da = self.ctx.language == "da"
        for item in ITEMS:
            self.items[item.key].setText(item.label_da if da else item.label_en)
            self.items[item.key].setAccessibleName(item.label_da if da else item.label_en)
        self._score()
        self.history_caption.setText(_t(QT_TRANSLATE_NOOP("Broset", "The last %1 days"), HISTORY_DAYS))

    def _score(self) -> None:
        total = sum(1 for check in self.items.values() if check.isChecked())
        band = band_for(total)
        language = self.ctx.language
        self.score.setText(_t(QT_TRANSLATE_NOOP("Broset", "Score %1 of 6: %2. %3"), total,
                              band.label(language), band.advice(language)))

    def set_data(self, _facilities: list[FacilityRecord], residents: list[ResidentRecord]) -> None:
        self.residents = residents
        self.resident_box.set_items([(r.shown_name, r.id) for r in residents])
        self.load_history()

    def load_history(self) -> None:
        resident = self.resident_box.value()
        if resident is None:
            self.model.set_rows([])
            return
        actor, bvc = self.ctx.require_actor(), self.ctx.services.bvc
        since = utcnow() - timedelta(days=HISTORY_DAYS)
        Query(self, lambda: bvc.history(actor, resident, since=since)).success(self.model.set_rows).failure(
            self._refused).run(self.tasks, self.ctx)

    def save(self) -> None:
        values = {key: check.isChecked() for key, check in self.items.items()}
        moment: datetime = self.assessed_at.value()
        data = BvcInput(self.resident_box.value(), moment, actions=self.measures.text(), **values)
        actor, bvc = self.ctx.require_actor(), self.ctx.services.bvc
        Op(self, lambda: bvc.record(actor, data)).success(self._saved).failure(self._refused).run(
            self.tasks, self.ctx)

    def _saved(self, record: BvcRecord) -> None:
        self.form.errors.clear()
        for check in self.items.values():
            check.setChecked(False)
        self.measures.clear()
        band = BvcBand(record.band)
        self.message.say(_t(QT_TRANSLATE_NOOP("Broset", "%1: %2 of 6 (%3) saved for the %4."),
                            record.pseudonym, record.total, band.label(self.ctx.language),
                            label(record.shift).lower()), False)
        self.assessed_at.set_value(to_local(utcnow()))

        self.load_history()

    def _refused(self, error: BaseException) -> None:
        self.form.refuse(error, self.ctx.language, self.message.say)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._word_items()
            self.model.refresh_texts()
        super().changeEvent(event)

