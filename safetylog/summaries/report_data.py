"""What the monthly facility report and the PSP meeting pack are drawn from: plain data only."""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.summaries.model import PeriodSummary, SummaryScope
from safetylog.summaries.records import (
    ActionLine,
    AgreementLine,
    DisclosedResident,
    DutyLine,
    IncidentLine,
    InjuryLine,
    MeetingInfo,
    Provenance,
    PublishedTable,
    TypeLabel,
    published_table,
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
    compared: SummaryScope  # the period before: the tables' "previous" column
    meeting: MeetingInfo | None  # the meeting the pack is for
    agreements: tuple[AgreementLine, ...]
    actions: tuple[ActionLine, ...]
    disclosed: tuple[DisclosedResident, ...]
    types: tuple[TypeLabel, ...]
    # Every count the pack prints, protected (``summaries.cell_key``); the PDF and its CSV/XLSX
    # twin print these and no other figure.
    tables: tuple[PublishedTable, ...] = ()

    def label(self, code: str) -> str:
        return _label(self.types, code, self.provenance.language)

    def table(self, name: str) -> PublishedTable:
        return published_table(self.tables, name)


def _label(types: tuple[TypeLabel, ...], code: str, language: str) -> str:
    for t in types:
        if t.code == code:
            return t.label(language)
    return code
