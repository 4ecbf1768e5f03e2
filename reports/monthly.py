"""The monthly facility report: a first page to read in a minute, then charts, breakdowns,
duties, staff injuries, drug trade, police contacts, Brøset, the month's incidents by
pseudonym, and finally scope, provenance and definitions."""

from __future__ import annotations

from functools import partial

from reportlab.platypus import PageBreak, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from reports import charts, texts
from reports.common import decor, definitions_block, doc_info, provenance_block
from reports.fonts import REGULAR
from reports.layout import (
    CONTENT_WIDTH,
    Column,
    Styles,
    build_pdf,
    columns,
    data_table,
    escape,
    keep_with_next,
    styles,
)
from reports.monthly_front import front_page
from safetylog.domain.incident_fields import REPORT_FIELDS, FieldKind, FieldSpec, words
from safetylog.summaries.model import IncidentCounts, ZoneCount
from safetylog.summaries.report_data import MonthlyReportData

SEVERITIES = ("S1", "S2", "S3", "S4")
SHIFTS = ("day", "evening", "night")


def render_monthly(data: MonthlyReportData) -> bytes:
    """The report as PDF bytes; the same data gives the same bytes."""
    st = styles()
    story: list[Flowable] = [
        *front_page(data, st), PageBreak(),
        *chart_section(data, st), PageBreak(),
        *breakdowns(data, st),
        *duty_section(data, st),
        *injury_section(data, st),
        *drug_section(data, st),
        *police_section(data, st),
        *bvc_section(data, st), PageBreak(),
        *incident_list(data, st), PageBreak(),
        *provenance_block(data.provenance, data.summary, st, "monthly_title"),
        *definitions_block(data.provenance.language, st),
    ]
    p = data.provenance
    return build_pdf(story, decor(p, "monthly_title", "confidential_monthly"), doc_info(p, "monthly_title"))


def _heading(st: Styles, lang: str, key: str, level: int = 1) -> Paragraph:
    return Paragraph(escape(texts.text(lang, key)), st.h1 if level == 1 else st.h2)


def _table_or_none(cols: list[Column], rows: list[list[str]], st: Styles, lang: str) -> Flowable:
    if rows:
        return data_table(cols, rows, st)
    return Paragraph(escape(texts.text(lang, "none_in_period")), st.body)


def zone_label(zone: ZoneCount, data: MonthlyReportData, codes: dict[int, str]) -> str:
    if zone.zone_id is None:
        return texts.text(data.provenance.language, "no_place")
    if data.zones_by_facility and zone.facility_id is not None:
        return f"{zone.name} ({codes.get(zone.facility_id, '?')})"
    return zone.name


def facility_codes(data: MonthlyReportData) -> dict[int, str]:
    return dict(data.provenance.facility_index)


def chart_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    cur = data.summary.current
    types = sorted(cur.by_primary_type, key=lambda pair: (-pair[1], pair[0]))
    severity = [(code, texts.pick(texts.SEVERITIES, lang, code), cur.severity(code)) for code in SEVERITIES]
    bars = [(data.label(c), n) for c, n in types] or [(texts.text(lang, "none"), 0)]
    return [
        _heading(st, lang, "charts"),
        _heading(st, lang, "chart_types", 2), charts.horizontal_bars(bars, CONTENT_WIDTH),
        _heading(st, lang, "chart_heat", 2),
        charts.heat_map(cur.weekday_hour, texts.WEEKDAYS[lang], CONTENT_WIDTH),
        _heading(st, lang, "chart_severity", 2), charts.severity_mix(severity, CONTENT_WIDTH),
    ]


def _counts(periods: tuple[IncidentCounts, ...], getter: str, code: str, lang: str) -> list[str]:
    return [str(getattr(c, getter)(code)) if c.has_data else texts.text(lang, "no_data") for c in periods]


def breakdowns(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    s = data.summary
    periods = (s.current, s.previous, s.year_before)
    codes = sorted({c for p in periods for c, _ in (*p.by_type, *p.by_primary_type)})
    type_rows = [[f"{code} {data.label(code)}", *_counts(periods, "primary", code, lang),
                  str(s.current.typed(code))] for code in codes]
    all_types = sum(n for _, n in s.current.by_type)
    type_rows.append([t("total"), *(str(p.total) if p.has_data else t("no_data") for p in periods),
                      str(all_types)])
    numbers = (("col_prev", 0.13, "r"), ("col_year", 0.13, "r"))
    type_cols = columns(t, (("col_type", 0.48, "w"), ("col_primary", 0.13, "r"), *numbers,
                            ("col_all_types", 0.13, "r")))
    sev_rows = [[texts.pick(texts.SEVERITIES, lang, c), *_counts(periods, "severity", c, lang)]
                for c in SEVERITIES]
    shift_rows = [[texts.pick(texts.SHIFTS, lang, c), *_counts(periods, "shift", c, lang)] for c in SHIFTS]
    codes_by_id = facility_codes(data)
    zone_rows = [[zone_label(z, data, codes_by_id), str(z.count)] for z in s.current.by_zone]
    return [
        *keep_with_next(_heading(st, lang, "tables"), _heading(st, lang, "by_type", 2),
                        data_table(type_cols, type_rows, st, total_row=True)),
        *keep_with_next(_heading(st, lang, "by_severity", 2), data_table(
            columns(t, (("col_sev", 0.61, ""), ("col_count", 0.13, "r"), *numbers)), sev_rows, st)),
        *keep_with_next(_heading(st, lang, "by_shift", 2), data_table(
            columns(t, (("col_shift", 0.61, ""), ("col_count", 0.13, "r"), *numbers)), shift_rows, st)),
        *keep_with_next(_heading(st, lang, "by_zone", 2), _table_or_none(
            columns(t, (("col_place", 0.74, "w"), ("col_count", 0.26, "r"))), zone_rows, st, lang)),
    ]


def duty_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    rows = [[f"#{d.incident_id}", texts.short_date(lang, d.local_date), texts.moment(lang, d.due_at),
             texts.state(lang, d.state), texts.moment(lang, d.closed_at), d.reference or "–"]
            for d in data.duties if d.kind == "force_case"]
    cols = [*columns(t, (("col_no", 0.1, ""), ("col_date", 0.14, ""), ("col_due", 0.2, ""),
                         ("col_state", 0.16, ""), ("col_closed", 0.2, ""))), Column("Ref.", 0.2, wrap=True)]
    kinds = [[texts.pick(texts.DUTY_KINDS, lang, k.kind), str(k.total), str(k.open), str(k.open_overdue),
              str(k.closed), str(k.closed_late)] for k in data.summary.follow_up.by_kind]
    kind_cols = columns(t, (("col_kind", 0.35, "w"), ("col_count", 0.13, "r"), ("col_open", 0.13, "r"),
                            ("col_overdue", 0.13, "r"), ("col_done", 0.13, "r"), ("col_late", 0.13, "r")))
    overdue = [[f"#{d.incident_id}", texts.short_date(lang, d.local_date),
                 texts.pick(texts.DUTY_KINDS, lang, d.kind), texts.moment(lang, d.due_at)]
                for d in data.overdue]
    overdue_cols = columns(t, (("col_no", 0.1, ""), ("col_date", 0.14, ""), ("col_kind", 0.46, "w"),
                               ("col_due", 0.3, "")))
    return [*keep_with_next(_heading(st, lang, "duties"), _heading(st, lang, "force_cases", 2),
                            _table_or_none(cols, rows, st, lang)),
            *keep_with_next(_heading(st, lang, "other_duties", 2),
                            _table_or_none(kind_cols, kinds, st, lang)),
            *keep_with_next(_heading(st, lang, "overdue_all", 2),
                            _table_or_none(overdue_cols, overdue, st, lang))]


def injury_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    rows = [[f"#{i.incident_id}", texts.short_date(lang, i.local_date),
             texts.pick(texts.INJURY_LEVELS, lang, i.level), i.body_part or "–",
             texts.short_date(lang, i.first_absence_day), texts.state(lang, i.easy_state)]
            for i in data.injuries]
    cols = columns(partial(texts.text, lang), (
        ("col_no", 0.1, ""), ("col_date", 0.14, ""), ("col_level", 0.22, "w"), ("col_body", 0.2, "w"),
        ("col_absence", 0.17, ""), ("col_easy", 0.17, "")))
    return keep_with_next(_heading(st, lang, "staff_injuries"), _table_or_none(cols, rows, st, lang))


def drug_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    drug = data.summary.drug_trade
    head = _heading(st, lang, "drug_trade")
    lead = Paragraph(escape(f"{texts.text(lang, 'kpi_drug')}: {drug.observations}"), st.body)
    if not drug.observations:
        return keep_with_next(head, lead)
    codes = facility_codes(data)
    zones = [(zone_label(z, data, codes), z.count) for z in drug.by_zone]
    activities = [(texts.pick(texts.ACTIVITIES, lang, a), n)
                  for a, n in sorted(drug.by_activity, key=lambda pair: (-pair[1], pair[0]))]
    hours = [(f"{h:02d}", n) for h, n in enumerate(drug.by_hour)]
    half = CONTENT_WIDTH / 2 - 6
    side = Table([[_heading(st, lang, "by_zone", 2), _heading(st, lang, "col_activity", 2)],
                  [charts.horizontal_bars(zones, half), charts.horizontal_bars(activities, half)]],
                 colWidths=[CONTENT_WIDTH / 2] * 2)
    side.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9, 12),
                              ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    by_hour = charts.column_trend(hours, CONTENT_WIDTH, 80, highlight=charts.busiest(drug.by_hour))
    return [*keep_with_next(head, lead, side), *keep_with_next(_heading(st, lang, "time_of_day", 2), by_hour)]


def police_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    pol = data.summary.police
    facts = (f"{t('kpi_police')}: {pol.contacts} · {t('col_arrests')}: {pol.arrests} · "
             f"{t('col_report')}: {pol.reports_filed}")
    rows = [[f"#{i.id}", texts.short_date(lang, i.local_date), i.time, ", ".join(i.type_codes),
             str(i.arrests), t("yes" if i.report_filed else "no")]
            for i in data.incidents if i.police_contact]  # what the header counts (core definition)
    cols = columns(t, (("col_no", 0.1, ""), ("col_date", 0.14, ""), ("col_time", 0.08, ""),
                       ("col_types", 0.44, "w"), ("col_arrests", 0.12, "r"), ("col_report", 0.12, "")))
    lead = Paragraph(escape(facts), st.body)
    return keep_with_next(_heading(st, lang, "police"), lead, *([data_table(cols, rows, st)] if rows else []))


def bvc_section(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    b = data.summary.bvc
    if lang == "da":
        line = (f"{b.assessments} BVC-vurderinger, heraf {b.high_assessments} med høj risiko, på "
                f"{b.high_days} beboer-dage. Beboeren var involveret i en hændelse på "
                f"{b.high_days_with_incident} af dem. {b.resident_incidents_on_high_days} af "
                f"{b.resident_incidents} hændelser med beboere skete på en højrisiko-dag.")
    else:
        line = (f"{b.assessments} BVC assessments, {b.high_assessments} of them high risk, on "
                f"{b.high_days} resident-days. The resident was involved in an incident on "
                f"{b.high_days_with_incident} of them. {b.resident_incidents_on_high_days} of "
                f"{b.resident_incidents} incidents involving residents happened on a high-risk day.")
    return keep_with_next(_heading(st, lang, "bvc"), Paragraph(escape(line), st.body))


def described_cell(spec: FieldSpec, value: object, lang: str) -> str:
    """A described field's value as the listing prints it."""
    if spec.kind is FieldKind.FLAG:
        return texts.text(lang, "yes" if value else "no")
    if spec.kind is FieldKind.COUNT:
        return texts.number(lang, value) if isinstance(value, int) else "–"
    return str(value or "–")


def incident_list(data: MonthlyReportData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    several = data.zones_by_facility
    rows = [[f"#{i.id}", texts.short_date(lang, i.local_date), i.time,
             texts.pick(texts.SHIFTS, lang, i.shift),
             (f"{i.zone} ({i.facility_code})" if several else i.zone) or "–", ", ".join(i.type_codes),
             i.severity, ", ".join(i.residents) or "–",
             *(described_cell(s, i.value(s.name), lang) for s in REPORT_FIELDS),
             texts.status(lang, i.status)] for i in data.incidents]
    layout = (("col_no", 0.07, ""), ("col_date", 0.1, ""), ("col_time", 0.055, ""), ("col_shift", 0.075, ""),
            ("col_place", 0.17, "w"), ("col_types", 0.19, "w"), ("col_sev", 0.045, ""),
            ("col_residents", 0.16, "w"), ("col_status", 0.135, ""))
    # The described columns (incident_fields.REPORT_FIELDS) take their room from the columns that
    # wrap; dates, times and codes keep the width they need on one line.
    wrapping = sum(share for _key, share, flags in layout if "w" in flags)
    scale = 1 - sum(s.report_share for s in REPORT_FIELDS) / wrapping
    fixed = columns(partial(texts.text, lang), [(key, share * scale if "w" in flags else share, flags)
                                                for key, share, flags in layout])
    described = [Column(words(s.column_label or s.label, lang), s.report_share, wrap=s.kind is FieldKind.TEXT,
                        right=s.kind is FieldKind.COUNT) for s in REPORT_FIELDS]
    cols = [*fixed[:-1], *described, fixed[-1]]
    return [_heading(st, lang, "incident_list"), _table_or_none(cols, rows, st, lang)]
