"""Verifying the audit chain of the 200 000-incident database: its log grown to a realistic size
(about five rows per incident: a million) and checked end to end, with peak memory.

Goal: seconds per hundred thousand rows, and memory that does not grow with the log (rows are
streamed). Run with ``make bench``; ``SAFETYLOG_BENCH_AUDIT_ROWS`` changes the log's size.
"""

from __future__ import annotations

import os
import time
import tracemalloc

import pytest

from safetylog.services.container import Services
from safetylog.storage import audit_verify
from tests.benchmarks.audit_log import append_audit_log
from tests.benchmarks.conftest import INCIDENTS

pytestmark = pytest.mark.benchmark

AUDIT_ROWS = int(os.environ.get("SAFETYLOG_BENCH_AUDIT_ROWS", str(INCIDENTS * 5)))
GOAL_SECONDS_PER_100K = 10.0
GOAL_PEAK_MB = 64


def test_verifying_a_million_row_log(big_services: Services) -> None:
    append_audit_log(big_services.engine, AUDIT_ROWS)
    tracemalloc.start()
    started = time.perf_counter()
    with big_services.session_factory() as session:
        report = audit_verify.verify(session)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"\nverify: {report.rows_checked:,} rows in {seconds:.1f} s "
          f"({seconds / report.rows_checked * 1e6:.0f} µs a row), peak {peak:.0f} MiB")
    assert report.ok and report.rows_checked >= AUDIT_ROWS
    assert seconds / report.rows_checked * 100_000 < GOAL_SECONDS_PER_100K
    assert peak < GOAL_PEAK_MB
