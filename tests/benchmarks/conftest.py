"""Benchmark fixtures: the big database, built once (cached across runs) and copied per session.

The copy keeps the cached file pristine, so saving incidents in one run never changes what the
next run measures. ``SAFETYLOG_BENCH_INCIDENTS`` shrinks the database for a quick trial run.
Every benchmark runs on the unencrypted file and on the same data encrypted (SQLCipher), in the
same run, so the cost of encryption is measured, not guessed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from safetylog.config import DatabaseLocation
from safetylog.services.container import Services
from safetylog.storage.engine import make_engine
from tests.benchmarks import timing
from tests.benchmarks.bigdb import cached_big_database, cached_encrypted_copy

INCIDENTS = int(os.environ.get("SAFETYLOG_BENCH_INCIDENTS", "200000"))
FACILITIES = 20
BENCH_KEY = bytes(range(100, 132))


@pytest.fixture(scope="session", params=["plaintext", "encrypted"])
def big_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def big_db_path(tmp_path_factory: pytest.TempPathFactory, big_kind: str) -> Path:
    """A private copy of the cached big database (unencrypted or encrypted) for this run."""
    source = cached_big_database(INCIDENTS, FACILITIES)
    if big_kind == "encrypted":
        source = cached_encrypted_copy(source, BENCH_KEY)
    target = tmp_path_factory.mktemp(f"bigdb-{big_kind}") / "big.sqlite3"
    shutil.copyfile(source, target)
    if big_kind == "encrypted":
        timing.KEYS[target] = BENCH_KEY
    return target


@pytest.fixture(scope="session")
def big_db_url(big_db_path: Path) -> str:
    return f"sqlite:///{big_db_path}"


@pytest.fixture(scope="session")
def big_services(big_db_url: str, big_kind: str) -> Iterator[Services]:
    engine = (make_engine(big_db_url, key=BENCH_KEY) if big_kind == "encrypted"
              else make_engine(big_db_url, plaintext=True))
    services = Services.build(engine, DatabaseLocation(big_db_url, big_kind))
    yield services
    services.close()
