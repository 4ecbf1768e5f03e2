"""Which duty rules files are installed: the shipped ones, and the facility's own.

The facility's own files (say, a version its lawyer or DPO has confirmed) go in ``rules/`` in the
data folder (beside the database), or in the folder ``SAFETYLOG_RULES_DIR`` names. Every PC that
enters incidents needs the same files. A duty keeps its version and a copy of its sources, so a
PC without a version still shows what the duty was opened under.
"""

from __future__ import annotations

import os
from pathlib import Path

from safetylog.classification.duty_rules import DutyRulesError, RuleBook, load_rules_file, shipped_rules
from safetylog.config import data_dir

ENV_VAR = "SAFETYLOG_RULES_DIR"

_cache: dict[tuple[tuple[str, float], ...], tuple[dict[str, RuleBook], tuple[str, ...]]] = {}


def local_rules_dir() -> Path:
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else data_dir() / "rules"


def _load() -> tuple[dict[str, RuleBook], tuple[str, ...]]:
    folder = local_rules_dir()
    paths = sorted(folder.glob("duties-*.toml")) if folder.is_dir() else []
    key = tuple((str(p), p.stat().st_mtime) for p in paths)
    if key not in _cache:
        books, problems = dict(shipped_rules()), []
        for path in paths:
            try:
                book = load_rules_file(path)
            except (DutyRulesError, OSError) as exc:
                problems.append(str(exc))
                continue
            if book.version in books:
                problems.append(f"{path.name}: version {book.version} is already in "
                                f"{books[book.version].source}")
                continue
            books[book.version] = book
        _cache.clear()
        _cache[key] = (books, tuple(problems))
    return _cache[key]


def installed_rules() -> dict[str, RuleBook]:
    """Every installed version by version string. A broken local file is left out (entry goes on
    under the other versions) and reported by ``rules_problems``."""
    return _load()[0]


def rules_problems() -> tuple[str, ...]:
    """One line per local rules file that was refused, naming the file, line and reason."""
    return _load()[1]
