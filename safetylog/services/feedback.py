"""Feedback to the reporter: what a manager did with the incident they reported.

Half of the staff who report an episode never hear what became of it. When someone else signs
the incident off, closes one of its duties or adds a note, ``tell_reporter`` adds a row in the
same transaction as the change; the reporter sees it at their next login until they mark it
read, and the manager sees which reporters have not yet read theirs. An item says what happened
and by whom, never a note's wording or a duty's details: the reporter opens the incident for
those, under the usual rules. Showing items is a read of the incidents they name, and audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from safetylog.domain.enums import AuditAction, FeedbackKind
from safetylog.domain.records import Actor, FeedbackItem
from safetylog.domain.validation import Checker
from safetylog.services import audit
from safetylog.services.base import Service
from safetylog.services.permissions import Permission, has, read_window_start, require
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import Incident, ReporterFeedbackRow, User

LIST_LIMIT = 500  # the newest this many; nobody reads more at a login


def check_feedback(check: Checker, kind: object) -> None:
    """A feedback row's kind (also every imported row's)."""
    check.choice("kind", kind, FeedbackKind)


def tell_reporter(session: Session, actor: Actor, incident: Incident, kind: FeedbackKind,
                  now: datetime, subject: str = "") -> None:
    """Add, in the caller's transaction, what ``actor`` did with ``incident`` for its reporter.
    The reporter's own actions are not news to them, and make none."""
    if incident.registered_by_id == actor.user_id:
        return
    session.add(ReporterFeedbackRow(incident_id=incident.id, reporter_id=incident.registered_by_id,
                                    kind=kind.value, subject=subject[:40], created_at=now,
                                    created_by_id=actor.user_id, read_at=None))


class FeedbackService(Service):
    def unread(self, actor: Actor) -> list[FeedbackItem]:
        """What happened with the actor's own incidents that they have not yet read, newest first."""
        stmt = _items().where(ReporterFeedbackRow.reporter_id == actor.user_id,
                              ReporterFeedbackRow.read_at.is_(None))
        with self._sf.begin() as session:
            found = self._visible(session, actor, stmt.order_by(ReporterFeedbackRow.id.desc()))
            if found:
                audit.record(session, actor, AuditAction.READ, "reporter_feedback", "*",
                             count=len(found), incident_ids=sorted({f.incident_id for f in found}),
                             residents=audit.incident_residents(session, (f.incident_id for f in found)))
            return found

    def mark_read(self, actor: Actor, feedback_ids: Sequence[int]) -> int:
        """Mark the actor's own items read; another user's are left as they are. Returns how
        many were marked (0 when all were read already)."""
        ids = sorted({i for i in feedback_ids if isinstance(i, int) and is_row_id(i)})
        if not ids:
            return 0
        now = self._clock()
        with self._sf.begin() as session:
            mine = list(session.scalars(select(ReporterFeedbackRow).where(
                ReporterFeedbackRow.id.in_(ids), ReporterFeedbackRow.reporter_id == actor.user_id,
                ReporterFeedbackRow.read_at.is_(None))))
            if not mine:
                return 0
            for row in mine:
                row.read_at = now
            audit.record(session, actor, AuditAction.UPDATE, "reporter_feedback", "*",
                         change="read", feedback_ids=[r.id for r in mine],
                         residents=audit.incident_residents(session, {r.incident_id for r in mine}))
            return len(mine)

    def not_yet_read(self, actor: Actor, facility_ids: tuple[int, ...] = ()) -> list[FeedbackItem]:
        """The manager's list: feedback in the actor's facilities its reporter has not yet read,
        oldest first."""
        require(actor, Permission.INCIDENT_REVIEW)
        stmt = _items().where(ReporterFeedbackRow.read_at.is_(None))
        if facility_ids:
            stmt = stmt.where(Incident.facility_id.in_([f for f in facility_ids if is_row_id(f)]))
        with self._sf.begin() as session:
            found = self._visible(session, actor, stmt.order_by(ReporterFeedbackRow.id))
            audit.record(session, actor, AuditAction.READ, "reporter_feedback", "*",
                         count=len(found), unread_by_reporters=True,
                         residents=audit.incident_residents(session, (f.incident_id for f in found)))
            return found

    def _visible(self, session: Session, actor: Actor,
                 stmt: Select[ReporterFeedbackRow, Incident, str, str]) -> list[FeedbackItem]:
        window = read_window_start(actor, self._clock())
        narrative = has(actor, Permission.INCIDENT_NARRATIVE)
        items = []
        for row, incident, by, reporter in session.execute(stmt.limit(LIST_LIMIT)):
            if not actor.may_see_facility(incident.facility_id):
                continue
            in_window = (window is None or incident.registered_by_id == actor.user_id
                         or incident.local_date >= window)
            items.append(FeedbackItem(row.id, incident.id, incident.local_date, incident.primary_type,
                                      row.kind, row.subject, row.created_at, by, reporter,
                                      row.read_at, narrative and in_window))
        return items


def _items() -> Select[ReporterFeedbackRow, Incident, str, str]:
    author, reporter = aliased(User), aliased(User)
    return (select(ReporterFeedbackRow, Incident, author.display_name, reporter.display_name)
            .join(Incident, Incident.id == ReporterFeedbackRow.incident_id)
            .join(author, author.id == ReporterFeedbackRow.created_by_id)
            .join(reporter, reporter.id == ReporterFeedbackRow.reporter_id))

