"""Settings stored in the database (one value per key), with defaults and limits.

The values apply to every workstation that shares the database: the idle-lock time, the default
language. Reading needs no permission (every window reads them); changing needs SETTINGS_MANAGE
and is audited. New keys are added to ``DEFINITIONS``; the settings window lists them from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction
from safetylog.domain.errors import ConflictError, ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor
from safetylog.domain.throttle import DEFAULT_LOCKOUT_AFTER, DEFAULT_LOCKOUT_MINUTES, ThrottlePolicy
from safetylog.services import audit
from safetylog.services.base import Service, moved_on, require_version, stale_is_conflict
from safetylog.services.permissions import Permission, require
from safetylog.storage.models import Setting


@dataclass(frozen=True, slots=True)
class SettingDefinition:
    key: str
    default: int | str
    low: int | None = None  # integer settings: inclusive range
    high: int | None = None
    choices: tuple[str, ...] = ()  # text settings: allowed values

    def parse(self, value: object) -> int | str:
        """The clean value, or ValidationError naming this key."""
        if isinstance(self.default, int):
            if isinstance(value, str) and value.strip().lstrip("-").isdecimal():
                try:  # isdecimal, not isdigit: int() refuses "²"; and a 5000-digit number is refused
                    value = int(value.strip())
                except ValueError:
                    raise ValidationError({self.key: Problem("not_a_number")}) from None
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError({self.key: Problem("not_a_number")})
            assert self.low is not None and self.high is not None
            if not self.low <= value <= self.high:
                raise ValidationError({self.key: Problem("out_of_range",
                                                         {"low": self.low, "high": self.high})})
            return value
        text = str(value).strip() if value is not None else ""
        if self.choices and text not in self.choices:
            raise ValidationError({self.key: Problem("invalid_choice", {"value": text[:40]})})
        return text


IDLE_LOCK_MINUTES = "idle_lock_minutes"
LANGUAGE = "language"
LOCKOUT_AFTER = "lockout_after"
LOCKOUT_MINUTES = "lockout_minutes"
LOW_DISK_SPACE_MB = "low_disk_space_mb"

DEFINITIONS: dict[str, SettingDefinition] = {
    d.key: d for d in (
        # An unattended unlocked screen shows art. 9 data to whoever walks by: at most 30 minutes.
        SettingDefinition(IDLE_LOCK_MINUTES, 10, low=1, high=30),
        # Wrong passwords in a row before a lock-out, and how long it lasts (NIST SP 800-63B
        # § 5.2.2 allows at most 100 attempts; below 5 a typo-prone user locks themselves out).
        SettingDefinition(LOCKOUT_AFTER, DEFAULT_LOCKOUT_AFTER, low=5, high=100),
        SettingDefinition(LOCKOUT_MINUTES, DEFAULT_LOCKOUT_MINUTES, low=1, high=24 * 60),
        SettingDefinition(LANGUAGE, "da", choices=("da", "en")),
        # Free space on the data folder's disk below which every window warns (a full disk stops
        # every save, and every read too, as reads are audited). 0 turns the warning off.
        SettingDefinition(LOW_DISK_SPACE_MB, 500, low=0, high=1_000_000),
        # Duty deadlines are not settings: they are versioned rules files with their legal source
        # (resources/rules, safetylog.classification.duty_rules). Old duty_* rows are ignored.
    )
}


def stored_value(session: Session, key: str) -> int | str:
    """A setting read inside the caller's transaction (the default when absent or invalid)."""
    definition = _definition(key)
    row = session.get(Setting, key)
    if row is None:
        return definition.default
    try:
        return definition.parse(row.value.get("value"))
    except ValidationError:
        return definition.default


def throttle_policy(session: Session) -> ThrottlePolicy:
    after, minutes = stored_value(session, LOCKOUT_AFTER), stored_value(session, LOCKOUT_MINUTES)
    assert isinstance(after, int) and isinstance(minutes, int)
    return ThrottlePolicy(lockout_after=after, lockout_minutes=minutes)


def _definition(key: str) -> SettingDefinition:
    definition = DEFINITIONS.get(key)
    if definition is None:
        raise ValidationError({"key": Problem("invalid_choice", {"value": str(key)[:40]})})
    return definition


class SettingsService(Service):
    def get(self, key: str) -> int | str:
        """The stored value, or the default when none is stored or the stored one is no longer valid."""
        _definition(key)
        with self._sf() as session:
            return stored_value(session, key)

    def all(self) -> dict[str, int | str]:
        with self._sf() as session:
            stored = {r.key: r.value.get("value") for r in session.scalars(select(Setting))}
        result: dict[str, int | str] = {}
        for key, definition in DEFINITIONS.items():
            try:
                result[key] = definition.parse(stored[key]) if key in stored else definition.default
            except ValidationError:
                result[key] = definition.default
        return result

    def versions(self) -> dict[str, int]:
        """Each setting's version as stored now; 0 for one never saved (it has no row yet).
        A change gives back the version read with the value it replaces."""
        with self._sf() as session:
            stored = {r.key: r.version for r in session.scalars(select(Setting))}
        return {key: stored.get(key, 0) for key in DEFINITIONS}

    def set(self, actor: Actor, key: str, value: Any, *, expected_version: int) -> int | str:
        """One setting over the value read at ``expected_version`` (0: it was never saved)."""
        return self._save(actor, {key: value}, {key: expected_version})[key]

    def set_many(self, actor: Actor, values: dict[str, Any], *,
                 expected_versions: dict[str, int]) -> dict[str, int | str]:
        """Several settings in one transaction: all are saved, or (one invalid, or changed by
        someone else since it was read) none is."""
        return self._save(actor, values, expected_versions)

    def _save(self, actor: Actor, values: dict[str, Any],
              expected_versions: dict[str, int]) -> dict[str, int | str]:
        # Not itself a checked public method: a refusal is audited once, by the caller's wrapper.
        require(actor, Permission.SETTINGS_MANAGE)
        clean = {key: _definition(key).parse(value) for key, value in values.items()}
        what = "The settings" if len(clean) > 1 else f"Setting {next(iter(clean), '')!r}"
        try:
            with stale_is_conflict(what), self._sf.begin() as session:
                for key, value in clean.items():
                    self._store(session, actor, key, value, expected_versions.get(key, -1))
        except IntegrityError:
            raise ConflictError(f"Someone else changed {what.lower()} at the same moment. "
                                "Reload and make your change again.") from None
        return clean

    @staticmethod
    def _store(session: Session, actor: Actor, key: str, clean: int | str, expected_version: int) -> None:
        row = session.get(Setting, key)
        old = row.value.get("value") if row is not None else None
        what = f"Setting {key!r}"
        if row is None:
            require_version(what, 0, expected_version)  # 0: never saved
            session.add(Setting(key=key, value={"value": clean}))
            session.flush()  # two first saves at once: the second's INSERT fails here
        else:
            require_version(what, row.version, expected_version)
            row.value = {"value": clean}
            moved_on(session, row, expected_version, "value")
        audit.record(session, actor, AuditAction.UPDATE, "setting", key, value_from=old, value_to=clean)

    def idle_lock_minutes(self) -> int:
        value = self.get(IDLE_LOCK_MINUTES)
        assert isinstance(value, int)
        return value
