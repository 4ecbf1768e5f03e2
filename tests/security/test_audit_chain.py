"""Attacks on the audit log (threat T5), on both databases: each tampering is named by ``verify``
with its row and reason, the command line says so and exits non-zero, and the officer who reads
the log sees who looked at a resident. Each test fails if its protection is removed."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, func, insert, select, update

from safetylog.cli import main
from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import AuditQuery, ChainReport
from safetylog.services import audit
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage import audit_chain, audit_verify
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject
from tests.conftest import PASSWORD, World, add_key_file
from tests.factories import incident_input

M, D = Role.MANAGER, Role.DPO


def _activity(world: World) -> int:
    """Some ordinary work, so that the log has rows with residents; returns an incident id."""
    manager = world.actor(M)
    incident = world.services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    world.services.incidents.get(manager, incident.id)
    world.services.queries.page(manager)
    world.services.residents.list(manager, world.facility.id)
    return incident.id


def _verify(world: World) -> ChainReport:
    with world.services.session_factory() as session:
        return audit_verify.verify(session)


def _middle(world: World) -> int:
    """An id in the middle of the log whose row names at least one resident."""
    with world.services.engine.connect() as conn:
        top = int(conn.scalar(select(func.max(AuditRow.id))) or 0)
        named = conn.scalar(select(func.max(AuditSubject.audit_id))
                            .where(AuditSubject.audit_id < top - 2))
    assert named is not None and top > 5
    return int(named)


def _tamper(world: World) -> Connection:
    return world.services.engine.begin()  # type: ignore[return-value]


def test_an_intact_log_verifies(world: World) -> None:
    _activity(world)
    report = _verify(world)
    with world.services.engine.connect() as conn:
        last, count = conn.execute(select(func.max(AuditRow.id), func.count())
                                   .select_from(AuditRow)).one()
    assert report.ok and report.reason == "" and report.first_broken_id is None
    assert (report.rows_checked, report.head_id) == (count, last)


@pytest.mark.parametrize("change", [
    {"details": {"forged": True}},
    {"username": "someone_else"},
    {"entity_id": "999"},
], ids=["details", "username", "entity_id"])
def test_an_edited_row_is_named(world: World, change: dict[str, object]) -> None:
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        conn.execute(update(AuditRow).where(AuditRow.id == target).values(**change))
    report = _verify(world)
    assert (report.ok, report.first_broken_id, report.reason) == (False, target, "content_changed")


def test_an_edited_time_is_named(world: World) -> None:
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        at = conn.execute(select(AuditRow.at).where(AuditRow.id == target)).scalar_one()
        conn.execute(update(AuditRow).where(AuditRow.id == target).values(at=at - timedelta(hours=3)))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (target, "content_changed")


def test_a_removed_resident_link_is_named(world: World) -> None:
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        victim = conn.scalar(select(AuditSubject.resident_id).where(AuditSubject.audit_id == target)
                             .limit(1))
        conn.execute(delete(AuditSubject).where(AuditSubject.audit_id == target,
                                                AuditSubject.resident_id == victim))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (target, "content_changed")


def test_a_deleted_row_in_the_middle_is_named(world: World) -> None:
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        conn.execute(delete(AuditSubject).where(AuditSubject.audit_id == target))
        conn.execute(delete(AuditRow).where(AuditRow.id == target))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (target, "row_missing")


def test_a_deleted_row_with_the_later_ids_renumbered_is_named(world: World) -> None:
    """Closing the gap by renumbering still breaks the next row's link."""
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        _remove_and_close_gap(conn, target)
    report = _verify(world)
    assert report.first_broken_id == target and report.reason in ("link_broken", "content_changed")


def test_deleting_the_last_rows_is_named(world: World) -> None:
    _activity(world)
    with world.services.engine.connect() as conn:
        last = int(conn.scalar(select(func.max(AuditRow.id))) or 0)
    cut = last - 2
    with _tamper(world) as conn:
        conn.execute(delete(AuditSubject).where(AuditSubject.audit_id >= cut))
        conn.execute(delete(AuditRow).where(AuditRow.id >= cut))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (cut, "head_mismatch")


def test_a_row_added_after_the_head_without_it_is_named(world: World) -> None:
    _activity(world)
    with _tamper(world) as conn:
        last = conn.execute(select(AuditRow).order_by(AuditRow.id.desc()).limit(1)).one()
        conn.execute(insert(AuditRow).values(_copy(last, id=last.id + 1, prev_hash=last.row_hash)))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (last.id + 1, "head_mismatch")


def test_a_naive_row_inserted_in_the_middle_is_named(world: World) -> None:
    """Room is made by moving the later rows up one id; the new row copies its neighbour's hash."""
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        _make_room(conn, target)
        before = conn.execute(select(AuditRow).where(AuditRow.id == target - 1)).one()
        conn.execute(insert(AuditRow).values(_copy(before, id=target, prev_hash=before.row_hash,
                                                   username="ghost")))
    report = _verify(world)
    assert (report.first_broken_id, report.reason) == (target, "content_changed")


def test_a_forged_row_inserted_in_the_middle_breaks_the_next_link(world: World) -> None:
    """An attacker who knows the hash recipe makes the new row itself valid: the row after it
    (moved up one id) no longer links, and is named."""
    _activity(world)
    target = _middle(world)
    with _tamper(world) as conn:
        _make_room(conn, target)
        before = conn.execute(select(AuditRow).where(AuditRow.id == target - 1)).one()
        forged = _copy(before, id=target, prev_hash=before.row_hash, username="ghost")
        forged["row_hash"] = audit_chain.link(before.row_hash, audit_chain.canonical(
            target, forged["at"], forged["user_id"], "ghost", forged["workstation"], forged["action"],
            forged["entity"], forged["entity_id"], forged["subject_resident_id"], [], forged["details"]))
        conn.execute(insert(AuditRow).values(forged))
    report = _verify(world)
    assert not report.ok and report.first_broken_id in (target, target + 1)
    assert report.first_broken_id == target + 1 and report.reason in ("link_broken", "content_changed")


def _copy(row: object, **changes: Any) -> dict[str, Any]:
    values = {c.name: getattr(row, c.name) for c in AuditRow.__table__.columns}
    values.update(changes)
    return values


def _make_room(conn: Connection, target: int) -> None:
    """Move rows ``target``.. up one id (and their resident links), as a raw-SQL attacker would."""
    links = conn.execute(select(AuditSubject.audit_id, AuditSubject.resident_id)
                         .where(AuditSubject.audit_id >= target)).all()
    conn.execute(delete(AuditSubject).where(AuditSubject.audit_id >= target))
    top = int(conn.scalar(select(func.max(AuditRow.id))) or 0)
    for row_id in range(top, target - 1, -1):
        conn.execute(update(AuditRow).where(AuditRow.id == row_id).values(id=row_id + 1))
    if links:
        conn.execute(insert(AuditSubject), [{"audit_id": a + 1, "resident_id": r} for a, r in links])
    conn.execute(update(AuditHead).values(last_id=top + 1))


def _remove_and_close_gap(conn: Connection, target: int) -> None:
    links = conn.execute(select(AuditSubject.audit_id, AuditSubject.resident_id)
                         .where(AuditSubject.audit_id > target)).all()
    conn.execute(delete(AuditSubject).where(AuditSubject.audit_id >= target))
    conn.execute(delete(AuditRow).where(AuditRow.id == target))
    top = int(conn.scalar(select(func.max(AuditRow.id))) or 0)
    for row_id in range(target + 1, top + 1):
        conn.execute(update(AuditRow).where(AuditRow.id == row_id).values(id=row_id - 1))
    if links:
        conn.execute(insert(AuditSubject), [{"audit_id": a - 1, "resident_id": r} for a, r in links])
    conn.execute(update(AuditHead).values(last_id=top - 1))


# --- the command line --------------------------------------------------------------------------


def test_the_cli_names_the_broken_row_and_exits_non_zero(
    world: World, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _activity(world)
    if db_url.startswith("sqlite"):
        add_key_file(world.services)  # the command line opens an embedded database through a slot
    monkeypatch.setenv("SAFETYLOG_PASSWORD", PASSWORD)
    assert main(["--database", db_url, "audit", "verify", "-u", "dpo"]) == 0
    assert "Audit chain intact" in capsys.readouterr().out
    target = _middle(world)
    with _tamper(world) as conn:
        conn.execute(update(AuditRow).where(AuditRow.id == target).values(details={}))
    assert main(["--database", db_url, "audit", "verify", "-u", "dpo"]) != 0
    out = capsys.readouterr().out
    assert f"row #{target}" in out and "content changed" in out


def test_the_demo_database_verifies(demo_url: str, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["--database", demo_url, "audit", "verify", "-u", "admin"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Audit chain intact: ") and " head #" in out


def test_the_cli_lists_and_exports_privately(
    world: World, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    _activity(world)
    if db_url.startswith("sqlite"):
        add_key_file(world.services)
    monkeypatch.setenv("SAFETYLOG_PASSWORD", PASSWORD)
    assert main(["--database", db_url, "audit", "list", "-u", "dpo", "--resident", "B-101",
                 "--by", "manager", "--action", "read"]) == 0
    out = capsys.readouterr().out
    assert "manager" in out and "B-101" in out and "staff " not in out
    target = tmp_path / "log.csv"
    assert main(["--database", db_url, "audit", "export", "-u", "dpo", str(target),
                 "--resident", "B-101"]) == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert "manager" in target.read_text(encoding="utf-8-sig")


# --- the officer's questions ------------------------------------------------------------------


def test_the_dpo_sees_who_has_looked_at_a_resident_and_exports_it(world: World) -> None:
    incident = _activity(world)
    dpo, services = world.actor(D), world.services
    page = services.audit_log.list(dpo, AuditQuery(resident="b-101"))  # any case
    reads = [e for e in page.entries if e.username == "manager" and e.action == "read"
             and e.entity == "incident"]
    assert [e.entity_id for e in reads] == [str(incident)]
    assert all("B-101" in e.residents for e in page.entries)
    content = services.audit_log.export(dpo, AuditQuery(resident="B-101"), "csv").decode("utf-8-sig")
    assert f";manager;test;read;incident;{incident};" in content
    assert services.audit_log.export(dpo, AuditQuery(resident="B-101"), "xlsx")[:2] == b"PK"
    # Nobody reading a pseudonym no one has is not everything.
    assert services.audit_log.list(dpo, AuditQuery(resident="Z-999")).entries == ()


def test_reading_and_exporting_the_log_is_audited_naming_the_resident(world: World) -> None:
    _activity(world)
    dpo, services = world.actor(D), world.services
    services.audit_log.list(dpo, AuditQuery(resident="B-101", actions=("read",)))
    services.audit_log.export(dpo, AuditQuery(resident="B-101"), "csv")
    services.audit_log.verify(dpo)
    mine = services.audit_log.list(world.actor(Role.ADMIN), AuditQuery(username="dpo", limit=3))
    assert [e.action for e in mine.entries] == ["verify", "export", "read"]
    assert mine.entries[1].residents == ("B-101",) == mine.entries[2].residents
    assert mine.entries[2].details["criteria"] == {"resident": "B-101", "actions": ["read"]}


def test_the_log_pages_newest_first_without_gaps(world: World) -> None:
    _activity(world)
    dpo = world.actor(D)
    seen: list[int] = []
    cursor = None
    while True:
        page = world.services.audit_log.list(dpo, AuditQuery(before_id=cursor, limit=4,
                                                             actions=("login",)))
        seen.extend(e.id for e in page.entries)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    with world.services.engine.connect() as conn:
        logins = list(conn.scalars(select(AuditRow.id).where(AuditRow.action == "login")
                                   .order_by(AuditRow.id.desc())))
    assert seen == logins


def test_the_dpo_reads_nothing_else_and_the_attempt_names_the_residents(world: World) -> None:
    incident = _activity(world)
    dpo = world.actor(D)
    with pytest.raises(PermissionDenied):
        world.services.incidents.get(dpo, incident)
    with world.services.engine.connect() as conn:
        row = conn.execute(select(AuditRow.id, AuditRow.action).order_by(AuditRow.id.desc())
                           .limit(1)).one()
        named = set(conn.scalars(select(AuditSubject.resident_id)
                                 .where(AuditSubject.audit_id == row.id)))
    assert row.action == AuditAction.DENIED.value and named == {world.residents[0].id}
    assert _verify(world).ok


def test_staff_cannot_read_the_log(world: World) -> None:
    for role in (Role.NIGHT_STAFF, Role.STAFF, M, Role.PSP_COORDINATOR):
        with pytest.raises(PermissionDenied):
            world.services.audit_log.list(world.actor(role))
        with pytest.raises(PermissionDenied):
            world.services.audit_log.verify(world.actor(role))


def test_the_banner_status_is_checked_once_a_day(world: World) -> None:
    dpo = world.actor(D)
    first = world.services.audit_log.chain_status(dpo)
    assert first.ok
    again = world.services.audit_log.chain_status(dpo)
    assert again is first  # cached: the log is not re-read for the same day
    head = world.services.audit_log.chain_head(dpo)
    assert head is not None and head.id >= first.head_id


# --- concurrent writers --------------------------------------------------------------------


def test_concurrent_writers_keep_one_unbroken_chain(world: World, db_url: str) -> None:
    # PostgreSQL's row lock on the head and SQLite's file lock must both keep the writers in line.
    sf, actor = world.services.session_factory, world.actor(M)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def write(tag: str) -> None:
        try:
            start.wait()
            for n in range(40):
                with sf.begin() as session:
                    audit.record(session, actor, AuditAction.READ, "test", f"{tag}{n}",
                                 residents=[world.residents[n % 2].id])
        except BaseException as exc:  # re-raised in the main thread by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(tag,)) for tag in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    report = _verify(world)
    with world.services.engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.entity == "test"))
    assert report.ok and count == 80
