"""Checking the audit chain end to end, and finding the head a report anchors.

``verify`` streams the log in id order (a million rows hold only a few thousand in memory at a
time), recomputes each row's hash from its content and its ``audit_subjects``, and checks that
the ids run on without a gap, that each row links to the one before, and that the last row is
the head kept in ``audit_head``. The first row that fails is named with the reason:

- ``row_missing``: the ids skip a number and the link skips with them (a row was deleted). A gap
  whose link is intact is no tampering: PostgreSQL's sequences skipped ids of rolled-back
  transactions before the chain existed, and migration 0002 linked the rows as they were;
- ``link_broken``: the row does not link to the row before it (a row before it was deleted and
  the ids renumbered, or a row was inserted in front of it);
- ``content_changed``: the row, or the residents it names, differ from what was hashed;
- ``head_mismatch``: rows were cut off the end (named: the first missing id), or rows were added
  after the head without it (named: the first such row), or the head's hash is not the last row's.

Nothing here can tell a log rewritten from some row to the end with fresh hashes (the hashes have
no secret): that is what the head printed on every monthly report is for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import CursorResult, Select, String, func, select, type_coerce
from sqlalchemy.orm import Session

from safetylog.domain.records import ChainHead, ChainReport
from safetylog.storage.audit_chain import GENESIS, canonical, link, moment_text
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject

BATCH = 5000  # rows fetched at a time while streaming

# ``at`` and ``details`` are read as the driver gives them (no SQLAlchemy type processing) and
# normalised by ``moment_text`` and ``json.loads``: the same content, at half the cost a row.
_COLUMNS = (AuditRow.id, type_coerce(AuditRow.at, String).label("at"), AuditRow.user_id,
            AuditRow.username, AuditRow.workstation, AuditRow.action, AuditRow.entity,
            AuditRow.entity_id, AuditRow.subject_resident_id,
            type_coerce(AuditRow.details, String).label("details"), AuditRow.prev_hash,
            AuditRow.row_hash)


def _head(session: Session) -> tuple[int, str]:
    row = session.execute(select(AuditHead.last_id, AuditHead.last_hash)
                          .where(AuditHead.id == 1)).first()
    if row is None:
        return 0, GENESIS
    return int(row.last_id), row.last_hash or GENESIS


def _stream(session: Session, stmt: Select[*tuple[Any, ...]]) -> CursorResult[*tuple[Any, ...]]:
    """Core rows, a batch at a time (a server-side cursor on PostgreSQL): no ORM bookkeeping."""
    return session.connection().execution_options(yield_per=BATCH).execute(stmt)


def _residents_by_row(session: Session, up_to: int) -> Iterator[tuple[int, list[int]]]:
    """(audit id, resident ids) for every row that names residents, in id order."""
    stmt = (select(AuditSubject.audit_id, AuditSubject.resident_id)
            .where(AuditSubject.audit_id <= up_to)
            .order_by(AuditSubject.audit_id, AuditSubject.resident_id))
    current, found = -1, list[int]()
    for audit_id, resident_id in _stream(session, stmt):
        if audit_id != current:
            if found:
                yield current, found
            current, found = audit_id, []
        found.append(resident_id)
    if found:
        yield current, found


class _Subjects:
    """Merges the subjects stream into the rows stream: both run in id order."""

    def __init__(self, stream: Iterator[tuple[int, list[int]]]) -> None:
        self._stream = stream
        self._next = next(stream, None)

    def of(self, audit_id: int) -> list[int]:
        while self._next is not None and self._next[0] < audit_id:
            self._next = next(self._stream, None)  # names a row that is gone: that row is reported
        if self._next is not None and self._next[0] == audit_id:
            return self._next[1]
        return []


def _content(row: Any, residents: list[int]) -> bytes:
    details = json.loads(row.details) if isinstance(row.details, str) else row.details
    return canonical(row.id, moment_text(row.at), row.user_id, row.username, row.workstation,
                     row.action, row.entity, row.entity_id, row.subject_resident_id, residents,
                     details or {})


def _instant(stored: datetime | str | None) -> datetime | None:
    if stored is None:
        return None
    moment = stored if isinstance(stored, datetime) else datetime.fromisoformat(stored)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def verify(session: Session, now: datetime | None = None) -> ChainReport:
    """Check the whole chain; the first broken row is named. Read-only."""
    head_id, head_hash = _head(session)
    subjects = _Subjects(_residents_by_row(session, head_id))
    rows = _stream(session, select(*_COLUMNS).where(AuditRow.id <= head_id).order_by(AuditRow.id))
    expected, prev, checked, last_at, last_id = 1, GENESIS, 0, None, 0

    def broken(row_id: int, reason: str) -> ChainReport:
        rows.close()
        return ChainReport(False, checked, row_id, reason, head_id, head_hash, _instant(last_at),
                           now)

    for row in rows:
        if row.prev_hash != prev:
            return broken(expected, "row_missing") if row.id != expected else broken(row.id, "link_broken")
        if link(prev, _content(row, subjects.of(row.id))) != row.row_hash:
            return broken(row.id, "content_changed")
        prev, checked, last_at, last_id = row.row_hash, checked + 1, row.at, row.id
        expected = row.id + 1
    if last_id != head_id:
        return broken(last_id + 1, "head_mismatch")  # rows cut off the end
    if prev != head_hash:
        return broken(head_id, "head_mismatch")
    beyond = session.scalar(select(func.min(AuditRow.id)).where(AuditRow.id > head_id))
    if beyond is not None and _head(session)[0] == head_id:
        # A writer moves the head in the transaction that adds its row; rows after an unmoved
        # head were added some other way.
        return broken(int(beyond), "head_mismatch")
    return ChainReport(True, checked, None, "", head_id, head_hash, _instant(last_at), now)


def head_as_of(session: Session, as_of: datetime) -> ChainHead | None:
    """The newest row written at or before ``as_of``: what a report with that stamp prints."""
    row = session.execute(select(AuditRow.id, AuditRow.row_hash, AuditRow.at)
                          .where(AuditRow.at <= as_of)
                          .order_by(AuditRow.id.desc()).limit(1)).first()
    return ChainHead(int(row.id), row.row_hash, row.at) if row is not None else None
