"""Disclosure control for tables that leave the facility (the PSP pack): the cell-key method with
fixed random rounding to base 5, and small counts shown as "<5".

- Every incident carries a **record key**: 64 bits of a keyed hash (BLAKE2b) of its id under a
  secret random to each database. The key never changes, and without the secret nobody can work
  it out, so a reader cannot predict how a cell will be rounded.
- A cell's **cell key** is the sum of its incidents' record keys modulo 2^64, read as a number in
  [0, 1). The same incidents always give the same cell key, whatever pack or table they are in.
- The **published value** of a count ``n`` (see ``published``): 0 stays "0"; 1 to 4 become "<5";
  from 5 on, ``n`` is rounded to a multiple of 5, up with probability (n mod 5) / 5 and down
  otherwise, the cell key deciding. So 7 shows as 5 (60 %) or 10 (40 %), and on average as 7.
  Every total is rounded the same way from its own incidents, independently of its cells.

Why rounding rather than adding ±2: every published number is a multiple of 5 (or "<5" or "0"),
so any sum or difference of published numbers is a multiple of 5 and never a count from 1 to 4.
Independent noise leaves a difference of two packs equal to the true count whenever the two
noises happen to agree; a common base never does. The cell key makes the rounding fixed: asking
again for the same incidents gives the same number, so repeating a request averages nothing away.
The price: cells need not add up to the total printed beside them (each is rounded on its own).

This module is plain Python (no database), so the tests' attacker and the reports can use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

BASE = 5  # published counts are multiples of this (1 turns the rounding off)
THRESHOLD = 5  # counts from 1 to THRESHOLD - 1 are never published as a number
SMALL = "<5"
_MODULUS = 1 << 64


def record_key(secret: bytes, incident_id: int) -> int:
    """The incident's fixed 64-bit key: a keyed hash of its id under the database's secret."""
    digest = hashlib.blake2b(b"incident:%d" % incident_id, key=secret, digest_size=8).digest()
    return int.from_bytes(digest, "big")


def record_keys(secret: bytes, incident_ids: Iterable[int]) -> dict[int, int]:
    """``record_key`` for many incidents: the keyed state is set up once and copied per id."""
    keyed = hashlib.blake2b(key=secret, digest_size=8)
    out: dict[int, int] = {}
    for incident_id in incident_ids:
        state = keyed.copy()
        state.update(b"incident:%d" % incident_id)
        out[incident_id] = int.from_bytes(state.digest(), "big")
    return out


def cell_key(keys: Iterable[int]) -> float:
    """The cell key of a set of records: the sum of their keys modulo 2^64, in [0, 1)."""
    return (sum(keys) % _MODULUS) / _MODULUS


def published(count: int, key: float) -> str:
    """What a table shows for a true ``count`` whose records have cell key ``key``."""
    if count <= 0:
        return "0"
    if count < THRESHOLD:
        return SMALL
    low, rest = divmod(count, BASE)
    up = key < rest / BASE  # rest == 0: a multiple of the base stays as it is
    return str(BASE * (low + int(up)))


def bounds(cell: str) -> tuple[int, int]:
    """The true counts a published cell can stand for, as a reader who knows this method sees
    it (the attack tests use it): "0" is 0, "<5" is 1–4, a number ``v`` is within BASE - 1."""
    if cell == "0":
        return 0, 0
    if cell == SMALL:
        return 1, THRESHOLD - 1
    value = int(cell)
    return max(THRESHOLD, value - (BASE - 1)), value + (BASE - 1)
