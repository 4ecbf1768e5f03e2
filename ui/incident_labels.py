"""Words for the codes an incident carries: flags, duty kinds and states, versions, notes.

The core stores codes; these tables word them (translated in the "IncidentLabels" context). An
unknown code is shown as it is, so a new duty kind never hides a duty.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from safetylog.classification.duties import deadline_source, is_confirmed, source_line
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "IncidentLabels"

FLAGS = {
    "soas_r": QT_TRANSLATE_NOOP("IncidentLabels", "Aggression columns (SOAS-R)"),
    "magtanvendelse": QT_TRANSLATE_NOOP("IncidentLabels", "Use of force"),
    "easy_report": QT_TRANSLATE_NOOP("IncidentLabels", "Work injury (EASY)"),
    "uth": QT_TRANSLATE_NOOP("IncidentLabels", "Adverse event (DPSD)"),
    "police_report": QT_TRANSLATE_NOOP("IncidentLabels", "Police report"),
    "psp_relevant": QT_TRANSLATE_NOOP("IncidentLabels", "Relevant to PSP"),
    "notify_leader_now": QT_TRANSLATE_NOOP("IncidentLabels", "Tell the manager now"),
}

DUTY_KINDS = {
    "force_case": QT_TRANSLATE_NOOP("IncidentLabels", "Use-of-force report"),
    "force_combined": QT_TRANSLATE_NOOP("IncidentLabels",
                                        "Pre-approved interventions: combined registration"),
    "police_decision": QT_TRANSLATE_NOOP("IncidentLabels",
                                         "Police report within 72 hours, or a reasoned note"),
    "work_injury": QT_TRANSLATE_NOOP("IncidentLabels", "Work injury report (EASY)"),
    "police_report": QT_TRANSLATE_NOOP("IncidentLabels", "Police report"),
    "dpsd_reminder": QT_TRANSLATE_NOOP("IncidentLabels", "Adverse event report (DPSD)"),
    "psp_relevant": QT_TRANSLATE_NOOP("IncidentLabels", "Note for the PSP meeting"),
}

DUTY_STATES = {
    "open": QT_TRANSLATE_NOOP("IncidentLabels", "Open"),
    "in_progress": QT_TRANSLATE_NOOP("IncidentLabels", "In progress"),
    "done": QT_TRANSLATE_NOOP("IncidentLabels", "Done"),
    "overdue": QT_TRANSLATE_NOOP("IncidentLabels", "Overdue"),
    "not_required": QT_TRANSLATE_NOOP("IncidentLabels", "Not required"),
}

VERSION_KINDS = {
    "original": QT_TRANSLATE_NOOP("IncidentLabels", "Original"),
    "correction": QT_TRANSLATE_NOOP("IncidentLabels", "Correction"),
    "reclassification": QT_TRANSLATE_NOOP("IncidentLabels", "Reclassification"),
    "review": QT_TRANSLATE_NOOP("IncidentLabels", "Signed off"),
}

NOTE_KINDS = {
    "addendum": QT_TRANSLATE_NOOP("IncidentLabels", "Addendum"),
    "correction_request": QT_TRANSLATE_NOOP("IncidentLabels", "Correction request"),
    "review_note": QT_TRANSLATE_NOOP("IncidentLabels", "Review note"),
}

YES_NO = {
    True: QT_TRANSLATE_NOOP("IncidentLabels", "Yes"),
    False: QT_TRANSLATE_NOOP("IncidentLabels", "No"),
}


def word(table: dict[str, str] | dict[bool, str], code: object) -> str:
    source = table.get(code)  # type: ignore[call-overload]
    return QCoreApplication.translate(CONTEXT, source) if source else str(code)


NOT_CONFIRMED = QT_TRANSLATE_NOOP("IncidentLabels", "deadline not legally confirmed")


def deadline_source_text(details: dict[str, Any]) -> str:
    """The legal source of the deadline that matters now, as the duty keeps it, and "deadline not
    legally confirmed" until a lawyer or the DPO has confirmed it; empty for a duty opened before
    the rules files, which recorded no source."""
    source = deadline_source(details)
    if source is None:
        return ""
    text = source_line(source)
    if is_confirmed(source):
        return text
    return f"{text} – {QCoreApplication.translate(CONTEXT, NOT_CONFIRMED)}"


def duty_state(state: str, due_at: datetime | None, now: datetime) -> str:
    """The state as the user should read it: an open duty past its deadline is overdue."""
    if state in ("open", "in_progress") and due_at is not None and due_at < now:
        return "overdue"
    return state
