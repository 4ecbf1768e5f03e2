"""No silent overwrite anywhere: for every kind of record a person edits, two people read the same
version and both save. Exactly one wins; the other gets ``ConflictError``, and what is stored is
the winner's. First one after the other (the second opened the record before the first saved),
then truly at the same moment from two threads held at the point of writing until both have read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from safetylog.domain.enums import ActionItemStatus, AgreementStatus, Role
from safetylog.domain.errors import ConflictError
from safetylog.domain.records import ActionItemInput, Actor, AgreementInput, MeetingInput
from safetylog.services.settings import IDLE_LOCK_MINUTES, LOCKOUT_AFTER
from tests.conftest import PASSWORD, World
from tests.versions import setting_version, user_version


@dataclass(frozen=True)
class Edit:
    """One record, read once: ``save(who, n)`` saves edit number ``n`` as ``who`` over the version
    read; ``stored()`` says which edit number the database now holds."""

    save: Callable[[Actor, int], Any]
    stored: Callable[[], int]


def _second_login(world: World, role: Role) -> Actor:
    """Another window of the same kind of user: its own login session."""
    return world.services.auth.login(role.value, PASSWORD, workstation="second PC")


def _minutes(world: World) -> tuple[Role, Edit]:
    psp, manager = world.services.psp, world.actor(Role.MANAGER)
    meeting = psp.create_meeting(manager, MeetingInput(date(2026, 11, 3), "Østjylland", (world.facility.id,)))
    texts = ["Referat fra Maja.", "Referat fra Per."]
    return Role.MANAGER, Edit(
        lambda who, n: psp.update_minutes(who, meeting.id, texts[n], expected_version=meeting.version),
        lambda: texts.index(next(m for m in psp.meetings(manager) if m.id == meeting.id).minutes))


def _agreement(world: World) -> tuple[Role, Edit]:
    psp, manager = world.services.psp, world.actor(Role.MANAGER)
    read = psp.save_agreement(manager, AgreementInput(world.facility.id, "Kontakt ved uro"))
    titles = ["Kontakt ved uro om natten", "Kontakt ved uro i weekenden"]

    def save(who: Actor, n: int) -> Any:
        data = AgreementInput(world.facility.id, titles[n], status=AgreementStatus.ACTIVE)
        return psp.save_agreement(who, data, read.id, expected_version=read.version)

    return Role.MANAGER, Edit(
        save, lambda: titles.index(next(a for a in psp.agreements(manager) if a.id == read.id).title))


def _action_status(world: World) -> tuple[Role, Edit]:
    psp, manager = world.services.psp, world.actor(Role.MANAGER)
    read = psp.add_action_item(manager, ActionItemInput("Lys i gården", "Kommunen"))
    statuses = [ActionItemStatus.DONE, ActionItemStatus.CANCELLED]
    return Role.MANAGER, Edit(
        lambda who, n: psp.set_action_status(who, read.id, statuses[n], expected_version=read.version),
        lambda: statuses.index(next(i for i in psp.action_items(manager) if i.id == read.id).status))


def _user_role(world: World) -> tuple[Role, Edit]:
    admin, services = world.services.admin, world.services
    version = user_version(services, "staff")
    roles = [Role.NIGHT_STAFF, Role.MANAGER]
    return Role.ADMIN, Edit(
        lambda who, n: admin.set_role(who, "staff", roles[n], expected_version=version),
        lambda: roles.index(next(u for u in admin.list_users(world.actor(Role.ADMIN))
                                 if u.username == "staff").role))


def _user_facilities_or_deactivate(world: World) -> tuple[Role, Edit]:
    """Two different changes to one user: one administrator widens their facilities while the
    other deactivates them. The second must not act on a user it no longer sees as they are."""
    admin = world.services.admin
    version = user_version(world.services, "staff")
    saves = [lambda who: admin.set_facilities(who, "staff", (world.other_facility.id,),
                                              expected_version=version),
             lambda who: admin.deactivate(who, "staff", expected_version=version)]

    def stored() -> int:
        user = next(u for u in admin.list_users(world.actor(Role.ADMIN)) if u.username == "staff")
        assert user.active == (world.other_facility.id in user.facility_ids)  # never both changes
        return 0 if user.active else 1

    return Role.ADMIN, Edit(lambda who, n: saves[n](who), stored)


def _user_reset_or_unlock(world: World) -> tuple[Role, Edit]:
    admin = world.services.admin
    version = user_version(world.services, "staff")
    saves = [lambda who: admin.reset_password(who, "staff", expected_version=version),
             lambda who: admin.unlock_user(who, "staff", expected_version=version)]

    def stored() -> int:
        user = next(u for u in admin.list_users(world.actor(Role.ADMIN)) if u.username == "staff")
        return 0 if user.must_change_password else 1

    return Role.ADMIN, Edit(lambda who, n: saves[n](who), stored)


def _stored_setting(world: World) -> tuple[Role, Edit]:
    settings, admin = world.services.settings, world.actor(Role.ADMIN)
    settings.set(admin, IDLE_LOCK_MINUTES, 12, expected_version=0)  # its first save
    version = setting_version(world.services, IDLE_LOCK_MINUTES)
    values = [5, 20]
    return Role.ADMIN, Edit(
        lambda who, n: settings.set(who, IDLE_LOCK_MINUTES, values[n], expected_version=version),
        lambda: values.index(int(settings.get(IDLE_LOCK_MINUTES))))


def _first_setting(world: World) -> tuple[Role, Edit]:
    """A setting never saved has no row: both read version 0, and both would insert it."""
    settings = world.services.settings
    assert setting_version(world.services, LOCKOUT_AFTER) == 0
    values = [6, 8]
    return Role.ADMIN, Edit(
        lambda who, n: settings.set(who, LOCKOUT_AFTER, values[n], expected_version=0),
        lambda: values.index(int(settings.get(LOCKOUT_AFTER))))


def _resident_move_out(world: World) -> tuple[Role, Edit]:
    residents, manager = world.services.residents, world.actor(Role.MANAGER)
    read = world.residents[1]
    days = [date(2026, 11, 1), date(2026, 11, 2)]
    return Role.MANAGER, Edit(
        lambda who, n: residents.move_out(who, read.id, days[n], expected_version=read.version),
        lambda: days.index(next(r.moved_out for r in residents.list(manager, include_inactive=True)
                                if r.id == read.id and r.moved_out is not None)))


def _cooperation_note(world: World) -> tuple[Role, Edit]:
    """The coordinator's note, corrected by them in two windows at once."""
    psp, coordinator = world.services.psp, world.actor(Role.PSP_COORDINATOR)
    read = psp.add_note(coordinator, world.facility.id, "Politiet kører forbi om aftenen.")
    texts = ["Politiet kører forbi hver aften.", "Politiet kører forbi i weekenden."]
    return Role.PSP_COORDINATOR, Edit(
        lambda who, n: psp.edit_note(who, read.id, texts[n], expected_version=read.version),
        lambda: texts.index(next(n for n in psp.notes(coordinator, world.facility.id)
                                 if n.id == read.id).text))


def _facility(world: World) -> tuple[Role, Edit]:
    admin, read = world.services.admin, world.other_facility
    names = [("Skovbrynet Øst", "Aarhus"), ("Skovbrynet Vest", "Skanderborg")]
    return Role.ADMIN, Edit(
        lambda who, n: admin.edit_facility(who, read.id, *names[n], expected_version=read.version),
        lambda: names.index(next((f.name, f.municipality) for f in admin.list_facilities(
            world.actor(Role.ADMIN)) if f.id == read.id)))


def _place_rename_or_retire(world: World) -> tuple[Role, Edit]:
    """One administrator renames the place while the other retires it under its old name."""
    admin, read = world.services.admin, world.zone
    saves = [lambda who: admin.edit_zone(who, read.id, "Dagligstuen", read.kind,
                                         expected_version=read.version),
             lambda who: admin.edit_zone(who, read.id, read.name, read.kind, active=False,
                                         expected_version=read.version)]

    def stored() -> int:
        zone = next(z for z in admin.list_zones(world.actor(Role.ADMIN), read.facility_id)
                    if z.id == read.id)
        assert zone.active == (zone.name == "Dagligstuen")  # never both changes
        return 0 if zone.active else 1

    return Role.ADMIN, Edit(lambda who, n: saves[n](who), stored)


KINDS: dict[str, Callable[[World], tuple[Role, Edit]]] = {
    "psp minutes": _minutes,
    "police agreement": _agreement,
    "action item status": _action_status,
    "user role": _user_role,
    "user facilities / deactivate": _user_facilities_or_deactivate,
    "user reset / unlock": _user_reset_or_unlock,
    "setting": _stored_setting,
    "setting never saved": _first_setting,
    "resident move-out": _resident_move_out,
    "cooperation note": _cooperation_note,
    "facility": _facility,
    "place rename / retire": _place_rename_or_retire,
}


def _one_wins(results: list[Any]) -> int:
    """The index of the one call that saved; every other one was refused as a conflict."""
    conflicts = [i for i, r in enumerate(results) if isinstance(r, ConflictError)]
    winners = [i for i, r in enumerate(results) if not isinstance(r, ConflictError)]
    assert len(conflicts) == 1 and len(winners) == 1, results
    return winners[0]


@pytest.mark.parametrize("kind", list(KINDS))
def test_one_after_the_other_the_second_save_conflicts(world: World, kind: str) -> None:
    role, edit = KINDS[kind](world)
    first, second = world.actor(role), _second_login(world, role)
    edit.save(first, 0)
    with pytest.raises(ConflictError) as caught:
        edit.save(second, 1)
    assert "changed by someone else" in str(caught.value) and "Reload" in str(caught.value)
    assert edit.stored() == 0


# --- at the same moment ---------------------------------------------------------------------------

# The same harness as tests/services/test_conflicts.py: each thread is held before its first
# write until all have read, so both pass the version check and the database must pick one.
InStep = Callable[[list[Callable[[], Any]]], list[Any]]


@pytest.fixture
def in_step(world: World) -> Iterator[InStep]:
    racing = threading.local()
    barrier: list[threading.Barrier] = []

    def hold(session: Session, _context: Any, _instances: Any) -> None:
        if getattr(racing, "waiting", False):
            racing.waiting = False
            barrier[0].wait(timeout=20)

    event.listen(world.services.session_factory, "before_flush", hold)

    def run(calls: list[Callable[[], Any]]) -> list[Any]:
        barrier[:] = [threading.Barrier(len(calls))]

        def one(call: Callable[[], Any]) -> Any:
            racing.waiting = True
            try:
                return call()
            except ConflictError as conflict:
                return conflict

        with ThreadPoolExecutor(len(calls)) as pool:
            return list(pool.map(one, calls))

    yield run
    event.remove(world.services.session_factory, "before_flush", hold)


@pytest.mark.parametrize("kind", list(KINDS))
def test_at_the_same_moment_exactly_one_save_wins(world: World, in_step: InStep, kind: str) -> None:
    role, edit = KINDS[kind](world)
    who = [world.actor(role), _second_login(world, role)]
    # Both sessions are checked (the login) before the race: the threads then only read and write.
    winner = _one_wins(in_step([lambda: edit.save(who[0], 0), lambda: edit.save(who[1], 1)]))
    assert edit.stored() == winner
