"""The database schema as typed SQLAlchemy 2 models. Alembic migrations must agree with it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from safetylog.domain.incident_fields import FIELDS, FieldKind
from safetylog.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


# --- places and people -----------------------------------------------------------------------


class Facility(Base):
    __tablename__ = "facilities"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(200), default="")
    police_district: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    zones: Mapped[list[Zone]] = relationship(back_populates="facility", order_by="Zone.id")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class Zone(Base):
    """A place on (or just off) the premises: entrance, courtyard, a stairwell, a room."""

    __tablename__ = "zones"
    __table_args__ = (UniqueConstraint("facility_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    facility: Mapped[Facility] = relationship(back_populates="zones")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(30))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    all_facilities: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
    last_login_at: Mapped[datetime | None]
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    last_failed_login_at: Mapped[datetime | None]
    locked_until: Mapped[datetime | None]  # set by too many wrong passwords; an administrator lifts it
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)  # after a reset
    password_changed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    facilities: Mapped[list[UserFacility]] = relationship(
        cascade="all, delete-orphan", order_by="UserFacility.facility_id"
    )
    # Only an administrator's change moves the version (``AdminService``): logins and wrong
    # passwords write this row all day, and must not make the users page conflict with itself.
    # Their UPDATEs still name the version they read, so they cannot undo such a change.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class LoginSession(Base):
    """One login, from the password to logout, lock-out or its absolute time limit.

    The token itself is only in the logged-in process's memory; the row holds its SHA-256.
    """

    __tablename__ = "login_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    workstation: Mapped[str] = mapped_column(String(200), default="")
    started_at: Mapped[datetime]
    last_auth_at: Mapped[datetime]  # the password was last given (login or re-authentication)
    ended_at: Mapped[datetime | None]


class UserFacility(Base):
    __tablename__ = "user_facilities"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)


class Resident(Base):
    """A resident by pseudonym only; the identity lives in ``resident_identities``."""

    __tablename__ = "residents"
    __table_args__ = (UniqueConstraint("facility_id", "pseudonym"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    pseudonym: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    moved_in: Mapped[date | None] = mapped_column(Date)
    moved_out: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class ResidentIdentityRow(Base):
    """The pseudonym key. Read only with the identity permission, and every read is audited."""

    __tablename__ = "resident_identities"
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class ResidentDisplayName(Base):
    """The first name or call name staff know a resident by, set by a manager.

    Personal data, so not a column of ``residents``: a row of its own is read only where a
    service asks for it for staff of the resident's facility (and logs the residents it names),
    never by reports or PSP packs, which read ``residents``. Unlike the identity key it needs no
    look-up permission and no purpose: it is how the facility's own staff tell residents apart."""

    __tablename__ = "resident_display_names"
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), primary_key=True)
    display_name: Mapped[str] = mapped_column(String(40))


# --- incidents -------------------------------------------------------------------------------


def _described_columns() -> type:
    """A mixin with the column of every described incident field (``incident_fields.FIELDS``).

    Read and written by name (``incident_fields.values_of``, ``setattr``); a new field's column
    follows from its description, and ``alembic check`` holds the migrations to it."""
    columns: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.kind is FieldKind.TEXT:
            columns[spec.name] = mapped_column(Text, nullable=False, default="")
        elif spec.kind is FieldKind.COUNT:
            columns[spec.name] = mapped_column(Integer, nullable=True)
        else:
            columns[spec.name] = mapped_column(Boolean, nullable=False, default=False)
    return type("DescribedIncidentColumns", (), columns)


# mypy cannot see the generated class's columns; the code that uses them goes by name.
DescribedIncidentColumns = _described_columns()


class Incident(DescribedIncidentColumns, Base):  # type: ignore[misc,valid-type]
    """The current state of one episode. Every submitted state is also kept in IncidentVersionRow."""

    __tablename__ = "incidents"
    __table_args__ = (
        Index("ix_incidents_facility_start", "facility_id", "occurred_start", "id"),
        Index("ix_incidents_start_id", "occurred_start", "id"),
        Index("ix_incidents_facility_date", "facility_id", "local_date"),
        Index("ix_incidents_status", "status", "facility_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    zone_id: Mapped[int | None] = mapped_column(ForeignKey("zones.id"))
    occurred_start: Mapped[datetime]
    occurred_end: Mapped[datetime | None]
    local_date: Mapped[date] = mapped_column(Date)
    weekday: Mapped[int] = mapped_column(Integer)
    hour: Mapped[int] = mapped_column(Integer)
    shift: Mapped[str] = mapped_column(String(10))
    shift_date: Mapped[date] = mapped_column(Date)
    registered_at: Mapped[datetime]
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    taxonomy_version: Mapped[str] = mapped_column(String(20))
    primary_type: Mapped[str] = mapped_column(String(20), index=True)
    severity: Mapped[str] = mapped_column(String(2), index=True)
    computed_severity: Mapped[str] = mapped_column(String(2))
    severity_reasons: Mapped[list[Any]] = mapped_column(default=list)
    severity_override_reason: Mapped[str] = mapped_column(Text, default="")
    flags: Mapped[list[Any]] = mapped_column(default=list)
    narrative: Mapped[str] = mapped_column(Text)
    measures: Mapped[list[Any]] = mapped_column(default=list)
    # damage, ambulance, debriefing, staff on duty: DescribedIncidentColumns
    linked_incident_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id"))
    soas_total: Mapped[int | None]
    soas_band: Mapped[str | None] = mapped_column(String(20))
    soas_instrument: Mapped[str | None] = mapped_column(String(60))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None]

    types: Mapped[list[IncidentTypeRow]] = relationship(
        cascade="all, delete-orphan", order_by="IncidentTypeRow.position", lazy="selectin"
    )
    residents: Mapped[list[IncidentResident]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    staff: Mapped[list[IncidentStaff]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    outsiders: Mapped[list[IncidentOutsider]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    injuries: Mapped[list[IncidentInjury]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    violence: Mapped[ViolenceRow | None] = relationship(cascade="all, delete-orphan", lazy="selectin")
    drug: Mapped[DrugObservationRow | None] = relationship(cascade="all, delete-orphan", lazy="selectin")
    police: Mapped[PoliceContactRow | None] = relationship(cascade="all, delete-orphan", lazy="selectin")

    __mapper_args__ = {"version_id_col": version}


class IncidentTypeRow(Base):
    __tablename__ = "incident_types"
    __table_args__ = (Index("ix_incident_types_code", "code", "incident_id"),)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    subtype: Mapped[str | None] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(2))


class IncidentResident(Base):
    __tablename__ = "incident_residents"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("residents.id"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(20))


class IncidentStaff(Base):
    __tablename__ = "incident_staff"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))


class IncidentOutsider(Base):
    __tablename__ = "incident_outsiders"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=1)


class IncidentInjury(Base):
    __tablename__ = "incident_injuries"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    party: Mapped[str] = mapped_column(String(20))
    level: Mapped[str] = mapped_column(String(30))
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    body_part: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    first_absence_day: Mapped[date | None] = mapped_column(Date)


class ViolenceRow(Base):
    """The five SOAS-R columns as selected option codes."""

    __tablename__ = "incident_violence"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    provocation: Mapped[list[Any]] = mapped_column(default=list)
    means: Mapped[list[Any]] = mapped_column(default=list)
    target: Mapped[list[Any]] = mapped_column(default=list)
    consequence: Mapped[list[Any]] = mapped_column(default=list)
    measures: Mapped[list[Any]] = mapped_column(default=list)
    weapon: Mapped[bool] = mapped_column(Boolean, default=False)
    dangerous_object: Mapped[bool] = mapped_column(Boolean, default=False)


class DrugObservationRow(Base):
    __tablename__ = "incident_drug_observations"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    activities: Mapped[list[Any]] = mapped_column(default=list)
    substances: Mapped[list[Any]] = mapped_column(default=list)
    sellers_count: Mapped[int | None]
    buyers_count: Mapped[int | None]
    sellers_description: Mapped[str] = mapped_column(Text, default="")
    buyers_description: Mapped[str] = mapped_column(Text, default="")
    vehicles: Mapped[str] = mapped_column(Text, default="")
    money_or_quantity: Mapped[str] = mapped_column(Text, default="")
    outsiders_on_premises: Mapped[bool] = mapped_column(Boolean, default=False)


class PoliceContactRow(Base):
    __tablename__ = "incident_police"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    called: Mapped[bool] = mapped_column(Boolean, default=False)
    called_at: Mapped[datetime | None]
    arrived_at: Mapped[datetime | None]
    police_initiated: Mapped[bool] = mapped_column(Boolean, default=False)
    arrests: Mapped[int] = mapped_column(Integer, default=0)
    report_filed: Mapped[bool] = mapped_column(Boolean, default=False)
    journal_no: Mapped[str] = mapped_column(String(60), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class IncidentVersionRow(Base):
    """Append-only: the original and every correction, reclassification and review."""

    __tablename__ = "incident_versions"
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]]


class AddendumRow(Base):
    __tablename__ = "incident_addenda"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text)


class DraftRow(Base):
    """An unsubmitted entry, saved every few seconds so a crash or power cut loses nothing."""

    __tablename__ = "incident_drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]]


class DutyRow(Base):
    """A legal or practical duty an incident triggered, tracked until it is done."""

    __tablename__ = "duties"
    __table_args__ = (Index("ix_duties_state_due", "state", "due_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    kind: Mapped[str] = mapped_column(String(30))
    state: Mapped[str] = mapped_column(String(20))
    due_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The duty rules version it was opened under (resources/rules); None: opened before rules files.
    rules_version: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class ReporterFeedbackRow(Base):
    """Something a manager did with an incident, shown to its reporter until they have read it
    (``services.feedback``). The reporter's own actions make none."""

    __tablename__ = "reporter_feedback"
    __table_args__ = (Index("ix_reporter_feedback_reporter_read", "reporter_id", "read_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id"), index=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime]
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    read_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class BvcAssessmentRow(Base):
    __tablename__ = "bvc_assessments"
    __table_args__ = (Index("ix_bvc_resident_time", "resident_id", "assessed_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"))
    assessed_at: Mapped[datetime]
    shift: Mapped[str] = mapped_column(String(10))
    shift_date: Mapped[date] = mapped_column(Date)
    confused: Mapped[bool] = mapped_column(Boolean)
    irritable: Mapped[bool] = mapped_column(Boolean)
    boisterous: Mapped[bool] = mapped_column(Boolean)
    physical_threats: Mapped[bool] = mapped_column(Boolean)
    verbal_threats: Mapped[bool] = mapped_column(Boolean)
    attacks_objects: Mapped[bool] = mapped_column(Boolean)
    total: Mapped[int] = mapped_column(Integer)
    actions: Mapped[str] = mapped_column(Text, default="")
    assessor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


# --- PSP -------------------------------------------------------------------------------------


class PspMeeting(Base):
    __tablename__ = "psp_meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    district: Mapped[str] = mapped_column(String(200))
    participants: Mapped[str] = mapped_column(Text, default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    facilities: Mapped[list[PspMeetingFacility]] = relationship(
        cascade="all, delete-orphan", order_by="PspMeetingFacility.facility_id"
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PspMeetingFacility(Base):
    __tablename__ = "psp_meeting_facilities"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("psp_meetings.id"), primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), primary_key=True)


class PspAgreement(Base):
    __tablename__ = "psp_agreements"
    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    police_contact: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PspNote(Base):
    __tablename__ = "psp_notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facilities.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("psp_meetings.id"))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PspActionItem(Base):
    __tablename__ = "psp_action_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    source_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("psp_meetings.id"))
    facility_id: Mapped[int | None] = mapped_column(ForeignKey("facilities.id"))
    created_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class PspActionItemCarry(Base):
    """An action item reviewed (carried over) at a later meeting, with its status then."""

    __tablename__ = "psp_action_item_carries"
    item_id: Mapped[int] = mapped_column(ForeignKey("psp_action_items.id"), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("psp_meetings.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))


class Disclosure(Base):
    """An explicit decision to name a resident to a PSP meeting (retsplejelovens § 115)."""

    __tablename__ = "psp_disclosures"
    __table_args__ = (UniqueConstraint("resident_id", "meeting_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("psp_meetings.id"), index=True)
    legal_basis: Mapped[str] = mapped_column(String(200))
    necessity_note: Mapped[str] = mapped_column(Text)
    decided_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime]


# --- audit and settings ----------------------------------------------------------------------


class AuditRow(Base):
    """Append-only log of every read, search, change, export and login."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_subject", "subject_resident_id", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    username: Mapped[str] = mapped_column(String(64))
    workstation: Mapped[str] = mapped_column(String(200), default="")
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(60), default="")
    subject_resident_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # SHA-256 over the previous row's hash and this row's canonical content (see audit_chain).
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditSubject(Base):
    """Every resident an audit row concerns ("who has looked at H-107?")."""

    __tablename__ = "audit_subjects"
    __table_args__ = (Index("ix_audit_subjects_resident", "resident_id", "audit_id"),)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(Integer, primary_key=True)


class AuditHead(Base):
    """The newest link of the audit chain, in one row. Writers update it first, which serialises
    them (SQLite's write lock, PostgreSQL's row lock), so the chain has no forks."""

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    updated_at: Mapped[datetime | None]


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict[str, Any]]
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}
