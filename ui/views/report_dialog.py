"""Reports from the app: choose the report, the period and the facilities, preview the numbers,
export the PDF (or its CSV/XLSX twin) with progress and cancel, then open the file.

PySide6-Essentials has no QtPdf, so the preview shows the period summary the PDF is drawn from,
and the saved PDF opens in the system's viewer. The export itself is ``export_job``: a plain
function the worker thread runs, unit-tested without Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import Actor, FacilityRecord
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services.container import Services
from safetylog.services.reports import ExportReceipt, ReportRequest
from safetylog.summaries.model import PeriodSummary
from safetylog.summaries.periods import add_months
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import (
    ValueCombo,
    accessible_name_setter,
    error_text,
    from_qdate,
    heading,
    number,
    to_qdate,
)
from ui.widgets.save_dialog import ask_save_path

CONTEXT = "Reports"
STEPS = 3  # gather the data, draw the report, write and audit the file


class Cancelled(Exception):
    """The user cancelled the export; nothing was written and nothing audited."""


@dataclass(frozen=True, slots=True)
class ExportChoice:
    kind: str  # "monthly" | "psp"
    fmt: str  # "pdf" | "csv" | "xlsx"
    request: ReportRequest
    target: Path


def export_job(services: Services, actor: Actor, choice: ExportChoice,
               progress: Callable[[int], None], cancelled: Callable[[], bool]) -> ExportReceipt:
    """Write one report file. A cancel between the steps rolls back: no file, no audit row."""

    def check(step: int) -> None:
        if cancelled():
            raise Cancelled
        progress(step)

    check(0)
    reports = services.reports
    if choice.fmt in ("csv", "xlsx") and choice.kind == "monthly":
        check(1)
        receipt = reports.export_records(actor, choice.request, report=choice.kind, fmt=choice.fmt,
                                         target=choice.target)
        progress(STEPS)
        return receipt

    def render(data: Any) -> bytes:
        check(1)
        if choice.kind == "monthly":
            from reports.monthly import render_monthly  # reportlab only when a report is made

            content = render_monthly(data)
        elif choice.fmt in ("csv", "xlsx"):  # the PSP pack's twin: its protected tables only
            from reports.psp_twin import render_psp_csv, render_psp_xlsx

            content = (render_psp_csv if choice.fmt == "csv" else render_psp_xlsx)(data)
        else:
            from reports.psp_pack import render_psp_pack

            content = render_psp_pack(data)
        check(2)  # the file is written after this; cancelling here still writes nothing
        return content

    if choice.kind == "monthly":
        receipt = reports.export_monthly(actor, choice.request, render, choice.target)
    elif choice.fmt in ("csv", "xlsx"):
        receipt = reports.export_psp_tables(actor, choice.request, render, choice.target)
    else:
        receipt = reports.export_psp(actor, choice.request, render, choice.target)
    progress(STEPS)
    return receipt


class _Progress(QObject):
    step = Signal(int)
    """Emitted from the worker thread; delivered on the GUI thread."""


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class ReportView(QWidget):
    """The "Rapporter" page; also usable on its own as a dialog-like window."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.step.connect(self._show_step)
        self.last_receipt: ExportReceipt | None = None
        self.summary: PeriodSummary | None = None
        self._build()
        self._fill_choices()
        self._fill_facilities()
        self._kind_changed()
        # A bound method (not a lambda): Qt drops the connection when this page is deleted.
        ctx.hub.language_changed.connect(self._language_changed)
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        t = self._texts
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("Reports", "Reports"))
        self.kind_box, self.language_box, self.format_box = (ValueCombo(self) for _ in range(3))
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.month_edit, self.date_from, self.date_to = QDateEdit(self), QDateEdit(self), QDateEdit(self)
        today = to_local(utcnow()).date()
        self.month_edit.setDisplayFormat("MM-yyyy")
        year, month = add_months(today.year, today.month, -1)
        self.month_edit.setDate(QDate(year, month, 1))
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setCalendarPopup(True)
        self.date_from.setDate(to_qdate(today - timedelta(days=42)))
        self.date_to.setDate(to_qdate(today))
        self.facility_list = QListWidget(self)
        self.facility_list.setProperty("i18n_data", True)  # facility names and codes
        self.format_box.setProperty("i18n_data", True)  # PDF, CSV, XLSX read the same in both
        self.facility_list.setMaximumHeight(110)
        form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for key, source, field in (
            ("kind", QT_TRANSLATE_NOOP("Reports", "&Report"), self.kind_box),
            ("month", QT_TRANSLATE_NOOP("Reports", "&Month"), self.month_edit),
            ("from", QT_TRANSLATE_NOOP("Reports", "Fro&m"), self.date_from),
            ("to", QT_TRANSLATE_NOOP("Reports", "&To"), self.date_to),
            ("facilities", QT_TRANSLATE_NOOP("Reports", "F&acilities"), self.facility_list),
            ("language", QT_TRANSLATE_NOOP("Reports", "&Language"), self.language_box),
            ("format", QT_TRANSLATE_NOOP("Reports", "F&ormat"), self.format_box),
        ):
            label = QLabel(self)
            label.setBuddy(field)
            t.bind(label.setText, source)
            t.bind(accessible_name_setter(field), source)
            self._labels[key] = label
            form.addRow(label, field)
        self.preview_button, self.export_button = QPushButton(self), QPushButton(self)
        self.cancel_button, self.open_button = QPushButton(self), QPushButton(self)
        for button, source in ((self.preview_button, QT_TRANSLATE_NOOP("Reports", "&Preview")),
                               (self.export_button, QT_TRANSLATE_NOOP("Reports", "&Export…")),
                               (self.cancel_button, QT_TRANSLATE_NOOP("Reports", "&Cancel")),
                               (self.open_button, QT_TRANSLATE_NOOP("Reports", "Ope&n file"))):
            t.bind(button.setText, source)
        self.preview_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self.open_file)
        self.cancel_button.setEnabled(False)
        self.open_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.export_button, self.cancel_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, STEPS)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.numbers = QGridLayout()
        self._number_labels: list[tuple[QLabel, QLabel]] = []
        for row in range(6):
            caption, value = QLabel(self), QLabel(self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.numbers.addWidget(caption, row, 0)
            self.numbers.addWidget(value, row, 1)
            self._number_labels.append((caption, value))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self.numbers)
        layout.addStretch(1)

    def _fill_choices(self) -> None:
        self.kind_box.set_items([(_t(QT_TRANSLATE_NOOP("Reports", "Monthly report")), "monthly"),
                                 (_t(QT_TRANSLATE_NOOP("Reports", "PSP meeting pack")), "psp")])
        self.language_box.set_items([(_t(QT_TRANSLATE_NOOP("Reports", "Danish")), "da"),
                                     (_t(QT_TRANSLATE_NOOP("Reports", "English")), "en")])
        self.language_box.select(self.ctx.language)
        self.format_box.set_items([("PDF", "pdf"), ("CSV", "csv"), ("XLSX", "xlsx")])

    def _fill_facilities(self) -> None:
        actor = self.ctx.require_actor()
        facilities: list[FacilityRecord] = self.ctx.services.admin.list_facilities(actor)
        self.facility_list.clear()
        for facility in facilities:
            item = QListWidgetItem(f"{facility.name} ({facility.code})", self.facility_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, facility.id)

    def _kind_changed(self, _index: int = 0) -> None:
        monthly = self.kind_box.value() == "monthly"
        for key, visible in (("month", monthly), ("from", not monthly), ("to", not monthly)):
            self._labels[key].setVisible(visible)
        self.month_edit.setVisible(monthly)
        self.date_from.setVisible(not monthly)
        self.date_to.setVisible(not monthly)

    # --- the choice ------------------------------------------------------------------------

    def facility_ids(self) -> tuple[int, ...]:
        items = (self.facility_list.item(i) for i in range(self.facility_list.count()))
        return tuple(int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                     if i.checkState() == Qt.CheckState.Checked)

    def request(self) -> ReportRequest:
        options: dict[str, Any] = {"facility_ids": self.facility_ids(), "language": self.language_box.value()}
        if self.kind_box.value() == "monthly":
            chosen = from_qdate(self.month_edit.date())
            return ReportRequest.month(chosen.year, chosen.month, **options)
        return ReportRequest(from_qdate(self.date_from.date()), from_qdate(self.date_to.date()), **options)

    def choose_target(self, suggested: str) -> Path | None:
        """Ask where to save (tests replace this one method)."""
        return ask_save_path(self, _t(QT_TRANSLATE_NOOP("Reports", "Save report")), suggested)

    def _suggested_name(self, request: ReportRequest) -> str:
        kind = "maanedsrapport" if self.kind_box.value() == "monthly" else "psp-pakke"
        span = f"{request.date_from:%Y-%m}" if self.kind_box.value() == "monthly" else \
            f"{request.date_from:%Y%m%d}-{request.date_to:%Y%m%d}"
        return str(Path.home() / f"{kind}-{span}.{self.format_box.value()}")

    # --- preview and export ----------------------------------------------------------------

    def refresh(self) -> None:
        """Preview: the numbers the report will show, computed off the GUI thread."""
        if self.ctx.actor is None or not self._facilities_chosen():
            return
        actor, services = self.ctx.require_actor(), self.ctx.services
        request = replace(self.request(), as_of=utcnow())
        self.status.setText(_t(QT_TRANSLATE_NOOP("Reports", "Counting…")))
        Query(self, lambda: services.reports.summary(actor, request)).success(self._show_summary).failure(
            self._failed).run(self.tasks, self.ctx)

    def _show_summary(self, summary: PeriodSummary) -> None:
        self.summary = summary
        cur, prev = summary.current, summary.previous
        rows = [
            (QT_TRANSLATE_NOOP("Reports", "Incidents"), cur.total, prev.total),
            (QT_TRANSLATE_NOOP("Reports", "Serious and critical (S3–S4)"),
             cur.severity("S3") + cur.severity("S4"), prev.severity("S3") + prev.severity("S4")),
            (QT_TRANSLATE_NOOP("Reports", "Uses of force (overdue)"), summary.force.total,
             summary.force.open_overdue),
            (QT_TRANSLATE_NOOP("Reports", "Staff injuries"), summary.staff_injuries.injuries, None),
            (QT_TRANSLATE_NOOP("Reports", "Drug dealing observed"), summary.drug_trade.observations, None),
            (QT_TRANSLATE_NOOP("Reports", "Police contacts"), summary.police.contacts, None),
        ]
        for (caption, value), (source, now, other) in zip(self._number_labels, rows, strict=True):
            caption.setText(_t(source))
            extra = "" if other is None else f"  ({number(other)})"
            value.setText(number(now) + extra)
        self.status.setText(_t(QT_TRANSLATE_NOOP(
            "Reports", "Preview of %1 – %2; in brackets: the period before, or how many are overdue."),
            summary.scope.date_from.strftime("%d-%m-%Y"), summary.scope.date_to.strftime("%d-%m-%Y")))

    def _facilities_chosen(self) -> bool:
        """An empty choice would mean "all" to the service; on this page it is a mistake."""
        if self.facility_ids():
            return True
        self.status.setText(_t(QT_TRANSLATE_NOOP("Reports", "Choose at least one facility.")))
        return False

    def export(self) -> None:
        if not self._facilities_chosen():
            return
        request = replace(self.request(), as_of=utcnow())
        target = self.choose_target(self._suggested_name(request))
        if target is None:
            return
        choice = ExportChoice(self.kind_box.value(), self.format_box.value(), request, target)
        actor, services = self.ctx.require_actor(), self.ctx.services
        self._cancel.clear()
        self._busy(True)
        self.progress.setValue(0)
        self.status.setText(_t(QT_TRANSLATE_NOOP("Reports", "Making the report…")))
        emit = self._progress.step.emit
        # An Op: the export is recorded in the audit log.
        Op(self, lambda: export_job(services, actor, choice, emit, self._cancel.is_set)).success(
            self._exported).failure(self._failed).run(self.tasks, self.ctx)


    def cancel(self) -> None:
        self._cancel.set()

    def _show_step(self, step: int) -> None:
        self.progress.setValue(step)

    def _exported(self, receipt: ExportReceipt) -> None:
        self._busy(False)
        self.last_receipt = receipt
        self.open_button.setEnabled(True)
        self.status.setText(_t(QT_TRANSLATE_NOOP(
            "Reports", "Saved %1. The export is recorded in the audit log."), str(receipt.path)))

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, Cancelled):
            self.progress.setValue(0)
            self.status.setText(_t(QT_TRANSLATE_NOOP("Reports", "Cancelled. Nothing was saved.")))
            return
        self.status.setText(error_text(error, self.ctx.language))

    def _busy(self, busy: bool) -> None:
        for button in (self.preview_button, self.export_button):
            button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def open_file(self) -> None:
        if self.last_receipt is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_receipt.path)))

    # --- language --------------------------------------------------------------------------

    def _language_changed(self, _language: str) -> None:
        self._retranslate()

    def _retranslate(self) -> None:
        self._texts.apply()
        kind, language = self.kind_box.value(), self.language_box.value()
        self._fill_choices()  # the names of the choices only: no database call (maybe logged out)
        self.kind_box.select(kind)
        self.language_box.select(language)
        if self.summary is not None:
            self._show_summary(self.summary)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)
