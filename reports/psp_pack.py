"""The PSP meeting pack: pseudonymised and aggregated, small counts suppressed, drug-trade
patterns, police contacts, agreements with the police, action items carried over, and individual
residents only through a recorded disclosure decision. Every page is marked confidential under
retsplejelovens § 115, and the pack says what it deliberately leaves out."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from reports import suppression, texts
from reports.common import decor, definitions_block, doc_info, facilities_text, provenance_block
from reports.layout import Column, Styles, build_pdf, columns, data_table, escape, styles
from safetylog.summaries.model import IncidentCounts
from safetylog.summaries.records import AgreementLine, DisclosedResident
from safetylog.summaries.report_data import PspPackData

SEVERITIES = ("S1", "S2", "S3", "S4")
SHIFTS = ("day", "evening", "night")
PSP_DEFINITIONS = ("kpi_incidents", "col_prev", "col_shift", "kpi_drug", "kpi_police", "actions")
TIME_BANDS = ((0, 6), (6, 12), (12, 18), (18, 22), (22, 24))


def render_psp_pack(data: PspPackData) -> bytes:
    st = styles()
    story: list[Flowable] = [
        *front(data, st), *overview(data, st), *drug_patterns(data, st), *police(data, st),
        *agreements(data, st), *actions(data, st), *individual_cases(data, st), *left_out(data, st),
        *provenance_block(data.provenance, data.summary, st, "psp_title"),
        *definitions_block(data.provenance.language, st, PSP_DEFINITIONS,
                           [(texts.text(data.provenance.language, "col_count"),
                             texts.text(data.provenance.language, "suppression_note"))]),
    ]
    p = data.provenance
    return build_pdf(story, decor(p, "psp_title", "confidential_psp"), doc_info(p, "psp_title"))


def _h(st: Styles, lang: str, key: str, level: int = 1) -> Paragraph:
    return Paragraph(escape(texts.text(lang, key)), st.h1 if level == 1 else st.h2)


def front(data: PspPackData, st: Styles) -> list[Flowable]:
    p = data.provenance
    lang = p.language
    out: list[Flowable] = [Paragraph(escape(texts.text(lang, "psp_title")), st.title),
                           Paragraph(escape(texts.text(lang, "confidential_psp")), st.alert)]
    if data.meeting is not None:
        m = data.meeting
        out.append(Paragraph(escape(texts.text(lang, "meeting_line", date=texts.long_date(lang, m.held_on),
                                               district=m.district)), st.h2))
        out.append(Paragraph(escape(texts.text(lang, "distribution", participants=m.participants or "–")),
                             st.body))
    else:
        out.append(Paragraph(escape(texts.text(lang, "no_meeting")), st.body))
    scope = (f"{texts.text(lang, 'prov_period')}: {texts.period(lang, p.date_from, p.date_to)} · "
             f"{texts.text(lang, 'prov_facilities')}: {facilities_text(p)}")
    out += [Paragraph(escape(scope), st.body),
            Paragraph(escape(texts.text(lang, "generated_line", at=texts.moment(lang, p.generated_at),
                                        by=p.generated_by)), st.small),
            Paragraph(escape(texts.text(lang, "suppression_note")), st.small), Spacer(1, 2 * mm)]
    return out


def _grouped_rows(labels: Sequence[str], now: Sequence[int], before: Sequence[int],
                  total_label: str) -> list[list[str]]:
    cells_now, total_now = suppression.with_total(now)
    cells_before, total_before = suppression.with_total(before)
    rows = [[label, a, b] for label, a, b in zip(labels, cells_now, cells_before, strict=True)]
    return [*rows, [total_label, total_now, total_before]]


def overview(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    cur, prev = data.summary.current, data.summary.previous
    def cols(first: str) -> list[Column]:
        return columns(t, ((first, 0.6, "w"), ("col_count", 0.2, "r"), ("col_prev", 0.2, "r")))

    def table(key: str, first: str, codes: Sequence[str], labels: Sequence[str],
              getter: str) -> list[Flowable]:
        now = [getattr(cur, getter)(c) for c in codes]
        before = [getattr(prev, getter)(c) for c in codes]
        rows = _grouped_rows(labels, now, before, t("total"))
        return [_h(st, lang, key, 2), data_table(cols(first), rows, st, total_row=True)]

    types = sorted({c for c, _ in (*cur.by_primary_type, *prev.by_primary_type)})
    facilities = _facility_rows(data, cur, prev)
    return [
        _h(st, lang, "overview"),
        *table("by_type", "col_type", types, [f"{c} {data.label(c)}" for c in types], "primary"),
        *table("by_severity", "col_sev", SEVERITIES,
               [texts.pick(texts.SEVERITIES, lang, c) for c in SEVERITIES], "severity"),
        *table("by_shift", "col_shift", SHIFTS, [texts.pick(texts.SHIFTS, lang, c) for c in SHIFTS],
               "shift"),
        _h(st, lang, "by_facility", 2), data_table(cols("col_facility"), facilities, st, total_row=True),
    ]


def _facility_rows(data: PspPackData, cur: IncidentCounts, prev: IncidentCounts) -> list[list[str]]:
    p = data.provenance
    names = dict(p.facilities)
    ordered = sorted(data.summary.scope.facility_ids, key=p.code_of)
    now, before = dict(cur.by_facility), dict(prev.by_facility)
    return _grouped_rows([f"{names.get(p.code_of(i), '?')} ({p.code_of(i)})" for i in ordered],
                         [now.get(i, 0) for i in ordered], [before.get(i, 0) for i in ordered],
                         texts.text(p.language, "total"))


def drug_patterns(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    drug = data.summary.drug_trade
    zone_labels = [t("no_place") if z.zone_id is None else
                   f"{z.name} ({data.provenance.code_of(z.facility_id)})" for z in drug.by_zone]
    bands = [sum(drug.by_hour[a:b]) for a, b in TIME_BANDS]
    band_labels = [f"{a:02d}–{b:02d}" for a, b in TIME_BANDS]
    week = [sum(drug.by_weekday[:5]), sum(drug.by_weekday[5:])]
    activities = sorted(drug.by_activity, key=lambda pair: (-pair[1], pair[0]))
    def two(first: str) -> list[Column]:
        return columns(t, ((first, 0.7, "w"), ("col_count", 0.3, "r")))

    def rows(labels: Sequence[str], values: Sequence[int], total: bool = True) -> list[list[str]]:
        cells, total_cell = suppression.with_total(values) if total else (
            [suppression.cell(v) for v in values], "")
        out = [[label, c] for label, c in zip(labels, cells, strict=True)]
        return [*out, [t("total"), total_cell]] if total else out

    return [
        _h(st, lang, "drug_patterns"),
        Paragraph(escape(f"{t('kpi_drug')}: {suppression.cell(drug.observations)}"), st.body),
        _h(st, lang, "by_zone", 2),
        data_table(two("col_place"), rows(zone_labels, [z.count for z in drug.by_zone]), st, total_row=True),
        _h(st, lang, "time_of_day", 2),
        data_table(two("col_hours"), rows(band_labels, bands), st, total_row=True),
        _h(st, lang, "weekday_weekend", 2),
        data_table(two("col_days"), rows([t("weekdays"), t("weekend")], week), st, total_row=True),
        _h(st, lang, "col_activity", 2),
        data_table(two("col_activity"), rows([texts.pick(texts.ACTIVITIES, lang, a) for a, _ in activities],
                             [n for _, n in activities], total=False), st)
        if activities else Paragraph(escape(t("none_in_period")), st.body),
    ]


def police(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    pol = data.summary.police
    labels = {"da": ("Politikontakter i alt", "Tilkaldt af personalet", "Politiets egen henvendelse",
                     "Anholdte personer", "Politianmeldelser"),
              "en": ("Police contacts in all", "Called by staff", "Police-initiated",
                     "Persons arrested", "Police reports filed")}[lang]
    values = (pol.contacts, pol.called_by_staff, pol.police_initiated, pol.arrests, pol.reports_filed)
    rows = [[label, suppression.cell(v)] for label, v in zip(labels, values, strict=True)]
    return [_h(st, lang, "police"),
            data_table(columns(t, (("col_figure", 0.7, "w"), ("col_count", 0.3, "r"))), rows, st)]


def _agreement_state(a: AgreementLine, data: PspPackData) -> str:
    lang = data.provenance.language
    today = data.provenance.generated_at.date()
    if a.valid_to is not None and a.valid_to < today and a.status == "active":
        return texts.state(lang, "expired")
    return texts.state(lang, a.status)


def agreements(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    rows = [[a.facility_code, a.title, a.police_contact or "–", a.scope or "–",
             texts.validity(lang, a.valid_from, a.valid_to),
             _agreement_state(a, data)] for a in data.agreements]
    cols = columns(t, (("col_facility", 0.08, ""), ("col_title", 0.24, "w"), ("col_contact", 0.18, "w"),
                       ("col_scope", 0.2, "w"), ("col_valid", 0.18, "w"), ("col_state", 0.12, "w")))
    body = data_table(cols, rows, st) if rows else Paragraph(escape(t("none")), st.body)
    return [_h(st, lang, "agreements"), body]


def actions(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    rows = [[a.text, a.owner, texts.short_date(lang, a.due_on),
             texts.state(lang, "overdue") if a.overdue else texts.state(lang, a.status),
             texts.short_date(lang, a.source_meeting), str(a.times_carried)] for a in data.actions]
    cols = columns(t, (("col_text", 0.34, "w"), ("col_owner", 0.18, "w"), ("col_due", 0.12, ""),
                       ("col_state", 0.13, "w"), ("col_from_meeting", 0.13, ""), ("col_carried", 0.1, "r")))
    body = data_table(cols, rows, st) if rows else Paragraph(escape(t("none")), st.body)
    return [_h(st, lang, "actions"), body]


def _case(person: DisclosedResident, data: PspPackData, st: Styles,
          heading: Flowable | None) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    rows = [[texts.short_date(lang, i.local_date), i.time, ", ".join(data.label(c) for c in i.type_codes),
             i.severity] for i in person.incidents]
    cols = columns(t, (("col_date", 0.14, ""), ("col_time", 0.08, ""), ("col_types", 0.68, "w"),
                       ("col_sev", 0.1, "")))
    parts: list[Flowable] = [
        Paragraph(escape(t("case_header", pseudonym=person.pseudonym, facility=person.facility_code)), st.h2),
        Paragraph(escape(t("case_basis", date=texts.long_date(lang, person.meeting_date),
                           basis=person.legal_basis, by=person.decided_by,
                           at=texts.moment(lang, person.decided_at))), st.body),
        Paragraph(escape(t("case_necessity", note=person.necessity_note)), st.body),
        Paragraph(escape(t("case_incidents", n=len(person.incidents))), st.body),
    ]
    if rows:
        parts.append(data_table(cols, rows, st))
    if heading is not None:
        parts.insert(0, heading)
    return [KeepTogether(parts)] if len(rows) < 25 else parts  # a long list may break across pages


def individual_cases(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    heading = _h(st, lang, "individual_cases")
    if not data.disclosed:
        return [heading, Paragraph(escape(texts.text(lang, "no_disclosures")), st.body)]
    out: list[Flowable] = []
    for index, person in enumerate(data.disclosed):
        out += _case(person, data, st, heading if index == 0 else None)
    return out


def left_out(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    bullets = [Paragraph(escape(item), st.bullet, bulletText="•")
               for item in texts.items(lang, "left_out_items")]
    return [_h(st, lang, "left_out"), *bullets]
