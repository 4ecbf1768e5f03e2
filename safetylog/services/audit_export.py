"""CSV and XLSX copies of audit entries for a data-protection officer.

Deterministic: the same entries give the same bytes (the XLSX package is dated at the newest
entry's time, never the clock). Every text cell is made formula-safe: user names, file names and
details come from typing, and a spreadsheet must not run them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import UTC, datetime

from safetylog.domain.records import AuditEntry
from safetylog.domain.workbook import deterministic_xlsx

FORMATS = ("csv", "xlsx")
HEADERS = ("id", "at_utc", "username", "workstation", "action", "entity", "entity_id",
           "residents", "details", "row_hash")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the oldest time a zip entry can carry


def safe(value: object) -> object:
    """Text starting like a formula (or a tab/CR that some spreadsheets strip first) is quoted."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _values(entry: AuditEntry) -> list[object]:
    return [entry.id, entry.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"), entry.username,
            entry.workstation, entry.action, entry.entity, entry.entity_id,
            ",".join(entry.residents),
            json.dumps(entry.details, sort_keys=True, ensure_ascii=False, default=str),
            entry.row_hash]


def to_csv(entries: Sequence[AuditEntry]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for entry in entries:
        writer.writerow([safe(v) for v in _values(entry)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(entries: Sequence[AuditEntry]) -> bytes:
    from openpyxl import Workbook  # imported here: only an export needs it

    stamp = max((e.at for e in entries), default=_EPOCH).astimezone(UTC)
    stamp = max(stamp, _EPOCH).replace(tzinfo=None, microsecond=0)
    book = Workbook()
    sheet = book.active
    sheet.title = "Audit"
    sheet.append(list(HEADERS))
    for entry in entries:
        sheet.append([safe(v) for v in _values(entry)])
    sheet.freeze_panes = "A2"
    return deterministic_xlsx(book, stamp, "SafetyLog")


def render(entries: Sequence[AuditEntry], fmt: str) -> bytes:
    return to_csv(entries) if fmt == "csv" else to_xlsx(entries)
