"""Nothing typed is lost: the draft is saved a second after typing stops and at least every ten
seconds while it goes on; "Kassér formularen" asks first and can be undone until the form closes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from ui.app import Shell
from ui.entry.form import IncidentForm

ALT = Qt.KeyboardModifier.AltModifier
KEY_INTERVAL_MS = 100  # a steady typist: ten keys a second, never a one-second pause


@pytest.fixture
def form(qtbot: QtBot, sqlite_world: World) -> Iterator[tuple[Shell, IncidentForm]]:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        page = window.show_page("new_incident")
        assert isinstance(page, IncidentForm)
        settle(qtbot, shell)
        yield shell, page


def stored_narratives(world: World) -> list[str]:
    drafts = world.services.incidents.drafts(world.actor(Role.NIGHT_STAFF))
    return [str(payload.get("narrative", "")) for _id, _at, payload in drafts]


def test_continuous_typing_is_saved_every_ten_seconds_and_a_pause_within_one(
    qtbot: QtBot, form: tuple[Shell, IncidentForm], sqlite_world: World
) -> None:
    shell, page = form
    assert page.drafts.delays_ms() == (1_000, 10_000)
    saves: list[tuple[float, str]] = []
    page.drafts.saved.connect(
        lambda _id: saves.append((time.monotonic(), stored_narratives(sqlite_world)[0])))
    page.common.narrative.setFocus()
    started = time.monotonic()
    typed = ""
    while time.monotonic() - started < 21.5:  # two ten-second rounds without a pause
        letter = "abcdefghij"[len(typed) % 10]
        qtbot.keyClick(page.common.narrative, letter)
        typed += letter
        qtbot.wait(KEY_INTERVAL_MS)
    stopped = time.monotonic()
    during = [at - started for at, _text in saves]
    # Saved twice while the typing went on, each round at most ten seconds after its first key
    # (plus the time the save itself takes), never at a pause that did not happen.
    assert len(during) == 2, during
    assert 9.5 <= during[0] <= 10.5, during
    assert 19.5 <= during[1] <= 20.8, during
    assert all(len(text) >= 90 for _at, text in saves)  # what was typed up to that moment
    qtbot.waitUntil(lambda: len(saves) == 3, timeout=3_000)
    after_pause = saves[2][0] - stopped
    assert after_pause <= 1.5, after_pause
    assert saves[2][1] == typed
    print(f"saved at {during[0]:.2f} s and {during[1]:.2f} s of continuous typing; "
          f"{after_pause:.2f} s after it stopped")
    settle(qtbot, shell)


def press_in_question(qtbot: QtBot, page: IncidentForm, key: Qt.Key,
                      modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.waitUntil(lambda: page.discarding.question is not None and page.discarding.question.isVisible())
    box = page.discarding.question
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Kassér formularen?"
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)
    qtbot.waitUntil(lambda: page.discarding.question is None)


def test_discarding_asks_and_can_be_undone_until_the_form_closes(
    qtbot: QtBot, form: tuple[Shell, IncidentForm], sqlite_world: World
) -> None:
    shell, page = form
    page.types.set_choices([{"code": "VIO-THR", "subtype": "verbal"}])
    words = "Beboer råbte trusler ved køkkenet kl. 02:40."
    page.common.narrative.setPlainText(words)
    page.drafts.flush()
    assert stored_narratives(sqlite_world) == [words]

    # Enter answers the default, "Behold formularen": nothing happens.
    page.clear_button.click()
    press_in_question(qtbot, page, Qt.Key.Key_Return)
    assert page.common.narrative.toPlainText() == words
    # Esc keeps it too.
    page.clear_button.click()
    press_in_question(qtbot, page, Qt.Key.Key_Escape)
    assert page.common.narrative.toPlainText() == words
    assert not page.discarding.undo_button.isVisible()

    # Alt+K, "Kassér": the form is empty, the draft gone, and "Fortryd kasseringen" is offered.
    page.clear_button.click()
    press_in_question(qtbot, page, Qt.Key.Key_K, ALT)
    settle(qtbot, shell)
    assert page.common.narrative.toPlainText() == ""
    assert page.types.choices() == ()
    assert stored_narratives(sqlite_world) == []
    assert page.discarding.undo_button.isVisible()
    assert page.discarding.undo_button.text() == "Fortryd kasseringen"

    page.discarding.undo_button.click()
    settle(qtbot, shell)
    assert page.common.narrative.toPlainText() == words
    assert [(c.code, c.subtype) for c in page.types.choices()] == [("VIO-THR", "verbal")]
    assert not page.discarding.undo_button.isVisible()
    qtbot.waitUntil(lambda: stored_narratives(sqlite_world) == [words], timeout=3_000)


def test_undo_after_starting_anew_swaps_so_neither_is_lost(
    qtbot: QtBot, form: tuple[Shell, IncidentForm], sqlite_world: World
) -> None:
    shell, page = form
    page.common.narrative.setPlainText("Det første.")
    page.discarding.discard_now()
    page.common.narrative.setPlainText("Det andet.")
    page.discarding.undo()  # the places and residents load first: then the words are back
    qtbot.waitUntil(lambda: page.common.narrative.toPlainText() == "Det første.")
    assert page.discarding.undo_button.isVisible()
    page.discarding.undo()
    qtbot.waitUntil(lambda: page.common.narrative.toPlainText() == "Det andet.")
    qtbot.waitUntil(lambda: stored_narratives(sqlite_world) == ["Det andet."], timeout=3_000)
    settle(qtbot, shell)
