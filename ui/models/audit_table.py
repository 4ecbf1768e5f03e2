"""The audit log as a lazily fetched table: newest first, a page at a time (``before_id``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from safetylog.domain.records import Actor, AuditEntry, AuditQuery
from safetylog.domain.timeutil import to_local
from safetylog.services.audit_log import AuditService
from ui.i18n import QT_TRANSLATE_NOOP
from ui.models.keyset import Cursor, KeysetTableModel, PageResult
from ui.models.runner import Runner
from ui.widgets.labels import audit_action_label

CONTEXT = "AuditTableModel"


class Column(IntEnum):
    AT = 0
    USER = 1
    ACTION = 2
    WHAT = 3
    RESIDENTS = 4


HEADERS = {
    Column.AT: QT_TRANSLATE_NOOP("AuditTableModel", "Time"),
    Column.USER: QT_TRANSLATE_NOOP("AuditTableModel", "User"),
    Column.ACTION: QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
    Column.WHAT: QT_TRANSLATE_NOOP("AuditTableModel", "What"),
    Column.RESIDENTS: QT_TRANSLATE_NOOP("AuditTableModel", "Residents"),
}


# The kinds of record the core names in its audit rows; a kind added later shows as its code.
ENTITIES = {
    "incident": QT_TRANSLATE_NOOP("AuditTableModel", "Incident"),
    "resident": QT_TRANSLATE_NOOP("AuditTableModel", "Resident"),
    "resident_identity": QT_TRANSLATE_NOOP("AuditTableModel", "Resident's identity"),
    "user": QT_TRANSLATE_NOOP("AuditTableModel", "User"),
    "facility": QT_TRANSLATE_NOOP("AuditTableModel", "Facility"),
    "zone": QT_TRANSLATE_NOOP("AuditTableModel", "Place"),
    "setting": QT_TRANSLATE_NOOP("AuditTableModel", "Setting"),
    "duty": QT_TRANSLATE_NOOP("AuditTableModel", "Duty"),
    "bvc_assessment": QT_TRANSLATE_NOOP("AuditTableModel", "Brøset score"),
    "drug_observation": QT_TRANSLATE_NOOP("AuditTableModel", "Drug-trade observation"),
    "drug_pattern": QT_TRANSLATE_NOOP("AuditTableModel", "Drug-trade pattern"),
    "psp_meeting": QT_TRANSLATE_NOOP("AuditTableModel", "PSP meeting"),
    "psp_note": QT_TRANSLATE_NOOP("AuditTableModel", "PSP note"),
    "psp_action_item": QT_TRANSLATE_NOOP("AuditTableModel", "PSP action item"),
    "psp_disclosure": QT_TRANSLATE_NOOP("AuditTableModel", "PSP disclosure"),
    "psp_pack": QT_TRANSLATE_NOOP("AuditTableModel", "PSP pack"),
    "report_monthly": QT_TRANSLATE_NOOP("AuditTableModel", "Monthly report"),
    "report_psp": QT_TRANSLATE_NOOP("AuditTableModel", "PSP report"),
    "report_psp_tables": QT_TRANSLATE_NOOP("AuditTableModel", "PSP report's tables"),
    "records_psp_internal": QT_TRANSLATE_NOOP("AuditTableModel", "Internal list behind a PSP report"),
    "database": QT_TRANSLATE_NOOP("AuditTableModel", "Database"),
    "audit_log": QT_TRANSLATE_NOOP("AuditTableModel", "Audit log"),
}
LIST = QT_TRANSLATE_NOOP("AuditTableModel", "%1 (list)")


def what(entry: AuditEntry) -> str:
    """The record the row concerns, in the user's language ("Hændelse 12")."""
    source = ENTITIES.get(entry.entity)
    kind = QCoreApplication.translate(CONTEXT, source) if source else entry.entity
    if entry.entity_id == "*":  # a list or search: the residents column says whom it showed
        return QCoreApplication.translate(CONTEXT, LIST).replace("%1", kind)
    return f"{kind} {entry.entity_id}".strip()


class AuditTableModel(KeysetTableModel[AuditEntry]):
    header_context, headers = CONTEXT, HEADERS

    def __init__(self, service: AuditService, actor: Callable[[], Actor], runner: Runner,
                 page_size: int = 100, parent: Any = None) -> None:
        super().__init__(runner, page_size, parent)
        self._service, self._actor = service, actor
        self.query = AuditQuery()

    def set_query(self, query: AuditQuery) -> None:
        self.query = query
        self.requery()

    def page_job(self, after: Cursor, limit: int) -> Callable[[], PageResult]:
        service, actor = self._service, self._actor()
        query = replace(self.query, before_id=after[0] if after else None, limit=limit)

        def job() -> PageResult:
            page = service.list(actor, query)
            cursor = (page.next_cursor,) if page.next_cursor is not None else None
            return page.entries, cursor

        return job

    def row_id(self, row: AuditEntry) -> int:
        return row.id

    def cell(self, row: AuditEntry, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == Column.AT:
            return to_local(row.at).strftime("%d-%m-%Y %H:%M:%S")
        if column == Column.USER:
            return row.username
        if column == Column.ACTION:
            return audit_action_label(row.action)
        if column == Column.WHAT:
            return what(row)
        if column == Column.RESIDENTS:
            return ", ".join(row.residents)
        return None
