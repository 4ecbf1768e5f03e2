"""What the monthly facility report and the PSP meeting pack are drawn from: plain data only."""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.summaries.model import PeriodSummary
from safetylog.summaries.records import (
    ActionLine,
    AgreementLine,
    DisclosedResident,
    DutyLine,
    IncidentLine,
    InjuryLine,
    MeetingInfo,
    Provenance,
    TypeLabel,
)


@dataclass(frozen=True, slots=True)
class MonthlyReportData:
    provenance: Provenance
    summary: PeriodSummary
    incidents: tuple[IncidentLine, ...]
    duties: tuple[DutyLine, ...]  # every duty the month's incidents raised
    overdue: tuple[DutyLine, ...]  # every duty overdue at the stamp, whatever month it is from
    overdue_actions: tuple[ActionLine, ...]  # PSP action items past their due date at the stamp
    injuries: tuple[InjuryLine, ...]
    types: tuple[TypeLabel, ...]
    zones_by_facility: bool  # several facilities: zone names carry the facility code

    def label(self, code: str) -> str:
        return _label(self.types, code, self.provenance.language)


@dataclass(frozen=True, slots=True)
class PspPackData:
    provenance: Provenance
    summary: PeriodSummary
    meeting: MeetingInfo | None  # the meeting the pack is for
    agreements: tuple[AgreementLine, ...]
    actions: tuple[ActionLine, ...]
    disclosed: tuple[DisclosedResident, ...]
    types: tuple[TypeLabel, ...]

    def label(self, code: str) -> str:
        return _label(self.types, code, self.provenance.language)


def _label(types: tuple[TypeLabel, ...], code: str, language: str) -> str:
    for t in types:
        if t.code == code:
            return t.label(language)
    return code
