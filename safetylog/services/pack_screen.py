"""Free text in a PSP pack, screened before the pack can be made.

Every text the pack prints that a person typed (the meeting's district and participants, the
agreements with the police, the action items and their owners, a disclosure's reasons) is checked
against the identity key (full names, addresses in the key's note, birth dates), the pseudonyms of
residents without a disclosure decision for this meeting, the staff's names and CPR numbers. A hit
refuses the pack with a message naming the record to edit. A resident with a decision for this
meeting may be named (that is what the decision is for), so their hits are let through.

The check reads the identity key inside the service without showing it: the message says *what
kind* of identifier was found and where, never whose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.errors import ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.validation import contains_cpr
from safetylog.storage.models import Resident, ResidentIdentityRow, User
from safetylog.summaries.report_data import PspPackData

MONTHS_DA = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
             "oktober", "november", "december")
# A street and house number in the identity key's note ("Strandvejen 14", "Havblik Allé 3B").
_STREET = re.compile(r"[A-ZÆØÅ][\w.\-]+(?:\s[A-ZÆØÅ][\w.\-]+)?\s\d{1,4}[A-Za-z]?\b")

RESIDENT_KINDS = ("name", "address", "birth_date", "pseudonym")
OR_DECIDE = (" – eller træf en beslutning om at videregive beboeren til mødet",
             ", or decide to disclose the resident to the meeting")
# kind: (Danish, English) for what was found
KINDS = {
    "name": ("en beboers navn", "a resident's name"),
    "address": ("en beboers adresse", "a resident's address"),
    "birth_date": ("en beboers fødselsdato", "a resident's birth date"),
    "pseudonym": ("pseudonymet {pseudonym}, og beboeren har ingen beslutning om videregivelse til mødet",
                  "the pseudonym {pseudonym}, and the resident has no disclosure decision for the meeting"),
    "staff": ("en medarbejders navn", "a staff member's name"),
    "cpr": ("et CPR-nummer", "a CPR number"),
}


@dataclass(frozen=True, slots=True)
class Text:
    """One printed free text and the record a user edits to change it."""

    field: str  # the problem's key, e.g. "action_item_12"
    record_da: str
    record_en: str
    value: str


Form = tuple[str, ...]  # an identifier as folded words: ("jens", "hansen"), ("h-103",)
_EDGE = ".,;:!?()[]{}«»\"'“”‘’"
LONGEST = 6  # words in the longest form ("12. marts 1985" is three, a long name a few more)


def _words(text: str) -> Form:
    """Folded words without the punctuation around them; "12.03.1985" stays one word."""
    return tuple(w for w in (raw.strip(_EDGE).casefold() for raw in text.split()) if w)


def _genitive(word: str) -> str | None:
    """The word without a genitive s ("hansens", "h-104s", "jens'"), if it has one."""
    for ending in ("'s", "s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return None


def _spans(text: str) -> Iterator[Form]:
    """Every run of up to LONGEST words of the text, and each with its last word's genitive
    dropped, to look up in the identifiers' index."""
    words = _words(text)
    for start in range(len(words)):
        for end in range(start + 1, min(len(words), start + LONGEST) + 1):
            span = words[start:end]
            yield span
            bare = _genitive(span[-1])
            if bare is not None:
                yield (*span[:-1], bare)


def name_forms(full_name: str) -> set[Form]:
    """The full name, and first plus last name when there are middle names."""
    parts = _words(full_name)
    forms = {parts} if len(parts) >= 2 else set()
    if len(parts) > 2:
        forms.add((parts[0], parts[-1]))
    return forms


def date_forms(day: date) -> set[Form]:
    d, m, y = day.day, day.month, day.year
    forms = {day.isoformat(), f"{d}. {MONTHS_DA[m - 1]} {y}"}
    for sep in (".", "-", "/"):
        for dd, mm in ((f"{d:02d}", f"{m:02d}"), (str(d), str(m))):
            forms |= {f"{dd}{sep}{mm}{sep}{y}", f"{dd}{sep}{mm}{sep}{y % 100:02d}"}
    return {_words(f) for f in forms}


def address_forms(note: str) -> set[Form]:
    """Street and number wherever the key's note gives one; the note has no address field."""
    return {_words(match.group(0)) for match in _STREET.finditer(note)}


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def printed_texts(data: PspPackData) -> Iterator[Text]:
    if data.meeting is not None:
        m = data.meeting
        for name_da, name_en, value in (("deltagere", "participants", m.participants),
                                        ("distrikt", "district", m.district)):
            yield Text(f"meeting_{name_en}", f"mødet {m.held_on:%d.%m.%Y} (feltet {name_da})",
                       f"the meeting of {m.held_on.isoformat()} (field {name_en})", value)
    for a in data.agreements:
        for name_da, name_en, value in (("titel", "title", a.title), ("politiets kontakt", "police contact",
                                        a.police_contact), ("omfang", "scope", a.scope)):
            yield Text(f"agreement_{a.facility_code}_{_short(a.title)}",
                       f"aftalen «{_short(a.title)}» ({a.facility_code}, feltet {name_da})",
                       f"the agreement “{_short(a.title)}” ({a.facility_code}, field {name_en})", value)
    for item in data.actions:
        for name_da, name_en, value in (("tekst", "text", item.text), ("ansvarlig", "owner", item.owner)):
            yield Text(f"action_item_{item.id}",
                       f"handlingspunkt nr. {item.id} «{_short(item.text)}» (feltet {name_da})",
                       f"action item no. {item.id} “{_short(item.text)}” (field {name_en})", value)
    for person in data.disclosed:
        yield Text(f"disclosure_{person.disclosure_id}",
                   f"beslutningen om videregivelse nr. {person.disclosure_id} (feltet begrundelse)",
                   f"disclosure decision no. {person.disclosure_id} (field reason)", person.necessity_note)


# form -> (kind, resident id or None for staff, pseudonym)
Index = dict[Form, tuple[str, int | None, str]]


def index(session: Session) -> Index:
    """Every identifier the pack's text may not hold, by its words: one look-up per span of
    text, however many residents the database has."""
    out: Index = {}
    for name in session.scalars(select(User.display_name)):
        for form in name_forms(name):
            out.setdefault(form, ("staff", None, ""))
    for resident, key in session.execute(
            select(Resident, ResidentIdentityRow)
            .outerjoin(ResidentIdentityRow, ResidentIdentityRow.resident_id == Resident.id)
            .order_by(Resident.id)):
        out[_words(resident.pseudonym)] = ("pseudonym", resident.id, resident.pseudonym)
        if key is None:
            continue
        for kind, forms in (("name", name_forms(key.full_name)), ("address", address_forms(key.note or "")),
                            ("birth_date", date_forms(key.birth_date) if key.birth_date else set())):
            for form in forms:
                out[form] = (kind, resident.id, resident.pseudonym)  # a resident's wins over staff
    return out


def _hit(value: str, identifiers: Index, covered: set[int]) -> tuple[str, dict[str, str]] | None:
    if contains_cpr(value):
        return "cpr", {}
    for span in _spans(value):
        found = identifiers.get(span)
        if found is None:
            continue
        kind, resident_id, pseudonym = found
        if resident_id is not None and resident_id in covered:
            continue  # a decision for this meeting lets the pack name this resident
        return kind, {"pseudonym": pseudonym} if kind == "pseudonym" else {}
    return None


def screen(session: Session, data: PspPackData) -> None:
    """Refuse the pack (ValidationError, one problem per record) if a printed text identifies."""
    identifiers = index(session)
    covered = {person.resident_id for person in data.disclosed}
    problems: dict[str, Problem] = {}
    for text in printed_texts(data):
        if text.field in problems or not text.value:
            continue
        found = _hit(text.value, identifiers, covered)
        if found is not None:
            kind, params = found
            da, en = KINDS[kind]
            resident = kind in RESIDENT_KINDS  # a decision can cover a resident, not the rest
            problems[text.field] = Problem("identifying_text", {
                "record_da": text.record_da, "record_en": text.record_en,
                "what_da": da.format(**params), "what_en": en.format(**params),
                "or_da": OR_DECIDE[0] if resident else "", "or_en": OR_DECIDE[1] if resident else ""})
    if problems:
        raise ValidationError(problems)
