"""An export reads the whole database at one moment, whatever is saved while it runs.

The save is made to land in the middle of the export, after its first rows were read: without a
snapshot, the file would hold the new incident's rows in some tables and not in others.
"""

from __future__ import annotations

from typing import Any

import pytest

from safetylog.domain.enums import Role
from safetylog.services import exchange, export_rows
from tests.conftest import World
from tests.factories import incident_input


def test_a_save_during_the_export_is_not_half_in_the_file(world: World,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    services, admin = world.services, world.actor(Role.ADMIN)
    services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    saved_meanwhile: list[int] = []
    original = export_rows.encode  # the function exchange imported, patched where it is used

    def encode_and_save_once(value: Any) -> Any:
        if not saved_meanwhile:  # the first row of the first table is being read: a PC saves now
            stored = services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
            saved_meanwhile.append(stored.id)
        return original(value)

    monkeypatch.setattr(exchange, "encode", encode_and_save_once)
    document = services.exchange.export_document(admin)

    tables = document["tables"]
    assert saved_meanwhile and saved_meanwhile[0] not in {row["id"] for row in tables["incidents"]}
    incident_ids = {row["id"] for row in tables["incidents"]}
    for name, rows in tables.items():  # every row that names an incident names one in the file
        for row in rows:
            if "incident_id" in row:
                assert row["incident_id"] in incident_ids, name
    audit_ids = {row["id"] for row in tables["audit_log"]}
    assert all(row["audit_id"] in audit_ids for row in tables["audit_subjects"])
    assert tables["audit_head"][0]["last_id"] == max(audit_ids)
    assert [item["id"] for item in document["incidents"]] == sorted(incident_ids)
