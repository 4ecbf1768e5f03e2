"""``safetylog backup`` and ``restore`` on PostgreSQL: one encrypted file, checked by reading it
back before it gets its name, restored only into an empty database, and only when whole.

The round trip itself (backup, restore, identical export) is in ``test_backup_restore_export``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from safetylog.cli import main
from safetylog.config import DatabaseLocation
from safetylog.domain.enums import PersonRole, Role
from safetylog.domain.records import IncidentInput, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services import export_file
from safetylog.services.container import Services
from safetylog.services.export_file import WrittenFile
from safetylog.storage.models import AuditRow, Resident, Zone
from tests.cli.test_exchange import PASSPHRASE, dump, row_counts
from tests.conftest import PASSWORD, World, build_world, new_database, open_engine
from tests.factories import incident_input
from tests.pg_server import PostgresServer
from tests.reliability.test_backup_restore_export import _cheap_kdf, blank_postgres

__all__ = ["_cheap_kdf"]  # the cheap file KDF applies here too

INCIDENTS = 3


@pytest.fixture
def pg_world(tmp_path: Path, request: pytest.FixtureRequest,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    url = new_database(request, "postgresql", tmp_path)
    services = Services.build(open_engine(url), DatabaseLocation(url, "test"))
    world = build_world(services)
    for _ in range(INCIDENTS):
        services.incidents.submit(world.actor(Role.STAFF), incident_input(world))
    monkeypatch.setenv("SAFETYLOG_PASSWORD", PASSWORD)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", PASSPHRASE)
    yield world
    services.close()


def _url(world: World) -> str:
    return world.services.location.url


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _backup_rows(world: World) -> list[AuditRow]:
    with world.services.session_factory() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.entity == "database_backup")))


def _is_empty(url: str) -> bool:
    services = Services.build(open_engine(url), DatabaseLocation(url, "test"))
    try:
        return services.exchange.is_empty()
    finally:
        services.close()


@pytest.fixture
def backup(pg_world: World, tmp_path: Path) -> Path:
    target = tmp_path / "copies" / "havblik.safetylog"
    assert main(["--database", _url(pg_world), "backup", str(target), "-u", "admin"]) == 0
    return target


def test_backup_is_one_private_encrypted_file_and_is_audited(pg_world: World, backup: Path) -> None:
    content = backup.read_bytes()
    assert content.startswith(export_file.MAGIC)
    assert b"Havblik" not in content and b"knust flaske" not in content
    assert backup.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]  # no temporary left
    document = json.loads(export_file.read(backup, PASSPHRASE))
    assert document["password_hashes"] is True and len(document["incidents"]) == INCIDENTS
    [row] = _backup_rows(pg_world)
    assert row.username == "admin" and row.details["file"] == backup.name
    assert row.details["sha256"] == hashlib.sha256(content).hexdigest()
    # Read back before it got its name: every audit row of the snapshot, plus the check's import.
    assert row.details["audit_rows_checked"] == len(document["tables"]["audit_log"]) + 1


def test_backup_needs_a_file_an_administrator_and_a_new_name(
    pg_world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    url = _url(pg_world)
    code, _out, err = _run(capsys, "--database", url, "backup", "-u", "admin")
    assert code == 1 and err.count("\n") == 1 and "name the file" in err
    code, _out, err = _run(capsys, "--database", url, "backup", str(tmp_path / "b.safetylog"),
                           "-u", "staff")
    assert code == 1 and err.count("\n") == 1 and "Only an administrator" in err
    taken = tmp_path / "taken.safetylog"
    taken.write_bytes(b"keep me")
    code, _out, err = _run(capsys, "--database", url, "backup", str(taken), "-u", "admin")
    assert code == 1 and "already exists" in err and taken.read_bytes() == b"keep me"
    code, _out, err = _run(capsys, "--database", url, "backup", "--status")
    assert code == 1 and err.count("\n") == 1 and "audit log" in err
    assert sorted(p.name for p in tmp_path.glob("*.safetylog*")) == ["taken.safetylog"]
    assert _backup_rows(pg_world) == []


def test_a_backup_that_does_not_read_back_is_removed_and_not_audited(
    pg_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A disk that spoils what it was given: the read-back finds it, and no backup is left."""
    original = export_file.write

    def write_and_spoil(target: Path, chunks: Iterable[bytes], passphrase: str | None) -> WrittenFile:
        written = original(target, chunks, passphrase)
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0x01
        target.write_bytes(bytes(data))
        return written

    monkeypatch.setattr(export_file, "write", write_and_spoil)
    folder = tmp_path / "copies"
    code, _out, err = _run(capsys, "--database", _url(pg_world), "backup",
                           str(folder / "b.safetylog"), "-u", "admin")
    assert code == 1 and err.count("\n") == 1 and "did not read back" in err
    assert list(folder.iterdir()) == []
    assert _backup_rows(pg_world) == []


def test_restore_into_a_database_in_use_is_refused_and_changes_nothing(
    pg_world: World, backup: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = _url(pg_world)
    before = row_counts(url)
    monkeypatch.delenv("SAFETYLOG_EXPORT_PASSPHRASE")  # refused before anything is asked
    code, _out, err = _run(capsys, "--database", url, "restore", str(backup), "-u", "admin")
    assert code == 1 and err.count("\n") == 1 and "is not empty" in err
    assert row_counts(url) == before


@pytest.mark.parametrize(("user", "password", "passphrase", "message"), [
    ("admin", PASSWORD, "not the passphrase at all", "wrong passphrase"),
    ("admin", "not-the-password-1", PASSPHRASE, "Wrong user name or password"),
    ("nobody", PASSWORD, PASSPHRASE, "Wrong user name or password"),
    ("staff", PASSWORD, PASSPHRASE, "not an active administrator"),
])
def test_restore_needs_the_passphrase_and_an_administrator_of_the_backup(
    backup: Path, pg_server: PostgresServer, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], user: str, password: str, passphrase: str, message: str,
) -> None:
    target = blank_postgres(pg_server)
    monkeypatch.setenv("SAFETYLOG_PASSWORD", password)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", passphrase)
    code, _out, err = _run(capsys, "--database", target, "restore", str(backup), "-u", user)
    assert code == 1 and err.count("\n") == 1 and message in err, err
    assert _is_empty(target)


def test_a_backup_whose_audit_log_was_altered_is_not_restored(
    backup: Path, pg_server: PostgresServer, capsys: pytest.CaptureFixture[str],
) -> None:
    """Someone with the passphrase rewrites who did something in the log and encrypts the file
    again: every row still loads and the head still matches, but the chain does not."""
    document = json.loads(export_file.read(backup, PASSPHRASE))
    staff_login = next(row for row in document["tables"]["audit_log"] if row["username"] == "staff")
    staff_login["username"] = "manager"
    backup.unlink()
    export_file.write(backup, [json.dumps(document).encode("utf-8")], PASSPHRASE)
    target = blank_postgres(pg_server)
    code, _out, err = _run(capsys, "--database", target, "restore", str(backup), "-u", "admin")
    assert code == 1 and err.count("\n") == 1, err
    assert f"not whole: broken at row {staff_login['id']} (content changed)" in err
    assert _is_empty(target)


def test_restore_of_a_missing_backup_is_one_line(
    pg_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    target = blank_postgres(pg_server)
    code, _out, err = _run(capsys, "--database", target, "restore", str(tmp_path / "none.safetylog"),
                           "-u", "admin")
    assert code == 1 and err.count("\n") == 1 and "There is no backup" in err


def _saves_again(url: str) -> int:
    """A staff member logs in to the restored database and saves: the new incident's id."""
    services = Services.build(open_engine(url), DatabaseLocation(url, "test"))
    try:
        staff = services.auth.login("staff", PASSWORD, workstation="test")
        with services.session_factory() as session:
            zone = session.scalars(select(Zone).order_by(Zone.id)).first()
            resident = session.scalars(select(Resident).order_by(Resident.id)).first()
        assert zone is not None and resident is not None
        return services.incidents.submit(staff, IncidentInput(
            facility_id=zone.facility_id, occurred_start=datetime.now(COPENHAGEN),
            types=(TypeChoice("VIO-THR", "weapon"),), narrative="Gemt efter gendannelsen.",
            zone_id=zone.id, residents=(InvolvedResident(resident.id, PersonRole.AGGRESSOR),),
        )).id
    finally:
        services.close()


def test_a_restored_database_takes_new_saves(
    backup: Path, pg_server: PostgresServer, capsys: pytest.CaptureFixture[str],
) -> None:
    target = blank_postgres(pg_server)
    code, out, _err = _run(capsys, "--database", target, "restore", str(backup), "-u", "admin")
    assert code == 0 and "Restored" in out
    assert _saves_again(target) == INCIDENTS + 1  # the ids go on where the backup stopped


def test_the_readme_pg_dump_and_pg_restore_commands_give_back_the_same_database(
    pg_world: World, pg_server: PostgresServer, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """The commands the README gives the database administrator, exactly."""
    source = _url(pg_world).replace("postgresql+psycopg://", "postgresql://")
    target = blank_postgres(pg_server)
    file = tmp_path / "safetylog.dump"
    subprocess.run([str(pg_server.bin_dir / "pg_dump"), "--format=custom", f"--file={file}", source],
                   check=True, capture_output=True)
    subprocess.run([str(pg_server.bin_dir / "pg_restore"), "--no-owner", "--exit-on-error",
                    "--single-transaction", f"--dbname={target.replace('+psycopg', '')}", str(file)],
                   check=True, capture_output=True)
    assert dump(target) == dump(_url(pg_world))
    code, out, _err = _run(capsys, "--database", target, "audit", "verify", "-u", "admin")
    assert code == 0 and "Audit chain intact" in out, out
    assert _saves_again(target) == INCIDENTS + 1
