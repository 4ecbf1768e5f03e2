"""Benchmark fixtures: the big database, built once (cached across runs) and copied per session.

The copy keeps the cached file pristine, so saving incidents in one run never changes what the
next run measures. ``SAFETYLOG_BENCH_INCIDENTS`` shrinks the database for a quick trial run.
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
from tests.benchmarks.bigdb import cached_big_database

INCIDENTS = int(os.environ.get("SAFETYLOG_BENCH_INCIDENTS", "200000"))
FACILITIES = 20


@pytest.fixture(scope="session")
def big_db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the cached big database for this run."""
    source = cached_big_database(INCIDENTS, FACILITIES)
    target = tmp_path_factory.mktemp("bigdb") / "big.sqlite3"
    shutil.copyfile(source, target)
    return target


@pytest.fixture(scope="session")
def big_db_url(big_db_path: Path) -> str:
    return f"sqlite:///{big_db_path}"


@pytest.fixture(scope="session")
def big_services(big_db_url: str) -> Iterator[Services]:
    services = Services.build(make_engine(big_db_url), DatabaseLocation(big_db_url, "benchmark"))
    yield services
    services.close()
