"""Sections both reports share: the provenance block, the definitions, page decoration."""

from __future__ import annotations

from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Flowable

from reports import texts
from reports.layout import Column, Decor, DocInfo, Styles, data_table, escape, key_value_table
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.summaries.model import PeriodSummary
from safetylog.summaries.records import Provenance


def facilities_text(p: Provenance) -> str:
    return ", ".join(f"{name} ({code})" for code, name in p.facilities)


def filters_text(p: Provenance) -> str:
    lang = p.language
    if not p.filters:
        return texts.text(lang, "prov_no_filters")
    names = {"types": texts.text(lang, "filter_types"), "severities": texts.text(lang, "filter_severities")}
    return "; ".join(f"{names.get(k, k)}: {v}" for k, v in p.filters)


def provenance_block(p: Provenance, summary: PeriodSummary, st: Styles, title_key: str) -> list[Flowable]:
    lang = p.language
    prev, year = summary.previous.scope, summary.year_before.scope
    rows = [
        (texts.text(lang, "prov_report"), texts.text(lang, title_key)),
        (texts.text(lang, "prov_period"), texts.period(lang, p.date_from, p.date_to)
         + f" ({texts.short_date(lang, p.date_from)} – {texts.short_date(lang, p.date_to)})"),
        (texts.text(lang, "prov_facilities"), facilities_text(p)),
        (texts.text(lang, "prov_filters"), filters_text(p)),
        (texts.text(lang, "prov_compare"), texts.text(
            lang, "prov_compare_text",
            prev=texts.period(lang, prev.date_from, prev.date_to),
            year=texts.period(lang, year.date_from, year.date_to))),
        (texts.text(lang, "prov_by"), p.generated_by),
        (texts.text(lang, "prov_generated"), texts.moment(lang, p.generated_at)),
        (texts.text(lang, "prov_taxonomy"), ", ".join(p.taxonomy_versions)),
        (texts.text(lang, "prov_program"), f"SafetyLog {p.program_version}"),
    ]
    if p.report == "monthly":
        rows.append((texts.text(lang, "prov_audit_head"), audit_head_text(p)))
    return [Paragraph(escape(texts.text(lang, "provenance")), st.h1), key_value_table(rows, st)]


def audit_head_text(p: Provenance) -> str:
    """The chain head at the stamp: id, the hash's first 16 hex digits and its time (seconds),
    so a printed report anchors the audit log (``safetylog audit verify`` prints the same)."""
    head = p.audit_head
    if head is None:
        return texts.text(p.language, "prov_audit_none")
    seconds = head.at.astimezone(COPENHAGEN).strftime(":%S")
    return f"#{head.id} · {head.row_hash[:16]} · {texts.moment(p.language, head.at)}{seconds}"


def definitions_block(lang: str, st: Styles, keys: tuple[str, ...] | None = None,
                      extra: list[tuple[str, str]] | None = None) -> list[Flowable]:
    rows = [list(r) for r in texts.definition_rows(lang, keys)] + [list(r) for r in extra or []]
    columns = (Column(texts.text(lang, "col_figure"), 0.25, wrap=True),
               Column(texts.text(lang, "col_definition"), 0.75, wrap=True))
    return [Paragraph(escape(texts.text(lang, "definitions")), st.h1), data_table(columns, rows, st)]


def decor(p: Provenance, title_key: str, classification_key: str) -> Decor:
    lang = p.language
    head = f"{texts.text(lang, title_key)} · {texts.period(lang, p.date_from, p.date_to)} · " + \
        ", ".join(code for code, _ in p.facilities)
    foot = texts.text(lang, "generated_line", at=texts.moment(lang, p.generated_at), by=p.generated_by)
    return Decor(head, texts.text(lang, classification_key), foot, texts.text(lang, "page_of"))


def doc_info(p: Provenance, title_key: str) -> DocInfo:
    lang = p.language
    title = f"{texts.text(lang, title_key)} – {texts.period(lang, p.date_from, p.date_to)}"
    return DocInfo(title=title, author=p.generated_by, subject=facilities_text(p),
                   creator=f"SafetyLog {p.program_version}")
