"""Which flags an incident raises, and why. Flags open the duties (see duties.py).

Three sources, each with a reason in Danish and English:
- a chosen type's ``flags`` in the taxonomy are always raised;
- legal duties follow from the facts whatever the type: force used (magtanvendelse), a staff
  injury with absence or a likely claim (easy_report), a police report filed (police_report),
  and a critical incident (notify_leader_now);
- ``uth`` and ``psp_relevant`` are raised only for types that list them in
  ``conditional_flags``, and only when their condition holds.
"""

from __future__ import annotations

from collections.abc import Callable

from safetylog.classification.rules import FORCE_MEASURES, RuleContext, force_measures
from safetylog.domain.enums import InjuredPartyKind, InjuryLevel, Severity
from safetylog.domain.records import SeverityReason

FLAG_LABELS: dict[str, tuple[str, str]] = {
    "soas_r": ("SOAS-R-registrering", "SOAS-R recording"),
    "magtanvendelse": ("magtanvendelsessag", "use-of-force case"),
    "easy_report": ("EASY-anmeldelse af arbejdsskade", "EASY work-injury report"),
    "uth": ("indrapportering af utilsigtet hændelse (DPSD)", "adverse-event report (DPSD)"),
    "police_report": ("politianmeldelse", "police report"),
    "psp_relevant": ("PSP-relevans", "PSP relevance"),
    "notify_leader_now": ("besked til lederen nu", "notify the manager now"),
}

# Health-care events that belong in Dansk Patientsikkerhedsdatabase when the type allows it.
UTH_SUBTYPES = frozenset({("MED-EMG", "fall"), ("MED-EMG", "overdose"), ("SH", "attempt")})
PSP_PREMISES_SUBTYPES = frozenset({("DRG-POS", "common_area"), ("DRG-POS", "needles")})

Flagged = tuple[str, SeverityReason]


def _reason(flag: str, code: str, da: str, en: str) -> Flagged:
    return flag, SeverityReason(f"flag:{flag}:{code}", da, en)


def type_flags(ctx: RuleContext) -> list[Flagged]:
    found: list[Flagged] = []
    for code in ctx.codes:
        itype = ctx.taxonomy.get(code)
        if itype is None:
            continue
        for flag in sorted(itype.flags):
            da, en = FLAG_LABELS[flag]
            found.append(_reason(flag, f"type:{code}", f"Typen «{itype.label_da}» udløser altid «{da}».",
                                 f"The type “{itype.label_en}” always raises “{en}”."))
    return found


def force_flag(ctx: RuleContext) -> list[Flagged]:
    used = force_measures(ctx.incident)
    if not used:
        return []
    da = ", ".join(FORCE_MEASURES[m][0] for m in used)
    en = ", ".join(FORCE_MEASURES[m][1] for m in used)
    return [_reason("magtanvendelse", "measures",
                    f"Der blev anvendt magt ({da}): magtanvendelsen skal registreres og indberettes.",
                    f"Force was used ({en}): it must be registered and reported.")]


def easy_flag(ctx: RuleContext) -> list[Flagged]:
    found: list[Flagged] = []
    for injury in ctx.incident.injuries:
        if injury.party is not InjuredPartyKind.STAFF:
            continue
        if injury.first_absence_day is not None:
            day = injury.first_absence_day.isoformat()
            found.append(_reason(
                "easy_report", "absence",
                f"En medarbejder har fravær efter skaden (første fraværsdag {day}): "
                "arbejdsskaden skal anmeldes i EASY.",
                f"A staff member is absent after the injury (first day of absence {day}): "
                "the work injury must be reported in EASY."))
        elif injury.level.rank >= InjuryLevel.TREATMENT_PHYSICIAN.rank:
            found.append(_reason(
                "easy_report", "possible_claim",
                "En medarbejder fik en skade, der krævede lægebehandling: anmeld den i EASY, "
                "hvis den kan give krav på erstatning.",
                "A staff member got an injury that needed a physician: report it in EASY if it "
                "may lead to a compensation claim."))
    return found[:1]


def police_report_flag(ctx: RuleContext) -> list[Flagged]:
    police = ctx.incident.police
    if police is None or not police.report_filed:
        return []
    return [_reason("police_report", "filed", "Der er indgivet politianmeldelse: notér journalnummeret.",
                    "A police report was filed: record the journal number.")]


def _conditional(ctx: RuleContext, flag: str) -> bool:
    return any(flag in t.conditional_flags for c in ctx.codes if (t := ctx.taxonomy.get(c)) is not None)


def uth_flag(ctx: RuleContext) -> list[Flagged]:
    if not _conditional(ctx, "uth"):
        return []
    for choice in ctx.incident.types:
        if (choice.code, choice.subtype) in UTH_SUBTYPES:
            itype = ctx.taxonomy.get(choice.code)
            sub = itype.subtype(choice.subtype or "") if itype else None
            if itype is None or sub is None:
                continue
            return [_reason("uth", f"subtype:{choice.code}/{sub.code}",
                            f"«{itype.label_da} – {sub.label_da}» kan være en utilsigtet hændelse i "
                            "sundhedsfaglig opgaveløsning: overvej at rapportere den til DPSD.",
                            f"“{itype.label_en} – {sub.label_en}” may be an adverse event in health-care "
                            "tasks: consider reporting it to DPSD.")]
    return []


def psp_flag(ctx: RuleContext) -> list[Flagged]:
    if not _conditional(ctx, "psp_relevant"):
        return []
    incident = ctx.incident
    police = incident.police
    if police is not None and (police.called or police.police_initiated or police.arrests):
        return [_reason("psp_relevant", "police", "Politiet var involveret: hændelsen er relevant for PSP.",
                        "The police were involved: the incident is relevant to PSP.")]
    if incident.outsiders or (incident.drug is not None and incident.drug.outsiders_on_premises):
        return [_reason("psp_relevant", "outsiders",
                        "Udefrakommende var på matriklen: hændelsen er relevant for PSP.",
                        "Outsiders were on the premises: the incident is relevant to PSP.")]
    if any((c.code, c.subtype) in PSP_PREMISES_SUBTYPES for c in incident.types):
        return [_reason("psp_relevant", "premises",
                        "Stoffer eller kanyler fundet på fællesarealer: relevant for PSP.",
                        "Drugs or needles found in common areas: relevant to PSP.")]
    return []


def leader_flag(severity: Severity) -> list[Flagged]:
    if severity is not Severity.S4:
        return []
    return [_reason("notify_leader_now", "critical",
                    "Hændelsen er kritisk (S4): lederen skal have besked nu.",
                    "The incident is critical (S4): the manager must be told now.")]


FACT_RULES: tuple[Callable[[RuleContext], list[Flagged]], ...] = (
    type_flags, force_flag, easy_flag, police_report_flag, uth_flag, psp_flag,
)


def decide_flags(ctx: RuleContext, severity: Severity) -> tuple[Flagged, ...]:
    """Every raised flag with its reasons, in rule order (a flag may have several reasons)."""
    found: list[Flagged] = []
    for rule in FACT_RULES:
        found.extend(rule(ctx))
    found.extend(leader_flag(severity))
    return tuple(found)
