"""The incident taxonomy as data: loaded from TOML, validated, versioned.

A broken file is refused with the line and the reason, so an administrator can fix it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
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


def _line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``needle`` (1 if absent)."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1] if len(hits) >= occurrence else 1


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise TaxonomyError(f"{where}: severity must be one of S1-S4, not {value!r}") from None


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TaxonomyError(f"{source}: {exc}") from None

    def fail(needle: str, reason: str) -> TaxonomyError:
        return TaxonomyError(f"{source}, line {_line_of(text, needle)}: {reason}")

    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise fail("version", "the file needs a text field 'version'")
    raw_types = data.get("types")
    if not isinstance(raw_types, list) or not raw_types:
        raise fail("[[types]]", "the file needs at least one [[types]] table")
    seen: set[str] = set()
    types: list[IncidentType] = []
    for raw in raw_types:
        code = raw.get("code")
        if not isinstance(code, str) or not _CODE_RE.match(code):
            raise fail(f'code = "{code}"' if code else "[[types]]",
                       f"type code {code!r} must look like 'VIO-PHY'")
        needle = f'code = "{code}"'
        if code in seen:
            raise TaxonomyError(
                f"{source}, line {_line_of(text, needle, occurrence=2)}: type {code} appears twice"
            )
        seen.add(code)
        for key in ("label_da", "label_en"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise fail(needle, f"type {code} needs a non-empty '{key}'")
        severity = _severity(raw.get("default_severity"), f"{source}, line {_line_of(text, needle)}")
        for key, allowed in (("flags", KNOWN_FLAGS), ("conditional_flags", KNOWN_FLAGS),
                             ("sections", KNOWN_SECTIONS)):
            values = raw.get(key, [])
            if not isinstance(values, list):
                raise fail(needle, f"type {code}: '{key}' must be a list")
            unknown = sorted(set(values) - allowed)
            if unknown:
                raise fail(needle, f"type {code}: unknown {key} {', '.join(unknown)}")
        subtypes: list[Subtype] = []
        for sub in raw.get("subtypes", []):
            sub_code = sub.get("code")
            if not isinstance(sub_code, str) or not sub_code:
                raise fail(needle, f"type {code}: a subtype has no code")
            if not sub.get("label_da") or not sub.get("label_en"):
                raise fail(f'code = "{sub_code}"', f"subtype {code}/{sub_code} needs both labels")
            sub_sev = sub.get("default_severity")
            subtypes.append(Subtype(
                sub_code, sub["label_da"], sub["label_en"],
                _severity(sub_sev, f"{source}, line {_line_of(text, needle)}") if sub_sev else None,
            ))
        if len({s.code for s in subtypes}) != len(subtypes):
            raise fail(needle, f"type {code}: subtype codes must be unique")
        types.append(IncidentType(
            code=code, label_da=raw["label_da"], label_en=raw["label_en"],
            default_severity=severity, flags=frozenset(raw.get("flags", [])),
            conditional_flags=frozenset(raw.get("conditional_flags", [])),
            sections=frozenset(raw.get("sections", [])), subtypes=tuple(subtypes),
            inherits_severity=bool(raw.get("inherits_severity", False)),
        ))
    return Taxonomy(version=version, valid_from=str(data.get("valid_from", "")), types=tuple(types))


def load_taxonomy_file(path: Path) -> Taxonomy:
    return parse_taxonomy(path.read_text(encoding="utf-8"), source=path.name)


def taxonomy_files() -> list[Path]:
    return sorted(resource_path("taxonomy").glob("taxonomy-*.toml"))


@cache
def all_taxonomies() -> dict[str, Taxonomy]:
    """Every shipped version, by version string."""
    result: dict[str, Taxonomy] = {}
    for path in taxonomy_files():
        tax = load_taxonomy_file(path)
        result[tax.version] = tax
    return result


def current_taxonomy() -> Taxonomy:
    versions = all_taxonomies()
    if not versions:
        raise TaxonomyError(f"no taxonomy file found in {resource_path('taxonomy')}")
    return versions[max(versions, key=_version_key)]


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.\-]", version))
