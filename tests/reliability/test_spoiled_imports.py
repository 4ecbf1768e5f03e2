"""Hundreds of spoiled variants of a demo export: each is refused in one clear line and leaves the
new database empty, or is accepted only if every record in it passes the app's own validation.
No variant raises anything else, takes 30 s, or (the endless and huge inputs, measured in a
process of their own) makes the import hold 500 MB.

``SAFETYLOG_SPOILED_VARIANTS=2000`` runs more variants than the 200 of a normal run.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from safetylog.config import DatabaseLocation
from safetylog.domain.crypto import KdfParams
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import utcnow
from safetylog.services import export_file
from safetylog.services.container import Services
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.services.exchange import ImportRefused
from safetylog.services.incident_mapping import input_from_row
from safetylog.services.incident_validation import validate_incident
from safetylog.storage.models import Incident
from tests.conftest import open_engine
from tests.factories import last_audit_id, table_counts
from tests.reliability.spoilers import KINDS, encode, variant

VARIANTS = int(os.environ.get("SAFETYLOG_SPOILED_VARIANTS", "200"))
SEED = 9
KEPT_INCIDENTS = 40  # of the demo year's 800: enough of every kind of row, quick to load 200 times
KEPT_AUDIT_ROWS = 200
NEW_PASSWORD = "tre grønne ænder på Havblik"
PASSPHRASE = "en lang og hemmelig sætning"
SLOWEST_ALLOWED = 30.0
MEMORY_ALLOWED_MB = 500


def _trimmed(document: dict[str, Any], keep: int) -> dict[str, Any]:
    """The export with only its first ``keep`` incidents (and whatever hangs off them)."""
    out = copy.deepcopy(document)
    tables = out["tables"]
    kept = {row["id"] for row in tables["incidents"][:keep]}
    tables["incidents"] = tables["incidents"][:keep]
    for row in tables["incidents"]:
        if row["linked_incident_id"] not in kept:
            row["linked_incident_id"] = None
    for name, rows in tables.items():
        if name != "incidents" and rows and "incident_id" in rows[0]:
            tables[name] = [row for row in rows if row["incident_id"] in kept]
    out["incidents"] = [item for item in out["incidents"] if item["id"] in kept]
    # The newest audit rows only: the head names the last, which is all an import checks.
    tables["audit_log"] = tables["audit_log"][-KEPT_AUDIT_ROWS:]
    audit_ids = {row["id"] for row in tables["audit_log"]}
    tables["audit_subjects"] = [row for row in tables["audit_subjects"] if row["audit_id"] in audit_ids]
    return out


@pytest.fixture(scope="module")
def demo_export(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("spoiled")
    path = folder / "demo.sqlite3"
    shutil.copy(demo_template, path)
    services = Services.build(open_engine(f"sqlite:///{path}"), DatabaseLocation(f"sqlite:///{path}", "t"))
    try:
        admin = services.auth.login("admin", DEMO_PASSWORD, workstation="test")
        document = services.exchange.export_document(admin)
    finally:
        services.close()
    return encode(_trimmed(document, KEPT_INCIDENTS))


class Target:
    """One empty database at a time: a refused import leaves it empty, so it is used again."""

    def __init__(self, folder: Path, template: Path) -> None:
        self._folder, self._template, self._made = folder, template, 0
        self.services = self._fresh()

    def _fresh(self) -> Services:
        self._made += 1
        folder = self._folder / f"db{self._made}"
        folder.mkdir()
        shutil.copy(self._template, folder / "test.sqlite3")
        url = f"sqlite:///{folder / 'test.sqlite3'}"
        return Services.build(open_engine(url), DatabaseLocation(url, "test"))

    def replace(self) -> None:
        self.services.close()
        self.services = self._fresh()

    def close(self) -> None:
        self.services.close()


@pytest.fixture
def target(tmp_path: Path, sqlite_template: Path) -> Iterator[Target]:
    made = Target(tmp_path, sqlite_template)
    yield made
    made.close()


def _try(services: Services, path: Path, passphrase: str | None = None) -> tuple[str, str, float]:
    """Import ``path``; ('refused'|'accepted'|exception type, message, seconds)."""
    began = time.perf_counter()
    try:
        services.exchange.import_from(path, passphrase=passphrase, admin=("admin", NEW_PASSWORD))
        outcome, message = "accepted", ""
    except ImportRefused as refused:
        outcome, message = "refused", str(refused)
    except Exception as exc:  # anything but a refusal is the finding
        outcome, message = type(exc).__name__, str(exc)
    return outcome, message, time.perf_counter() - began


def _assert_valid(services: Services) -> None:
    """What was accepted opens and every incident passes the entry validation."""
    assert services.auth.login("admin", NEW_PASSWORD, workstation="test").username == "admin"
    taxonomy, now = current_taxonomy(), utcnow()
    with services.session_factory() as session:
        incidents = list(session.scalars(select(Incident)))
        assert incidents
        for row in incidents:
            validate_incident(session, input_from_row(row), taxonomy, now)


def test_spoiled_demo_exports_are_refused_cleanly_or_are_valid(
        demo_export: bytes, target: Target, tmp_path: Path) -> None:
    file = tmp_path / "variant.json"
    file.write_bytes(demo_export)
    assert _try(target.services, file)[0] == "accepted", "the untouched export must load"
    _assert_valid(target.services)
    target.replace()

    outcomes: Counter[str] = Counter()
    accepted: list[str] = []
    problems: list[str] = []
    began = time.perf_counter()
    slowest = (0.0, "")
    for index in range(VARIANTS):
        kind, content, must_refuse = variant(SEED, index, demo_export)
        file.write_bytes(content)
        engine = target.services.engine
        before = (table_counts(engine), last_audit_id(engine))
        outcome, message, seconds = _try(target.services, file)
        outcomes[outcome] += 1
        slowest = max(slowest, (seconds, kind))
        label = f"variant {index} ({kind})"
        if outcome == "refused":
            if "\n" in message or not message:
                problems.append(f"{label}: refusal is not one line: {message!r}")
            if (table_counts(engine), last_audit_id(engine)) != before:
                problems.append(f"{label}: a refused import left rows behind")
        elif outcome == "accepted":
            accepted.append(kind)
            if must_refuse:
                problems.append(f"{label}: accepted, but it breaks the app's rules")
            _assert_valid(target.services)
            target.replace()
        else:
            problems.append(f"{label}: {outcome}: {message[:200]}")
    print(f"\n{VARIANTS} variants in {time.perf_counter() - began:.1f} s: {dict(outcomes)}, "
          f"accepted: {sorted(accepted)}; slowest {slowest[0]:.2f} s ({slowest[1]})")
    assert not problems, "\n".join(problems)
    assert slowest[0] < SLOWEST_ALLOWED
    assert outcomes["refused"] >= VARIANTS // 2  # most spoilings must be caught, not waved through


def test_spoiled_encrypted_exports_are_refused(demo_export: bytes, target: Target, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_file, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))
    sealed = export_file.write(tmp_path / "demo.safetylog", iter([demo_export]), PASSPHRASE).path
    content = sealed.read_bytes()
    header_end = content.index(b"\n", len(export_file.MAGIC)) + 1
    sealed_chunk = 12 + (1 << 20) + 16  # nonce, a full 1 MiB chunk, tag
    chunks = -(-(len(content) - header_end) // sealed_chunk)
    spoiled = {
        "byte flipped": content[:-100] + bytes([content[-100] ^ 1]) + content[-99:],
        "cut short": content[:len(content) // 2],
        "last chunk missing": content[:header_end + (chunks - 1) * sealed_chunk],
        "garbage added": content + b"\x00" * 64,
        "cost raised": content.replace(b'"memory_cost":8', b'"memory_cost":9'),
        "header cut": content[:header_end - 5],
    }
    for kind, data in spoiled.items():
        file = tmp_path / "spoiled.safetylog"
        file.write_bytes(data)
        outcome, message, _ = _try(target.services, file, PASSPHRASE)
        assert outcome == "refused" and "\n" not in message, (kind, outcome, message)
        assert table_counts(target.services.engine)["incidents"] == 0
    assert _try(target.services, sealed, "not the passphrase at all")[0] == "refused"
    assert _try(target.services, sealed, PASSPHRASE)[0] == "accepted"


@pytest.mark.parametrize("kind", ["narrative too long", "narrative with a CPR number",
                                  "zone of another facility", "status unknown", "beyond 32 bits",
                                  "text with NUL", "user that is not there", "row twice",
                                  "lone surrogate", "5000 digits"])
def test_a_few_spoiled_variants_on_both_databases(demo_export: bytes, services: Services,
                                                  tmp_path: Path, kind: str) -> None:
    _, content, must_refuse = variant(SEED, KINDS.index(kind), demo_export)
    file = tmp_path / "variant.json"
    file.write_bytes(content)
    before = table_counts(services.engine)
    outcome, message, _ = _try(services, file)
    assert must_refuse and outcome == "refused", (kind, outcome, message)
    assert table_counts(services.engine) == before


# --- endless and huge input, in a process of its own so its peak memory is its own ----------

_PROBE = """
import resource, sys, threading, os, time
from pathlib import Path
began = time.perf_counter()
mode, source, database = sys.argv[1:4]
if mode == "pipe":  # an endless stream that looks like the start of an export
    read_end, write_end = os.pipe()
    def feed():
        try:  # the command line reads the first bytes to see whether the file is encrypted
            os.write(write_end, b" " * (1 << 16) + b'{"format": "')
            block = b"a" * (1 << 20)
            while True:
                os.write(write_end, block)
        except OSError:
            return  # the reader refused the stream and closed the pipe: the endless input ends here
    threading.Thread(target=feed, daemon=True).start()
    source = f"/dev/fd/{read_end}"
from safetylog.cli import main
code = main(["--database", database, "import", source, "--admin", "admin"])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(code, peak, round(time.perf_counter() - began, 2))
"""


def _probe(mode: str, source: str, tmp_path: Path) -> tuple[int, int, float, str]:
    env = {**os.environ, "PYTHONPATH": os.getcwd(), "SAFETYLOG_NEW_PASSWORD": NEW_PASSWORD,
           "SAFETYLOG_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", _PROBE, mode, source,
                           f"sqlite:///{tmp_path / 'new' / 'safetylog.sqlite3'}"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    code, peak, seconds = done.stdout.split()
    return int(code), int(peak), float(seconds), done.stderr


@pytest.mark.parametrize("mode", ["/dev/zero", "2 GB file", "endless pipe"])
def test_endless_or_huge_input_is_refused_quickly_in_bounded_memory(mode: str, tmp_path: Path) -> None:
    source = "-"
    if mode == "/dev/zero":
        source = "/dev/zero"
    elif mode == "2 GB file":  # sparse: it costs no disk, but says 2 GB
        big = tmp_path / "big.json"
        with big.open("wb") as handle:
            handle.write(b'{"format": "safetylog-export", "tables": {"x": "')
            handle.truncate(2 * 1024**3)
        source = str(big)
    code, peak, seconds, stderr = _probe("pipe" if mode == "endless pipe" else "file", source, tmp_path)
    print(f"\n{mode}: exit {code}, peak {peak} MB, {seconds} s: {stderr.strip()}")
    assert code != 0
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("safetylog: ") and "Traceback" not in stderr
    assert "larger than" in lines[0] or "not a SafetyLog export" in lines[0]
    assert peak < MEMORY_ALLOWED_MB and seconds < SLOWEST_ALLOWED
    assert json.dumps(lines[0])  # printable as it stands
