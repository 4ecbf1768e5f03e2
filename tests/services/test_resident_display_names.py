"""Residents by the name staff know: a manager (or the administrator) sets a display name; staff
of the resident's facility see it in lists, the incident list and the incident; nobody else does;
every read that carries it names the residents in the audit log; the log never holds the name."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from safetylog.domain.enums import PersonRole, Role
from safetylog.domain.errors import ConflictError, PermissionDenied, ValidationError
from safetylog.domain.records import InvolvedResident
from safetylog.storage.models import AuditRow, AuditSubject
from tests.conftest import PASSWORD, World
from tests.factories import incident_input
from tests.versions import resident_version

NS, S, M, P, A = Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER, Role.PSP_COORDINATOR, Role.ADMIN


def _last(world: World) -> tuple[str, str, set[int], str]:
    """(action, entity, residents named, details as text) of the newest audit row."""
    with world.services.engine.connect() as conn:
        last = conn.scalar(select(func.max(AuditRow.id)))
        action, entity, details = conn.execute(select(AuditRow.action, AuditRow.entity, AuditRow.details)
                                               .where(AuditRow.id == last)).one()
        named = set(conn.scalars(select(AuditSubject.resident_id).where(AuditSubject.audit_id == last)))
    return action, entity, named, json.dumps(details, ensure_ascii=False)


def _name(world: World, index: int, name: str, role: Role = M) -> None:
    rid = world.residents[index].id
    world.services.residents.set_display_name(world.actor(role), rid, name,
                                              expected_version=resident_version(world.services, rid))


def _shown(world: World, role: Role) -> dict[str, str]:
    listed = world.services.residents.list(world.actor(role), with_display_names=True)
    return {r.pseudonym: r.display_name for r in listed}


def test_facility_staff_see_the_name_a_manager_set_and_others_do_not(world: World) -> None:
    _name(world, 0, "Jens")
    for role in (NS, S, M):
        assert _shown(world, role)["B-101"] == "Jens"
        assert _shown(world, role)["B-102"] == ""  # no name set: the pseudonym alone
    assert _shown(world, P)["B-101"] == ""  # the PSP coordinator does not work in the house
    assert _shown(world, A)["B-101"] == ""  # the administrator administers pseudonyms
    # Not asked for, not given: a list for another purpose carries no names.
    assert {r.display_name for r in world.services.residents.list(world.actor(S))} == {""}


def test_staff_of_another_facility_never_see_the_name(world: World) -> None:
    _name(world, 0, "Jens")
    admin = world.actor(A)
    world.services.admin.create_user(admin, "skov", "Sofie Skov", PASSWORD, Role.STAFF,
                                     (world.other_facility.id,))
    skov = world.services.auth.login("skov", PASSWORD, workstation="test")
    listed = world.services.residents.list(skov, with_display_names=True)
    assert [r.pseudonym for r in listed] == ["S-201"]
    with pytest.raises(PermissionDenied):
        world.services.residents.list(skov, world.facility.id, with_display_names=True)
    with pytest.raises(PermissionDenied):  # nor may they name a resident of another house
        world.services.residents.set_display_name(
            world.actor(S), world.other_resident.id, "Sven",
            expected_version=resident_version(world.services, world.other_resident.id))


def test_administrator_adds_residents_with_names_on_a_fresh_database(world: World) -> None:
    admin = world.actor(A)
    added = world.services.residents.add(admin, world.facility.id, "B-103", display_name="Lise",
                                         full_name="Lise Lund")
    assert added.pseudonym == "B-103" and added.display_name == ""  # set, not shown back
    assert _shown(world, NS)["B-103"] == "Lise"
    assert [r.pseudonym for r in world.services.residents.list(admin)] == [
        "B-101", "B-102", "B-103", "S-201"]


def test_staff_may_not_set_names_and_bad_names_are_refused(world: World) -> None:
    with pytest.raises(PermissionDenied):
        _name(world, 0, "Jens", role=S)
    with pytest.raises(PermissionDenied):
        world.services.residents.add(world.actor(NS), world.facility.id, "B-109", display_name="Bo")
    for bad in ("Jens 2", "0101901234", "x" * 31, "H@nne"):
        with pytest.raises(ValidationError) as refused:
            _name(world, 0, bad)
        assert set(refused.value.problems) == {"display_name"}
    # The full name from the identity key would make the key pointless.
    with pytest.raises(ValidationError) as refused:
        _name(world, 0, "jens jensen")
    assert refused.value.problems["display_name"].code == "display_name_is_full_name"
    assert _shown(world, S)["B-101"] == ""  # nothing was stored


def test_change_and_clear_with_the_version_read(world: World) -> None:
    _name(world, 0, "Jens")
    _name(world, 0, "Lille Jens")
    assert _shown(world, S)["B-101"] == "Lille Jens"
    _name(world, 0, "")
    assert _shown(world, S)["B-101"] == ""
    with pytest.raises(ConflictError):  # a version read before someone else's change
        world.services.residents.set_display_name(world.actor(M), world.residents[0].id, "Jensemand",
                                                  expected_version=world.residents[0].version)


def test_reads_with_names_name_the_residents_and_the_log_holds_no_name(world: World) -> None:
    _name(world, 0, "Jens")
    action, entity, named, details = _last(world)
    assert (action, entity, named) == ("update", "resident_display_name", {world.residents[0].id})
    assert "Jens" not in details
    world.services.residents.list(world.actor(NS), world.facility.id, with_display_names=True)
    action, entity, named, details = _last(world)
    assert (action, entity) == ("read", "resident")
    assert named == {world.residents[0].id, world.residents[1].id}
    assert '"display_names": true' in details and "Jens" not in details


def test_incident_list_and_incident_show_the_name_to_staff_only(world: World) -> None:
    _name(world, 0, "Jens")
    people = (InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),
              InvolvedResident(world.residents[1].id, PersonRole.VICTIM))
    incident = world.services.incidents.submit(world.actor(S), incident_input(world, residents=people)).id
    row = world.services.queries.page(world.actor(NS)).rows[0]
    assert row.residents == ("B-101", "B-102")  # what the record stores
    assert row.shown_residents() == ("Jens (B-101)", "B-102")
    assert _last(world)[2] == {world.residents[0].id, world.residents[1].id}
    detail = world.services.incidents.get(world.actor(S), incident)
    assert detail.display_names == ((world.residents[0].id, "Jens"),)
    assert [p for _id, p, _role in detail.residents] == ["B-101", "B-102"]
    assert _last(world)[:3] == ("read", "incident", {world.residents[0].id, world.residents[1].id})
    psp = world.actor(P)
    assert world.services.queries.page(psp).rows[0].shown_residents() == ("B-101", "B-102")
