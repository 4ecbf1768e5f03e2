"""Duties and follow-ups: use-of-force cases, EASY work-injury reports, PSP action items.

Where a duty stands is judged at ``as_of`` (the report's stamp), so a report regenerated later
with the same stamp gives the same numbers: a duty closed after ``as_of`` still counts as open.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, not_, or_, select
from sqlalchemy.orm import Session

from safetylog.classification.duties import CLOSED_STATES
from safetylog.domain.enums import ActionItemStatus, InjuredPartyKind
from safetylog.domain.timeutil import local_day_bounds, to_local
from safetylog.storage.models import DutyRow, IncidentInjury, PspActionItem
from safetylog.summaries.counts import counted_ids
from safetylog.summaries.model import (
    DeadlineSummary,
    FollowUpSummary,
    StaffInjurySummary,
    SummaryScope,
)

FORCE_CASE = "force_case"
WORK_INJURY = "work_injury"
EASY_DAYS = 14  # report within 14 days after the first day of absence (Arbejdstilsynet)
OPEN_ACTION = (ActionItemStatus.OPEN.value, ActionItemStatus.IN_PROGRESS.value)


def duty_closed(as_of: datetime) -> ColumnElement[bool]:
    return or_(and_(DutyRow.closed_at.is_not(None), DutyRow.closed_at <= as_of),
               and_(DutyRow.closed_at.is_(None), DutyRow.state.in_(CLOSED_STATES)))


def _one(value: Any) -> int:
    return int(value or 0)


def deadline_summaries(session: Session, scope: SummaryScope,
                       as_of: datetime) -> dict[str, DeadlineSummary]:
    """Per duty kind, the duties raised by the counted incidents and where they stand at ``as_of``."""
    closed = duty_closed(as_of)
    late = and_(closed, DutyRow.due_at.is_not(None), DutyRow.closed_at.is_not(None),
                DutyRow.closed_at > DutyRow.due_at)
    overdue = and_(not_(closed), DutyRow.due_at.is_not(None), DutyRow.due_at < as_of)
    stmt = select(
        DutyRow.kind,
        func.count(),
        func.sum(case((closed, 0), else_=1)),
        func.sum(case((overdue, 1), else_=0)),
        func.sum(case((closed, 1), else_=0)),
        func.sum(case((late, 1), else_=0)),
    ).where(DutyRow.incident_id.in_(counted_ids(scope)), DutyRow.created_at <= as_of).group_by(DutyRow.kind)
    return {str(kind): DeadlineSummary(str(kind), _one(total), _one(open_), _one(overdue_n), _one(closed_n),
                                       _one(late_n))
            for kind, total, open_, overdue_n, closed_n, late_n in session.execute(stmt)}


def deadline_summary(session: Session, scope: SummaryScope, as_of: datetime, kind: str,
                     known: dict[str, DeadlineSummary] | None = None) -> DeadlineSummary:
    """One kind's summary (from ``known`` when the caller already has them all)."""
    found = known if known is not None else deadline_summaries(session, scope, as_of)
    return found.get(kind, DeadlineSummary(kind, 0, 0, 0, 0, 0))


def easy_summary(session: Session, scope: SummaryScope, as_of: datetime,
                 known: dict[str, DeadlineSummary] | None = None) -> DeadlineSummary:
    """EASY duties; one without its own due date is overdue 14 days after the first absence day."""
    base = deadline_summary(session, scope, as_of, WORK_INJURY, known)
    cutoff = to_local(as_of).date() - timedelta(days=EASY_DAYS)
    late_without_due = (
        select(func.count(func.distinct(DutyRow.id)))
        .join(IncidentInjury, IncidentInjury.incident_id == DutyRow.incident_id)
        .where(DutyRow.incident_id.in_(counted_ids(scope)), DutyRow.kind == WORK_INJURY,
               DutyRow.created_at <= as_of, DutyRow.due_at.is_(None), not_(duty_closed(as_of)),
               IncidentInjury.party == InjuredPartyKind.STAFF.value,
               IncidentInjury.first_absence_day.is_not(None),
               IncidentInjury.first_absence_day < cutoff)
    )
    extra = _one(session.scalar(late_without_due))
    return DeadlineSummary(base.kind, base.total, base.open, base.open_overdue + extra, base.closed,
                           base.closed_late)


def staff_injuries(session: Session, scope: SummaryScope, as_of: datetime,
                   known: dict[str, DeadlineSummary] | None = None) -> StaffInjurySummary:
    stmt = select(
        func.count(),
        func.count(func.distinct(IncidentInjury.incident_id)),
        func.sum(case((IncidentInjury.first_absence_day.is_not(None), 1), else_=0)),
    ).where(IncidentInjury.incident_id.in_(counted_ids(scope)),
            IncidentInjury.party == InjuredPartyKind.STAFF.value)
    injuries, incidents, absent = session.execute(stmt).one()
    return StaffInjurySummary(_one(injuries), _one(incidents), _one(absent),
                              easy_summary(session, scope, as_of, known))


def _action_scope(scope: SummaryScope) -> ColumnElement[bool]:
    """Action items of the facilities in scope, and those not tied to one facility."""
    return or_(PspActionItem.facility_id.is_(None),
               PspActionItem.facility_id.in_(sorted(scope.facility_ids)))


def follow_up(session: Session, scope: SummaryScope, as_of: datetime,
              known: dict[str, DeadlineSummary] | None = None) -> FollowUpSummary:
    found = known if known is not None else deadline_summaries(session, scope, as_of)
    by_kind = tuple(found[kind] for kind in sorted(found))
    period_start, _ = local_day_bounds(scope.date_from)
    _, period_end = local_day_bounds(scope.date_to)
    open_at = and_(PspActionItem.created_at <= as_of,
                   or_(PspActionItem.closed_at.is_(None), PspActionItem.closed_at > as_of),
                   or_(PspActionItem.status.in_(OPEN_ACTION), PspActionItem.closed_at > as_of))
    overdue = and_(open_at, PspActionItem.due_on.is_not(None),
                   PspActionItem.due_on < to_local(as_of).date())
    closed_in_period = and_(PspActionItem.closed_at.is_not(None),
                            PspActionItem.closed_at >= period_start,
                            PspActionItem.closed_at < period_end,
                            PspActionItem.closed_at <= as_of)
    stmt = select(
        func.sum(case((open_at, 1), else_=0)),
        func.sum(case((overdue, 1), else_=0)),
        func.sum(case((closed_in_period, 1), else_=0)),
    ).where(_action_scope(scope))
    actions_open, actions_overdue, actions_closed = session.execute(stmt).one()
    return FollowUpSummary(sum(k.open for k in by_kind), sum(k.closed for k in by_kind),
                           sum(k.open_overdue for k in by_kind), by_kind,
                           _one(actions_open), _one(actions_overdue), _one(actions_closed))
