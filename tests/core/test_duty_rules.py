"""The duty rules file: each rule with its legal source, and a broken file refused in one line."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from safetylog.classification import classify
from safetylog.classification.duties import DutySpec, deadline_source, duties_for, is_confirmed, source_line
from safetylog.classification.duty_rules import DutyRulesError, book_for_day, parse_rules, shipped_rules
from safetylog.classification.workdays import end_of_local_day
from safetylog.domain.enums import Measure
from safetylog.domain.records import ViolenceDetail
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import COPENHAGEN, to_local
from tests.core.classification_cases import hurt, incident

TAXONOMY = current_taxonomy()
RULES_FILE = Path(__file__).parents[2] / "resources" / "rules" / "duties-2026.2.toml"
TEXT = RULES_FILE.read_text(encoding="utf-8")


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=COPENHAGEN).astimezone(UTC)  # type: ignore[misc, arg-type]


def opened(*codes: str, **facts: object) -> dict[str, DutySpec]:
    data = incident(*codes, **facts)
    return {s.kind: s for s in duties_for(classify(data, TAXONOMY), data, data.occurred_start)}


def test_violence_against_staff_at_23_50_on_a_friday_needs_a_police_decision_by_monday_23_50() -> None:
    friday = local(2026, 3, 13, 23, 50)
    police = opened("VIO-PHY/staff", occurred_start=friday)["police_decision"]
    assert to_local(police.due_at).replace(tzinfo=None) == datetime(2026, 3, 16, 23, 50)  # type: ignore[arg-type]
    source = deadline_source(police.details)
    assert source is not None and not is_confirmed(source)
    assert source_line(source).startswith(
        "Lov om erstatning fra staten til ofre for forbrydelser (offererstatningsloven), § 10")
    assert source["rule"] == "72 timer fra episode_start" and source["date"] == "2016-04-27"


def test_threats_open_the_police_decision_when_staff_were_the_target() -> None:
    at_staff = ViolenceDetail(target=("staff",))
    assert "police_decision" in opened("VIO-THR/verbal", violence=at_staff)
    at_resident = ViolenceDetail(target=("other_resident",))
    assert "police_decision" not in opened("VIO-THR/verbal", violence=at_resident)
    assert "police_decision" in opened("VIO-THR/verbal", injuries=(hurt("staff", "felt_threatened"),))


def test_force_on_31_december_is_forwarded_by_3_january() -> None:
    force = opened("FRC/124c", occurred_start=local(2026, 12, 31, 14, 0),
                   measures=(Measure.HOLD_124C,))["force_case"]
    assert force.details["forwarding_due"] == end_of_local_day(date(2027, 1, 3)).isoformat()
    assert force.due_at == end_of_local_day(date(2027, 1, 1))  # registration: the day after
    forwarding = force.details["sources"]["forwarding"]
    assert forwarding["rule"] == "3 kalenderdage fra episode_start"
    assert "senest på 3. dagen" in forwarding["guidance"]


@pytest.mark.parametrize("provision", ["136a", "136c", "136d"])
def test_the_chapter_24_d_provisions_go_on_form_1(provision: str) -> None:
    assert shipped_rules()["2026.2"].provisions[provision] == "1"


def test_a_death_opens_easy_within_48_hours() -> None:
    start = local(2026, 5, 4, 10, 15)
    work = opened("VIO-PHY/staff", occurred_start=start, injuries=(hurt("staff", "death"),))["work_injury"]
    assert (work.details["basis"], work.due_at) == ("death", start + timedelta(hours=48))
    assert "§ 9, stk. 3" in work.details["sources"]["death"]["paragraph"]


def test_a_medication_incident_must_be_reported_to_dpsd() -> None:
    dpsd = opened("MED-RX/wrong_dose")["dpsd_reminder"]
    assert dpsd.details["mandatory"] is True
    assert dpsd.details["sources"]["report"]["paragraph"].startswith("§ 198")


def test_the_version_in_effect_on_the_incident_day_applies() -> None:
    later = parse_rules(TEXT.replace('version = "2026.2"', 'version = "2027.1"').replace(
        'effective_from = "2024-07-01"', 'effective_from = "2027-01-01"'))
    books = {**shipped_rules(), "2027.1": later}
    assert book_for_day(books, date(2026, 12, 31)).version == "2026.2"
    assert book_for_day(books, date(2027, 1, 1)).version == "2027.1"
    assert book_for_day(books, date(2020, 1, 1)).version == "2026.2"  # before every file: the oldest


def test_a_deadline_is_confirmed_only_with_who_and_when() -> None:
    text = TEXT.replace('case = "decision"\ncount = 72\nunit = "hours"\nfrom = "episode_start"\n'
                        'confirmed_by = ""\nconfirmed_on = ""',
                        'case = "decision"\ncount = 72\nunit = "hours"\nfrom = "episode_start"\n'
                        'confirmed_by = "DPO Mette Lund"\nconfirmed_on = 2026-12-01')
    rule = parse_rules(text).rule("police_decision")
    assert rule is not None and rule.deadlines[0].confirmed


def _line(needle: str, after: str = "") -> int:
    lines = TEXT.splitlines()
    start = lines.index(after) if after else 0
    return next(n for n, line in enumerate(lines, start=1) if n > start and line.startswith(needle))


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (lambda t: t.replace('unit = "hours"', 'unit = "weeks"', 1),
         _line('unit = "hours"'),
         "duty police_decision, deadline decision: 'unit' must be one of calendar_days, working_days, "
         "hours, not 'weeks'"),
        (lambda t: t.replace('from = "first_absence_day"', 'from = "yesterday"'),
         _line('from = "first_absence_day"'),
         "duty work_injury, deadline absence: 'from' must be one of episode_start, episode_end, "
         "registered, first_absence_day, decision_expires, not 'yesterday'"),
        (lambda t: t.replace('closes_with = ["easy_filed_on", "easy_reference"]',
                             'closes_with = ["easy_filed", "easy_reference"]'),
         _line('closes_with = ["easy_filed_on"'),
         "duty work_injury: 'closes_with' names unknown field 'easy_filed'"),
        (lambda t: t.replace('case = "death"', 'case = "dead"'), _line('case = "death"'),
         "duty work_injury: deadline case 'dead' is not one of absence, claim, death"),
        (lambda t: t.replace('kind = "psp_relevant"', 'kind = "psp"'), _line('kind = "psp_relevant"'),
         "unknown duty kind 'psp'"),
        (lambda t: t.replace('confirmed_by = ""', 'confirmed_by = "Advokat"', 1),
         _line('confirmed_by = ""'),
         "duty force_case, deadline registration: a confirmation needs both 'confirmed_by' and "
         "'confirmed_on'"),
        (lambda t: t.replace('trigger = { flags = ["easy_report"] }', 'trigger = { flags = ["easy"] }'),
         _line('trigger = { flags = ["easy_report"] }'),
         "duty work_injury: unknown flag 'easy' in trigger key 'flags'"),
    ],
)
def test_a_broken_rules_file_is_refused_with_the_line_the_rule_and_the_key(
        change: object, line: int, message: str) -> None:
    with pytest.raises(DutyRulesError) as refused:
        parse_rules(change(TEXT), source="duties-2027.1.toml")  # type: ignore[operator]
    text = str(refused.value)
    assert text.startswith(f"duties-2027.1.toml, line {line}: {message}"), text
    assert "\n" not in text


def test_a_missing_deadline_is_refused() -> None:
    start = TEXT.index('[[duties.deadlines]]\ncase = "death"')
    end = TEXT.index("[[duties]]", start)
    with pytest.raises(DutyRulesError, match="duty work_injury: missing the deadline for case 'death'"):
        parse_rules(TEXT[:start] + TEXT[end:])


def test_the_readme_duties_table_lists_every_shipped_duty_with_its_source() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| Duty | Opens when"):]
    rows = [line for line in table.splitlines() if line.startswith("|")]
    for rule in shipped_rules()["2026.2"].rules:
        row = next((r for r in rows if f"`{rule.kind}`" in r), None)
        assert row is not None, rule.kind
        assert rule.source.paragraph.split(" ")[0] in row or rule.source.act.split(" ")[0] in row, rule.kind
