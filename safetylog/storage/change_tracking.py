"""Record the kind of every table a statement writes, for ``safetylog.domain.changes``.

Hooked into every engine by ``make_engine``, below the services: an INSERT, UPDATE or DELETE —
from an ORM flush, a bulk statement or a Core statement — names its table, and the table's kind
is added to the caller's recording. A write cannot forget to say what it changed, and a new table
without a kind fails ``tests/storage/test_change_tracking.py``.

Recorded when the statement runs, not at commit: a call that rolls back raises, and a failed
operation announces nothing; a rollback the service recovers from costs at most one extra redraw.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExecutionContext
from sqlalchemy.sql.compiler import SQLCompiler

from safetylog.domain.changes import Changes, record

TABLE_KINDS: dict[str, Changes] = {
    "facilities": Changes.FACILITIES,
    "zones": Changes.FACILITIES,
    "users": Changes.USERS,
    "user_facilities": Changes.USERS,
    "login_sessions": Changes.SESSIONS,
    "residents": Changes.RESIDENTS,
    "resident_identities": Changes.RESIDENTS,
    "resident_display_names": Changes.RESIDENTS,
    "incidents": Changes.INCIDENTS,
    "incident_types": Changes.INCIDENTS,
    "incident_residents": Changes.INCIDENTS,
    "incident_staff": Changes.INCIDENTS,
    "incident_outsiders": Changes.INCIDENTS,
    "incident_injuries": Changes.INCIDENTS,
    "incident_violence": Changes.INCIDENTS,
    "incident_drug_observations": Changes.INCIDENTS,
    "incident_police": Changes.INCIDENTS,
    "incident_versions": Changes.INCIDENTS,
    "incident_addenda": Changes.INCIDENTS,
    "incident_drafts": Changes.DRAFTS,
    "duties": Changes.DUTIES,
    "reporter_feedback": Changes.FEEDBACK,
    "bvc_assessments": Changes.BVC,
    "psp_meetings": Changes.PSP,
    "psp_meeting_facilities": Changes.PSP,
    "psp_agreements": Changes.PSP,
    "psp_notes": Changes.PSP,
    "psp_action_items": Changes.PSP,
    "psp_action_item_carries": Changes.PSP,
    "psp_disclosures": Changes.PSP,
    "audit_log": Changes.AUDIT,
    "audit_subjects": Changes.AUDIT,
    "audit_head": Changes.AUDIT,
    "settings": Changes.SETTINGS,
}


def _written_table(context: ExecutionContext) -> str | None:
    compiled = context.compiled
    if not isinstance(compiled, SQLCompiler) or not (compiled.isinsert or compiled.isupdate
                                                     or compiled.isdelete):
        return None
    table = getattr(compiled.statement, "table", None)

    name = getattr(table, "name", None)
    return name if isinstance(name, str) else None


def _after_execute(_conn: Any, _cursor: Any, _statement: str, _parameters: Any,
                   context: ExecutionContext, _executemany: bool) -> None:
    name = _written_table(context)
    if name is not None:
        # A table missing from the map is announced as everything: a redraw too many, never one
        # too few (and the test above catches the omission).
        record(TABLE_KINDS.get(name, Changes.ALL))


def track_changes(engine: Engine) -> None:
    event.listen(engine, "after_cursor_execute", _after_execute)
