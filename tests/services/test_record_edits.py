"""Editing a facility, a place (zone) and a cooperation note: the same rules as creating one, one
audited update, the version moved, and a refusal that changes nothing and says why."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from safetylog.storage.models import AuditRow
from tests.conftest import PASSWORD, World
from tests.factories import last_audit_id

HOSTILE_IDS: list[Any] = [0, -1, 2**70, "1", None]


def _logged(world: World, after: int) -> list[tuple[str, str, str, dict[str, Any]]]:
    with world.services.engine.connect() as conn:
        rows = conn.execute(select(AuditRow.action, AuditRow.entity, AuditRow.entity_id, AuditRow.details)
                            .where(AuditRow.id > after).order_by(AuditRow.id))
        return [(r.action, r.entity, r.entity_id, r.details) for r in rows]


# --- facilities -----------------------------------------------------------------------------------


def test_an_edited_facility_keeps_its_code_and_the_change_is_one_update(world: World) -> None:
    admin, actor = world.services.admin, world.actor(Role.ADMIN)
    read = world.other_facility
    mark = last_audit_id(world.services.engine)
    saved = admin.edit_facility(actor, read.id, "  Skovbrynet Øst ", "Aarhus", "Østjyllands Politi",
                                expected_version=read.version)
    assert (saved.code, saved.name, saved.municipality, saved.police_district) == (
        "SKO", "Skovbrynet Øst", "Aarhus", "Østjyllands Politi")
    assert saved.version == read.version + 1
    assert next(f for f in admin.list_facilities(actor) if f.id == read.id) == saved
    assert _logged(world, mark) == [
        ("update", "facility", str(read.id), {"changed": ["name", "municipality", "police_district"]})]


def test_a_facility_edit_is_checked_like_a_new_facility_and_nothing_is_saved(world: World) -> None:
    admin, actor = world.services.admin, world.actor(Role.ADMIN)
    read = world.other_facility
    mark = last_audit_id(world.services.engine)
    with pytest.raises(ValidationError) as refused:
        admin.edit_facility(actor, read.id, "  ", "x" * 201, "Politi\x07", expected_version=read.version)
    assert {k: p.code for k, p in refused.value.problems.items()} == {
        "facility_name": "empty_text", "municipality": "too_long", "police_district": "control_characters"}
    assert refused.value.messages("da")["facility_name"] == "Må ikke være tom."
    assert next(f for f in admin.list_facilities(actor) if f.id == read.id) == read
    assert _logged(world, mark) == []


def test_saving_a_facility_unchanged_still_moves_its_version(world: World) -> None:
    """Otherwise a second window holding the same version would save over it unnoticed."""
    admin, actor, read = world.services.admin, world.actor(Role.ADMIN), world.other_facility
    same = admin.edit_facility(actor, read.id, read.name, read.municipality, read.police_district,
                               expected_version=read.version)
    assert same.version == read.version + 1
    with pytest.raises(ConflictError):
        admin.edit_facility(actor, read.id, "Skovbrynet 2", expected_version=read.version)


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN], ids=lambda r: r.value)
def test_only_an_administrator_edits_a_facility(world: World, role: Role) -> None:
    read = world.facility
    with pytest.raises(PermissionDenied):
        world.services.admin.edit_facility(world.actor(role), read.id, "Overtaget",
                                           expected_version=read.version)
    assert world.services.admin.list_facilities(world.actor(Role.ADMIN))[0].name == read.name


@pytest.mark.parametrize("facility_id", HOSTILE_IDS, ids=repr)
def test_an_unknown_facility_is_not_found(world: World, facility_id: Any) -> None:
    with pytest.raises(NotFound):
        world.services.admin.edit_facility(world.actor(Role.ADMIN), facility_id, "Ny",
                                           expected_version=1)


def test_an_administrator_of_one_facility_cannot_edit_another(world: World) -> None:
    admin = world.services.admin
    admin.create_user(world.actor(Role.ADMIN), "admin.hav", "Hanne Admin", PASSWORD, Role.ADMIN,
                      (world.facility.id,))
    local = world.services.auth.login("admin.hav", PASSWORD)
    read = world.other_facility
    with pytest.raises(NotFound):
        admin.edit_facility(local, read.id, "Overtaget", expected_version=read.version)


# --- places ---------------------------------------------------------------------------------------


def test_a_place_is_renamed_given_a_kind_and_retired(world: World) -> None:
    admin, actor, read = world.services.admin, world.actor(Role.ADMIN), world.zone
    mark = last_audit_id(world.services.engine)
    saved = admin.edit_zone(actor, read.id, "Dagligstuen", ZoneKind.COMMON_AREA.value, active=False,
                            expected_version=read.version)
    assert (saved.code, saved.name, saved.kind, saved.active) == (
        "FAELLES", "Dagligstuen", ZoneKind.COMMON_AREA, False)
    assert saved.version == read.version + 1
    assert admin.list_zones(actor, world.facility.id) == [saved]
    assert _logged(world, mark) == [
        ("update", "zone", str(read.id), {"changed": ["name", "active"], "active": False})]
    back = admin.edit_zone(actor, read.id, "Dagligstuen", ZoneKind.OFFICE, expected_version=saved.version)
    assert back.active and back.kind is ZoneKind.OFFICE


def test_a_retired_place_is_kept_on_the_incidents_logged_there(world: World) -> None:
    from tests.factories import incident_input

    logged = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    world.services.admin.edit_zone(world.actor(Role.ADMIN), world.zone.id, world.zone.name,
                                   world.zone.kind, active=False, expected_version=world.zone.version)
    assert world.services.incidents.get(world.actor(Role.MANAGER), logged.id).zone_id == world.zone.id


def test_a_place_edit_is_checked_like_a_new_place(world: World) -> None:
    admin, actor, read = world.services.admin, world.actor(Role.ADMIN), world.zone
    mark = last_audit_id(world.services.engine)
    with pytest.raises(ValidationError) as refused:
        admin.edit_zone(actor, read.id, "", "kælder", active="ja",  # type: ignore[arg-type]
                        expected_version=read.version)
    assert {k: p.code for k, p in refused.value.problems.items()} == {
        "name": "empty_text", "kind": "invalid_choice", "active": "invalid_choice"}
    assert admin.list_zones(actor, world.facility.id) == [read]
    assert _logged(world, mark) == []


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.ADMIN], ids=lambda r: r.value)
def test_only_an_administrator_edits_a_place(world: World, role: Role) -> None:
    read = world.zone
    with pytest.raises(PermissionDenied):
        world.services.admin.edit_zone(world.actor(role), read.id, "Overtaget", read.kind,
                                       expected_version=read.version)


@pytest.mark.parametrize("zone_id", HOSTILE_IDS, ids=repr)
def test_an_unknown_place_is_not_found(world: World, zone_id: Any) -> None:
    with pytest.raises(NotFound):
        world.services.admin.edit_zone(world.actor(Role.ADMIN), zone_id, "Ny", ZoneKind.OFFICE,
                                       expected_version=1)


# --- cooperation notes ----------------------------------------------------------------------------


def test_the_author_corrects_a_note_and_the_update_is_audited(world: World) -> None:
    psp, coordinator = world.services.psp, world.actor(Role.PSP_COORDINATOR)
    read = psp.add_note(coordinator, world.facility.id, "Politiet kører forbi om aftenen.")
    mark = last_audit_id(world.services.engine)
    saved = psp.edit_note(coordinator, read.id, " Politiet kører forbi hver aften. ",
                          expected_version=read.version)
    assert (saved.text, saved.author, saved.created_at, saved.version) == (
        "Politiet kører forbi hver aften.", "Per PSP", read.created_at, read.version + 1)
    assert _logged(world, mark) == [
        ("update", "psp_note", str(read.id), {"facility_id": world.facility.id})]
    assert psp.notes(coordinator, world.facility.id) == [saved]


def test_a_manager_corrects_a_coordinators_note(world: World) -> None:
    psp = world.services.psp
    read = psp.add_note(world.actor(Role.PSP_COORDINATOR), world.facility.id, "Møde aftalt.")
    saved = psp.edit_note(world.actor(Role.MANAGER), read.id, "Møde aftalt til tirsdag.",
                          expected_version=read.version)
    assert saved.author == "Per PSP"  # still the author's note


def test_another_coordinator_cannot_rewrite_a_note_and_the_attempt_is_logged(world: World) -> None:
    psp, admin = world.services.psp, world.services.admin
    read = psp.add_note(world.actor(Role.PSP_COORDINATOR), world.facility.id, "Møde aftalt.")
    admin.create_user(world.actor(Role.ADMIN), "psp.to", "Pia PSP", PASSWORD, Role.PSP_COORDINATOR,
                      (world.facility.id,))
    other = world.services.auth.login("psp.to", PASSWORD)
    mark = last_audit_id(world.services.engine)
    with pytest.raises(PermissionDenied) as refused:
        psp.edit_note(other, read.id, "Intet møde.", expected_version=read.version)
    assert "author" in str(refused.value)
    [(action, entity, call, details)] = _logged(world, mark)
    assert (action, entity, call) == ("denied", "call", "PspService.edit_note")
    assert details["arguments"]["note_id"] == read.id
    assert [n.text for n in psp.notes(other, world.facility.id)] == ["Møde aftalt."]


@pytest.mark.parametrize("role", [Role.NIGHT_STAFF, Role.STAFF, Role.ADMIN, Role.DPO],
                         ids=lambda r: r.value)
def test_roles_without_psp_work_cannot_edit_a_note(world: World, role: Role) -> None:
    read = world.services.psp.add_note(world.actor(Role.MANAGER), world.facility.id, "Møde aftalt.")
    with pytest.raises(PermissionDenied):
        world.services.psp.edit_note(world.actor(role), read.id, "Intet.", expected_version=read.version)


def test_a_note_edit_is_checked_like_a_new_note(world: World) -> None:
    psp, coordinator = world.services.psp, world.actor(Role.PSP_COORDINATOR)
    read = psp.add_note(coordinator, world.facility.id, "Møde aftalt.")
    for text, code in (("   ", "empty_text"), ("Beboer 010190-1234 nævnt", "cpr_number"),
                       ("x" * 20_001, "too_long")):
        with pytest.raises(ValidationError) as refused:
            psp.edit_note(coordinator, read.id, text, expected_version=read.version)
        assert refused.value.problems["text"].code == code
    assert psp.notes(coordinator, world.facility.id) == [read]


def test_a_note_at_a_facility_one_cannot_see_is_not_found(world: World) -> None:
    psp = world.services.psp
    elsewhere = psp.add_note(world.actor(Role.MANAGER), world.other_facility.id, "Skovbrynet.")
    with pytest.raises(NotFound):  # the coordinator works at Havblik only
        psp.edit_note(world.actor(Role.PSP_COORDINATOR), elsewhere.id, "Ændret.",
                      expected_version=elsewhere.version)


@pytest.mark.parametrize("note_id", HOSTILE_IDS, ids=repr)
def test_an_unknown_note_is_not_found(world: World, note_id: Any) -> None:
    with pytest.raises(NotFound):
        world.services.psp.edit_note(world.actor(Role.MANAGER), note_id, "Ny", expected_version=1)
