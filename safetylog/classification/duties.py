"""The duties an incident opens, with their deadlines, from a versioned rules file. Pure functions.

Which duty opens, when it is due, from which moment, and the legal source of each deadline are
data (``resources/rules/duties-*.toml``, see ``duty_rules``); what each kind records is code. A
duty keeps the rules version it was opened under and a copy of its deadlines' sources, so it
reads the same after a new rules file is installed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from safetylog.classification.duty_kinds import (
    CLOSED_STATES,
    DUTY_LABELS,
    OPEN_STATES,
    DutyKind,
    DutyState,
)
from safetylog.classification.duty_rules import (
    Anchor,
    Deadline,
    DutyRule,
    RuleBook,
    book_for_day,
    shipped_rules,
)
from safetylog.classification.rules import force_measures
from safetylog.classification.severity import Classification
from safetylog.classification.workdays import end_of_local_day
from safetylog.domain.enums import InjuredPartyKind, InjuryLevel, Measure
from safetylog.domain.records import IncidentInput, Injury
from safetylog.domain.timeutil import as_utc, local_stamp

__all__ = ["CLOSED_STATES", "DUTY_LABELS", "OPEN_STATES", "DutyKind", "DutySpec", "DutyState",
           "deadline_source", "duties_for", "duty_key", "is_confirmed", "next_due", "rules_for_incident",
           "source_line"]


@dataclass(frozen=True, slots=True)
class DutySpec:
    kind: str
    due_at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)
    state: str = DutyState.OPEN.value
    rules_version: str = ""


PROVISION_OF_MEASURE = {Measure.HOLD_124C: "124c", Measure.HOLD_124D: "124d",
                        Measure.SELF_DEFENCE: "self_defence"}
FORCE_TYPE = "FRC"
PRE_APPROVED = "pre_approved"
COMBINED = "combined_registration"
STAFF_TARGET = "staff"  # the aggression column's option code for staff


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def rules_for_incident(incident: IncidentInput, books: dict[str, RuleBook] | None = None) -> RuleBook:
    """The rules in effect on the day the incident happened."""
    return book_for_day(shipped_rules() if books is None else books,
                        local_stamp(incident.occurred_start).local_date)


def _anchor(deadline: Deadline, incident: IncidentInput, registered_at: datetime,
            day: date | None = None) -> datetime | date | None:
    if deadline.anchor is Anchor.EPISODE_START:
        return as_utc(incident.occurred_start)
    if deadline.anchor is Anchor.EPISODE_END:
        return as_utc(incident.occurred_end or incident.occurred_start)
    if deadline.anchor is Anchor.REGISTERED:
        return registered_at
    return day  # first absence day / decision expiry: a date on the injury or the duty


def _due(rule: DutyRule, case: str, incident: IncidentInput, registered_at: datetime,
         day: date | None = None) -> datetime | None:
    deadline = rule.deadline(case)
    if deadline is None:
        return None
    anchor = _anchor(deadline, incident, registered_at, day)
    return deadline.due(anchor) if anchor is not None else None


def _sources(rule: DutyRule, *cases: str) -> dict[str, Any]:
    return {c: d.snapshot() for c in cases if (d := rule.deadline(c)) is not None}


def force_provisions(incident: IncidentInput) -> list[str]:
    provisions: list[str] = []
    subtype = next((c.subtype for c in incident.types if c.code == FORCE_TYPE), None)
    if subtype:
        provisions.append(subtype)
    provisions += [PROVISION_OF_MEASURE[m] for m in force_measures(incident)
                   if PROVISION_OF_MEASURE[m] not in provisions]
    return provisions


def _type_matches(wanted: frozenset[str], incident: IncidentInput) -> bool:
    return any(c.code in wanted or f"{c.code}/{c.subtype}" in wanted for c in incident.types)


def _staff_targeted(incident: IncidentInput) -> bool:
    targets = incident.violence.target if incident.violence is not None else ()
    return STAFF_TARGET in targets or any(i.party is InjuredPartyKind.STAFF for i in incident.injuries)


def _triggered(rule: DutyRule, flags: frozenset[str], incident: IncidentInput) -> bool:
    trigger = rule.trigger
    provisions = force_provisions(incident)
    if trigger.force:
        pre_approved = provisions == [PRE_APPROVED]
        if (trigger.force == PRE_APPROVED) != pre_approved:
            return False
    if trigger.flags & flags:
        return True
    if _type_matches(trigger.types, incident):
        return True
    return _type_matches(trigger.staff_target_types, incident) and _staff_targeted(incident)


def _force_case(rule: DutyRule, book: RuleBook, incident: IncidentInput,
                registered_at: datetime) -> DutySpec:
    provisions = force_provisions(incident)
    registration = _due(rule, "registration", incident, registered_at)
    forwarding = _due(rule, "forwarding", incident, registered_at)
    forms = sorted({book.provisions.get(p, "1") for p in provisions}) or ["1"]
    return DutySpec(DutyKind.FORCE_CASE.value, registration, {
        "case": "acute", "provisions": provisions, "sbst_form": forms[0],
        "registration_due": _iso(registration), "forwarding_due": _iso(forwarding),
        "deadline_case": "registration", "sources": _sources(rule, "registration", "forwarding"),
    })


def _force_combined(rule: DutyRule, book: RuleBook, incident: IncidentInput) -> DutySpec:
    resident = next((r.resident_id for r in incident.residents if r.resident_id is not None), None)
    return DutySpec(DutyKind.FORCE_COMBINED.value, None, {
        "case": PRE_APPROVED, "provisions": [PRE_APPROVED],
        "sbst_form": book.provisions.get(PRE_APPROVED, "2"), "resident_id": resident,
        "recorded_count": 1, "deadline_case": "combined_registration",
        "sources": _sources(rule, "combined_registration"),
    })


def _injury_case(injury: Injury) -> str:
    if injury.level is InjuryLevel.DEATH:
        return "death"
    return "absence" if injury.first_absence_day is not None else "claim"


def _work_injuries(rule: DutyRule, incident: IncidentInput, registered_at: datetime) -> list[DutySpec]:
    accident_day = local_stamp(incident.occurred_start).local_date
    specs: list[DutySpec] = []
    seen: set[int | None] = set()
    qualifying = [i for i in incident.injuries if i.party is InjuredPartyKind.STAFF and (
        i.first_absence_day is not None or i.level.rank >= InjuryLevel.TREATMENT_PHYSICIAN.rank)]
    for injury in qualifying:
        if injury.user_id in seen:
            continue
        seen.add(injury.user_id)
        case = _injury_case(injury)
        due = _due(rule, case, incident, registered_at, injury.first_absence_day)
        specs.append(DutySpec(DutyKind.WORK_INJURY.value, due, {
            "user_id": injury.user_id,
            "basis": {"absence": "absence", "claim": "possible_claim", "death": "death"}[case],
            "accident_date": accident_day.isoformat(),
            "first_absence_day": injury.first_absence_day.isoformat() if injury.first_absence_day else None,
            "injury_level": injury.level.value, "body_part": injury.body_part,
            "deadline_case": case, "sources": _sources(rule, case),
        }))
    if not specs:  # the flag came from the taxonomy, not from a recorded staff injury
        specs.append(DutySpec(DutyKind.WORK_INJURY.value, _due(rule, "claim", incident, registered_at), {
            "user_id": None, "basis": "type", "accident_date": accident_day.isoformat(),
            "first_absence_day": None, "deadline_case": "claim", "sources": _sources(rule, "claim"),
        }))
    return specs


def _single(rule: DutyRule, case: str | None, incident: IncidentInput, registered_at: datetime,
            extra: dict[str, Any] | None = None, state: str = DutyState.OPEN.value) -> DutySpec:
    details: dict[str, Any] = dict(extra or {})
    if case is not None:
        details.update(deadline_case=case, sources=_sources(rule, case))
    due = _due(rule, case, incident, registered_at) if case is not None else None
    return DutySpec(rule.kind.value, due, details, state)


def _specs(rule: DutyRule, book: RuleBook, incident: IncidentInput,
           registered_at: datetime) -> list[DutySpec]:
    journal = incident.police.journal_no if incident.police is not None else ""
    match rule.kind:
        case DutyKind.FORCE_CASE:
            return [_force_case(rule, book, incident, registered_at)]
        case DutyKind.FORCE_COMBINED:
            return [_force_combined(rule, book, incident)]
        case DutyKind.WORK_INJURY:
            return _work_injuries(rule, incident, registered_at)
        case DutyKind.POLICE_DECISION:
            return [_single(rule, "decision", incident, registered_at,
                            {"journal_no": journal} if journal else {})]
        case DutyKind.POLICE_REPORT:
            return [_single(rule, "journal", incident, registered_at, {"journal_no": journal},
                            DutyState.DONE.value if journal else DutyState.OPEN.value)]
        case DutyKind.DPSD_REMINDER:
            mandatory = _type_matches(rule.trigger.mandatory_types, incident)
            return [_single(rule, "report", incident, registered_at, {"mandatory": mandatory})]
        case DutyKind.PSP_RELEVANT:
            return [_single(rule, None, incident, registered_at)]


def duties_for(classification: Classification, incident: IncidentInput, registered_at: datetime,
               book: RuleBook | None = None) -> tuple[DutySpec, ...]:
    """The duties ``book`` (default: the shipped rules in effect on the incident's day) opens for
    the classified incident, in the file's order, each stamped with the rules version."""
    book = book or rules_for_incident(incident)
    flags = frozenset(classification.flags)
    opened = [rule for rule in book.rules if _triggered(rule, flags, incident)]
    kinds = {rule.kind.value for rule in opened}
    specs: list[DutySpec] = []
    for rule in opened:
        if rule.trigger.not_with & kinds:
            continue
        specs += [DutySpec(s.kind, s.due_at, s.details, s.state, book.version)
                  for s in _specs(rule, book, incident, registered_at)]
    return tuple(specs)


def duty_key(kind: str, details: dict[str, Any]) -> tuple[str, object]:
    """What makes two duties the same: the kind, and for work injuries the injured staff member."""
    return (kind, details.get("user_id") if kind == DutyKind.WORK_INJURY.value else None)


def _moment(value: Any) -> datetime | None:
    return as_utc(datetime.fromisoformat(value)) if isinstance(value, str) and value else None


def next_due(kind: DutyKind, details: dict[str, Any], current: datetime | None,
             rule: DutyRule | None) -> tuple[datetime | None, str | None]:
    """The deadline that matters now and its case: a force case's registration, then its
    forwarding; a combined registration's decision expiry once it is recorded."""
    expires = details.get("decision_expires_on")
    if kind is DutyKind.FORCE_CASE:
        if not details.get("registered_at") and details.get("registration_due"):
            return _moment(details["registration_due"]), "registration"
        if details.get("forwarding_due"):
            return _moment(details["forwarding_due"]), "forwarding"
        if expires and details.get("case") == PRE_APPROVED:  # opened before force_combined existed
            return _end_of(rule, COMBINED, date.fromisoformat(expires)), COMBINED
        return None, None
    if kind is DutyKind.FORCE_COMBINED:
        if not expires:
            return None, COMBINED  # no deadline until the decision's expiry is recorded
        return _end_of(rule, COMBINED, date.fromisoformat(expires)), COMBINED
    return current, details.get("deadline_case")


def _end_of(rule: DutyRule | None, case: str, day: date) -> datetime:
    deadline = rule.deadline(case) if rule is not None else None
    return deadline.due(day) if deadline is not None else end_of_local_day(day)


def deadline_source(details: dict[str, Any]) -> dict[str, Any] | None:
    """The source of the deadline that matters now, as the duty keeps it; None before versioned
    rules (a duty opened then has no recorded source)."""
    sources = details.get("sources")
    case = details.get("deadline_case")
    if not isinstance(sources, dict) or not sources:
        return None
    found = sources.get(case) if case else None
    return found if isinstance(found, dict) else next(iter(sources.values()))


def source_line(source: dict[str, Any]) -> str:
    """One line: act, paragraph (guidance; date)."""
    head = ", ".join(str(source[k]) for k in ("act", "paragraph") if source.get(k))
    tail = "; ".join(str(source[k]) for k in ("guidance", "date") if source.get(k))
    return f"{head} ({tail})" if tail else head


def is_confirmed(source: dict[str, Any] | None) -> bool:
    return bool(source and source.get("confirmed_by") and source.get("confirmed_on"))
