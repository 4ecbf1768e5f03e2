"""A realistic audit log for the benchmarks: ``rows`` chained rows, most naming one to three
residents, appended after whatever the log holds, with the head moved to the last.

About five audit rows per incident (its creation, the reads of its detail, the list pages and
reports that show it) makes the 200 000-incident database's log a million rows.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from safetylog.storage.audit_chain import GENESIS, canonical, link
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject

CHUNK = 20_000
_ACTIONS = (("read", "incident"), ("search", "incident"), ("create", "incident"), ("read", "duty"),
            ("login", "user"), ("read", "report_monthly"))


def append_audit_log(engine: Engine, rows: int, residents: int = 2000, seed: int = 7) -> None:
    rng = random.Random(seed)
    with engine.begin() as conn:
        head = conn.execute(select(AuditHead.last_id, AuditHead.last_hash)).first()
        last_id, prev = (int(head.last_id), head.last_hash or GENESIS) if head else (0, GENESIS)
        at = conn.scalar(select(func.max(AuditRow.at))) or datetime(2020, 1, 1, tzinfo=UTC)
        batch: list[dict[str, Any]] = []
        links: list[dict[str, int]] = []
        for row_id in range(last_id + 1, last_id + rows + 1):
            at += timedelta(seconds=rng.randint(1, 90))
            action, entity = rng.choice(_ACTIONS)
            named = sorted(rng.sample(range(1, residents + 1), rng.choice((0, 1, 1, 1, 2, 3))))
            details = {"count": rng.randint(0, 100), "criteria": {"text": "trusler"}}
            entity_id = str(rng.randint(1, 200_000))
            content = canonical(row_id, at, None, "bench", "pc-1", action, entity, entity_id,
                                None, named, details)
            digest = link(prev, content)
            batch.append({"id": row_id, "at": at, "user_id": None, "username": "bench",
                          "workstation": "pc-1", "action": action, "entity": entity,
                          "entity_id": entity_id, "subject_resident_id": None, "details": details,
                          "prev_hash": prev, "row_hash": digest})
            links.extend({"audit_id": row_id, "resident_id": r} for r in named)
            prev = digest
            if len(batch) >= CHUNK:
                _flush(conn, batch, links)
        _flush(conn, batch, links)
        values = {"last_id": last_id + rows, "last_hash": prev, "updated_at": at}
        if head is None:
            conn.execute(insert(AuditHead).values(id=1, **values))
        else:
            conn.execute(update(AuditHead).where(AuditHead.id == 1).values(**values))


def _flush(conn: Any, batch: list[dict[str, Any]], links: list[dict[str, int]]) -> None:
    if batch:
        conn.execute(insert(AuditRow), batch)
    if links:
        conn.execute(insert(AuditSubject), links)
    batch.clear()
    links.clear()
