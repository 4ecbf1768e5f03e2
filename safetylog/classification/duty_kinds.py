"""The kinds of duty SafetyLog knows and the states a duty moves through.

The rules file (``resources/rules/duties-*.toml``) says when each kind opens and when it is due;
the kinds themselves, their fields and how their deadlines are computed live in code.
"""

from __future__ import annotations

from enum import StrEnum


class DutyKind(StrEnum):
    FORCE_CASE = "force_case"
    FORCE_COMBINED = "force_combined"
    POLICE_DECISION = "police_decision"
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
    DutyKind.FORCE_COMBINED: ("Forhåndsgodkendt indgreb: samlet registrering (skema 2)",
                              "Pre-approved intervention: combined registration (form 2)"),
    DutyKind.POLICE_DECISION: ("Politianmeldelse inden 72 timer: anmeld eller begrund undladelse",
                               "Police report within 72 hours: report or give reasons not to"),
    DutyKind.WORK_INJURY: ("Arbejdsskade: anmeldelse i EASY", "Work injury: report in EASY"),
    DutyKind.POLICE_REPORT: ("Politianmeldelse: journalnummer", "Police report: journal number"),
    DutyKind.DPSD_REMINDER: ("Utilsigtet hændelse: rapportér i DPSD", "Adverse event: report in DPSD"),
    DutyKind.PSP_RELEVANT: ("PSP: tages op på næste møde", "PSP: raise at the next meeting"),
}

# The deadlines each kind has, by case; a rules file must give every one of them.
DEADLINE_CASES: dict[DutyKind, tuple[str, ...]] = {
    DutyKind.FORCE_CASE: ("registration", "forwarding"),
    DutyKind.FORCE_COMBINED: ("combined_registration",),
    DutyKind.POLICE_DECISION: ("decision",),
    DutyKind.WORK_INJURY: ("absence", "claim", "death"),
    DutyKind.POLICE_REPORT: ("journal",),
    DutyKind.DPSD_REMINDER: ("report",),
    DutyKind.PSP_RELEVANT: (),
}

# The force provisions a duty may name (Serviceloven afsnit VII; domain brief § 11.4), and nødret/
# nødværge or force without legal basis, which must be registered too.
PROVISIONS = ("124c", "124d", "136a", "136c", "136d", "self_defence", "no_basis", "pre_approved")


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
