"""Backups: a restore gives back exactly what was backed up; a backup reads as noise without the
key; a non-empty target or a damaged backup is refused and changes nothing; the daily backup
runs once a day at the first login and keeps 14."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from safetylog.cli import main
from safetylog.services import backups
from safetylog.services.container import unlock_and_open
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage.keyslots import key_file_for
from safetylog.storage.models import Incident
from tests.cli.test_exchange import dump
from tests.conftest import open_engine

AUDIT = ("audit_log", "audit_head")


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backup_file(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    target = tmp_path / "copies" / "demo-backup.sqlite3"
    assert main(["--database", demo_url, "backup", str(target), "-u", "admin"]) == 0
    return target


def _without_login(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """What a login changes (its session, the user's last login) and the audit chain left out."""
    users = [{k: v for k, v in row.items() if k not in ("last_login_at", "version")}
             for row in tables["users"]]
    kept = {name: rows for name, rows in tables.items() if name not in (*AUDIT, "login_sessions")}
    return {**kept, "users": users}


def test_backup_then_restore_gives_the_same_rows(demo_url: str, backup_file: Path,
                                                 tmp_path: Path) -> None:
    source, backed = dump(demo_url), dump(f"sqlite:///{backup_file}")
    # The copy is the database as it was; only the audit row of the backup itself follows it.
    assert {n: r for n, r in backed.items() if n not in AUDIT} == \
        {n: r for n, r in source.items() if n not in AUDIT}
    assert source["audit_log"][:len(backed["audit_log"])] == backed["audit_log"]
    assert [r["entity"] for r in source["audit_log"][len(backed["audit_log"]):]] == ["database_backup"]

    restored_url = f"sqlite:///{tmp_path / 'restored' / 'safetylog.sqlite3'}"
    assert main(["--database", restored_url, "restore", str(backup_file), "-u", "admin"]) == 0
    restored = dump(restored_url)
    assert _without_login(restored) == _without_login(backed)
    # The restore's login, check and own record follow the backed-up chain, which is unchanged.
    assert restored["audit_log"][:len(backed["audit_log"])] == backed["audit_log"]
    assert any(r["entity"] == "database" and r["details"].get("restored_from") == backup_file.name
               for r in restored["audit_log"][len(backed["audit_log"]):])


def test_backup_is_private_and_unreadable_without_the_key(demo_url: str, backup_file: Path) -> None:
    engine = open_engine(demo_url)
    with engine.connect() as conn:
        narrative = conn.scalar(select(Incident.narrative).order_by(Incident.id).limit(1))
    engine.dispose()
    word = max(str(narrative).split(), key=len)
    content = backup_file.read_bytes()
    assert not content.startswith(b"SQLite format 3")
    assert word.encode() not in content and b"Anna Holm" not in content
    assert backup_file.stat().st_mode & 0o777 == 0o600
    assert key_file_for(backup_file).stat().st_mode & 0o777 == 0o600
    assert not list(backup_file.parent.glob(".*"))  # no temporary left behind


def test_restore_into_a_database_is_refused(demo_url: str, backup_file: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    target = _path(demo_url)
    before = (_digest(target), _digest(key_file_for(target)))
    capsys.readouterr()
    assert main(["--database", demo_url, "restore", str(backup_file), "-u", "admin"]) == 1
    err = capsys.readouterr().err
    assert "already holds a database" in err and len(err.strip().splitlines()) == 1
    assert (_digest(target), _digest(key_file_for(target))) == before


def test_damaged_backup_is_refused(backup_file: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    content = bytearray(backup_file.read_bytes())
    middle = len(content) // 2
    content[middle:middle + 64] = bytes(64)
    backup_file.write_bytes(bytes(content))
    target = tmp_path / "restored" / "safetylog.sqlite3"
    capsys.readouterr()
    assert main(["--database", f"sqlite:///{target}", "restore", str(backup_file), "-u", "admin"]) == 1
    assert "safetylog:" in capsys.readouterr().err
    assert not target.exists() and not key_file_for(target).exists()
    assert not [p for p in target.parent.iterdir()] if target.parent.exists() else True


def test_status_warns_about_an_old_backup(demo_url: str, backup_file: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--database", demo_url, "backup", "--status"]) == 0
    assert "up to date" in capsys.readouterr().out
    folder = backups.folder_for(_path(demo_url))
    status = json.loads((folder / backups.STATUS_FILE).read_text())
    status["last_good_at"] = (datetime.now(UTC) - timedelta(days=3)).isoformat()
    (folder / backups.STATUS_FILE).write_text(json.dumps(status))
    assert main(["--database", demo_url, "backup", "--status"]) == 1
    out = capsys.readouterr().out
    assert "WARNING" in out and "two days" in out


def test_daily_backup_once_a_day_at_the_first_login(demo_url: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backups, "daily_enabled", True)
    folder = backups.folder_for(_path(demo_url))
    day = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

    def login_at(moment: datetime) -> None:
        services, _actor = unlock_and_open(demo_url, "admin", DEMO_PASSWORD, "test",
                                           clock=lambda: moment)
        services.close()  # waits for the backup

    login_at(day)
    login_at(day + timedelta(hours=2))
    daily = sorted(folder.glob("daily-*.sqlite3"))
    assert len(daily) == 1 and key_file_for(daily[0]).exists()
    status = backups.status_for(_path(demo_url))
    assert status.last_good_path == str(daily[0]) and not status.warning(day)
    # Older daily copies (their names are what the pruning reads): the next day's keeps 14.
    for n in range(1, 15):
        old = folder / f"daily-202610{n:02d}T090000000000Z.sqlite3"
        old.write_bytes(b"")
        key_file_for(old).write_bytes(b"")
    login_at(day + timedelta(days=1))
    daily = sorted(folder.glob("daily-*.sqlite3"))
    assert len(daily) == backups.KEEP_DAILY
    assert daily[-1].name.startswith(f"daily-{(day + timedelta(days=1)):%Y%m%d}")
    assert daily[0].name.startswith("daily-20261003")  # 1 and 2 October went, key files too
    assert not list(folder.glob("daily-2026100[12]*"))
