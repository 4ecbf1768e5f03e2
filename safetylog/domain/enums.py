"""Enumerations shared by every layer. Values are stored in the database: never rename them."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    NIGHT_STAFF = "night_staff"
    STAFF = "staff"
    MANAGER = "manager"
    PSP_COORDINATOR = "psp_coordinator"
    ADMIN = "admin"
    DPO = "dpo"  # data-protection officer: reads the audit log and nothing else


class IncidentStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    REVIEWED = "reviewed"
    LOCKED = "locked"


class Shift(StrEnum):
    DAY = "day"  # 07:00-15:00
    EVENING = "evening"  # 15:00-23:00
    NIGHT = "night"  # 23:00-07:00


class Severity(StrEnum):
    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4 = "S4"

    @property
    def rank(self) -> int:
        return int(self.value[1])


class PersonRole(StrEnum):
    AGGRESSOR = "aggressor"
    VICTIM = "victim"
    WITNESS = "witness"
    SELLER = "seller"
    BUYER = "buyer"
    INVOLVED = "involved"


class StaffRole(StrEnum):
    VICTIM = "victim"
    WITNESS = "witness"
    INTERVENED = "intervened"


class InjuryLevel(StrEnum):
    """Consequence for a person, ordered from least to most serious (SOAS-R column 4 wording)."""

    NONE = "none"
    FELT_THREATENED = "felt_threatened"
    PAIN_SHORT = "pain_short"  # pain < 10 minutes
    PAIN_LONG = "pain_long"  # pain > 10 minutes
    VISIBLE_INJURY = "visible_injury"
    TREATMENT_NON_PHYSICIAN = "treatment_non_physician"
    TREATMENT_PHYSICIAN = "treatment_physician"
    HOSPITAL = "hospital"
    DEATH = "death"

    @property
    def rank(self) -> int:
        return list(InjuryLevel).index(self)


class InjuredPartyKind(StrEnum):
    RESIDENT = "resident"
    STAFF = "staff"
    OUTSIDER = "outsider"


class Measure(StrEnum):
    """Measures taken; the lawful tools in a botilbud, not hospital-psychiatry measures."""

    NONE = "none"
    TALK = "talk"
    CALMLY_AWAY = "calmly_away"
    GUIDANCE = "guidance"  # § 124 b physical guidance, not force
    CONFLICT_AVERSION = "conflict_aversion"  # § 124 b stk. 2
    HOLD_124C = "hold_124c"
    HOLD_124D = "hold_124d"
    SELF_DEFENCE = "self_defence"  # nødværge / nødret
    PRN_OFFERED = "prn_offered"
    POLICE = "police"
    AMBULANCE = "ambulance"
    ACUTE_PSYCHIATRY = "acute_psychiatry"
    OTHER = "other"


class DrugActivity(StrEnum):
    SALE = "sale"
    HANDOVER = "handover"
    UNKNOWN_VISITORS = "unknown_visitors"
    CASH = "cash"
    PARAPHERNALIA = "paraphernalia"
    INTOXICATION = "intoxication"
    OTHER = "other"


class ActionItemStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class AgreementStatus(StrEnum):
    ACTIVE = "active"
    PENDING = "pending"
    ENDED = "ended"


class AuditAction(StrEnum):
    READ = "read"
    SEARCH = "search"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"
    PRINT = "print"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    LOCK = "lock"  # the window locked itself after idle time or on request
    UNLOCK = "unlock"
    DISCLOSE = "disclose"
    DENIED = "denied"  # an attempt the role or facility scope did not allow
    PASSWORD_CHANGE = "password_change"
    PASSWORD_RESET = "password_reset"  # an administrator gave a one-time password
    ACCOUNT_LOCKED = "account_locked"  # too many wrong passwords
    ACCOUNT_UNLOCKED = "account_unlocked"
    REAUTHENTICATE = "reauthenticate"
    SESSION_REFUSED = "session_refused"  # expired, ended, or the user was deactivated
    VERIFY = "verify"  # the audit chain was checked


class VersionKind(StrEnum):
    ORIGINAL = "original"
    CORRECTION = "correction"
    RECLASSIFICATION = "reclassification"
    REVIEW = "review"


class ZoneKind(StrEnum):
    RESIDENT_ROOM = "resident_room"
    COMMON_AREA = "common_area"
    OFFICE = "office"
    OUTDOOR = "outdoor"
    ENTRANCE = "entrance"
    OFF_PREMISES = "off_premises"


class FeedbackKind(StrEnum):
    """What the reporter is told happened with their incident. A later step of the follow-up
    (a finished learning review) adds its own kind here and calls ``feedback.tell_reporter``."""

    SIGNED_OFF = "signed_off"
    DUTY_CLOSED = "duty_closed"
    NOTE_ADDED = "note_added"
