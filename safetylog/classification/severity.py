"""Severity S1-S4 from explainable rules; every result lists its reasons in Danish and English.

How a result is put together:
1. each chosen type starts at its default (the subtype's, when it has one);
2. every rule finding raises the chosen types it concerns (or, when none of them does, the
   leading type: the first type with the highest default);
3. a type that inherits (POL-RPT, a police report) takes the severity of the most serious other
   type and never becomes the primary type while another type is chosen;
4. the primary type is the first type, in entry order, with the highest severity, and the
   incident's severity is that type's. Totals count the incident once, by its primary type.
"""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.classification.flags import decide_flags
from safetylog.classification.rules import RULES, Finding, RuleContext
from safetylog.classification.soas import NO_INSTRUMENT, InstrumentState, SoasResult, score
from safetylog.domain.enums import Severity
from safetylog.domain.records import IncidentInput, SeverityReason, TypeChoice
from safetylog.domain.taxonomy import Taxonomy


@dataclass(frozen=True, slots=True)
class Classification:
    taxonomy_version: str
    primary_type: str
    severity: Severity
    type_severities: tuple[tuple[str, Severity], ...]  # per chosen type, in entry order
    reasons: tuple[SeverityReason, ...]  # most serious first
    flags: tuple[str, ...]
    flag_reasons: tuple[SeverityReason, ...] = ()
    soas: SoasResult | None = None  # None: no aggression type and no columns recorded


def _type_default(taxonomy: Taxonomy, choice: TypeChoice) -> tuple[Severity, SeverityReason]:
    itype = taxonomy.get(choice.code)
    if itype is None:
        raise ValueError(f"type {choice.code} is not in taxonomy {taxonomy.version}")
    sub = itype.subtype(choice.subtype) if choice.subtype else None
    if sub is not None and sub.default_severity is not None:
        sev = sub.default_severity
        return sev, SeverityReason(
            f"type_default:{itype.code}/{sub.code}",
            f"Typen «{itype.label_da} – {sub.label_da}» er som udgangspunkt {sev.value}.",
            f"The type “{itype.label_en} – {sub.label_en}” defaults to {sev.value}.",
        )
    sev = itype.default_severity
    return sev, SeverityReason(
        f"type_default:{itype.code}",
        f"Typen «{itype.label_da}» er som udgangspunkt {sev.value}.",
        f"The type “{itype.label_en}” defaults to {sev.value}.",
    )


def soas_applies(incident: IncidentInput, taxonomy: Taxonomy) -> bool:
    """SOAS-R belongs to aggression incidents, and to any incident whose columns were filled in."""
    if incident.violence is not None:
        return True
    return any("soas_r" in t.flags for c in incident.types if (t := taxonomy.get(c.code)) is not None)


Weighed = list[tuple[Severity, SeverityReason]]


def _raise_by_findings(per_type: dict[str, Severity], own: list[str], findings: list[Finding],
                       weighed: Weighed) -> None:
    """Each finding raises the chosen types it concerns, else the leading type."""
    leading = max(own, key=lambda c: per_type[c].rank)  # max() keeps the first of equals
    for found in findings:
        for code in [c for c in own if c in found.applies_to] or [leading]:
            if found.severity.rank > per_type[code].rank:
                per_type[code] = found.severity
        weighed.append((found.severity, found.reason))


def _inherit(per_type: dict[str, Severity], own: list[str], inherits: list[str], taxonomy: Taxonomy,
             weighed: Weighed) -> None:
    top = max((per_type[c] for c in own), key=lambda s: s.rank)
    source = next(c for c in own if per_type[c] is top)
    for code in inherits:
        itype = taxonomy.get(code)
        assert itype is not None
        per_type[code] = top
        weighed.append((top, SeverityReason(
            f"inherits:{code}",
            f"«{itype.label_da}» får samme alvorlighed som den alvorligste anden type "
            f"({source}: {top.value}).",
            f"“{itype.label_en}” takes the severity of the most serious other type "
            f"({source}: {top.value}).",
        )))


def classify(incident: IncidentInput, taxonomy: Taxonomy,
             instrument: InstrumentState = NO_INSTRUMENT) -> Classification:
    """Classify a validated incident (its types exist in ``taxonomy``)."""
    if not incident.types:
        raise ValueError("an incident needs at least one type")
    soas = score(instrument, incident.violence) if soas_applies(incident, taxonomy) else None
    ctx = RuleContext(incident, taxonomy, soas)
    order = [c.code for c in incident.types]
    inherits = [c for c in order if (t := taxonomy.get(c)) is not None and t.inherits_severity]
    own = [c for c in order if c not in inherits] or order  # only inheriting types: they count

    per_type: dict[str, Severity] = {}
    weighed: Weighed = []
    for choice in incident.types:
        per_type[choice.code], reason = _type_default(taxonomy, choice)
        if choice.code in own:
            weighed.append((per_type[choice.code], reason))
    _raise_by_findings(per_type, own, [f for _, rule in RULES for f in rule(ctx)], weighed)
    if own != order:
        _inherit(per_type, own, inherits, taxonomy, weighed)

    primary = max(own, key=lambda c: per_type[c].rank)
    severity = per_type[primary]
    weighed.sort(key=lambda pair: -pair[0].rank)  # stable: rule order within a severity
    flagged = decide_flags(ctx, severity)
    return Classification(
        taxonomy_version=taxonomy.version,
        primary_type=primary,
        severity=severity,
        type_severities=tuple((c, per_type[c]) for c in order),
        reasons=tuple(reason for _, reason in weighed),
        flags=tuple(sorted({flag for flag, _ in flagged})),
        flag_reasons=tuple(reason for _, reason in flagged),
        soas=soas,
    )
