"""Page layout shared by every report: A4, embedded fonts, a header with the classification,
"page x of y" footers, styles, tables that never run off the page, and deterministic output.

Determinism: reportlab's ``invariant`` mode fixes the creation date and the document id, the
fonts come from the program, and nothing here reads the clock: the same data and the same stamp
give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from reports.fonts import BOLD, REGULAR, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
TOP = 20 * mm
BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
ACCENT = colors.HexColor("#1d4e89")
ALERT = colors.HexColor("#b42318")
RULE = colors.HexColor("#cbd2d9")
ZEBRA = colors.HexColor("#f2f4f7")
HEAD_FILL = colors.HexColor("#e4e7eb")


@dataclass(frozen=True, slots=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    alert: ParagraphStyle
    bullet: ParagraphStyle
    alert_bullet: ParagraphStyle
    big_number: ParagraphStyle
    cell_right: ParagraphStyle


def styles() -> Styles:
    register_fonts()
    tune_reportlab()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12, textColor=INK,
                          alignment=TA_LEFT, spaceAfter=3, bulletFontName=REGULAR)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=7.5, leading=9, spaceAfter=0),
        cell_bold=ParagraphStyle("cellb", parent=body, fontName=BOLD, fontSize=7.5, leading=9,
                                 spaceAfter=0),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21,
                             textColor=ACCENT, spaceAfter=2),
        h1=ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=12.5, leading=16,
                          textColor=ACCENT, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10, leading=13,
                          spaceBefore=5, spaceAfter=2, keepWithNext=1),
        alert=ParagraphStyle("alert", parent=body, textColor=ALERT),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=10, bulletIndent=2, spaceAfter=1),
        big_number=ParagraphStyle("big", parent=body, fontName=BOLD, fontSize=20, leading=24,
                                  textColor=ACCENT, spaceAfter=0),
        cell_right=ParagraphStyle("cellr", parent=body, fontName=BOLD, fontSize=7.5, leading=9,
                                  spaceAfter=0, alignment=TA_RIGHT),
        alert_bullet=ParagraphStyle("alertbullet", parent=body, leftIndent=10, bulletIndent=2,
                                    spaceAfter=1, textColor=ALERT),
    )


def escape(text: str) -> str:
    """Text from the database goes into Paragraph mark-up: escape it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit(text: str, width: float, font: str = REGULAR, size: float = 7.5) -> str:
    """Shorten ``text`` with an ellipsis so that it fits ``width`` points on one line."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    share: float  # fraction of the content width
    wrap: bool = False  # wrap long text (a Paragraph) instead of cutting it
    right: bool = False  # numbers


def data_table(columns: Sequence[Column], rows: Sequence[Sequence[str]], st: Styles, *,
               width: float = CONTENT_WIDTH, total_row: bool = False) -> Table:
    """A table whose cells always fit: wrapped columns wrap, the others are shortened."""
    widths = [c.share * width for c in columns]
    pad = 6
    head: list[Any] = [
        Paragraph(escape(c.title), st.cell_right if c.right else st.cell_bold)
        if stringWidth(c.title, BOLD, 7.5) > w - pad else c.title
        for c, w in zip(columns, widths, strict=True)
    ]
    body: list[list[Any]] = [head]
    for row in rows:
        cells: list[Any] = []
        for value, column, w in zip(row, columns, widths, strict=True):
            if column.wrap and stringWidth(value, REGULAR, 7.5) > w - pad:
                cells.append(Paragraph(escape(value), st.cell))  # long: wrap (slower to lay out)
            else:
                cells.append(fit(value, w - pad))
        body.append(cells)
    table = Table(body, colWidths=widths, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 7.5, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 7.5, 9),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, MUTED),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for index, column in enumerate(columns):
        if column.right:
            commands.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    for row_index in range(2, len(body), 2):
        commands.append(("BACKGROUND", (0, row_index), (-1, row_index), ZEBRA))
    if total_row and len(body) > 1:
        commands += [("FONT", (0, -1), (-1, -1), BOLD, 7.5, 9),
                     ("LINEABOVE", (0, -1), (-1, -1), 0.6, MUTED)]
    table.setStyle(TableStyle(commands))
    return table


def columns(language_text: Any, spec: Sequence[tuple[str, float, str]]) -> list[Column]:
    """Columns from (text key, share, flags) where flags holds "w" (wrap) and/or "r" (right)."""
    return [Column(language_text(key), share, wrap="w" in flags, right="r" in flags)
            for key, share, flags in spec]


TABLE_START = 80.0  # points: a table split after its heading shows its header and a few rows


def keep_with_next(*flowables: Flowable, width: float = CONTENT_WIDTH) -> list[Flowable]:
    """A heading (and any lead line) kept on the page with the start of what follows: a page
    break first unless they fit with the first rows of a table, or the whole of anything else
    (a chart cannot be split, so a heading above it would be left alone)."""
    need = 6.0
    for index, flowable in enumerate(flowables):
        height = flowable.wrap(width, PAGE_HEIGHT)[1]
        if index == len(flowables) - 1 and isinstance(flowable, Table):
            height = min(height, TABLE_START)
        need += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return [CondPageBreak(need), *flowables]


def key_value_table(pairs: Sequence[tuple[str, str]], st: Styles, *, key_share: float = 0.25,
                    width: float = CONTENT_WIDTH) -> Table:
    body = [[Paragraph(escape(k), st.cell_bold), Paragraph(escape(v), st.cell)] for k, v in pairs]
    table = Table(body, colWidths=[key_share * width, (1 - key_share) * width])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 7.5, 9), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]))
    return table


@dataclass(frozen=True, slots=True)
class Decor:
    """What every page shows around the content."""

    header_left: str  # the report and its scope
    classification: str  # e.g. "Fortroligt – PSP, jf. retsplejelovens § 115"
    footer_left: str  # generated by/at
    page_label: str  # "Side {page} af {pages}"


@dataclass(frozen=True, slots=True)
class DocInfo:
    title: str
    author: str
    subject: str
    creator: str


def _decorated_canvas(decor: Decor) -> type[Canvas]:
    class DecoratedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        """Keeps each page until the end so that every footer can say "page x of y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._draw_decor(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_decor(self, page: int, pages: int) -> None:
            self.saveState()
            top = PAGE_HEIGHT - 11 * mm
            self.setFont(BOLD, 8)
            self.setFillColor(ALERT)
            self.drawRightString(PAGE_WIDTH - MARGIN, top, fit(decor.classification, CONTENT_WIDTH * 0.6,
                                                                BOLD, 8))
            self.setFont(REGULAR, 8)
            self.setFillColor(MUTED)
            self.drawString(MARGIN, top, fit(decor.header_left, CONTENT_WIDTH * 0.38, REGULAR, 8))
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, top - 2.5 * mm, PAGE_WIDTH - MARGIN, top - 2.5 * mm)
            bottom = 9 * mm
            self.line(MARGIN, bottom + 4 * mm, PAGE_WIDTH - MARGIN, bottom + 4 * mm)
            self.drawString(MARGIN, bottom, fit(decor.footer_left, CONTENT_WIDTH * 0.75, REGULAR, 8))
            self.drawRightString(PAGE_WIDTH - MARGIN, bottom, decor.page_label.format(page=page, pages=pages))
            self.restoreState()

    return DecoratedCanvas


def tune_reportlab() -> None:
    """Binary (not ASCII85) streams and no attribute checks on chart shapes: the same output
    drawn faster and smaller. Set for the whole process, which only draws our own reports."""
    rl_config.useA85 = 0
    rl_config.shapeChecking = 0


def build_pdf(story: list[Flowable], decor: Decor, info: DocInfo) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF's bytes."""
    register_fonts()
    tune_reportlab()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
        title=info.title, author=info.author, subject=info.subject, creator=info.creator,
        producer=info.creator, invariant=1, pageCompression=1, lang="da",
        initialFontName=REGULAR, initialFontSize=9, initialLeading=12,
    )
    frame = Frame(MARGIN, BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="content",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_decorated_canvas(decor))
    return out.getvalue()
