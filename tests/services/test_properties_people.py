"""Property tests for people and places: first-run set-up, facilities, zones, users, residents,
logins. Same rule as ``test_properties.py``: saves, refuses per field, or answers honestly."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, select, update

from safetylog.domain.enums import Role, ZoneKind
from safetylog.domain.errors import AuthenticationError, PermissionDenied
from safetylog.domain.passwords import password_problem
from safetylog.services.auth import verify_password
from safetylog.services.container import Services
from safetylog.storage.audit_chain import GENESIS
from safetylog.storage.models import (
    AuditHead,
    AuditRow,
    AuditSubject,
    Facility,
    LoginSession,
    User,
    UserFacility,
)
from tests.conftest import PASSWORD, World
from tests.factories import table_counts
from tests.services.fuzz import (
    FUZZ,
    attempt,
    days_or_garbage,
    enum_or_garbage,
    ids,
    is_frozen_record,
    optional,
    texts,
    tuples,
)
from tests.services.incident_fuzz import partly_hostile, plain_text
from tests.versions import resident_version, user_version

ANY_ROLE = st.sampled_from(list(Role))
_unique = itertools.count(1)
CODES = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True)
# Passwords the policy takes (domain/passwords.py); one built on the user's name is still refused,
# and the examples count that as a bad field.
PASSWORDS = st.text(min_size=12, max_size=40).filter(lambda p: password_problem(p) is None)
WEAK_PASSWORDS = st.one_of(st.text(max_size=11), texts(), st.sampled_from(
    ["password1234", "Sommer2024!!", "velkommen1234", "111111111111"]))


def _name_in_password(args: dict[str, Any], username: str, display_name: str) -> set[str]:
    """'password' when the password is refused only for holding the user's name."""
    password = args.get("password", args.get("admin_password"))
    if not isinstance(username, str) or not isinstance(display_name, str):
        return set()
    problem = password_problem(password, username=username.strip(), display_name=display_name.strip())
    return {"password", "admin_password"} if problem is not None else set()


def unique(prefix: str) -> str:
    """Codes and names must be unique; a counter keeps valid examples valid across examples."""
    return f"{prefix}{next(_unique)}"


@pytest.fixture
def temps(world: World) -> list[str]:
    """Two temporary staff accounts the examples may rename, move and deactivate."""
    admin = world.actor(Role.ADMIN)
    for name in ("vikar1", "vikar2"):
        world.services.admin.create_user(admin, name, "Vikar", PASSWORD, Role.STAFF, (world.facility.id,))
    return ["vikar1", "vikar2"]


# --- first run ----------------------------------------------------------------------------------


def _empty_again(services: Services) -> None:
    with services.engine.begin() as conn:
        for table in (AuditSubject, AuditRow, LoginSession, UserFacility, User, Facility):
            conn.execute(delete(table))
        conn.execute(update(AuditHead).values(last_id=0, last_hash=GENESIS))  # a new, empty chain


@FUZZ
@given(data=st.data())
def test_first_run_setup_saves_or_refuses_per_field(services: Services, data: st.DataObject) -> None:
    bad, args = data.draw(partly_hostile({
        "facility_code": (CODES, texts(50)),
        "facility_name": (plain_text(max_size=60), texts()),
        "admin_username": (st.from_regex(r"[a-z][a-z0-9._-]{1,20}", fullmatch=True), texts(70)),
        "admin_display_name": (plain_text(max_size=60), texts()),
        "admin_password": (PASSWORDS, WEAK_PASSWORDS),
        "municipality": (st.one_of(st.just(""), plain_text(max_size=40)), texts()),
        "police_district": (st.one_of(st.just(""), plain_text(max_size=40)), texts()),
    }, max_bad=2))
    outcome = attempt(services.engine, lambda: services.admin.initialize(**args), set(args) | {
        "username", "display_name", "password"})
    bad = bad | _name_in_password(args, args["admin_username"], args["admin_display_name"])
    if not bad:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert outcome.value.role is Role.ADMIN and outcome.value.all_facilities
        assert services.auth.login(args["admin_username"].strip(), args["admin_password"], "pc")
        with pytest.raises(PermissionDenied):  # a second set-up is refused
            services.admin.initialize(**args)
        _empty_again(services)


# --- facilities and zones -----------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_facilities_and_zones_save_or_refuse(world: World, data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    bad, args = data.draw(partly_hostile({
        "role": (st.just(Role.ADMIN), ANY_ROLE),
        "code": (CODES.map(unique), texts(50)),
        "name": (plain_text(max_size=60), texts()),
        "other": (st.one_of(st.just(""), plain_text(max_size=40)), texts()),
        "facility_id": (st.sampled_from(facilities), ids(facilities)),
        "kind": (st.sampled_from(ZoneKind), enum_or_garbage(ZoneKind)),
    }, max_bad=2))
    actor, admin = world.actor(args["role"]), world.services.admin
    if data.draw(st.booleans()):
        outcome = attempt(world.services.engine, lambda: admin.create_facility(
            actor, args["code"], args["name"], args["other"], args["other"]),
            {"facility_code", "facility_name", "municipality", "police_district"})
        relevant = {"role", "code", "name", "other"}
    else:
        outcome = attempt(world.services.engine, lambda: admin.add_zone(
            actor, args["facility_id"], args["code"], args["name"], args["kind"]),
            {"facility_id", "code", "name", "kind"})
        relevant = {"role", "code", "name", "facility_id", "kind"}
    if not bad & relevant:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved":
        assert is_frozen_record(outcome.value) and outcome.value.code == args["code"].strip()
    listed = attempt(world.services.engine, lambda: admin.list_zones(actor, args["facility_id"]), set())
    if listed.kind == "saved":
        assert all(z.facility_id == args["facility_id"] for z in listed.value)
    assert all(actor.may_see_facility(f.id) for f in admin.list_facilities(actor))


# --- users ----------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_user_administration_saves_or_refuses(world: World, temps: list[str], data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    step = data.draw(st.sampled_from(["create", "role", "facilities", "reset", "unlock", "deactivate",
                                      "list"]))
    relevant = {
        "create": ("role", "new_username", "display_name", "password", "new_role", "facility_ids"),
        "role": ("role", "username", "new_role"),
        "facilities": ("role", "username", "facility_ids"),
        "reset": ("role", "username"),
        "unlock": ("role", "username"),
        "deactivate": ("role", "username"),
        "list": ("role",),
    }[step]
    fields = {
        "role": (st.just(Role.ADMIN), ANY_ROLE),
        # Not the acting admin's own account: the examples share one database and every call
        # reads the actor's role from it, so an example that demoted, deactivated or reset "admin"
        # would take the rights of every later one (and a replay would not fail the same way).
        "username": (st.sampled_from(temps), st.one_of(texts(70).filter(lambda n: n != "admin"),
                                                       st.just("ghost"))),
        "new_username": (st.from_regex(r"[a-z][a-z0-9._-]{1,12}", fullmatch=True).map(unique), texts(70)),
        "display_name": (plain_text(max_size=60), texts()),
        "password": (PASSWORDS, WEAK_PASSWORDS),
        "new_role": (st.sampled_from(Role), enum_or_garbage(Role)),
        "facility_ids": (st.lists(st.sampled_from(facilities), max_size=2).map(tuple),
                         tuples(ids(facilities))),
    }
    bad, args = data.draw(partly_hostile({name: fields[name] for name in relevant}, max_bad=2))
    actor, admin = world.actor(args["role"]), world.services.admin
    version = user_version(world.services, args.get("username"))  # as the users page read it
    calls: dict[str, Any] = {
        "create": lambda: admin.create_user(actor, args["new_username"], args["display_name"],
                                            args["password"], args["new_role"], args["facility_ids"]),
        "role": lambda: admin.set_role(actor, args["username"], args["new_role"],
                                       expected_version=version),
        "facilities": lambda: admin.set_facilities(actor, args["username"], args["facility_ids"],
                                                   expected_version=version),
        "reset": lambda: admin.reset_password(actor, args["username"], expected_version=version),
        "unlock": lambda: admin.unlock_user(actor, args["username"], expected_version=version),
        "deactivate": lambda: admin.deactivate(actor, args["username"], expected_version=version),
        "list": lambda: admin.list_users(actor),
    }
    call = calls[step]
    outcome = attempt(world.services.engine, call, {"username", "display_name", "password", "role",
                                                    "facility_ids"})
    if step == "create":
        bad = bad | _name_in_password(args, args["new_username"], args["display_name"])
    if not bad:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved" and step == "reset":
        assert password_problem(outcome.value) is None
        with world.services.session_factory() as session:
            user = session.scalars(select(User).where(User.username == args["username"])).one()
            assert verify_password(user.password_hash, outcome.value) and user.must_change_password
    if outcome.kind == "saved" and step == "create":
        assert outcome.value.username == args["new_username"].strip()


@FUZZ
@given(data=st.data())
def test_login_succeeds_or_is_refused_without_saying_why(world: World, data: st.DataObject) -> None:
    bad, args = data.draw(partly_hostile({
        "username": (st.sampled_from(["staff", "manager", "night_staff"]),
                     st.one_of(texts(70), st.sampled_from(["ghost", " staff ", "STAFF", "x" * 64]))),
        "password": (st.just(PASSWORD), st.one_of(texts(70), st.just(PASSWORD + " "))),
        "workstation": (st.one_of(st.none(), st.just("kontor-pc")), texts(300)),
    }, max_bad=2))
    services = world.services
    with services.engine.begin() as conn:  # each example starts unthrottled (tests/security covers that)
        conn.execute(update(User).values(failed_logins=0, last_failed_login_at=None, locked_until=None))
    before = table_counts(services.engine)
    try:
        actor = services.auth.login(args["username"], args["password"], args["workstation"])
    except AuthenticationError as error:
        assert str(error) == "Wrong user name or password."  # the same for every reason
        assert table_counts(services.engine) == before
        assert bad & {"username", "password"}
    else:
        assert is_frozen_record(actor) and actor.username == args["username"].strip()
        services.auth.lock(actor)
        services.auth.logout(actor)


# --- residents ------------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_residents_save_or_refuse(world: World, data: st.DataObject) -> None:
    facilities = [world.facility.id, world.other_facility.id]
    everyone = [r.id for r in world.residents] + [world.other_resident.id]
    step = data.draw(st.sampled_from(["add", "list", "identity", "move_out"]))
    relevant = {
        "add": ("role", "facility_id", "pseudonym", "full_name", "birth_date", "moved_in"),
        "list": ("role", "facility_id"),
        "identity": ("role", "resident_id", "purpose"),
        "move_out": ("role", "resident_id", "moved_out"),
    }[step]
    fields = {
        "role": (st.just(Role.MANAGER), ANY_ROLE),
        "facility_id": (st.sampled_from(facilities), ids(facilities)),
        "pseudonym": (st.from_regex(r"[A-ZÆØÅ]-[0-9]{1,3}", fullmatch=True).map(unique), texts(50)),
        "full_name": (st.one_of(st.just(""), plain_text(max_size=60)), texts()),
        "birth_date": (optional(st.dates(date(1930, 1, 1), date(2008, 1, 1))), days_or_garbage()),
        "moved_in": (optional(st.dates(date(2000, 1, 1), date(2024, 1, 1))), days_or_garbage()),
        "resident_id": (st.sampled_from(everyone), ids(everyone)),
        "purpose": (plain_text(max_size=60), texts()),
        "moved_out": (st.dates(date(2026, 1, 1), date(2026, 11, 1)), days_or_garbage()),
    }
    bad, args = data.draw(partly_hostile({name: fields[name] for name in relevant}, max_bad=2))
    actor, residents = world.actor(args["role"]), world.services.residents
    calls: dict[str, Any] = {
        "add": lambda: residents.add(actor, args["facility_id"], args["pseudonym"],
                                     full_name=args["full_name"], birth_date=args["birth_date"],
                                     moved_in=args["moved_in"]),
        "list": lambda: residents.list(actor, args["facility_id"]),
        "identity": lambda: residents.identity(actor, args["resident_id"], args["purpose"]),
        "move_out": lambda: residents.move_out(
            actor, args["resident_id"], args["moved_out"],
            expected_version=resident_version(world.services, args.get("resident_id"))),
    }
    call = calls[step]
    outcome = attempt(world.services.engine, call,
                      {"facility_id", "pseudonym", "full_name", "birth_date", "moved_in", "purpose",
                       "moved_out", "resident_id"})
    if not bad:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind == "saved" and step == "add":
        assert outcome.value.pseudonym == args["pseudonym"].strip()
    if outcome.kind == "saved" and step == "move_out":
        assert not outcome.value.active and outcome.value.moved_out == args["moved_out"]
    if outcome.kind == "saved" and step == "list":
        assert all(r.facility_id == args["facility_id"] for r in outcome.value)
