"""The fonts every report embeds: Bitstream Vera, shipped inside reportlab itself.

Fonts are never looked up on the machine, so a report looks, and is, the same everywhere;
TrueType fonts are embedded (subset), so Danish letters and § come out exactly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "SafetyLogSans"
BOLD = "SafetyLogSans-Bold"
ITALIC = "SafetyLogSans-Italic"
BOLD_ITALIC = "SafetyLogSans-BoldItalic"

_FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf", ITALIC: "VeraIt.ttf", BOLD_ITALIC: "VeraBI.ttf"}


def font_dir() -> Path:
    return Path(reportlab.__file__).resolve().parent / "fonts"


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular font's name."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(font_dir() / filename)))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR
