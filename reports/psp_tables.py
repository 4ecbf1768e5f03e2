"""The PSP pack's protected tables, labelled: what the PDF prints and its CSV/XLSX twin writes.

Both draw on this one function, so the twin holds exactly the tables of the PDF, cell for cell,
and nothing else (no incident, no date, no minute).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from reports import texts
from safetylog.summaries.records import PublishedRow, PublishedTable
from safetylog.summaries.report_data import PspPackData

# (table, section heading key, table heading key, first column key)
LAYOUT = (
    ("by_type", "overview", "by_type", "col_type"),
    ("by_severity", "overview", "by_severity", "col_sev"),
    ("by_shift", "overview", "by_shift", "col_shift"),
    ("by_facility", "overview", "by_facility", "col_facility"),
    ("drug_zone", "drug_patterns", "by_zone", "col_place"),
    ("drug_hours", "drug_patterns", "time_of_day", "col_hours"),
    ("drug_week", "drug_patterns", "weekday_weekend", "col_days"),
    ("drug_activity", "drug_patterns", "col_activity", "col_activity"),
    ("police", "police", "", "col_figure"),
)
POLICE_LABELS = {
    "contacts": ("Politikontakter i alt", "Police contacts in all"),
    "called_by_staff": ("Tilkaldt af personalet", "Called by staff"),
    "police_initiated": ("Politiets egen henvendelse", "Police-initiated"),
    "arrests": ("Anholdte personer", "Persons arrested"),
    "reports_filed": ("Politianmeldelser", "Police reports filed"),
}
DAYS = {"weekdays": "weekdays", "weekend": "weekend"}


@dataclass(frozen=True, slots=True)
class LabelledTable:
    name: str
    section: str  # the section heading
    title: str  # the table's own heading ("" when the section heading says it)
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total_row: bool  # the last row is the total


def _label(data: PspPackData, table: str, row: PublishedRow) -> str:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    if row.total:
        return t("total")
    if row.name:
        return row.name
    if table == "by_type":
        return f"{row.code} {data.label(row.code)}"
    if table == "by_severity":
        return texts.pick(texts.SEVERITIES, lang, row.code)
    if table == "by_shift":
        return texts.pick(texts.SHIFTS, lang, row.code)
    if table == "drug_zone":
        return t("no_place")
    if table == "drug_hours":
        return row.code.replace("-", "–")
    if table == "drug_week":
        return t(DAYS[row.code])
    if table == "drug_activity":
        return texts.pick(texts.ACTIVITIES, lang, row.code)
    if table == "police":
        return texts.pick(POLICE_LABELS, lang, row.code)
    return row.code


def labelled(data: PspPackData, table: PublishedTable) -> LabelledTable:
    lang = data.provenance.language
    t = partial(texts.text, lang)
    _, section, title, first = next(entry for entry in LAYOUT if entry[0] == table.name)
    headers = (t(first), *(t("col_count") if c == "current" else t("col_prev") for c in table.columns))
    rows = tuple((_label(data, table.name, row), *row.cells) for row in table.rows)
    total = bool(table.rows) and table.rows[-1].total
    return LabelledTable(table.name, t(section), t(title) if title else "", headers, rows, total)


def labelled_tables(data: PspPackData) -> list[LabelledTable]:
    """Every protected table of the pack, in the order the PDF prints them."""
    return [labelled(data, data.table(name)) for name, *_ in LAYOUT]
