"""Shared set-up for the view and model tests: a UI context per role, seeded incidents, Danish.

Imported by ``tests/ui/test_views_*.py`` and ``tests/ui/test_models_*.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

from pytestqt.qtbot import QtBot

from safetylog.domain.enums import DrugActivity, PersonRole, Role
from safetylog.domain.records import (
    DrugObservation,
    IncidentDetail,
    IncidentInput,
    InvolvedResident,
    PoliceContact,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN
from tests.conftest import World
from ui.context import UiContext
from ui.tasks import TaskRunner

# (types, narrative, hours ago): varied enough to filter, search and sort on.
SEED = (
    ((TypeChoice("VIO-THR", "weapon"),), "B-101 truede personalet med en knust flaske.", 2),
    ((TypeChoice("VIO-VRB"),), "B-102 råbte og skældte ud i fællesstuen.", 30),
    ((TypeChoice("DRG-DEAL"),), "Mistanke om salg af hash ved indgangen; en sort Audi holdt.", 50),
    ((TypeChoice("VIO-PHY", "staff"), TypeChoice("POL-CALL")), "B-101 slog en medarbejder.", 80),
    ((TypeChoice("HUS"),), "Høj musik om natten.", 400),
)


def incident(world: World, types: tuple[TypeChoice, ...], narrative: str, hours_ago: float,
             **changes: object) -> IncidentInput:
    base = IncidentInput(
        facility_id=world.facility.id,
        occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=hours_ago),
        types=types, narrative=narrative, zone_id=world.zone.id,
        residents=(InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),),
    )
    if any(t.code.startswith("DRG") for t in types):
        base = replace(base, drug=DrugObservation(
            activities=(DrugActivity.SALE,), substances=("hash",), sellers_count=1, buyers_count=2,
            vehicles="sort Audi", outsiders_on_premises=True))
    if any(t.code.startswith("POL") for t in types):
        base = replace(base, police=PoliceContact(called=True, journal_no="0100-12345-00001-26"))
    return replace(base, **changes)  # type: ignore[arg-type]


def seed_incidents(world: World, role: Role = Role.STAFF) -> list[IncidentDetail]:
    """The five SEED incidents, submitted by ``role``; returned newest first."""
    actor = world.actor(role)
    details = [world.services.incidents.submit(actor, incident(world, *spec)) for spec in SEED]
    return sorted(details, key=lambda d: d.occurred_start, reverse=True)


def context(world: World, role: Role) -> UiContext:
    return UiContext(world.services, actor=world.actor(role), language="da")


def task_runner() -> Iterator[TaskRunner]:
    """Body of each test module's ``tasks`` fixture: a runner whose threads finish before teardown."""
    runner = TaskRunner()
    yield runner
    runner.wait_all()


def settle(qtbot: QtBot, tasks: TaskRunner, timeout: int = 10_000) -> None:
    """Wait until every background job has reported back on the GUI thread."""
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=timeout)


def danish_translations() -> Iterator[None]:
    """Body of a ``danish`` fixture: the app's Danish catalogues installed, as the app does."""
    from ui.i18n import Translations

    translations = Translations()
    translations.set_language("da")
    yield
    translations.set_language("en")
