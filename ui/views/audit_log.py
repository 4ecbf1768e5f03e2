"""The audit log for the data-protection officer (and administrators): who read, searched,
changed, exported or was refused what, naming every resident a row concerns.

Filter by user, by resident pseudonym ("who has looked at H-107?", the art. 15 log access), by
action and by period; the table fetches older rows as you scroll. The filtered rows export as CSV
or XLSX to a file only the OS user can read. The chain status says whether the log is whole; the
core audits each look at the log itself.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import AuditAction
from safetylog.domain.records import AuditQuery
from ui.chain_banner import broken_text
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.audit_table import AuditTableModel, Column
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import ErrorLine, ValueCombo, accessible_name_setter, heading, number, row_table
from ui.views.forms import OptionalDateInput, button, caption_for
from ui.widgets.labels import audit_action_label
from ui.widgets.save_dialog import ask_save_path

CONTEXT = "AuditLog"
FORMATS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def choose_file(parent: QWidget, fmt: str) -> str:
    """Where to save the export; "" when the user cancels (tests replace this)."""
    chosen = ask_save_path(parent, _t(QT_TRANSLATE_NOOP("AuditLog", "Export the audit log")),
                           str(Path.home() / f"revisionslog.{fmt}"), FORMATS[fmt])
    path = str(chosen) if chosen else ""
    if path and not path.lower().endswith(f".{fmt}"):
        path += f".{fmt}"
    return path


def write_private(path: Path, data: bytes) -> None:
    """The export holds personal data: a file only the OS user may read (0600), even if it existed."""
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    if sys.platform != "win32":
        path.chmod(0o600)


class AuditLogView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        self.service = ctx.services.audit_log
        self.chain: Any = None
        self.model = AuditTableModel(self.service, ctx.require_actor, tasks, parent=self)
        self.model.failed.connect(self._failed)
        self.model.page_loaded.connect(self._show_count)
        self._build()
        self._fill_actions()
        ctx.hub.language_changed.connect(self._language_changed)
        self.refresh()

    def _build(self) -> None:
        t = self._texts
        title = heading(self)
        t.bind(title.setText, QT_TRANSLATE_NOOP("AuditLog", "Audit log"))
        self.user = QLineEdit(self)
        self.user.setObjectName("auditUser")
        self.resident = QLineEdit(self)
        self.resident.setObjectName("auditResident")
        t.bind(self.resident.setPlaceholderText, QT_TRANSLATE_NOOP("AuditLog", "e.g. H-107"))
        self.action = ValueCombo(self)
        self.date_from, self.date_to = OptionalDateInput(self), OptionalDateInput(self)
        self.search_button = button(t, QT_TRANSLATE_NOOP("AuditLog", "&Search"), self.refresh, self)
        self.search_button.setObjectName("auditSearch")
        for edit in (self.user, self.resident):
            edit.returnPressed.connect(self.refresh)
        filters = QGridLayout()
        for row, column, source, widget in (
                (0, 0, QT_TRANSLATE_NOOP("AuditLog", "Us&er"), self.user),
                (0, 1, QT_TRANSLATE_NOOP("AuditLog", "&Resident"), self.resident),
                (0, 2, QT_TRANSLATE_NOOP("AuditLog", "&Action"), self.action),
                (1, 0, QT_TRANSLATE_NOOP("AuditLog", "Fro&m"), self.date_from),
                (1, 1, QT_TRANSLATE_NOOP("AuditLog", "&To"), self.date_to)):
            filters.addWidget(caption_for(t, source, widget, self), row, column * 2)
            filters.addWidget(widget, row, column * 2 + 1)
            filters.setColumnStretch(column * 2 + 1, 1)
        filters.addWidget(self.search_button, 1, 5)

        self.table = row_table(self.model, self)
        self.table.setObjectName("auditTable")
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((Column.AT, 140), (Column.USER, 110), (Column.ACTION, 140),
                              (Column.WHAT, 170)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.bind(accessible_name_setter(self.table), QT_TRANSLATE_NOOP("AuditLog", "Audit rows"))

        self.count = QLabel(self)
        self.csv_button = button(t, QT_TRANSLATE_NOOP("AuditLog", "Export &CSV…"),
                                 lambda: self.export("csv"), self)
        self.csv_button.setObjectName("exportCsv")
        self.xlsx_button = button(t, QT_TRANSLATE_NOOP("AuditLog", "Export &XLSX…"),
                                  lambda: self.export("xlsx"), self)
        self.xlsx_button.setObjectName("exportXlsx")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.xlsx_button)

        self.chain_label = QLabel(self)
        self.chain_label.setObjectName("chainStatus")
        self.chain_label.setWordWrap(True)
        self.chain_label.setProperty("i18n_data", True)  # set already translated
        self.verify_button: QPushButton = button(
            t, QT_TRANSLATE_NOOP("AuditLog", "Chec&k the chain"), self.verify, self)
        chain = QHBoxLayout()
        chain.addWidget(self.chain_label, 1)
        chain.addWidget(self.verify_button)
        self.message = QLabel(self)
        self.message.setObjectName("auditMessage")
        self.message.setProperty("i18n_data", True)
        self.message.setWordWrap(True)
        self.error = ErrorLine(self)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(chain)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)

    def _fill_actions(self) -> None:
        items: list[tuple[str, Any]] = [(_t(QT_TRANSLATE_NOOP("AuditLog", "All actions")), "")]
        items += sorted(((audit_action_label(a), a.value) for a in AuditAction), key=lambda i: i[0])
        self.action.set_items(items)

    # --- loading ---------------------------------------------------------------------------

    def query(self) -> AuditQuery:
        action = self.action.value()
        return AuditQuery(username=self.user.text().strip(), resident=self.resident.text().strip(),
                          actions=(action,) if action else (), date_from=self.date_from.value(),
                          date_to=self.date_to.value())

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        self.error.hide()
        self.model.set_query(self.query())
        self.load_chain()

    def load_chain(self) -> None:
        actor, service = self.ctx.require_actor(), self.service
        Query(self, lambda: service.chain_status(actor)).success(self._chain_loaded).failure(
            self.error).run(self.tasks, self.ctx)

    def verify(self) -> None:
        actor, service = self.ctx.require_actor(), self.service
        Query(self, lambda: service.verify(actor)).success(self._chain_loaded).failure(self.error).run(
            self.tasks, self.ctx)

    def _chain_loaded(self, report: Any) -> None:
        self.chain = report
        self._show_chain()

    def _show_chain(self) -> None:
        report = self.chain
        if report is None:
            self.chain_label.clear()
        elif report.ok:
            self.chain_label.setStyleSheet("color: #1b5e20;")
            self.chain_label.setText(_t(QT_TRANSLATE_NOOP(
                "AuditLog", "The chain is whole: %1 rows checked; the newest is row %2 (%3)."),
                number(report.rows_checked), report.head_id, report.head_hash[:16]))
        else:
            self.chain_label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.chain_label.setText(broken_text(report))

    def _show_count(self, loaded: int) -> None:
        if self.model.canFetchMore(QModelIndex()):
            text = _t(QT_TRANSLATE_NOOP("AuditLog", "%1 rows shown; scroll for more."), number(loaded))
        else:
            text = _t(QT_TRANSLATE_NOOP("AuditLog", "%1 rows."), number(loaded))
        self.count.setText(text)

    # --- export ----------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        path = choose_file(self, fmt)
        if not path:
            return
        actor, service, query = self.ctx.require_actor(), self.service, self.query()
        target = Path(path)

        def work() -> Path:
            write_private(target, service.export(actor, query, fmt))
            return target

        self.message.clear()
        Op(self, work).success(self._exported).failure(self.error).run(self.tasks, self.ctx)


    def _exported(self, path: Path) -> None:
        self.message.setText(_t(QT_TRANSLATE_NOOP(
            "AuditLog", "Exported to %1. The file holds personal data: keep it only as long as "
                        "needed."), str(path)))

    def _failed(self, error: BaseException) -> None:
        self.error.show_error(error, self.ctx.language)

    # --- language --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self._texts.apply()
        self._fill_actions()
        self.model.refresh_texts()
        self._show_chain()
        self._show_count(self.model.rowCount())

    def _language_changed(self, _language: str) -> None:
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)
