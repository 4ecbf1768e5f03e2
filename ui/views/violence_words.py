"""The words for the aggression-column option codes an incident stores.

The built-in columns (``safetylog.classification.soas_columns``) word every code SafetyLog's own
form offers; a code from an installed instrument that the built-in set does not know is shown
as stored, so nothing recorded is hidden.
"""

from __future__ import annotations

from safetylog.classification.soas_columns import BUILTIN_COLUMNS


def option_words(column: str, codes: tuple[str, ...], language: str) -> list[str]:
    found = next((c for c in BUILTIN_COLUMNS if c.key == column), None)
    words = []
    for code in codes:
        option = found.option(code) if found else None
        words.append(option.label_da if option and language == "da"
                     else option.label_en if option else code)
    return words
