"""Errors the services raise. Each carries what the user needs to act on it."""

from __future__ import annotations

from collections.abc import Mapping

from safetylog.domain.problems import Problem


class SafetyLogError(Exception):
    """Base class for every error a user may see."""


class ValidationError(SafetyLogError):
    """Input refused. ``problems`` maps a field name to what is wrong with it."""

    def __init__(self, problems: Mapping[str, Problem]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{f}: {p.text('en')}" for f, p in self.problems.items()))

    @property
    def errors(self) -> dict[str, str]:
        return self.messages("en")

    def messages(self, language: str) -> dict[str, str]:
        return {name: problem.text(language) for name, problem in self.problems.items()}


class PermissionDenied(SafetyLogError):
    """The logged-in user's role or facility scope does not allow this."""


class NotFound(SafetyLogError):
    """The record does not exist or is outside the user's scope."""


class ConflictError(SafetyLogError):
    """Someone else changed the record since it was opened; reload and try again."""


class AuthenticationError(SafetyLogError):
    """Wrong user name or password, or the account is deactivated."""


class SessionEnded(AuthenticationError):
    """The login behind this call ended, expired, or its user was deactivated: log in again."""


class ReauthenticationRequired(AuthenticationError):
    """The password must be given again (identity look-ups, disclosures, exports)."""


class PasswordChangeRequired(AuthenticationError):
    """The password was reset by an administrator: choose a new one before anything else."""

    def __init__(self) -> None:
        super().__init__("Your password was reset. Choose a new password before you continue.")


class LoginThrottled(AuthenticationError):
    """Too soon after a wrong password: the attempt was not checked at all."""

    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = max(1, wait_seconds)
        super().__init__(f"Too many wrong passwords. Wait {self.wait_seconds} seconds and try again.")


class AccountLocked(AuthenticationError):
    """Too many wrong passwords in a row: an administrator unlocks, or the lock-out ends by itself."""

    def __init__(self, minutes: int) -> None:
        self.minutes = max(1, minutes)
        super().__init__("The account is locked after too many wrong passwords. An administrator "
                         f"can unlock it, or it opens again in {self.minutes} minutes.")


class DatabaseLocked(SafetyLogError):
    """The embedded database is encrypted and was asked to open without its key."""


class DatabaseDamaged(SafetyLogError):
    """The embedded database file cannot be read or fails its integrity check; nothing was written."""
