"""The five aggression columns SafetyLog records when no licensed SOAS-R file is installed.

These are SafetyLog's own working labels for the categories described in the published
literature (provocation, means, target, consequence, measures), adapted to a botilbud: the
measures are the lawful tools there (no seclusion, restraint or forced injection). They carry no
weights, so they never produce a SOAS-R score. An installed instrument file replaces them in the
entry form; using the same option codes where the meaning matches lets earlier entries be scored.
"""

from __future__ import annotations

from safetylog.classification.soas import InstrumentState, SoasColumn, SoasOption


def _column(key: str, label_da: str, label_en: str,
            options: tuple[tuple[str, str, str], ...]) -> SoasColumn:
    return SoasColumn(key, label_da, label_en,
                      tuple(SoasOption(code, da, en, None) for code, da, en in options))


BUILTIN_COLUMNS: tuple[SoasColumn, ...] = (
    _column("provocation", "Udløsende faktor", "Provocation", (
        ("none_understandable", "Ingen forståelig anledning", "No understandable provocation"),
        ("other_resident", "Provokeret af medbeboer", "Provoked by another resident"),
        ("denied_something", "Fik et nej", "Was denied something"),
        ("adl_help", "Hjælp til daglige gøremål", "Help with daily living"),
        ("asked_to_do", "Blev bedt om at gøre noget (fx tage medicin)",
         "Asked to do something (e.g. take medication)"),
        ("other", "Andet", "Other"),
    )),
    _column("means", "Anvendte midler", "Means used", (
        ("verbal", "Verbal aggression", "Verbal aggression"),
        ("everyday_object", "Almindelig genstand", "Everyday object"),
        ("dangerous_object", "Farlig genstand eller våben (kniv, glas, værktøj)",
         "Dangerous object or weapon (knife, glass, tool)"),
        ("body_part", "Kropsdel (hånd, fod, tænder)", "Body part (hand, foot, teeth)"),
        ("strangulation", "Forsøg på kvælning", "Attempted strangulation"),
        ("other", "Andet", "Other"),
    )),
    _column("target", "Mål for aggressionen", "Target", (
        ("nothing", "Intet/ingen", "Nothing/nobody"),
        ("objects", "Genstande", "Objects"),
        ("other_resident", "Medbeboer", "Another resident"),
        ("staff", "Personale", "Staff"),
        ("other_person", "Andre personer", "Other persons"),
        ("self", "Beboeren selv (selvskade)", "The resident him/herself (self-harm)"),
    )),
    _column("consequence", "Konsekvenser for offer", "Consequences for the victim", (
        ("none", "Ingen", "None"),
        ("felt_threatened", "Følte sig truet", "Felt threatened"),
        ("pain_short", "Smerte under 10 minutter", "Pain under 10 minutes"),
        ("pain_long", "Smerte over 10 minutter", "Pain over 10 minutes"),
        ("visible_injury", "Synlig skade", "Visible injury"),
        ("treatment_non_physician", "Behandling (ikke læge)", "Treatment (not by a physician)"),
        ("treatment_physician", "Behandling af læge", "Treatment by a physician"),
        ("objects_damaged", "Genstande beskadiget", "Objects damaged"),
        ("objects_destroyed", "Genstande ødelagt", "Objects destroyed"),
    )),
    _column("measures", "Tiltag for at standse aggressionen", "Measures to stop the aggression", (
        ("none", "Ingen", "None"),
        ("talk", "Samtale", "Talk"),
        ("calmly_away", "Roligt ført væk", "Calmly brought away"),
        ("physical_hold", "Fastholdelse (§ 124 c/d)", "Physical holding (§ 124 c/d)"),
        ("prn_offered", "PN-medicin tilbudt", "PRN medication offered"),
        ("police", "Politi tilkaldt", "Police called"),
        ("acute_psychiatry", "Akutpsykiatri/ambulance", "Acute psychiatry/ambulance"),
        ("other", "Andet", "Other"),
    )),
)


def entry_columns(state: InstrumentState) -> tuple[SoasColumn, ...]:
    """The columns and options the entry form offers: the installed instrument's, else our own."""
    return state.instrument.columns if state.instrument is not None else BUILTIN_COLUMNS
