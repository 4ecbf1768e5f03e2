"""Every way a duty rules file can be broken is refused in one line that names the file, the line,
the duty and the key; a folder of rules files refuses a version given twice; the version in
effect is chosen by day, and a source reads as one line."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from safetylog.classification.duty_rules import (
    DutyRulesError,
    Source,
    book_for_day,
    load_rules_file,
    parse_rules,
    rule_books,
)

RULES_FILE = Path(__file__).parents[2] / "resources" / "rules" / "duties-2026.2.toml"
TEXT = RULES_FILE.read_text(encoding="utf-8")
NAME = "duties-2027.1.toml"


def in_duty(kind: str, old: str, new: str) -> Callable[[str], str]:
    """Replace ``old`` by ``new`` only within the [[duties]] table of ``kind``."""
    def change(text: str) -> str:
        start = text.index(f'kind = "{kind}"')
        end = text.find("[[duties]]", start)
        end = len(text) if end < 0 else end
        block = text[start:end]
        assert old in block, old
        return text[:start] + block.replace(old, new, 1) + text[end:]
    return change


def swap(old: str, new: str) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)
    return change


PSP_TRIGGER = 'trigger = { flags = ["psp_relevant"] }'
PSP_SOURCE = 'source = { act = "Lov om rettens pleje (retsplejeloven)"'
PSP_SOURCE_LINE = (PSP_SOURCE + ', paragraph = "§ 115, stk. 1-3", guidance = "Ingen frist: tages op på næste '
                   'PSP-møde", date = "" }')
JOURNAL = ('case = "journal"\ncount = 7\nunit = "calendar_days"\nfrom = "registered"\n'
           'confirmed_by = ""\nconfirmed_on = ""')


def _without_provisions(text: str) -> str:
    start, end = text.index("\n[provisions]"), text.index("\n[[duties]]")
    return text[:start].replace('version = "2026.2"', 'version = "2026.2"\nprovisions = "alle"') + text[end:]


def _twice(text: str) -> str:
    start = text.rindex("[[duties]]")
    return text + "\n" + text[start:]


# (what breaks the file, the text on the line the refusal must point at, what the refusal says)
CASES = [
    pytest.param(swap('version = "2026.2"', 'version = "2026.2"\nauthor = "Mette"'), "author =",
                 "unknown setting 'author'", id="unknown-setting"),
    pytest.param(swap('version = "2026.2"', 'version = "2026"'), "version =",
                 "the file needs a 'version' like \"2026.2\"", id="bad-version"),
    pytest.param(swap('effective_from = "2024-07-01"', 'effective_from = "1. juli 2024"'),
                 "effective_from =", "the file needs 'effective_from', a date", id="bad-effective-from"),
    pytest.param(_without_provisions, "provisions =", "'provisions' must be a table",
                 id="provisions-not-table"),
    pytest.param(swap('"124c" = "1"', '"124x" = "1"'), "[provisions]",
                 "provisions: unknown provision '124x'", id="unknown-provision"),
    pytest.param(swap('"124c" = "1"', '"124c" = "3"'), "[provisions]",
                 "provisions: form for '124c' must be one of 1, 2, 4, not '3'", id="bad-form"),
    pytest.param(_twice, None, "duty psp_relevant appears twice", id="duty-twice"),
    pytest.param(in_duty("psp_relevant", PSP_TRIGGER, PSP_TRIGGER + '\ncolour = "red"'), "colour =",
                 "duty psp_relevant: unknown key 'colour'", id="unknown-duty-key"),
    pytest.param(in_duty("psp_relevant", 'recipients = ["PSP-mødet"]\n', ""), 'kind = "psp_relevant"',
                 "duty psp_relevant: missing key 'recipients'", id="missing-recipients"),
    pytest.param(in_duty("psp_relevant", PSP_TRIGGER, 'trigger = "psp"'), "trigger =",
                 "duty psp_relevant: 'trigger' must be a table", id="trigger-not-table"),
    pytest.param(in_duty("psp_relevant", PSP_TRIGGER, 'trigger = { flags = ["psp_relevant"], when = ["x"] }'),
                 "trigger =", "duty psp_relevant: unknown trigger key 'when'", id="unknown-trigger-key"),
    pytest.param(in_duty("psp_relevant", PSP_TRIGGER, 'trigger = { flags = "psp_relevant" }'), "trigger =",
                 "duty psp_relevant: trigger key 'flags' must be a list of names", id="flags-not-list"),
    pytest.param(in_duty("police_decision", '"VIO-PHY/staff"', '"vio-phy"'), "trigger =",
                 "duty police_decision: trigger key 'types' has 'vio-phy'", id="bad-type-code"),
    pytest.param(in_duty("police_report", 'not_with = ["police_decision"]', 'not_with = ["police"]'),
                 "trigger =", "duty police_report: trigger key 'not_with' names unknown duty 'police'",
                 id="unknown-not-with"),
    pytest.param(in_duty("force_case", 'force = "acute"', 'force = "sudden"'), "trigger =",
                 "duty force_case: trigger key 'force' must be one of acute, pre_approved, not 'sudden'",
                 id="bad-force"),
    pytest.param(in_duty("psp_relevant", PSP_TRIGGER, 'trigger = { not_with = ["police_report"] }'),
                 "trigger =", "duty psp_relevant: the trigger needs flags, types or staff_target_types",
                 id="trigger-opens-nothing"),
    pytest.param(in_duty("psp_relevant", 'recipients = ["PSP-mødet"]', "recipients = []"), "recipients =",
                 "duty psp_relevant: 'recipients' must be a list of who receives it", id="no-recipients"),
    pytest.param(in_duty("psp_relevant", 'closes_with = ["considered_on"]', 'closes_with = "considered_on"'),
                 "closes_with =", "duty psp_relevant: 'closes_with' must be a list of field names",
                 id="closes-with-not-list"),
    pytest.param(in_duty("psp_relevant", PSP_SOURCE_LINE, 'source = "retsplejeloven"'), "source =",
                 "duty psp_relevant: 'source' must be a table", id="source-not-table"),
    pytest.param(in_duty("psp_relevant", PSP_SOURCE, 'source = { law = "x", act = "y"'), "source =",
                 "duty psp_relevant: unknown source key 'law'", id="unknown-source-key"),
    pytest.param(in_duty("psp_relevant", 'date = "" }', "date = 2024-07-01 }"), "source =",
                 "duty psp_relevant: source act, paragraph, guidance and date must be text",
                 id="source-date-not-text"),
    pytest.param(in_duty("psp_relevant", PSP_SOURCE, 'source = { act = " "'), "source =",
                 "duty psp_relevant: source needs an 'act'", id="source-without-act"),
    pytest.param(in_duty("psp_relevant", 'date = "" }', 'date = "juli 2024" }'), "source =",
                 "duty psp_relevant: source date must be YYYY-MM-DD, not 'juli 2024'", id="bad-source-date"),
    pytest.param(in_duty("psp_relevant", 'closes_with = ["considered_on"]',
                         'closes_with = ["considered_on"]\ndeadlines = "ingen"'), "deadlines =",
                 "duty psp_relevant: 'deadlines' must be [[duties.deadlines]] tables",
                 id="deadlines-not-list"),
    pytest.param(in_duty("psp_relevant", 'closes_with = ["considered_on"]',
                         'closes_with = ["considered_on"]\ndeadlines = [7]'), None,
                 "duty psp_relevant: every deadline must be a [[duties.deadlines]] table",
                 id="deadline-not-table"),
    pytest.param(in_duty("police_report", 'case = "journal"', 'kase = "journal"'), None,
                 "duty police_report: deadline case None is not one of journal", id="deadline-without-case"),
    pytest.param(in_duty("psp_relevant", 'closes_with = ["considered_on"]',
                         'closes_with = ["considered_on"]\ndeadlines = [{ case = "soon" }]'), None,
                 "duty psp_relevant: deadline case 'soon' is not one of none: this duty has no deadline",
                 id="deadline-on-a-duty-without"),
    pytest.param(in_duty("police_report", 'case = "journal"', 'case = "journal"\ndays = 7'), "days =",
                 "duty police_report, deadline journal: unknown key 'days'", id="unknown-deadline-key"),
    pytest.param(in_duty("police_report", "count = 7", "count = -1"), "count =",
                 "duty police_report, deadline journal: 'count' must be a whole number 0-400, not -1",
                 id="negative-count"),
    pytest.param(in_duty("police_report", "count = 7", "count = true"), "count =",
                 "duty police_report, deadline journal: 'count' must be a whole number 0-400, not True",
                 id="count-true"),
    pytest.param(in_duty("police_report", 'confirmed_by = ""', "confirmed_by = 5"), "confirmed_by =",
                 "duty police_report, deadline journal: 'confirmed_by' must be text",
                 id="confirmed-by-number"),
    pytest.param(in_duty("police_report", 'confirmed_by = ""\nconfirmed_on = ""',
                         'confirmed_by = "DPO"\nconfirmed_on = "snart"'), "confirmed_on =",
                 "duty police_report, deadline journal: 'confirmed_on' must be a date (YYYY-MM-DD), "
                 "not 'snart'",
                 id="confirmed-on-not-a-date"),
    pytest.param(in_duty("police_report", 'from = "registered"',
                         'from = "registered"\ncustomary_days_off = "ja"'),
                 "customary_days_off =",
                 "duty police_report, deadline journal: 'customary_days_off' must be true or false",
                 id="customary-not-bool"),
    pytest.param(in_duty("police_report", 'from = "registered"',
                         'from = "registered"\nsource = { act = "" }'), 'source = { act = "" }',
                 "duty police_report, deadline journal: source needs an 'act'",
                 id="deadline-source-without-act"),
    pytest.param(in_duty("police_report", JOURNAL, JOURNAL + "\n\n[[duties.deadlines]]\n" + JOURNAL), None,
                 "duty police_report: deadline journal appears twice", id="deadline-twice"),
]


def _line(text: str, marker: str, message: str) -> int:
    """The line starting with ``marker`` within the duty the message names (or anywhere)."""
    lines = text.splitlines()
    duty = re.match(r"duty (\w+)", message)
    after = lines.index(f'kind = "{duty.group(1)}"') if duty else 0
    return next(n for n, line in enumerate(lines, start=1) if n > after and line.startswith(marker))


@pytest.mark.parametrize(("change", "marker", "message"), CASES)
def test_each_broken_key_is_refused_in_one_line_naming_the_duty_and_the_key(
        change: Callable[[str], str], marker: str | None, message: str) -> None:
    broken = change(TEXT)
    with pytest.raises(DutyRulesError) as refused:
        parse_rules(broken, source=NAME)
    said = str(refused.value)
    assert "\n" not in said and said.startswith(f"{NAME}, line "), said
    assert message in said, said
    if marker is not None:
        assert said.startswith(f"{NAME}, line {_line(broken, marker, message)}: "), said


def test_a_file_without_duties_or_not_toml_is_refused() -> None:
    with pytest.raises(DutyRulesError, match="the file needs at least one \\[\\[duties\\]\\] table"):
        parse_rules(TEXT[:TEXT.index("[[duties]]")], source=NAME)
    with pytest.raises(DutyRulesError, match=f"^{NAME}: not valid TOML"):
        parse_rules(TEXT.replace('version = "2026.2"', "version = "), source=NAME)


def test_a_rules_file_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "duties-2027.1.toml"
    path.write_bytes(TEXT.encode("utf-16"))
    with pytest.raises(DutyRulesError, match=r"^duties-2027\.1\.toml: not UTF-8 text$"):
        load_rules_file(path)


def test_one_version_in_two_files_is_refused_naming_both(tmp_path: Path) -> None:
    shipped, local = tmp_path / "shipped", tmp_path / "local"
    shipped.mkdir()
    local.mkdir()
    (shipped / "duties-2026.2.toml").write_text(TEXT, encoding="utf-8")
    (local / "duties-2026.2-lokal.toml").write_text(TEXT, encoding="utf-8")
    assert list(rule_books([shipped])) == ["2026.2"]
    with pytest.raises(DutyRulesError, match=r"^duties-2026\.2-lokal\.toml: version 2026\.2 is already in "
                                             r"duties-2026\.2\.toml$"):
        rule_books([shipped, local])


def test_the_newest_version_in_effect_wins_and_no_rules_at_all_is_refused() -> None:
    base = parse_rules(TEXT)
    same_day = parse_rules(TEXT.replace('version = "2026.2"', 'version = "2026.10"'))
    books = {"2026.2": base, "2026.10": same_day}
    # Same effective day: the higher version counts as the newer (10 after 2, not before it).
    assert book_for_day(books, date(2026, 1, 1)).version == "2026.10"
    with pytest.raises(DutyRulesError, match="no duty rules file found"):
        book_for_day({}, date(2026, 1, 1))


def test_a_source_reads_as_one_line() -> None:
    assert Source("Serviceloven", "§ 135 a").text() == "Serviceloven, § 135 a"
    assert Source("Serviceloven", "", "SBST skema 1", "2025-01-01").text() == (
        "Serviceloven (SBST skema 1; 2025-01-01)")
