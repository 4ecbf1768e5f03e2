"""Plain records for the lists in the reports: incidents by pseudonym, duties, injuries, police,
and the PSP side (agreements, action items, disclosures). Built in SQL by ``listing``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from safetylog.domain.records import ChainHead


@dataclass(frozen=True, slots=True)
class IncidentLine:
    """One counted incident, as the report lists it and the CSV/XLSX export writes it."""

    id: int
    facility_id: int
    facility_code: str
    local_date: date
    time: str  # local HH:MM
    weekday: int
    hour: int
    shift: str
    zone: str
    primary_type: str
    type_codes: tuple[str, ...]
    severity: str
    status: str
    residents: tuple[str, ...]  # pseudonyms
    police_contact: bool
    arrests: int
    report_filed: bool
    drug_trade: bool
    taxonomy_version: str
    described: tuple[tuple[str, Any], ...] = ()  # (name, value) of incident_fields.REPORT_FIELDS

    def value(self, name: str) -> Any:
        return dict(self.described).get(name)


@dataclass(frozen=True, slots=True)
class DutyLine:
    """A duty and where it stood at the report's stamp."""

    id: int
    incident_id: int
    local_date: date
    kind: str
    state: str  # "open" | "overdue" | "closed" | "closed_late"
    due_at: datetime | None
    closed_at: datetime | None
    reference: str  # the filed form's or report's reference, if recorded


@dataclass(frozen=True, slots=True)
class InjuryLine:
    incident_id: int
    local_date: date
    level: str
    body_part: str
    first_absence_day: date | None
    easy_state: str  # "not_required" | "missing" | a DutyLine state


@dataclass(frozen=True, slots=True)
class AgreementLine:
    facility_code: str
    title: str
    police_contact: str
    scope: str
    valid_from: date | None
    valid_to: date | None
    status: str


@dataclass(frozen=True, slots=True)
class ActionLine:
    id: int
    text: str
    owner: str
    due_on: date | None
    status: str  # at the report's stamp
    facility_code: str  # "" for items shared by all facilities
    source_meeting: date | None
    times_carried: int
    overdue: bool


@dataclass(frozen=True, slots=True)
class DisclosedResident:
    """A resident named to a meeting by a recorded decision, and their incidents in the period."""

    disclosure_id: int
    resident_id: int
    pseudonym: str
    facility_code: str
    meeting_id: int
    meeting_date: date
    legal_basis: str
    necessity_note: str
    decided_by: str
    decided_at: datetime
    incidents: tuple[IncidentLine, ...]


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    id: int
    held_on: date
    district: str
    participants: str


@dataclass(frozen=True, slots=True)
class Provenance:
    """Scope and origin, printed on every report and written into every export."""

    report: str  # "monthly" | "psp"
    date_from: date
    date_to: date
    facilities: tuple[tuple[str, str], ...]  # (code, name), by code
    filters: tuple[tuple[str, str], ...]  # (name, value), sorted
    generated_by: str  # "Display Name (username)"
    generated_at: datetime  # the stamp (UTC): also the moment duties are judged at
    taxonomy_versions: tuple[str, ...]
    program_version: str
    language: str  # "da" | "en"
    facility_index: tuple[tuple[int, str], ...] = ()  # (id, code), to label ids in the summary
    # The audit chain's newest row at the stamp (monthly report): paper that anchors the log.
    audit_head: ChainHead | None = None

    def code_of(self, facility_id: int | None) -> str:
        return dict(self.facility_index).get(facility_id or 0, "?")


@dataclass(frozen=True, slots=True)
class TypeLabel:
    code: str
    label_da: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


@dataclass(frozen=True, slots=True)
class PublishedRow:
    """One row of a protected table: what it counts and its published cells (see ``cell_key``)."""

    code: str  # a type, severity, shift, facility or activity code, a zone id, an hour band; "" total
    cells: tuple[str, ...]  # one per column: "0", "<5" or a multiple of 5
    name: str = ""  # a name from the data (facility, zone) where the code alone says nothing

    @property
    def total(self) -> bool:
        return self.code == ""


@dataclass(frozen=True, slots=True)
class PublishedTable:
    """A table as it leaves the facility: every cell protected, the PDF and its twin alike."""

    name: str  # "by_type", "by_severity", "by_shift", "by_facility", "drug_zone", "drug_hours", ...
    columns: tuple[str, ...]  # "current", or "current" and "previous"
    rows: tuple[PublishedRow, ...]

    def row(self, code: str) -> PublishedRow:
        return next(r for r in self.rows if r.code == code)

    @property
    def total(self) -> PublishedRow | None:
        return next((r for r in self.rows if r.total), None)


def published_table(tables: tuple[PublishedTable, ...], name: str) -> PublishedTable:
    return next(t for t in tables if t.name == name)
