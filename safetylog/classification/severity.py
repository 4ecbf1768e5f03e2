"""Severity S1-S4 from explainable rules; every result lists its reasons in Danish and English."""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.domain.enums import Severity
from safetylog.domain.records import IncidentInput, SeverityReason
from safetylog.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Classification:
    taxonomy_version: str
    primary_type: str
    severity: Severity
    type_severities: tuple[tuple[str, Severity], ...]  # per chosen type, in entry order
    reasons: tuple[SeverityReason, ...]
    flags: tuple[str, ...]


def _type_default(taxonomy: Taxonomy, code: str, subtype: str | None) -> tuple[Severity, SeverityReason]:
    itype = taxonomy.get(code)
    assert itype is not None, f"validated before classification: {code}"
    sub = itype.subtype(subtype) if subtype else None
    if sub is not None and sub.default_severity is not None:
        sev = sub.default_severity
        return sev, SeverityReason(
            f"type_default:{code}/{sub.code}",
            f"Typen «{itype.label_da} – {sub.label_da}» er som udgangspunkt {sev.value}.",
            f"The type “{itype.label_en} – {sub.label_en}” defaults to {sev.value}.",
        )
    sev = itype.default_severity
    return sev, SeverityReason(
        f"type_default:{code}",
        f"Typen «{itype.label_da}» er som udgangspunkt {sev.value}.",
        f"The type “{itype.label_en}” defaults to {sev.value}.",
    )


def classify(incident: IncidentInput, taxonomy: Taxonomy) -> Classification:
    """Classify a validated incident. The primary type is the one with the highest severity."""
    per_type: list[tuple[str, Severity]] = []
    reasons: list[SeverityReason] = []
    flags: set[str] = set()
    for choice in incident.types:
        severity, reason = _type_default(taxonomy, choice.code, choice.subtype)
        per_type.append((choice.code, severity))
        reasons.append(reason)
        itype = taxonomy.get(choice.code)
        assert itype is not None
        flags |= itype.flags
    primary_code, top = max(per_type, key=lambda pair: pair[1].rank)
    return Classification(
        taxonomy_version=taxonomy.version,
        primary_type=primary_code,
        severity=top,
        type_severities=tuple(per_type),
        reasons=tuple(reasons),
        flags=tuple(sorted(flags)),
    )
