"""`safetylog classify`: on the demo export it agrees with the database; candidate files are tried safely."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from safetylog.cli import main
from safetylog.domain.crypto import KdfParams
from safetylog.domain.taxonomy import taxonomy_files
from safetylog.services import export_file as export_file_module
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage.models import DutyRow, Incident
from tests.conftest import open_engine
from tests.core.classification_cases import TEST_INSTRUMENT


@pytest.fixture
def export_file(demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo export, encrypted as by default: classify asks for (here: reads) the passphrase."""
    path = tmp_path / "demo-export.safetylog"
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("SAFETYLOG_EXPORT_PASSPHRASE", "en lang og hemmelig sætning")
    monkeypatch.setattr(export_file_module, "KDF", KdfParams(time_cost=1, memory_cost=8, parallelism=1))
    assert main(["--database", demo_url, "export", str(path), "--user", "admin"]) == 0
    capsys.readouterr()
    return path


def classify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any]:
    code = main(["classify", *args])
    out = capsys.readouterr().out
    return code, (out if "--table" in args else json.loads(out))


def stored(url: str) -> tuple[dict[int, Incident], dict[int, list[tuple[str, str | None]]]]:
    engine = open_engine(url)
    with engine.connect() as conn:
        incidents = {row.id: row for row in conn.execute(select(Incident.__table__))}
        duties: dict[int, list[tuple[str, str | None]]] = {}
        for row in conn.execute(select(DutyRow.__table__).order_by(DutyRow.id)):
            # A force case's deadline moves on once staff have registered it; compare the one it
            # was opened with.
            opened_due = row.details.get("registration_due") if row.kind == "force_case" else None
            due = opened_due or (row.due_at.replace(tzinfo=UTC).isoformat() if row.due_at else None)
            duties.setdefault(row.incident_id, []).append((row.kind, due))
    engine.dispose()
    return incidents, duties  # type: ignore[return-value]


def test_the_demo_export_classifies_exactly_as_the_database_stored_it(
        demo_url: str, export_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result = classify(capsys, str(export_file))
    assert code == 0
    summary = result["summary"]
    assert (summary["incidents"], summary["errors"], summary["changed"]) == (800, 0, 0)
    assert sum(summary["by_primary_type"].values()) == 800  # totals never exceed the incidents
    incidents, duties = stored(demo_url)
    assert len(incidents) == 800
    for item in result["incidents"]:
        row = incidents[item["id"]]
        assert item["severity"] == row.computed_severity
        assert item["primary_type"] == row.primary_type
        assert item["flags"] == list(row.flags)
        assert item["taxonomy_version"] == row.taxonomy_version
        assert [[r["code"], r["da"], r["en"]] for r in item["reasons"]] == list(row.severity_reasons)
        assert (item["soas"] or {}).get("total") == row.soas_total
        assert sorted((d["kind"], d["due_at"]) for d in item["duties"]) == sorted(duties.get(row.id, []))
    # The demo year exercises the rules that open duties.
    kinds = {d["kind"] for item in result["incidents"] for d in item["duties"]}
    assert kinds == {"force_case", "police_decision", "work_injury", "police_report", "dpsd_reminder",
                     "psp_relevant"}
    assert {d["rules_version"] for item in result["incidents"] for d in item["duties"]} == {"2026.2"}
    assert "journal_no" not in json.dumps([d["details"] for i in result["incidents"] for d in i["duties"]])


def test_a_readable_table_in_danish_and_english(export_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, text = classify(capsys, str(export_file), "--table")
    assert code == 0
    lines = text.splitlines()
    assert lines[0].startswith("Ingen SOAS-R-score")
    assert lines[1].split() == ["ID", "Typer", "Alv.", "Gemt", "SOAS-R", "Pligter"]
    assert any(line.startswith("    - Typen «") for line in lines)
    assert lines[-1] == "800 af 800 klassificeret, 0 ændret (*), 0 fejl"
    _, english = classify(capsys, str(export_file), "--table", "--language", "en")
    assert english.splitlines()[-1] == "800 of 800 classified, 0 changed (*), 0 errors"
    assert "    - The type “" in english


def test_a_candidate_taxonomy_shows_what_it_would_change(
        export_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = taxonomy_files()[-1].read_text(encoding="utf-8")
    candidate = tmp_path / "taxonomy-2026.2.toml"
    candidate.write_text(text.replace('version = "2026.1"', 'version = "2026.2"').replace(
        'label_en = "Verbal aggression/offensive behaviour"\ndefault_severity = "S1"',
        'label_en = "Verbal aggression/offensive behaviour"\ndefault_severity = "S2"'), encoding="utf-8")
    code, result = classify(capsys, str(export_file), "--taxonomy", str(candidate))
    assert code == 0 and result["taxonomy_version"] == "2026.2"
    changed = [i for i in result["incidents"] if "computed_severity: 'S1' -> 'S2'" in i["changes"]]
    assert changed and all(i["primary_type"] == "VIO-VRB" for i in changed)
    assert all("taxonomy_version: '2026.1' -> '2026.2'" in i["changes"] for i in result["incidents"])

    # A taxonomy without a code in use: those incidents are reported, the others classified.
    without = tmp_path / "taxonomy-2026.3.toml"
    start = text.index('[[types]]\ncode = "HUS"')
    end = text.index("[[types]]", start + 5)
    without.write_text(text[:start] + text[end:], encoding="utf-8")
    code, result = classify(capsys, str(export_file), "--taxonomy", str(without))
    assert code == 1
    errors = [i for i in result["incidents"] if "error" in i]
    assert errors and result["summary"]["errors"] == len(errors)
    assert errors[0]["error"] == {"types": "Unknown incident type: HUS."}
    assert errors[0]["error_da"] == {"types": "Ukendt hændelsestype: HUS."}


def test_a_candidate_instrument_scores_and_a_broken_one_is_refused(
        export_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, result = classify(capsys, str(export_file), "--instrument", str(TEST_INSTRUMENT))
    assert code == 0 and result["instrument"] == "SOAS-R test-1"
    scored = [i for i in result["incidents"] if i["soas"] and i["soas"]["status"] == "scored"]
    assert scored
    for item in scored:
        assert item["soas"]["total"] == sum(item["soas"]["column_scores"])
    broken = tmp_path / "soas-r.toml"
    broken.write_text(TEST_INSTRUMENT.read_text(encoding="utf-8").replace("weight = 7", "weight = 70"),
                      encoding="utf-8")
    assert main(["classify", str(export_file), "--instrument", str(broken)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("safetylog: SOAS-R instrument refused: soas-r.toml, line ")
    assert "weight must be a whole number 0-22, not 70" in err


def test_plain_lists_and_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    incidents = tmp_path / "incidents.json"
    incidents.write_text(json.dumps([
        {"facility_id": 1, "occurred_start": "2026-03-29T02:30:00+02:00", "narrative": "Fysisk vold.",
         "types": [{"code": "VIO-PHY", "subtype": "staff"}, {"code": "FRC", "subtype": "124d"}],
         "measures": ["hold_124d"],
         "injuries": [{"party": "staff", "level": "treatment_physician", "user_id": 4}]},
        {"facility_id": 1, "occurred_start": "yesterday", "types": [{"code": "OTH"}]},
    ]), encoding="utf-8")
    code, result = classify(capsys, str(incidents))
    assert code == 1
    first, second = result["incidents"]
    assert (first["id"], first["severity"], first["primary_type"]) == (1, "S4", "VIO-PHY")
    assert [d["kind"] for d in first["duties"]] == ["force_case", "police_decision", "work_injury"]
    police = first["duties"][1]
    assert police["due_at"] == "2026-04-01T00:30:00+00:00"  # 72 hours after 02:30 on 29 March
    assert police["source"].startswith("Lov om erstatning fra staten til ofre for forbrydelser")
    assert police["confirmed"] is False
    assert first["stored"] == {} and first["changes"] == []
    assert second == {"id": 2, "error": {"occurred_start": "Invalid format: ISO date and time."},
                      "error_da": {"occurred_start": "Ugyldigt format: ISO date and time."}}

    for content, message in (("{", "is not valid JSON (line 1, column 2)"),
                             ('{"hello": 1}', "the file holds no incidents")):
        incidents.write_text(content, encoding="utf-8")
        assert main(["classify", str(incidents)]) == 1
        assert message in capsys.readouterr().err
    assert main(["classify", str(tmp_path / "missing.json")]) == 1
    assert "cannot read" in capsys.readouterr().err


RULES = Path(__file__).parents[2] / "resources" / "rules" / "duties-2026.2.toml"


def test_a_candidate_rules_file_shows_how_the_duties_would_change(
        export_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = RULES.read_text(encoding="utf-8").replace('version = "2026.2"', 'version = "2027.1"')
    # The police decision within 48 hours instead of 72, and the lawyer confirms the forwarding.
    text = text.replace('count = 72\nunit = "hours"', 'count = 48\nunit = "hours"')
    forwarding = text.index('case = "forwarding"')
    text = text[:forwarding] + text[forwarding:].replace(
        'confirmed_by = ""\nconfirmed_on = ""',
        'confirmed_by = "Advokat Hanne Berg"\nconfirmed_on = "2026-12-01"', 1)
    candidate = tmp_path / "duties-2027.1.toml"
    candidate.write_text(text, encoding="utf-8")
    code, result = classify(capsys, str(export_file), "--rules", str(candidate))
    assert code == 0 and result["rules_version"] == "2027.1"
    moved = [i for i in result["incidents"]
             if any(c.startswith("police_decision: due ") for c in i["duty_changes"])]
    assert moved and result["summary"]["duties_changed"] >= len(moved)
    for item in moved:
        (line,) = [c for c in item["duty_changes"] if c.startswith("police_decision: due")]
        before, after = (datetime.fromisoformat(part.strip().replace(" ", "T"))
                         for part in line.removeprefix("police_decision: due").split("->"))
        assert before - after == timedelta(hours=24)
    line = "force_case/forwarding: not legally confirmed -> confirmed by Advokat Hanne Berg on 2026-12-01"
    confirmed = [i for i in result["incidents"] if line in i["duty_changes"]]
    assert confirmed
    untouched = [i for i in result["incidents"] if not i["duty_changes"]]
    assert untouched and all(not any(d["kind"] in ("police_decision", "force_case") for d in i["duties"])
                             for i in untouched)
    _, table_text = classify(capsys, str(export_file), "--rules", str(candidate), "--table")
    assert "    > police_decision: due " in table_text
    assert table_text.splitlines()[-1].endswith(
        f"pligter ændret for {result['summary']['duties_changed']} (>) med reglerne 2027.1")

    # A broken file is refused with one line naming the file, line, duty and key.
    candidate.write_text(text.replace('count = 48\nunit = "hours"', 'count = 48\nunit = "weeks"'),
                         encoding="utf-8")
    assert main(["classify", str(export_file), "--rules", str(candidate)]) == 1
    err = capsys.readouterr().err.strip()
    line = text.splitlines().index('unit = "hours"') + 1
    assert err == (f"safetylog: duty rules refused: duties-2027.1.toml, line {line}: duty police_decision, "
                   "deadline decision: 'unit' must be one of calendar_days, working_days, hours, not 'weeks'")
