"""The PSP meeting pack: pseudonymised and aggregated, small counts suppressed, drug-trade
patterns, police contacts, agreements with the police, action items carried over, and individual
residents only through a recorded disclosure decision. Every page is marked confidential under
retsplejelovens § 115, and the pack says what it deliberately leaves out."""

from __future__ import annotations

from functools import partial

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

from reports import psp_tables, texts
from reports.common import decor, definitions_block, doc_info, facilities_text, filters_text
from reports.layout import Column, Styles, build_pdf, columns, data_table, escape, key_value_table, styles
from safetylog.summaries.records import AgreementLine, DisclosedResident
from safetylog.summaries.report_data import PspPackData

PSP_DEFINITIONS = ("kpi_incidents", "col_prev", "col_shift", "kpi_drug", "kpi_police", "actions",
                   "protection")


def render_psp_pack(data: PspPackData) -> bytes:
    st = styles()
    story: list[Flowable] = [
        *front(data, st), *overview(data, st), *drug_patterns(data, st), *police(data, st),
        *agreements(data, st), *actions(data, st), *individual_cases(data, st), *left_out(data, st),
        *_provenance(data, st),
        *definitions_block(data.provenance.language, st, PSP_DEFINITIONS,
                           ),
    ]
    p = data.provenance
    return build_pdf(story, decor(p, "psp_title", "confidential_psp"), doc_info(p, "psp_title"))


def _provenance(data: PspPackData, st: Styles) -> list[Flowable]:
    """Scope and origin. The pack compares with the period just before only."""
    p, before = data.provenance, data.compared
    lang = p.language
    rows = [
        (texts.text(lang, "prov_report"), texts.text(lang, "psp_title")),
        (texts.text(lang, "prov_period"), texts.period(lang, p.date_from, p.date_to)),
        (texts.text(lang, "prov_facilities"), facilities_text(p)),
        (texts.text(lang, "prov_filters"), filters_text(p)),
        (texts.text(lang, "prov_compare"), texts.period(lang, before.date_from, before.date_to)),
        (texts.text(lang, "prov_by"), p.generated_by),
        (texts.text(lang, "prov_generated"), texts.moment(lang, p.generated_at)),
        (texts.text(lang, "prov_taxonomy"), ", ".join(p.taxonomy_versions)),
        (texts.text(lang, "prov_program"), f"SafetyLog {p.program_version}"),
    ]
    return [Paragraph(escape(texts.text(lang, "provenance")), st.h1), key_value_table(rows, st)]


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


def _table(data: PspPackData, st: Styles, name: str) -> list[Flowable]:
    """One protected table under its heading, kept together: a heading never ends a page."""
    parts = _parts(data, st, name)
    return [KeepTogether(parts)] if len(parts) > 1 else parts


def _parts(data: PspPackData, st: Styles, name: str) -> list[Flowable]:
    """The heading (if the table has its own) and the table, or "none" when it has no rows."""
    table = psp_tables.labelled(data, data.table(name))
    shares = (0.6, 0.2, 0.2) if len(table.headers) == 3 else (0.7, 0.3)
    cols = [Column(title, share, right=index > 0, wrap=index == 0)
            for index, (title, share) in enumerate(zip(table.headers, shares, strict=True))]
    lang = data.provenance.language
    body: Flowable = (data_table(cols, table.rows, st, total_row=table.total_row) if table.rows
                      else Paragraph(escape(texts.text(lang, "none_in_period")), st.body))
    return [Paragraph(escape(table.title), st.h2), body] if table.title else [body]


def overview(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    names = ("by_type", "by_severity", "by_shift", "by_facility")
    return [_h(st, lang, "overview"), *(f for name in names for f in _table(data, st, name))]


def drug_patterns(data: PspPackData, st: Styles) -> list[Flowable]:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    total = data.table("drug_hours").total
    observed = total.cells[0] if total is not None else "0"
    # The heading and the figure stay with the first table: never alone at the foot of a page.
    kpi = Paragraph(escape(f"{t('kpi_drug')}: {observed}"), st.body)
    first = KeepTogether([_h(st, lang, "drug_patterns"), kpi, *_parts(data, st, "drug_zone")])
    rest = (f for name in ("drug_hours", "drug_week", "drug_activity") for f in _table(data, st, name))
    return [first, *rest]


def police(data: PspPackData, st: Styles) -> list[Flowable]:
    return [KeepTogether([_h(st, data.provenance.language, "police"), *_parts(data, st, "police")])]


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
