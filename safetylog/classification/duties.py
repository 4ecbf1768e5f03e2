"""The duties an incident triggers, with their deadlines."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from safetylog.classification.severity import Classification
from safetylog.domain.records import IncidentInput


@dataclass(frozen=True, slots=True)
class DutySpec:
    kind: str
    due_at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)


FLAG_TO_DUTY = {
    "magtanvendelse": "force_case",
    "easy_report": "work_injury",
    "police_report": "police_report",
    "uth": "dpsd_reminder",
    "psp_relevant": "psp_relevant",
}


def duties_for(classification: Classification, incident: IncidentInput,
               registered_at: datetime) -> tuple[DutySpec, ...]:
    specs: list[DutySpec] = []
    for flag in classification.flags:
        kind = FLAG_TO_DUTY.get(flag)
        if kind is None:
            continue
        due = registered_at + timedelta(hours=24) if kind == "force_case" else None
        specs.append(DutySpec(kind, due))
    return tuple(specs)
