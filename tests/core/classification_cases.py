"""Small builders for classification tests: incidents from type codes and facts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from safetylog.classification.soas import InstrumentState, load_instrument_file
from safetylog.domain.enums import InjuredPartyKind, InjuryLevel
from safetylog.domain.records import IncidentInput, Injury, TypeChoice

TEST_INSTRUMENT = Path(__file__).parent / "data" / "soas-r-test.toml"
WHEN = datetime(2026, 2, 10, 1, 30, tzinfo=UTC)  # a Tuesday night, 02:30 in Copenhagen


def instrument() -> InstrumentState:
    return InstrumentState(load_instrument_file(TEST_INSTRUMENT))


def types(*codes: str) -> tuple[TypeChoice, ...]:
    """``"VIO-THR/weapon"`` is the type VIO-THR with the subtype weapon."""
    return tuple(TypeChoice(*c.split("/", 1)) if "/" in c else TypeChoice(c) for c in codes)


def incident(*codes: str, **facts: Any) -> IncidentInput:
    facts.setdefault("occurred_start", WHEN)
    return IncidentInput(facility_id=1, types=types(*codes), narrative="Hændelse.", **facts)


def hurt(party: str, level: str, *, user_id: int | None = None, absent_from: date | None = None,
         body_part: str = "") -> Injury:
    kind = InjuredPartyKind(party)
    return Injury(kind, InjuryLevel(level), resident_id=1 if kind is InjuredPartyKind.RESIDENT else None,
                  user_id=(user_id or 7) if kind is InjuredPartyKind.STAFF else None,
                  body_part=body_part, first_absence_day=absent_from)
