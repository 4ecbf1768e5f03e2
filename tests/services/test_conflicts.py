"""Two people change the same record: the second gets a conflict, never a silent overwrite.

First as it happens on one office PC after another (the second opened the record before the first
saved), then truly at the same moment from two threads, each with its own database connection,
held at the point of writing until both have read the record.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from safetylog.classification.duties import DutyState
from safetylog.domain.enums import ActionItemStatus, IncidentStatus, Role, Severity
from safetylog.domain.errors import ConflictError
from safetylog.domain.records import ActionItemInput, IncidentDetail, TypeChoice
from safetylog.services.container import Services
from tests.conftest import World
from tests.factories import incident_input


@pytest.fixture
def opened(world: World) -> IncidentDetail:
    """An incident as two managers' windows both show it: same id, same version."""
    detail = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    return world.services.incidents.get(world.actor(Role.MANAGER), detail.id)


def _versions(world: World, incident_id: int) -> list[str]:
    detail = world.services.incidents.get(world.actor(Role.MANAGER), incident_id)
    return [v.kind.value for v in detail.versions]


# --- one after the other ----------------------------------------------------------------------


def test_a_stale_correction_is_refused_and_the_first_stays(world: World, opened: IncidentDetail) -> None:
    manager = world.actor(Role.MANAGER)
    first = world.services.incidents.correct(
        manager, opened.id, incident_input(world, narrative="Første rettelse."), reason="A",
        expected_version=opened.version)
    with pytest.raises(ConflictError) as caught:
        world.services.incidents.correct(
            world.actor(Role.STAFF), opened.id, incident_input(world, narrative="Anden rettelse."),
            reason="B", expected_version=opened.version)
    assert "Reload" in str(caught.value)
    now = world.services.incidents.get(manager, opened.id)
    assert now.narrative == "Første rettelse."
    assert now.version == first.version
    assert _versions(world, opened.id) == ["original", "correction"]


def test_a_version_that_changes_no_field_still_moves_the_record_version(world: World,
                                                                       opened: IncidentDetail) -> None:
    """Reclassifying under the same rules changes nothing but is kept in the history: the record's
    version must move with it, or a second PC holding the old version would not be stopped."""
    manager, incidents = world.actor(Role.MANAGER), world.services.incidents
    again = incidents.reclassify(manager, opened.id, reason="Kontrol", expected_version=opened.version)
    assert again.version == opened.version + 1
    assert [v.number for v in again.versions] == [1, 2]
    with pytest.raises(ConflictError):
        incidents.correct(manager, opened.id, incident_input(world), reason="Samme indhold",
                          expected_version=opened.version)
    same = incidents.correct(manager, opened.id, incident_input(world, occurred_start=opened.occurred_start),
                             reason="Samme indhold", expected_version=again.version)
    assert same.version == again.version + 1 and len(same.versions) == 3


@pytest.mark.parametrize("second", ["override", "reclassify", "sign_off"])
def test_every_change_to_a_stale_incident_is_refused(world: World, opened: IncidentDetail,
                                                      second: str) -> None:
    manager, incidents = world.actor(Role.MANAGER), world.services.incidents
    incidents.override_severity(manager, opened.id, Severity.S4, reason="Kniv",
                                expected_version=opened.version)
    stale: dict[str, Callable[[], Any]] = {
        "override": lambda: incidents.override_severity(manager, opened.id, Severity.S1, reason="Mild",
                                                        expected_version=opened.version),
        "reclassify": lambda: incidents.reclassify(manager, opened.id, reason="Ny version",
                                                   expected_version=opened.version),
        "sign_off": lambda: incidents.sign_off(manager, opened.id, expected_version=opened.version),
    }
    with pytest.raises(ConflictError):
        stale[second]()
    now = incidents.get(manager, opened.id)
    assert now.severity is Severity.S4 and now.severity_override_reason == "Kniv"
    assert now.status is IncidentStatus.SUBMITTED
    assert _versions(world, opened.id) == ["original", "reclassification"]


def test_a_stale_duty_update_is_refused_and_the_first_stays(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    incident = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(
        world, types=(TypeChoice("POL-RPT"),)))
    duty = world.services.duties.find(manager, incident_id=incident.id)[0]
    world.services.duties.update(manager, duty.id, {"note": "Anmeldt i dag"}, expected_version=duty.version)
    with pytest.raises(ConflictError):
        world.services.duties.update(manager, duty.id, {"note": "Ikke anmeldt"},
                                     expected_version=duty.version, state=DutyState.NOT_REQUIRED,
                                     reason="Fejl")
    now = world.services.duties.get(manager, duty.id)
    assert now.details["note"] == "Anmeldt i dag"
    assert now.state == DutyState.IN_PROGRESS.value


def test_a_stale_action_item_status_is_refused_and_the_first_stays(world: World) -> None:
    coordinator, psp = world.actor(Role.PSP_COORDINATOR), world.services.psp
    item = psp.add_action_item(coordinator, ActionItemInput("Lys i gården", "Kommunen"))
    version = _item_version(world, item.id)
    psp.set_action_status(coordinator, item.id, ActionItemStatus.DONE, expected_version=version)
    with pytest.raises(ConflictError):
        psp.set_action_status(world.actor(Role.MANAGER), item.id, ActionItemStatus.CANCELLED,
                              expected_version=version)
    [now] = [i for i in psp.action_items(coordinator) if i.id == item.id]
    assert now.status is ActionItemStatus.DONE and now.closed_at is not None


def _item_version(world: World, item_id: int) -> int:
    from safetylog.storage.models import PspActionItem

    with world.services.session_factory() as session:
        item = session.get(PspActionItem, item_id)
        assert item is not None
        return item.version


# --- at the same moment ---------------------------------------------------------------------------


InStep = Callable[[list[Callable[[], Any]]], list[Any]]


@pytest.fixture
def in_step(world: World) -> Iterator[InStep]:
    """Run calls in parallel threads, each held before its first write until all have read."""
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


def _one_wins(results: list[Any]) -> Any:
    conflicts = [r for r in results if isinstance(r, ConflictError)]
    winners = [r for r in results if not isinstance(r, ConflictError)]
    assert len(conflicts) == 1 and len(winners) == 1, results
    return winners[0]


def test_two_simultaneous_corrections_one_wins_one_conflicts(world: World, opened: IncidentDetail,
                                                             in_step: InStep) -> None:
    services: Services = world.services

    def correct(narrative: str, role: Role) -> Callable[[], Any]:
        return lambda: services.incidents.correct(
            world.actor(role), opened.id, incident_input(world, narrative=narrative), reason=narrative,
            expected_version=opened.version)

    winner = _one_wins(in_step([correct("Udgave A.", Role.MANAGER), correct("Udgave B.", Role.STAFF)]))
    now = services.incidents.get(world.actor(Role.MANAGER), opened.id)
    assert now.narrative == winner.narrative
    assert now.version == opened.version + 1
    assert _versions(world, opened.id) == ["original", "correction"]


def test_two_simultaneous_duty_updates_one_wins_one_conflicts(world: World, in_step: InStep) -> None:
    manager = world.actor(Role.MANAGER)
    incident = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(
        world, types=(TypeChoice("POL-RPT"),)))
    duty = world.services.duties.find(manager, incident_id=incident.id)[0]

    def note(text: str) -> Callable[[], Any]:
        return lambda: world.services.duties.update(manager, duty.id, {"note": text},
                                                    expected_version=duty.version)

    winner = _one_wins(in_step([note("Første"), note("Anden")]))
    assert world.services.duties.get(manager, duty.id).details["note"] == winner.details["note"]


def test_two_simultaneous_action_item_changes_one_wins_one_conflicts(world: World,
                                                                    in_step: InStep) -> None:
    coordinator, psp = world.actor(Role.PSP_COORDINATOR), world.services.psp
    item = psp.add_action_item(coordinator, ActionItemInput("Kameraer ved indgangen", "Politiet"))
    version = _item_version(world, item.id)

    def status(value: ActionItemStatus, role: Role) -> Callable[[], Any]:
        return lambda: psp.set_action_status(world.actor(role), item.id, value, expected_version=version)

    winner = _one_wins(in_step([status(ActionItemStatus.DONE, Role.PSP_COORDINATOR),
                                status(ActionItemStatus.CANCELLED, Role.MANAGER)]))
    [now] = [i for i in psp.action_items(coordinator) if i.id == item.id]
    assert now.status is winner.status
