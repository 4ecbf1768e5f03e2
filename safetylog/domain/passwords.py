"""The password policy (NIST SP 800-63B § 5.1.1.2; OWASP ASVS V2.1): length and a blocklist.

At least 12 characters, no composition rules (they push people to ``Sommer2024!``), and refused
when the password is a known common or breached one, a listed word with only digits and symbols
around it, trivially repetitive or sequential, or built on the user's own name. Every password a
person sets goes through here: the first administrator, a new user, a change and a reset.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from functools import lru_cache

from safetylog.domain.problems import Problem
from safetylog.resources import resource_path

MIN_LENGTH = 12
MAX_LENGTH = 256  # long passphrases are welcome; argon2 hashes any length, but a limit stops abuse
_NAME_PART = 4  # display-name parts this long are context-specific words a guesser tries first

# Around a word, digits and symbols add little: "Sommer2024!" is "sommer" to a guesser.
_AFFIX_RE = re.compile(r"^[\W\d_]+|[\W\d_]+$")
# Sequences guessers walk: digits, the alphabet, keyboard rows (Danish and US).
_SEQUENCES = ("01234567890123456789", "abcdefghijklmnopqrstuvwxyzæøå", "qwertyuiopå",
              "asdfghjklæø", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p")
_ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # base32 without 0/O and 1/I look-alikes


@lru_cache(maxsize=1)
def blocklist() -> frozenset[str]:
    """Common and breached passwords, case-folded.

    zxcvbn's frequency list is the 30 000 most frequent passwords from real breaches (Xato's
    10 million, used by Dropbox's estimator and kept by its Python port); we use its data, not
    its score, because NIST asks for a blocklist, not an entropy meter. Those lists are English;
    resources/passwords/danish.txt adds the Danish words our users would otherwise reach for
    (seasons, months, 'kodeord', 'velkommen', the facility's own words).
    """
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    words = {_fold(w) for w in FREQUENCY_LISTS["passwords"]}
    text = resource_path("passwords", "danish.txt").read_text(encoding="utf-8")
    words.update(_fold(line) for line in text.splitlines()
                 if line.strip() and not line.startswith("#"))
    return frozenset(words)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _trivial(folded: str) -> bool:
    """'aaaaaaaaaaaa', 'abababababab', '123456789012', 'qwertyuiopå…': no guessing needed."""
    if len(set(folded)) <= 3:
        return True
    return any(folded in sequence * 3 or folded in sequence[::-1] * 3 for sequence in _SEQUENCES)


def _name_words(username: str, display_name: str) -> list[str]:
    words = [_fold(username), _fold(" ".join(display_name.split()))]
    words += [part for part in re.split(r"[\W_]+", _fold(display_name)) if len(part) >= _NAME_PART]
    return [w for w in words if len(w) >= 3]


def password_problem(password: object, *, username: str = "",
                     display_name: str = "") -> Problem | None:
    """What is wrong with ``password`` for this user, or None when it may be used."""
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        return Problem("password_too_short", {"limit": MIN_LENGTH})
    if len(password) > MAX_LENGTH:
        return Problem("password_too_long", {"limit": MAX_LENGTH})
    folded = _fold(password)
    bare = _AFFIX_RE.sub("", folded)
    if folded in blocklist() or bare in blocklist() or _trivial(folded) or _trivial(bare or folded):
        return Problem("password_too_common")
    squeezed = folded.replace(" ", "")
    for word in _name_words(username, display_name):
        if word in folded or word.replace(" ", "") in squeezed:
            return Problem("password_contains_name")
    return None


def one_time_password() -> str:
    """A password an administrator reads out once: 16 random base32 characters (80 bits) in four
    groups, e.g. ``K7QM-2XWD-9HPA-TR4E``. It passes the policy by construction (checked anyway)."""
    while True:
        raw = "".join(secrets.choice(_ONE_TIME_ALPHABET) for _ in range(16))
        candidate = "-".join(raw[i:i + 4] for i in range(0, 16, 4))
        if password_problem(candidate) is None:
            return candidate
