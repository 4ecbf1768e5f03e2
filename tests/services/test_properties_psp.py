"""Property tests for the PSP cooperation: meetings, minutes, police agreements, cooperation notes,
action items and disclosure decisions, with hostile arguments, on both databases."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safetylog.domain.enums import ActionItemStatus, AgreementStatus, Role
from safetylog.domain.records import ActionItemInput, AgreementInput, MeetingInput
from safetylog.services.psp import LEGAL_BASIS_115
from tests.conftest import World
from tests.services.fuzz import (
    EXAMPLES,
    FUZZ,
    attempt,
    days,
    days_or_garbage,
    enum_or_garbage,
    field_names,
    ids,
    ints,
    is_frozen_record,
    optional,
    texts,
    tuples,
)
from tests.services.incident_fuzz import partly_hostile, plain_text
from tests.versions import agreement_version, meeting_version

PSP_ROLES = st.sampled_from([Role.MANAGER, Role.PSP_COORDINATOR])
ANY_ROLE = st.sampled_from(list(Role))
_residents_named = itertools.count()


@pytest.fixture
def psp(world: World) -> dict[str, int]:
    """A meeting for the home facility, an agreement and an open action item."""
    coordinator = world.actor(Role.PSP_COORDINATOR)
    meeting = world.services.psp.create_meeting(
        coordinator, MeetingInput(date(2026, 10, 1), "Østjyllands Politi", (world.facility.id,)))
    agreement = world.services.psp.save_agreement(
        coordinator, AgreementInput(world.facility.id, "Kontakt ved uro om natten"))
    item = world.services.psp.add_action_item(
        coordinator, ActionItemInput("Belysning i gården", "Kommunen", meeting_id=meeting.id))
    return {"meeting": meeting.id, "agreement": agreement.id, "item": item.id}


def _fields(world: World, psp: dict[str, int]) -> dict[str, tuple[st.SearchStrategy[Any],
                                                                  st.SearchStrategy[Any]]]:
    home, facilities = [world.facility.id], [world.facility.id, world.other_facility.id]
    return {
        "role": (PSP_ROLES, ANY_ROLE),
        "held_on": (st.dates(date(2024, 1, 1), date(2027, 12, 31)), days_or_garbage()),
        "district": (plain_text(max_size=60), texts()),
        "facility_ids": (st.just((world.facility.id,)),
                         st.one_of(st.just(()), tuples(ids(facilities)))),
        "long_text": (st.one_of(st.just(""), plain_text(max_size=200)), texts(100)),
        "meeting_id": (st.just(psp["meeting"]), ids([psp["meeting"]])),
        "facility_id": (st.just(world.facility.id), ids(facilities)),
        "title": (plain_text(max_size=60), texts()),
        "valid_from": (optional(st.dates(date(2024, 1, 1), date(2025, 12, 31))), days_or_garbage()),
        "valid_to": (optional(st.dates(date(2026, 1, 1), date(2027, 12, 31))), days_or_garbage()),
        "agreement_status": (st.sampled_from(AgreementStatus), enum_or_garbage(AgreementStatus)),
        "agreement_id": (st.sampled_from([None, psp["agreement"]]), ids([psp["agreement"]])),
        "text": (plain_text(max_size=200), texts(100)),
        "owner_role": (plain_text(max_size=40), texts()),
        "due_on": (optional(days()), days_or_garbage()),
        "item_id": (st.just(psp["item"]), ids([psp["item"]])),
        "note_id": (st.just(0), ids([])),  # a valid one is written for each example (below)
        "item_status": (st.sampled_from(ActionItemStatus), enum_or_garbage(ActionItemStatus)),
        "stale": (st.just(False), st.just(True)),
        "resident_id": (st.sampled_from([r.id for r in world.residents]),
                        ids([r.id for r in world.residents] + [world.other_resident.id])),
        "legal_basis": (st.just(LEGAL_BASIS_115), texts(60)),
        "home_only": (st.just(tuple(home)), st.one_of(st.just(tuple(facilities)), tuples(ids(facilities)))),
    }


STEPS: dict[str, tuple[str, ...]] = {
    "meeting": ("role", "held_on", "district", "facility_ids", "long_text"),
    "minutes": ("role", "meeting_id", "long_text"),
    "agreement": ("role", "facility_id", "title", "long_text", "valid_from", "valid_to",
                  "agreement_status", "agreement_id"),
    "note": ("role", "facility_id", "text", "meeting_id"),
    "note edit": ("role", "note_id", "text", "stale"),
    "action": ("role", "text", "owner_role", "due_on", "meeting_id", "facility_id"),
    "status": ("role", "item_id", "item_status", "stale"),
    "disclosure": ("role", "resident_id", "meeting_id", "text", "legal_basis"),
    "reads": ("role", "facility_id", "meeting_id", "home_only"),
}
FIELDS = (field_names(MeetingInput) | field_names(AgreementInput) | field_names(ActionItemInput)
          | {"minutes", "resident_id", "meeting_id", "necessity_note", "legal_basis", "status", "text"})


@settings(FUZZ, max_examples=EXAMPLES * 5 // 2)  # nine kinds of call share this test
@given(data=st.data())
def test_psp_work_saves_or_refuses(world: World, psp: dict[str, int], data: st.DataObject) -> None:
    step = data.draw(st.sampled_from(sorted(STEPS)))
    fields = _fields(world, psp)
    bad, a = data.draw(partly_hostile({name: fields[name] for name in STEPS[step]}, max_bad=2))
    actor, service = world.actor(a["role"]), world.services.psp
    expected = _item_version(world, psp["item"])
    if step == "status" and a["stale"]:
        expected += data.draw(ints())
    if step == "agreement" and "agreement_id" not in bad and a["agreement_id"] is not None:
        # Changing an existing agreement: a fresh one, as an earlier example may have moved the
        # fixture's agreement to a facility this user cannot see (then it is rightly not found).
        a["agreement_id"] = service.save_agreement(world.actor(Role.MANAGER), AgreementInput(
            world.facility.id, "Kontaktaftale")).id
    note_version = 1
    if step == "note edit" and "note_id" not in bad:
        # The coordinator's own note, which they (and a manager) may correct.
        note = service.add_note(world.actor(Role.PSP_COORDINATOR), world.facility.id, "Aftalt.")
        a["note_id"], note_version = note.id, note.version + (data.draw(ints()) if a["stale"] else 0)
    if step == "disclosure":
        # A resident can be named to a meeting once; vary the meeting so valid decisions save.
        fresh = service.create_meeting(world.actor(Role.MANAGER), MeetingInput(
            date(2026, 11, 1), f"Distrikt {next(_residents_named)}", (world.facility.id,)))
        if "meeting_id" not in bad:
            a["meeting_id"] = fresh.id
    note_author = _note_author(world, a["note_id"]) if step == "note edit" else None
    calls: dict[str, Any] = {
        "meeting": lambda: service.create_meeting(actor, MeetingInput(
            a["held_on"], a["district"], a["facility_ids"], a["long_text"], a["long_text"],
            a["long_text"])),
        "minutes": lambda: service.update_minutes(
            actor, a["meeting_id"], a["long_text"],
            expected_version=meeting_version(world.services, a["meeting_id"])),
        "agreement": lambda: service.save_agreement(actor, AgreementInput(
            a["facility_id"], a["title"], a["long_text"], a["long_text"], a["valid_from"], a["valid_to"],
            a["agreement_status"]), a["agreement_id"],
            expected_version=agreement_version(world.services, a["agreement_id"])),
        "note": lambda: service.add_note(actor, a["facility_id"], a["text"], a["meeting_id"]),
        "note edit": lambda: service.edit_note(actor, a["note_id"], a["text"],
                                               expected_version=note_version),
        "action": lambda: service.add_action_item(actor, ActionItemInput(
            a["text"], a["owner_role"], a["due_on"], a["meeting_id"], a["facility_id"])),
        "status": lambda: service.set_action_status(actor, a["item_id"], a["item_status"],
                                                    expected_version=expected),
        "disclosure": lambda: service.decide_disclosure(actor, a["resident_id"], a["meeting_id"],
                                                        necessity_note=a["text"],
                                                        legal_basis=a["legal_basis"]),
        "reads": lambda: (service.meetings(actor), service.agreements(actor, a["home_only"]),
                          service.notes(actor, a["facility_id"]), service.action_items(actor),
                          service.disclosures(actor, a["meeting_id"])),
    }
    outcome = attempt(world.services.engine, calls[step], FIELDS)
    if not bad:
        assert outcome.kind == "saved", outcome.value
    if outcome.kind != "saved":
        return
    if step == "reads":
        meetings, agreements, notes, items, disclosures = outcome.value
        for record in (*meetings, *agreements, *notes, *items, *disclosures):
            assert is_frozen_record(record)
        assert all(actor.may_see_facility(r.facility_id) for r in (*agreements, *notes))
        assert all(any(actor.may_see_facility(f) for f in m.facility_ids) for m in meetings)
    else:
        assert is_frozen_record(outcome.value)
    if step == "status":
        assert outcome.value.status is ActionItemStatus(str(a["item_status"]))
        assert (outcome.value.closed_at is None) == (outcome.value.status in (
            ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS))
    if step == "agreement" and "agreement_id" not in bad and a["agreement_id"] is not None:
        # Changing an existing agreement: a fresh one, as an earlier example may have moved the
        # fixture's agreement to a facility this user cannot see (then it is rightly not found).
        a["agreement_id"] = service.save_agreement(world.actor(Role.MANAGER), AgreementInput(
            world.facility.id, "Kontaktaftale")).id
    if step == "disclosure":
        assert outcome.value.legal_basis == a["legal_basis"].strip()
    if step == "note edit":
        # Correcting a note never changes who wrote it (an out-of-range id drawn as "bad" can
        # still name a note an earlier example wrote, and a manager may correct that one too).
        assert outcome.value.text == a["text"].strip()
        assert outcome.value.author_id == note_author


def _note_author(world: World, note_id: object) -> int | None:
    from safetylog.storage.models import PspNote

    if not isinstance(note_id, int) or isinstance(note_id, bool) or not 0 < note_id < 2**31:
        return None
    with world.services.session_factory() as session:
        note = session.get(PspNote, note_id)
        return note.author_id if note is not None else None


def _item_version(world: World, item_id: int) -> int:
    from safetylog.storage.models import PspActionItem

    with world.services.session_factory() as session:
        item = session.get(PspActionItem, item_id)
        return item.version if item is not None else 1
