"""Field-level validation problems with their Danish and English wording.

The core decides *what* is wrong (a code and its parameters); every layer can word it in the
user's language without a Qt or gettext dependency in the core.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_CATALOG: dict[str, tuple[str, str]] = {
    # code: (Danish, English)
    "required": ("Skal udfyldes.", "Required."),
    "empty_text": ("Må ikke være tom.", "Must not be empty."),
    "too_long": ("Højst {limit} tegn (der er {length}).", "At most {limit} characters ({length} given)."),
    "future_time": ("Tidspunktet ligger i fremtiden.", "The time is in the future."),
    "too_old": ("Tidspunktet er mere end {years} år gammelt.", "The time is more than {years} years ago."),
    "typed_time": (
        "Skriv et klokkeslæt som 0240 eller 02:40 – evt. med dato foran: 05-03-2026 02:40.",
        "Type a time such as 0240 or 02:40 – with a date in front if need be: 05-03-2026 02:40.",
    ),
    "typed_date": ("Datoen findes ikke – skriv fx 05-03-2026 02:40.",
                   "There is no such date – type e.g. 05-03-2026 02:40."),
    "time_skipped": (
        "Klokken {time} fandtes ikke den {date}: uret blev stillet frem fra 02:00 til 03:00 "
        "(sommertid). Skriv tiden før eller efter.",
        "There was no {time} on {date}: the clocks went forward from 02:00 to 03:00 (summer "
        "time). Type the time before or after.",
    ),
    "end_before_start": ("Sluttidspunktet ligger før starttidspunktet.", "The end is before the start."),
    "unknown_type": ("Ukendt hændelsestype: {code}.", "Unknown incident type: {code}."),
    "unknown_subtype": ("Ukendt undertype {subtype} for {code}.", "Unknown subtype {subtype} for {code}."),
    "no_types": ("Vælg mindst én hændelsestype.", "Choose at least one incident type."),
    "duplicate_type": ("Typen {code} er valgt to gange.", "Type {code} is chosen twice."),
    "unknown_resident": ("Beboeren findes ikke.", "The resident does not exist."),
    "resident_other_facility": (
        "Beboeren {pseudonym} bor ikke på dette tilbud.",
        "Resident {pseudonym} does not live at this facility.",
    ),
    "duplicate_resident": ("Beboeren er nævnt to gange.", "The resident is listed twice."),
    "unknown_zone": ("Stedet hører ikke til dette tilbud.", "The zone does not belong to this facility."),
    "unknown_user": ("Medarbejderen findes ikke.", "The staff member does not exist."),
    "unknown_facility": ("Tilbuddet findes ikke.", "The facility does not exist."),
    "cpr_number": (
        "Må ikke indeholde CPR-numre. Brug beboerens pseudonym.",
        "Must not contain CPR numbers. Use the resident's pseudonym.",
    ),
    "not_a_number": ("Skal være et helt tal.", "Must be a whole number."),
    "out_of_range": ("Skal være mellem {low} og {high}.", "Must be between {low} and {high}."),
    "invalid_choice": ("Ugyldigt valg: {value}.", "Invalid choice: {value}."),
    "invalid_format": ("Ugyldigt format: {expected}.", "Invalid format: {expected}."),
    "already_exists": ("{value} findes allerede.", "{value} already exists."),
    "display_name_is_full_name": (
        "Kaldenavnet må ikke være det fulde navn fra nøglen. Brug fornavn eller kaldenavn.",
        "The display name must not be the full name from the key. Use a first name or call name.",
    ),
    "password_too_short": (
        "Adgangskoden skal have mindst {limit} tegn.",
        "The password needs at least {limit} characters.",
    ),
    "password_too_long": (
        "Adgangskoden må højst have {limit} tegn.", "The password may have at most {limit} characters."
    ),
    "password_too_common": (
        "Adgangskoden er for almindelig eller let at gætte (fx et kendt kodeord, et ord med årstal "
        "eller en række tegn). Brug fx nogle tilfældige ord.",
        "The password is too common or easy to guess (a known password, a word with a year, or a "
        "run of characters). Try a few random words.",
    ),
    "password_contains_name": (
        "Adgangskoden må ikke indeholde dit brugernavn eller navn.",
        "The password must not contain your user name or name.",
    ),
    "password_wrong": ("Den nuværende adgangskode er forkert.", "The current password is wrong."),
    "password_unchanged": (
        "Den nye adgangskode skal være en anden end den nuværende.",
        "The new password must differ from the current one.",
    ),
    "reason_required": ("Angiv en begrundelse.", "Give a reason."),
    "not_editable": (
        "Hændelsen er indsendt og kan kun rettes med en rettelse eller et tillæg.",
        "The incident is submitted; change it with a correction or an addendum.",
    ),
    "month_not_begun": ("Måneden {month} er ikke begyndt ved {at}; der er intet at rapportere endnu.",
                        "The month {month} has not begun at {at}; there is nothing to report yet."),
    "date_order": ("Slutdatoen ligger før startdatoen.", "The end date is before the start date."),
    "control_characters": ("Indeholder ugyldige kontroltegn.", "Contains invalid control characters."),
    "required_to_close": (
        "Skal udfyldes, før pligten kan afsluttes.", "Must be filled in before the duty can be closed."
    ),
    "dispensation_not_individual": (
        "Begrundelsen skal handle om denne episode og denne medarbejder (mindst {minimum} tegn ud over "
        "generelle udsagn). At beboeren er anbragt på grund af sin adfærd, er ikke en begrundelse.",
        "The reasons must concern this episode and this employee (at least {minimum} characters beyond "
        "general statements). That the resident is placed because of their behaviour is not a reason.",
    ),
    "mandatory_duty": (
        "Pligten gælder altid for denne type hændelse og kan ikke markeres som ikke påkrævet.",
        "This duty always applies to this type of incident and cannot be marked as not required.",
    ),
    "already_assessed": (
        "{pseudonym} er allerede vurderet med Brøset i denne vagt.",
        "{pseudonym} already has a Brøset assessment for this shift.",
    ),
    "contradiction": (
        "Modsiger «{other_da}»: når «{when_da}» er valgt, skal «{then_da}» også være valgt.",
        "Contradicts «{other_en}»: when «{when_en}» is chosen, «{then_en}» must be chosen too.",
    ),
    "resident_moved_out": ("{pseudonym} er flyttet.", "{pseudonym} has moved out."),
    "last_admin": ("Der skal være mindst én aktiv administrator.",
                   "There must be at least one active administrator."),
    "identifying_text": (
        "PSP-pakken dannes ikke: {record_da} indeholder {what_da}. Ret teksten{or_da}.",
        "The PSP pack is not made: {record_en} contains {what_en}. Edit the text{or_en}.",
    ),
}


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str = "en") -> str:
        da, en = _CATALOG.get(self.code, (self.code, self.code))
        template = da if language == "da" else en
        try:
            return template.format(**self.params)
        except (KeyError, IndexError):
            return template


def known_codes() -> frozenset[str]:
    return frozenset(_CATALOG)
