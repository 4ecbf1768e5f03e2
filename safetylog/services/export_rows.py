"""How a whole-database export spells its rows: JSON values per column type, checked strictly on
the way back in, and the document written one row per line so it can be encrypted as it is
encoded (see ``exchange`` for what the document holds)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, Table, Text
from sqlalchemy.types import JSON

from safetylog.classification.duties import DutyKind, DutyState
from safetylog.classification.soas import SoasBand
from safetylog.domain.enums import (
    ActionItemStatus,
    AgreementStatus,
    AuditAction,
    IncidentStatus,
    InjuredPartyKind,
    InjuryLevel,
    PersonRole,
    Role,
    Severity,
    Shift,
    StaffRole,
    VersionKind,
    ZoneKind,
)
from safetylog.domain.errors import SafetyLogError
from safetylog.domain.validation import NARRATIVE_LIMIT
from safetylog.storage.types import UTCDateTime

ROWS_PER_PIECE = 500  # rows encoded (and encrypted) at a time
# PostgreSQL's INTEGER is 32-bit; an embedded database is held to the same range so that any
# export moves to either.
INT_RANGE = (-(2**31), 2**31 - 1)
# No text the app takes in is longer than a narrative; an unbounded column is held to that.
TEXT_CEILING = NARRATIVE_LIMIT
# The columns that hold one of a fixed set of codes, and the set.
CHOICES: dict[tuple[str, str], type[StrEnum]] = {
    ("users", "role"): Role,
    ("zones", "kind"): ZoneKind,
    ("incidents", "status"): IncidentStatus,
    ("incidents", "shift"): Shift,
    ("incidents", "severity"): Severity,
    ("incidents", "computed_severity"): Severity,
    ("incidents", "soas_band"): SoasBand,
    ("incident_types", "severity"): Severity,
    ("incident_residents", "role"): PersonRole,
    ("incident_staff", "role"): StaffRole,
    ("incident_outsiders", "role"): PersonRole,
    ("incident_injuries", "party"): InjuredPartyKind,
    ("incident_injuries", "level"): InjuryLevel,
    ("incident_versions", "kind"): VersionKind,
    ("duties", "kind"): DutyKind,
    ("duties", "state"): DutyState,
    ("bvc_assessments", "shift"): Shift,
    ("psp_agreements", "status"): AgreementStatus,
    ("psp_action_items", "status"): ActionItemStatus,
    ("psp_action_item_carries", "status"): ActionItemStatus,
    ("audit_log", "action"): AuditAction,
}


class ImportRefused(SafetyLogError):
    """The file cannot be imported; the message says why in one line."""


def encode(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def decode(table: Table, column_name: str, value: Any, where: str) -> Any:
    column = table.columns[column_name]
    if value is None:
        if not column.nullable:
            raise ImportRefused(f"{where}: '{column_name}' may not be empty")
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("no time zone")
            return moment
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("not true/false")
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("not a whole number")
            if not INT_RANGE[0] <= value <= INT_RANGE[1]:
                raise ValueError(f"{value} is out of range")
            return value
        if isinstance(kind, (String, Text)):
            if not isinstance(value, str):
                raise ValueError("not text")
            limit = kind.length or TEXT_CEILING
            if len(value) > limit:
                raise ValueError(f"longer than {limit} characters")
            choices = CHOICES.get((table.name, column_name))
            if choices is not None and value not in {member.value for member in choices}:
                raise ValueError(f"{value[:40]!r} is not one of the known codes")
            return value
        if isinstance(kind, JSON):
            return value
    except (TypeError, ValueError) as exc:
        raise ImportRefused(f"{where}: '{column_name}' is malformed ({exc})") from None
    return value


def json_chunks(document: dict[str, Any]) -> Iterator[bytes]:
    """The document as UTF-8 JSON with one table row or incident per line, in pieces, so it is
    encrypted as it is encoded. Each row goes through the C encoder (``json.dumps`` without
    indentation); the indenting encoder is pure Python and several times slower."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def rows(items: list[Any]) -> Iterator[bytes]:
        for start in range(0, len(items), ROWS_PER_PIECE):
            piece = ",\n".join(dumps(item) for item in items[start:start + ROWS_PER_PIECE])
            yield (piece + (",\n" if start + ROWS_PER_PIECE < len(items) else "\n")).encode("utf-8")

    head = {key: value for key, value in document.items() if key not in ("tables", "incidents")}
    yield ("{\n" + "".join(f"{dumps(k)}: {dumps(v)},\n" for k, v in head.items())
           + '"tables": {').encode("utf-8")
    for index, (name, items) in enumerate(document["tables"].items()):
        yield f'{"," if index else ""}\n{dumps(name)}: [\n'.encode()
        yield from rows(items)
        yield b"]"
    yield b'\n},\n"incidents": [\n'
    yield from rows(document["incidents"])
    yield b"]\n}\n"

