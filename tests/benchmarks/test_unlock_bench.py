"""Opening the demo database, unencrypted against encrypted, and the integrity check's cost.

Unencrypted: engine, migration check, services, login. Encrypted: the key file's slot
(argon2id at the production cost), the engine with the key, ``PRAGMA quick_check``, migration
check, services, login. Both at production password cost, in the same run.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import update

from safetylog.config import DatabaseLocation
from safetylog.domain import crypto
from safetylog.services import auth
from safetylog.services.container import Services, unlock_and_open
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage import keyslots, migrate
from safetylog.storage.embedded import quick_check
from safetylog.storage.engine import make_engine
from safetylog.storage.models import User
from tests.benchmarks.conftest import BENCH_KEY
from tests.conftest import TEST_KEY, open_engine

pytestmark = pytest.mark.benchmark

RUNS = 7


def _median_ms(call: Callable[[], object], runs: int = RUNS) -> float:
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


@pytest.fixture
def production_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth, "_hasher", PasswordHasher())
    monkeypatch.setattr(keyslots, "kdf_params", crypto.DEFAULT_KDF)


def test_open_and_unlock_the_demo_database(demo_url: str, tmp_path: Path, production_cost: None) -> None:
    encrypted = Path(demo_url.removeprefix("sqlite:///"))
    services = Services.build(open_engine(demo_url), DatabaseLocation(demo_url, "bench"))
    with services.session_factory.begin() as session:  # the admin's hash at production cost
        session.execute(update(User).where(User.username == "admin")
                        .values(password_hash=auth.hash_password(DEMO_PASSWORD)))
    services.key_ring = keyslots.KeyRing(keyslots.key_file_for(encrypted), TEST_KEY)
    services.key_ring.set_password("admin", DEMO_PASSWORD)  # a slot at production cost
    services.close()
    plain = tmp_path / "plain.sqlite3"
    engine = open_engine(demo_url)
    raw = engine.raw_connection()
    try:
        raw.cursor().execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        raw.cursor().execute("SELECT sqlcipher_export('plain')")
        raw.cursor().execute("DETACH DATABASE plain")
    finally:
        raw.close()
        engine.dispose()
    plain_url = f"sqlite:///{plain}"

    def open_plain() -> None:
        engine = make_engine(plain_url, plaintext=True)
        migrate.upgrade(engine)
        opened = Services.build(engine, DatabaseLocation(plain_url, "bench"))
        opened.auth.login("admin", DEMO_PASSWORD, workstation="bench")
        opened.close()

    def open_encrypted() -> None:
        opened, _actor = unlock_and_open(demo_url, "admin", DEMO_PASSWORD, "bench")
        opened.close()

    def derive_only() -> None:
        crypto.derive_key(DEMO_PASSWORD, b"\0" * 16)

    plain_ms, enc_ms, kdf_ms = _median_ms(open_plain), _median_ms(open_encrypted), _median_ms(derive_only)
    print(f"\nOpen + login, demo database ({encrypted.stat().st_size / 1e6:.1f} MB): "
          f"unencrypted {plain_ms:.0f} ms, encrypted with unlock {enc_ms:.0f} ms "
          f"(ratio {enc_ms / plain_ms:.2f}); one argon2id of the slot {kdf_ms:.0f} ms")


def test_quick_check_cost_on_the_big_database(big_db_path: Path, big_kind: str, tmp_path: Path) -> None:
    copy = tmp_path / "check.sqlite3"
    shutil.copyfile(big_db_path, copy)
    size_mb = copy.stat().st_size / 1e6
    encrypted = big_kind == "encrypted"
    engine = (make_engine(f"sqlite:///{copy}", key=BENCH_KEY) if encrypted
              else make_engine(f"sqlite:///{copy}", plaintext=True))
    try:
        cold = time.perf_counter()
        quick_check(engine)  # the first at start: pages come from the OS cache, not the app's
        cold_ms = (time.perf_counter() - cold) * 1000
        warm_ms = _median_ms(lambda: quick_check(engine), runs=3)
    finally:
        engine.dispose()
    print(f"\nPRAGMA quick_check on the {big_kind} big database ({size_mb:.0f} MB): "
          f"first {cold_ms:.0f} ms, again {warm_ms:.0f} ms")
