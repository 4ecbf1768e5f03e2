"""Brøset Violence Checklist: six yes/no items scored against the resident's usual behaviour.

Total 0-6 predicts the risk of violence in the next 24 hours: 0 small, 1-2 moderate (start
preventive measures and a plan), 3 or more high (preventive measures and a handling plan must be
made). The item names are the ones used on Danish public pages; the official item definitions
belong to the licensed BVC manual and are not reproduced here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from safetylog.domain.records import BvcInput

VALID_HOURS = 24  # a BVC score speaks about the next 24 hours


@dataclass(frozen=True, slots=True)
class BvcItem:
    key: str  # the field name on BvcInput and in bvc_assessments
    label_da: str
    label_en: str


ITEMS: tuple[BvcItem, ...] = (
    BvcItem("confused", "Forvirret", "Confused"),
    BvcItem("irritable", "Irritabel", "Irritable"),
    BvcItem("boisterous", "Støjende adfærd", "Boisterous"),
    BvcItem("physical_threats", "Fysiske trusler", "Physical threats"),
    BvcItem("verbal_threats", "Verbale trusler", "Verbal threats"),
    BvcItem("attacks_objects", "Angreb på genstande", "Attacks on objects"),
)


class BvcBand(StrEnum):
    SMALL = "small"
    MODERATE = "moderate"
    HIGH = "high"

    def label(self, language: str) -> str:
        da = {"small": "lille risiko", "moderate": "moderat risiko", "high": "høj risiko"}
        en = {"small": "small risk", "moderate": "moderate risk", "high": "high risk"}
        return (da if language == "da" else en)[self.value]

    def advice(self, language: str) -> str:
        texts = {
            "small": ("Ingen særlige tiltag.", "No special measures."),
            "moderate": ("Forebyggende tiltag og en plan bør sættes i gang.",
                         "Preventive measures and a plan should be started."),
            "high": ("Forebyggende tiltag skal sættes i gang, og der skal laves en plan for "
                     "håndtering af mulig vold.",
                     "Preventive measures must be started and a plan for handling possible "
                     "violence must be made."),
        }
        da, en = texts[self.value]
        return da if language == "da" else en


def band_for(total: int) -> BvcBand:
    if not 0 <= total <= len(ITEMS):
        raise ValueError(f"BVC totals run 0-{len(ITEMS)}, not {total}")
    if total == 0:
        return BvcBand.SMALL
    return BvcBand.MODERATE if total <= 2 else BvcBand.HIGH


def item_values(data: BvcInput) -> tuple[bool, bool, bool, bool, bool, bool]:
    values = tuple(bool(getattr(data, item.key)) for item in ITEMS)
    return values  # type: ignore[return-value]


def total_for(items: tuple[bool, ...]) -> int:
    return sum(1 for present in items if present)


def still_valid(assessed_at: datetime, at: datetime) -> bool:
    """Whether an assessment made at ``assessed_at`` still speaks for the moment ``at``."""
    return assessed_at <= at <= assessed_at + timedelta(hours=VALID_HOURS)
