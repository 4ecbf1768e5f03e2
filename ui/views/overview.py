"""The overview: what was logged since the user's last shift first, then the last 30 days at a
glance, the review queue, open and overdue duties, residents at high Brøset risk and open PSP
action items. Each box appears only for users who may see what it shows; each is filled by its
own background call, so a slow one never holds up the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QScrollArea, QVBoxLayout, QWidget

from safetylog.domain.enums import IncidentStatus
from safetylog.domain.records import (
    ActionItemRecord,
    BvcRecord,
    DutyRecord,
    FeedbackItem,
    IncidentFilter,
    IncidentRow,
    SortSpec,
)
from safetylog.domain.timeutil import to_local, utcnow
from safetylog.services.permissions import Permission
from safetylog.services.reports import ReportRequest
from safetylog.summaries.model import PeriodSummary
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.incident_labels import DUTY_KINDS, DUTY_STATES, deadline_source_text, duty_state, word
from ui.models.incident_table import SEVERITY_COLOURS, type_label
from ui.models.record_table import ColumnSpec
from ui.operations import Query
from ui.tasks import TaskRunner
from ui.views.common import ErrorLine, heading, local_date, local_datetime, number
from ui.views.feedback import incident_label, what_happened
from ui.views.overview_sections import CountsSection, TableSection, titled

CONTEXT = "Overview"
PERIOD_DAYS = 30
SINCE_LIMIT = 200  # rows read for "since your last shift"; the count says "at least" beyond it
SINCE_MAX_DAYS = 14  # back from a long absence, the list starts two weeks ago
OVERDUE = QColor("#ffcdd2")


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def incident_columns(language: Callable[[], str]) -> list[ColumnSpec[IncidentRow]]:
    return [
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Time"),
                   lambda r: local_datetime(r.occurred_start)),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Type"),
                   lambda r: type_label(r.primary_type, language())),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Severity"), lambda r: r.severity.value,
                   colour=lambda r: SEVERITY_COLOURS[r.severity]),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Facility"), lambda r: r.facility_name),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Summary"), lambda r: r.summary,
                   tooltip=lambda r: r.summary),
    ]


def duty_columns(now: Callable[[], datetime]) -> list[ColumnSpec[DutyRecord]]:
    def overdue(d: DutyRecord) -> bool:
        return duty_state(d.state, d.due_at, now()) == "overdue"

    return [
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Deadline"), lambda d: local_datetime(d.due_at),
                   colour=lambda d: OVERDUE if overdue(d) else None),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Duty"), lambda d: word(DUTY_KINDS, d.kind)),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "State"),
                   lambda d: word(DUTY_STATES, duty_state(d.state, d.due_at, now()))),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Incident"),
                   lambda d: f"{d.incident_id} ({local_date(d.incident_date)})"),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Deadline's legal source"),
                   lambda d: deadline_source_text(d.details),
                   tooltip=lambda d: deadline_source_text(d.details)),
    ]


BVC_COLUMNS: list[ColumnSpec[BvcRecord]] = [
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Resident"), lambda b: b.pseudonym),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Score"), lambda b: f"{b.total}/6",
               colour=lambda b: OVERDUE),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Assessed"), lambda b: local_datetime(b.assessed_at)),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "By"), lambda b: b.assessor),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Actions"), lambda b: b.actions),
]

def feedback_columns(language: Callable[[], str]) -> list[ColumnSpec[FeedbackItem]]:
    return [
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Reporter"), lambda f: f.reporter),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Incident"),
                   lambda f: incident_label(f, language())),
        ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "What happened"), what_happened,
                   tooltip=what_happened),
    ]


ACTION_COLUMNS: list[ColumnSpec[ActionItemRecord]] = [
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Due"), lambda a: local_date(a.due_on)),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Owner"), lambda a: a.owner_role),
    ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Overview", "Action"), lambda a: a.text, tooltip=lambda a: a.text),
]


class OverviewView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = Retranslator(CONTEXT)
        actor = ctx.require_actor()
        local_now = to_local(utcnow())
        earliest = local_now - timedelta(days=SINCE_MAX_DAYS)
        last = actor.previous_login_at
        previous = to_local(last) if last else local_now - timedelta(days=1)  # first login: a day
        self.since = max(previous, earliest)
        self._titles: list[Callable[[], None]] = []
        self._build()
        ctx.hub.changed.connect(self._on_changed)
        ctx.hub.language_changed.connect(self._language_changed)
        self.refresh()

    # --- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        may, language = self.ctx.may, lambda: self.ctx.language
        self.title = heading(self)
        self._texts.bind(self.title.setText, QT_TRANSLATE_NOOP("Overview", "Overview"))
        self.error = ErrorLine(self)

        self.since_box: TableSection[IncidentRow] = TableSection(incident_columns(language), lambda r: r.id)
        self.counts = CountsSection()
        self.review_box: TableSection[IncidentRow] = TableSection(incident_columns(language), lambda r: r.id)
        self.duty_box: TableSection[DutyRecord] = TableSection(duty_columns(utcnow), lambda d: d.id)
        self.bvc_box: TableSection[BvcRecord] = TableSection(BVC_COLUMNS, lambda b: b.id, visible_rows=4)
        self.action_box: TableSection[ActionItemRecord] = TableSection(ACTION_COLUMNS, lambda a: a.id,
                                                                       visible_rows=4)
        self.feedback_box: TableSection[FeedbackItem] = TableSection(
            feedback_columns(language), lambda f: f.id, visible_rows=4)
        self._titles = [
            titled(self.counts, QT_TRANSLATE_NOOP("Overview", "The last 30 days")),
            titled(self.review_box, QT_TRANSLATE_NOOP("Overview", "Waiting for sign-off")),
            titled(self.duty_box, QT_TRANSLATE_NOOP("Overview", "Open duties (overdue in red)")),
            titled(self.bvc_box, QT_TRANSLATE_NOOP("Overview", "High Brøset risk (last 24 hours)")),
            titled(self.action_box, QT_TRANSLATE_NOOP("Overview", "Open PSP action items")),
            titled(self.feedback_box, QT_TRANSLATE_NOOP("Overview", "Not yet read by the reporter")),
            self._since_title,
        ]
        self._since_title()
        self.counts.setVisible(may(Permission.INCIDENT_READ_ALL_TIME))
        self.review_box.setVisible(may(Permission.INCIDENT_REVIEW))
        self.duty_box.setVisible(may(Permission.DUTY_READ))
        self.bvc_box.setVisible(may(Permission.INCIDENT_REVIEW))
        self.action_box.setVisible(may(Permission.PSP_READ))
        self.feedback_box.setVisible(may(Permission.INCIDENT_REVIEW))
        self.feedback_box.activated.connect(lambda item: self._open(item.incident_id))
        for box in (self.since_box, self.review_box):
            box.activated.connect(lambda row: self._open(row.id))
        self.duty_box.activated.connect(self._duty_opened)

        content = QWidget(self)
        grid = QGridLayout(content)
        grid.addWidget(self.since_box, 0, 0, 1, 2)
        grid.addWidget(self.counts, 1, 0)
        grid.addWidget(self.review_box, 1, 1)
        grid.addWidget(self.duty_box, 2, 0)
        grid.addWidget(self.bvc_box, 2, 1)
        grid.addWidget(self.action_box, 3, 0, 1, 2)
        grid.addWidget(self.feedback_box, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(5, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)

    def _since_title(self) -> None:
        self.since_box.setTitle(_t(QT_TRANSLATE_NOOP("Overview", "Since your last shift (%1)"),
                                   self.since.strftime("%d-%m-%Y %H:%M")))

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        self.error.hide()
        services, actor, may = self.ctx.services, self.ctx.require_actor(), self.ctx.may
        since = self.since
        self._run(lambda: services.queries.page(
            actor, IncidentFilter(registered_from=since), limit=SINCE_LIMIT), self._since_loaded)
        if may(Permission.INCIDENT_READ_ALL_TIME):
            today = to_local(utcnow()).date()
            request = ReportRequest(today - timedelta(days=PERIOD_DAYS - 1), today)
            self._run(lambda: services.reports.summary(actor, request), self._summary_loaded)
        if may(Permission.INCIDENT_REVIEW):
            waiting = IncidentFilter(statuses=(IncidentStatus.SUBMITTED,))
            self._run(lambda: (services.queries.page(actor, waiting, SortSpec("occurred_start", False)),
                               services.queries.count(actor, waiting)), self._queue_loaded)
            self._run(lambda: services.bvc.high_risk_notices(actor), self._bvc_loaded)
            self._run(lambda: services.feedback.not_yet_read(actor), self._feedback_loaded)
        if may(Permission.DUTY_READ):
            self._run(lambda: services.duties.find(actor, open_only=True), self._duties_loaded)
        if may(Permission.PSP_READ):
            self._run(lambda: services.psp.action_items(actor, open_only=True), self._actions_loaded)

    def _run(self, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        Query(self, call).success(done).failure(self.error).run(self.tasks, self.ctx)

    def _since_loaded(self, page: Any) -> None:
        rows = list(page.rows)  # logged since the shift began, however long ago they happened
        more = page.next_cursor is not None
        count = f"{number(len(rows))}+" if more else number(len(rows))
        serious = sum(1 for r in rows if r.severity.rank >= 3)
        note = (_t(QT_TRANSLATE_NOOP("Overview", "%1 incidents, %2 of them serious (S3 or S4)."),
                   count, number(serious)) if rows
                else _t(QT_TRANSLATE_NOOP("Overview", "Nothing has been logged since your last shift.")))
        self.since_box.set_rows(rows, note)

    def _summary_loaded(self, summary: PeriodSummary) -> None:
        self.counts.show_summary(summary, self.ctx.language)

    def _queue_loaded(self, loaded: tuple[Any, int]) -> None:
        page, total = loaded
        note = (_t(QT_TRANSLATE_NOOP("Overview", "%1 incidents wait for sign-off, oldest first."),
                   number(total)) if total
                else _t(QT_TRANSLATE_NOOP("Overview", "Every incident is signed off.")))
        self.review_box.set_rows(page.rows, note)

    def _duties_loaded(self, duties: list[DutyRecord]) -> None:
        now = utcnow()
        overdue = [d for d in duties if duty_state(d.state, d.due_at, now) == "overdue"]
        ordered = overdue + [d for d in duties if d not in overdue]
        note = (_t(QT_TRANSLATE_NOOP("Overview", "%1 open, %2 overdue."), number(len(duties)),
                   number(len(overdue))) if duties
                else _t(QT_TRANSLATE_NOOP("Overview", "No open duties.")))
        self.duty_box.set_rows(ordered, note)

    def _bvc_loaded(self, notices: list[BvcRecord]) -> None:
        latest: dict[int, BvcRecord] = {}
        for record in notices:  # newest first: keep each resident's latest high score
            latest.setdefault(record.resident_id, record)
        note = "" if latest else _t(QT_TRANSLATE_NOOP("Overview", "No resident scored high."))
        self.bvc_box.set_rows(list(latest.values()), note)

    def _actions_loaded(self, items: list[ActionItemRecord]) -> None:
        note = "" if items else _t(QT_TRANSLATE_NOOP("Overview", "No open action items."))
        self.action_box.set_rows(items, note)

    def _feedback_loaded(self, items: list[FeedbackItem]) -> None:
        reporters = len({item.reporter for item in items})
        note = (_t(QT_TRANSLATE_NOOP("Overview", "Not read yet: %1 items, %2 reporters."),
                   number(len(items)), number(reporters)) if items
                else _t(QT_TRANSLATE_NOOP("Overview", "Every reporter has read what was done.")))
        self.feedback_box.set_rows(items, note)

    # --- actions ---------------------------------------------------------------------------

    def _open(self, incident_id: int) -> None:
        from ui.views.incident_view import open_incident

        open_incident(self.ctx, self.tasks, incident_id, self)

    def _duty_opened(self, duty: DutyRecord) -> None:
        if self.ctx.may(Permission.DUTY_UPDATE):
            from ui.views.duty_dialog import DutyDialog

            DutyDialog.edit(self.ctx, self.tasks, duty, self, open_incident=self._open)
        else:
            self._open(duty.incident_id)

    def _on_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes & (
                Changes.INCIDENTS | Changes.DUTIES | Changes.BVC | Changes.PSP | Changes.FEEDBACK):
            self.refresh()

    # --- language --------------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Titles and headers now; the notes are worded as the data arrive, so read again."""
        self._texts.apply()
        for apply in self._titles:
            apply()
        for box in (self.since_box, self.review_box, self.duty_box, self.bvc_box, self.action_box,
                    self.feedback_box):
            box.refresh_texts()
        self.counts.refresh_texts()
        self.refresh()

    def _language_changed(self, _language: str) -> None:
        """The hub's signal outlives this page; a bound method is disconnected when it goes."""
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._retranslate()
        super().changeEvent(event)
