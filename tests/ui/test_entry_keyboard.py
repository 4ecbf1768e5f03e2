"""Logging each kind of incident with the keyboard alone, through the real window and services."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import DrugActivity, InjuredPartyKind, Measure, PersonRole, Severity
from safetylog.domain.records import IncidentDetail
from tests.conftest import World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from ui.app import Shell
from ui.entry.form import IncidentForm

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
Key = Qt.Key


@pytest.fixture
def app(qtbot: QtBot, sqlite_world: World) -> Iterator[Shell]:
    with running_app(qtbot, sqlite_world.services) as shell:
        yield shell


def open_form(qtbot: QtBot, shell: Shell, keys: Keyboard, username: str = "night_staff") -> IncidentForm:
    window = log_in(qtbot, shell, username)
    keys.press(Key.Key_N, CTRL)
    settle(qtbot, shell)
    form = window.page("new_incident")
    assert isinstance(form, IncidentForm)
    assert QApplication.focusWidget() is form.types.filter
    return form


def choose_type(keys: Keyboard, letters: str) -> None:
    """Filter the type list by a few letters, go down into it and tick the first match."""
    keys.type(letters)
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)


def submit(qtbot: QtBot, shell: Shell, form: IncidentForm, keys: Keyboard) -> IncidentDetail:
    keys.press(Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: form.last_detail is not None, timeout=10_000)
    settle(qtbot, shell)
    assert form.pages.currentWidget() is form.result
    assert form.last_detail is not None
    return form.last_detail


def test_a_typical_threat_takes_a_handful_of_keys_besides_the_words(
    qtbot: QtBot, app: Shell, sqlite_world: World
) -> None:
    keys = Keyboard(qtbot)
    started = time.perf_counter()
    form = open_form(qtbot, app, keys)
    choose_type(keys, "trus")
    assert [c.code for c in form.types.choices()] == ["VIO-THR"]
    keys.press(Key.Key_L, ALT)  # Tilføj beboer (buttons click 100 ms after their mnemonic)
    qtbot.waitUntil(lambda: len(form.common.residents.rows) == 1)
    keys.type("B-101")  # the combo box jumps to the pseudonym typed
    keys.press(Key.Key_Tab)
    keys.type("u")  # Udøver
    keys.press(Key.Key_B, ALT)  # Beskrivelse
    assert QApplication.focusWidget() is form.common.narrative
    narrative = "B-101 truede nattevagten med knytnæve i fællesstuen."
    keys.type(narrative)
    detail = submit(qtbot, app, form, keys)
    elapsed = time.perf_counter() - started

    assert detail.severity is Severity.S2
    assert detail.narrative == narrative
    assert detail.residents == ((sqlite_world.residents[0].id, "B-101", PersonRole.AGGRESSOR),)
    assert "S2" in form.result.severity.text()
    assert "Typen «Trusler» er som udgangspunkt S2." in [
        form.result.reasons.item(i).text() for i in range(form.result.reasons.count())]
    presses_besides_words = keys.presses - len(narrative)
    assert presses_besides_words <= 17, presses_besides_words
    assert elapsed < 30  # the app's own share of "under a minute"


def test_violence_with_the_five_columns(qtbot: QtBot, app: Shell) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "staff")
    choose_type(keys, "fysisk")
    assert [c.code for c in form.types.choices()] == ["VIO-PHY"]
    violence = form.sections["violence"]
    assert violence.isVisible() and not form.sections["drug"].isVisible()
    keys.press(Key.Key_B, ALT)
    keys.type("B-102 slog ud efter personalet, der havde sagt nej til en cigaret.")
    boxes = {(col, code): box for col, pairs in violence.boxes.items() for code, box in pairs}  # type: ignore[attr-defined]
    for wanted in [("provocation", "denied_something"), ("means", "body_part"),
                   ("target", "staff"), ("consequence", "pain_short"), ("measures", "talk")]:
        keys.tab_until(boxes[wanted])
        keys.press(Key.Key_Space)
    detail = submit(qtbot, app, form, keys)
    assert detail.violence is not None
    assert detail.violence.provocation == ("denied_something",)
    assert detail.violence.means == ("body_part",)
    assert detail.violence.target == ("staff",)
    assert detail.violence.consequence == ("pain_short",)
    assert detail.violence.measures == ("talk",)
    assert detail.severity is Severity.S3


def test_drug_trade_observation(qtbot: QtBot, app: Shell) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "staff")
    choose_type(keys, "narkotikahandel")
    assert [c.code for c in form.types.choices()] == ["DRG-DEAL"]
    drug = form.sections["drug"]
    keys.press(Key.Key_B, ALT)
    keys.type("To ukendte mænd solgte til beboere ved indgangen.")
    keys.tab_until(drug.activities[DrugActivity.SALE])  # type: ignore[attr-defined]
    keys.press(Key.Key_Space)
    keys.press(Key.Key_H, ALT)  # Hvilke stoffer
    keys.type("kokain, hash")
    keys.tab_until(drug.sellers_count)  # type: ignore[attr-defined]
    keys.type("2")
    keys.tab_until(drug.vehicles)  # type: ignore[attr-defined]
    keys.type("Sort varevogn")
    detail = submit(qtbot, app, form, keys)
    assert detail.drug is not None
    assert detail.drug.activities == (DrugActivity.SALE,)
    assert detail.drug.substances == ("kokain", "hash")
    assert detail.drug.sellers_count == 2
    assert detail.drug.vehicles == "Sort varevogn"
    assert "psp_relevant" in detail.flags


def test_police_call_out_with_journal_number(qtbot: QtBot, app: Shell) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "manager")  # managers may read the journal number back
    choose_type(keys, "politi tilkaldt")
    assert [c.code for c in form.types.choices()] == ["POL-CALL"]
    keys.press(Key.Key_B, ALT)
    keys.type("Politiet blev kaldt, da en udefrakommende nægtede at gå.")
    keys.press(Key.Key_P, ALT)  # Politiet blev tilkaldt (ticks it, and fills in the time)
    qtbot.waitUntil(form.sections["police"].called.isChecked)  # type: ignore[attr-defined]
    keys.press(Key.Key_J, ALT)  # Journalnr.
    keys.type("4000-12345-00001-26")
    detail = submit(qtbot, app, form, keys)
    assert detail.police is not None
    assert detail.police.called and detail.police.called_at is not None
    assert detail.police.journal_no == "4000-12345-00001-26"
    assert detail.severity is Severity.S3


def test_self_harm_with_an_injured_resident(qtbot: QtBot, app: Shell, sqlite_world: World) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "staff")
    choose_type(keys, "selvskade")
    assert [c.code for c in form.types.choices()] == ["SH"]
    keys.press(Key.Key_B, ALT)
    keys.type("B-102 skar sig på underarmen; forbundet af personalet.")
    keys.press(Key.Key_K, ALT)  # Tilføj skade: a row with "who" focused
    qtbot.waitUntil(lambda: len(form.sections["injuries"].rows) == 1)  # type: ignore[attr-defined]
    keys.type("b")  # Beboer
    keys.press(Key.Key_Tab)
    keys.type("B-102")
    keys.press(Key.Key_Tab)
    keys.type("sy")  # Synlig skade
    keys.press(Key.Key_Tab)
    keys.type("Underarm")
    detail = submit(qtbot, app, form, keys)
    assert len(detail.injuries) == 1
    injury = detail.injuries[0]
    assert injury.party is InjuredPartyKind.RESIDENT
    assert injury.resident_id == sqlite_world.residents[1].id
    assert injury.body_part == "Underarm"
    assert detail.severity is Severity.S3


def test_medication_incident_with_subtype_opens_the_dpsd_reminder(qtbot: QtBot, app: Shell) -> None:
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "staff")
    keys.type("medicinering")
    keys.press(Key.Key_Down)
    keys.press(Key.Key_Space)
    keys.press(Key.Key_Right)  # ticking opened the subtypes: Right goes to the first, Ikke givet
    keys.press(Key.Key_Down)  # Forkert dosis
    keys.press(Key.Key_Space)
    assert [(c.code, c.subtype) for c in form.types.choices()] == [("MED-RX", "wrong_dose")]
    measures = form.sections["measures"]
    keys.press(Key.Key_B, ALT)
    keys.type("B-101 fik aftenmedicinen to gange.")
    keys.tab_until(measures.boxes[Measure.TALK])  # type: ignore[attr-defined]
    keys.press(Key.Key_Space)
    detail = submit(qtbot, app, form, keys)
    assert detail.measures == (Measure.TALK,)
    assert "dpsd_reminder" in [d.kind for d in detail.duties]
    duties = [form.result.duties.item(i).text() for i in range(form.result.duties.count())]
    assert any("DPSD" in text for text in duties)


def test_every_type_in_the_taxonomy_can_be_logged_from_the_keyboard(qtbot: QtBot, app: Shell) -> None:
    """One after another in the same window: Ctrl+N, the code, Down, Space, the words, Ctrl+Enter."""
    keys = Keyboard(qtbot)
    form = open_form(qtbot, app, keys, "staff")
    logged = []
    for itype in form.taxonomy.types:
        keys.type(itype.code)
        keys.press(Key.Key_Down)
        keys.press(Key.Key_Space)
        assert [c.code for c in form.types.choices()] == [itype.code]
        keys.press(Key.Key_B, ALT)
        keys.type(f"Øvelse: {itype.label_da}.")
        detail = submit(qtbot, app, form, keys)
        logged.append((detail.primary_type, detail.types[0].code))
        form.last_detail = None
        keys.press(Key.Key_N, CTRL)  # a fresh form, the focus in the type filter again
        settle(qtbot, app)
        assert QApplication.focusWidget() is form.types.filter
    assert logged == [(t.code, t.code) for t in form.taxonomy.types]


def test_an_installed_instrument_gives_its_own_options_and_a_score(
    qtbot: QtBot, sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    instrument = Path(__file__).resolve().parents[1] / "core" / "data" / "soas-r-test.toml"
    monkeypatch.setenv("SAFETYLOG_SOAS_INSTRUMENT", str(instrument))
    with running_app(qtbot, sqlite_world.services) as shell:
        keys = Keyboard(qtbot)
        form = open_form(qtbot, shell, keys, "staff")
        choose_type(keys, "VIO-PHY")
        violence = form.sections["violence"]
        boxes = {(col, code): box for col, pairs in violence.boxes.items() for code, box in pairs}  # type: ignore[attr-defined]
        assert boxes[("provocation", "other_resident")].text() == "Medbeboer"  # the file's wording
        keys.press(Key.Key_B, ALT)
        keys.type("B-101 slog en medbeboer med en stol.")
        for wanted in [("provocation", "other_resident"), ("means", "everyday_object")]:
            keys.tab_until(boxes[wanted])
            keys.press(Key.Key_Space)
        detail = submit(qtbot, shell, form, keys)
        assert detail.soas_total is not None
        assert form.result.soas.isVisible()
        assert form.result.soas.text().startswith(f"SOAS-R-score: {detail.soas_total} (")
