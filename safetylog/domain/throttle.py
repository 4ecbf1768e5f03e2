"""How failed logins slow a guesser down (NIST SP 800-63B § 5.2.2; OWASP ASVS V2.2.1).

After each wrong password the next attempt must wait twice as long as the last (1 s, 2 s, 4 s, …,
at most 60 s); after ``lockout_after`` wrong passwords in a row the account is locked until an
administrator lifts it or ``lockout_minutes`` pass. A right password resets the count. The same
policy guards the key file before the embedded database opens and the user row after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_DELAY_SECONDS = 60
DEFAULT_LOCKOUT_AFTER = 10
DEFAULT_LOCKOUT_MINUTES = 30


@dataclass(frozen=True, slots=True)
class ThrottlePolicy:
    lockout_after: int = DEFAULT_LOCKOUT_AFTER
    lockout_minutes: int = DEFAULT_LOCKOUT_MINUTES

    def delay_after(self, failures: int) -> timedelta:
        """The wait before the next attempt after ``failures`` wrong passwords in a row."""
        if failures <= 0:
            return timedelta(0)
        return timedelta(seconds=min(2 ** (failures - 1), MAX_DELAY_SECONDS))

    def locked_until(self, failures: int, last_failure: datetime) -> datetime | None:
        """When a lock-out from ``failures`` ends, or None if the count does not lock."""
        if failures < self.lockout_after:
            return None
        return last_failure + timedelta(minutes=self.lockout_minutes)

    def wait(self, failures: int, last_failure: datetime | None, locked_until: datetime | None,
             now: datetime) -> tuple[bool, timedelta]:
        """(locked out, how long to wait) before an attempt may be checked at all."""
        if locked_until is not None and now < locked_until:
            return True, locked_until - now
        if last_failure is None or (locked_until is not None and now >= locked_until):
            return False, timedelta(0)
        remaining = last_failure + self.delay_after(failures) - now
        return False, max(remaining, timedelta(0))
