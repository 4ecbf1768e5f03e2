"""Flags with their reasons, and the duties they open (kinds, details, deadlines, order)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from safetylog.classification import classify
from safetylog.classification.duties import DutyKind, DutyState, duties_for
from safetylog.domain.enums import Measure
from safetylog.domain.records import OutsidePerson, PoliceContact, SeverityReason
from safetylog.domain.taxonomy import current_taxonomy
from tests.core.classification_cases import WHEN, hurt, incident

TAXONOMY = current_taxonomy()

# name, types, facts, the flag, (reason code, Danish, English) or None when it must not be raised
FLAG_CASES: list[tuple[str, tuple[str, ...], dict[str, Any], str, tuple[str, str, str] | None]] = [
    ("force measure without FRC", ("VIO-VRB",), {"measures": (Measure.HOLD_124C,)}, "magtanvendelse",
     ("flag:magtanvendelse:measures",
      "Der blev anvendt magt (fastholdelse eller føring væk efter § 124 c): magtanvendelsen skal "
      "registreres og indberettes.",
      "Force was used (holding or leading away under § 124 c): it must be registered and reported.")),
    ("guidance is not force", ("VIO-VRB",), {"measures": (Measure.GUIDANCE,)}, "magtanvendelse", None),
    ("staff absence", ("VIO-PHY/staff",),
     {"injuries": (hurt("staff", "visible_injury", absent_from=date(2026, 2, 11)),)}, "easy_report",
     ("flag:easy_report:absence",
      "En medarbejder har fravær efter skaden (første fraværsdag 2026-02-11): arbejdsskaden skal "
      "anmeldes i EASY.",
      "A staff member is absent after the injury (first day of absence 2026-02-11): the work injury "
      "must be reported in EASY.")),
    ("verbal abuse with absence is a work injury too", ("VIO-VRB/harassment",),
     {"injuries": (hurt("staff", "felt_threatened", absent_from=date(2026, 2, 12)),)}, "easy_report",
     ("flag:easy_report:absence",
      "En medarbejder har fravær efter skaden (første fraværsdag 2026-02-12): arbejdsskaden skal "
      "anmeldes i EASY.",
      "A staff member is absent after the injury (first day of absence 2026-02-12): the work injury "
      "must be reported in EASY.")),
    ("physician, no absence yet", ("VIO-PHY/staff",), {"injuries": (hurt("staff", "treatment_physician"),)},
     "easy_report",
     ("flag:easy_report:possible_claim",
      "En medarbejder fik en skade, der krævede lægebehandling: anmeld den i EASY, hvis den kan give "
      "krav på erstatning.",
      "A staff member got an injury that needed a physician: report it in EASY if it may lead to a "
      "compensation claim.")),
    ("a resident's injury is no work injury", ("VIO-PHY/resident",),
     {"injuries": (hurt("resident", "treatment_physician"),)}, "easy_report", None),
    ("police report filed", ("THF/from_staff",), {"police": PoliceContact(report_filed=True)},
     "police_report",
     ("flag:police_report:filed", "Der er indgivet politianmeldelse: notér journalnummeret.",
      "A police report was filed: record the journal number.")),
    ("fall is an adverse event", ("MED-EMG/fall",), {}, "uth",
     ("flag:uth:subtype:MED-EMG/fall",
      "«Akut sygdom/skade – Fald» kan være en utilsigtet hændelse i sundhedsfaglig opgaveløsning: "
      "overvej at rapportere den til DPSD.",
      "“Medical emergency – Fall” may be an adverse event in health-care tasks: consider reporting it "
      "to DPSD.")),
    ("suicide attempt is an adverse event", ("SH/attempt",), {}, "uth",
     ("flag:uth:subtype:SH/attempt",
      "«Selvskade/selvmordsadfærd – Selvmordsforsøg» kan være en utilsigtet hændelse i sundhedsfaglig "
      "opgaveløsning: overvej at rapportere den til DPSD.",
      "“Self-harm/suicidal behaviour – Suicide attempt” may be an adverse event in health-care tasks: "
      "consider reporting it to DPSD.")),
    ("an ambulance call is not one by itself", ("MED-EMG/ambulance",), {}, "uth", None),
    ("medication incidents always", ("MED-RX/wrong_dose",), {}, "uth",
     ("flag:uth:type:MED-RX", "Typen «Medicineringshændelse» udløser altid «indrapportering af "
      "utilsigtet hændelse (DPSD)».",
      "The type “Medication incident” always raises “adverse-event report (DPSD)”.")),
    ("needles in a common area", ("DRG-POS/needles",), {}, "psp_relevant",
     ("flag:psp_relevant:premises", "Stoffer eller kanyler fundet på fællesarealer: relevant for PSP.",
      "Drugs or needles found in common areas: relevant to PSP.")),
    ("drugs handed in", ("DRG-POS/handed_in",), {}, "psp_relevant", None),
    ("unknown visitors", ("VIS-UNK/unknown",), {"outsiders": (OutsidePerson("To mænd i 20'erne", count=2),)},
     "psp_relevant",
     ("flag:psp_relevant:outsiders", "Udefrakommende var på matriklen: hændelsen er relevant for PSP.",
      "Outsiders were on the premises: the incident is relevant to PSP.")),
    ("psychiatric crisis with the police", ("MED-PSY/admission",), {"police": PoliceContact(called=True)},
     "psp_relevant",
     ("flag:psp_relevant:police", "Politiet var involveret: hændelsen er relevant for PSP.",
      "The police were involved: the incident is relevant to PSP.")),
    ("intoxication with the police: not listed for PSP", ("DRG-USE",), {"police": PoliceContact(called=True)},
     "psp_relevant", None),
    ("critical", ("FIR/evacuation",), {}, "notify_leader_now",
     ("flag:notify_leader_now:critical", "Hændelsen er kritisk (S4): lederen skal have besked nu.",
      "The incident is critical (S4): the manager must be told now.")),
]


@pytest.mark.parametrize(("name", "codes", "facts", "flag", "reason"), FLAG_CASES,
                         ids=[c[0] for c in FLAG_CASES])
def test_flags_and_their_reasons(name: str, codes: tuple[str, ...], facts: dict[str, Any], flag: str,
                                 reason: tuple[str, str, str] | None) -> None:
    result = classify(incident(*codes, **facts), TAXONOMY)
    if reason is None:
        assert flag not in result.flags
        assert not any(r.code.startswith(f"flag:{flag}:") for r in result.flag_reasons)
    else:
        assert flag in result.flags
        assert SeverityReason(*reason) in result.flag_reasons


def kinds(specs: tuple[Any, ...]) -> list[str]:
    return [s.kind for s in specs]


def test_one_night_opens_every_duty_it_triggers_in_a_fixed_order() -> None:
    data = incident("VIO-THR/weapon", "POL-CALL/by_staff", "POL-RPT/threats", "FRC/124d", "MED-EMG/fall",
                    measures=(Measure.HOLD_124D,), police=PoliceContact(called=True, report_filed=True),
                    injuries=(hurt("staff", "pain_long", user_id=5, absent_from=date(2026, 2, 11)),))
    specs = duties_for(classify(data, TAXONOMY), data, WHEN)
    # A threat that hurt staff: the 72-hour police decision replaces the journal-number reminder.
    assert kinds(specs) == ["force_case", "police_decision", "work_injury", "dpsd_reminder", "psp_relevant"]
    force, police, work, dpsd, psp = specs
    assert {s.rules_version for s in specs} == {"2026.2"}
    assert force.details["provisions"] == ["124d"]
    assert (force.details["case"], force.details["sbst_form"]) == ("acute", "1")
    assert police.due_at == WHEN + timedelta(hours=72)
    assert work.details["user_id"] == 5 and work.details["basis"] == "absence"
    assert work.due_at == datetime(2026, 2, 25, 23, 0, tzinfo=UTC)  # 11 Feb + 14 days, end of day
    assert dpsd.due_at == datetime(2026, 2, 17, 23, 0, tzinfo=UTC)  # registered 10 Feb + 7 days
    assert dpsd.details["mandatory"] is False  # a fall: consider reporting; medication: must
    assert psp.due_at is None


def test_pre_approved_force_is_one_combined_registration_due_when_the_decision_expires() -> None:
    data = incident("FRC/pre_approved")
    (spec,) = duties_for(classify(data, TAXONOMY), data, WHEN)
    assert spec.kind == "force_combined"
    assert (spec.details["case"], spec.details["sbst_form"]) == ("pre_approved", "2")
    assert spec.due_at is None  # set when the decision's expiry is recorded
    assert spec.details["sources"]["combined_registration"]["paragraph"].startswith("§§ 125, 128")


def test_self_defence_without_the_force_type_opens_a_case_for_skema_1() -> None:
    data = incident("VIO-PHY/staff", measures=(Measure.SELF_DEFENCE,))
    force = duties_for(classify(data, TAXONOMY), data, WHEN)[0]
    assert (force.kind, force.details["provisions"], force.details["sbst_form"]) == (
        "force_case", ["self_defence"], "1")


def test_one_work_injury_duty_per_injured_staff_member() -> None:
    data = incident("VIO-PHY/staff", injuries=(
        hurt("staff", "visible_injury", user_id=5, absent_from=date(2026, 2, 11)),
        hurt("staff", "pain_short", user_id=5, absent_from=date(2026, 2, 11)),
        hurt("staff", "treatment_physician", user_id=6),
        hurt("staff", "pain_short", user_id=8),  # no absence, no physician: nothing to report
    ))
    work = [s for s in duties_for(classify(data, TAXONOMY), data, WHEN) if s.kind == "work_injury"]
    assert [(s.details["user_id"], s.details["basis"]) for s in work] == [
        (5, "absence"), (6, "possible_claim")]
    assert work[1].due_at == datetime(2026, 2, 24, 23, 0, tzinfo=UTC)  # accident day 10 Feb + 14


def test_a_journal_number_given_at_entry_closes_the_police_duty() -> None:
    police = PoliceContact(report_filed=True, journal_no="1200-80123-00456-26")
    data = incident("POL-RPT/violence", police=police)
    (spec,) = duties_for(classify(data, TAXONOMY), data, WHEN)
    assert (spec.kind, spec.state) == ("police_report", DutyState.DONE.value)
    assert spec.details["journal_no"] == "1200-80123-00456-26"


def test_every_flag_that_opens_a_duty_has_a_label_in_both_languages() -> None:
    for kind in DutyKind:
        assert kind.label("da") != kind.label("en")
        assert kind.label("da") and kind.label("en")
