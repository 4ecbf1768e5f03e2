"""Every taxonomy code and every severity rule, with the reasons a manager reads, in Danish and English."""

from __future__ import annotations

from typing import Any

import pytest

from safetylog.classification import classify
from safetylog.classification.soas import NO_INSTRUMENT, SoasStatus
from safetylog.domain.enums import DrugActivity, Measure, Severity
from safetylog.domain.records import DrugObservation, PoliceContact, SeverityReason, ViolenceDetail
from safetylog.domain.taxonomy import current_taxonomy
from tests.core.classification_cases import hurt, incident, instrument

TAXONOMY = current_taxonomy()
S1, S2, S3, S4 = Severity.S1, Severity.S2, Severity.S3, Severity.S4

# Every code of domain brief § 7: default severity, Danish and English label, flags always raised.
TYPES: list[tuple[str, Severity, str, str, set[str]]] = [
    ("VIO-PHY", S3, "Fysisk vold", "Physical violence", {"soas_r"}),
    ("VIO-THR", S2, "Trusler", "Threats", {"soas_r"}),
    ("VIO-VRB", S1, "Verbal aggression/krænkende adfærd", "Verbal aggression/offensive behaviour",
     {"soas_r"}),
    ("VIO-SEX", S3, "Seksuelt krænkende adfærd", "Sexual harassment/assault",
     {"soas_r", "notify_leader_now"}),
    ("PRP-DMG", S2, "Materiel skade/hærværk", "Property damage/vandalism", {"soas_r"}),
    ("SH", S3, "Selvskade/selvmordsadfærd", "Self-harm/suicidal behaviour", {"soas_r", "notify_leader_now"}),
    ("DRG-DEAL", S3, "Narkotikahandel observeret", "Drug dealing observed", {"psp_relevant"}),
    ("DRG-USE", S2, "Rusmiddelbrug/påvirkning", "Substance use/intoxication", set()),
    ("DRG-POS", S2, "Fund af stoffer/remedier", "Drugs/paraphernalia found", set()),
    ("DRG-DEBT", S3, "Narkogæld/afpresning", "Drug debt/extortion", {"psp_relevant"}),
    ("VIS-UNK", S1, "Ukendt/uønsket besøgende", "Unknown/unwanted visitor", set()),
    ("POL-CALL", S3, "Politi tilkaldt", "Police call-out", {"psp_relevant"}),
    ("POL-ARR", S3, "Anholdelse", "Arrest", {"psp_relevant"}),
    ("POL-RPT", S1, "Politianmeldelse", "Police report filed", {"police_report"}),
    ("MED-EMG", S3, "Akut sygdom/skade", "Medical emergency", set()),
    ("MED-PSY", S3, "Akut psykiatrisk tilstand", "Acute psychiatric crisis", set()),
    ("MED-RX", S2, "Medicineringshændelse", "Medication incident", {"uth"}),
    ("MIS", S3, "Savnet beboer", "Missing resident", set()),
    ("FIR", S2, "Brand/brandalarm", "Fire/fire alarm", set()),
    ("THF", S2, "Tyveri", "Theft", set()),
    ("FRC", S3, "Magtanvendelse", "Use of force", {"magtanvendelse"}),
    ("HUS", S1, "Overtrædelse af husorden", "House-rule breach", set()),
    ("OTH", S1, "Andet", "Other", set()),
]

# Subtypes that set their own severity (domain § 7: "S4 if weapon", "S4 attempt", ...).
SUBTYPES: list[tuple[str, Severity, str, str]] = [
    ("VIO-PHY/weapon", S4, "Fysisk vold – Med genstand eller våben",
     "Physical violence – With object or weapon"),
    ("VIO-THR/weapon", S3, "Trusler – Med våben/genstand", "Threats – With weapon/object"),
    ("VIO-SEX/assault", S4, "Seksuelt krænkende adfærd – Overgreb", "Sexual harassment/assault – Assault"),
    ("SH/attempt", S4, "Selvskade/selvmordsadfærd – Selvmordsforsøg",
     "Self-harm/suicidal behaviour – Suicide attempt"),
    ("DRG-DEAL/suspected", S2, "Narkotikahandel observeret – Mistanke (indikatorer)",
     "Drug dealing observed – Suspected (indicators)"),
    ("VIS-UNK/banned_returned", S2, "Ukendt/uønsket besøgende – Karantæne overtrådt",
     "Unknown/unwanted visitor – Banned person returned"),
    ("VIS-UNK/intrusion", S2, "Ukendt/uønsket besøgende – Indtrængen",
     "Unknown/unwanted visitor – Intrusion"),
    ("MED-EMG/overdose", S4, "Akut sygdom/skade – Forgiftning/overdosis",
     "Medical emergency – Poisoning/overdose"),
    ("MIS/high_risk", S4, "Savnet beboer – Højrisiko (fx selvmordsrisiko, livsvigtig medicin)",
     "Missing resident – High risk (e.g. suicide risk, vital medication)"),
    ("FIR/fire", S3, "Brand/brandalarm – Brand", "Fire/fire alarm – Fire"),
    ("FIR/false_alarm", S1, "Brand/brandalarm – Falsk alarm", "Fire/fire alarm – False alarm"),
    ("FIR/evacuation", S4, "Brand/brandalarm – Brand med evakuering",
     "Fire/fire alarm – Fire with evacuation"),
]


def test_the_tables_cover_every_code_and_every_subtype_default() -> None:
    assert [row[0] for row in TYPES] == list(TAXONOMY.codes)
    with_default = {f"{t.code}/{s.code}" for t in TAXONOMY.types for s in t.subtypes
                    if s.default_severity is not None}
    assert {row[0] for row in SUBTYPES} == with_default


@pytest.mark.parametrize(("code", "severity", "da", "en", "flags"), TYPES, ids=[r[0] for r in TYPES])
def test_each_type_alone(code: str, severity: Severity, da: str, en: str, flags: set[str]) -> None:
    result = classify(incident(code), TAXONOMY)
    assert (result.primary_type, result.severity) == (code, severity)
    assert result.type_severities == ((code, severity),)
    assert result.reasons[0] == SeverityReason(
        f"type_default:{code}", f"Typen «{da}» er som udgangspunkt {severity.value}.",
        f"The type “{en}” defaults to {severity.value}.")
    # S4 always tells the manager now; nothing else is raised without facts.
    assert set(result.flags) == flags | ({"notify_leader_now"} if severity is S4 else set())
    assert result.taxonomy_version == "2026.1"


@pytest.mark.parametrize(("code", "severity", "da", "en"), SUBTYPES, ids=[r[0] for r in SUBTYPES])
def test_subtypes_with_their_own_severity(code: str, severity: Severity, da: str, en: str) -> None:
    result = classify(incident(code), TAXONOMY)
    assert result.severity is severity
    type_code, sub = code.split("/")
    assert result.reasons[0] == SeverityReason(
        f"type_default:{type_code}/{sub}", f"Typen «{da}» er som udgangspunkt {severity.value}.",
        f"The type “{en}” defaults to {severity.value}.")


HOLD = (Measure.HOLD_124D,)
# name, types, facts, expected severity, expected primary, (reason code, Danish, English)
RULES: list[tuple[str, tuple[str, ...], dict[str, Any], Severity, str, tuple[str, str, str]]] = [
    ("felt threatened", ("VIO-VRB",), {"injuries": (hurt("staff", "felt_threatened"),)}, S2, "VIO-VRB",
     ("injury:felt_threatened", "En medarbejder følte sig truet, derfor mindst S2.",
      "A staff member felt threatened, so at least S2.")),
    ("short pain", ("VIO-VRB",), {"injuries": (hurt("resident", "pain_short"),)}, S3, "VIO-VRB",
     ("injury:pain_short", "En beboer havde smerter i under 10 minutter, derfor mindst S3.",
      "A resident was in pain for under 10 minutes, so at least S3.")),
    ("long pain", ("VIO-THR",), {"injuries": (hurt("staff", "pain_long"),)}, S3, "VIO-THR",
     ("injury:pain_long", "En medarbejder havde smerter i over 10 minutter, derfor mindst S3.",
      "A staff member was in pain for over 10 minutes, so at least S3.")),
    ("visible injury", ("VIO-THR",), {"injuries": (hurt("outsider", "visible_injury"),)}, S3, "VIO-THR",
     ("injury:visible_injury", "En udefrakommende fik en synlig skade, derfor mindst S3.",
      "An outsider got a visible injury, so at least S3.")),
    ("treated, not by a physician", ("PRP-DMG",), {"injuries": (hurt("staff", "treatment_non_physician"),)},
     S3, "PRP-DMG",
     ("injury:treatment_non_physician",
      "En medarbejder fik en skade, der krævede behandling (ikke af en læge), derfor mindst S3.",
      "A staff member got an injury that needed treatment (not by a physician), so at least S3.")),
    ("physician", ("VIO-PHY",), {"injuries": (hurt("staff", "treatment_physician"),)}, S4, "VIO-PHY",
     ("injury:treatment_physician", "En medarbejder fik en skade, der krævede lægebehandling, derfor S4.",
      "A staff member got an injury that needed a physician, so S4.")),
    ("hospital", ("MED-EMG/fall",), {"injuries": (hurt("resident", "hospital"),)}, S4, "MED-EMG",
     ("injury:hospital", "En beboer kom på hospitalet, derfor S4.",
      "A resident was taken to hospital, so S4.")),
    ("death", ("MED-EMG",), {"injuries": (hurt("resident", "death"),)}, S4, "MED-EMG",
     ("injury:death", "En beboer døde, derfor S4.", "A resident died, so S4.")),
    ("weapon used", ("VIO-PHY/resident",), {"violence": ViolenceDetail(weapon=True)}, S4, "VIO-PHY",
     ("weapon:used", "Der blev brugt et våben ved fysisk vold, derfor S4.",
      "Physical violence was done with a weapon, so S4.")),
    ("threat with a dangerous object", ("VIO-THR/verbal",),
     {"violence": ViolenceDetail(dangerous_object=True)},
     S3, "VIO-THR",
     ("weapon:threat", "Der blev truet med en farlig genstand, derfor mindst S3.",
      "There was a threat with a dangerous object, so at least S3.")),
    ("force § 124 c", ("VIO-VRB",), {"measures": (Measure.TALK, Measure.HOLD_124C)}, S3, "VIO-VRB",
     ("force:hold_124c",
      "Der blev anvendt magt (fastholdelse eller føring væk efter § 124 c), derfor mindst S3.",
      "Force was used (holding or leading away under § 124 c), so at least S3.")),
    ("force § 124 d and self-defence", ("PRP-DMG",), {"measures": (Measure.HOLD_124D, Measure.SELF_DEFENCE)},
     S3, "PRP-DMG",
     ("force:hold_124d+self_defence",
      "Der blev anvendt magt (fastholdelse efter § 124 d, nødværge/nødret), derfor mindst S3.",
      "Force was used (holding under § 124 d, self-defence/necessity), so at least S3.")),
    ("police called", ("HUS",), {"police": PoliceContact(called=True)}, S3, "HUS",
     ("police:called", "Politiet blev tilkaldt, derfor mindst S3.",
      "The police were called, so at least S3.")),
    ("police called as a measure", ("DRG-USE",), {"measures": (Measure.POLICE,)}, S3, "DRG-USE",
     ("police:called", "Politiet blev tilkaldt, derfor mindst S3.",
      "The police were called, so at least S3.")),
    ("police came themselves", ("VIS-UNK",), {"police": PoliceContact(police_initiated=True)}, S3, "VIS-UNK",
     ("police:initiated", "Politiet kom til stedet af egen drift, derfor mindst S3.",
      "The police came on their own initiative, so at least S3.")),
    ("arrest", ("THF",), {"police": PoliceContact(called=True, arrests=2)}, S3, "THF",
     ("police:arrest", "Politiet anholdt 2 person(er), derfor mindst S3.",
      "The police arrested 2 person(s), so at least S3.")),
    ("ambulance", ("OTH",), {"ambulance_called": True}, S3, "OTH",
     ("emergency:ambulance", "Der blev tilkaldt ambulance, derfor mindst S3.",
      "An ambulance was called, so at least S3.")),
    ("acute psychiatry", ("VIO-VRB",), {"measures": (Measure.ACUTE_PSYCHIATRY,)}, S3, "VIO-VRB",
     ("emergency:acute_psychiatry", "Akutpsykiatrien blev kontaktet, derfor mindst S3.",
      "Acute psychiatry was contacted, so at least S3.")),
    ("self-harm treated", ("SH/threats",), {"injuries": (hurt("resident", "treatment_non_physician"),)},
     S3, "SH",
     ("self_harm:treatment", "Selvskaden krævede behandling, derfor mindst S3.",
      "The self-harm needed treatment, so at least S3.")),
    ("self-harm needing a physician", ("SH/self_harm",), {"injuries": (hurt("resident",
     "treatment_physician"),)},
     S4, "SH",
     ("self_harm:physician", "Selvskaden krævede lægebehandling, derfor S4.",
      "The self-harm needed a physician, so S4.")),
    ("outsiders dealing", ("DRG-DEAL/suspected",),
     {"drug": DrugObservation(activities=(DrugActivity.SALE,), outsiders_on_premises=True)}, S3, "DRG-DEAL",
     ("drug:outsiders_dealing", "Udefrakommende handlede med stoffer på matriklen, derfor mindst S3.",
      "Outsiders were dealing drugs on the premises, so at least S3.")),
    ("police report inherits", ("POL-RPT/theft", "THF/from_resident"), {}, S2, "THF",
     ("inherits:POL-RPT",
      "«Politianmeldelse» får samme alvorlighed som den alvorligste anden type (THF: S2).",
      "“Police report filed” takes the severity of the most serious other type (THF: S2).")),
]


@pytest.mark.parametrize(("name", "codes", "facts", "severity", "primary", "reason"), RULES,
                         ids=[r[0] for r in RULES])
def test_each_severity_rule(name: str, codes: tuple[str, ...], facts: dict[str, Any], severity: Severity,
                            primary: str, reason: tuple[str, str, str]) -> None:
    result = classify(incident(*codes, **facts), TAXONOMY)
    assert (result.severity, result.primary_type) == (severity, primary)
    assert SeverityReason(*reason) in result.reasons
    # The decisive reason comes first; the primary type carries the incident's severity.
    assert result.reasons[0].text_en.endswith(f"{severity.value}.")
    assert dict(result.type_severities)[primary] is severity


# provocation, means, target, consequence, measures
SoasColumns = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]
SOAS_CASES: list[tuple[SoasColumns, Severity, str, str, str]] = [
    # columns, severity, reason code, Danish, English
    ((("other",), ("verbal",), ("staff",), ("felt_threatened",), ("talk",)), S1, "soas:mild",
     "SOAS-R-score 6 (mild, 0-7) svarer til S1-S2 og hæver ikke alvorligheden.",
     "SOAS-R score 6 (mild, 0-7) corresponds to S1-S2 and does not raise the severity."),
    ((("none_understandable",), ("verbal",), ("staff",), ("felt_threatened",), ("talk",)), S3,
     "soas:moderate", "SOAS-R-score 8 (moderat, 8-15), derfor mindst S3.",
     "SOAS-R score 8 (moderate, 8-15), so at least S3."),
    ((("none_understandable",), ("dangerous_object",), ("staff",), ("treatment_non_physician",), ()),
     S4, "soas:severe", "SOAS-R-score 16 (alvorlig, 16-22), derfor S4.",
     "SOAS-R score 16 (severe, 16-22), so S4."),
]


@pytest.mark.parametrize(("columns", "severity", "code", "da", "en"), SOAS_CASES,
                         ids=["mild", "moderate", "severe"])
def test_soas_band_rule(columns: SoasColumns, severity: Severity, code: str, da: str, en: str) -> None:
    # VIO-VRB defaults to S1, so whatever it ends at comes from the SOAS-R band.
    result = classify(incident("VIO-VRB", violence=ViolenceDetail(*columns)), TAXONOMY, instrument())
    assert result.severity is severity
    assert SeverityReason(code, da, en) in result.reasons
    assert result.soas is not None and result.soas.status is SoasStatus.SCORED


def test_without_instrument_severity_rests_on_our_own_rules_and_says_so() -> None:
    columns = ViolenceDetail(("none_understandable",), ("dangerous_object",), ("staff",),
                             ("treatment_non_physician",))
    result = classify(incident("VIO-VRB", violence=columns), TAXONOMY, NO_INSTRUMENT)
    assert result.severity is S1
    assert result.soas is not None and result.soas.status is SoasStatus.NO_INSTRUMENT
    assert not any(r.code.startswith("soas:") for r in result.reasons)


def test_rules_that_must_not_raise() -> None:
    # § 124 b guidance and conflict aversion are not force; cash alone is not dealing; no injury.
    calm = classify(incident("VIO-VRB", measures=(Measure.GUIDANCE, Measure.CONFLICT_AVERSION, Measure.TALK),
                             injuries=(hurt("staff", "none"),)), TAXONOMY)
    assert (calm.severity, calm.flags) == (S1, ("soas_r",))
    assert [r.code for r in calm.reasons] == ["type_default:VIO-VRB"]
    suspected = classify(incident("DRG-DEAL/suspected", drug=DrugObservation(
        activities=(DrugActivity.CASH,), outsiders_on_premises=True)), TAXONOMY)
    assert suspected.severity is S2


def test_several_types_each_raised_by_the_facts_they_concern() -> None:
    data = incident("HUS", "POL-CALL/by_staff", "VIO-PHY/staff",
                    injuries=(hurt("staff", "treatment_physician"),), police=PoliceContact(called=True))
    result = classify(data, TAXONOMY)
    # The injury concerns the types with an injuries section (VIO-PHY), not the house rules.
    assert result.type_severities == (("HUS", S1), ("POL-CALL", S3), ("VIO-PHY", S4))
    assert (result.primary_type, result.severity) == ("VIO-PHY", S4)
    ranks = [int(r.text_en.rstrip(".")[-1]) for r in result.reasons if r.text_en.rstrip(".")[-2] == "S"]
    assert ranks == sorted(ranks, reverse=True)


def test_primary_type_is_the_first_of_the_most_serious_and_never_the_inheriting_one() -> None:
    result = classify(incident("POL-RPT", "VIO-THR/verbal", "DRG-DEAL", "POL-CALL"), TAXONOMY)
    assert result.primary_type == "DRG-DEAL"  # S3 ties with POL-CALL and POL-RPT; first own type wins
    assert dict(result.type_severities)["POL-RPT"] is S3
    alone = classify(incident("POL-RPT", police=PoliceContact(report_filed=True, called=True)), TAXONOMY)
    assert (alone.primary_type, alone.severity) == ("POL-RPT", S3)
