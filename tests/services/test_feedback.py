"""Feedback to the reporter, on SQLite and PostgreSQL: a sign-off, a closed duty and a note by
someone else reach the reporter until read; the manager sees who has not read theirs."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from safetylog.domain.enums import AuditAction, FeedbackKind, Role
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import FeedbackItem
from safetylog.storage.models import AuditRow, AuditSubject
from tests.conftest import World
from tests.services.test_duties import duty, night, submit

NOTE = "Beboeren fik en samtale med sin kontaktperson dagen efter."


def kinds(items: list[FeedbackItem]) -> list[tuple[str, str]]:
    return [(i.kind, i.subject) for i in items]


def test_sign_off_reaches_the_reporter_until_read(world: World) -> None:
    detail = submit(world)
    manager, nina = world.actor(Role.MANAGER), world.actor(Role.NIGHT_STAFF)
    feedback = world.services.feedback
    assert feedback.unread(nina) == []
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version, note=NOTE)

    items = feedback.unread(nina)
    assert kinds(items) == [(FeedbackKind.SIGNED_OFF.value, "")]  # the note is part of the sign-off
    item = items[0]
    assert (item.incident_id, item.created_by, item.reporter, item.may_open) == (
        detail.id, "Maja Leder", "Nina Nat", True)
    assert item.incident_date == detail.local_date
    # What happened, never what was written: the reporter opens the incident for that.
    assert NOTE not in repr(item)
    assert feedback.unread(manager) == []  # the manager's own action is not news to them

    waiting = feedback.not_yet_read(manager)
    assert [(w.id, w.reporter) for w in waiting] == [(item.id, "Nina Nat")]
    assert feedback.mark_read(nina, [item.id]) == 1
    assert feedback.unread(nina) == []
    assert feedback.not_yet_read(manager) == []
    assert feedback.mark_read(nina, [item.id]) == 0  # read once is read


def test_a_closed_duty_tells_the_reporter_but_work_in_progress_does_not(world: World) -> None:
    detail = submit(world)
    manager, nina = world.actor(Role.MANAGER), world.actor(Role.NIGHT_STAFF)
    psp = duty(detail, "psp_relevant")
    duties = world.services.duties
    started = duties.update(manager, psp.id, state="in_progress", expected_version=psp.version)
    assert world.services.feedback.unread(nina) == []
    duties.update(manager, psp.id, state="not_required", reason="Intern sag",
                  expected_version=started.version)
    assert kinds(world.services.feedback.unread(nina)) == [(FeedbackKind.DUTY_CLOSED.value, "psp_relevant")]


def test_a_note_by_someone_else_tells_the_reporter_and_their_own_does_not(world: World) -> None:
    detail = submit(world)
    nina, soren = world.actor(Role.NIGHT_STAFF), world.actor(Role.STAFF)
    incidents = world.services.incidents
    incidents.add_addendum(nina, detail.id, "Jeg glemte at skrive, at døren var låst.")
    assert world.services.feedback.unread(nina) == []
    incidents.add_addendum(soren, detail.id, NOTE)
    incidents.add_addendum(world.actor(Role.MANAGER), detail.id, "Gennemgået på personalemødet.",
                           kind="review_note")
    assert kinds(world.services.feedback.unread(nina)) == [
        (FeedbackKind.NOTE_ADDED.value, "review_note"), (FeedbackKind.NOTE_ADDED.value, "addendum")]
    assert world.services.feedback.unread(soren) == []  # only the reporter hears


def test_a_manager_who_reported_gets_no_feedback_on_their_own_sign_off(world: World) -> None:
    manager = world.actor(Role.MANAGER)
    detail = world.services.incidents.submit(manager, night(world))
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    assert world.services.feedback.unread(manager) == []
    assert world.services.feedback.not_yet_read(manager) == []


def test_nobody_marks_another_reporters_feedback_read(world: World) -> None:
    detail = submit(world)
    manager, nina, soren = (world.actor(r) for r in (Role.MANAGER, Role.NIGHT_STAFF, Role.STAFF))
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    [item] = world.services.feedback.unread(nina)
    assert world.services.feedback.mark_read(soren, [item.id]) == 0
    assert world.services.feedback.mark_read(manager, [item.id, -1, 10**12]) == 0
    assert [i.id for i in world.services.feedback.unread(nina)] == [item.id]


def test_only_a_manager_sees_who_has_not_read_their_feedback(world: World) -> None:
    for role in (Role.NIGHT_STAFF, Role.STAFF, Role.PSP_COORDINATOR, Role.ADMIN, Role.DPO):
        with pytest.raises(PermissionDenied):
            world.services.feedback.not_yet_read(world.actor(role))


def test_the_manager_list_keeps_to_the_managers_facilities(world: World) -> None:
    detail = submit(world)
    manager = world.actor(Role.MANAGER)
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    assert len(world.services.feedback.not_yet_read(manager)) == 1
    assert world.services.feedback.not_yet_read(manager, (world.other_facility.id,)) == []


def test_showing_feedback_is_an_audited_read_naming_the_residents(world: World) -> None:
    detail = submit(world)
    manager, nina = world.actor(Role.MANAGER), world.actor(Role.NIGHT_STAFF)
    world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
    for read in (lambda: world.services.feedback.unread(nina),
                 lambda: world.services.feedback.not_yet_read(manager)):
        read()
        with world.services.engine.connect() as conn:
            last = conn.scalar(select(func.max(AuditRow.id)))
            action, entity, user = conn.execute(select(AuditRow.action, AuditRow.entity, AuditRow.user_id)
                                                .where(AuditRow.id == last)).one()
            named = set(conn.scalars(select(AuditSubject.resident_id)
                                     .where(AuditSubject.audit_id == last)))
        assert (action, entity) == (AuditAction.READ.value, "reporter_feedback")
        assert named == {world.residents[0].id}
        assert user in (nina.user_id, manager.user_id)
    [item] = world.services.feedback.unread(nina)
    world.services.feedback.mark_read(nina, [item.id])
    with world.services.engine.connect() as conn:
        action, details = conn.execute(select(AuditRow.action, AuditRow.details)
                                       .order_by(AuditRow.id.desc()).limit(1)).one()
    assert (action, details["feedback_ids"]) == (AuditAction.UPDATE.value, [item.id])

