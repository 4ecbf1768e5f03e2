"""A movable wall clock for the security tests: throttle delays, lock-outs, the 5-minute
re-authentication window and the 12-hour session limit all read ``sessions.now``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest

from safetylog.domain.timeutil import utcnow
from safetylog.services import sessions


@dataclass
class Clock:
    moment: datetime = field(default_factory=utcnow)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    moving = Clock()
    monkeypatch.setattr(sessions, "now", moving)
    yield moving
