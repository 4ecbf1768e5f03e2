"""The secret that keys every incident's record key for disclosure control (``summaries.cell_key``).

It is 32 random bytes, made the first time a PSP pack is assembled and kept in the database's
``settings`` table (no migration needed), so it travels with the data: the same incidents give
the same published numbers on every workstation and after a move or restore. It is never shown
(the settings window lists only its own keys) and never printed; without it, the police cannot
tell how a cell was rounded.
"""

from __future__ import annotations

import secrets

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from safetylog.storage.models import Setting

SECRET_SETTING = "disclosure_record_key_secret"


def record_key_secret(session: Session) -> bytes:
    """The database's secret, made (inside the caller's transaction) if there is none yet.

    It must not be made inside a savepoint: a report stamped in the past is assembled in one
    that is always rolled back (``summaries.as_of``), which would throw the new secret away and
    round the same cells differently the next time. Callers make it before opening one."""
    row = session.get(Setting, SECRET_SETTING)
    if row is None:
        if session.in_nested_transaction():
            raise RuntimeError("the record-key secret must be made outside a savepoint")
        # Two first packs at once: ON CONFLICT DO NOTHING lets the second read the first's secret.
        dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
        session.execute(dialect.insert(Setting).values(
            key=SECRET_SETTING, value={"value": secrets.token_hex(32)}, version=1).on_conflict_do_nothing())
        row = session.get(Setting, SECRET_SETTING)
        assert row is not None
    return bytes.fromhex(str(row.value["value"]))
