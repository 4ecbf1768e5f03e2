"""Helpers for translatable source texts in the views and models.

Every literal is marked where it is written, ``QT_TRANSLATE_NOOP("Context", "English")``, so that
``pyside6-lupdate`` finds it under a literal context; ``ui.i18n.tr`` translates it at the moment
it is shown. The stubs type ``QT_TRANSLATE_NOOP`` as returning ``object``; ``marked`` gives a
table of marked texts its real type.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")


def marked(texts: Mapping[K, object]) -> dict[K, str]:
    """A table of ``QT_TRANSLATE_NOOP`` source texts, typed as the strings they are."""
    return {key: str(value) for key, value in texts.items()}


def source(text: object) -> str:
    """One ``QT_TRANSLATE_NOOP`` source text, typed as the string it is."""
    return str(text)
