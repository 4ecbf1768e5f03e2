"""One fact, entered once: what a ticked type (or measure) already says about other fields.

Each rule reads "when this holds, that field has that value". The entry form applies a rule's
conclusion as soon as its condition is ticked; the core refuses an incident where a strict rule's
condition holds while its conclusion is given with the contrary value (the type "Politi
tilkaldt" with "police called: no"), naming both fields. A conclusion counts as given only when
the form shows its field for the chosen types: the police section when ``police`` is present,
the measures list when a chosen type needs the measures section. Non-strict rules are defaults
the form fills in: a measure left unticked is an omission, not a "no" (and records made before
these rules, imported or not, must stay valid), and an aggression option may be missing from an
installed instrument.
"""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.domain.enums import Measure
from safetylog.domain.problems import Problem
from safetylog.domain.records import IncidentInput
from safetylog.domain.taxonomy import Taxonomy

POLICE_CALL = "POL-CALL"
POLICE_REPORT = "POL-RPT"
ARREST = "POL-ARR"
FORCE = "FRC"
MEDICAL = "MED-EMG"
POLICE_CAME_THEMSELVES = "police_initiated"


@dataclass(frozen=True, slots=True)
class TypeTicked:
    """A type is chosen; with ``subtypes`` only when one of them is ticked, and never when the
    ticked subtype is in ``unless``."""

    code: str
    subtypes: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()

    @property
    def field(self) -> str:
        return "types"

    def holds(self, data: IncidentInput) -> bool:
        return any(c.code == self.code and (not self.subtypes or c.subtype in self.subtypes)
                   and c.subtype not in self.unless for c in data.types)

    def words(self, data: IncidentInput, taxonomy: Taxonomy, language: str) -> str:
        """The type as ticked, with its subtype: the user recognises what they chose."""
        itype = taxonomy.get(self.code)
        name = itype.label(language) if itype else self.code
        chosen = next((c.subtype for c in data.types if c.code == self.code), None)
        sub = itype.subtype(chosen) if itype is not None and chosen else None
        if sub is not None:
            name += f": {sub.label_da if language == 'da' else sub.label_en}"
        return name


@dataclass(frozen=True, slots=True)
class PoliceFlag:
    """A yes/no of the police section is yes (``police.called``, ``police.report_filed``...)."""

    name: str
    label_da: str
    label_en: str

    @property
    def field(self) -> str:
        return f"police.{self.name}"

    def holds(self, data: IncidentInput) -> bool:
        return data.police is not None and bool(getattr(data.police, self.name))

    def given(self, data: IncidentInput, taxonomy: Taxonomy) -> bool:
        return data.police is not None

    def words(self, data: IncidentInput, taxonomy: Taxonomy, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


@dataclass(frozen=True, slots=True)
class PoliceArrests:
    """At least one arrest is recorded in the police section."""

    label_da: str = "Anholdelser"
    label_en: str = "Arrests"

    @property
    def field(self) -> str:
        return "police.arrests"

    def holds(self, data: IncidentInput) -> bool:
        return data.police is not None and isinstance(data.police.arrests, int) and data.police.arrests >= 1

    def given(self, data: IncidentInput, taxonomy: Taxonomy) -> bool:
        return data.police is not None

    def words(self, data: IncidentInput, taxonomy: Taxonomy, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


@dataclass(frozen=True, slots=True)
class MeasureTaken:
    """A measure is ticked in the measures list."""

    measure: Measure
    label_da: str
    label_en: str

    @property
    def field(self) -> str:
        return "measures"

    def holds(self, data: IncidentInput) -> bool:
        return self.measure in data.measures

    def given(self, data: IncidentInput, taxonomy: Taxonomy) -> bool:
        """The list is on the form only when a chosen type needs the measures section."""
        return any("measures" in t.sections for c in data.types if (t := taxonomy.get(c.code)))

    def words(self, data: IncidentInput, taxonomy: Taxonomy, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


@dataclass(frozen=True, slots=True)
class AggressionMeasure:
    """An option of the aggression columns' "measures" column (by its code)."""

    code: str

    @property
    def field(self) -> str:
        return "violence.measures"

    def holds(self, data: IncidentInput) -> bool:
        return data.violence is not None and self.code in data.violence.measures

    def given(self, data: IncidentInput, taxonomy: Taxonomy) -> bool:
        return data.violence is not None

    def words(self, data: IncidentInput, taxonomy: Taxonomy, language: str) -> str:
        return self.code


Condition = TypeTicked | MeasureTaken
Conclusion = PoliceFlag | PoliceArrests | MeasureTaken | AggressionMeasure


@dataclass(frozen=True, slots=True)
class Implication:
    when: Condition
    then: Conclusion
    strict: bool = True  # False: a default the form fills in, not a contradiction to refuse


CALLED = PoliceFlag("called", "Politiet blev tilkaldt", "Police were called")
CAME_THEMSELVES = PoliceFlag("police_initiated", "Politiet kom på eget initiativ",
                             "The police came on their own initiative")
REPORT_FILED = PoliceFlag("report_filed", "Der blev indgivet politianmeldelse", "A police report was filed")
POLICE_MEASURE = MeasureTaken(Measure.POLICE, "Foranstaltning: politi tilkaldt", "Measure: police called")
_CALLED_BY_SOMEONE = TypeTicked(POLICE_CALL, unless=frozenset({POLICE_CAME_THEMSELVES}))


def _force(subtype: str, measure: Measure, da: str, en: str) -> Implication:
    return Implication(TypeTicked(FORCE, frozenset({subtype})), MeasureTaken(measure, da, en), strict=False)


RULES: tuple[Implication, ...] = (
    Implication(_CALLED_BY_SOMEONE, CALLED),
    Implication(_CALLED_BY_SOMEONE, POLICE_MEASURE, strict=False),
    Implication(_CALLED_BY_SOMEONE, AggressionMeasure("police"), strict=False),
    Implication(TypeTicked(POLICE_CALL, frozenset({POLICE_CAME_THEMSELVES})), CAME_THEMSELVES),
    Implication(TypeTicked(POLICE_REPORT), REPORT_FILED),
    Implication(TypeTicked(ARREST), PoliceArrests()),
    Implication(POLICE_MEASURE, CALLED),
    _force("124c", Measure.HOLD_124C, "Foranstaltning: kortvarig fastholdelse (§ 124 c)",
           "Measure: brief hold (§ 124 c)"),
    _force("124d", Measure.HOLD_124D, "Foranstaltning: fastholdelse eller føre tilbage (§ 124 d)",
           "Measure: hold or lead back (§ 124 d)"),
    _force("self_defence", Measure.SELF_DEFENCE, "Foranstaltning: nødværge eller nødret",
           "Measure: self-defence or necessity"),
    Implication(TypeTicked(FORCE, frozenset({"124c", "124d"})), AggressionMeasure("physical_hold"),
                strict=False),
    Implication(TypeTicked(MEDICAL, frozenset({"ambulance"})),
                MeasureTaken(Measure.AMBULANCE, "Foranstaltning: ambulance tilkaldt",
                             "Measure: ambulance called"), strict=False),
)


def implied(data: IncidentInput) -> tuple[Conclusion, ...]:
    """What the ticked types and measures say about the other fields (the form fills these in)."""
    found: list[Conclusion] = []
    for rule in RULES:
        if rule.when.holds(data) and rule.then not in found:
            found.append(rule.then)
    return tuple(found)


def contradictions(data: IncidentInput, taxonomy: Taxonomy) -> dict[str, Problem]:
    """A problem under each of the two fields of every strict rule the input contradicts."""
    problems: dict[str, Problem] = {}
    for rule in RULES:
        when, then = rule.when, rule.then
        if not rule.strict or not when.holds(data) or not then.given(data, taxonomy) or then.holds(data):
            continue
        params = {f"{side}_{lang}": fact.words(data, taxonomy, lang)
                  for side, fact in (("when", when), ("then", then)) for lang in ("da", "en")}
        problems.setdefault(when.field, Problem("contradiction", {
            **params, "other_da": params["then_da"], "other_en": params["then_en"]}))
        problems.setdefault(then.field, Problem("contradiction", {
            **params, "other_da": params["when_da"], "other_en": params["when_en"]}))
    return problems
