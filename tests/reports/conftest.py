"""Fixtures for the report tests: the demo year and its users."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.demo_content import DEMO_PASSWORD

STAMP = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)  # "generated 1 November 2026 09:00"
PSP_STAMP = datetime(2026, 10, 21, 12, 0, tzinfo=UTC)


@pytest.fixture
def manager(demo_services: Services) -> Actor:
    return demo_services.auth.login("mette", DEMO_PASSWORD, workstation="test")


@pytest.fixture
def coordinator(demo_services: Services) -> Actor:
    return demo_services.auth.login("psp", DEMO_PASSWORD, workstation="test")


def facility_id(services: Services, actor: Actor, code: str) -> int:
    return next(f.id for f in services.admin.list_facilities(actor) if f.code == code)
