"""The audit log's hash chain: each row's hash covers the previous row's hash and its own content.

A changed, inserted or deleted row breaks the chain at that row, and the head (``audit_head``)
anchors the end, so cutting rows off the end shows too. Migration 0002 carries its own copy of
``canonical`` and ``link`` (migrations never import live code); keep the two in step, or add a
new ``CHAIN_FORMAT`` rather than changing this one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

CHAIN_FORMAT = 1
GENESIS = "0" * 64  # the "previous hash" of the first row


def _moment(at: datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical(row_id: int, at: datetime | str, user_id: int | None, username: str,
              workstation: str, action: str, entity: str, entity_id: str,
              subject_resident_id: int | None, residents: Iterable[int],
              details: Mapping[str, Any]) -> bytes:
    """One row's content as bytes that do not depend on the database or the dict order.

    ``at`` may be given already as ``moment_text`` makes it (verification reads it as text)."""
    moment = at if isinstance(at, str) else _moment(at)
    payload = [CHAIN_FORMAT, row_id, moment, user_id, username, workstation, action, entity,
               entity_id, subject_resident_id, sorted(set(residents)), details]
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      default=str).encode("utf-8")


def moment_text(stored: datetime | str) -> str:
    """``at`` as ``canonical`` writes it, from the column's value as the driver returns it: a
    datetime (PostgreSQL), or SQLite's text, which in its usual form needs no parsing (verifying
    a million rows spends much of its time on dates otherwise)."""
    if isinstance(stored, datetime):
        return _moment(stored if stored.tzinfo else stored.replace(tzinfo=UTC))
    if len(stored) == 26 and stored[10] == " " and stored[19] == ".":  # 2026-11-29 17:08:40.123456
        return f"{stored[:10]}T{stored[11:]}Z"
    parsed = datetime.fromisoformat(stored)
    return _moment(parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC))


def link(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + content).hexdigest()
