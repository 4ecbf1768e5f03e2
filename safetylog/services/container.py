"""One place that opens the database and builds every service (used by the UI and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from safetylog.config import DatabaseLocation, database_location
from safetylog.domain.timeutil import utcnow
from safetylog.services.admin import AdminService
from safetylog.services.audit_log import AuditService
from safetylog.services.auth import AuthService
from safetylog.services.bvc import BvcService
from safetylog.services.drug_patterns import DrugPatternService
from safetylog.services.duties import DutyService
from safetylog.services.exchange import ExchangeService
from safetylog.services.incident_queries import IncidentQueryService
from safetylog.services.incidents import IncidentService
from safetylog.services.psp import PspService
from safetylog.services.reports import ReportService
from safetylog.services.residents import ResidentService
from safetylog.services.settings import SettingsService
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine, make_session_factory


@dataclass
class Services:
    engine: Engine
    session_factory: sessionmaker[Session]
    location: DatabaseLocation
    auth: AuthService
    admin: AdminService
    residents: ResidentService
    incidents: IncidentService
    queries: IncidentQueryService
    psp: PspService
    exchange: ExchangeService
    settings: SettingsService
    reports: ReportService
    bvc: BvcService
    duties: DutyService
    drug_patterns: DrugPatternService
    audit_log: AuditService
    backup: Path | None = None  # the copy made before the last schema upgrade, if any

    @classmethod
    def build(cls, engine: Engine, location: DatabaseLocation,
              clock: Callable[[], datetime] = utcnow) -> Services:
        sf = make_session_factory(engine)
        return cls(
            engine=engine, session_factory=sf, location=location,
            auth=AuthService(sf, clock), admin=AdminService(sf, clock),
            residents=ResidentService(sf, clock), incidents=IncidentService(sf, clock),
            queries=IncidentQueryService(sf, clock), psp=PspService(sf, clock),
            exchange=ExchangeService(sf, clock), settings=SettingsService(sf, clock),
            reports=ReportService(sf, clock), bvc=BvcService(sf, clock),
            duties=DutyService(sf, clock), drug_patterns=DrugPatternService(sf, clock),
            audit_log=AuditService(sf, clock),
        )

    def close(self) -> None:
        self.engine.dispose()


def open_services(url: str | None = None, *, clock: Callable[[], datetime] = utcnow) -> Services:
    """Open (creating if needed) and migrate the configured database, then build the services."""
    location = DatabaseLocation(url, "argument") if url else database_location()
    engine = make_engine(location.url)
    backup = migrate.upgrade(engine)
    services = Services.build(engine, location, clock)
    services.backup = backup
    return services
