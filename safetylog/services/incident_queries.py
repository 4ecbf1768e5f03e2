"""The incident list: filters, free-text search and keyset pages, in Core SQL into dataclasses.

Keyset pages (``(sort_key, id) < cursor``) cost the same at any depth; OFFSET does not. Sorting
and filtering always ask the database again, so 200 000 rows never have to be loaded.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select, tuple_
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction, IncidentStatus, Severity, Shift
from safetylog.domain.errors import ValidationError
from safetylog.domain.incident_fields import LIST_FIELDS
from safetylog.domain.problems import Problem
from safetylog.domain.records import (
    SORT_COLUMNS,
    Actor,
    IncidentFilter,
    IncidentRow,
    Page,
    SortSpec,
)
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.list_request import checked_criteria, checked_cursor
from safetylog.services.permissions import Permission, has, read_window_start, require
from safetylog.storage import fulltext
from safetylog.storage.models import (
    Facility,
    Incident,
    IncidentResident,
    IncidentTypeRow,
    Resident,
    Zone,
)

MAX_PAGE = 1000
SUMMARY_LENGTH = 120


def _sort_key(column: str) -> ColumnElement[Any]:
    keys: dict[str, Any] = {
        "occurred_start": Incident.occurred_start,
        "severity": Incident.severity,
        "facility": Facility.name,
        "primary_type": Incident.primary_type,
        "status": Incident.status,
        "id": Incident.id,
        # An incident without a place sorts first; a NULL key would break the keyset comparison.
        "zone": func.coalesce(Zone.name, ""),
        "shift": Incident.shift,
    }
    key: ColumnElement[Any] = keys[column]
    return key


class IncidentQueryService(Service):
    def page(self, actor: Actor, criteria: IncidentFilter = IncidentFilter(),
             sort: SortSpec = SortSpec(), after: tuple[Any, ...] | None = None,
             limit: int = 100) -> Page:
        """One page of the list. Pass ``Page.next_cursor`` back as ``after`` for the next one."""
        require(actor, Permission.INCIDENT_READ)
        if sort.column not in SORT_COLUMNS:
            raise ValidationError({"sort": Problem("invalid_choice", {"value": sort.column})})
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
            raise ValidationError({"limit": Problem("out_of_range", {"low": 1, "high": MAX_PAGE})})
        criteria = checked_criteria(criteria)
        _require_text_search(actor, criteria)
        after = checked_cursor(sort.column, after)
        narratives = has(actor, Permission.INCIDENT_NARRATIVE)
        with self._sf.begin() as session:
            stmt = self._statement(session, actor, criteria, sort, after, limit)
            rows = session.execute(stmt).all()
            pseudonyms = self._pseudonyms(session, [r.id for r in rows])
            types = self._types(session, [r.id for r in rows])
            result = tuple(
                IncidentRow(
                    id=r.id, facility_id=r.facility_id, facility_name=r.facility_name,
                    occurred_start=r.occurred_start, local_date=r.local_date, shift=Shift(r.shift),
                    zone_name=r.zone_name, primary_type=r.primary_type,
                    type_codes=types.get(r.id, (r.primary_type,)), severity=Severity(r.severity),
                    status=IncidentStatus(r.status), residents=pseudonyms.get(r.id, ()),
                    summary=_summary(r.narrative) if narratives else "",
                    described=tuple((s.name, getattr(r, s.name)) for s in LIST_FIELDS),
                )
                for r in rows
            )
            # Every page is a read of the residents on it; the first also records the search.
            audit.record(session, actor, AuditAction.SEARCH if after is None else AuditAction.READ,
                         "incident", "", criteria=criteria.criteria(), sort=sort.column,
                         count=len(rows), subject_resident_id=criteria.resident_id,
                         residents=audit.incident_residents(session, [r.id for r in rows]))
            cursor = None
            if len(rows) == limit:
                last = rows[-1]
                cursor = (last.sort_value, last.id)
            return Page(result, cursor)

    def count(self, actor: Actor, criteria: IncidentFilter = IncidentFilter()) -> int:
        require(actor, Permission.INCIDENT_READ)
        criteria = checked_criteria(criteria)
        _require_text_search(actor, criteria)
        with self._sf.begin() as session:
            stmt = self._statement(session, actor, criteria, SortSpec(), None, None)
            total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            audit.record(session, actor, AuditAction.SEARCH, "incident_count", "",
                         criteria=criteria.criteria(), count=total,
                         subject_resident_id=criteria.resident_id)
            return total

    # --- SQL --------------------------------------------------------------------------------

    def _statement(self, session: Session, actor: Actor, criteria: IncidentFilter, sort: SortSpec,
                   after: tuple[Any, ...] | None, limit: int | None) -> Select[*tuple[Any, ...]]:
        key = _sort_key(sort.column)
        stmt: Select[*tuple[Any, ...]] = (
            select(
                Incident.id, Incident.facility_id, Facility.name.label("facility_name"),
                Incident.occurred_start, Incident.local_date, Incident.shift,
                Zone.name.label("zone_name"), Incident.primary_type, Incident.severity,
                Incident.status, Incident.narrative, key.label("sort_value"),
                *(Incident.__table__.c[s.name] for s in LIST_FIELDS),
            )
            .join(Facility, Facility.id == Incident.facility_id)
            .outerjoin(Zone, Zone.id == Incident.zone_id)
        )
        for condition in self._conditions(session, actor, criteria):
            stmt = stmt.where(condition)
        if after is not None:
            if not isinstance(after, (tuple, list)) or len(after) != 2:
                raise ValidationError({"after": Problem("invalid_format", {"expected": "cursor"})})
            bound = tuple_(key, Incident.id)
            stmt = stmt.where(bound < tuple_(*after) if sort.descending else bound > tuple_(*after))
        if sort.descending:
            stmt = stmt.order_by(key.desc(), Incident.id.desc())
        else:
            stmt = stmt.order_by(key.asc(), Incident.id.asc())
        return stmt.limit(limit) if limit else stmt

    def _conditions(self, session: Session, actor: Actor,
                    c: IncidentFilter) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = [Incident.status != IncidentStatus.DRAFT.value]
        if not actor.all_facilities:
            conditions.append(Incident.facility_id.in_(sorted(actor.facility_ids)))
        window = read_window_start(actor, self._clock())
        if window is not None:
            conditions.append(or_(Incident.registered_by_id == actor.user_id,
                                  Incident.local_date >= window))
        if c.date_from:
            conditions.append(Incident.local_date >= c.date_from)
        if c.date_to:
            conditions.append(Incident.local_date <= c.date_to)
        if c.registered_from is not None:
            conditions.append(Incident.registered_at >= c.registered_from)
        if c.facility_ids:
            conditions.append(Incident.facility_id.in_(c.facility_ids))
        if c.type_codes:
            conditions.append(Incident.id.in_(
                select(IncidentTypeRow.incident_id).where(IncidentTypeRow.code.in_(c.type_codes))))
        if c.severities:
            conditions.append(Incident.severity.in_([s.value for s in c.severities]))
        if c.statuses:
            conditions.append(Incident.status.in_([s.value for s in c.statuses]))
        if c.shifts:
            conditions.append(Incident.shift.in_([s.value for s in c.shifts]))
        if c.zone_id is not None:
            conditions.append(Incident.zone_id == c.zone_id)
        if c.resident_id is not None:
            conditions.append(Incident.id.in_(
                select(IncidentResident.incident_id).where(
                    IncidentResident.resident_id == c.resident_id)))
        if c.text:
            match = fulltext.match_clause(session.get_bind().dialect.name, c.text)
            if match is not None:
                conditions.append(match)
        return conditions

    @staticmethod
    def _pseudonyms(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
        if not ids:
            return {}
        out: dict[int, list[str]] = {}
        stmt = (select(IncidentResident.incident_id, Resident.pseudonym)
                .join(Resident, Resident.id == IncidentResident.resident_id)
                .where(IncidentResident.incident_id.in_(ids))
                .order_by(IncidentResident.incident_id, Resident.pseudonym))
        for incident_id, pseudonym in session.execute(stmt):
            out.setdefault(incident_id, []).append(pseudonym)
        return {k: tuple(v) for k, v in out.items()}

    @staticmethod
    def _types(session: Session, ids: list[int]) -> dict[int, tuple[str, ...]]:
        if not ids:
            return {}
        out: dict[int, list[str]] = {}
        stmt = (select(IncidentTypeRow.incident_id, IncidentTypeRow.code)
                .where(IncidentTypeRow.incident_id.in_(ids))
                .order_by(IncidentTypeRow.incident_id, IncidentTypeRow.position))
        for incident_id, code in session.execute(stmt):
            out.setdefault(incident_id, []).append(code)
        return {k: tuple(v) for k, v in out.items()}


def _require_text_search(actor: Actor, criteria: IncidentFilter) -> None:
    """Searching the narratives is reading them: not for a role that may not read them."""
    if criteria.text:
        require(actor, Permission.INCIDENT_NARRATIVE)


def _summary(narrative: str) -> str:
    first = narrative.strip().splitlines()[0] if narrative.strip() else ""
    return first if len(first) <= SUMMARY_LENGTH else first[: SUMMARY_LENGTH - 1] + "…"
