"""Who may do what, enforced by the services themselves (not by the windows that call them).

The table below is the policy written out by hand, one line per public service call that needs a
permission: the roles that may make it. Every role makes every call with valid arguments; an
allowed call must succeed, any other must raise ``PermissionDenied`` and change nothing. A second
test checks that the table and ``ROLE_PERMISSIONS`` tell the same story.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from safetylog.domain.enums import ActionItemStatus, Measure, Role, Severity, ZoneKind
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import (
    ActionItemInput,
    AgreementInput,
    AuditQuery,
    BvcInput,
    MeetingInput,
    TypeChoice,
)
from safetylog.domain.timeutil import utcnow
from safetylog.services.permissions import ROLE_PERMISSIONS, Permission
from safetylog.services.reports import ReportRequest
from tests.conftest import PASSWORD, World
from tests.factories import incident_input, table_counts
from tests.versions import (
    facility_version,
    meeting_version,
    resident_version,
    setting_version,
    user_version,
    zone_version,
)

NS, S, M, P, A = Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER, Role.PSP_COORDINATOR, Role.ADMIN
D = Role.DPO
AUDITORS = frozenset({A, D})  # those who read the audit log
EVERYONE = frozenset(Role)
FRONTLINE = frozenset({NS, S, M})  # those who write incidents
READERS = frozenset({NS, S, M, P})  # those who read incidents
PSP = frozenset({M, P})


@dataclass
class RoomyWorld(World):
    """The world and what some calls need besides: a folder for the files the exports write, and
    a counter by which the password goes back and forth."""

    tmp: Path = Path()
    changes: Iterator[int] = field(default_factory=lambda: itertools.count(1))


@dataclass(frozen=True)
class Op:
    name: str
    allowed: frozenset[Role]
    call: Callable[[RoomyWorld, Any, Any], object]  # (world, actor, prepared) -> result
    prepare: Callable[[RoomyWorld], Any] = lambda world: None  # done by a privileged user first
    permission: Permission | None = None  # the permission the call needs, if it is one alone


def _incident(world: World, role: Role = S, **changes: Any) -> Any:
    return world.services.incidents.submit(world.actor(role), incident_input(world, **changes))


def _duty(world: World) -> Any:
    """An incident with a police report duty (POL-RPT), returned as its duty record."""
    incident = _incident(world, types=(TypeChoice("POL-RPT"),))
    return world.services.duties.find(world.actor(M), incident_id=incident.id)[0]


def _force_case(world: World) -> Any:
    """A use-of-force duty: a § 124 d hold."""
    incident = _incident(world, types=(TypeChoice("FRC"),), measures=(Measure.HOLD_124D,))
    [duty] = [d for d in world.services.duties.find(world.actor(M), incident_id=incident.id)
              if d.kind == "force_case"]
    return duty


def _meeting(world: World) -> Any:
    return world.services.psp.create_meeting(
        world.actor(P), MeetingInput(date(2026, 10, 1), "Østjyllands Politi", (world.facility.id,)))


def _temp_user(world: World) -> str:
    name = f"vikar{len(world.services.admin.list_users(world.actor(A)))}"
    world.services.admin.create_user(world.actor(A), name, "Vikar", PASSWORD, S, (world.facility.id,))
    return name


def _month() -> ReportRequest:
    today = utcnow().date()
    return ReportRequest.month(today.year, today.month, language="da")


def _pdf(_data: object) -> bytes:
    return b"%PDF-1.4 test"


OPS: tuple[Op, ...] = (
    # --- incidents ---
    Op("incidents.submit", FRONTLINE, lambda w, a, _: w.services.incidents.submit(a, incident_input(w)),
       permission=Permission.INCIDENT_CREATE),
    Op("incidents.save_draft", FRONTLINE,
       lambda w, a, _: w.services.incidents.save_draft(a, {"narrative": "kladde"}),
       permission=Permission.INCIDENT_CREATE),
    Op("incidents.get", FRONTLINE, lambda w, a, i: w.services.incidents.get(a, i.id), _incident,
       Permission.INCIDENT_NARRATIVE),  # the PSP coordinator reads no narratives
    Op("incidents.correct someone else's", frozenset({M}),
       lambda w, a, i: w.services.incidents.correct(
           a, i.id, incident_input(w, narrative="Rettet."), reason="Fejl", expected_version=i.version),
       lambda w: _incident(w, M), Permission.INCIDENT_CORRECT),  # the manager's own: no one else's
    Op("incidents.reclassify", frozenset({M}),
       lambda w, a, i: w.services.incidents.reclassify(a, i.id, reason="Ny taksonomi",
                                                       expected_version=i.version),
       _incident, Permission.INCIDENT_CORRECT),
    Op("incidents.override_severity", frozenset({M}),
       lambda w, a, i: w.services.incidents.override_severity(a, i.id, Severity.S4, reason="Våben",
                                                              expected_version=i.version),
       _incident, Permission.INCIDENT_OVERRIDE_SEVERITY),
    Op("incidents.add_addendum", FRONTLINE,
       lambda w, a, i: w.services.incidents.add_addendum(a, i.id, "Tilføjelse"), _incident,
       Permission.INCIDENT_ADDENDUM),
    Op("incidents.add_addendum review_note", frozenset({M}),
       lambda w, a, i: w.services.incidents.add_addendum(a, i.id, "Set", "review_note"), _incident,
       Permission.INCIDENT_REVIEW),
    Op("incidents.sign_off", frozenset({M}),
       lambda w, a, i: w.services.incidents.sign_off(a, i.id, expected_version=i.version), _incident,
       Permission.INCIDENT_REVIEW),
    Op("incidents.duties", READERS, lambda w, a, _: w.services.incidents.duties(a),
       permission=Permission.DUTY_READ),
    Op("queries.page", READERS, lambda w, a, _: w.services.queries.page(a),
       permission=Permission.INCIDENT_READ),
    Op("queries.count", READERS, lambda w, a, _: w.services.queries.count(a),
       permission=Permission.INCIDENT_READ),
    Op("drug_patterns.observations", READERS, lambda w, a, _: w.services.drug_patterns.observations(a),
       permission=Permission.INCIDENT_READ),
    Op("drug_patterns.pattern", READERS, lambda w, a, _: w.services.drug_patterns.pattern(a),
       permission=Permission.INCIDENT_READ),
    # --- residents ---
    Op("residents.add", frozenset({M, A}),
       lambda w, a, _: w.services.residents.add(a, w.facility.id, "B-999", display_name="Bent"),
       permission=Permission.RESIDENT_MANAGE),
    Op("residents.set_display_name", frozenset({M, A}),
       lambda w, a, _: w.services.residents.set_display_name(
           a, w.residents[0].id, "Jens", expected_version=resident_version(w.services, w.residents[0].id)),
       permission=Permission.RESIDENT_MANAGE),
    # An administrator lists pseudonyms to administer them (RESIDENT_MANAGE), never display names.
    Op("residents.list", READERS | {A},
       lambda w, a, _: w.services.residents.list(a, w.facility.id, with_display_names=True)),
    Op("residents.identity", frozenset({M}),
       lambda w, a, _: w.services.residents.identity(a, w.residents[0].id, "Kontakt til pårørende"),
       permission=Permission.RESIDENT_IDENTITY),
    Op("residents.move_out", frozenset({M, A}),
       lambda w, a, _: w.services.residents.move_out(
           a, w.residents[1].id, date(2026, 11, 1),
           expected_version=resident_version(w.services, w.residents[1].id)),
       permission=Permission.RESIDENT_MANAGE),
    # --- Brøset ---
    Op("bvc.record", FRONTLINE,
       lambda w, a, _: w.services.bvc.record(a, BvcInput(w.residents[0].id, utcnow(), irritable=True)),
       permission=Permission.BVC_RECORD),
    Op("bvc.latest", READERS, lambda w, a, _: w.services.bvc.latest(a, w.residents[0].id),
       permission=Permission.RESIDENT_READ),
    Op("bvc.history", READERS, lambda w, a, _: w.services.bvc.history(a, w.residents[0].id),
       permission=Permission.RESIDENT_READ),
    Op("bvc.high_risk_notices", frozenset({M}), lambda w, a, _: w.services.bvc.high_risk_notices(a),
       permission=Permission.INCIDENT_REVIEW),
    # --- duties ---
    Op("duties.find", READERS, lambda w, a, _: w.services.duties.find(a), permission=Permission.DUTY_READ),
    Op("duties.overdue", READERS, lambda w, a, _: w.services.duties.overdue(a),
       permission=Permission.DUTY_READ),
    Op("duties.get", READERS, lambda w, a, d: w.services.duties.get(a, d.id), _duty, Permission.DUTY_READ),
    Op("duties.update a manager's field", frozenset({M}),
       lambda w, a, d: w.services.duties.update(a, d.id, {"note": "Anmeldt"}, expected_version=d.version),
       _duty, Permission.DUTY_UPDATE),
    Op("duties.update: staff record their own force registration", FRONTLINE,
       lambda w, a, d: w.services.duties.update(a, d.id, {"registered_at": utcnow()},
                                                expected_version=d.version), _force_case),
    # --- PSP ---
    Op("psp.create_meeting", PSP, lambda w, a, _: w.services.psp.create_meeting(
        a, MeetingInput(date(2026, 11, 5), "Politikreds", (w.facility.id,))),
       permission=Permission.PSP_MANAGE),
    Op("psp.update_minutes", PSP, lambda w, a, m: w.services.psp.update_minutes(
        a, m.id, "Referat", expected_version=meeting_version(w.services, m.id)),
       _meeting, Permission.PSP_MANAGE),
    Op("psp.meetings", PSP, lambda w, a, _: w.services.psp.meetings(a), permission=Permission.PSP_READ),
    Op("psp.save_agreement", PSP, lambda w, a, _: w.services.psp.save_agreement(
        a, AgreementInput(w.facility.id, "Kontaktaftale")), permission=Permission.PSP_MANAGE),
    Op("psp.agreements", PSP, lambda w, a, _: w.services.psp.agreements(a), permission=Permission.PSP_READ),
    Op("psp.add_note", PSP, lambda w, a, _: w.services.psp.add_note(a, w.facility.id, "Godt samarbejde"),
       permission=Permission.PSP_MANAGE),
    Op("psp.edit_note of the coordinator's note", PSP, lambda w, a, note: w.services.psp.edit_note(
        a, note.id, "Rettet note", expected_version=note.version),
       lambda w: w.services.psp.add_note(w.actor(P), w.facility.id, "Godt samarbejde"),
       Permission.PSP_MANAGE),  # its author, and a manager
    Op("psp.notes", PSP, lambda w, a, _: w.services.psp.notes(a, w.facility.id),
       permission=Permission.PSP_READ),
    Op("psp.add_action_item", PSP, lambda w, a, _: w.services.psp.add_action_item(
        a, ActionItemInput("Lys i gården", "Kommunen")), permission=Permission.PSP_MANAGE),
    Op("psp.set_action_status", PSP,
       lambda w, a, item: w.services.psp.set_action_status(a, item.id, ActionItemStatus.DONE,
                                                           expected_version=item.version),
       lambda w: w.services.psp.add_action_item(w.actor(P), ActionItemInput("Lys", "Kommunen")),
       Permission.PSP_MANAGE),
    Op("psp.action_items", PSP, lambda w, a, _: w.services.psp.action_items(a),
       permission=Permission.PSP_READ),
    Op("psp.decide_disclosure", PSP, lambda w, a, m: w.services.psp.decide_disclosure(
        a, w.residents[0].id, m.id, necessity_note="Gentagne trusler mod naboer"), _meeting,
       Permission.PSP_DISCLOSE),
    Op("psp.disclosures", PSP, lambda w, a, m: w.services.psp.disclosures(a, m.id), _meeting,
       Permission.PSP_READ),
    # --- reports ---
    Op("reports.summary", frozenset({S, M, P}), lambda w, a, _: w.services.reports.summary(a, _month()),
       permission=Permission.INCIDENT_READ_ALL_TIME),
    Op("reports.monthly", PSP, lambda w, a, _: w.services.reports.monthly(a, _month()),
       permission=Permission.REPORT_EXPORT),
    Op("reports.psp_pack", PSP, lambda w, a, _: w.services.reports.psp_pack(a, _month())),
    Op("reports.export_monthly", PSP, lambda w, a, path: w.services.reports.export_monthly(
        a, _month(), _pdf, path / "maaned.pdf"), lambda w: w.tmp, Permission.REPORT_EXPORT),
    Op("reports.export_psp", PSP, lambda w, a, path: w.services.reports.export_psp(
        a, _month(), _pdf, path / "psp.pdf"), lambda w: w.tmp),
    Op("reports.export_records", PSP, lambda w, a, path: w.services.reports.export_records(
        a, _month(), report="monthly", fmt="csv", target=path / "maaned.csv"), lambda w: w.tmp,
       Permission.REPORT_EXPORT),
    Op("reports.export_psp_tables", PSP, lambda w, a, path: w.services.reports.export_psp_tables(
        a, _month(), _pdf, path / "psp.csv"), lambda w: w.tmp),
    # The row-level list behind a PSP pack is for a manager's own checking, not the coordinator's.
    Op("reports.export_records psp_internal", frozenset({M}),
       lambda w, a, path: w.services.reports.export_records(
           a, _month(), report="psp_internal", fmt="csv", target=path / "intern.csv"), lambda w: w.tmp,
       Permission.INCIDENT_REVIEW),
    # --- administration ---
    Op("admin.create_facility", frozenset({A}),
       lambda w, a, _: w.services.admin.create_facility(a, "NYT", "Nyt bosted"),
       permission=Permission.FACILITY_MANAGE),
    Op("admin.add_zone", frozenset({A}), lambda w, a, _: w.services.admin.add_zone(
        a, w.facility.id, "GAARD", "Gården", ZoneKind.OUTDOOR), permission=Permission.FACILITY_MANAGE),
    Op("admin.edit_facility", frozenset({A}), lambda w, a, _: w.services.admin.edit_facility(
        a, w.other_facility.id, "Skovbrynet",
        expected_version=facility_version(w.services, w.other_facility.id)),
       permission=Permission.FACILITY_MANAGE),
    Op("admin.edit_zone", frozenset({A}), lambda w, a, _: w.services.admin.edit_zone(
        a, w.zone.id, "Fællesstue", ZoneKind.COMMON_AREA,
        expected_version=zone_version(w.services, w.zone.id)),
       permission=Permission.FACILITY_MANAGE),
    Op("admin.create_user", frozenset({A}), lambda w, a, _: w.services.admin.create_user(
        a, "ny.bruger", "Ny Bruger", PASSWORD, S, (w.facility.id,)), permission=Permission.USER_MANAGE),
    Op("admin.list_users", frozenset({A}), lambda w, a, _: w.services.admin.list_users(a),
       permission=Permission.USER_MANAGE),
    Op("admin.set_role", frozenset({A}), lambda w, a, name: w.services.admin.set_role(
        a, name, NS, expected_version=user_version(w.services, name)),
       _temp_user, Permission.USER_MANAGE),
    Op("admin.set_facilities", frozenset({A}), lambda w, a, name: w.services.admin.set_facilities(
        a, name, (w.other_facility.id,), expected_version=user_version(w.services, name)), _temp_user,
       Permission.USER_MANAGE),
    Op("admin.reset_password of another user", frozenset({A}),
       lambda w, a, name: w.services.admin.reset_password(
           a, name, expected_version=user_version(w.services, name)), _temp_user,
       Permission.USER_MANAGE),
    Op("admin.unlock_user", frozenset({A}), lambda w, a, name: w.services.admin.unlock_user(
        a, name, expected_version=user_version(w.services, name)),
       _temp_user, Permission.USER_MANAGE),
    Op("admin.deactivate", frozenset({A}), lambda w, a, name: w.services.admin.deactivate(
        a, name, expected_version=user_version(w.services, name)),
       _temp_user, Permission.USER_MANAGE),
    Op("auth.change_password of oneself", EVERYONE,
       lambda w, a, n: w.services.auth.change_password(a, PASSWORD if n % 2 else "mit-nye-kodeord",
                                                       "mit-nye-kodeord" if n % 2 else PASSWORD),
       lambda w: next(w.changes)),
    Op("settings.set", frozenset({A}), lambda w, a, _: w.services.settings.set(
        a, "idle_lock_minutes", 15, expected_version=setting_version(w.services, "idle_lock_minutes")),
       permission=Permission.SETTINGS_MANAGE),
    Op("exchange.export_document", frozenset({A}), lambda w, a, _: w.services.exchange.export_document(a),
       permission=Permission.DATA_EXPORT),
    # --- the audit log ---
    Op("audit_log.list", AUDITORS, lambda w, a, _: w.services.audit_log.list(
        a, AuditQuery(resident="B-101")), permission=Permission.AUDIT_READ),
    Op("audit_log.export", AUDITORS, lambda w, a, _: w.services.audit_log.export(a, AuditQuery(), "csv"),
       permission=Permission.AUDIT_READ),
    Op("audit_log.verify", AUDITORS, lambda w, a, _: w.services.audit_log.verify(a),
       permission=Permission.AUDIT_READ),
    Op("audit_log.chain_status", AUDITORS, lambda w, a, _: w.services.audit_log.chain_status(a),
       permission=Permission.AUDIT_READ),
    Op("audit_log.chain_head", AUDITORS, lambda w, a, _: w.services.audit_log.chain_head(a),
       permission=Permission.AUDIT_READ),
)


@pytest.fixture
def roomy_world(world: World, tmp_path: Path) -> RoomyWorld:
    return RoomyWorld(**vars(world), tmp=tmp_path)


@pytest.mark.parametrize("role", list(Role), ids=[r.value for r in Role])
def test_every_role_is_allowed_exactly_what_the_table_says(roomy_world: RoomyWorld, role: Role) -> None:
    world = roomy_world
    actor = world.actor(role)
    wrong: list[str] = []
    for op in OPS:
        prepared = op.prepare(world)
        before = table_counts(world.services.engine)
        try:
            op.call(world, actor, prepared)
        except PermissionDenied as denied:
            if role in op.allowed:
                wrong.append(f"{op.name}: refused ({denied})")
            elif table_counts(world.services.engine) != before:
                wrong.append(f"{op.name}: refused but rows were written")
            elif not str(denied):
                wrong.append(f"{op.name}: refused without saying why")
        else:
            if role not in op.allowed:
                wrong.append(f"{op.name}: allowed")
    assert not wrong, f"{role.value}:\n" + "\n".join(wrong)


def test_the_table_agrees_with_role_permissions() -> None:
    """Where a call needs one permission, the roles holding it are exactly the allowed roles."""
    for op in OPS:
        if op.permission is not None:
            holders = {role for role, granted in ROLE_PERMISSIONS.items() if op.permission in granted}
            assert holders == set(op.allowed), op.name


def test_every_role_has_a_permission_set() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert ROLE_PERMISSIONS[A].isdisjoint({Permission.INCIDENT_READ, Permission.RESIDENT_IDENTITY})


# --- facility scope -------------------------------------------------------------------------------


def test_staff_of_one_facility_cannot_read_or_log_incidents_of_another(world: World) -> None:
    from safetylog.domain.errors import NotFound
    from safetylog.domain.records import IncidentFilter

    manager, staff = world.actor(M), world.actor(S)
    elsewhere = world.services.incidents.submit(manager, incident_input(
        world, facility_id=world.other_facility.id, zone_id=None, residents=()))
    with pytest.raises(NotFound):
        world.services.incidents.get(staff, elsewhere.id)
    with pytest.raises(PermissionDenied):
        world.services.incidents.submit(staff, incident_input(
            world, facility_id=world.other_facility.id, zone_id=None, residents=()))
    only_elsewhere = IncidentFilter(facility_ids=(world.other_facility.id,))
    assert world.services.queries.page(staff, only_elsewhere).rows == ()
    assert world.services.queries.count(staff) == 0
    with pytest.raises(PermissionDenied):
        world.services.residents.list(staff, world.other_facility.id)
    assert all(r.facility_id == world.facility.id for r in world.services.residents.list(staff))
    # The manager of both facilities sees it.
    assert world.services.incidents.get(manager, elsewhere.id).facility_id == world.other_facility.id
    assert world.services.queries.count(manager) == 1


def test_facility_scope_holds_for_duties_brøset_and_psp(world: World) -> None:
    from safetylog.domain.errors import NotFound, ValidationError

    manager, staff, coordinator = world.actor(M), world.actor(S), world.actor(P)
    elsewhere = world.services.incidents.submit(manager, incident_input(
        world, facility_id=world.other_facility.id, zone_id=None, residents=(),
        types=(TypeChoice("POL-RPT"),)))
    duty = world.services.duties.find(manager, incident_id=elsewhere.id)[0]
    assert world.services.duties.find(staff) == []
    with pytest.raises(NotFound):
        world.services.duties.get(staff, duty.id)
    with pytest.raises(ValidationError) as caught:
        world.services.bvc.record(staff, BvcInput(world.other_resident.id, utcnow()))
    assert "resident_id" in caught.value.problems
    with pytest.raises(PermissionDenied):
        world.services.bvc.history(staff, world.other_resident.id)
    agreement = world.services.psp.save_agreement(manager, AgreementInput(world.other_facility.id, "Aftale"))
    assert world.services.psp.agreements(coordinator) == []
    with pytest.raises(NotFound):  # cannot rewrite another facility's agreement by its number
        world.services.psp.save_agreement(coordinator, AgreementInput(world.facility.id, "Overtaget"),
                                          agreement.id, expected_version=agreement.version)
    item = world.services.psp.add_action_item(
        manager, ActionItemInput("Kameraer", "Politiet", facility_id=world.other_facility.id))
    with pytest.raises(NotFound):
        world.services.psp.set_action_status(coordinator, item.id, ActionItemStatus.DONE,
                                             expected_version=item.version)
    with pytest.raises(PermissionDenied):
        world.services.psp.notes(coordinator, world.other_facility.id)


# --- night staff's 14-day window ------------------------------------------------------------------


def test_night_staff_read_their_own_and_the_last_two_weeks_only(world: World) -> None:
    from safetylog.domain.records import IncidentFilter

    night, staff = world.actor(NS), world.actor(S)
    now = datetime.now().astimezone()
    old_by_other = _incident(world, S, occurred_start=now - timedelta(days=20), narrative="Knallert stjålet")
    old_own = _incident(world, NS, occurred_start=now - timedelta(days=20), narrative="Egen gammel")
    recent_by_other = _incident(world, S, occurred_start=now - timedelta(days=3), narrative="Ny hændelse")
    with pytest.raises(PermissionDenied) as caught:
        world.services.incidents.get(night, old_by_other.id)
    assert "14" in str(caught.value)
    assert world.services.incidents.get(night, old_own.id).id == old_own.id
    assert world.services.incidents.get(night, recent_by_other.id).id == recent_by_other.id
    listed = {row.id for row in world.services.queries.page(night).rows}
    assert listed == {old_own.id, recent_by_other.id}
    assert world.services.queries.count(night) == 2
    assert world.services.queries.page(night, IncidentFilter(text="knallert")).rows == ()
    # Day staff read the whole history.
    assert world.services.queries.count(staff) == 3
    with pytest.raises(PermissionDenied):  # and a note cannot be added to what cannot be read
        world.services.incidents.add_addendum(night, old_by_other.id, "Tilføjelse")


def test_the_author_may_correct_their_own_incident_but_not_someone_elses(world: World) -> None:
    night, staff = world.actor(NS), world.actor(S)
    own = _incident(world, NS)
    corrected = world.services.incidents.correct(night, own.id, incident_input(world, narrative="Rettet"),
                                                 reason="Stavefejl", expected_version=own.version)
    assert corrected.narrative == "Rettet"
    other = _incident(world, S)
    with pytest.raises(PermissionDenied):
        world.services.incidents.correct(night, other.id, incident_input(world), reason="Min udgave",
                                         expected_version=other.version)
    assert world.services.incidents.get(staff, other.id).version == other.version
