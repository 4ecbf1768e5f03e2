"""SOAS-R plug-in: hand-computed scores from the test instrument, and malformed files refused.

The test instrument's invented weights (tests/core/data/soas-r-test.toml):
provocation none_understandable 2, other_resident/denied_something/adl_help/asked_to_do 1, other 0;
means verbal 0, everyday_object 2, dangerous_object 5, body_part 3, strangulation 5, other 1;
target nothing 0, objects 1, other_resident/staff/other_person 3, self 4;
consequence none 0, felt_threatened 2, pain_short 3, pain_long 4, visible_injury 5,
treatment_non_physician 6, treatment_physician 7, objects_damaged 2, objects_destroyed 3;
measures none 0, talk 1, calmly_away 1, physical_hold 3, prn_offered 2, police 4,
acute_psychiatry 4, other 1.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safetylog.classification.soas import (
    NO_INSTRUMENT,
    InstrumentError,
    InstrumentState,
    SoasBand,
    SoasStatus,
    band_for,
    load_instrument_file,
    parse_instrument,
    score,
)
from safetylog.classification.soas_columns import BUILTIN_COLUMNS, entry_columns
from safetylog.domain.records import ViolenceDetail

TEST_FILE = Path(__file__).parent / "data" / "soas-r-test.toml"
TEXT = TEST_FILE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def installed() -> InstrumentState:
    return InstrumentState(load_instrument_file(TEST_FILE))


def v(provocation: tuple[str, ...] = (), means: tuple[str, ...] = (), target: tuple[str, ...] = (),
      consequence: tuple[str, ...] = (), measures: tuple[str, ...] = ()) -> ViolenceDetail:
    return ViolenceDetail(provocation, means, target, consequence, measures)


@pytest.mark.parametrize(
    ("columns", "scores", "total", "band"),
    [
        # One tick per column: 2 + 0 + 3 + 2 + 1.
        (v(("none_understandable",), ("verbal",), ("staff",), ("felt_threatened",), ("talk",)),
         (2, 0, 3, 2, 1), 8, SoasBand.MODERATE),
        # Several ticks in one column count once, with the highest weight:
        # provocation max(1, 1); means max(0, 2, 3); target max(1, 3); consequence max(3, 2);
        # measures max(1, 3).
        (v(("other_resident", "denied_something"), ("verbal", "everyday_object", "body_part"),
           ("objects", "staff"), ("pain_short", "objects_damaged"), ("talk", "physical_hold")),
         (1, 3, 3, 3, 3), 13, SoasBand.MODERATE),
        # An empty column scores 0 (no provocation ticked).
        (v((), ("verbal",), ("nothing",), ("none",), ("talk",)), (0, 0, 0, 0, 1), 1, SoasBand.MILD),
        # Band edges: 7 mild, 15 moderate, 16 severe.
        (v(("other_resident",), ("everyday_object",), ("objects",), ("objects_destroyed",), ("none",)),
         (1, 2, 1, 3, 0), 7, SoasBand.MILD),
        (v(("none_understandable",), ("dangerous_object",), ("staff",), ("visible_injury",), ("none",)),
         (2, 5, 3, 5, 0), 15, SoasBand.MODERATE),
        (v(("none_understandable",), ("dangerous_object",), ("staff",), ("treatment_non_physician",),
           ("none",)), (2, 5, 3, 6, 0), 16, SoasBand.SEVERE),
        # Everything at its highest: 2 + 5 + 4 + 7 + 4.
        (v(("none_understandable", "other"), ("strangulation", "dangerous_object"), ("self", "staff"),
           ("treatment_physician",), ("police", "physical_hold")), (2, 5, 4, 7, 4), 22, SoasBand.SEVERE),
    ],
)
def test_hand_computed_scores(installed: InstrumentState, columns: ViolenceDetail,
                              scores: tuple[int, ...], total: int, band: SoasBand) -> None:
    result = score(installed, columns)
    assert result.status is SoasStatus.SCORED
    assert (result.column_scores, result.total, result.band) == (scores, total, band)
    assert result.instrument == "SOAS-R test-1"
    assert f"SOAS-R-score {total} af 22" in result.text_da
    assert f"SOAS-R score {total} of 22" in result.text_en


def test_bands_cover_0_to_22_and_nothing_else() -> None:
    assert [band_for(t) for t in (0, 7, 8, 15, 16, 22)] == [
        SoasBand.MILD, SoasBand.MILD, SoasBand.MODERATE, SoasBand.MODERATE, SoasBand.SEVERE,
        SoasBand.SEVERE]
    for bad in (-1, 23):
        with pytest.raises(ValueError):
            band_for(bad)


def test_without_an_instrument_there_is_no_score_and_it_says_so() -> None:
    result = score(NO_INSTRUMENT, v(("none_understandable",), ("verbal",), ("staff",)))
    assert result.status is SoasStatus.NO_INSTRUMENT
    assert (result.total, result.band, result.column_scores) == (None, None, ())
    assert "Ingen SOAS-R-score" in result.text_da
    assert "No SOAS-R score" in result.text_en


def test_nothing_ticked_is_not_a_zero_score(installed: InstrumentState) -> None:
    for columns in (None, v()):
        result = score(installed, columns)
        assert result.status is SoasStatus.NOT_RECORDED
        assert result.total is None


def test_an_option_the_instrument_lacks_gives_no_score(installed: InstrumentState) -> None:
    result = score(installed, v(("none_understandable",), ("spitting",)))
    assert result.status is SoasStatus.UNSCORABLE and result.total is None
    assert "spitting" in result.text_da and "Anvendte midler" in result.text_da
    assert "spitting" in result.text_en and "Means used" in result.text_en


def test_a_refused_file_is_reported_in_the_result() -> None:
    result = score(InstrumentState(None, "soas-r.toml, line 3: weight must be ..."), v(("other",)))
    assert result.status is SoasStatus.INSTRUMENT_INVALID
    assert "soas-r.toml, line 3" in result.text_da and "refused" in result.text_en


def test_entry_form_columns_come_from_the_instrument_or_our_own_unweighted_list(
        installed: InstrumentState) -> None:
    assert entry_columns(installed) == installed.instrument.columns  # type: ignore[union-attr]
    own = entry_columns(NO_INSTRUMENT)
    assert own is BUILTIN_COLUMNS
    assert [c.key for c in own] == ["provocation", "means", "target", "consequence", "measures"]
    assert all(o.weight is None for c in own for o in c.options)
    # Our option codes are the ones the test instrument scores, so entries made before a
    # licensed file was installed can be scored once it is.
    for mine, theirs in zip(own, installed.instrument.columns, strict=True):  # type: ignore[union-attr]
        assert {o.code for o in mine.options} <= {o.code for o in theirs.options}


def _line(needle: str, occurrence: int = 1) -> int:
    hits = [n for n, line in enumerate(TEXT.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


@pytest.mark.parametrize(
    ("change", "line", "reason"),
    [
        (lambda t: t.replace("weight = 7 }", "weight = 10 }"), _line("[[columns]]"),
         r"add up to 25 \(provocation 2 \+ means 5 \+ target 4 \+ consequence 10 \+ measures 4\)"
         r".*exactly 22"),
        # The consequence column's highest weight becomes 6 (treatment_non_physician).
        (lambda t: t.replace("weight = 7 }", "weight = 4 }"), _line("[[columns]]"),
         r"add up to 21 .*consequence 6 .*exactly 22"),
        (lambda t: t.replace('"Pain < 10 min", weight = 3', '"Pain < 10 min", weight = -3'),
         _line('code = "pain_short"'), r"pain_short: weight must be a whole number 0-22, not -3"),
        (lambda t: t.replace('"Talk", weight = 1', '"Talk", weight = "1"'),
         _line('code = "talk"'), r"measures/talk: weight must be a whole number"),
        (lambda t: t.replace('"Talk", weight = 1', '"Talk", weight = 1.5'),
         _line('code = "talk"'), r"measures/talk: weight must be a whole number"),
        (lambda t: t.replace('"Talk", weight = 1', '"Talk", weight = true'),
         _line('code = "talk"'), r"measures/talk: weight must be a whole number"),
        (lambda t: t.replace('"Talk", weight = 1 }', '"Talk" }'),
         _line('code = "talk"'), r"measures/talk: weight must be a whole number 0-22, not None"),
        (lambda t: t.replace('code = "calmly_away"', 'code = "talk"'),
         _line('code = "calmly_away"'), r"column measures: option talk appears twice"),
        # "other" is in several columns: the line is the one in the measures column.
        (lambda t: "weight = 99".join(t.rsplit("weight = 1", 1)),
         _line('code = "other"', 3), r"measures/other: weight must be a whole number 0-22, not 99"),
        (lambda t: t.replace('key = "target"', 'key = "victim"'), _line("[[columns]]"),
         r"exactly five \[\[columns\]\], in this order: provocation, means, target"),
        (lambda t: t.replace('instrument = "SOAS-R"', 'instrument = "BVC"'), _line("instrument ="),
         r'instrument = "SOAS-R"'),
        (lambda t: t.replace('licence = "Test file for automated tests; no licence, not for use."',
                             'licence = ""'), _line("licence ="), r"non-empty text 'licence'"),
        (lambda t: t.replace('title_en = "SOAS-R (test instrument)"',
                             'title_en = "x"\nwieghts = 3'), _line("title_en") + 1,
         r"unknown setting 'wieghts'"),
        (lambda t: t.replace('label_da = "Mål"\n', ''), _line('key = "target"'),
         r"column target needs a non-empty label_da"),
    ],
)
def test_malformed_instrument_files_are_refused_with_line_and_reason(
        change: object, line: int, reason: str) -> None:
    text = change(TEXT)  # type: ignore[operator]
    assert text != TEXT
    with pytest.raises(InstrumentError) as refused:
        parse_instrument(text, source="soas-r.toml")
    message = str(refused.value)
    assert message.startswith(f"soas-r.toml, line {line}: "), message
    assert re.search(reason, message), message


def test_broken_toml_is_refused_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "soas-r.toml"
    path.write_text(TEXT.replace('version = "test-1"', 'version = "test-1'), encoding="utf-8")
    with pytest.raises(InstrumentError, match=rf"soas-r.toml: not valid TOML: .*line {_line('version =')}"):
        load_instrument_file(path)
    path.write_bytes(b"\xff\xfe not text")
    with pytest.raises(InstrumentError, match="not UTF-8"):
        load_instrument_file(path)


def test_no_licensed_weights_ship_with_safetylog() -> None:
    from safetylog.resources import resource_path

    shipped = list(resource_path("instruments").glob("*.toml"))
    assert shipped == []
    assert (resource_path("instruments") / "README.md").is_file()
