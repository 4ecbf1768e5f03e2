"""The fields a manager fills in to follow a duty to the end, and their checks.

Values are stored in the duty's JSON ``details``: dates as ISO dates, moments as ISO date-times
with offset, checks as true, counts as whole numbers. Which fields close a duty is the rules
file's ``closes_with``. The police journal number is restricted: only roles that may read it may
see or set it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from safetylog.classification.duty_kinds import PROVISIONS, DutyKind
from safetylog.domain.timeutil import to_local
from safetylog.domain.validation import SHORT_LIMIT, TEXT_LIMIT, Checker


@dataclass(frozen=True, slots=True)
class DutyField:
    name: str
    kind: str  # "date" | "moment" | "text" | "choice" | "check" | "count"
    label_da: str
    label_en: str
    choices: tuple[str, ...] = ()
    restricted: bool = False  # the police journal number

    def label(self, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


_NOTE = DutyField("note", "text", "Bemærkning", "Note")

FIELDS: dict[DutyKind, tuple[DutyField, ...]] = {
    DutyKind.FORCE_CASE: (
        DutyField("registered_at", "moment", "Registreret af personalet", "Registered by staff"),
        DutyField("leader_received_on", "date", "Modtaget af lederen", "Received by the manager"),
        DutyField("sent_to_handlekommune_on", "date", "Sendt til handlekommunen",
                  "Sent to the resident's municipality"),
        DutyField("sent_to_socialtilsyn_on", "date", "Sendt til socialtilsynet", "Sent to socialtilsynet"),
        DutyField("driftsherre_informed_on", "date", "Driftsherren orienteret", "Operator informed"),
        DutyField("relatives_informed_on", "date", "Pårørende/værge orienteret",
                  "Relatives/guardian informed"),
        DutyField("relatives_note", "text", "Hvis pårørende ikke orienteres: hvorfor",
                  "If relatives are not informed: why"),
        DutyField("legal_basis", "choice", "Hjemmel (§)", "Legal basis (§)", choices=PROVISIONS),
        DutyField("sbst_form", "choice", "SBST-skema nr.", "SBST form no.", choices=("1", "2", "4")),
        DutyField("sbst_reference", "text", "Reference til det indsendte skema",
                  "Reference of the filed form"),
        DutyField("decision_expires_on", "date", "Afgørelsen udløber (forhåndsgodkendt)",
                  "Decision expires (pre-approved)"),
        _NOTE,
    ),
    DutyKind.FORCE_COMBINED: (
        DutyField("decision_reference", "text", "Kommunens afgørelse (reference)",
                  "The municipal decision (reference)"),
        DutyField("decision_expires_on", "date", "Afgørelsen udløber", "The decision expires"),
        DutyField("estimated_count", "count", "Skønnet antal gange indgrebet er brugt",
                  "Estimated number of times the measure was used"),
        DutyField("sent_to_handlekommune_on", "date", "Sendt til handlekommunen",
                  "Sent to the resident's municipality"),
        DutyField("sent_to_socialtilsyn_on", "date", "Sendt til socialtilsynet", "Sent to socialtilsynet"),
        DutyField("sbst_reference", "text", "Reference til det indsendte skema 2",
                  "Reference of the filed form 2"),
        _NOTE,
    ),
    DutyKind.POLICE_DECISION: (
        DutyField("report_filed_on", "date", "Anmeldt til politiet", "Reported to the police"),
        DutyField("journal_no", "text", "Politiets journalnummer", "Police journal number",
                  restricted=True),
        DutyField("receipt_kept", "check", "Politiets kvittering er gemt", "The police receipt is kept"),
        DutyField("dispensation_by", "text", "Undladelse besluttet af (navn og stilling)",
                  "Not reporting decided by (name and position)"),
        DutyField("dispensation_on", "date", "Undladelse besluttet den", "Not reporting decided on"),
        DutyField("dispensation_reasons", "text",
                  "Individuel begrundelse for ikke at anmelde (denne episode, denne medarbejder)",
                  "Individual reasons not to report (this episode, this employee)"),
        _NOTE,
    ),
    DutyKind.WORK_INJURY: (
        DutyField("job_type", "text", "Stillingsbetegnelse", "Job type"),
        DutyField("employment_start", "date", "Ansat siden", "Employed since"),
        DutyField("injury_type", "text", "Skadens art", "Type of injury"),
        DutyField("body_part", "text", "Skadet legemsdel", "Injured body part"),
        DutyField("expected_incapacity", "text", "Forventet uarbejdsdygtighed", "Expected incapacity"),
        DutyField("contact_mode", "text", "Hvordan skaden skete (fx slag, bid, trussel)",
                  "How the injury happened (e.g. blow, bite, threat)"),
        DutyField("material_agent", "text", "Genstand involveret", "Object involved"),
        DutyField("amo_informed_on", "date", "Arbejdsmiljørepræsentant orienteret",
                  "Safety representative informed"),
        DutyField("easy_filed_on", "date", "Anmeldt i EASY", "Reported in EASY"),
        DutyField("easy_reference", "text", "EASY-kvitteringsnummer", "EASY receipt number"),
        _NOTE,
    ),
    DutyKind.POLICE_REPORT: (
        DutyField("report_filed_on", "date", "Anmeldt til politiet", "Reported to the police"),
        DutyField("journal_no", "text", "Politiets journalnummer", "Police journal number",
                  restricted=True),
        _NOTE,
    ),
    DutyKind.DPSD_REMINDER: (
        DutyField("dpsd_reported_on", "date", "Rapporteret i DPSD", "Reported in DPSD"),
        DutyField("dpsd_reference", "text", "DPSD-sagsnummer", "DPSD case number"),
        _NOTE,
    ),
    DutyKind.PSP_RELEVANT: (
        DutyField("considered_on", "date", "Behandlet på PSP-møde", "Discussed at a PSP meeting"),
        _NOTE,
    ),
}

RESTRICTED = frozenset(f.name for fields in FIELDS.values() for f in fields if f.restricted)


COUNT_LIMIT = 100_000
# Justitsministeriet's guidance (27 April 2016): not reporting needs the employer's individual,
# reasoned note. That the resident is placed because of their behaviour is no reason; nor is the
# job or the diagnosis in general. Reasons that say only that are refused.
GENERIC_REASONS = (
    "anbragt på grund af sin adfærd", "anbragt pga. sin adfærd", "anbragt på grund af adfærd",
    "anbragt pga adfærd", "bor her på grund af sin adfærd", "det er en del af jobbet",
    "en del af arbejdet", "beboerens diagnose", "på grund af sin diagnose", "pga. diagnose",
    "placed because of their behaviour", "placed because of behaviour", "placed because of his behaviour",
    "placed because of her behaviour", "part of the job", "because of the diagnosis",
)
MIN_REASON_CHARS = 40  # after the generic phrases are taken out


def _dispensation_reasons(check: Checker, value: object) -> str | None:
    text = check.text("dispensation_reasons", value, limit=TEXT_LIMIT)
    if not text:
        return None
    rest = text.lower()
    for phrase in GENERIC_REASONS:
        rest = rest.replace(phrase, " ")
    if sum(ch.isalnum() for ch in rest) < MIN_REASON_CHARS:
        check.add("dispensation_reasons", "dispensation_not_individual", minimum=MIN_REASON_CHARS)
        return None
    return text


def field_spec(kind: DutyKind, name: str) -> DutyField | None:
    return next((f for f in FIELDS[kind] if f.name == name), None)


def _clean(check: Checker, spec: DutyField, value: object, now: datetime) -> object:
    if value is None or value == "":
        return None
    today = to_local(now).date()
    if spec.name == "dispensation_reasons":
        return _dispensation_reasons(check, value)
    if spec.kind == "text":
        return check.text(spec.name, value, limit=TEXT_LIMIT if spec.name == "note" else SHORT_LIMIT) or None
    if spec.kind == "check":
        if not isinstance(value, bool):
            check.add(spec.name, "invalid_format", expected="true or false")
            return None
        return True if value else None
    if spec.kind == "count":
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= COUNT_LIMIT:
            check.add(spec.name, "out_of_range", low=1, high=COUNT_LIMIT)
            return None
        return value
    if spec.kind == "choice":
        if str(value) not in spec.choices:
            check.add(spec.name, "invalid_choice", value=str(value)[:40])
            return None
        return str(value)
    if spec.kind == "date":
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                check.add(spec.name, "invalid_format", expected="date (YYYY-MM-DD)")
                return None
        day = check.day(spec.name, value)
        if day is None:
            return None
        if day > today and spec.name != "decision_expires_on":
            check.add(spec.name, "future_time")
            return None
        return day.isoformat()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            check.add(spec.name, "invalid_format", expected="date and time")
            return None
    moment = check.moment(spec.name, value, now=now)
    return moment.isoformat() if moment is not None else None


def apply_changes(kind: DutyKind, details: dict[str, Any], changes: dict[str, object],
                  now: datetime, check: Checker) -> dict[str, Any]:
    """The details with ``changes`` applied; problems go to ``check`` (unknown fields too)."""
    result = dict(details)
    for name, value in changes.items():
        spec = field_spec(kind, name)
        if spec is None:
            check.add(name, "invalid_choice", value=str(name)[:40])
            continue
        clean = _clean(check, spec, value, now)
        if check.ok(name):
            if clean is None:
                result.pop(name, None)
            else:
                result[name] = clean
    return result


def missing_to_close(closes_with: tuple[tuple[str, ...], ...], details: dict[str, Any]) -> tuple[str, ...]:
    """What is still missing before the duty can close: nothing when any one set is complete,
    else the fields of the set nearest to complete."""
    missing = [tuple(name for name in names if not details.get(name)) for names in closes_with]
    return min(missing, key=len) if missing else ()
