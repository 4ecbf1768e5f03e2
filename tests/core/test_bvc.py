"""Brøset Violence Checklist scoring: six items against usual behaviour, 0 small, 1-2 moderate, 3+ high."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from safetylog.classification.bvc import ITEMS, BvcBand, band_for, item_values, still_valid, total_for
from safetylog.domain.records import BvcInput

AT = datetime(2026, 3, 1, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("present", "total", "band"),
    [
        ((), 0, BvcBand.SMALL),
        (("irritable",), 1, BvcBand.MODERATE),
        (("confused", "boisterous"), 2, BvcBand.MODERATE),
        (("irritable", "verbal_threats", "attacks_objects"), 3, BvcBand.HIGH),
        (tuple(item.key for item in ITEMS), 6, BvcBand.HIGH),
    ],
)
def test_total_and_band(present: tuple[str, ...], total: int, band: BvcBand) -> None:
    flags: dict[str, Any] = {key: True for key in present}
    data = BvcInput(1, AT, **flags)
    items = item_values(data)
    assert total_for(items) == total
    assert band_for(total) is band


def test_items_are_the_six_of_the_checklist_in_both_languages() -> None:
    assert [i.key for i in ITEMS] == ["confused", "irritable", "boisterous", "physical_threats",
                                      "verbal_threats", "attacks_objects"]
    assert [i.label_da for i in ITEMS][:2] == ["Forvirret", "Irritabel"]
    assert [i.label_en for i in ITEMS][-1] == "Attacks on objects"


def test_band_wording_tells_staff_what_to_do() -> None:
    assert BvcBand.HIGH.label("da") == "høj risiko"
    assert "plan" in BvcBand.MODERATE.advice("en")
    assert "skal" in BvcBand.HIGH.advice("da")
    with pytest.raises(ValueError):
        band_for(7)


def test_an_assessment_speaks_for_the_next_24_hours() -> None:
    assert still_valid(AT, AT + timedelta(hours=24))
    assert not still_valid(AT, AT + timedelta(hours=24, seconds=1))
    assert not still_valid(AT, AT - timedelta(minutes=1))
