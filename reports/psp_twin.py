"""The PSP pack's CSV and XLSX twins: exactly the protected tables of the PDF (``psp_tables``),
under the pack's confidentiality marking, scope and method note. No incident, date or minute.

Both are deterministic: the same data and stamp give the same bytes.
"""

from __future__ import annotations

import csv
import io

from reports import texts
from reports.common import facilities_text
from reports.psp_tables import LabelledTable, labelled_tables
from safetylog.domain.workbook import deterministic_xlsx
from safetylog.summaries.report_data import PspPackData


def _head(data: PspPackData) -> list[list[str]]:
    p = data.provenance
    lang = p.language
    return [
        [texts.text(lang, "psp_title")],
        [texts.text(lang, "confidential_psp")],
        [texts.text(lang, "prov_period"), texts.period(lang, p.date_from, p.date_to)],
        [texts.text(lang, "prov_facilities"), facilities_text(p)],
        [texts.text(lang, "prov_generated"), texts.moment(lang, p.generated_at)],
        [texts.text(lang, "prov_by"), p.generated_by],
        [texts.text(lang, "suppression_note")],
    ]


def _block(table: LabelledTable) -> list[list[str]]:
    title = f"{table.section} – {table.title}" if table.title else table.section
    return [[title], list(table.headers), *(list(row) for row in table.rows)]


def rows(data: PspPackData) -> list[list[str]]:
    """The twin's rows: the head, then each table under its heading, a blank row between."""
    out = _head(data)
    for table in labelled_tables(data):
        out += [[], *_block(table)]
    return out


def render_psp_csv(data: PspPackData) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows(data))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def render_psp_xlsx(data: PspPackData) -> bytes:
    from openpyxl import Workbook  # imported here: only an export needs it

    book = Workbook()
    sheet = book.active
    sheet.title = "PSP"
    for row in rows(data):
        # "<5" and the figures stay text, as printed: a spreadsheet must not sum them to a total
        sheet.append(row)
    p = data.provenance
    return deterministic_xlsx(book, p.generated_at, p.generated_by)
