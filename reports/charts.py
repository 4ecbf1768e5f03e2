"""Charts drawn with reportlab's own graphics: bars by type, a 12-month trend, a weekday x hour
heat map and the severity mix. Every number a chart shows is also printed on it, so a reader
never has to estimate a bar's length."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from reports.fonts import BOLD, REGULAR
from reports.layout import ACCENT, INK, MUTED, RULE, fit

LABEL_SIZE = 7
SEVERITY_COLOURS = {"S1": "#9fb3c8", "S2": "#f0b429", "S3": "#de911d", "S4": "#b42318"}


def _drawing(width: float, height: float) -> Drawing:
    """A drawing that starts in our own font, so no unembedded standard font is referenced."""
    return Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)


def horizontal_bars(items: Sequence[tuple[str, int]], width: float, *, bar_height: float = 10,
                    label_share: float = 0.42) -> Drawing:
    """One bar per item, the largest first as given; the count is printed at the end of the bar."""
    rows = max(len(items), 1)
    height = rows * (bar_height + 3) + 2
    drawing = _drawing(width, height)
    label_width = width * label_share
    room = width - label_width - 28
    top = max((n for _, n in items), default=0) or 1
    for index, (label, count) in enumerate(items):
        y = height - (index + 1) * (bar_height + 3)
        drawing.add(String(0, y + 2.5, fit(label, label_width - 4, REGULAR, LABEL_SIZE),
                           fontName=REGULAR, fontSize=LABEL_SIZE, fillColor=INK))
        length = room * count / top
        drawing.add(Rect(label_width, y, max(length, 0.5), bar_height, fillColor=ACCENT,
                         strokeColor=None))
        drawing.add(String(label_width + length + 3, y + 2.5, str(count), fontName=BOLD,
                           fontSize=LABEL_SIZE, fillColor=INK))
    return drawing


def busiest(counts: Sequence[int]) -> set[int]:
    """The positions of the largest count; none when every count is 0 (nothing to point at)."""
    peak = max(counts, default=0)
    return {i for i, n in enumerate(counts) if n == peak} if peak > 0 else set()


def column_trend(points: Sequence[tuple[str, int | None]], width: float, height: float = 110, *,
                 highlight: set[int] | None = None) -> Drawing:
    """Columns, oldest first, with the count above each column. ``highlight``: the columns to
    mark (default: the last, the period itself). ``None`` as a count: no data, shown as "–"."""
    drawing = _drawing(width, height)
    base, top_room = 14, 12
    usable = height - base - top_room
    slot = width / max(len(points), 1)
    peak = max((n or 0 for _, n in points), default=0) or 1
    marked = {len(points) - 1} if highlight is None else highlight
    drawing.add(Line(0, base, width, base, strokeColor=RULE, strokeWidth=0.6))
    for index, (label, count) in enumerate(points):
        x = index * slot + slot * 0.15
        bar = usable * (count or 0) / peak
        last = index in marked
        if count is not None:
            drawing.add(Rect(x, base, slot * 0.7, max(bar, 0.5), strokeColor=None,
                             fillColor=ACCENT if last else colors.HexColor("#7b93b5")))
        drawing.add(String(x + slot * 0.35, base + bar + 2, "–" if count is None else str(count),
                           fontName=BOLD if last else REGULAR, fontSize=LABEL_SIZE,
                           fillColor=MUTED if count is None else INK, textAnchor="middle"))
        drawing.add(String(x + slot * 0.35, 3, fit(label, slot - 1, REGULAR, 6.5), fontName=REGULAR,
                           fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
    return drawing


def _heat(value: int, peak: int) -> colors.Color:
    if value == 0:
        return colors.white
    share = 0.15 + 0.85 * value / peak
    light, dark = (0.93, 0.95, 0.98), (0.11, 0.31, 0.54)
    return colors.Color(*(lo + (hi - lo) * share for lo, hi in zip(light, dark, strict=True)))


def heat_map(grid: Sequence[Sequence[int]], weekday_labels: Sequence[str], width: float) -> Drawing:
    """Weekday rows x 24 hour columns; each non-empty cell shows its count."""
    left, bottom = 24, 12
    cell = (width - left) / 24
    height = bottom + cell * len(grid) + 2
    drawing = _drawing(width, height)
    peak = max((max(row) for row in grid), default=0) or 1
    for day, row in enumerate(grid):
        y = height - 2 - (day + 1) * cell
        drawing.add(String(0, y + cell / 2 - 2.5, weekday_labels[day], fontName=REGULAR,
                           fontSize=LABEL_SIZE, fillColor=INK))
        for hour, value in enumerate(row):
            x = left + hour * cell
            drawing.add(Rect(x, y, cell, cell, fillColor=_heat(value, peak), strokeColor=RULE,
                             strokeWidth=0.3))
            if value:
                ink = colors.white if value / peak > 0.5 else INK
                drawing.add(String(x + cell / 2, y + cell / 2 - 2.3, str(value), fontName=REGULAR,
                                   fontSize=6 if value < 100 else 5, fillColor=ink, textAnchor="middle"))
    for hour in range(0, 24, 3):
        drawing.add(String(left + hour * cell + cell / 2, 2, f"{hour:02d}", fontName=REGULAR,
                           fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
    return drawing


def severity_mix(counts: Sequence[tuple[str, str, int]], width: float) -> Drawing:
    """One stacked bar (S1..S4) and a legend with each level's count and share."""
    height = 52
    drawing = _drawing(width, height)
    total = sum(n for _, _, n in counts)
    x = 0.0
    for code, _, n in counts:
        share = n / total if total else 0
        if share:
            drawing.add(Rect(x, 34, width * share, 14, strokeColor=colors.white, strokeWidth=0.5,
                             fillColor=colors.HexColor(SEVERITY_COLOURS.get(code, "#9fb3c8"))))
        x += width * share
    if not total:
        drawing.add(Rect(0, 34, width, 14, strokeColor=RULE, fillColor=colors.white))
    column = width / max(len(counts), 1)
    for index, (code, label, n) in enumerate(counts):
        lx = index * column
        drawing.add(Rect(lx, 16, 7, 7, strokeColor=None,
                         fillColor=colors.HexColor(SEVERITY_COLOURS.get(code, "#9fb3c8"))))
        pct = f"{round(100 * n / total)} %" if total else "–"
        drawing.add(String(lx + 10, 17, fit(label, column - 12, REGULAR, LABEL_SIZE), fontName=REGULAR,
                           fontSize=LABEL_SIZE, fillColor=INK))
        drawing.add(String(lx + 10, 6, f"{n}  ({pct})", fontName=BOLD, fontSize=LABEL_SIZE, fillColor=INK))
    return drawing
