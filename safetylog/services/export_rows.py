"""How a whole-database export spells its rows: JSON values per column type, checked strictly on
the way back in, and the document written one row per line so it can be encrypted as it is
encoded (see ``exchange`` for what the document holds)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, Table, Text
from sqlalchemy.types import JSON

from safetylog.domain.errors import SafetyLogError
from safetylog.storage.types import UTCDateTime

ROWS_PER_PIECE = 500  # rows encoded (and encrypted) at a time


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
            return value
        if isinstance(kind, (String, Text)):
            if not isinstance(value, str):
                raise ValueError("not text")
            if isinstance(kind, String) and kind.length and len(value) > kind.length:
                raise ValueError(f"longer than {kind.length} characters")
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

