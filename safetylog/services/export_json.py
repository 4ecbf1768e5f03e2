"""Reading an export's JSON strictly: what ``json.loads`` lets through silently is refused here.

Python's parser keeps the last of two equal keys, turns a 5000-digit number into an int (or
fails with a traceback past the interpreter's digit limit), accepts ``NaN`` and lone UTF-16
surrogates (``"\\ud800"``) that no database can store, and recurses as deep as the text nests.
The hooks below mark such values instead of failing at once, and one walk over the parsed
document then names the first of them by table, row and field.
"""

from __future__ import annotations

import json
import re
from typing import Any

from safetylog.services.export_rows import ImportRefused

# The format nests document > tables > table > row > cell, and a JSON cell (an incident
# version's snapshot, an audit row's details) a few levels more; twice that is still far from
# anything the app writes, and far from Python's recursion limit.
MAX_DEPTH = 16
# Every whole number in the format fits a signed 64-bit integer (19 digits); the columns are
# checked against their own, narrower range when the rows are decoded.
MAX_DIGITS = 19
# No database text holds NUL (PostgreSQL refuses it) or a lone surrogate (not Unicode at all).
_BAD_CHARACTER = re.compile("[\x00\ud800-\udfff]")


class _Marked:
    """A value the hooks could not accept; the walk reports it with its place in the document."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


class _Object(dict[str, Any]):
    """A JSON object that repeated a key (the walk refuses it)."""

    duplicate: str | None = None


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    repeated = _Object(pairs)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            repeated.duplicate = key
            break
        seen.add(key)
    return repeated


def _integer(digits: str) -> Any:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        return _Marked(f"a number with {len(digits.lstrip('-'))} digits is out of range")
    return int(digits)


def _fraction(text: str) -> Any:
    if len(text) > 40:
        return _Marked(f"a number written with {len(text)} characters is out of range")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return _Marked("a number is out of range")
    return value


def _constant(name: str) -> Any:
    return _Marked(f"{name} is not a number")


def parse(text: str) -> Any:
    """The document in ``text``, its doubtful values marked for ``check``; ImportRefused if it is
    not JSON at all."""
    try:
        document = json.loads(text, object_pairs_hook=_pairs, parse_int=_integer,
                              parse_float=_fraction, parse_constant=_constant)
    except RecursionError:
        raise ImportRefused(f"the export nests deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"not a complete SafetyLog export: invalid or truncated JSON at line "
                            f"{exc.lineno}, column {exc.colno}") from None
    return document


def check(document: Any) -> None:
    """ImportRefused naming the first value no database may hold or the format never has."""
    _walk(document, (), 1)


def place(path: tuple[str | int, ...]) -> str:
    """Where a value sits, as the user would look for it: table, row (from 1) and field."""
    if len(path) >= 3 and path[0] == "tables":
        where = f"table {path[1]}, row {int(path[2]) + 1}"
        if len(path) >= 4:
            where += f", field {path[3]}"
        return where
    if len(path) == 2 and path[0] == "tables":
        return f"table {path[1]}"
    if len(path) >= 2 and path[0] == "incidents":
        return f"incidents section, item {int(path[1]) + 1}"
    return f"field {path[0]}" if path else "the document"


class _Found(Exception):
    """A refused value, and (filled in on the way out) the keys that lead to it."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        self.path: list[str | int] = []


def _walk(value: Any, path: tuple[str | int, ...], depth: int) -> None:
    try:
        _visit(value, depth)
    except _Found as found:
        raise ImportRefused(f"{place((*path, *reversed(found.path)))}: {found.problem}") from None


def _visit(value: Any, depth: int) -> None:
    # Paths are built only on the way out of a refusal: a demo year holds half a million values.
    if depth > MAX_DEPTH:
        raise _Found("nested deeper than the export format allows")
    if isinstance(value, str):
        bad = _BAD_CHARACTER.search(value)
        if bad is not None:
            raise _Found("holds a NUL character" if bad.group() == "\x00"
                         else "holds an invalid character (lone surrogate)")
    elif isinstance(value, dict):
        if isinstance(value, _Object):
            raise _Found(f"the key {value.duplicate!r} appears twice")
        for key, item in value.items():
            try:
                _visit(key, depth)
                _visit(item, depth + 1)
            except _Found as found:
                found.path.append(key)
                raise
    elif isinstance(value, list):
        for index, item in enumerate(value):
            try:
                _visit(item, depth + 1)
            except _Found as found:
                found.path.append(index)
                raise
    elif isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise _Found("a number is out of range")
    elif isinstance(value, _Marked):
        raise _Found(value.problem)
