"""The incident list: filters, free-text search and keyset pages, in Core SQL into dataclasses.

Keyset pages (``(sort_key, id) < cursor``) cost the same at any depth; OFFSET does not. Sorting
and filtering always ask the database again, so 200 000 rows never have to be loaded.

A list limited to several facilities (the user's scope, or the facility filter) is, in time
order, one keyset page per facility merged by the database: the ``UNION ALL`` of each facility's
next ``limit`` keys, of which the first ``limit`` are read in full. Each facility's page walks
the (facility, time, id) index and stops after ``limit`` rows, where ``facility_id IN (...)``
would read and sort every matching row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, tuple_, union_all
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
from safetylog.services.residents import shows_display_names
from safetylog.storage import fulltext
from safetylog.storage.models import (
    Facility,
    Incident,
    IncidentResident,
    IncidentTypeRow,
    Resident,
    ResidentDisplayName,
    Zone,
)

MAX_PAGE = 1000
SUMMARY_LENGTH = 120
# Sort keys with a (facility_id, key, id) index, so that one facility's page is an index walk.
FACILITY_ORDERED = frozenset({"occurred_start"})
# Past this many facilities one plain query is used; far below SQLite's 500 members in a UNION.
MAX_MERGED_FACILITIES = 64


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
            # Display names only for facility staff; the rows are already within their scope,
            # and the audit row below names every resident on the page.
            pseudonyms = self._pseudonyms(session, [r.id for r in rows],
                                          shows_display_names(actor))
            types = self._types(session, [r.id for r in rows])
            result = tuple(
                IncidentRow(
                    id=r.id, facility_id=r.facility_id, facility_name=r.facility_name,
                    occurred_start=r.occurred_start, local_date=r.local_date, shift=Shift(r.shift),
                    zone_name=r.zone_name, primary_type=r.primary_type,
                    type_codes=types.get(r.id, (r.primary_type,)), severity=Severity(r.severity),
                    status=IncidentStatus(r.status), residents=pseudonyms.get(r.id, ((), ()))[0],
                    resident_names=pseudonyms.get(r.id, ((), ()))[1],
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
        if after is not None and (not isinstance(after, (tuple, list)) or len(after) != 2):
            raise ValidationError({"after": Problem("invalid_format", {"expected": "cursor"})})
        key = _sort_key(sort.column)
        facilities = _listed_facilities(actor, criteria)
        if facilities is not None and len(facilities) == 1:  # one facility: its index, any sort
            conditions = [Incident.facility_id == facilities[0],
                          *self._conditions(session, actor, criteria, by_facility=True)]
            return _keyset(_row_columns(key), conditions, key, sort, after, limit)
        if (facilities is None or not 2 <= len(facilities) <= MAX_MERGED_FACILITIES or not limit
                or sort.column not in FACILITY_ORDERED):
            conditions = self._conditions(session, actor, criteria)
            return _keyset(_row_columns(key), conditions, key, sort, after, limit)
        # Each facility's page holds only its keys (the index alone answers it); the rows of the
        # first ``limit`` keys of all of them are then read once.
        shared = self._conditions(session, actor, criteria, by_facility=True)
        pages = union_all(*(
            select(_keyset(select(Incident.id, key.label("sort_value")),
                           [Incident.facility_id == facility_id, *shared],
                           key, sort, after, limit).subquery())
            for facility_id in facilities
        )).subquery("facility_pages")
        first = _ordered(select(pages.c.id), pages.c.sort_value, pages.c.id, sort).limit(limit)
        return _keyset(_row_columns(key), [Incident.id.in_(first)], key, sort, None, limit)

    def _conditions(self, session: Session, actor: Actor, c: IncidentFilter,
                    by_facility: bool = False) -> list[ColumnElement[bool]]:
        """What a listed incident must meet. ``by_facility``: leave out the user's scope and the
        facility filter; the caller names one facility both allow (``_listed_facilities``)."""
        conditions: list[ColumnElement[bool]] = [Incident.status != IncidentStatus.DRAFT.value]
        if not actor.all_facilities and not by_facility:
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
        if c.facility_ids and not by_facility:
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
    def _pseudonyms(session: Session, ids: list[int], with_names: bool
                    ) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
        """Per incident: its residents' pseudonyms and, parallel, their display names ("" when
        none, or all "" when ``with_names`` is off)."""
        if not ids:
            return {}
        out: dict[int, list[tuple[str, str]]] = {}
        name = ResidentDisplayName.display_name if with_names else literal("")
        stmt = (select(IncidentResident.incident_id, Resident.pseudonym, name)
                .join(Resident, Resident.id == IncidentResident.resident_id)
                .where(IncidentResident.incident_id.in_(ids))
                .order_by(IncidentResident.incident_id, Resident.pseudonym))
        if with_names:
            stmt = stmt.outerjoin(ResidentDisplayName,
                                  ResidentDisplayName.resident_id == IncidentResident.resident_id)
        for incident_id, pseudonym, display_name in session.execute(stmt):
            out.setdefault(incident_id, []).append((pseudonym, display_name or ""))
        return {k: (tuple(p for p, _ in v), tuple(n for _, n in v)) for k, v in out.items()}

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


def _row_columns(key: ColumnElement[Any]) -> Select[*tuple[Any, ...]]:
    """What a list row shows, with the sort key as ``sort_value`` (the next page's cursor)."""
    return (
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


def _ordered(stmt: Select[*tuple[Any, ...]], key: ColumnElement[Any], row_id: Any,
             sort: SortSpec) -> Select[*tuple[Any, ...]]:
    if sort.descending:
        return stmt.order_by(key.desc(), row_id.desc())
    return stmt.order_by(key.asc(), row_id.asc())


def _keyset(stmt: Select[*tuple[Any, ...]], conditions: list[ColumnElement[bool]],
            key: ColumnElement[Any], sort: SortSpec, after: tuple[Any, ...] | None,
            limit: int | None) -> Select[*tuple[Any, ...]]:
    """``stmt`` limited to ``conditions``, after the cursor, in the sort order, ``limit`` rows."""
    for condition in conditions:
        stmt = stmt.where(condition)
    if after is not None:
        bound = tuple_(key, Incident.id)
        stmt = stmt.where(bound < tuple_(*after) if sort.descending else bound > tuple_(*after))
    stmt = _ordered(stmt, key, Incident.id, sort)
    return stmt.limit(limit) if limit else stmt


def _listed_facilities(actor: Actor, criteria: IncidentFilter) -> tuple[int, ...] | None:
    """The facilities both the user's scope and the facility filter allow, or None for every one."""
    allowed: set[int] | None = None if actor.all_facilities else set(actor.facility_ids)
    if criteria.facility_ids:
        chosen = set(criteria.facility_ids)
        allowed = chosen if allowed is None else allowed & chosen
    return None if allowed is None else tuple(sorted(allowed))


def _require_text_search(actor: Actor, criteria: IncidentFilter) -> None:
    """Searching the narratives is reading them: not for a role that may not read them."""
    if criteria.text:
        require(actor, Permission.INCIDENT_NARRATIVE)


def _summary(narrative: str) -> str:
    first = narrative.strip().splitlines()[0] if narrative.strip() else ""
    return first if len(first) <= SUMMARY_LENGTH else first[: SUMMARY_LENGTH - 1] + "…"
