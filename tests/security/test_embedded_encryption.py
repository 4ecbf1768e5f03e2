"""Attacks on the embedded database at rest (threats T1, T2, T6 in the security design).

Each test fails if its protection is removed: SQLCipher in the engine, the key file's slots and
throttle, the private file modes, the integrity check at start, the encryption of an old file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from safetylog.cli import main
from safetylog.domain import crypto
from safetylog.domain.crypto import KdfParams
from safetylog.domain.enums import Role
from safetylog.domain.errors import AccountLocked, AuthenticationError, DatabaseDamaged
from safetylog.domain.timeutil import utcnow
from safetylog.services import sessions
from safetylog.services.container import (
    create_new,
    encrypt_existing,
    open_services,
    probe,
    rekey,
    unlock_and_open,
)
from safetylog.services.demo_content import DEMO_PASSWORD, STAFF
from safetylog.storage import keyslots, migrate
from safetylog.storage.embedded import open_encrypted
from safetylog.storage.keyslots import key_file_for
from tests.conftest import PASSWORD, TEST_KEY, open_engine

HEADER = b"SQLite format 3"


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def narrative_words(url: str, limit: int = 40) -> set[bytes]:
    """Long words from the demo's narratives, the text an attacker wants."""
    engine = open_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT narrative FROM incidents WHERE narrative != '' LIMIT 200")).scalars()
        words = {w for row in rows for w in re.findall(r"[A-Za-zÆØÅæøå]{9,}", row)}
    engine.dispose()
    assert len(words) >= 10
    return {w.encode() for w in sorted(words)[:limit]}


def key_forms(key: bytes) -> list[bytes]:
    return [key, key.hex().encode(), key.hex().upper().encode(), base64.b64encode(key)]


def assert_no_secret(data: bytes, words: set[bytes], key: bytes = TEST_KEY) -> None:
    assert not data.startswith(HEADER)
    found = [w for w in words if w in data]
    assert not found, found[:5]
    assert not any(k in data for k in key_forms(key))


def _new(tmp_path: Path, name: str = "office.sqlite3") -> tuple[str, str]:
    url = f"sqlite:///{tmp_path / 'data' / name}"
    created = create_new(url, facility_code="HAV", facility_name="Havblik", admin_username="anna",
                         admin_display_name="Anna Holm", admin_password=PASSWORD)
    created.services.close()
    return url, created.recovery_key


# --- the file, the WAL, a backup and the key file -------------------------------------------------


def test_the_database_file_holds_no_header_and_no_narrative_word(demo_url: str) -> None:
    words = narrative_words(demo_url)
    assert_no_secret(_path(demo_url).read_bytes(), words)


def test_a_backup_the_wal_and_the_key_file_hold_no_narrative_and_no_key(demo_url: str) -> None:
    words = narrative_words(demo_url)
    services = open_services(demo_url, key=TEST_KEY)
    try:
        backup = migrate.backup_sqlite(services.engine)
        assert backup is not None
        assert_no_secret(backup.read_bytes(), words)
        secret = "Blåmejsehemmelighed"
        with services.engine.connect() as holder:  # holds the WAL open: no checkpoint on close
            holder.exec_driver_sql("SELECT count(*) FROM incidents").scalar()
            with services.engine.begin() as conn:
                conn.execute(text("UPDATE incidents SET narrative = :n WHERE id = "
                                  "(SELECT min(id) FROM incidents)"), {"n": f"{secret} {secret}"})
            wal = Path(f"{_path(demo_url)}-wal").read_bytes()
            assert len(wal) > 0
            assert_no_secret(wal, {*words, secret.encode()})
    finally:
        services.close()
    keys = key_file_for(_path(demo_url)).read_bytes()
    assert_no_secret(keys, words)


def test_plain_sqlite_cannot_read_the_file_nor_add_an_administrator(demo_url: str) -> None:
    path = _path(demo_url)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO users (username, display_name, role, password_hash, active) "
                     "VALUES ('backdoor', 'B', 'admin', 'x', 1)")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    engine = open_engine(demo_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM users WHERE username = 'backdoor'")).scalar() == 0
    engine.dispose()


# --- passwords and the key file -------------------------------------------------------------------


def test_the_wrong_password_or_key_cannot_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = _new(tmp_path)
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        unlock_and_open(url, "anna", PASSWORD + "x")
    with pytest.raises(AuthenticationError, match="Wrong user name or password"):
        unlock_and_open(url, "nobody", PASSWORD)
    with pytest.raises(DatabaseDamaged):
        open_encrypted(_path(url), [os.urandom(32)])
    monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(minutes=1))  # past the wait
    services, actor = unlock_and_open(url, "anna", PASSWORD)
    services.close()
    assert actor.username == "anna"


def test_ten_wrong_passwords_lock_the_slot_until_an_administrator_clears_it(tmp_path: Path) -> None:
    url, _ = _new(tmp_path)
    keys = key_file_for(_path(url))
    now = utcnow()
    for attempt in range(10):
        now += timedelta(seconds=61)  # past every growing delay: only the count matters here
        with pytest.raises(AuthenticationError) as refused:
            keyslots.unlock(keys, "anna", f"wrong-{attempt}", now)
        assert not isinstance(refused.value, AccountLocked)
    with pytest.raises(AccountLocked):
        keyslots.unlock(keys, "anna", PASSWORD, now + timedelta(seconds=61))
    # The count lives in the key file: it holds across processes, before the database opens.
    with pytest.raises(AccountLocked):
        unlock_and_open(url, "anna", PASSWORD)
    # An administrator, with the master key in memory, lifts it.
    services = open_services(url, key=_MASTERS[url])
    assert services.key_ring is not None
    services.key_ring.clear_failures("anna")
    services.close()
    services, actor = unlock_and_open(url, "anna", PASSWORD)
    try:
        assert actor.username == "anna"
        with services.engine.connect() as conn:  # the failed attempts reached the audit log
            failed = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'login_failed'"))
            assert failed.scalar_one() >= 10
    finally:
        services.close()


_MASTERS: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def _remember_master_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record each new database's master key, as the running app holds it in memory."""
    original = keyslots.create

    def create(path: Path, master: bytes, username: str, password: str) -> str:
        _MASTERS[f"sqlite:///{str(path).removesuffix('.keys')}"] = master
        return original(path, master, username, password)

    monkeypatch.setattr(keyslots, "create", create)


# --- files private to the OS user -----------------------------------------------------------------


def test_the_data_folder_is_0700_and_every_file_safetylog_writes_is_0600(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    old_umask = os.umask(0o022)  # a permissive default, as on many desktops
    try:
        monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", PASSWORD)
        monkeypatch.setenv("SAFETYLOG_PASSWORD", PASSWORD)
        sheet = tmp_path / "recovery.txt"
        assert main(["init", "--facility-code", "HAV", "--facility-name", "Havblik", "--admin", "anna",
                     "--admin-name", "Anna Holm", "--recovery-key-file", str(sheet)]) == 0
        os.umask(0o022)  # a plug-in or library may reset it; the modes must not depend on it
        assert main(["user", "list", "--user", "anna"]) == 0
        data = tmp_path / "userdata"
        services = open_services(f"sqlite:///{data / 'safetylog.sqlite3'}", key=_MASTERS[
            f"sqlite:///{data / 'safetylog.sqlite3'}"])
        try:
            assert migrate.backup_sqlite(services.engine) is not None
            with services.engine.begin() as conn:  # -wal and -shm exist while it is open
                conn.execute(text("UPDATE facilities SET name = 'Havblik 2'"))
            files = [p for p in data.rglob("*") if p.is_file()]
            assert {p.name for p in files} >= {"safetylog.sqlite3", "safetylog.sqlite3.keys",
                                               "safetylog.sqlite3-wal"}
            assert any(p.suffix == ".bak" for p in files)
            for path in [*files, sheet]:
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
            assert stat.S_IMODE(data.stat().st_mode) == 0o700
        finally:
            services.close()
    finally:
        os.umask(old_umask)
    assert "Recovery key" in capsys.readouterr().out


# --- damaged files at start -----------------------------------------------------------------------


def test_a_zero_byte_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "data" / "safetylog.sqlite3"
    path.parent.mkdir()
    path.touch()
    url = f"sqlite:///{path}"
    state = probe(url)
    assert state.kind == "damaged" and "0 bytes" in state.message
    for attempt in (lambda: unlock_and_open(url, "anna", PASSWORD),
                    lambda: create_new(url, facility_code="HAV", facility_name="H", admin_username="anna",
                                       admin_display_name="A", admin_password=PASSWORD),
                    lambda: encrypt_existing(url)):
        with pytest.raises(DatabaseDamaged):
            attempt()
    assert path.stat().st_size == 0
    assert sorted(p.name for p in path.parent.iterdir()) == ["safetylog.sqlite3"]


def test_a_damaged_file_is_refused_unchanged_with_no_backup(tmp_path: Path) -> None:
    url, _ = _new(tmp_path)
    path = _path(url)
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(64)  # one page's ciphertext cut: its MAC fails
    path.write_bytes(bytes(data))
    before = sorted(p.name for p in path.parent.iterdir())
    assert probe(url).kind == "locked"
    with pytest.raises(DatabaseDamaged, match="cannot be read"):
        unlock_and_open(url, "anna", PASSWORD)
    assert path.read_bytes() == bytes(data)
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no backup, no -wal written


def test_an_encrypted_file_without_its_key_file_is_damaged(tmp_path: Path) -> None:
    url, _ = _new(tmp_path)
    key_file_for(_path(url)).unlink()
    state = probe(url)
    assert state.kind == "damaged" and "key file" in state.message


# --- an old unencrypted database ------------------------------------------------------------------


def _plaintext_copy(demo_url: str, target: Path) -> None:
    """The demo database as an earlier version left it: an unencrypted SQLite file."""
    engine = open_engine(demo_url)
    raw = engine.raw_connection()
    try:
        raw.cursor().execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        raw.cursor().execute("SELECT sqlcipher_export('plain')")
        raw.cursor().execute("DETACH DATABASE plain")
    finally:
        raw.close()
        engine.dispose()
    assert target.read_bytes().startswith(HEADER)


def _row_counts(engine_url: str, key: bytes | None) -> dict[str, int]:
    from safetylog.storage.engine import make_engine

    engine = make_engine(engine_url, key=key, plaintext=key is None)
    with engine.connect() as conn:
        names = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        counts = {n: conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() or 0 for n in names}
    engine.dispose()
    return counts


def test_an_old_plaintext_database_is_encrypted_keeping_every_row_and_password(
    demo_url: str, tmp_path: Path,
) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "safetylog.sqlite3"
    _plaintext_copy(demo_url, path)
    old_backup = folder / "safetylog.sqlite3.20250101T000000000000Z.bak"
    shutil.copy(path, old_backup)
    url = f"sqlite:///{path}"
    expected = _row_counts(url, None)
    words = narrative_words(demo_url)
    assert probe(url).kind == "plaintext"

    backup = encrypt_existing(url)

    assert probe(url).kind == "locked"
    for leftover in folder.iterdir():  # the file, its backups and the key file: none in clear
        assert_no_secret(leftover.read_bytes(), words)
    assert {p.name for p in folder.iterdir()} == {path.name, backup.name, old_backup.name,
                                                  key_file_for(path).name}
    first = True
    for username, _name, role, _facilities in STAFF:
        services, actor = unlock_and_open(url, username, DEMO_PASSWORD)
        try:
            assert actor.username == username
            assert services.key_ring is not None
            if role is Role.ADMIN:
                shown = services.key_ring.take_pending_recovery_key()
                assert shown if first else shown is None
                assert services.key_ring.take_pending_recovery_key() is None  # shown once
                first = False
            master = services.key_ring.master_key
        finally:
            services.close()
    counts = _row_counts(url, master)
    # The logins above added audit rows and sessions; every table had at least what it had.
    assert {n: c for n, c in counts.items() if n not in {"audit_log", "audit_head", "login_sessions"}} \
        == {n: c for n, c in expected.items() if n not in {"audit_log", "audit_head", "login_sessions"}}
    assert _row_counts(f"sqlite:///{backup}", master) == expected
    assert _row_counts(f"sqlite:///{old_backup}", master) == expected
    # The first login resealed each slot with a fresh salt: the old hash no longer opens it.
    slots = keyslots.read(key_file_for(path))["users"]
    assert not any(slot.get("legacy") for slot in slots.values())


# --- rekey and recovery ---------------------------------------------------------------------------


def test_rekey_makes_the_old_key_useless_and_keeps_every_login(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    url, old_recovery = _new(tmp_path)
    old_master = _MASTERS[url]
    services, admin = unlock_and_open(url, "anna", PASSWORD)
    try:
        services.admin.create_user(admin, "nanna", "Nanna", PASSWORD + "n", Role.NIGHT_STAFF, (), True)
        assert services.key_ring is not None
        services.key_ring.set_password("nanna", PASSWORD + "n")
    finally:
        services.close()
    old_key_file = key_file_for(_path(url)).read_bytes()

    monkeypatch.setenv("SAFETYLOG_PASSWORD", PASSWORD)
    assert main(["--database", url, "db", "rekey", "--user", "anna"]) == 0
    new_recovery = re.search(r"([A-Z2-7]{4}-){12}[A-Z2-7]{4}", capsys.readouterr().out)
    assert new_recovery is not None and new_recovery.group(0) != old_recovery

    with pytest.raises(DatabaseDamaged):
        open_encrypted(_path(url), [old_master])
    with pytest.raises(AuthenticationError):
        keyslots.unlock_with_recovery_key(key_file_for(_path(url)), old_recovery)
    for username, password in (("anna", PASSWORD), ("nanna", PASSWORD + "n")):
        services, actor = unlock_and_open(url, username, password)
        services.close()
        assert actor.username == username
    # An old copy of the key file unwraps only the old key, which opens nothing any more.
    saved = tmp_path / "old.keys"
    saved.write_bytes(old_key_file)
    stale = keyslots.unlock(saved, "anna", PASSWORD, utcnow())
    with pytest.raises(DatabaseDamaged):
        open_encrypted(_path(url), [stale.master_key, *stale.older_keys])


def test_rekey_in_process_replaces_the_engine(tmp_path: Path) -> None:
    url, _ = _new(tmp_path)
    services, _actor = unlock_and_open(url, "anna", PASSWORD)
    try:
        rekey(services)
        assert services.admin.list_users(_actor)[0].username == "anna"
    finally:
        services.close()


def test_recover_with_the_recovery_key_sets_a_new_admin_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    url, recovery = _new(tmp_path)
    monkeypatch.setenv("SAFETYLOG_RECOVERY_KEY", recovery.lower())  # typed by hand, any case
    monkeypatch.setenv("SAFETYLOG_NEW_PASSWORD", "a-new-long-password")
    assert main(["--database", url, "db", "recover", "--user", "anna"]) == 0
    assert "new password" in capsys.readouterr().out
    with pytest.raises(AuthenticationError):
        unlock_and_open(url, "anna", PASSWORD)
    monkeypatch.setattr(sessions, "now", lambda: utcnow() + timedelta(minutes=2))  # past the wait
    services, actor = unlock_and_open(url, "anna", "a-new-long-password")
    services.close()
    assert actor.role is Role.ADMIN
    wrong = ("B" if recovery[0] != "B" else "C") + recovery[1:]
    monkeypatch.setenv("SAFETYLOG_RECOVERY_KEY", wrong)
    assert main(["--database", url, "db", "recover", "--user", "anna"]) == 1


def test_an_edited_key_file_is_noticed_and_audited_at_the_next_login(tmp_path: Path) -> None:
    url, _ = _new(tmp_path)
    services, admin = unlock_and_open(url, "anna", PASSWORD)
    try:
        services.admin.create_user(admin, "nanna", "Nanna", PASSWORD + "n", Role.NIGHT_STAFF, (), True)
        assert services.key_ring is not None
        services.key_ring.set_password("nanna", PASSWORD + "n")
    finally:
        services.close()
    keys = key_file_for(_path(url))
    data = keyslots.read(keys)
    del data["users"]["nanna"]  # someone removes a colleague's access by editing the file
    keys.write_text(json.dumps(data))
    unlocked = keyslots.unlock(keys, "anna", PASSWORD, utcnow())
    assert unlocked.tampered
    keys.write_text(json.dumps(data))
    services, _admin = unlock_and_open(url, "anna", PASSWORD)
    try:
        with services.engine.connect() as conn:
            rows = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'verify' "
                                     "AND entity = 'key_file'")).scalar()
        assert rows == 1
    finally:
        services.close()
    assert not keyslots.unlock(keys, "anna", PASSWORD, utcnow()).tampered  # written anew since


def test_an_unknown_user_costs_one_key_derivation_like_a_known_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, _ = _new(tmp_path)
    calls: list[object] = []
    original = crypto.derive_key

    def counting(secret: str | bytes, salt: bytes, params: KdfParams = keyslots.kdf_params) -> bytes:
        calls.append(params)
        return original(secret, salt, params)

    monkeypatch.setattr(crypto, "derive_key", counting)  # the module keyslots calls it through
    for name in ("anna", "nobody"):
        calls.clear()
        with pytest.raises(AuthenticationError, match="Wrong user name or password"):
            keyslots.unlock(key_file_for(_path(url)), name, "wrong-password", utcnow() + timedelta(hours=1))
        assert calls == [keyslots.kdf_params]
