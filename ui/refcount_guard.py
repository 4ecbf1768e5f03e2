"""Keep ``None``, ``True`` and ``False`` alive whatever PySide6 does to their reference counts.

The PySide6 6.12.0 wheels hand these singletons back to Python without the reference the caller
owns: every Qt method that returns nothing (``setText``, ``show``, ``beginInsertRows`` …) takes
one reference off ``None``, and every ``signal.emit(...)`` takes one off ``True``. On Python
3.11 the counts run out after some thousands of calls (minutes of normal use) and the
interpreter aborts with "none_dealloc" or "bool_dealloc". Python 3.12 made these singletons
immortal, which hides the bug there; on 3.11 we do the same once, by hand: their counts start so
high that no session can exhaust them. They are static objects that are never freed, so nothing
else changes. ``tests/ui/test_models_refcount_guard.py`` shows the failure without the guard.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40
SINGLETONS = (None, True, False)


def protect_singletons() -> None:
    if sys.version_info >= (3, 12):
        return  # immortal already
    for singleton in SINGLETONS:
        # ob_refcnt is the first field of every object, at the object's address (CPython).
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < RESERVE:
            count.value += RESERVE
