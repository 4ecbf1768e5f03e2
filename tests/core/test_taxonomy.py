"""The taxonomy as data: the shipped file is complete and valid; a broken file names its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safetylog.domain.taxonomy import (
    KNOWN_FLAGS,
    TaxonomyError,
    all_taxonomies,
    current_taxonomy,
    load_taxonomy_file,
    parse_taxonomy,
    taxonomy_files,
    taxonomy_for,
)

SHIPPED = taxonomy_files()[-1]
TEXT = SHIPPED.read_text(encoding="utf-8")


def test_the_shipped_taxonomy_is_the_current_one_and_has_labels_in_both_languages() -> None:
    taxonomy = current_taxonomy()
    assert taxonomy.version == "2026.1" and taxonomy.valid_from == "2026-01-01"
    assert taxonomy_for("2026.1") is taxonomy
    assert taxonomy_for("1999.1") is None
    for itype in taxonomy.types:
        assert itype.label("da").strip() and itype.label("en").strip()
        assert itype.flags <= KNOWN_FLAGS and not itype.flags & itype.conditional_flags
        for sub in itype.subtypes:
            assert sub.label_da.strip() and sub.label_en.strip()
    # Domain brief § 7 subtypes, by code.
    assert [s.code for s in taxonomy.get("FRC").subtypes] == [  # type: ignore[union-attr]
        "124c", "124d", "self_defence", "no_basis", "pre_approved"]
    assert taxonomy.get("POL-RPT").inherits_severity  # type: ignore[union-attr]


def _line(needle: str, occurrence: int = 1) -> int:
    return [n for n, line in enumerate(TEXT.splitlines(), start=1) if needle in line][occurrence - 1]


@pytest.mark.parametrize(
    ("change", "line", "reason"),
    [
        (lambda t: t.replace('default_severity = "S2"\nflags = ["soas_r"]\nconditional_flags = '
                             '["easy_report", "police_report"]',
                             'default_severity = "S5"\nflags = ["soas_r"]\nconditional_flags = '
                             '["easy_report", "police_report"]', 1),
         _line('code = "VIO-THR"'), r"type VIO-THR: severity must be one of S1-S4, not 'S5'"),
        (lambda t: t.replace('code = "HUS"', 'code = "VIO-PHY"'), _line('code = "HUS"'),
         r"type VIO-PHY appears twice"),
        (lambda t: t.replace('code = "OTH"', 'code = "other"'), _line('code = "OTH"'),
         r"type code 'other' must look like 'VIO-PHY'"),
        (lambda t: t.replace('\nflags = ["uth"]', '\nflags = ["dpsd"]'), _line('code = "MED-RX"'),
         r"type MED-RX: unknown flags dpsd \(known: "),
        (lambda t: t.replace('sections = ["drug"]\n', 'sections = ["drugs"]\n'), _line('code = "DRG-POS"'),
         r"type DRG-POS: unknown sections drugs"),
        (lambda t: t.replace('flags = ["magtanvendelse"]\nconditional_flags = []',
                             'flags = ["magtanvendelse"]\nconditional_flags = ["magtanvendelse"]'),
         _line('code = "FRC"'), r"type FRC: magtanvendelse is both in flags and conditional_flags"),
        (lambda t: t.replace('label_en = "House-rule breach"\n', ''), _line('code = "HUS"'),
         r"type HUS needs a non-empty 'label_en'"),
        (lambda t: t.replace('label_en = "Other"\ndefault_severity = "S1"',
                             'label_en = "Other"\ndefault_severity = "S1"\ndefault_sevrity = "S2"'),
         _line('code = "OTH"') + 4, r"type OTH: unknown setting 'default_sevrity'"),
        # The subtype error points at the subtype's own line, not the first "weapon" in the file.
        (lambda t: t.replace('label_en = "With weapon/object", default_severity = "S3"',
                             'label_en = "With weapon/object", default_severity = "high"'),
         _line('code = "weapon"', 2), r"subtype VIO-THR/weapon: severity must be one of S1-S4"),
        (lambda t: t.replace('{ code = "fall", label_da = "Fald", label_en = "Fall" }',
                             '{ code = "fall", label_da = "Fald" }'), _line('code = "fall"'),
         r"subtype MED-EMG/fall needs both labels"),
        (lambda t: t.replace('{ code = "alcohol",', '{ code = "Alcohol!",'), _line('code = "alcohol"'),
         r"type DRG-USE: subtype code 'Alcohol!' must be 1-40 of a-z, 0-9, _"),
        (lambda t: t.replace('version = "2026.1"', 'version = "next"'), _line('version = "2026.1"'),
         r"needs a 'version' like \"2026.1\""),
        (lambda t: t.replace('valid_from = "2026-01-01"', 'valid_from = "1. januar"'),
         _line("valid_from ="), r"valid_from must be a date"),
        (lambda t: t.replace('inherits_severity = true', 'inherits_severity = "yes"'),
         _line('code = "POL-RPT"'), r"type POL-RPT: inherits_severity must be true or false"),
    ],
)
def test_a_broken_file_is_refused_with_the_line_and_reason(change: object, line: int, reason: str) -> None:
    text = change(TEXT)  # type: ignore[operator]
    assert text != TEXT
    with pytest.raises(TaxonomyError) as refused:
        parse_taxonomy(text, source="taxonomy-2026.2.toml")
    message = str(refused.value)
    assert message.startswith(f"taxonomy-2026.2.toml, line {line}: "), message
    assert re.search(reason, message), message


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy-2026.2.toml"
    path.write_text("version = \"2026.2\"\n[[types]\n", encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"taxonomy-2026.2.toml: not valid TOML: .*line 2"):
        load_taxonomy_file(path)
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(TaxonomyError, match="not UTF-8"):
        load_taxonomy_file(path)


def test_a_new_version_is_a_new_file_and_the_old_one_stays_readable(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from safetylog.domain import taxonomy as module

    folder = tmp_path / "taxonomy"
    folder.mkdir()
    (folder / SHIPPED.name).write_text(TEXT, encoding="utf-8")
    (folder / "taxonomy-2026.10.toml").write_text(
        TEXT.replace('version = "2026.1"', 'version = "2026.10"'), encoding="utf-8")
    monkeypatch.setattr(module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    all_taxonomies.cache_clear()
    try:
        assert sorted(all_taxonomies()) == ["2026.1", "2026.10"]
        assert current_taxonomy().version == "2026.10"  # 10 > 1, not text order
        assert taxonomy_for("2026.1") is not None
        (folder / "taxonomy-2026.11.toml").write_text(TEXT, encoding="utf-8")  # 2026.1 again
        all_taxonomies.cache_clear()
        with pytest.raises(TaxonomyError, match=r"version 2026\.1 is already in another file"):
            all_taxonomies()
    finally:
        all_taxonomies.cache_clear()
