"""Which kinds of records a unit of work changed, recorded by the storage layer as it writes.

A screen redraws when something it shows has changed (Anki's ``OpChanges``). Rather than each
write service declaring what it touches — which a new method could forget — the storage layer
records the kind of every table an INSERT, UPDATE or DELETE reaches (``safetylog.storage.
change_tracking``), into the recording the caller opened around its call with ``recording()``.
The record is per thread (a ``ContextVar``): two calls running at once never mix their changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import Flag, auto


class Changes(Flag):
    """Kinds of records; a value is the set a completed operation changed."""

    NONE = 0
    INCIDENTS = auto()
    DRAFTS = auto()
    DUTIES = auto()
    RESIDENTS = auto()
    PSP = auto()
    USERS = auto()
    SESSIONS = auto()
    FACILITIES = auto()
    BVC = auto()
    SETTINGS = auto()
    AUDIT = auto()
    FEEDBACK = auto()
    ALL = (INCIDENTS | DRAFTS | DUTIES | RESIDENTS | PSP | USERS | SESSIONS | FACILITIES | BVC
           | SETTINGS | AUDIT | FEEDBACK)


class Recording:
    """The kinds written so far inside one ``recording()`` block."""

    def __init__(self) -> None:
        self.changes = Changes.NONE


_current: ContextVar[Recording | None] = ContextVar("safetylog_changes", default=None)


@contextmanager
def recording() -> Iterator[Recording]:
    """Collect what the writes inside the block change (nested blocks each see their own)."""
    rec = Recording()
    token = _current.set(rec)
    try:
        yield rec
    finally:
        _current.reset(token)


def record(kinds: Changes) -> None:
    """Called by the storage layer for each write; a no-op when nobody is recording."""
    rec = _current.get()
    if rec is not None:
        rec.changes |= kinds
