"""Display names for the core's enumerations, translated in the "Labels" context.

The core stores codes; the UI words them. Any window may use ``label(value)``.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from safetylog.domain.enums import (
    AuditAction,
    DrugActivity,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    Role,
    Severity,
    Shift,
    StaffRole,
    ZoneKind,
)
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "Labels"

# Keyed by (enum class, value): StrEnum members of different enums compare equal as strings.
_SOURCES: dict[tuple[type, str], str] = {
    (Role, Role.NIGHT_STAFF): QT_TRANSLATE_NOOP("Labels", "Night staff"),
    (Role, Role.STAFF): QT_TRANSLATE_NOOP("Labels", "Staff"),
    (Role, Role.MANAGER): QT_TRANSLATE_NOOP("Labels", "Manager"),
    (Role, Role.PSP_COORDINATOR): QT_TRANSLATE_NOOP("Labels", "PSP coordinator"),
    (Role, Role.ADMIN): QT_TRANSLATE_NOOP("Labels", "Administrator"),
    (Role, Role.DPO): QT_TRANSLATE_NOOP("Labels", "Data-protection officer"),
    (AuditAction, AuditAction.READ): QT_TRANSLATE_NOOP("Labels", "Read"),
    (AuditAction, AuditAction.SEARCH): QT_TRANSLATE_NOOP("Labels", "Search"),
    (AuditAction, AuditAction.CREATE): QT_TRANSLATE_NOOP("Labels", "Create"),
    (AuditAction, AuditAction.UPDATE): QT_TRANSLATE_NOOP("Labels", "Change"),
    (AuditAction, AuditAction.DELETE): QT_TRANSLATE_NOOP("Labels", "Delete"),
    (AuditAction, AuditAction.EXPORT): QT_TRANSLATE_NOOP("Labels", "Export"),
    (AuditAction, AuditAction.IMPORT): QT_TRANSLATE_NOOP("Labels", "Import"),
    (AuditAction, AuditAction.PRINT): QT_TRANSLATE_NOOP("Labels", "Print"),
    (AuditAction, AuditAction.LOGIN): QT_TRANSLATE_NOOP("Labels", "Login"),
    (AuditAction, AuditAction.LOGIN_FAILED): QT_TRANSLATE_NOOP("Labels", "Failed login"),
    (AuditAction, AuditAction.LOGOUT): QT_TRANSLATE_NOOP("Labels", "Logout"),
    (AuditAction, AuditAction.LOCK): QT_TRANSLATE_NOOP("Labels", "Lock"),
    (AuditAction, AuditAction.UNLOCK): QT_TRANSLATE_NOOP("Labels", "Unlock"),
    (AuditAction, AuditAction.DISCLOSE): QT_TRANSLATE_NOOP("Labels", "Disclosure"),
    (AuditAction, AuditAction.DENIED): QT_TRANSLATE_NOOP("Labels", "Denied attempt"),
    (AuditAction, AuditAction.PASSWORD_CHANGE): QT_TRANSLATE_NOOP("Labels", "Password changed"),
    (AuditAction, AuditAction.PASSWORD_RESET): QT_TRANSLATE_NOOP("Labels", "Password reset"),
    (AuditAction, AuditAction.ACCOUNT_LOCKED): QT_TRANSLATE_NOOP("Labels", "User locked out"),
    (AuditAction, AuditAction.ACCOUNT_UNLOCKED): QT_TRANSLATE_NOOP("Labels", "User unlocked"),
    (AuditAction, AuditAction.REAUTHENTICATE): QT_TRANSLATE_NOOP("Labels", "Password confirmed"),
    (AuditAction, AuditAction.SESSION_REFUSED): QT_TRANSLATE_NOOP("Labels", "Login refused"),
    (AuditAction, AuditAction.VERIFY): QT_TRANSLATE_NOOP("Labels", "Audit log checked"),
    (Shift, Shift.DAY): QT_TRANSLATE_NOOP("Labels", "Day shift"),
    (Shift, Shift.EVENING): QT_TRANSLATE_NOOP("Labels", "Evening shift"),
    (Shift, Shift.NIGHT): QT_TRANSLATE_NOOP("Labels", "Night shift"),
    (Severity, Severity.S1): QT_TRANSLATE_NOOP("Labels", "S1 Low"),
    (Severity, Severity.S2): QT_TRANSLATE_NOOP("Labels", "S2 Moderate"),
    (Severity, Severity.S3): QT_TRANSLATE_NOOP("Labels", "S3 Serious"),
    (Severity, Severity.S4): QT_TRANSLATE_NOOP("Labels", "S4 Critical"),
    (PersonRole, PersonRole.AGGRESSOR): QT_TRANSLATE_NOOP("Labels", "Aggressor"),
    (PersonRole, PersonRole.VICTIM): QT_TRANSLATE_NOOP("Labels", "Victim"),
    (PersonRole, PersonRole.WITNESS): QT_TRANSLATE_NOOP("Labels", "Witness"),
    (PersonRole, PersonRole.SELLER): QT_TRANSLATE_NOOP("Labels", "Seller"),
    (PersonRole, PersonRole.BUYER): QT_TRANSLATE_NOOP("Labels", "Buyer"),
    (PersonRole, PersonRole.INVOLVED): QT_TRANSLATE_NOOP("Labels", "Involved"),
    (StaffRole, StaffRole.VICTIM): QT_TRANSLATE_NOOP("Labels", "Victim"),
    (StaffRole, StaffRole.WITNESS): QT_TRANSLATE_NOOP("Labels", "Witness"),
    (StaffRole, StaffRole.INTERVENED): QT_TRANSLATE_NOOP("Labels", "Intervened"),
    (InjuredPartyKind, InjuredPartyKind.RESIDENT): QT_TRANSLATE_NOOP("Labels", "Resident"),
    (InjuredPartyKind, InjuredPartyKind.STAFF): QT_TRANSLATE_NOOP("Labels", "Staff member"),
    (InjuredPartyKind, InjuredPartyKind.OUTSIDER): QT_TRANSLATE_NOOP("Labels", "Outsider"),
    (InjuryLevel, InjuryLevel.NONE): QT_TRANSLATE_NOOP("Labels", "No injury"),
    (InjuryLevel, InjuryLevel.FELT_THREATENED): QT_TRANSLATE_NOOP("Labels", "Felt threatened"),
    (InjuryLevel, InjuryLevel.PAIN_SHORT): QT_TRANSLATE_NOOP("Labels", "Pain under 10 minutes"),
    (InjuryLevel, InjuryLevel.PAIN_LONG): QT_TRANSLATE_NOOP("Labels", "Pain over 10 minutes"),
    (InjuryLevel, InjuryLevel.VISIBLE_INJURY): QT_TRANSLATE_NOOP("Labels", "Visible injury"),
    (InjuryLevel, InjuryLevel.TREATMENT_NON_PHYSICIAN):
        QT_TRANSLATE_NOOP("Labels", "Treated, not by a physician"),
    (InjuryLevel, InjuryLevel.TREATMENT_PHYSICIAN): QT_TRANSLATE_NOOP("Labels", "Treated by a physician"),
    (InjuryLevel, InjuryLevel.HOSPITAL): QT_TRANSLATE_NOOP("Labels", "Hospital"),
    (InjuryLevel, InjuryLevel.DEATH): QT_TRANSLATE_NOOP("Labels", "Death"),
    (Measure, Measure.NONE): QT_TRANSLATE_NOOP("Labels", "None"),
    (Measure, Measure.TALK): QT_TRANSLATE_NOOP("Labels", "Talk"),
    (Measure, Measure.CALMLY_AWAY): QT_TRANSLATE_NOOP("Labels", "Calmly led away"),
    (Measure, Measure.GUIDANCE): QT_TRANSLATE_NOOP("Labels", "Physical guidance (§ 124 b)"),
    (Measure, Measure.CONFLICT_AVERSION): QT_TRANSLATE_NOOP("Labels", "Conflict aversion (§ 124 b, 2)"),
    (Measure, Measure.HOLD_124C): QT_TRANSLATE_NOOP("Labels", "Brief hold (§ 124 c)"),
    (Measure, Measure.HOLD_124D): QT_TRANSLATE_NOOP("Labels", "Hold or lead back (§ 124 d)"),
    (Measure, Measure.SELF_DEFENCE): QT_TRANSLATE_NOOP("Labels", "Self-defence or necessity"),
    (Measure, Measure.PRN_OFFERED): QT_TRANSLATE_NOOP("Labels", "PRN medication offered"),
    (Measure, Measure.POLICE): QT_TRANSLATE_NOOP("Labels", "Police called"),
    (Measure, Measure.AMBULANCE): QT_TRANSLATE_NOOP("Labels", "Ambulance called"),
    (Measure, Measure.ACUTE_PSYCHIATRY): QT_TRANSLATE_NOOP("Labels", "Acute psychiatry contacted"),
    (Measure, Measure.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    (DrugActivity, DrugActivity.SALE): QT_TRANSLATE_NOOP("Labels", "Sale"),
    (DrugActivity, DrugActivity.HANDOVER): QT_TRANSLATE_NOOP("Labels", "Handover"),
    (DrugActivity, DrugActivity.UNKNOWN_VISITORS): QT_TRANSLATE_NOOP("Labels", "Unknown visitors"),
    (DrugActivity, DrugActivity.CASH): QT_TRANSLATE_NOOP("Labels", "Cash seen"),
    (DrugActivity, DrugActivity.PARAPHERNALIA): QT_TRANSLATE_NOOP("Labels", "Paraphernalia"),
    (DrugActivity, DrugActivity.INTOXICATION): QT_TRANSLATE_NOOP("Labels", "Intoxication"),
    (DrugActivity, DrugActivity.OTHER): QT_TRANSLATE_NOOP("Labels", "Other"),
    (ZoneKind, ZoneKind.RESIDENT_ROOM): QT_TRANSLATE_NOOP("Labels", "Resident's room"),
    (ZoneKind, ZoneKind.COMMON_AREA): QT_TRANSLATE_NOOP("Labels", "Common area"),
    (ZoneKind, ZoneKind.OFFICE): QT_TRANSLATE_NOOP("Labels", "Office"),
    (ZoneKind, ZoneKind.OUTDOOR): QT_TRANSLATE_NOOP("Labels", "Outdoors on the premises"),
    (ZoneKind, ZoneKind.ENTRANCE): QT_TRANSLATE_NOOP("Labels", "Entrance"),
    (ZoneKind, ZoneKind.OFF_PREMISES): QT_TRANSLATE_NOOP("Labels", "Off the premises"),
}


def label(value: StrEnum) -> str:
    """The value's name in the current language (its code if it has no label)."""
    source = _SOURCES.get((type(value), value))
    return QCoreApplication.translate(CONTEXT, source) if source else str(value)


_DUTY_SOURCES: dict[str, str] = {
    "force_case": QT_TRANSLATE_NOOP("Labels", "Use-of-force case (SBST form)"),
    "work_injury": QT_TRANSLATE_NOOP("Labels", "Work injury (EASY)"),
    "police_report": QT_TRANSLATE_NOOP("Labels", "Police report"),
    "dpsd_reminder": QT_TRANSLATE_NOOP("Labels", "Report to DPSD (adverse event)"),
    "psp_relevant": QT_TRANSLATE_NOOP("Labels", "Include in the PSP summary"),
}


def duty_label(kind: str) -> str:
    """A duty kind's name in the current language (the code itself for a kind added later)."""
    source = _DUTY_SOURCES.get(kind)
    return QCoreApplication.translate(CONTEXT, source) if source else kind


def audit_action_label(code: str) -> str:
    """An audit row's action in the current language (the code for an action added later)."""
    try:
        return label(AuditAction(code))
    except ValueError:
        return code
