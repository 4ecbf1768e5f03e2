"""The fields a manager fills in to follow a duty to the end, their checks, and when it is done.

Values are stored in the duty's JSON ``details``: dates as ISO dates, moments as ISO date-times
with offset. The police journal number is restricted: only roles that may read it may see or set it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from safetylog.classification.duties import DutyKind
from safetylog.classification.workdays import end_of_local_day
from safetylog.domain.timeutil import as_utc, to_local
from safetylog.domain.validation import SHORT_LIMIT, TEXT_LIMIT, Checker


@dataclass(frozen=True, slots=True)
class DutyField:
    name: str
    kind: str  # "date" | "moment" | "text" | "choice"
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
        DutyField("sbst_form", "choice", "SBST-skema nr.", "SBST form no.", choices=("1", "2", "4")),
        DutyField("sbst_reference", "text", "Reference til det indsendte skema",
                  "Reference of the filed form"),
        DutyField("decision_expires_on", "date", "Afgørelsen udløber (forhåndsgodkendt)",
                  "Decision expires (pre-approved)"),
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

REQUIRED_TO_CLOSE: dict[DutyKind, tuple[str, ...]] = {
    DutyKind.FORCE_CASE: ("registered_at", "sent_to_handlekommune_on", "sent_to_socialtilsyn_on",
                          "sbst_form", "sbst_reference"),
    DutyKind.WORK_INJURY: ("easy_filed_on", "easy_reference"),
    DutyKind.POLICE_REPORT: ("journal_no",),
    DutyKind.DPSD_REMINDER: ("dpsd_reported_on",),
    DutyKind.PSP_RELEVANT: ("considered_on",),
}

RESTRICTED = frozenset(f.name for fields in FIELDS.values() for f in fields if f.restricted)


def field_spec(kind: DutyKind, name: str) -> DutyField | None:
    return next((f for f in FIELDS[kind] if f.name == name), None)


def _clean(check: Checker, spec: DutyField, value: object, now: datetime) -> object:
    if value is None or value == "":
        return None
    today = to_local(now).date()
    if spec.kind == "text":
        return check.text(spec.name, value, limit=TEXT_LIMIT if spec.name == "note" else SHORT_LIMIT) or None
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


def missing_to_close(kind: DutyKind, details: dict[str, Any]) -> tuple[str, ...]:
    return tuple(name for name in REQUIRED_TO_CLOSE[kind] if not details.get(name))


def next_due(kind: DutyKind, details: dict[str, Any], current: datetime | None) -> datetime | None:
    """The deadline that matters now: for a force case, registration first, then forwarding."""
    if kind is not DutyKind.FORCE_CASE:
        return current
    if not details.get("registered_at") and details.get("registration_due"):
        return as_utc(datetime.fromisoformat(details["registration_due"]))
    if details.get("forwarding_due"):
        return as_utc(datetime.fromisoformat(details["forwarding_due"]))
    if details.get("decision_expires_on"):
        return end_of_local_day(date.fromisoformat(details["decision_expires_on"]))
    return None  # pre-approved: no deadline until the decision's expiry is recorded
