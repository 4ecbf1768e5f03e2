"""What the demo year is made of: places, people, incident recipes and Danish narratives.

Everything here is invented. Pseudonyms, names and events only look realistic so that a
newcomer sees a living system.
"""

from __future__ import annotations

from dataclasses import dataclass

from safetylog.domain.enums import Role, ZoneKind

DEMO_PASSWORD = "demo-adgang-2026"


@dataclass(frozen=True)
class DemoFacility:
    code: str
    name: str
    municipality: str
    zones: tuple[tuple[str, str, ZoneKind], ...]
    hotspots: tuple[str, ...]  # zone codes where dealing is mostly seen
    resident_prefix: str
    residents: int


# The names the demo's staff know residents by (a facility has at most 14 residents). Old Nordic
# names, so a test can tell for certain that none of them reaches a report or a PSP pack.
DISPLAY_NAMES = ("Ingolf", "Thyra", "Gorm", "Ragnhild", "Svend", "Dagmar", "Valdemar", "Estrid",
                 "Holger", "Gudrun", "Sigurd", "Astrid", "Torben", "Vibeke")

FACILITIES = (
    DemoFacility("HAV", "Bostedet Havblik", "Aarhus Kommune", (
        ("ENT", "Hovedindgang", ZoneKind.ENTRANCE), ("GAARD", "Gården", ZoneKind.OUTDOOR),
        ("TRAP", "Trappeopgang B", ZoneKind.COMMON_AREA), ("STUE", "Fællesstue", ZoneKind.COMMON_AREA),
        ("KOK", "Køkken", ZoneKind.COMMON_AREA), ("KONT", "Personalekontor", ZoneKind.OFFICE),
        ("VAER", "Beboerværelser", ZoneKind.RESIDENT_ROOM), ("P", "Parkeringsplads", ZoneKind.OFF_PREMISES),
    ), ("GAARD", "P"), "H", 14),
    DemoFacility("SKO", "Skovbrynet", "Aarhus Kommune", (
        ("ENT", "Indgang", ZoneKind.ENTRANCE), ("HAVE", "Haven", ZoneKind.OUTDOOR),
        ("STUE", "Opholdsstue", ZoneKind.COMMON_AREA), ("KOK", "Fælleskøkken", ZoneKind.COMMON_AREA),
        ("KONT", "Kontor", ZoneKind.OFFICE), ("VAER", "Lejligheder", ZoneKind.RESIDENT_ROOM),
        ("CYK", "Cykelkælder", ZoneKind.COMMON_AREA),
    ), ("CYK", "HAVE"), "S", 10),
    DemoFacility("ENG", "Engtoften", "Silkeborg Kommune", (
        ("ENT", "Indgang", ZoneKind.ENTRANCE), ("GAARD", "Gårdhave", ZoneKind.OUTDOOR),
        ("STUE", "Fællesrum", ZoneKind.COMMON_AREA), ("KONT", "Vagtstue", ZoneKind.OFFICE),
        ("VAER", "Værelser", ZoneKind.RESIDENT_ROOM), ("BUS", "Busstoppested", ZoneKind.OFF_PREMISES),
    ), ("BUS", "ENT"), "E", 8),
)

# (username, display name, role, facility codes; empty = all facilities)
STAFF = (
    ("admin", "Anna Holm", Role.ADMIN, ()),
    ("mette", "Mette Lund", Role.MANAGER, ("HAV", "SKO")),
    ("lars", "Lars Kjær", Role.MANAGER, ("ENG",)),
    ("psp", "Pia Skov", Role.PSP_COORDINATOR, ()),
    ("jonas", "Jonas Berg", Role.STAFF, ("HAV",)),
    ("sara", "Sara Nielsen", Role.STAFF, ("SKO",)),
    ("nanna", "Nanna Vestergaard", Role.NIGHT_STAFF, ("HAV",)),
    ("ole", "Ole Dam", Role.NIGHT_STAFF, ("HAV", "SKO")),
    ("ida", "Ida Friis", Role.NIGHT_STAFF, ("ENG",)),
    ("kim", "Kim Sørensen", Role.STAFF, ("ENG",)),
)

# Incidents per hour of day: heavy in the evening and at night, as staff on botilbud report.
HOUR_WEIGHTS = (9, 8, 7, 6, 4, 3, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6, 6, 7, 8, 9, 10, 11, 11, 10)
# Dealing is seen mostly late evening, and on Friday and Saturday.
DEAL_HOURS = (19, 20, 21, 22, 23, 0, 1)
WEEKDAY_WEIGHTS = (5, 5, 5, 6, 8, 9, 7)

# Incident recipes: (type codes with subtypes, relative weight). Every taxonomy code appears.
RECIPES: tuple[tuple[tuple[tuple[str, str | None], ...], int], ...] = (
    ((("VIO-VRB", "abuse"),), 40),
    ((("VIO-THR", "verbal"),), 30),
    ((("VIO-THR", "weapon"), ("POL-CALL", "by_staff")), 6),
    ((("VIO-PHY", "staff"),), 8),
    ((("VIO-PHY", "resident"), ("FRC", "124d")), 8),
    ((("VIO-PHY", "weapon"), ("POL-CALL", "by_staff"), ("POL-ARR", "resident")), 2),
    ((("VIO-SEX", "verbal"),), 3),
    ((("VIO-SEX", "touching"), ("POL-RPT", "violence")), 1),
    ((("PRP-DMG", "furniture"),), 12),
    ((("PRP-DMG", "building"), ("FRC", "124c")), 3),
    ((("SH", "self_harm"),), 6),
    ((("SH", "attempt"), ("MED-EMG", "ambulance")), 1),
    ((("DRG-DEAL", "outsider_to_resident"),), 18),
    ((("DRG-DEAL", "suspected"),), 16),
    ((("DRG-DEAL", "between_outsiders"), ("POL-CALL", "by_staff")), 4),
    ((("DRG-DEAL", "resident_selling"),), 4),
    ((("DRG-USE", "alcohol"),), 20),
    ((("DRG-USE", "cannabis"),), 12),
    ((("DRG-POS", "needles"),), 6),
    ((("DRG-DEBT", "extortion"), ("POL-RPT", "threats")), 3),
    ((("VIS-UNK", "unknown"),), 14),
    ((("VIS-UNK", "banned_returned"),), 5),
    ((("POL-CALL", "police_initiated"),), 4),
    ((("MED-EMG", "overdose"), ("POL-CALL", "by_staff")), 2),
    ((("MED-EMG", "fall"),), 4),
    ((("MED-PSY", "assessment"),), 5),
    ((("MED-RX", "refused"),), 8),
    ((("MED-RX", "wrong_dose"),), 2),
    ((("MIS", "not_returned"),), 4),
    ((("MIS", "reported_missing"),), 1),
    ((("FIR", "false_alarm"),), 4),
    ((("FIR", "smoking_in_room"),), 5),
    ((("THF", "from_resident"),), 4),
    ((("THF", "from_facility"), ("POL-RPT", "theft")), 1),
    ((("HUS", None),), 10),
    ((("OTH", None),), 4),
)

NARRATIVES = {
    "VIO-VRB": ("{a} råbte og skældte ud i {zone} efter at have fået nej til at låne penge. "
                "Personalet talte roligt med {a}, som gik på sit værelse."),
    "VIO-THR": ("{a} truede personalet med at ‘gøre noget’ og slog i bordet i {zone}. "
                "Der blev talt med {a}, og situationen faldt til ro efter ti minutter."),
    "VIO-PHY": ("{a} skubbede og slog ud efter {b} i {zone}. To medarbejdere skilte dem ad, "
                "og {a} blev ført til sin lejlighed."),
    "VIO-SEX": "{a} kom med seksuelt krænkende bemærkninger over for en medarbejder i {zone}.",
    "PRP-DMG": "{a} smed en stol mod væggen i {zone}; stolen og en glasdør blev beskadiget.",
    "SH": "{a} blev fundet med snitsår på underarmen i {zone}. Personalet ydede førstehjælp.",
    "DRG-DEAL": ("Observeret salg i {zone}: to udefrakommende mænd afleverede små poser til {a} "
                 "mod kontanter. En mørk bil holdt ved indkørslen."),
    "DRG-USE": "{a} var tydeligt påvirket i {zone} og fik tilbudt ro og væske.",
    "DRG-POS": "Der blev fundet brugte kanyler og sølvpapir i {zone}; de blev fjernet forsvarligt.",
    "DRG-DEBT": "{a} fortalte, at udefrakommende kræver penge for en gammel gæld og har truet {a}.",
    "VIS-UNK": "En ukendt person opholdt sig i {zone} og ville ikke sige, hvem vedkommende besøgte.",
    "POL-CALL": "Politiet blev tilkaldt til {zone} og kom efter ca. tyve minutter.",
    "POL-ARR": "Politiet anholdt {a} i {zone}.",
    "POL-RPT": "Forholdet er anmeldt til politiet.",
    "MED-EMG": "{a} blev fundet utilpas i {zone}; der blev ringet 1-1-2, og ambulancen kom.",
    "MED-PSY": "{a} var meget forpint og angst; akutpsykiatrien blev kontaktet for en vurdering.",
    "MED-RX": "{a} fik ikke sin aftenmedicin som ordineret; lægen er orienteret.",
    "MIS": "{a} var ikke kommet hjem ved midnat som aftalt og svarede ikke på telefonen.",
    "FIR": "Brandalarmen gik i {zone}; årsagen var rygning på værelset.",
    "THF": "{a} meldte sin telefon stjålet fra {zone}.",
    "FRC": "For at afværge fare blev {a} kortvarigt fastholdt efter § 124 d.",
    "HUS": "{a} spillede meget høj musik efter kl. 23 og ville ikke skrue ned.",
    "OTH": "Strømmen gik i {zone} i en halv time; ingen kom til skade.",
}
