"""The incident taxonomy as data: loaded from TOML, validated, versioned.

A broken file is refused with the line and the reason, so an administrator can fix it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from safetylog.domain.enums import Severity
from safetylog.resources import resource_path

KNOWN_FLAGS = frozenset(
    {"soas_r", "magtanvendelse", "easy_report", "uth", "police_report", "psp_relevant",
     "notify_leader_now"}
)
KNOWN_SECTIONS = frozenset(
    {"violence", "drug", "police", "injuries", "damage", "measures", "outsiders"}
)
_CODE_RE = re.compile(r"^[A-Z]{2,4}(-[A-Z]{2,5})?$")


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the file, line and reason."""


@dataclass(frozen=True, slots=True)
class Subtype:
    code: str
    label_da: str
    label_en: str
    default_severity: Severity | None


@dataclass(frozen=True, slots=True)
class IncidentType:
    code: str
    label_da: str
    label_en: str
    default_severity: Severity
    flags: frozenset[str]
    conditional_flags: frozenset[str]
    sections: frozenset[str]
    subtypes: tuple[Subtype, ...]
    inherits_severity: bool = False

    def label(self, language: str) -> str:
        return self.label_da if language == "da" else self.label_en

    def subtype(self, code: str) -> Subtype | None:
        return next((s for s in self.subtypes if s.code == code), None)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    version: str
    valid_from: str
    types: tuple[IncidentType, ...]

    def get(self, code: str) -> IncidentType | None:
        return next((t for t in self.types if t.code == code), None)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(t.code for t in self.types)


def line_of(text: str, needle: str, occurrence: int = 1, after: int = 0, inline: bool = False) -> int:
    """The 1-based line of the ``occurrence``-th line after line ``after`` that starts with ``needle``.

    A bare key (``version``) matches ``version =``; comments are skipped; with ``inline`` the
    needle may follow the ``{`` of an inline table (subtypes). Falls back to ``after`` (or 1).
    """
    pattern = rf"{needle}\s*=" if re.fullmatch(r"[A-Za-z_]\w*", needle) else re.escape(needle)
    prefix = r"\{?\s*" if inline else ""
    line_re = re.compile(rf"^\s*{prefix}{pattern}")
    hits = [n for n, line in enumerate(text.splitlines(), start=1)
            if n > after and not line.lstrip().startswith("#") and line_re.match(line)]
    return hits[occurrence - 1] if len(hits) >= occurrence else max(after, 1)


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise TaxonomyError(f"{where}: severity must be one of S1-S4, not {value!r}") from None


_TOP_KEYS = frozenset({"version", "valid_from", "types"})
_TYPE_KEYS = frozenset({"code", "label_da", "label_en", "default_severity", "flags",
                        "conditional_flags", "sections", "subtypes", "inherits_severity"})
_SUB_KEYS = frozenset({"code", "label_da", "label_en", "default_severity"})
_SUB_CODE_RE = re.compile(r"^[a-z0-9_]{1,40}$")
_VERSION_RE = re.compile(r"^\d{4}\.\d+$")


def _text(raw: dict[str, Any], key: str) -> bool:
    value = raw.get(key)
    return isinstance(value, str) and bool(value.strip())


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    """Parse and validate a taxonomy file; a broken one is refused with its line and the reason."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: not valid TOML: {exc}") from None

    def fail(needle: str, reason: str, after: int = 0, inline: bool = False) -> TaxonomyError:
        line = line_of(text, needle, after=after, inline=inline)
        return TaxonomyError(f"{source}, line {line}: {reason}")

    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown setting '{unknown[0]}'")
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION_RE.match(version):
        raise fail("version", "the file needs a 'version' like \"2026.1\" (year.number)")
    valid_from = data.get("valid_from", "")
    try:
        if valid_from:
            date.fromisoformat(str(valid_from))
    except ValueError:
        raise fail("valid_from", f"valid_from must be a date (YYYY-MM-DD), not {valid_from!r}") from None
    raw_types = data.get("types")
    if not isinstance(raw_types, list) or not raw_types:
        raise fail("[[types]]", "the file needs at least one [[types]] table")
    seen: set[str] = set()
    types: list[IncidentType] = []
    for raw in raw_types:
        itype = _parse_type(raw, text, fail, seen, source)
        seen.add(itype.code)
        types.append(itype)
    return Taxonomy(version=version, valid_from=str(valid_from), types=tuple(types))


def _parse_type(raw: Any, text: str, fail: Any, seen: set[str], source: str) -> IncidentType:
    if not isinstance(raw, dict):
        raise fail("types", "every entry of 'types' must be a [[types]] table")
    code = raw.get("code")
    if not isinstance(code, str) or not _CODE_RE.match(code):
        raise fail(f'code = "{code}"' if code else "[[types]]",
                   f"type code {code!r} must look like 'VIO-PHY'")
    needle = f'code = "{code}"'
    if code in seen:
        raise TaxonomyError(f"{source}, line {line_of(text, needle, occurrence=2)}: "
                            f"type {code} appears twice")
    line = line_of(text, needle)
    extra = sorted(set(raw) - _TYPE_KEYS)
    if extra:
        raise fail(extra[0], f"type {code}: unknown setting '{extra[0]}'", after=line)
    for key in ("label_da", "label_en"):
        if not _text(raw, key):
            raise fail(needle, f"type {code} needs a non-empty '{key}'")
    severity = _severity(raw.get("default_severity"), f"{source}, line {line}: type {code}")
    lists: dict[str, frozenset[str]] = {}
    for key, allowed in (("flags", KNOWN_FLAGS), ("conditional_flags", KNOWN_FLAGS),
                         ("sections", KNOWN_SECTIONS)):
        values = raw.get(key, [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise fail(needle, f"type {code}: '{key}' must be a list of names")
        unknown = sorted(set(values) - allowed)
        if unknown:
            raise fail(needle, f"type {code}: unknown {key} {', '.join(unknown)} "
                       f"(known: {', '.join(sorted(allowed))})")
        lists[key] = frozenset(values)
    both = sorted(lists["flags"] & lists["conditional_flags"])
    if both:
        raise fail(needle, f"type {code}: {', '.join(both)} is both in flags and conditional_flags")
    inherits = raw.get("inherits_severity", False)
    if not isinstance(inherits, bool):
        raise fail(needle, f"type {code}: inherits_severity must be true or false")
    raw_subs = raw.get("subtypes", [])
    if not isinstance(raw_subs, list):
        raise fail(needle, f"type {code}: 'subtypes' must be a list")
    subtypes: list[Subtype] = []
    for sub in raw_subs:
        sub_code = sub.get("code") if isinstance(sub, dict) else None
        where = f'code = "{sub_code}"' if isinstance(sub_code, str) else needle
        if not isinstance(sub_code, str) or not _SUB_CODE_RE.match(sub_code):
            raise fail(where, f"type {code}: subtype code {sub_code!r} must be 1-40 of a-z, 0-9, _",
                       after=line, inline=True)
        assert isinstance(sub, dict)
        sub_line = line_of(text, where, after=line, inline=True)
        if any(s.code == sub_code for s in subtypes):
            raise fail(where, f"type {code}: subtype {sub_code} appears twice", after=sub_line,
                       inline=True)
        extra = sorted(set(sub) - _SUB_KEYS)
        if extra:
            raise fail(where, f"subtype {code}/{sub_code}: unknown setting '{extra[0]}'", after=line,
                       inline=True)
        if not _text(sub, "label_da") or not _text(sub, "label_en"):
            raise fail(where, f"subtype {code}/{sub_code} needs both labels", after=line, inline=True)
        sub_sev = sub.get("default_severity")
        subtypes.append(Subtype(
            sub_code, sub["label_da"], sub["label_en"],
            _severity(sub_sev, f"{source}, line {sub_line}: subtype {code}/{sub_code}")
            if sub_sev is not None else None,
        ))
    return IncidentType(
        code=code, label_da=raw["label_da"], label_en=raw["label_en"],
        default_severity=severity, flags=lists["flags"],
        conditional_flags=lists["conditional_flags"], sections=lists["sections"],
        subtypes=tuple(subtypes), inherits_severity=inherits,
    )


def load_taxonomy_file(path: Path) -> Taxonomy:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TaxonomyError(f"{path.name}: not UTF-8 text") from None
    return parse_taxonomy(text, source=path.name)


def taxonomy_files() -> list[Path]:
    return sorted(resource_path("taxonomy").glob("taxonomy-*.toml"))


@cache
def all_taxonomies() -> dict[str, Taxonomy]:
    """Every shipped version, by version string."""
    result: dict[str, Taxonomy] = {}
    for path in taxonomy_files():
        tax = load_taxonomy_file(path)
        if tax.version in result:
            raise TaxonomyError(f"{path.name}: version {tax.version} is already in another file")
        result[tax.version] = tax
    return result


def taxonomy_for(version: str) -> Taxonomy | None:
    """The shipped taxonomy an incident was classified under, if it is still shipped."""
    return all_taxonomies().get(version)


def current_taxonomy() -> Taxonomy:
    versions = all_taxonomies()
    if not versions:
        raise TaxonomyError(f"no taxonomy file found in {resource_path('taxonomy')}")
    return versions[max(versions, key=_version_key)]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.\-]", version))
