"""Free text in the PSP pack is screened: a resident's name, address, birth date or pseudonym,
a staff member's name or a CPR number in anything the pack prints stops the pack, with a message
naming the record to edit, unless a disclosure decision for that resident and meeting covers it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from reports.psp_pack import render_psp_pack
from safetylog.domain.enums import AgreementStatus
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import ActionItemInput, Actor, AgreementInput, MeetingInput
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from tests.reports.conftest import facility_id
from tests.reports.pdfcheck import page_texts

# The stamp is now: an action item added in the test is open at it.
REQUEST = ReportRequest(date(2026, 9, 10), date(2026, 10, 21))


def _resident(services: Services, manager: Actor) -> int:
    hav = facility_id(services, manager, "HAV")
    return services.residents.add(manager, hav, "H-199", full_name="Jens Peter Hansen",
                                  birth_date=date(1985, 3, 12)).id


def _note(services: Services, resident_id: int, note: str) -> None:
    with services.engine.begin() as conn:
        conn.execute(text("UPDATE resident_identities SET note = :n WHERE resident_id = :r"),
                     {"n": note, "r": resident_id})


def _refusal(services: Services, actor: Actor, tmp_path: Path) -> str:
    target = tmp_path / "psp.pdf"
    with pytest.raises(ValidationError) as refused:
        services.reports.export_psp(actor, REQUEST, render_psp_pack, target)
    assert not target.exists()
    return " ".join(refused.value.messages("da").values())


def test_a_residents_name_in_an_action_item_stops_the_pack(
        demo_services: Services, manager: Actor, coordinator: Actor, tmp_path: Path) -> None:
    _resident(demo_services, manager)
    item = demo_services.psp.add_action_item(coordinator, ActionItemInput(
        text="Samtale med Jens Hansen om gælden", owner_role="Socialforvaltningen"))
    message = _refusal(demo_services, coordinator, tmp_path)
    assert message == (f"PSP-pakken dannes ikke: handlingspunkt nr. {item.id} «Samtale med Jens Hansen om "
                       "gælden» (feltet tekst) indeholder en beboers navn. Ret teksten – eller træf en "
                       "beslutning om at videregive beboeren til mødet.")
    assert "H-199" not in message  # the message says what kind of identifier, never whose


@pytest.mark.parametrize(("where", "value", "found"), [
    ("action", "Følg op på H-103 og gælden", "pseudonymet H-103, og beboeren har ingen beslutning"),
    ("action", "Beboer født 12.03.1985 skal have tilbud", "en beboers fødselsdato"),
    ("action", "Uro ved Strandvejen 14, 2. th", "en beboers adresse"),
    ("owner", "Mette Lund", "en medarbejders navn"),
    ("district", "Lokalgruppe 120385-1234", "et CPR-nummer"),  # a field not checked for CPR on input
    ("agreement", "Patrulje ved H-104s lejlighed", "pseudonymet H-104"),
])
def test_every_kind_of_identifier_in_any_printed_text_stops_the_pack(
        demo_services: Services, manager: Actor, coordinator: Actor, tmp_path: Path,
        where: str, value: str, found: str) -> None:
    _note(demo_services, _resident(demo_services, manager), "Bor på Strandvejen 14, 2. th")
    if where == "agreement":
        demo_services.psp.save_agreement(coordinator, AgreementInput(
            facility_id=facility_id(demo_services, manager, "HAV"), title="Patrulje", police_contact="",
            scope=value, valid_from=date(2026, 10, 1), status=AgreementStatus.ACTIVE))
        record = "aftalen «Patrulje» (HAV, feltet omfang)"
    elif where == "district":  # a meeting on the last day is the one the pack is for
        demo_services.psp.create_meeting(coordinator, MeetingInput(
            held_on=date(2026, 10, 21), district=value,
            facility_ids=tuple(f.id for f in demo_services.admin.list_facilities(coordinator))))
        record = "mødet 21.10.2026 (feltet distrikt)"
    else:
        item = demo_services.psp.add_action_item(coordinator, ActionItemInput(
            text=value if where == "action" else "Opfølgning",
            owner_role=value if where == "owner" else "Politi"))
        record = f"handlingspunkt nr. {item.id}"
    message = _refusal(demo_services, coordinator, tmp_path)
    assert record in message and found in message


def test_a_disclosure_decision_for_the_meeting_lets_the_resident_be_named(
        demo_services: Services, manager: Actor, coordinator: Actor, tmp_path: Path) -> None:
    with demo_services.engine.begin() as conn:  # H-101 has a decision for the meeting of 22 October
        resident = conn.execute(text("SELECT resident_id FROM psp_disclosures")).scalar_one()
        conn.execute(text("INSERT INTO resident_identities (resident_id, full_name, note) "
                          "VALUES (:r, 'Karl Emil Madsen', '')"), {"r": resident})
    demo_services.psp.add_action_item(coordinator, ActionItemInput(
        text="Karl Madsen og H-101: fælles plan", owner_role="Psykiatrien"))
    receipt = demo_services.reports.export_psp(coordinator, REQUEST, render_psp_pack, tmp_path / "p.pdf")
    assert "Karl Madsen og H-101: fælles plan" in " ".join(" ".join(page_texts(receipt.path)).split())
