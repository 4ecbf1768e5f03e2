"""Small-count suppression for anything that leaves the facility (the PSP pack).

Counts from 1 to 4 are shown as "<5" (Danmarks Statistik's discretion practice). When a table
also shows its total and only one cell was suppressed, that cell could be worked out from the
total, so the smallest other non-zero cell is hidden as well ("*").
"""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "*"


def cell(value: int) -> str:
    return SMALL if 0 < value < THRESHOLD else str(value)


def column(values: Sequence[int], *, total_shown: bool = True) -> list[str]:
    """Suppressed cells for one group of counts that add up to a shown total."""
    out = [cell(v) for v in values]
    small = [i for i, v in enumerate(values) if 0 < v < THRESHOLD]
    if total_shown and len(small) == 1:
        others = sorted((v, i) for i, v in enumerate(values) if v >= THRESHOLD)
        if others:
            out[others[0][1]] = HIDDEN
    return out


def with_total(values: Sequence[int]) -> tuple[list[str], str]:
    """The suppressed cells and the suppressed total of a group."""
    return column(values), cell(sum(values))
