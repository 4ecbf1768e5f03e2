"""Every word the reports print, in Danish (the default) and English, and how numbers and dates
are written in each language."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

_COPENHAGEN = ZoneInfo("Europe/Copenhagen")

MONTHS = {
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}
WEEKDAYS = {"da": ("man", "tir", "ons", "tor", "fre", "lør", "søn"),
            "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}

# key: (Danish, English)
_TEXTS: dict[str, tuple[str, str]] = {
    # titles and headers
    "monthly_title": ("Månedsrapport", "Monthly report"),
    "psp_title": ("PSP-mødepakke", "PSP meeting pack"),
    "confidential_monthly": ("Fortroligt – indeholder pseudonymiserede personoplysninger",
                             "Confidential – contains pseudonymised personal data"),
    "confidential_psp": ("Fortroligt – PSP, jf. retsplejelovens § 115",
                         "Confidential – PSP, Administration of Justice Act s. 115"),
    "page_of": ("Side {page} af {pages}", "Page {page} of {pages}"),
    "scope_line": ("Omfang: {period}; filtre: {filters}. Definitioner og oprindelse står sidst i rapporten.",
                   "Scope: {period}; filters: {filters}. Definitions and provenance are at the end."),
    "generated_line": ("Dannet {at} af {by}", "Generated {at} by {by}"),
    # first page
    "month_in_numbers": ("Måneden i tal", "The month in numbers"),
    "period_in_numbers": ("Perioden i tal", "The period in numbers"),
    "what_changed": ("Hvad har ændret sig", "What changed"),
    "what_overdue": ("Hvad er overskredet", "What is overdue"),
    "nothing_overdue": ("Intet er overskredet.", "Nothing is overdue."),
    "kpi_incidents": ("Hændelser", "Incidents"),
    "kpi_serious": ("Alvorlige og kritiske (S3–S4)", "Serious and critical (S3–S4)"),
    "kpi_force": ("Magtanvendelser", "Uses of force"),
    "kpi_injuries": ("Personale kommet til skade", "Staff injuries"),
    "kpi_drug": ("Narkotikahandel observeret", "Drug dealing observed"),
    "kpi_police": ("Politikontakter", "Police contacts"),
    "vs_previous": ("{prev} i {label}", "{prev} in {label}"),
    "period_before": ("perioden før", "the period before"),
    "vs_previous_none": ("ingen data for {label}", "no data for {label}"),
    "no_data": ("ingen data", "no data"),
    "until": ("til og med {date}", "up to and including {date}"),
    "same_days": ("1.–{day}. {month}", "1–{day} {month}"),
    "trend_no_data": ("Ingen data før {month}: loggen begynder der.",
                      "No data before {month}: the log begins there."),
    "change_total": ("I alt {now} hændelser", "{now} incidents in all"),
    "change_total_one": ("I alt {now} hændelse", "{now} incident in all"),
    "change_vs": (" mod {prev} i {label} ({delta})", " against {prev} in {label} ({delta})"),
    "change_vs_none": ("; {label}: ingen data", "; {label}: no data"),
    "change_year": (" og {year} for et år siden.", " and {year} a year earlier."),
    "change_year_none": ("; for et år siden: ingen data.", "; a year earlier: no data."),
    "change_type": ("{label}: {now} mod {prev} ({delta})", "{label}: {now} against {prev} ({delta})"),
    "change_night": ("Nattevagten havde {now} hændelser mod {prev} ({delta}).",
                     "The night shift had {now} incidents against {prev} ({delta})."),
    "change_night_one": ("Nattevagten havde {now} hændelse mod {prev} ({delta}).",
                         "The night shift had {now} incident against {prev} ({delta})."),
    "no_change": ("Ingen ændringer i fordelingen på typer.", "No change in the mix of types."),
    "overdue_force": ("{n} magtanvendelser er ikke indberettet inden fristen: {ids}.",
                      "{n} uses of force not reported within the deadline: {ids}."),
    "overdue_force_one": ("{n} magtanvendelse er ikke indberettet inden fristen: {ids}.",
                          "{n} use of force not reported within the deadline: {ids}."),
    "overdue_easy": ("{n} arbejdsskader er ikke anmeldt i EASY inden 14 dage: {ids}.",
                     "{n} work injury reports not filed in EASY within 14 days: {ids}."),
    "overdue_easy_one": ("{n} arbejdsskade er ikke anmeldt i EASY inden 14 dage: {ids}.",
                         "{n} work injury report not filed in EASY within 14 days: {ids}."),
    "overdue_duties": ("{n} andre opgaver har overskredet fristen: {ids}.",
                       "{n} other duties are overdue: {ids}."),
    "overdue_duties_one": ("{n} anden opgave har overskredet fristen: {ids}.",
                           "{n} other duty is overdue: {ids}."),
    "overdue_actions": ("{n} PSP-handlingspunkter har overskredet fristen: {ids}.",
                        "{n} PSP action items are past their due date: {ids}."),
    "overdue_actions_one": ("{n} PSP-handlingspunkt har overskredet fristen: {ids}.",
                            "{n} PSP action item is past its due date: {ids}."),
    "overdue_all": ("Overskredet ved dannelsen – alle måneder", "Overdue when generated – all months"),
    # sections
    "charts": ("Grafer", "Charts"),
    "chart_types": ("Hændelser efter primær type", "Incidents by primary type"),
    "chart_trend": ("Udvikling over 12 måneder", "12-month trend"),
    "chart_heat": ("Ugedag og klokkeslæt", "Weekday and hour"),
    "chart_severity": ("Alvorlighed", "Severity"),
    "tables": ("Fordelinger", "Breakdowns"),
    "by_type": ("Efter type", "By type"),
    "by_severity": ("Efter alvorlighed", "By severity"),
    "by_shift": ("Efter vagt", "By shift"),
    "by_zone": ("Efter sted", "By place"),
    "by_facility": ("Efter tilbud", "By facility"),
    "duties": ("Pligter og frister", "Duties and deadlines"),
    "force_cases": ("Magtanvendelser", "Uses of force"),
    "other_duties": ("Alle opgaver fra månedens hændelser", "All duties from the month's incidents"),
    "staff_injuries": ("Personale kommet til skade", "Staff injuries"),
    "drug_trade": ("Narkotikahandel", "Drug trade"),
    "police": ("Politikontakt", "Police contact"),
    "bvc": ("Brøset (BVC) og hændelser", "Brøset (BVC) and incidents"),
    "incident_list": ("Månedens hændelser", "The month's incidents"),
    "provenance": ("Omfang og oprindelse", "Scope and provenance"),
    "definitions": ("Sådan er tallene gjort op", "How the figures are defined"),
    "none": ("Ingen.", "None."),
    "none_in_period": ("Ingen i perioden.", "None in the period."),
    # column headers
    "col_type": ("Type", "Type"), "col_primary": ("Primær", "Primary"),
    "col_all_types": ("Alle typer", "All types"), "col_prev": ("Forrige", "Previous"),
    "col_year": ("Året før", "Year before"), "col_count": ("Antal", "Count"),
    "col_share": ("Andel", "Share"), "col_no": ("Nr.", "No."), "col_date": ("Dato", "Date"),
    "col_time": ("Kl.", "Time"), "col_shift": ("Vagt", "Shift"), "col_place": ("Sted", "Place"),
    "col_types": ("Typer", "Types"), "col_sev": ("Alv.", "Sev."), "col_residents": ("Beboere", "Residents"),
    "col_status": ("Status", "Status"), "col_due": ("Frist", "Due"), "col_closed": ("Lukket", "Closed"),
    "col_state": ("Tilstand", "State"), "col_kind": ("Opgave", "Duty"), "col_open": ("Åbne", "Open"),
    "col_overdue": ("Overskredet", "Overdue"), "col_done": ("Lukket", "Closed"),
    "col_late": ("Lukket for sent", "Closed late"), "col_level": ("Skade", "Injury"),
    "col_body": ("Kropsdel", "Body part"), "col_absence": ("1. fraværsdag", "First day absent"),
    "col_easy": ("EASY", "EASY"), "col_hour": ("Time", "Hour"), "col_activity": ("Aktivitet", "Activity"),
    "col_arrests": ("Anholdte", "Arrests"), "col_report": ("Anmeldt", "Report"),
    "col_facility": ("Tilbud", "Facility"), "col_title": ("Aftale", "Agreement"),
    "col_contact": ("Kontakt", "Contact"), "col_scope": ("Indhold", "Scope"),
    "col_valid": ("Gyldig", "Valid"), "col_text": ("Handlingspunkt", "Action item"),
    "col_owner": ("Ansvarlig", "Owner"), "col_from_meeting": ("Fra møde", "From meeting"),
    "col_carried": ("Overført", "Carried"), "col_figure": ("Tal", "Figure"),
    "col_hours": ("Klokkeslæt", "Hours"), "col_days": ("Dage", "Days"),
    "col_definition": ("Definition", "Definition"), "total": ("I alt", "Total"),
    "no_place": ("Intet sted angivet", "No place recorded"), "yes": ("ja", "yes"), "no": ("nej", "no"),
    # states
    "state_open": ("åben", "open"), "state_overdue": ("overskredet", "overdue"),
    "state_closed": ("lukket", "closed"), "state_closed_late": ("lukket for sent", "closed late"),
    "state_missing": ("mangler", "missing"), "state_not_required": ("ikke krævet", "not required"),
    "state_in_progress": ("i gang", "in progress"), "state_done": ("udført", "done"),
    "state_cancelled": ("annulleret", "cancelled"), "state_active": ("aktiv", "active"),
    "state_pending": ("afventer", "pending"), "state_ended": ("ophørt", "ended"),
    "state_expired": ("udløbet", "expired"),
    "status_submitted": ("indsendt", "submitted"), "status_reviewed": ("godkendt", "reviewed"),
    "status_locked": ("låst", "locked"),
    # PSP
    "meeting": ("Møde", "Meeting"),
    "meeting_line": ("PSP-møde {date}, {district}", "PSP meeting {date}, {district}"),
    "no_meeting": ("Intet møde registreret efter perioden; ingen enkeltsager medtaget.",
                   "No meeting registered after the period; no individual cases included."),
    "distribution": ("Fordeling: mødets deltagere ({participants}). Må ikke videregives.",
                     "Distribution: the meeting's participants ({participants}). Not to be passed on."),
    "suppression_note": ("Tal fra 1 til 4 vises som «<5». «*» er skjult, så et lille tal ikke kan "
                         "regnes tilbage fra totalen.",
                         "Counts from 1 to 4 are shown as “<5”. “*” is hidden so that a small "
                         "count cannot be worked out from the total."),
    "overview": ("Overblik", "Overview"),
    "drug_patterns": ("Narkotikahandel – mønstre", "Drug trade – patterns"),
    "time_of_day": ("Tidspunkt på døgnet", "Time of day"),
    "weekday_weekend": ("Hverdag og weekend", "Weekdays and weekend"),
    "weekdays": ("Hverdage (man–fre)", "Weekdays (Mon–Fri)"),
    "weekend": ("Weekend (lør–søn)", "Weekend (Sat–Sun)"),
    "agreements": ("Aftaler med politiet", "Agreements with the police"),
    "actions": ("Handlingspunkter", "Action items"),
    "individual_cases": ("Enkeltsager med beslutning om videregivelse",
                         "Individual cases with a disclosure decision"),
    "no_disclosures": ("Ingen beboere er besluttet videregivet til dette møde.",
                       "No resident has been decided disclosed to this meeting."),
    "case_header": ("{pseudonym} ({facility})", "{pseudonym} ({facility})"),
    "case_basis": ("Videregives til PSP-mødet {date} med hjemmel i {basis}. Besluttet af {by} {at}.",
                   "Disclosed to the PSP meeting on {date} under {basis}. Decided by {by} on {at}."),
    "case_necessity": ("Hvorfor det er nødvendigt: {note}", "Why it is necessary: {note}"),
    "case_incidents": ("Hændelser i perioden: {n}", "Incidents in the period: {n}"),
    "left_out": ("Hvad pakken bevidst udelader", "What this pack deliberately leaves out"),
    "left_out_items": (
        "Navne, CPR-numre og andre direkte identifikationer – beboere omtales kun ved pseudonym.|"
        "Beboere uden en registreret beslutning om videregivelse til netop dette møde.|"
        "Hændelsesbeskrivelser og anden fritekst fra loggen.|"
        "Medarbejdernes navne.|"
        "Politiets journalnumre (de opbevares kun internt på tilbuddet).|"
        "Oplysninger til efterforskning af konkrete straffesager (retsplejelovens § 115, stk. 2); "
        "de går via en særskilt politianmeldelse.|"
        "Præcise tal under 5 og tal, der ville afsløre dem.",
        "Names, CPR numbers and other direct identifiers – residents appear only by pseudonym.|"
        "Residents without a recorded decision to disclose them to this very meeting.|"
        "Incident narratives and other free text from the log.|"
        "Staff names.|"
        "Police journal numbers (kept only inside the facility).|"
        "Information for investigating specific criminal cases (s. 115(2)); that goes through a "
        "separate police report.|"
        "Exact counts under 5 and counts that would reveal them."),
    # provenance
    "prov_report": ("Rapport", "Report"), "prov_period": ("Periode", "Period"),
    "prov_facilities": ("Tilbud", "Facilities"), "prov_filters": ("Filtre", "Filters"),
    "prov_no_filters": ("ingen – alle indsendte, godkendte og låste hændelser",
                        "none – all submitted, reviewed and locked incidents"),
    "prov_generated": ("Dannet", "Generated"), "prov_by": ("Dannet af", "Generated by"),
    "prov_taxonomy": ("Taksonomi", "Taxonomy"), "prov_program": ("Program", "Program"),
    "prov_compare": ("Sammenligning", "Comparison"),
    "prov_audit_head": ("Revisionslog (nyeste række)", "Audit log (newest row)"),
    "prov_audit_none": ("ingen rækker endnu", "no rows yet"),
    "prov_compare_text": ("{prev} og {year}", "{prev} and {year}"),
    "filter_types": ("typer", "types"), "filter_severities": ("alvorlighed", "severity"),
}

DEFINITIONS: tuple[tuple[str, str, str], ...] = (
    # (figure key, Danish, English)
    ("kpi_incidents",
     "Hændelser med status indsendt, godkendt eller låst, hvor hændelsen begyndte i perioden "
     "(lokal dansk tid). Kladder tælles aldrig. Hver hændelse tælles én gang, under sin primære "
     "type (typen med højest alvorlighed).",
     "Incidents with status submitted, reviewed or locked that began in the period (Danish local "
     "time). Drafts never count. Each incident counts once, under its primary type (the type with "
     "the highest severity)."),
    ("col_all_types",
     "Hver type, en hændelse er registreret med, tælles for sig; summen kan derfor være større "
     "end antallet af hændelser.",
     "Every type an incident carries counts on its own, so the sum can exceed the number of "
     "incidents."),
    ("col_prev",
     "Måneden før (for en hel måned), de samme dage af måneden før (for en måned, der ikke er "
     "slut ved dannelsen) eller lige så mange dage umiddelbart før perioden; «Året før» er de "
     "samme datoer et år tidligere. Samme filtre. Kun hændelser registreret senest ved dannelsen "
     "tælles, som de stod da. «Ingen data»: perioden sluttede før loggens første hændelse.",
     "The month before (for a whole month), the same days of the month before (for a month not "
     "over when generated) or as many days just before the period; “Year before” is the same "
     "dates a year earlier. Same filters. Only incidents registered by the time of generation "
     "count, as they stood then. “No data”: the period ended before the log's first incident."),
    ("col_shift",
     "Dag 07–15, aften 15–23, nat 23–07, efter klokkeslættet hændelsen begyndte.",
     "Day 07–15, evening 15–23, night 23–07, by the hour the incident began."),
    ("kpi_force",
     "Magtanvendelsessager (pligter) fra periodens hændelser. Overskredet: ikke lukket ved "
     "dannelsen og fristen er passeret. «Hvad er overskredet» viser alle pligter, der er "
     "overskredet ved dannelsen, uanset hvilken måned hændelsen hører til.",
     "Use-of-force cases (duties) raised by the period's incidents. Overdue: not closed when the "
     "report was generated and past the deadline. “What is overdue” lists every duty overdue when "
     "the report was generated, whatever month its incident belongs to."),
    ("kpi_injuries",
     "Registrerede skader på personale i periodens hændelser. EASY kræves ved fravær ud over "
     "skadesdagen og skal anmeldes senest 14 dage efter første fraværsdag.",
     "Injuries to staff recorded in the period's incidents. EASY is required for absence beyond "
     "the day of injury, within 14 days after the first day of absence."),
    ("kpi_drug",
     "Hændelser med typen DRG-DEAL (narkotikahandel observeret); sted og time er hvor og hvornår "
     "observationen begyndte.",
     "Incidents of type DRG-DEAL (drug dealing observed); place and hour are where and when the "
     "observation began."),
    ("kpi_police",
     "Hændelser med politikontakt: politiet blev tilkaldt, kom af sig selv, anholdt nogen, eller "
     "der blev indgivet politianmeldelse. Tabellen viser netop disse hændelser. Anholdte er summen "
     "af anholdte personer; anmeldt er hændelser med politianmeldelse.",
     "Incidents with police contact: the police were called, came on their own, arrested someone, "
     "or a police report was filed. The table lists exactly these incidents. Arrests are the "
     "number of persons arrested; report is incidents with a police report filed."),
    ("bvc",
     "Højrisiko-dag: en beboer med en BVC-score over 2 på en vagtdato. Hændelser tælles på "
     "samme vagtdato (natten hører til den dag, vagten begyndte).",
     "High-risk day: a resident with a BVC score above 2 on a shift date. Incidents count on the "
     "same shift date (the night belongs to the day the shift began)."),
    ("actions",
     "PSP-handlingspunkter for tilbuddene i rapporten eller fælles for alle: åbne ved dannelsen, "
     "eller lukket i perioden.",
     "PSP action items of the facilities in the report or shared by all: open when generated, or "
     "closed during the period."),
)


def text(language: str, key: str, **values: object) -> str:
    da, en = _TEXTS[key]
    template = da if language == "da" else en
    return template.format(**values) if values else template


def counted(language: str, key: str, n: int, **values: object) -> str:
    """``key`` worded for ``n``: the ``_one`` form for exactly one ("1 anden opgave")."""
    return text(language, f"{key}_one" if n == 1 and f"{key}_one" in _TEXTS else key, n=n, **values)


def items(language: str, key: str) -> list[str]:
    return text(language, key).split("|")


def definition_rows(language: str, keys: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    return [(text(language, key), da if language == "da" else en) for key, da, en in DEFINITIONS
            if keys is None or key in keys]


def number(language: str, value: int) -> str:
    raw = f"{value:,}"
    return raw.replace(",", ".") if language == "da" else raw


def signed(language: str, delta: int) -> str:
    if delta == 0:
        return "±0"
    return ("+" if delta > 0 else "−") + number(language, abs(delta))


def month_name(language: str, month: int) -> str:
    return MONTHS[language][month - 1]


def long_date(language: str, day: date) -> str:
    if language == "da":
        return f"{day.day}. {month_name('da', day.month)} {day.year}"
    return f"{day.day} {month_name('en', day.month)} {day.year}"


def short_date(language: str, day: date | None) -> str:
    if day is None:
        return "–"
    return day.strftime("%d.%m.%Y") if language == "da" else day.isoformat()


def validity(language: str, start: date | None, end: date | None) -> str:
    if start and end:
        return f"{short_date(language, start)} – {short_date(language, end)}"
    if start:
        return ("fra " if language == "da" else "from ") + short_date(language, start)
    if end:
        return ("til " if language == "da" else "until ") + short_date(language, end)
    return "–"


def moment(language: str, instant: datetime | None) -> str:
    """A UTC instant as Copenhagen wall-clock time."""
    if instant is None:
        return "–"
    local = instant.astimezone(_COPENHAGEN)
    joiner = " kl. " if language == "da" else " at "
    return short_date(language, local.date()) + joiner + local.strftime("%H:%M")


def period(language: str, start: date, end: date) -> str:
    if start.day == 1 and _is_month_end(end) and (start.year, start.month) == (end.year, end.month):
        return f"{month_name(language, start.month)} {start.year}"
    return f"{short_date(language, start)} – {short_date(language, end)}"


def _is_month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def state(language: str, code: str) -> str:
    key = f"state_{code}"
    return text(language, key) if key in _TEXTS else code


def status(language: str, code: str) -> str:
    key = f"status_{code}"
    return text(language, key) if key in _TEXTS else code


SHIFTS = {"day": ("Dag", "Day"), "evening": ("Aften", "Evening"), "night": ("Nat", "Night")}
SEVERITIES = {"S1": ("S1 Lav", "S1 Low"), "S2": ("S2 Moderat", "S2 Moderate"),
              "S3": ("S3 Alvorlig", "S3 Serious"), "S4": ("S4 Kritisk", "S4 Critical")}
DUTY_KINDS = {
    "force_case": ("Magtanvendelse (indberetning)", "Use of force (report)"),
    "force_combined": ("Forhåndsgodkendte indgreb (samlet registrering)",
                       "Pre-approved interventions (combined registration)"),
    "police_decision": ("Politianmeldelse inden 72 timer", "Police report within 72 hours"),
    "work_injury": ("Arbejdsskade (EASY)", "Work injury (EASY)"),
    "police_report": ("Politianmeldelse", "Police report"),
    "dpsd_reminder": ("Utilsigtet hændelse (DPSD)", "Adverse event (DPSD)"),
    "psp_relevant": ("PSP-relevant", "PSP relevant"),
}
ACTIVITIES = {
    "sale": ("Salg", "Sale"), "handover": ("Overlevering", "Handover"),
    "unknown_visitors": ("Ukendte besøgende", "Unknown visitors"), "cash": ("Kontanter", "Cash"),
    "paraphernalia": ("Remedier", "Paraphernalia"), "intoxication": ("Påvirkning", "Intoxication"),
    "other": ("Andet", "Other"),
}
INJURY_LEVELS = {
    "none": ("Ingen", "None"), "felt_threatened": ("Følte sig truet", "Felt threatened"),
    "pain_short": ("Smerte < 10 min", "Pain < 10 min"), "pain_long": ("Smerte > 10 min", "Pain > 10 min"),
    "visible_injury": ("Synlig skade", "Visible injury"),
    "treatment_non_physician": ("Behandling (ikke læge)", "Treatment (non-physician)"),
    "treatment_physician": ("Lægebehandling", "Physician treatment"),
    "hospital": ("Hospital", "Hospital"), "death": ("Død", "Death"),
}


def pick(table: dict[str, tuple[str, str]], language: str, code: str) -> str:
    pair = table.get(code)
    if pair is None:
        return code
    return pair[0] if language == "da" else pair[1]
