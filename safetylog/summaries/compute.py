"""One call that computes everything the reports and the overview show for a period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.storage.models import Incident
from safetylog.summaries import activity, duties
from safetylog.summaries.counts import compute_counts, compute_trend, first_record, incident_conditions
from safetylog.summaries.model import IncidentCounts, PeriodSummary, SummaryScope
from safetylog.summaries.periods import previous_scope, year_before_scope


def compute_summary(session: Session, scope: SummaryScope, as_of: datetime) -> PeriodSummary:
    """The period summary at ``as_of`` (UTC): counts for the period, the period before and a year
    earlier, a 12-month trend, duties and their deadlines, staff injuries and EASY, drug trade,
    police, Brøset and follow-ups. Read-only; the caller audits and checks permissions."""
    duty_kinds = duties.deadline_summaries(session, scope, as_of)
    since = first_record(session, scope)
    previous = previous_scope(scope)
    year_before = year_before_scope(scope)
    current_counts = _counted(session, scope, since)
    previous_counts = _counted(session, previous, since)
    # A period of a year has the same "period before" as "a year earlier": count it once.
    year_counts = previous_counts if year_before == previous else _counted(session, year_before, since)
    versions = tuple(sorted(str(v) for v in session.scalars(
        select(Incident.taxonomy_version).where(*incident_conditions(scope)).distinct())))
    return PeriodSummary(
        scope=scope,
        as_of=as_of,
        current=current_counts,
        previous=previous_counts,
        year_before=year_counts,
        trend=compute_trend(session, scope, since=since),
        force=duties.deadline_summary(session, scope, as_of, duties.FORCE_CASE, duty_kinds),
        staff_injuries=duties.staff_injuries(session, scope, as_of, duty_kinds),
        drug_trade=activity.drug_trade(session, scope),
        police=activity.police(session, scope),
        bvc=activity.bvc(session, scope),
        follow_up=duties.follow_up(session, scope, as_of, duty_kinds),
        taxonomy_versions=versions,
        first_record=since,
    )


def _counted(session: Session, scope: SummaryScope, since: date | None) -> IncidentCounts:
    """The period's counts; a period that ended before the first record holds no data (not 0)."""
    counts = compute_counts(session, scope)
    return counts if since is not None and scope.date_to >= since else replace(counts, has_data=False)
