"""The duties an incident's flags open, with their deadlines. Pure functions; the services store them.

Deadlines (configurable, see ``DeadlineSettings``):
- use of force (Serviceloven § 135 a): staff register it within 24 hours of the force; the
  manager forwards it to the resident's municipality and socialtilsynet by the end of the 3rd
  working day after the incident day (weekends and Danish public holidays do not count). A
  pre-approved measure is reported in a combined registration when the municipal decision
  expires, so its forwarding deadline is set once that date is recorded;
- EASY work-injury report: by the end of the 14th day after the first day of absence (or after
  the accident day when there is no absence but a claim is likely);
- police report journal number and DPSD report: a practical number of days after registration;
- PSP relevance: no deadline; it is settled at the next PSP meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from safetylog.classification.rules import force_measures
from safetylog.classification.severity import Classification
from safetylog.classification.workdays import add_working_days, end_of_local_day
from safetylog.domain.enums import InjuredPartyKind, InjuryLevel, Measure
from safetylog.domain.records import IncidentInput, Injury
from safetylog.domain.timeutil import as_utc, local_stamp, to_local


class DutyKind(StrEnum):
    FORCE_CASE = "force_case"
    WORK_INJURY = "work_injury"
    POLICE_REPORT = "police_report"
    DPSD_REMINDER = "dpsd_reminder"
    PSP_RELEVANT = "psp_relevant"

    def label(self, language: str) -> str:
        da, en = DUTY_LABELS[self]
        return da if language == "da" else en


DUTY_LABELS: dict[DutyKind, tuple[str, str]] = {
    DutyKind.FORCE_CASE: ("Magtanvendelse: registrering og indberetning",
                          "Use of force: registration and reporting"),
    DutyKind.WORK_INJURY: ("Arbejdsskade: anmeldelse i EASY", "Work injury: report in EASY"),
    DutyKind.POLICE_REPORT: ("Politianmeldelse: journalnummer", "Police report: journal number"),
    DutyKind.DPSD_REMINDER: ("Utilsigtet hændelse: rapportér i DPSD", "Adverse event: report in DPSD"),
    DutyKind.PSP_RELEVANT: ("PSP: tages op på næste møde", "PSP: raise at the next meeting"),
}


class DutyState(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_REQUIRED = "not_required"  # the manager judged it does not apply; a reason is kept

    @property
    def closed(self) -> bool:
        return self in (DutyState.DONE, DutyState.NOT_REQUIRED)


OPEN_STATES = (DutyState.OPEN.value, DutyState.IN_PROGRESS.value)
CLOSED_STATES = (DutyState.DONE.value, DutyState.NOT_REQUIRED.value)

FLAG_TO_DUTY = {
    "magtanvendelse": DutyKind.FORCE_CASE,
    "easy_report": DutyKind.WORK_INJURY,
    "police_report": DutyKind.POLICE_REPORT,
    "uth": DutyKind.DPSD_REMINDER,
    "psp_relevant": DutyKind.PSP_RELEVANT,
}


@dataclass(frozen=True, slots=True)
class DeadlineSettings:
    force_registration_hours: int = 24
    force_forwarding_working_days: int = 3
    easy_report_days: int = 14
    police_journal_days: int = 7  # 0: no deadline
    dpsd_report_days: int = 7  # 0: no deadline
    customary_days_off: bool = False  # also skip 1 May, 5 June, 24 and 31 December


DEFAULT_DEADLINES = DeadlineSettings()


@dataclass(frozen=True, slots=True)
class DutySpec:
    kind: str
    due_at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)
    state: str = DutyState.OPEN.value


PROVISION_OF_MEASURE = {Measure.HOLD_124C: "124c", Measure.HOLD_124D: "124d",
                        Measure.SELF_DEFENCE: "self_defence"}
FORCE_TYPE = "FRC"
PRE_APPROVED = "pre_approved"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def forwarding_due(incident_day: date, settings: DeadlineSettings) -> datetime:
    last = add_working_days(incident_day, settings.force_forwarding_working_days,
                            customary_days_off=settings.customary_days_off)
    return end_of_local_day(last)


def force_case(incident: IncidentInput, settings: DeadlineSettings) -> DutySpec:
    provisions: list[str] = []
    subtype = next((c.subtype for c in incident.types if c.code == FORCE_TYPE), None)
    if subtype:
        provisions.append(subtype)
    provisions += [PROVISION_OF_MEASURE[m] for m in force_measures(incident)
                   if PROVISION_OF_MEASURE[m] not in provisions]
    pre_approved = provisions == [PRE_APPROVED]
    ended = as_utc(incident.occurred_end or incident.occurred_start)
    registration = ended + timedelta(hours=settings.force_registration_hours)
    forwarding = None if pre_approved else forwarding_due(local_stamp(incident.occurred_start).local_date,
                                                          settings)
    return DutySpec(DutyKind.FORCE_CASE.value, registration, {
        "case": "pre_approved" if pre_approved else "acute",
        "provisions": provisions,
        "sbst_form": "2" if pre_approved else "1",
        "registration_due": _iso(registration),
        "forwarding_due": _iso(forwarding),
    })


def _easy_due(day: date, settings: DeadlineSettings) -> datetime:
    return end_of_local_day(day + timedelta(days=settings.easy_report_days))


def work_injuries(incident: IncidentInput, settings: DeadlineSettings) -> list[DutySpec]:
    accident_day = local_stamp(incident.occurred_start).local_date
    specs: list[DutySpec] = []
    seen: set[int | None] = set()
    qualifying: list[Injury] = [
        i for i in incident.injuries if i.party is InjuredPartyKind.STAFF and (
            i.first_absence_day is not None or i.level.rank >= InjuryLevel.TREATMENT_PHYSICIAN.rank)
    ]
    for injury in qualifying:
        if injury.user_id in seen:
            continue
        seen.add(injury.user_id)
        basis_day = injury.first_absence_day or accident_day
        specs.append(DutySpec(DutyKind.WORK_INJURY.value, _easy_due(basis_day, settings), {
            "user_id": injury.user_id,
            "basis": "absence" if injury.first_absence_day else "possible_claim",
            "accident_date": accident_day.isoformat(),
            "first_absence_day": injury.first_absence_day.isoformat() if injury.first_absence_day else None,
            "injury_level": injury.level.value,
            "body_part": injury.body_part,
        }))
    if not specs:  # the flag came from the taxonomy, not from a recorded staff injury
        specs.append(DutySpec(DutyKind.WORK_INJURY.value, _easy_due(accident_day, settings), {
            "user_id": None, "basis": "type", "accident_date": accident_day.isoformat(),
            "first_absence_day": None,
        }))
    return specs


def _days_after(registered_at: datetime, days: int) -> datetime | None:
    if days <= 0:
        return None
    return end_of_local_day(to_local(registered_at).date() + timedelta(days=days))


def police_report(incident: IncidentInput, registered_at: datetime,
                  settings: DeadlineSettings) -> DutySpec:
    journal = incident.police.journal_no if incident.police is not None else ""
    state = DutyState.DONE.value if journal else DutyState.OPEN.value
    return DutySpec(DutyKind.POLICE_REPORT.value, _days_after(registered_at, settings.police_journal_days),
                    {"journal_no": journal}, state)


def duties_for(classification: Classification, incident: IncidentInput, registered_at: datetime,
               settings: DeadlineSettings = DEFAULT_DEADLINES) -> tuple[DutySpec, ...]:
    """The duties the classification's flags open, in a fixed order."""
    kinds = {FLAG_TO_DUTY[f] for f in classification.flags if f in FLAG_TO_DUTY}
    specs: list[DutySpec] = []
    if DutyKind.FORCE_CASE in kinds:
        specs.append(force_case(incident, settings))
    if DutyKind.WORK_INJURY in kinds:
        specs.extend(work_injuries(incident, settings))
    if DutyKind.POLICE_REPORT in kinds:
        specs.append(police_report(incident, registered_at, settings))
    if DutyKind.DPSD_REMINDER in kinds:
        specs.append(DutySpec(DutyKind.DPSD_REMINDER.value,
                              _days_after(registered_at, settings.dpsd_report_days), {}))
    if DutyKind.PSP_RELEVANT in kinds:
        specs.append(DutySpec(DutyKind.PSP_RELEVANT.value, None, {}))
    return tuple(specs)


def duty_key(kind: str, details: dict[str, Any]) -> tuple[str, object]:
    """What makes two duties the same: the kind, and for work injuries the injured staff member."""
    return (kind, details.get("user_id") if kind == DutyKind.WORK_INJURY.value else None)
