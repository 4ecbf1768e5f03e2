"""T8, a careless hand: a whole-database export is encrypted by default, audited with its folder
and checksum, holds no open logins and no password hashes unless it is a full move, and the
audit chain survives the move. Each test fails if its protection is removed."""

from __future__ import annotations

import getpass
import hashlib
import json
import re
import stat
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from safetylog.cli import main
from safetylog.domain.crypto import DEFAULT_KDF, KdfParams
from safetylog.domain.enums import Role
from safetylog.domain.errors import AuthenticationError, PermissionDenied
from safetylog.services import export_file, permissions
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.services.exchange import UNUSABLE_PASSWORD_HASH, ExchangeService
from safetylog.storage.audit_chain import GENESIS, canonical, link
from safetylog.storage.models import AuditHead, AuditRow, AuditSubject, Incident, LoginSession, User
from tests.cli.test_exchange import dump
from tests.conftest import World, _services, new_database, open_engine

PASSPHRASE = "Havblik-eksport-november-2026"
NEW_ADMIN_PASSWORD = "tre grønne ænder på Havblik"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))


def export(url: str, path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str, user: str = "admin",
           passphrase: str | None = PASSPHRASE) -> int:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    if passphrase is None:
        monkeypatch.delenv("SAFETYLOG_EXPORT_PASSPHRASE", raising=False)
    else:
        monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", passphrase)
    return main(["--database", url, "export", str(path), "--user", user, *flags])


def import_(url: str, path: Path, monkeypatch: pytest.MonkeyPatch, *flags: str,
            passphrase: str = PASSPHRASE) -> int:
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", passphrase)
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", NEW_ADMIN_PASSWORD)
    return main(["--database", url, "import", str(path), *flags])


@pytest.fixture
def new_url(tmp_path: Path) -> str:
    """Where an import makes a new embedded database (an existing one is refused as in use)."""
    return f"sqlite:///{tmp_path / 'new' / 'safetylog.sqlite3'}"


def nothing_made(url: str) -> bool:
    """A refused import leaves no half-made database behind."""
    folder = Path(url.removeprefix("sqlite:///")).parent
    return not folder.exists() or not any(folder.iterdir())


def rows(url: str, *columns: Any) -> list[Any]:
    engine = open_engine(url)
    with engine.connect() as conn:
        found = list(conn.execute(select(*columns)))
    engine.dispose()
    return found


def last_export_row(url: str) -> dict[str, Any]:
    found = rows(url, AuditRow.action, AuditRow.entity, AuditRow.details)
    action, entity, details = found[-1] if found else ("", "", {})
    assert (action, entity) == ("export", "database")
    return dict(details)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def pg_url(tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty, migrated PostgreSQL database (skipped where the server binaries are missing)."""
    return new_database(request, "postgresql", tmp_path)


# --- what the file shows -----------------------------------------------------------------------


def test_an_encrypted_export_shows_no_narrative_user_name_or_password_hash(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export_file, "KDF", DEFAULT_KDF)  # the real cost, as a user gets it
    target = tmp_path / "alt.safetylog"
    # A full move, so the password hashes really are inside.
    assert export(demo_url, target, monkeypatch, "--full-move") == 0
    data = target.read_bytes()
    narratives = " ".join(n for (n,) in rows(demo_url, Incident.narrative))
    words = {w for w in re.findall(r"\w{8,}", narratives)}
    users = rows(demo_url, User.username, User.display_name, User.password_hash)
    assert len(words) > 50 and len(users) == 10
    assert not [w for w in words if w.encode("utf-8") in data]
    for username, display_name, password_hash in users:
        assert f'"{username}"'.encode() not in data and display_name.encode("utf-8") not in data
        assert password_hash.encode("ascii") not in data
    assert b"$argon2" not in data
    with pytest.raises(ValueError):
        json.loads(data)
    header = json.loads(data.split(b"\n")[1])
    assert {k: v for k, v in header["kdf"].items() if k != "algorithm"} == DEFAULT_KDF.to_dict()
    # The same file, opened with the passphrase, holds all of it.
    content = export_file.read(target, PASSPHRASE)
    assert b"$argon2" in content and max(words).encode("utf-8") in content


def test_the_wrong_passphrase_is_refused_in_one_line_and_changes_nothing(
    demo_url: str, new_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert export(demo_url, tmp_path / "x.safetylog", monkeypatch, "--full-move") == 0
    capsys.readouterr()
    assert import_(new_url, tmp_path / "x.safetylog", monkeypatch,
                   passphrase=PASSPHRASE.upper()) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "wrong passphrase" in err, err
    assert nothing_made(new_url)


def test_a_flipped_byte_or_a_cut_file_is_refused(
    demo_url: str, new_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = tmp_path / "x.safetylog"
    assert export(demo_url, good, monkeypatch, "--full-move") == 0
    data = good.read_bytes()
    middle = len(data) // 2
    for spoilt in (data[:middle] + bytes([data[middle] ^ 0x80]) + data[middle + 1:],
                   data[:-(1 << 10)]):
        (tmp_path / "bad.safetylog").write_bytes(spoilt)
        capsys.readouterr()
        assert import_(new_url, tmp_path / "bad.safetylog", monkeypatch) == 1
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "changed or cut short" in err, err
    assert nothing_made(new_url)


# --- plaintext only when asked, and audited either way -----------------------------------------


def test_a_plaintext_export_needs_the_flag_and_its_audit_row_says_so(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    def no_terminal(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", no_terminal)
    target = tmp_path / "alt.json"
    assert export(demo_url, target, monkeypatch, passphrase=None) == 1
    assert "no passphrase" in capsys.readouterr().err
    assert export(demo_url, target, monkeypatch, passphrase="elleve-tegn") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "at least 12 characters" in err, err
    assert list(tmp_path.glob("alt*")) == [] and list(tmp_path.glob(".alt*")) == []

    assert export(demo_url, target, monkeypatch, "--plaintext", passphrase=None) == 0
    assert "not encrypted" in capsys.readouterr().err
    assert json.loads(target.read_bytes())["format"] == "safetylog-export"
    details = last_export_row(demo_url)
    assert details["encrypted"] is False
    assert (details["folder"], details["file"]) == (str(tmp_path.resolve()), "alt.json")
    assert details["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()

    sealed = tmp_path / "alt.safetylog"
    assert export(demo_url, sealed, monkeypatch) == 0
    details = last_export_row(demo_url)
    assert details["encrypted"] is True and details["file"] == "alt.safetylog"
    assert details["sha256"] == hashlib.sha256(sealed.read_bytes()).hexdigest()


def test_the_file_is_private_and_no_partial_file_is_ever_left(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    for name, flags in (("a.safetylog", ()), ("b.json", ("--plaintext",))):
        assert export(demo_url, tmp_path / name, monkeypatch, *flags) == 0
        assert private(tmp_path / name), name

    def disk_full(path: Path) -> tuple[str, int]:
        raise OSError(28, "No space left on device")

    before = sorted(tmp_path.iterdir())
    with monkeypatch.context() as patch:
        patch.setattr(export_file, "_sha256", disk_full)
        assert export(demo_url, tmp_path / "c.safetylog", monkeypatch) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == before

    def audit_fails(*args: object) -> dict[str, Any]:
        raise RuntimeError("the database went away")

    with monkeypatch.context() as patch:  # written, but its audit row was never committed
        patch.setattr(ExchangeService, "_export_details", staticmethod(audit_fails))
        with pytest.raises(RuntimeError):
            export(demo_url, tmp_path / "d.safetylog", monkeypatch)
    assert sorted(tmp_path.iterdir()) == before


# --- what an export holds --------------------------------------------------------------------


def test_an_export_without_full_move_holds_no_password_hash_and_no_login(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert export(demo_url, tmp_path / "plain.json", monkeypatch, "--plaintext") == 0
    assert export(demo_url, tmp_path / "sealed.safetylog", monkeypatch) == 0
    tokens = [t for (t,) in rows(demo_url, LoginSession.token_hash)]
    assert tokens  # the exports' own logins, at least
    for content in ((tmp_path / "plain.json").read_bytes(),
                    export_file.read(tmp_path / "sealed.safetylog", PASSPHRASE)):
        document = json.loads(content)
        assert {u["password_hash"] for u in document["tables"]["users"]} == {""}
        assert document["password_hashes"] is False
        assert b"$argon2" not in content
        assert "login_sessions" not in document["tables"]
        assert not [t for t in tokens if t.encode() in content]
    # The full move does carry them (so the checks above can see them).
    assert export(demo_url, tmp_path / "move.safetylog", monkeypatch, "--full-move") == 0
    moved = json.loads(export_file.read(tmp_path / "move.safetylog", PASSPHRASE))
    assert all(u["password_hash"].startswith("$argon2") for u in moved["tables"]["users"])


def test_a_full_move_is_for_administrators_and_only_encrypted(
    demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    sqlite_world: World,
) -> None:
    assert export(demo_url, tmp_path / "x.safetylog", monkeypatch, "--full-move", user="nanna") == 1
    assert "may not" in capsys.readouterr().err
    assert export(demo_url, tmp_path / "x.json", monkeypatch, "--full-move", "--plaintext") == 1
    assert "must be encrypted" in capsys.readouterr().err
    assert list(tmp_path.glob("x*")) == []
    # Even a role that may export (as the DPO might one day) may not move password hashes.
    dpo = sqlite_world.actor(Role.DPO)
    exchange = sqlite_world.services.exchange
    monkeypatch.setitem(permissions.ROLE_PERMISSIONS, Role.DPO,
                        permissions.ROLE_PERMISSIONS[Role.DPO] | {permissions.Permission.DATA_EXPORT})
    assert exchange.export_document(dpo)["password_hashes"] is False
    with pytest.raises(PermissionDenied, match="administrators only"):
        exchange.export_document(dpo, full_move=True)
    with pytest.raises(PermissionDenied, match="administrators only"):
        exchange.export_to(dpo, tmp_path / "y.safetylog", passphrase=PASSPHRASE, full_move=True)
    assert not (tmp_path / "y.safetylog").exists()


# --- the move ----------------------------------------------------------------------------------


def chain_is_intact(url: str) -> bool:
    """Recompute the audit chain from the rows and their subjects, in id order."""
    subjects: dict[int, list[int]] = defaultdict(list)
    for audit_id, resident_id in rows(url, AuditSubject.audit_id, AuditSubject.resident_id):
        subjects[audit_id].append(resident_id)
    previous, last_id = GENESIS, 0
    for row in sorted(rows(url, *AuditRow.__table__.columns), key=lambda r: r.id):
        content = canonical(row.id, row.at, row.user_id, row.username, row.workstation, row.action,
                            row.entity, row.entity_id, row.subject_resident_id, subjects[row.id],
                            row.details)
        if row.prev_hash != previous or row.row_hash != link(previous, content):
            return False
        previous, last_id = row.row_hash, row.id
    return rows(url, AuditHead.last_id, AuditHead.last_hash) == [(last_id, previous)]


@pytest.mark.parametrize("kind", ["encrypted full move", "plaintext"])
def test_export_then_import_round_trips_every_table_from_sqlite_to_postgresql(
    demo_url: str, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], kind: str,
) -> None:
    full_move = kind != "plaintext"
    target = tmp_path / ("all.safetylog" if full_move else "all.json")
    assert chain_is_intact(demo_url)
    assert export(demo_url, target, monkeypatch, "--full-move" if full_move else "--plaintext") == 0
    source = dump(demo_url)  # after the export: its own audit row is not in the file

    def no_temporary_files(*args: object, **kwargs: object) -> Any:
        raise AssertionError("the import wrote a temporary file")

    with monkeypatch.context() as patch:  # the decrypted export never touches the disk
        for name in ("mkstemp", "NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile"):
            patch.setattr(tempfile, name, no_temporary_files)
        flags = () if full_move else ("--admin", "admin")
        assert import_(pg_url, target, monkeypatch, *flags) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(
        [target.name, "demo.sqlite3", "demo.sqlite3.keys"])
    copy = dump(pg_url)

    assert copy["login_sessions"] == []
    for name in set(source) - {"login_sessions", "audit_log", "audit_head", "audit_subjects", "users"}:
        assert copy[name] == source[name], name
    hash_columns = ("password_hash", "must_change_password", "password_changed_at")
    for mine, theirs in zip(copy["users"], source["users"], strict=True):
        assert {k: v for k, v in mine.items() if k not in hash_columns} == \
               {k: v for k, v in theirs.items() if k not in hash_columns}
        if full_move:
            assert mine == theirs
        elif mine["username"] != "admin":
            assert (mine["password_hash"], mine["must_change_password"]) == (UNUSABLE_PASSWORD_HASH, True)
    exported_audit = [r for r in source["audit_log"] if r["id"] < source["audit_log"][-1]["id"]]
    assert copy["audit_log"][:-1] == exported_audit
    last_exported = exported_audit[-1]["id"]  # the export's own row (and its residents) came after
    assert [r for r in copy["audit_subjects"] if r["audit_id"] <= last_exported] == \
           [r for r in source["audit_subjects"] if r["audit_id"] <= last_exported]
    assert copy["audit_log"][-1]["action"] == "import"
    assert chain_is_intact(pg_url)

    services = next(_services(pg_url))
    try:
        if full_move:
            assert services.auth.login("mette", DEMO_PASSWORD, "pc").role is Role.MANAGER
        else:
            assert "safetylog user reset" in out and "mette" in out
            assert services.auth.login("admin", NEW_ADMIN_PASSWORD, "pc").role is Role.ADMIN
            with pytest.raises(AuthenticationError):
                services.auth.login("mette", DEMO_PASSWORD, "pc")
        assert chain_is_intact(pg_url)  # and the logins went on from the imported head
    finally:
        services.close()


def test_an_import_without_password_hashes_needs_an_administrator_to_set_one(
    demo_url: str, new_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert export(demo_url, tmp_path / "x.safetylog", monkeypatch) == 0
    capsys.readouterr()
    assert import_(new_url, tmp_path / "x.safetylog", monkeypatch) == 1
    assert "--admin NAME" in capsys.readouterr().err
    assert import_(new_url, tmp_path / "x.safetylog", monkeypatch, "--admin", "mette") == 1
    assert "not an active administrator" in capsys.readouterr().err
    assert nothing_made(new_url)


def test_a_refused_export_does_not_log_its_passphrase(sqlite_world: World, tmp_path: Path) -> None:
    """Refused calls are audited with their arguments; the passphrase must not be one of them."""
    with pytest.raises(PermissionDenied):
        sqlite_world.services.exchange.export_to(sqlite_world.actor(Role.MANAGER), tmp_path / "x",
                                                 passphrase=PASSPHRASE, full_move=False)
    url = str(sqlite_world.services.engine.url)
    action, details = rows(url, AuditRow.action, AuditRow.details)[-1]
    assert action == "denied" and details["arguments"]["full_move"] is False
    assert PASSPHRASE not in json.dumps(details)
    assert not (tmp_path / "x").exists()
