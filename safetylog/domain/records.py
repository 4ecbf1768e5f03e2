"""Frozen dataclasses that cross from the core to the UI, the reports and the command line.

Inputs (``*Input``) are what a form or an import submits; outputs are built inside a
transaction and never hold ORM objects or sessions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from safetylog.domain.enums import (
    ActionItemStatus,
    AgreementStatus,
    DrugActivity,
    IncidentStatus,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    Role,
    Severity,
    Shift,
    StaffRole,
    VersionKind,
    ZoneKind,
)

# --- incident input ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeChoice:
    code: str
    subtype: str | None = None


@dataclass(frozen=True, slots=True)
class InvolvedResident:
    resident_id: int
    role: PersonRole


@dataclass(frozen=True, slots=True)
class InvolvedStaff:
    user_id: int
    role: StaffRole


@dataclass(frozen=True, slots=True)
class OutsidePerson:
    """Described only; never linked to a resident record."""

    description: str
    role: PersonRole = PersonRole.INVOLVED
    count: int = 1


@dataclass(frozen=True, slots=True)
class Injury:
    party: InjuredPartyKind
    level: InjuryLevel
    resident_id: int | None = None
    user_id: int | None = None
    body_part: str = ""
    description: str = ""
    first_absence_day: date | None = None


@dataclass(frozen=True, slots=True)
class ViolenceDetail:
    """The five SOAS-R columns as option codes from the installed instrument (or our own list)."""

    provocation: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    consequence: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    weapon: bool = False
    dangerous_object: bool = False


@dataclass(frozen=True, slots=True)
class DrugObservation:
    activities: tuple[DrugActivity, ...] = ()
    substances: tuple[str, ...] = ()
    sellers_count: int | None = None
    buyers_count: int | None = None
    sellers_description: str = ""
    buyers_description: str = ""
    vehicles: str = ""
    money_or_quantity: str = ""
    outsiders_on_premises: bool = False


@dataclass(frozen=True, slots=True)
class PoliceContact:
    called: bool = False
    called_at: datetime | None = None
    arrived_at: datetime | None = None
    police_initiated: bool = False
    arrests: int = 0
    report_filed: bool = False
    journal_no: str = ""  # restricted: shown only to managers
    reason: str = ""


@dataclass(frozen=True, slots=True)
class IncidentInput:
    facility_id: int
    occurred_start: datetime
    types: tuple[TypeChoice, ...]
    narrative: str
    zone_id: int | None = None
    occurred_end: datetime | None = None
    residents: tuple[InvolvedResident, ...] = ()
    staff: tuple[InvolvedStaff, ...] = ()
    outsiders: tuple[OutsidePerson, ...] = ()
    injuries: tuple[Injury, ...] = ()
    measures: tuple[Measure, ...] = ()
    damage_description: str = ""
    damage_estimate_dkk: int | None = None
    violence: ViolenceDetail | None = None
    drug: DrugObservation | None = None
    police: PoliceContact | None = None
    ambulance_called: bool = False
    debrief_offered: bool = False
    linked_incident_id: int | None = None
    staff_on_duty: int | None = None  # how many staff were at work at the time


# --- incident output -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One line of the incident list."""

    id: int
    facility_id: int
    facility_name: str
    occurred_start: datetime
    local_date: date
    shift: Shift
    zone_name: str | None
    primary_type: str
    type_codes: tuple[str, ...]
    severity: Severity
    status: IncidentStatus
    residents: tuple[str, ...]  # pseudonyms
    summary: str  # the first line of the narrative, shortened
    described: tuple[tuple[str, Any], ...] = ()  # (name, value) of incident_fields.LIST_FIELDS
    # Parallel to ``residents``: each one's display name ("" if none, or not for this reader)
    resident_names: tuple[str, ...] = ()

    def value(self, name: str) -> Any:
        return dict(self.described).get(name)

    def shown_residents(self) -> tuple[str, ...]:
        """Each resident as staff see them: "Anna (H-101)", or the pseudonym alone."""
        names = self.resident_names or ("",) * len(self.residents)
        return tuple(f"{n} ({p})" if n else p for p, n in zip(self.residents, names, strict=False))


@dataclass(frozen=True, slots=True)
class SeverityReason:
    code: str
    text_da: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_da if language == "da" else self.text_en


@dataclass(frozen=True, slots=True)
class Addendum:
    id: int
    author: str
    created_at: datetime
    text: str
    kind: str  # "addendum" | "correction_request" | "review_note"


@dataclass(frozen=True, slots=True)
class IncidentVersion:
    number: int
    kind: VersionKind
    author: str
    created_at: datetime
    reason: str
    snapshot: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DutyRecord:
    id: int
    incident_id: int
    facility_id: int
    kind: str
    state: str
    due_at: datetime | None
    created_at: datetime
    closed_at: datetime | None
    details: dict[str, Any]
    version: int = 1  # pass back as ``expected_version`` when updating
    incident_date: date | None = None  # the incident's local date, for lists
    primary_type: str = ""
    rules_version: str | None = None  # the duty rules it was opened under; None: before rules files

    def is_overdue(self, now: datetime) -> bool:
        return self.state in ("open", "in_progress") and self.due_at is not None and self.due_at < now


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    id: int
    version: int
    status: IncidentStatus
    facility_id: int
    facility_name: str
    zone_id: int | None
    zone_name: str | None
    occurred_start: datetime
    occurred_end: datetime | None
    local_date: date
    weekday: int
    hour: int
    shift: Shift
    shift_date: date
    registered_at: datetime
    registered_by: str
    registered_by_id: int
    taxonomy_version: str
    types: tuple[TypeChoice, ...]
    primary_type: str
    severity: Severity
    computed_severity: Severity
    severity_reasons: tuple[SeverityReason, ...]
    severity_override_reason: str
    flags: tuple[str, ...]
    narrative: str
    residents: tuple[tuple[int, str, PersonRole], ...]  # (resident id, pseudonym, role)
    staff: tuple[tuple[int, str, StaffRole], ...]
    outsiders: tuple[OutsidePerson, ...]
    injuries: tuple[Injury, ...]
    measures: tuple[Measure, ...]
    damage_description: str
    damage_estimate_dkk: int | None
    violence: ViolenceDetail | None
    drug: DrugObservation | None
    police: PoliceContact | None
    ambulance_called: bool
    debrief_offered: bool
    linked_incident_id: int | None
    staff_on_duty: int | None
    soas_total: int | None
    soas_band: str | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    addenda: tuple[Addendum, ...] = ()
    versions: tuple[IncidentVersion, ...] = ()
    duties: tuple[DutyRecord, ...] = ()
    bvc: tuple[BvcRecord, ...] = ()  # per involved resident: the latest BVC within 24 h before
    # (resident id, display name) for the involved residents that have one, for a reader with
    # the display-name permission; never part of a report or a PSP pack
    display_names: tuple[tuple[int, str], ...] = ()


# --- lists and paging ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    facility_ids: tuple[int, ...] = ()
    type_codes: tuple[str, ...] = ()
    severities: tuple[Severity, ...] = ()
    statuses: tuple[IncidentStatus, ...] = ()
    resident_id: int | None = None
    zone_id: int | None = None
    shifts: tuple[Shift, ...] = ()
    text: str = ""
    # Logged (submitted) at or after this moment, whenever it happened: "since your last shift"
    # must show what was written during the shift, late reports of older events included.
    registered_from: datetime | None = None

    def criteria(self) -> dict[str, Any]:
        """What the audit log records about a search."""
        out: dict[str, Any] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            if value in (None, (), ""):
                continue
            out[name] = [str(v) for v in value] if isinstance(value, tuple) else str(value)
        return out


SORT_COLUMNS = ("occurred_start", "severity", "facility", "primary_type", "status", "id", "zone",
                "shift")


@dataclass(frozen=True, slots=True)
class SortSpec:
    column: str = "occurred_start"
    descending: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    rows: tuple[IncidentRow, ...]
    next_cursor: tuple[Any, ...] | None  # pass back as ``after`` for the next page


# --- people and places ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FacilityRecord:
    id: int
    code: str
    name: str
    municipality: str
    police_district: str
    active: bool
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class ZoneRecord:
    id: int
    facility_id: int
    code: str
    name: str
    kind: ZoneKind
    active: bool
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    all_facilities: bool
    facility_ids: tuple[int, ...]
    last_login_at: datetime | None
    locked_until: datetime | None = None  # a lock-out after wrong passwords (may have passed)
    must_change_password: bool = False  # after an administrator's reset
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class ResidentRecord:
    id: int
    facility_id: int
    pseudonym: str
    active: bool
    moved_in: date | None
    moved_out: date | None
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``
    # The first name or call name staff know the resident by: filled only when asked for, for
    # a reader with the display-name permission in the resident's facility; otherwise "".
    display_name: str = ""

    @property
    def shown_name(self) -> str:
        """How staff see the resident: "Anna (H-101)", or the pseudonym alone."""
        return f"{self.display_name} ({self.pseudonym})" if self.display_name else self.pseudonym


@dataclass(frozen=True, slots=True)
class ResidentIdentity:
    resident_id: int
    pseudonym: str
    full_name: str
    birth_date: date | None
    note: str


@dataclass(frozen=True, slots=True)
class Actor:
    """The logged-in user as the services see them."""

    user_id: int
    username: str
    display_name: str
    role: Role
    all_facilities: bool
    facility_ids: frozenset[int]
    workstation: str = ""
    previous_login_at: datetime | None = None  # the login before this one ("since your last shift")
    # The login session this actor belongs to. Every service call checks it against the database
    # (an Actor built by hand, or one whose user was deactivated or changed, is refused).
    session_token: str = field(default="", repr=False)
    user_version: int = 0  # the user row's version when the actor was read
    # Set after an administrator's reset: the UI asks for a new password at once, and every
    # service call but the password change and logout is refused until then.
    must_change_password: bool = False

    def may_see_facility(self, facility_id: int) -> bool:
        return self.all_facilities or facility_id in self.facility_ids


# --- Brøset ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BvcInput:
    resident_id: int
    assessed_at: datetime
    confused: bool = False
    irritable: bool = False
    boisterous: bool = False
    physical_threats: bool = False
    verbal_threats: bool = False
    attacks_objects: bool = False
    actions: str = ""


@dataclass(frozen=True, slots=True)
class BvcRecord:
    id: int
    resident_id: int
    pseudonym: str
    facility_id: int
    assessed_at: datetime
    shift: Shift
    shift_date: date
    items: tuple[bool, bool, bool, bool, bool, bool]
    total: int
    band: str  # "small" | "moderate" | "high"
    actions: str
    assessor: str


# --- PSP -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MeetingInput:
    held_on: date
    district: str
    facility_ids: tuple[int, ...]
    participants: str = ""  # by role, e.g. "Politi: nærpolitiet; Psykiatri: ..."
    agenda: str = ""
    minutes: str = ""


@dataclass(frozen=True, slots=True)
class MeetingRecord:
    id: int
    held_on: date
    district: str
    facility_ids: tuple[int, ...]
    participants: str
    agenda: str
    minutes: str
    created_by: str
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class AgreementInput:
    facility_id: int
    title: str
    police_contact: str = ""
    scope: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    status: AgreementStatus = AgreementStatus.ACTIVE


@dataclass(frozen=True, slots=True)
class AgreementRecord:
    id: int
    facility_id: int
    title: str
    police_contact: str
    scope: str
    valid_from: date | None
    valid_to: date | None
    status: AgreementStatus
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class ActionItemInput:
    text: str
    owner_role: str
    due_on: date | None = None
    meeting_id: int | None = None
    facility_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActionItemRecord:
    id: int
    text: str
    owner_role: str
    due_on: date | None
    status: ActionItemStatus
    source_meeting_id: int | None
    facility_id: int | None
    created_at: datetime
    closed_at: datetime | None
    meetings_seen: tuple[int, ...] = field(default_factory=tuple)  # meetings it was carried to
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``


@dataclass(frozen=True, slots=True)
class CooperationNoteRecord:
    id: int
    facility_id: int
    meeting_id: int | None
    text: str
    author: str
    created_at: datetime
    version: int = 1  # the row's version when read; an edit sends it back as ``expected_version``
    author_id: int | None = None  # who wrote it: they (or a manager) may change the text


@dataclass(frozen=True, slots=True)
class DisclosureRecord:
    id: int
    resident_id: int
    pseudonym: str
    meeting_id: int
    legal_basis: str
    necessity_note: str
    decided_by: str
    decided_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: str
    subject_resident_id: int | None
    details: dict[str, Any]
    residents: tuple[str, ...] = ()  # the pseudonym of every resident the row concerns
    workstation: str = ""
    row_hash: str = ""


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What a data-protection officer asks of the audit log; empty fields do not filter.

    ``resident`` is a pseudonym ("H-107"): the rows naming any resident with that pseudonym.
    ``date_from``/``date_to`` are local (Copenhagen) days, inclusive. Pages run newest first;
    pass ``AuditPage.next_cursor`` back as ``before_id``."""

    username: str = ""
    resident: str = ""
    actions: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    before_id: int | None = None
    limit: int = 100


@dataclass(frozen=True, slots=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    next_cursor: int | None  # the ``before_id`` of the next (older) page; None at the end


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The newest link of the audit chain: printed on reports so paper anchors the log."""

    id: int
    row_hash: str
    at: datetime


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What ``verify`` found. ``reason`` is one of ``CHAIN_REASONS`` when ``ok`` is false."""

    ok: bool
    rows_checked: int
    first_broken_id: int | None
    reason: str  # "" | "content_changed" | "link_broken" | "row_missing" | "head_mismatch"
    head_id: int
    head_hash: str
    head_at: datetime | None
    checked_at: datetime | None = None


CHAIN_REASONS = ("content_changed", "link_broken", "row_missing", "head_mismatch")


# --- feedback to the reporter ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FeedbackItem:
    """One thing that happened with an incident, told to the staff member who reported it.

    Says what happened and by whom, never the text (a note's wording, a duty's details): the
    reporter opens the incident for that, and only if they may."""

    id: int
    incident_id: int
    incident_date: date
    primary_type: str
    kind: str  # FeedbackKind
    subject: str  # the closed duty's kind, the note's kind; "" for a sign-off
    created_at: datetime
    created_by: str  # display name
    reporter: str  # display name (the manager's list)
    read_at: datetime | None
    may_open: bool  # the reader may open the incident itself
