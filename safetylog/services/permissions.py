"""What each role may do. Checked in the services, whatever the UI shows or hides."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum

from safetylog.domain.enums import Role
from safetylog.domain.errors import NotFound, PermissionDenied
from safetylog.domain.records import Actor
from safetylog.domain.timeutil import to_local
from safetylog.storage.engine import is_row_id


class Permission(StrEnum):
    INCIDENT_CREATE = "incident.create"
    INCIDENT_READ = "incident.read"
    INCIDENT_READ_ALL_TIME = "incident.read_all_time"  # night staff see recent and own only
    # Free text about people: narratives, addenda, versions, duty notes, Brøset actions. The PSP
    # coordinator works from aggregates, disclosures and PSP records, and reads none of it.
    INCIDENT_NARRATIVE = "incident.narrative"
    INCIDENT_ADDENDUM = "incident.addendum"
    INCIDENT_CORRECT = "incident.correct"
    INCIDENT_REVIEW = "incident.review"
    INCIDENT_OVERRIDE_SEVERITY = "incident.override_severity"
    POLICE_JOURNAL_READ = "incident.police_journal"
    RESIDENT_READ = "resident.read"
    RESIDENT_MANAGE = "resident.manage"
    RESIDENT_IDENTITY = "resident.identity"
    # The first name or call name of residents in one's own facilities (staff who work there)
    RESIDENT_DISPLAY_NAME = "resident.display_name"
    BVC_RECORD = "bvc.record"
    DUTY_READ = "duty.read"
    DUTY_UPDATE = "duty.update"
    PSP_READ = "psp.read"
    PSP_MANAGE = "psp.manage"
    PSP_DISCLOSE = "psp.disclose"
    REPORT_EXPORT = "report.export"
    USER_MANAGE = "user.manage"
    FACILITY_MANAGE = "facility.manage"
    AUDIT_READ = "audit.read"
    DATA_EXPORT = "data.export"
    DATA_IMPORT = "data.import"
    SETTINGS_MANAGE = "settings.manage"


_STAFF = {
    Permission.INCIDENT_CREATE, Permission.INCIDENT_READ, Permission.INCIDENT_NARRATIVE,
    Permission.INCIDENT_ADDENDUM,
    Permission.RESIDENT_READ, Permission.RESIDENT_DISPLAY_NAME, Permission.BVC_RECORD,
    Permission.DUTY_READ,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.NIGHT_STAFF: frozenset(_STAFF),
    Role.STAFF: frozenset(_STAFF | {Permission.INCIDENT_READ_ALL_TIME}),
    Role.MANAGER: frozenset(_STAFF | {
        Permission.INCIDENT_READ_ALL_TIME, Permission.INCIDENT_CORRECT,
        Permission.INCIDENT_REVIEW, Permission.INCIDENT_OVERRIDE_SEVERITY,
        Permission.POLICE_JOURNAL_READ, Permission.RESIDENT_MANAGE, Permission.RESIDENT_IDENTITY,
        Permission.DUTY_UPDATE, Permission.PSP_READ, Permission.PSP_MANAGE,
        Permission.PSP_DISCLOSE, Permission.REPORT_EXPORT,
    }),
    Role.PSP_COORDINATOR: frozenset({
        Permission.INCIDENT_READ, Permission.INCIDENT_READ_ALL_TIME, Permission.RESIDENT_READ,
        Permission.DUTY_READ, Permission.PSP_READ, Permission.PSP_MANAGE,
        Permission.PSP_DISCLOSE, Permission.REPORT_EXPORT,
    }),
    Role.ADMIN: frozenset({
        Permission.USER_MANAGE, Permission.FACILITY_MANAGE, Permission.AUDIT_READ,
        Permission.DATA_EXPORT, Permission.DATA_IMPORT, Permission.SETTINGS_MANAGE,
        # Adds residents on a fresh database and records move-outs: pseudonyms only, no BVC,
        # no incidents, and display names can be set but are not shown back.
        Permission.RESIDENT_MANAGE,
    }),
    Role.DPO: frozenset({Permission.AUDIT_READ}),
}

NIGHT_STAFF_WINDOW_DAYS = 14  # night staff read their own and the last two weeks' incidents


def read_window_start(actor: Actor, now: datetime) -> date | None:
    """The first Copenhagen day whose records the actor may read (their own aside), or None when
    the role reads all time. One rule for every door: lists, details, duties, Brøset."""
    if has(actor, Permission.INCIDENT_READ_ALL_TIME):
        return None
    return to_local(now).date() - timedelta(days=NIGHT_STAFF_WINDOW_DAYS)


def has(actor: Actor, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[actor.role]


def require(actor: Actor, permission: Permission) -> None:
    if not has(actor, permission):
        raise PermissionDenied(
            f"{actor.username} ({actor.role.value}) may not do this: {permission.value}"
        )


def may_edit_note(actor: Actor, author_id: int | None) -> bool:
    """A cooperation note is its author's account: they may correct it, and so may a manager, who
    answers for the facility's records. Another coordinator adds a note of their own instead."""
    return has(actor, Permission.PSP_MANAGE) and (author_id == actor.user_id or actor.role is Role.MANAGER)


def require_facility(actor: Actor, facility_id: int) -> None:
    if not is_row_id(facility_id):  # a number no facility can have, even for an all-facilities user
        raise NotFound(f"No facility {facility_id}.")
    if not actor.may_see_facility(facility_id):
        raise PermissionDenied(f"{actor.username} has no access to facility {facility_id}")
