"""The monthly report's first page: the month in numbers, what changed, what is overdue.
A manager should be able to read it in a minute."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from reports import charts, texts
from reports.common import facilities_text, filters_text
from reports.fonts import REGULAR
from reports.layout import CONTENT_WIDTH, RULE, ZEBRA, Styles, escape, fit
from safetylog.summaries.periods import is_whole_month
from safetylog.summaries.report_data import MonthlyReportData

MAX_TYPE_CHANGES = 4
MAX_IDS = 8


def trend_points(data: MonthlyReportData) -> list[tuple[str, int | None]]:
    lang = data.provenance.language
    return [(f"{texts.month_name(lang, m.month)[:3]} {str(m.year)[2:]}", m.count if m.has_data else None)
            for m in data.summary.trend]


def report_period(data: MonthlyReportData) -> str:
    """"oktober 2026", or for a month not over at the stamp "november 2026 til og med 15.11.2026"."""
    p = data.provenance
    lang = p.language
    if data.summary.scope.month_so_far:
        month = f"{texts.month_name(lang, p.date_from.month)} {p.date_from.year}"
        return f"{month} {texts.text(lang, 'until', date=texts.short_date(lang, p.date_to))}"
    return texts.period(lang, p.date_from, p.date_to)


def _trend_note(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    trend = data.summary.trend
    first = next((m for m in trend if m.has_data), None)
    if all(m.has_data for m in trend) or first is None:
        return []
    month = f"{texts.month_name(data.provenance.language, first.month)} {first.year}"
    return [Paragraph(escape(texts.text(data.provenance.language, "trend_no_data", month=month)), st.small)]


def _previous_label(data: MonthlyReportData) -> str:
    lang = data.provenance.language
    prev = data.summary.previous.scope
    if prev.month_so_far:
        return texts.text(lang, "same_days", day=prev.date_to.day,
                          month=texts.month_name(lang, prev.date_from.month))
    if is_whole_month(prev):
        return texts.month_name(lang, prev.date_from.month)
    return texts.text(lang, "period_before")


def _kpi(value: int, label: str, note: str, st: Styles, *, alert: bool = False) -> list[Flowable]:
    colour = "#b42318" if alert else "#1d4e89"
    return [Paragraph(f'<font color="{colour}">{value}</font>', st.big_number),
            Paragraph(escape(label), st.cell_bold), Paragraph(escape(note), st.small)]


def kpi_grid(data: MonthlyReportData, st: Styles) -> Table:
    lang = data.provenance.language
    s = data.summary
    cur, prev = s.current, s.previous
    label = _previous_label(data)

    def vs(now: int, before: int) -> str:
        if not prev.has_data:
            return texts.text(lang, "vs_previous_none", label=label)
        base = texts.text(lang, "vs_previous", prev=before, label=label)
        return f"{base} ({texts.signed(lang, now - before)})"

    serious = cur.severity("S3") + cur.severity("S4")
    serious_prev = prev.severity("S3") + prev.severity("S4")
    force_note = f"{s.force.open_overdue} {texts.text(lang, 'state_overdue')}, " \
        f"{s.force.open} {texts.text(lang, 'state_open')}"
    easy = s.staff_injuries.easy
    injury_note = f"EASY: {easy.open_overdue} {texts.text(lang, 'state_overdue')}, " \
        f"{easy.open} {texts.text(lang, 'state_open')}"
    police_note = f"{texts.text(lang, 'col_arrests')}: {s.police.arrests}, " \
        f"{texts.text(lang, 'col_report').lower()}: {s.police.reports_filed}"
    cells = [
        _kpi(cur.total, texts.text(lang, "kpi_incidents"), vs(cur.total, prev.total), st),
        _kpi(serious, texts.text(lang, "kpi_serious"), vs(serious, serious_prev), st),
        _kpi(s.force.total, texts.text(lang, "kpi_force"), force_note, st, alert=s.force.open_overdue > 0),
        _kpi(s.staff_injuries.injuries, texts.text(lang, "kpi_injuries"), injury_note, st,
             alert=easy.open_overdue > 0),
        _kpi(s.drug_trade.observations, texts.text(lang, "kpi_drug"),
             vs(s.drug_trade.observations, prev.typed("DRG-DEAL")), st),
        _kpi(s.police.contacts, texts.text(lang, "kpi_police"), police_note, st),
    ]
    width = CONTENT_WIDTH / 3
    table = Table([cells[:3], cells[3:]], colWidths=[width] * 3)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 9, 12), ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("INNERGRID", (0, 0), (-1, -1), 2, "white"), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def changes(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    s = data.summary
    cur, prev, year = s.current, s.previous, s.year_before
    label = _previous_label(data)
    total = texts.counted(lang, "change_total", cur.total, now=cur.total)
    total += (texts.text(lang, "change_vs", prev=prev.total, label=label,
                         delta=texts.signed(lang, cur.total - prev.total))
              if prev.has_data else texts.text(lang, "change_vs_none", label=label))
    total += (texts.text(lang, "change_year", year=year.total) if year.has_data
              else texts.text(lang, "change_year_none"))
    lines = [total]
    if not prev.has_data:
        return [Paragraph(escape(line), st.bullet, bulletText="•") for line in lines]
    codes = sorted({c for c, _ in cur.by_primary_type} | {c for c, _ in prev.by_primary_type})
    deltas = sorted(((cur.primary(c) - prev.primary(c), c) for c in codes),
                    key=lambda d: (-abs(d[0]), d[1]))
    moved = [(d, c) for d, c in deltas if d][:MAX_TYPE_CHANGES]
    for delta, code in moved:
        lines.append(texts.text(lang, "change_type", label=data.label(code), now=cur.primary(code),
                                prev=prev.primary(code), delta=texts.signed(lang, delta)))
    if not moved:
        lines.append(texts.text(lang, "no_change"))
    night_now, night_prev = cur.shift("night"), prev.shift("night")
    lines.append(texts.text(lang, "change_night_one" if night_now == 1 else "change_night", now=night_now,
                            prev=night_prev, delta=texts.signed(lang, night_now - night_prev)))
    return [Paragraph(escape(line), st.bullet, bulletText="•") for line in lines]


def _ids(ids: list[str]) -> str:
    shown = ", ".join(ids[:MAX_IDS])
    return shown + (f" … (+{len(ids) - MAX_IDS})" if len(ids) > MAX_IDS else "")


def overdue(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    """Every duty overdue at the stamp, whatever month its incident is from, each one named."""
    lang = data.provenance.language

    def named(incident_id: int, day: date, what: str = "") -> str:
        return f"#{incident_id}{' ' + what if what else ''} ({texts.short_date(lang, day)})"

    force = [named(d.incident_id, d.local_date) for d in data.overdue if d.kind == "force_case"]
    easy_ids = {d.incident_id for d in data.overdue if d.kind == "work_injury"}
    easy = [named(d.incident_id, d.local_date) for d in data.overdue if d.kind == "work_injury"]
    easy += [named(i.incident_id, i.local_date) for i in data.injuries
             if i.easy_state == "missing" and i.first_absence_day and i.incident_id not in easy_ids]
    others = [named(d.incident_id, d.local_date, texts.pick(texts.DUTY_KINDS, lang, d.kind))
              for d in data.overdue if d.kind not in ("force_case", "work_injury")]
    due = texts.text(lang, "col_due").lower()
    actions = [f"«{fit(a.text, 150)}» ({due} {texts.short_date(lang, a.due_on)})"
               for a in data.overdue_actions]
    lines = [texts.counted(lang, key, len(items), ids=_ids(items))
             for key, items in (("overdue_force", force), ("overdue_easy", easy),
                                ("overdue_duties", others), ("overdue_actions", actions)) if items]
    if not lines:
        return [Paragraph(escape(texts.text(lang, "nothing_overdue")), st.body)]
    return [Paragraph(escape(line), st.alert_bullet, bulletText="•") for line in lines]


def front_page(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    p = data.provenance
    lang = p.language
    title = f"{texts.text(lang, 'monthly_title')} – {report_period(data)}"
    return [
        Paragraph(escape(title), st.title),
        Paragraph(escape(facilities_text(p)), st.h2),
        Spacer(1, 2 * mm),
        Paragraph(escape(texts.text(lang, "month_in_numbers")), st.h1),
        kpi_grid(data, st),
        Paragraph(escape(texts.text(lang, "chart_trend")), st.h2),
        charts.column_trend(trend_points(data), CONTENT_WIDTH, 95),
        *_trend_note(data, st),
        Paragraph(escape(texts.text(lang, "what_changed")), st.h1),
        *changes(data, st),
        Paragraph(escape(texts.text(lang, "what_overdue")), st.h1),
        *overdue(data, st),
        Spacer(1, 3 * mm),
        Paragraph(escape(texts.text(lang, "scope_line", period=report_period(data),
                                    filters=filters_text(p))), st.small),
        Paragraph(escape(texts.text(lang, "generated_line", at=texts.moment(lang, p.generated_at),
                                    by=p.generated_by)), st.small),
    ]
