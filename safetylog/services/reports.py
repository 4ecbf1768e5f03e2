"""Reports: the period summary for the overview, the monthly facility report and the PSP
meeting pack, assembled as plain data; and every export written and audited in one step.

The core never draws a PDF (reportlab lives in ``reports/``): the caller passes a ``render``
function, and the service writes its bytes and the audit rows together, so no report leaves
the program unrecorded. Each resident named in a PSP pack gets an audit row of their own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog import __version__
from safetylog.domain.enums import AuditAction, Severity
from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import Actor
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import to_local
from safetylog.domain.validation import Checker
from safetylog.services import audit, pack_screen
from safetylog.services.base import Service
from safetylog.services.cell_keys import record_key_secret
from safetylog.services.exports import FORMATS, INTERNAL_MARK, render_records
from safetylog.services.permissions import Permission, require
from safetylog.storage import audit_verify
from safetylog.storage.models import Facility, Incident
from safetylog.summaries import listing, protected
from safetylog.summaries.as_of import as_it_stood
from safetylog.summaries.compute import compute_summary
from safetylog.summaries.counts import incident_conditions
from safetylog.summaries.model import PeriodSummary, SummaryScope
from safetylog.summaries.periods import month_bounds, month_so_far, previous_scope
from safetylog.summaries.records import DisclosedResident, Provenance, TypeLabel
from safetylog.summaries.report_data import MonthlyReportData, PspPackData

FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2199, 12, 31)
MAX_PERIOD_DAYS = 731  # two years: a PSP pack covers at most the time since the last meeting
LANGUAGES = ("da", "en")
T = TypeVar("T", MonthlyReportData, PspPackData)


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the user chose: the period (local dates, inclusive), facilities (empty: all the user
    may see), optional filters, the meeting a PSP pack is for, language and the stamp."""

    date_from: date
    date_to: date
    facility_ids: tuple[int, ...] = ()
    type_codes: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    meeting_id: int | None = None
    language: str = "da"
    as_of: datetime | None = None  # "generated at"; default: now

    @classmethod
    def month(cls, year: int, month: int, facility_ids: tuple[int, ...] = (),
              **options: object) -> ReportRequest:
        start, end = month_bounds(year, month)
        return cls(start, end, facility_ids, **options)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class ExportReceipt:
    path: Path
    sha256: str
    size: int
    disclosed: tuple[str, ...] = ()  # pseudonyms of residents named in the export


class ReportService(Service):
    # --- data ---------------------------------------------------------------------------

    def summary(self, actor: Actor, request: ReportRequest) -> PeriodSummary:
        """The period summary for the overview: aggregates only, within the user's facilities."""
        require(actor, Permission.INCIDENT_READ_ALL_TIME)
        with self._sf.begin() as session:
            scope, as_of = self._scope(session, actor, request)
            summary = compute_summary(session, scope, as_of)
            audit.record(session, actor, AuditAction.READ, "report_summary", "",
                         date_from=scope.date_from.isoformat(), date_to=scope.date_to.isoformat(),
                         facility_ids=list(scope.facility_ids), filters=scope.filters())
            return summary

    def monthly(self, actor: Actor, request: ReportRequest) -> MonthlyReportData:
        """Everything the monthly report shows. Reading it is audited as a read."""
        require(actor, Permission.REPORT_EXPORT)
        with self._sf.begin() as session:
            with self._as_it_stood(session, request):
                data = self._monthly(session, actor, request)
            audit.record(session, actor, AuditAction.READ, "report_monthly", "",
                         residents=_named(session, data), **self._audit_details(data.provenance))
            return data

    def psp_pack(self, actor: Actor, request: ReportRequest) -> PspPackData:
        """Everything the PSP pack shows. Reading it is audited as a read."""
        require(actor, Permission.REPORT_EXPORT)
        require(actor, Permission.PSP_READ)
        with self._sf.begin() as session:
            with self._as_it_stood(session, request, keyed=True):
                data = self._psp(session, actor, request)
            meeting = data.meeting.id if data.meeting else ""
            audit.record(session, actor, AuditAction.READ, "report_psp", meeting,
                         residents=_named(session, data), **self._audit_details(data.provenance))
            for person in data.disclosed:  # a named resident's data was read: log it per person
                audit.record(session, actor, AuditAction.READ, "psp_pack", person.disclosure_id,
                             subject_resident_id=person.resident_id, meeting_id=person.meeting_id)
            return data

    # --- exports --------------------------------------------------------------------------

    def export_monthly(self, actor: Actor, request: ReportRequest,
                       render: Callable[[MonthlyReportData], bytes], target: Path) -> ExportReceipt:
        require(actor, Permission.REPORT_EXPORT)
        self._require_recent_auth(actor)
        return self._export(actor, request, self._monthly, render, target, "report_monthly")

    def export_psp(self, actor: Actor, request: ReportRequest,
                   render: Callable[[PspPackData], bytes], target: Path) -> ExportReceipt:
        require(actor, Permission.REPORT_EXPORT)
        require(actor, Permission.PSP_READ)
        self._require_recent_auth(actor)
        return self._export(actor, request, self._psp, render, target, "report_psp", keyed=True)

    def export_psp_tables(self, actor: Actor, request: ReportRequest,
                          render: Callable[[PspPackData], bytes], target: Path) -> ExportReceipt:
        """The PSP pack's CSV/XLSX twin: its protected tables and nothing else, so it names no
        resident (a disclosure goes only in the PDF)."""
        require(actor, Permission.REPORT_EXPORT)
        require(actor, Permission.PSP_READ)
        self._require_recent_auth(actor)
        return self._export(actor, request, self._psp, render, target, "report_psp_tables",
                            discloses=False, keyed=True)

    def _export(self, actor: Actor, request: ReportRequest,
                build: Callable[[Session, Actor, ReportRequest], T],
                render: Callable[[T], bytes], target: Path, entity: str, *,
                discloses: bool = True, keyed: bool = False) -> ExportReceipt:
        """Assemble, render, write the file and audit it in one transaction: all or nothing.
        ``discloses``: the file carries the pack's disclosed residents (the PDF does);
        ``keyed``: its figures are cell-key rounded (see ``_as_it_stood``)."""
        with self._sf.begin() as session:
            with self._as_it_stood(session, request, keyed=keyed):  # rolled back before anything is written
                data = build(session, actor, request)
            content = render(data)
            digest = hashlib.sha256(content).hexdigest()
            disclosed: tuple[DisclosedResident, ...] = (
                data.disclosed if isinstance(data, PspPackData) and discloses else ())
            details = self._audit_details(data.provenance)
            audit.record(session, actor, AuditAction.EXPORT, entity, target.name, sha256=digest,
                         size=len(content), disclosed=len(disclosed),
                         residents=_named(session, data) if discloses else set(), **details)
            for person in disclosed:
                audit.record(session, actor, AuditAction.DISCLOSE, "psp_pack", person.disclosure_id,
                             subject_resident_id=person.resident_id, meeting_id=person.meeting_id,
                             legal_basis=person.legal_basis, file=target.name, sha256=digest)
            write_atomically(target, content)
            return ExportReceipt(target, digest, len(content), tuple(p.pseudonym for p in disclosed))

    def export_records(self, actor: Actor, request: ReportRequest, *, report: str, fmt: str,
                       target: Path) -> ExportReceipt:
        """The CSV/XLSX list of the incidents a report counts, with its filters: the monthly
        report's twin (by pseudonym), or ``psp_internal``: the row-level list behind a PSP pack
        for a manager's own checking, without pseudonyms and marked in the file (and in the audit
        log) as not to be handed out. The PSP pack's own twin holds only its protected tables
        and is written by ``export_psp``."""
        require(actor, Permission.REPORT_EXPORT)
        check = Checker()
        if report not in ("monthly", "psp_internal"):
            check.add("report", "invalid_choice", value=str(report)[:20])
        if fmt not in FORMATS:
            check.add("format", "invalid_choice", value=str(fmt)[:20])
        check.raise_if_any()
        internal = report == "psp_internal"
        if internal:  # a manager checks the pack's figures; the PSP coordinator only hands it out
            require(actor, Permission.PSP_READ)
            require(actor, Permission.INCIDENT_REVIEW)
        self._require_recent_auth(actor)
        with self._sf.begin() as session:
            scope, as_of = self._scope(session, actor, request, monthly=report == "monthly")
            with self._as_it_stood(session, request):
                lines = listing.incident_lines(session, scope, with_residents=not internal)
            versions = tuple(sorted({line.taxonomy_version for line in lines}))
            provenance = self._provenance(session, actor, "psp" if internal else report, scope, as_of,
                                          request, versions)
            mark = INTERNAL_MARK if internal else ""
            content = render_records(lines, provenance, fmt, with_residents=not internal, mark=mark)
            digest = hashlib.sha256(content).hexdigest()
            named = set() if internal else audit.incident_residents(session, [line.id for line in lines])
            marking: dict[str, Any] = {"marking": mark} if mark else {}
            audit.record(session, actor, AuditAction.EXPORT, f"records_{report}", target.name,
                         format=fmt, rows=len(lines), sha256=digest, size=len(content),
                         residents=named, **marking, **self._audit_details(provenance))
            write_atomically(target, content)
            return ExportReceipt(target, digest, len(content))

    # --- assembly -------------------------------------------------------------------------

    @staticmethod
    def _as_it_stood(session: Session, request: ReportRequest, *,
                     keyed: bool = False) -> AbstractContextManager[int]:
        """A report stamped in the past reads incidents as they stood then (see summaries.as_of).
        The stamp is validated by ``_scope`` inside the block; a missing one means now.
        ``keyed``: the report's figures are cell-key rounded. Their secret is made here, before
        the old state's savepoint, so it is committed with the report instead of being rolled
        back with that state (a new secret each time would round the same cells differently)."""
        if keyed:
            record_key_secret(session)
        stamp = request.as_of
        if isinstance(stamp, datetime) and stamp.tzinfo is not None:
            return as_it_stood(session, stamp)
        return nullcontext(0)

    def _monthly(self, session: Session, actor: Actor, request: ReportRequest) -> MonthlyReportData:
        scope, as_of = self._scope(session, actor, request, monthly=True)
        summary = compute_summary(session, scope, as_of)
        duty_kinds = tuple(k.kind for k in summary.follow_up.by_kind)
        provenance = self._provenance(session, actor, "monthly", scope, as_of, request,
                                      summary.taxonomy_versions)
        return MonthlyReportData(
            provenance=replace(provenance, audit_head=audit_verify.head_as_of(session, as_of)),
            summary=summary,
            incidents=listing.incident_lines(session, scope),
            duties=listing.duty_lines(session, scope, as_of, duty_kinds),
            overdue=listing.overdue_duty_lines(session, scope, as_of),
            overdue_actions=tuple(a for a in listing.action_lines(session, scope, as_of) if a.overdue),
            injuries=listing.injury_lines(session, scope, as_of),
            types=type_labels(),
            zones_by_facility=len(scope.facility_ids) > 1,
        )

    def _psp(self, session: Session, actor: Actor, request: ReportRequest) -> PspPackData:
        """The pack's figures are its protected tables alone (read once, see ``protected``): no
        period summary is computed for it."""
        scope, as_of = self._scope(session, actor, request)
        versions = tuple(sorted(str(v) for v in session.scalars(
            select(Incident.taxonomy_version).where(*incident_conditions(scope)).distinct())))
        meeting_id = request.meeting_id
        if meeting_id is None:
            meeting_id = listing.next_meeting(session, scope.facility_ids, scope.date_to)
        meeting = listing.meeting_info(session, meeting_id) if meeting_id is not None else None
        if request.meeting_id is not None and meeting is None:
            raise ValidationError(_problem("meeting_id", "invalid_choice", value=str(request.meeting_id)))
        disclosed = listing.disclosed_residents(session, scope, meeting.id) if meeting else ()
        data = PspPackData(
            provenance=self._provenance(session, actor, "psp", scope, as_of, request,
                                        versions),
            compared=previous_scope(scope),
            meeting=meeting,
            agreements=listing.agreement_lines(session, scope.facility_ids),
            actions=listing.action_lines(session, scope, as_of),
            disclosed=disclosed,
            types=type_labels(),
            tables=protected.psp_tables(session, scope, record_key_secret(session)),
        )
        pack_screen.screen(session, data)  # no identifying free text leaves with the pack
        return data

    def _scope(self, session: Session, actor: Actor, request: ReportRequest, *,
               monthly: bool = False) -> tuple[SummaryScope, datetime]:
        """The validated scope and stamp. Only incidents registered by the stamp count. For the
        monthly report, a month not yet over at the stamp is counted to the stamp's day (and
        compared with the same days), and a month not yet begun is refused."""
        check = Checker()
        start = check.day("date_from", request.date_from)
        end = check.day("date_to", request.date_to)
        for name, day in (("date_from", start), ("date_to", end)):
            # The summaries look a period back and a day ahead: keep clear of date.min/date.max.
            if day is not None and not FIRST_DAY <= day <= LAST_DAY:
                check.add(name, "out_of_range", low=FIRST_DAY.isoformat(), high=LAST_DAY.isoformat())
                start, end = (None, end) if name == "date_from" else (start, None)
        if start and end and end < start:
            check.add("date_to", "date_order")
        elif start and end and (end - start).days >= MAX_PERIOD_DAYS:
            check.add("date_to", "out_of_range", low=1, high=MAX_PERIOD_DAYS)
        known = {fid for fid in session.scalars(select(Facility.id)) if actor.may_see_facility(fid)}
        wanted = tuple(sorted(set(request.facility_ids))) or tuple(sorted(known))
        for fid in wanted:
            if fid not in known:
                check.add("facility_ids", "unknown_facility")
        if not wanted:
            check.add("facility_ids", "required")
        taxonomy = current_taxonomy()
        for code in request.type_codes:
            if taxonomy.get(code) is None:
                check.add("type_codes", "unknown_type", code=str(code)[:40])
        severities = check.choices("severities", request.severities, Severity)
        if request.language not in LANGUAGES:
            check.add("language", "invalid_choice", value=str(request.language)[:10])
        as_of = check.moment("as_of", request.as_of, required=False, now=self._clock(),
                             allow_future_minutes=60 * 24 * 366)
        check.raise_if_any()
        assert start is not None and end is not None
        stamp = as_of or self._clock()
        so_far = False
        if monthly and start.day == 1 and end == month_bounds(start.year, start.month)[1]:
            today = to_local(stamp).date()
            if start > today:
                raise ValidationError(_problem("date_from", "month_not_begun", month=f"{start:%Y-%m}",
                                               at=to_local(stamp).strftime("%Y-%m-%d %H:%M")))
            cut = month_so_far(start.year, start.month, today)
            if cut is not None:
                end, so_far = cut[1], True
        scope = SummaryScope(start, end, wanted, tuple(sorted(set(request.type_codes))),
                             tuple(sorted(s.value for s in severities)), known_at=stamp,
                             month_so_far=so_far)
        return scope, stamp

    @staticmethod
    def _provenance(session: Session, actor: Actor, kind: str, scope: SummaryScope, as_of: datetime,
                    request: ReportRequest, versions: tuple[str, ...]) -> Provenance:
        rows = session.execute(select(Facility.id, Facility.code, Facility.name)
                               .where(Facility.id.in_(scope.facility_ids))).all()
        facilities = tuple(sorted((str(code), str(name)) for _, code, name in rows))
        index = tuple(sorted((int(fid), str(code)) for fid, code, _ in rows))
        filters = tuple(sorted((name, ", ".join(values)) for name, values in scope.filters().items()))
        versions = versions or (current_taxonomy().version,)
        return Provenance(kind, scope.date_from, scope.date_to, facilities, filters,
                          f"{actor.display_name} ({actor.username})", as_of, versions, __version__,
                          request.language, index)

    @staticmethod
    def _audit_details(p: Provenance) -> dict[str, Any]:
        return {"date_from": p.date_from.isoformat(), "date_to": p.date_to.isoformat(),
                "facilities": [code for code, _ in p.facilities], "filters": dict(p.filters),
                "as_of": p.generated_at.isoformat(), "language": p.language}


def _named(session: Session, data: MonthlyReportData | PspPackData) -> set[int]:
    """The residents a report names: those of the incidents a monthly report lists by pseudonym,
    and those a PSP pack discloses (the pack lists no incident by resident)."""
    if isinstance(data, PspPackData):
        return {person.resident_id for person in data.disclosed}
    return audit.incident_residents(session, [line.id for line in data.incidents])


def type_labels() -> tuple[TypeLabel, ...]:
    return tuple(TypeLabel(t.code, t.label_da, t.label_en) for t in current_taxonomy().types)


def write_atomically(target: Path, content: bytes) -> None:
    """Write beside the target and rename, so a failed export never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.part")
    temporary.write_bytes(content)
    temporary.replace(target)


def _problem(field: str, code: str, **params: object) -> dict[str, Problem]:
    return {field: Problem(code, dict(params))}
