"""Brøset Violence Checklist assessments: one per resident per shift, with audit.

The latest assessment within 24 hours before an incident is shown with the incident; high-risk
assessments (3 or more) are listed for the manager as notices.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from safetylog.classification.bvc import ITEMS, VALID_HOURS, BvcBand, band_for, item_values, total_for
from safetylog.domain.enums import AuditAction, Shift
from safetylog.domain.errors import NotFound, ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor, BvcInput, BvcRecord
from safetylog.domain.timeutil import as_utc, local_stamp
from safetylog.domain.validation import TEXT_LIMIT, Checker
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.permissions import (
    Permission,
    has,
    read_window_start,
    require,
    require_facility,
)
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import BvcAssessmentRow, Incident, Resident, User


def bvc_record(row: BvcAssessmentRow, pseudonym: str, assessor: str) -> BvcRecord:
    items = tuple(bool(getattr(row, item.key)) for item in ITEMS)
    return BvcRecord(row.id, row.resident_id, pseudonym, row.facility_id, row.assessed_at,
                     Shift(row.shift), row.shift_date, items,  # type: ignore[arg-type]
                     row.total, band_for(row.total).value, row.actions, assessor)


def _records(session: Session, rows: list[BvcAssessmentRow]) -> list[BvcRecord]:
    pseudonyms = {r.id: r.pseudonym for r in session.scalars(
        select(Resident).where(Resident.id.in_({row.resident_id for row in rows})))}
    names = {u.id: u.display_name for u in session.scalars(
        select(User).where(User.id.in_({row.assessor_id for row in rows})))}
    return [bvc_record(row, pseudonyms.get(row.resident_id, "?"), names.get(row.assessor_id, "?"))
            for row in rows]


def _bound(field: str, moment: datetime | None) -> datetime | None:
    """A time limit of a look-up: naive is Copenhagen time, as everywhere; garbage is refused."""
    if moment is None:
        return None
    try:
        if isinstance(moment, datetime):
            return as_utc(moment)
    except (OverflowError, ValueError):
        pass
    raise ValidationError({field: Problem("invalid_format", {"expected": "date and time"})})


def latest_before(session: Session, resident_id: int, at: datetime) -> BvcAssessmentRow | None:
    """The newest assessment made in the 24 hours up to ``at``."""
    return session.scalars(
        select(BvcAssessmentRow)
        .where(BvcAssessmentRow.resident_id == resident_id,
               BvcAssessmentRow.assessed_at <= at,
               BvcAssessmentRow.assessed_at >= at - timedelta(hours=VALID_HOURS))
        .order_by(BvcAssessmentRow.assessed_at.desc(), BvcAssessmentRow.id.desc()).limit(1)
    ).first()


def latest_for_incident(session: Session, incident: Incident) -> tuple[BvcRecord, ...]:
    """For each involved resident, the assessment that spoke for the moment the incident began."""
    rows = [row for involved in incident.residents
            if (row := latest_before(session, involved.resident_id, incident.occurred_start)) is not None]
    return tuple(_records(session, rows))


class BvcService(Service):
    def record(self, actor: Actor, data: BvcInput) -> BvcRecord:
        """Record one assessment; a second one for the same resident and shift is refused."""
        require(actor, Permission.BVC_RECORD)
        now = self._clock()
        with self._sf.begin() as session:
            check = Checker()
            resident = session.get(Resident, data.resident_id) if isinstance(data.resident_id, int) else None
            if resident is None or not actor.may_see_facility(resident.facility_id):
                check.add("resident_id", "unknown_resident")
            elif not resident.active:
                check.add("resident_id", "resident_moved_out", pseudonym=resident.pseudonym)
            assessed_at = check.moment("assessed_at", data.assessed_at, now=now)
            for item in ITEMS:
                if not isinstance(getattr(data, item.key), bool):
                    check.add(item.key, "invalid_format", expected="yes/no")
            actions = check.text("actions", data.actions, limit=TEXT_LIMIT)
            if (resident is not None and assessed_at is not None and check.ok("resident_id")
                    and check.ok("assessed_at")):  # a refused time may not even have a local date
                stamp = local_stamp(assessed_at)
                taken = session.scalar(select(BvcAssessmentRow.id).where(
                    BvcAssessmentRow.resident_id == resident.id,
                    BvcAssessmentRow.shift == stamp.shift.value,
                    BvcAssessmentRow.shift_date == stamp.shift_date))
                if taken is not None:
                    check.add("assessed_at", "already_assessed", pseudonym=resident.pseudonym)
            check.raise_if_any()
            assert resident is not None and assessed_at is not None
            stamp = local_stamp(assessed_at)
            items = item_values(data)
            row = BvcAssessmentRow(
                resident_id=resident.id, facility_id=resident.facility_id, assessed_at=assessed_at,
                shift=stamp.shift.value, shift_date=stamp.shift_date, total=total_for(items),
                actions=actions, assessor_id=actor.user_id,
                **{item.key: value for item, value in zip(ITEMS, items, strict=True)},
            )
            session.add(row)
            session.flush()
            audit.record(session, actor, AuditAction.CREATE, "bvc_assessment", row.id,
                         subject_resident_id=resident.id, facility_id=resident.facility_id)
            return _records(session, [row])[0]

    def latest(self, actor: Actor, resident_id: int, at: datetime | None = None) -> BvcRecord | None:
        """The assessment that speaks for ``at`` (default now): the newest in the 24 hours before."""
        require(actor, Permission.RESIDENT_READ)
        at = _bound("at", at) or self._clock()
        with self._sf.begin() as session:
            self._resident(session, actor, resident_id)
            row = latest_before(session, resident_id, at)
            if row is not None and not self._in_window(actor, row):
                row = None  # night staff: an assessment older than their 14 days is not shown
            audit.record(session, actor, AuditAction.READ, "bvc_assessment", row.id if row else "",
                         subject_resident_id=resident_id)
            return self._shown(actor, _records(session, [row]))[0] if row is not None else None

    def history(self, actor: Actor, resident_id: int, *, since: datetime | None = None,
                until: datetime | None = None) -> list[BvcRecord]:
        """A resident's assessments, newest first (e.g. for a timeline)."""
        require(actor, Permission.RESIDENT_READ)
        since, until = _bound("since", since), _bound("until", until)
        with self._sf.begin() as session:
            self._resident(session, actor, resident_id)
            stmt = (select(BvcAssessmentRow).where(BvcAssessmentRow.resident_id == resident_id)
                    .order_by(BvcAssessmentRow.assessed_at.desc(), BvcAssessmentRow.id.desc()))
            if since is not None:
                stmt = stmt.where(BvcAssessmentRow.assessed_at >= since)
            if until is not None:
                stmt = stmt.where(BvcAssessmentRow.assessed_at <= until)
            window = read_window_start(actor, self._clock())
            if window is not None:  # night staff: their own and the last 14 days, as for incidents
                stmt = stmt.where(or_(BvcAssessmentRow.assessor_id == actor.user_id,
                                      BvcAssessmentRow.shift_date >= window))
            rows = list(session.scalars(stmt))
            audit.record(session, actor, AuditAction.READ, "bvc_assessment", "*",
                         subject_resident_id=resident_id, count=len(rows))
            return self._shown(actor, _records(session, rows))

    def high_risk_notices(self, actor: Actor, *, facility_ids: tuple[int, ...] = (),
                          hours: int = VALID_HOURS) -> list[BvcRecord]:
        """High-risk assessments of the last ``hours`` in the manager's facilities, newest first."""
        require(actor, Permission.INCIDENT_REVIEW)
        check = Checker()
        check.integer("hours", hours, low=1, high=24 * 366, required=True)
        check.raise_if_any()
        since = self._clock() - timedelta(hours=hours)
        high = min(t for t in range(len(ITEMS) + 1) if band_for(t) is BvcBand.HIGH)
        with self._sf.begin() as session:
            stmt = (select(BvcAssessmentRow)
                    .where(BvcAssessmentRow.assessed_at >= since, BvcAssessmentRow.total >= high)
                    .order_by(BvcAssessmentRow.assessed_at.desc(), BvcAssessmentRow.id.desc()))
            if facility_ids:
                stmt = stmt.where(BvcAssessmentRow.facility_id.in_([f for f in facility_ids if is_row_id(f)]))
            rows = [r for r in session.scalars(stmt) if actor.may_see_facility(r.facility_id)]
            audit.record(session, actor, AuditAction.READ, "bvc_assessment", "*",
                         purpose="high_risk_notices", count=len(rows),
                         residents=[r.resident_id for r in rows])
            return _records(session, rows)

    def _in_window(self, actor: Actor, row: BvcAssessmentRow) -> bool:
        window = read_window_start(actor, self._clock())
        return window is None or row.assessor_id == actor.user_id or row.shift_date >= window

    @staticmethod
    def _shown(actor: Actor, records: list[BvcRecord]) -> list[BvcRecord]:
        """The scores for everyone who reads residents; the free-text actions only for those who
        read narratives (not the PSP coordinator)."""
        if has(actor, Permission.INCIDENT_NARRATIVE):
            return records
        return [replace(r, actions="") for r in records]

    @staticmethod
    def _resident(session: Session, actor: Actor, resident_id: int) -> Resident:
        resident = session.get(Resident, resident_id) if isinstance(resident_id, int) else None
        if resident is None:
            raise NotFound(f"No resident {resident_id}.")
        require_facility(actor, resident.facility_id)
        return resident
