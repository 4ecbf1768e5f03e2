"""Property tests for importing a whole-database export: a real export with a few cells or header
fields spoiled either loads completely or is refused with ``ImportRefused``, on both databases,
and a refused file leaves the new database exactly as empty as it was. An encrypted export with
any byte changed, added or cut off is always refused."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from sqlalchemy import delete

from safetylog.domain.crypto import KdfParams
from safetylog.domain.enums import Role
from safetylog.services import export_file
from safetylog.services.container import Services
from safetylog.services.exchange import ImportRefused
from safetylog.storage.models import Base
from tests.conftest import PASSWORD, World, _services, new_database
from tests.factories import incident_input, last_audit_id, table_counts
from tests.services.fuzz import FUZZ, ints, moments, texts

GARBAGE = st.one_of(texts(30), ints(), st.none(), st.booleans(), st.floats(),
                    moments().map(lambda m: m.isoformat()), st.sampled_from(
                        ["2026-02-30", "2026-01-01T12:00:00", "", "true", [], {}, ["x"], {"a": [1]}]))


@pytest.fixture
def exported(world: World) -> dict[str, Any]:
    world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    return world.services.exchange.export_document(world.actor(Role.ADMIN), full_move=True)


PASSPHRASE = "tolv tegn og lidt til"


@pytest.fixture
def sealed(world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An encrypted full-move export of the world, with a cheap key derivation."""
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))
    world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    path = tmp_path / "world.safetylog"
    world.services.exchange.export_to(world.actor(Role.ADMIN), path, passphrase=PASSPHRASE,
                                      full_move=True)
    return path


@pytest.fixture
def empty(world: World, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Services]:
    """A second, freshly migrated database of the same kind as the world's."""
    folder = tmp_path / "empty"
    folder.mkdir()
    yield from _services(new_database(request, world.services.engine.dialect.name, folder))


def _wipe(services: Services) -> None:
    with services.engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(delete(table))


@st.composite
def spoiled(draw: st.DrawFn, document: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """A deep copy of ``document`` with up to three cells or header fields replaced."""
    spoilt = copy.deepcopy(document)
    changes: list[str] = []
    filled = sorted(name for name, rows in spoilt["tables"].items() if rows)
    for _ in range(draw(st.sampled_from([0, 1, 2, 3]))):
        where = draw(st.sampled_from(["cell", "cell", "cell", "header", "drop_row_key", "table"]))
        if where != "header" and not (isinstance(spoilt["tables"], dict)
                                      and set(filled) <= set(spoilt["tables"])):
            continue  # the tables section itself was spoiled already
        if where == "header":
            key = draw(st.sampled_from(["format", "format_version", "schema_revision", "tables"]))
            spoilt[key] = draw(GARBAGE)
        elif where == "table":
            name = draw(st.sampled_from(filled))
            spoilt["tables"][name] = draw(st.one_of(GARBAGE, st.just([{}]), st.just(None)))
        else:
            name = draw(st.sampled_from(filled))
            rows = spoilt["tables"][name]
            if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
                continue
            row = rows[draw(st.integers(0, len(rows) - 1))]
            column = draw(st.sampled_from(sorted(row) or ["id"]))
            if where == "drop_row_key":
                row.pop(column, None)
            else:
                row[column] = draw(GARBAGE)
        changes.append(where)
    return changes, spoilt


@FUZZ
@given(data=st.data())
def test_a_spoiled_export_loads_completely_or_changes_nothing(
        exported: dict[str, Any], empty: Services, data: st.DataObject) -> None:
    changes, document = data.draw(spoiled(exported))
    before = table_counts(empty.engine)
    audit_before = last_audit_id(empty.engine)
    try:
        counts = empty.exchange.import_document(document).counts
    except ImportRefused as refused:
        event("refused")
        assert changes, f"an untouched export was refused: {refused}"
        assert str(refused)
        assert table_counts(empty.engine) == before, "a refused import left rows behind"
        assert last_audit_id(empty.engine) == audit_before
        return
    event("loaded" if not changes else "loaded despite changes")
    if not changes:
        assert counts == {name: len(rows) for name, rows in exported["tables"].items()}
    loaded = table_counts(empty.engine)
    assert {name: n for name, n in counts.items() if name in loaded} == loaded
    if not changes:  # what was exported can be used: the administrator logs in again
        assert empty.auth.login("admin", PASSWORD, "pc").role is Role.ADMIN
    _wipe(empty)


@st.composite
def spoiled_bytes(draw: st.DrawFn, content: bytes) -> tuple[str, bytes]:
    """``content`` untouched, or with one byte changed, one added, or the end cut off."""
    kind = draw(st.sampled_from(["none", "flip", "flip", "flip", "insert", "cut"]))
    at = draw(st.integers(0, len(content) - 1))
    if kind == "flip":
        return kind, content[:at] + bytes([content[at] ^ draw(st.integers(1, 255))]) + content[at + 1:]
    if kind == "insert":
        return kind, content[:at] + bytes([draw(st.integers(0, 255))]) + content[at:]
    if kind == "cut":
        return kind, content[:at]
    return kind, content


@FUZZ
@given(data=st.data())
def test_a_spoiled_encrypted_export_is_refused_and_changes_nothing(
        sealed: Path, empty: Services, data: st.DataObject) -> None:
    kind, content = data.draw(spoiled_bytes(sealed.read_bytes()))
    spoilt = sealed.with_name("spoilt.safetylog")
    spoilt.write_bytes(content)
    before = table_counts(empty.engine)
    audit_before = last_audit_id(empty.engine)
    try:
        empty.exchange.import_from(spoilt, passphrase=PASSPHRASE)
    except ImportRefused as refused:
        event(f"refused: {kind}")
        assert kind != "none", f"an untouched export was refused: {refused}"
        assert len(str(refused).splitlines()) == 1
        assert table_counts(empty.engine) == before, "a refused import left rows behind"
        assert last_audit_id(empty.engine) == audit_before
        return
    assert kind == "none", f"an export with a byte {kind} was imported"
    assert empty.auth.login("admin", PASSWORD, "pc").role is Role.ADMIN
    _wipe(empty)
