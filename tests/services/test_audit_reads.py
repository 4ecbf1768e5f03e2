"""Every read names every resident it concerns: one audit row per read, whose ``audit_subjects``
are the residents of everything the read returned (security § 4). One test per service family."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from safetylog.domain.enums import DrugActivity, PersonRole, Role
from safetylog.domain.records import (
    BvcInput,
    DrugObservation,
    IncidentFilter,
    InvolvedResident,
    MeetingInput,
    TypeChoice,
)
from safetylog.domain.timeutil import COPENHAGEN, utcnow
from safetylog.services.reports import ReportRequest
from safetylog.storage.models import AuditRow, AuditSubject
from tests.conftest import World
from tests.factories import incident_input

M, S = Role.MANAGER, Role.STAFF


def _last(world: World) -> tuple[str, str, set[int]]:
    """(action, entity, residents named) of the newest audit row."""
    with world.services.engine.connect() as conn:
        last = conn.scalar(select(func.max(AuditRow.id)))
        action, entity = conn.execute(select(AuditRow.action, AuditRow.entity)
                                      .where(AuditRow.id == last)).one()
        named = set(conn.scalars(select(AuditSubject.resident_id).where(AuditSubject.audit_id == last)))
    return action, entity, named


def _both(world: World) -> set[int]:
    return {world.residents[0].id, world.residents[1].id}


def _incident(world: World, *, both: bool = True, **changes: object) -> int:
    people: tuple[InvolvedResident, ...] = (InvolvedResident(world.residents[0].id, PersonRole.AGGRESSOR),)
    if both:
        people += (InvolvedResident(world.residents[1].id, PersonRole.VICTIM),)
    changes.setdefault("residents", people)
    return world.services.incidents.submit(world.actor(S), incident_input(world, **changes)).id


def test_incident_detail_names_every_resident_involved(world: World) -> None:
    incident = _incident(world)
    assert _last(world) == ("create", "incident", _both(world))
    world.services.incidents.get(world.actor(M), incident)
    assert _last(world) == ("read", "incident", _both(world))


def test_a_correction_names_who_was_and_who_is_involved(world: World) -> None:
    incident = _incident(world, both=False)
    manager = world.actor(M)
    version = world.services.incidents.get(manager, incident).version
    world.services.incidents.correct(manager, incident, incident_input(world, residents=(
        InvolvedResident(world.residents[1].id, PersonRole.AGGRESSOR),)), reason="Forkert beboer",
        expected_version=version)
    assert _last(world) == ("update", "incident", _both(world))


def test_every_incident_page_names_the_residents_on_it(world: World) -> None:
    _incident(world, both=False)
    _incident(world, both=False, occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=5),
              residents=(InvolvedResident(world.residents[1].id, PersonRole.INVOLVED),))
    manager = world.actor(M)
    first = world.services.queries.page(manager, limit=1)
    assert _last(world) == ("search", "incident", {world.residents[0].id})
    world.services.queries.page(manager, after=first.next_cursor, limit=1)
    assert _last(world) == ("read", "incident", {world.residents[1].id})
    world.services.queries.count(manager, IncidentFilter(resident_id=world.residents[1].id))
    assert _last(world) == ("search", "incident_count", {world.residents[1].id})


def test_duty_reads_name_the_residents_of_their_incidents(world: World) -> None:
    incident = _incident(world, types=(TypeChoice("POL-RPT"),))
    manager = world.actor(M)
    duty = world.services.duties.find(manager, incident_id=incident)[0]
    assert _last(world) == ("read", "duty", _both(world))
    world.services.duties.get(manager, duty.id)
    assert _last(world) == ("read", "duty", _both(world))
    world.services.duties.overdue(manager)
    assert _last(world)[:2] == ("read", "duty")
    world.services.incidents.duties(manager)
    assert _last(world) == ("read", "duty", _both(world))


def test_psp_reads_are_audited_and_disclosures_name_the_residents(world: World) -> None:
    coordinator = world.actor(Role.PSP_COORDINATOR)
    meeting = world.services.psp.create_meeting(
        coordinator, MeetingInput(date(2026, 10, 1), "Østjyllands Politi", (world.facility.id,)))
    world.services.psp.decide_disclosure(coordinator, world.residents[1].id, meeting.id,
                                         necessity_note="Gentagne trusler mod naboer")
    world.services.psp.disclosures(coordinator, meeting.id)
    assert _last(world) == ("read", "psp_disclosure", {world.residents[1].id})
    world.services.psp.agreements(coordinator)
    assert _last(world) == ("read", "psp_agreement", set())
    world.services.psp.action_items(coordinator)
    assert _last(world) == ("read", "psp_action_item", set())


def test_report_reads_and_exports_name_the_listed_residents(world: World, tmp_path: Path) -> None:
    _incident(world)
    manager = world.actor(M)
    today = utcnow().astimezone(COPENHAGEN).date()
    month = ReportRequest.month(today.year, today.month)
    world.services.reports.summary(manager, month)
    assert _last(world) == ("read", "report_summary", set())
    world.services.reports.monthly(manager, month)
    assert _last(world) == ("read", "report_monthly", _both(world))
    world.services.reports.export_records(manager, month, report="monthly", fmt="csv",
                                          target=tmp_path / "m.csv")
    assert _last(world) == ("export", "records_monthly", _both(world))
    world.services.reports.export_records(manager, month, report="psp_internal", fmt="csv",
                                          target=tmp_path / "p.csv")
    assert _last(world) == ("export", "records_psp_internal", set())  # no pseudonyms in it


def test_brøset_notices_name_the_residents_at_high_risk(world: World) -> None:
    staff, manager = world.actor(S), world.actor(M)
    for resident in world.residents:
        world.services.bvc.record(staff, BvcInput(resident.id, utcnow() - timedelta(hours=1),
                                                  confused=True, irritable=True, boisterous=True))
    world.services.bvc.high_risk_notices(manager)
    assert _last(world) == ("read", "bvc_assessment", _both(world))


def test_drug_observation_pages_name_the_residents_on_them(world: World) -> None:
    _incident(world, types=(TypeChoice("DRG-DEAL"),),
              drug=DrugObservation(activities=(DrugActivity.SALE,), substances=("hash",)))
    world.services.drug_patterns.observations(world.actor(M))
    assert _last(world) == ("search", "drug_observation", _both(world))


def test_the_resident_list_names_every_resident_listed(world: World) -> None:
    world.services.residents.list(world.actor(S), world.facility.id)
    assert _last(world) == ("read", "resident", _both(world))


def test_a_database_export_names_every_resident(world: World) -> None:
    world.services.exchange.export_document(world.actor(Role.ADMIN))
    assert _last(world) == ("export", "database", _both(world) | {world.other_resident.id})
