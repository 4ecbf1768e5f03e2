"""Ways to spoil a whole-database export, each a seeded function of the export.

A spoiler takes a random source, the document (a fresh copy it may change) and its bytes, and
returns the spoiled bytes and whether every SafetyLog must refuse them. Byte-level damage (a
flipped or inserted byte, a swapped line) may leave a valid export, which may then be accepted.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from typing import Any

from safetylog.services.export_rows import json_chunks

Spoiled = tuple[bytes, bool]
Spoiler = Callable[[random.Random, dict[str, Any], bytes], Spoiled]


def encode(document: dict[str, Any]) -> bytes:
    """As an export writes it, one row per line; as one line where its shape is broken."""
    if all(isinstance(rows, list) for rows in document["tables"].values()):
        return b"".join(json_chunks(document))
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _row(rng: random.Random, document: dict[str, Any], table: str) -> dict[str, Any]:
    rows: list[dict[str, Any]] = document["tables"][table]
    return rows[rng.randrange(len(rows))]


def cell(table: str, column: str, value: Callable[[random.Random, dict[str, Any]], Any]) -> Spoiler:
    """One cell of a random row set to ``value(rng, row)``: always refused."""

    def spoil(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
        row = _row(rng, document, table)
        row[column] = value(rng, row)
        return encode(document), True

    return spoil


def const(value: Any) -> Callable[[random.Random, dict[str, Any]], Any]:
    return lambda rng, row: value


def _drop_table(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    del document["tables"][rng.choice(sorted(document["tables"]))]
    return encode(document), True


def _extra_table(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    document["tables"]["secrets"] = [{"id": 1}]
    return encode(document), True


def _drop_required(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    table, column = rng.choice([("incidents", "narrative"), ("incidents", "facility_id"),
                                ("users", "username"), ("residents", "pseudonym"),
                                ("facilities", "code"), ("incident_types", "code")])
    del _row(rng, document, table)[column]
    return encode(document), True


def _zone_elsewhere(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    row = _row(rng, document, "incidents")
    row["zone_id"] = rng.choice([zone["id"] for zone in document["tables"]["zones"]
                                 if zone["facility_id"] != row["facility_id"]])
    return encode(document), True


def _extra_column(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    table = rng.choice([name for name, rows in document["tables"].items() if rows])
    _row(rng, document, table)["owner"] = "someone else"
    return encode(document), True


def _duplicate_row(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    table = rng.choice(["incidents", "residents", "users", "incident_types", "zones"])
    rows = document["tables"][table]
    rows.insert(rng.randrange(len(rows) + 1), dict(rng.choice(rows)))
    return encode(document), True


def _header(key: str, value: Any) -> Spoiler:
    def spoil(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
        document[key] = value
        return encode(document), True

    return spoil


def _rows_not_list(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    document["tables"][rng.choice(sorted(document["tables"]))] = {"0": {}}
    return encode(document), True


def _audit_head(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
    document["tables"]["audit_head"][0]["last_id"] -= rng.randint(1, 5)
    return encode(document), True


def _nested(levels: int) -> Spoiler:
    def spoil(rng: random.Random, document: dict[str, Any], _: bytes) -> Spoiled:
        value: Any = "bottom"
        for _level in range(levels):
            value = [value]
        _row(rng, document, "audit_log")["details"] = {"deep": value}
        return encode(document), True

    return spoil


# --- at the level of the text --------------------------------------------------------------


def _in_narrative(insert: bytes) -> Spoiler:
    """``insert`` put into a narrative's text as it is written in the file."""

    def spoil(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
        starts = [m.end() for m in re.finditer(rb'"narrative": "', content)]
        at = rng.choice(starts) + rng.randint(0, 5)
        return content[:at] + insert + content[at:], True

    return spoil


def _number(replacement: bytes) -> Spoiler:
    """A number in a random row replaced by ``replacement`` (a 5000-digit number, NaN, ...)."""

    def spoil(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
        spots = [m for m in re.finditer(rb'"id": (\d+)', content)]
        spot = rng.choice(spots)
        return content[:spot.start(1)] + replacement + content[spot.end(1):], True

    return spoil


def _duplicate_key(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    spots = [m for m in re.finditer(rb'\{"id": (\d+)', content)]
    spot = rng.choice(spots)
    other = str(int(spot.group(1)) + 1000).encode()
    return content[:spot.end()] + b', "id": ' + other + content[spot.end():], True


def _very_deep(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    at = content.index(b'"incidents": [') + len(b'"incidents": [')
    depth = rng.choice([200, 5000, 200_000])
    return content[:at] + b"[" * depth + b"]" * depth + b"," + content[at:], True


def _bom(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    return b"\xef\xbb\xbf" + content, True


def _truncate(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    at = rng.randrange(len(content))
    return content[:at], bool(content[at:].strip())


def _flip(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    at = rng.randrange(len(content))
    return content[:at] + bytes([content[at] ^ rng.randint(1, 255)]) + content[at + 1:], False


def _insert_byte(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    at = rng.randrange(len(content))
    return content[:at] + bytes([rng.randrange(256)]) + content[at:], False


def _delete_byte(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    at = rng.randrange(len(content))
    return content[:at] + content[at + 1:], False


def _swap_lines(rng: random.Random, document: dict[str, Any], content: bytes) -> Spoiled:
    lines = content.split(b"\n")
    a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
    lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines), False


SPOILERS: dict[str, Spoiler] = {
    # the services' own rules
    "narrative too long": cell("incidents", "narrative", const("x" * 20_001)),
    "narrative blank": cell("incidents", "narrative", const("   ")),
    "narrative with a CPR number": cell("incidents", "narrative",
                                        lambda rng, row: f"{row['narrative']} 010190-1234"),
    "narrative with a control character": cell("incidents", "narrative", const("bell \x07")),
    "incident in the future": cell("incidents", "occurred_start", const("2099-01-01T10:00:00+00:00")),
    "incident 40 years ago": cell("incidents", "occurred_start", const("1986-01-01T10:00:00+00:00")),
    "end before start": cell("incidents", "occurred_end", const("2000-01-01T00:00:00+00:00")),
    "zone of another facility": _zone_elsewhere,
    "damage over the limit": cell("incidents", "damage_estimate_dkk", const(100_000_001)),
    "measure unknown": cell("incidents", "measures", const(["dance"])),
    "measures not a list": cell("incidents", "measures", const("talk")),
    "incident type unknown": cell("incident_types", "code", const("ZZ")),
    "outsider count 0": cell("incident_outsiders", "count", const(0)),
    "police arrests 5000": cell("incident_police", "arrests", const(5000)),
    "pseudonym with spaces": cell("residents", "pseudonym", const("B 101!")),
    "resident moved out before in": cell("residents", "moved_out", const("1990-01-01")),
    "user name with spaces": cell("users", "username", const("bad name")),
    "facility code with spaces": cell("facilities", "code", const("HAV HAV")),
    "zone name blank": cell("zones", "name", const("")),
    "PSP note blank": cell("psp_notes", "text", const(" ")),
    "PSP agreement ends before it starts": cell("psp_agreements", "valid_to", const("1999-01-01")),
    "PSP action item text too long": cell("psp_action_items", "text", const("y" * 2001)),
    # codes, types and ranges of the columns
    "status unknown": cell("incidents", "status", const("deleted")),
    "role unknown": cell("users", "role", const("superuser")),
    "person role unknown": cell("incident_residents", "role", const("bystander")),
    "zone kind unknown": cell("zones", "kind", const("moon")),
    "audit action unknown": cell("audit_log", "action", const("erase")),
    "impossible date": cell("residents", "moved_in", const("2026-02-30")),
    "date in words": cell("incidents", "local_date", const("yesterday")),
    "time without zone": cell("incidents", "occurred_start", const("2026-05-01T10:00:00")),
    "text as number": cell("incidents", "narrative", const(12)),
    "number as text": cell("incidents", "facility_id", const("1")),
    "boolean as number": cell("incidents", "weekday", const(True)),
    "fraction": cell("incidents", "hour", const(1.5)),
    "required left empty": cell("incidents", "narrative", const(None)),
    "beyond 32 bits": cell("incidents", "damage_estimate_dkk", const(2**40)),
    "beyond 64 bits": cell("incidents", "id", const(2**70)),
    "name too long": cell("users", "username", const("a" * 65)),
    "text with NUL": cell("incidents", "narrative", const("before\x00after")),
    # references
    "facility that is not there": cell("incidents", "facility_id", const(99_999)),
    "resident that is not there": cell("incident_residents", "resident_id", const(99_999)),
    "user that is not there": cell("incident_staff", "user_id", const(99_999)),
    "linked incident that is not there": cell("incidents", "linked_incident_id", const(99_999)),
    # shape
    "table missing": _drop_table,
    "table added": _extra_table,
    "required column missing": _drop_required,
    "column added": _extra_column,
    "row twice": _duplicate_row,
    "rows not a list": _rows_not_list,
    "format version": _header("format_version", 99),
    "schema revision": _header("schema_revision", "0000"),
    "not an export": _header("format", "something-else"),
    "audit head behind": _audit_head,
    "nested cell": _nested(30),
    # the text itself
    "lone surrogate": _in_narrative(b"\\ud800"),
    "invalid UTF-8": _in_narrative(b"\xff\xfe"),
    "encoded surrogate": _in_narrative(b"\xed\xa0\x80"),
    "5000 digits": _number(b"9" * 5000),
    "25 digits": _number(b"1" * 25),
    "NaN": _number(b"NaN"),
    "Infinity": _number(b"-Infinity"),
    "repeated key": _duplicate_key,
    "very deep": _very_deep,
    "byte order mark": _bom,
    "cut short": _truncate,
    "byte flipped": _flip,
    "byte added": _insert_byte,
    "byte removed": _delete_byte,
    "lines swapped": _swap_lines,
}
# Byte damage is drawn more often than its share: it finds what nobody thought of.
KINDS = [*SPOILERS, *["cut short", "byte flipped", "byte added", "byte removed", "lines swapped"] * 6]


def variant(seed: int, index: int, document_text: bytes) -> tuple[str, bytes, bool]:
    """The ``index``-th spoiled variant: its kind, content and whether it must be refused."""
    rng = random.Random(f"{seed}-{index}")
    kind = KINDS[index % len(KINDS)]
    content, must_refuse = SPOILERS[kind](rng, json.loads(document_text), document_text)
    return kind, content, must_refuse
