"""The severity rules: pure functions from the recorded facts to findings with reasons.

Each rule returns findings: a severity the incident is *at least*, a reason in Danish and
English, and the chosen types the finding concerns (by the form sections those types use, see
``sections`` in the taxonomy). Severity S1-S4 follows domain brief § 7:
S1 nothing beyond talk; S2 threats, minor damage, intoxication; S3 pain or visible injury, threat
with a weapon, any use of force, police call-out, outsiders dealing on the premises, self-harm
needing treatment; S4 physician or hospital, weapon used, sexual assault, overdose, death.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from safetylog.classification.soas import BAND_RANGES, SoasBand, SoasResult, SoasStatus
from safetylog.domain.enums import DrugActivity, InjuredPartyKind, InjuryLevel, Measure, Severity
from safetylog.domain.records import IncidentInput, Injury, SeverityReason
from safetylog.domain.taxonomy import Taxonomy

S1, S2, S3, S4 = Severity.S1, Severity.S2, Severity.S3, Severity.S4


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    reason: SeverityReason
    applies_to: frozenset[str]  # chosen type codes it raises; empty: the leading type


@dataclass(frozen=True, slots=True)
class RuleContext:
    incident: IncidentInput
    taxonomy: Taxonomy
    soas: SoasResult | None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(choice.code for choice in self.incident.types)

    def chosen(self, code: str) -> bool:
        return code in self.codes

    def subtype(self, code: str) -> str | None:
        return next((c.subtype for c in self.incident.types if c.code == code), None)

    def with_section(self, section: str) -> frozenset[str]:
        return frozenset(code for code in self.codes
                         if (t := self.taxonomy.get(code)) is not None and section in t.sections)


def finding(severity: Severity, code: str, da: str, en: str,
            applies_to: frozenset[str] = frozenset()) -> Finding:
    """A finding whose reason ends with the severity it gives, in words a manager reads."""
    if severity is S1:
        tail_da, tail_en = "", ""
    elif severity is S4:
        tail_da, tail_en = ", derfor S4", ", so S4"
    else:
        tail_da, tail_en = f", derfor mindst {severity.value}", f", so at least {severity.value}"
    return Finding(severity, SeverityReason(code, f"{da}{tail_da}.", f"{en}{tail_en}."), applies_to)


# --- injuries ------------------------------------------------------------------------------

INJURY_SEVERITY: dict[InjuryLevel, Severity] = {
    InjuryLevel.FELT_THREATENED: S2,
    InjuryLevel.PAIN_SHORT: S3,
    InjuryLevel.PAIN_LONG: S3,
    InjuryLevel.VISIBLE_INJURY: S3,
    InjuryLevel.TREATMENT_NON_PHYSICIAN: S3,
    InjuryLevel.TREATMENT_PHYSICIAN: S4,
    InjuryLevel.HOSPITAL: S4,
    InjuryLevel.DEATH: S4,
}
INJURY_WORDS: dict[InjuryLevel, tuple[str, str]] = {
    InjuryLevel.FELT_THREATENED: ("følte sig truet", "felt threatened"),
    InjuryLevel.PAIN_SHORT: ("havde smerter i under 10 minutter", "was in pain for under 10 minutes"),
    InjuryLevel.PAIN_LONG: ("havde smerter i over 10 minutter", "was in pain for over 10 minutes"),
    InjuryLevel.VISIBLE_INJURY: ("fik en synlig skade", "got a visible injury"),
    InjuryLevel.TREATMENT_NON_PHYSICIAN: ("fik en skade, der krævede behandling (ikke af en læge)",
                                          "got an injury that needed treatment (not by a physician)"),
    InjuryLevel.TREATMENT_PHYSICIAN: ("fik en skade, der krævede lægebehandling",
                                      "got an injury that needed a physician"),
    InjuryLevel.HOSPITAL: ("kom på hospitalet", "was taken to hospital"),
    InjuryLevel.DEATH: ("døde", "died"),
}
PARTY_WORDS: dict[InjuredPartyKind, tuple[str, str]] = {
    InjuredPartyKind.STAFF: ("En medarbejder", "A staff member"),
    InjuredPartyKind.RESIDENT: ("En beboer", "A resident"),
    InjuredPartyKind.OUTSIDER: ("En udefrakommende", "An outsider"),
}


def worst_injury(injuries: tuple[Injury, ...], party: InjuredPartyKind | None = None) -> Injury | None:
    candidates = [i for i in injuries if party is None or i.party is party]
    return max(candidates, key=lambda i: i.level.rank, default=None)


def injury_rule(ctx: RuleContext) -> list[Finding]:
    injury = worst_injury(ctx.incident.injuries)
    if injury is None or injury.level not in INJURY_SEVERITY:
        return []
    who_da, who_en = PARTY_WORDS[injury.party]
    what_da, what_en = INJURY_WORDS[injury.level]
    return [finding(INJURY_SEVERITY[injury.level], f"injury:{injury.level.value}",
                    f"{who_da} {what_da}", f"{who_en} {what_en}", ctx.with_section("injuries"))]


# --- weapons, force, police, emergencies ---------------------------------------------------

PHYSICAL_VIOLENCE = "VIO-PHY"


def weapon_rule(ctx: RuleContext) -> list[Finding]:
    violence = ctx.incident.violence
    if violence is None or not (violence.weapon or violence.dangerous_object):
        return []
    obj_da, obj_en = ("et våben", "a weapon") if violence.weapon else (
        "en farlig genstand", "a dangerous object")
    if ctx.chosen(PHYSICAL_VIOLENCE):
        return [finding(S4, "weapon:used", f"Der blev brugt {obj_da} ved fysisk vold",
                        f"Physical violence was done with {obj_en}", frozenset({PHYSICAL_VIOLENCE}))]
    return [finding(S3, "weapon:threat", f"Der blev truet med {obj_da}", f"There was a threat with {obj_en}",
                    ctx.with_section("violence"))]


FORCE_MEASURES: dict[Measure, tuple[str, str]] = {
    Measure.HOLD_124C: ("fastholdelse eller føring væk efter § 124 c",
                        "holding or leading away under § 124 c"),
    Measure.HOLD_124D: ("fastholdelse efter § 124 d", "holding under § 124 d"),
    Measure.SELF_DEFENCE: ("nødværge/nødret", "self-defence/necessity"),
}


def force_measures(incident: IncidentInput) -> tuple[Measure, ...]:
    return tuple(m for m in incident.measures if m in FORCE_MEASURES)


def force_rule(ctx: RuleContext) -> list[Finding]:
    used = force_measures(ctx.incident)
    if not used:
        return []
    da = ", ".join(FORCE_MEASURES[m][0] for m in used)
    en = ", ".join(FORCE_MEASURES[m][1] for m in used)
    return [finding(S3, "force:" + "+".join(m.value for m in used),
                    f"Der blev anvendt magt ({da})", f"Force was used ({en})",
                    ctx.with_section("measures"))]


def police_rule(ctx: RuleContext) -> list[Finding]:
    police = ctx.incident.police
    targets = ctx.with_section("police")
    if police is not None and police.arrests > 0:
        return [finding(S3, "police:arrest", f"Politiet anholdt {police.arrests} person(er)",
                        f"The police arrested {police.arrests} person(s)", targets)]
    if police is not None and police.police_initiated:
        return [finding(S3, "police:initiated", "Politiet kom til stedet af egen drift",
                        "The police came on their own initiative", targets)]
    if (police is not None and police.called) or Measure.POLICE in ctx.incident.measures:
        return [finding(S3, "police:called", "Politiet blev tilkaldt", "The police were called", targets)]
    return []


def emergency_rule(ctx: RuleContext) -> list[Finding]:
    found: list[Finding] = []
    if ctx.incident.ambulance_called or Measure.AMBULANCE in ctx.incident.measures:
        found.append(finding(S3, "emergency:ambulance", "Der blev tilkaldt ambulance",
                             "An ambulance was called", ctx.with_section("injuries")))
    if Measure.ACUTE_PSYCHIATRY in ctx.incident.measures:
        found.append(finding(S3, "emergency:acute_psychiatry", "Akutpsykiatrien blev kontaktet",
                             "Acute psychiatry was contacted", ctx.with_section("measures")))
    return found


# --- self-harm and drug dealing ------------------------------------------------------------

SELF_HARM = "SH"


def self_harm_rule(ctx: RuleContext) -> list[Finding]:
    if not ctx.chosen(SELF_HARM):
        return []
    injury = worst_injury(ctx.incident.injuries, InjuredPartyKind.RESIDENT)
    if injury is None:
        return []
    only = frozenset({SELF_HARM})
    if injury.level.rank >= InjuryLevel.TREATMENT_PHYSICIAN.rank:
        return [finding(S4, "self_harm:physician", "Selvskaden krævede lægebehandling",
                        "The self-harm needed a physician", only)]
    if injury.level.rank >= InjuryLevel.TREATMENT_NON_PHYSICIAN.rank:
        return [finding(S3, "self_harm:treatment", "Selvskaden krævede behandling",
                        "The self-harm needed treatment", only)]
    return []


DEALING = "DRG-DEAL"
OUTSIDER_SUBTYPES = frozenset({"outsider_to_resident", "between_outsiders"})
TRADE_ACTIVITIES = frozenset({DrugActivity.SALE, DrugActivity.HANDOVER})


def outsider_dealing_rule(ctx: RuleContext) -> list[Finding]:
    drug = ctx.incident.drug
    if not ctx.chosen(DEALING) or drug is None or not drug.outsiders_on_premises:
        return []
    if not (TRADE_ACTIVITIES & set(drug.activities) or ctx.subtype(DEALING) in OUTSIDER_SUBTYPES):
        return []
    return [finding(S3, "drug:outsiders_dealing", "Udefrakommende handlede med stoffer på matriklen",
                    "Outsiders were dealing drugs on the premises", frozenset({DEALING}))]


# --- SOAS-R --------------------------------------------------------------------------------

SOAS_SEVERITY = {SoasBand.MILD: S1, SoasBand.MODERATE: S3, SoasBand.SEVERE: S4}


def soas_rule(ctx: RuleContext) -> list[Finding]:
    soas = ctx.soas
    if soas is None or soas.status is not SoasStatus.SCORED or soas.band is None:
        return []
    low, high = BAND_RANGES[soas.band]
    da = f"SOAS-R-score {soas.total} ({soas.band.label('da')}, {low}-{high})"
    en = f"SOAS-R score {soas.total} ({soas.band.label('en')}, {low}-{high})"
    if soas.band is SoasBand.MILD:
        da += " svarer til S1-S2 og hæver ikke alvorligheden"
        en += " corresponds to S1-S2 and does not raise the severity"
    return [finding(SOAS_SEVERITY[soas.band], f"soas:{soas.band.value}", da, en,
                    ctx.with_section("violence"))]


Rule = Callable[[RuleContext], list[Finding]]

RULES: tuple[tuple[str, Rule], ...] = (
    ("injury", injury_rule),
    ("weapon", weapon_rule),
    ("force", force_rule),
    ("police", police_rule),
    ("emergency", emergency_rule),
    ("self_harm", self_harm_rule),
    ("outsider_dealing", outsider_dealing_rule),
    ("soas", soas_rule),
)
