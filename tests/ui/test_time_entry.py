"""Typing a time in the incident form: 0240 is 02:40 on the current shift's date, on the Copenhagen
clock, with the two summer-time nights and 29 February; the list filters on 29 February."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.domain import timeutil
from safetylog.domain.enums import Role
from safetylog.domain.problems import Problem
from safetylog.domain.timeutil import COPENHAGEN
from tests.conftest import World
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from tests.ui.view_helpers import danish_translations
from ui.entry.common import CommonSection
from ui.entry.form import IncidentForm
from ui.views.incident_filters import IncidentFilterBar

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SetClock = Callable[[datetime], None]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SetClock:
    """Sets the core's clock, the one every "now" in the program reads."""
    def set_to(moment: datetime) -> None:
        monkeypatch.setattr(timeutil, "clock_source", lambda: moment.astimezone(UTC))
    return set_to


@pytest.fixture
def danish() -> Iterator[None]:
    yield from danish_translations()


@pytest.fixture
def common(qtbot: QtBot, danish: None) -> Iterator[CommonSection]:
    section = CommonSection("Nattevagt Nina")
    qtbot.addWidget(section)
    section.show()
    yield section


def cph(*args: int) -> datetime:
    return datetime(*args, tzinfo=COPENHAGEN)  # type: ignore[misc, arg-type]


def type_time(qtbot: QtBot, section: CommonSection, text: str) -> None:
    """Into the time field as a user does: focus, replace everything, type, leave with Tab."""
    section.start.setFocus(Qt.FocusReason.ShortcutFocusReason)
    section.start.selectAll()
    qtbot.keyClicks(section.start, text)
    qtbot.keyClick(section.start, Qt.Key.Key_Tab)


def test_alt_t_and_0240_after_midnight_is_0240_tonight_and_is_stored_so(
    qtbot: QtBot, sqlite_world: World, clock: SetClock
) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "night_staff")
        clock(cph(2026, 3, 5, 3, 10))  # the night shift that began on the 4th
        keys = Keyboard(qtbot)
        keys.press(Qt.Key.Key_N, CTRL)
        settle(qtbot, shell)
        form = window.page("new_incident")
        assert isinstance(form, IncidentForm)
        keys.type("trus")
        keys.press(Qt.Key.Key_Down)
        keys.press(Qt.Key.Key_Space)
        keys.press(Qt.Key.Key_T, ALT)
        assert QApplication.focusWidget() is form.common.start
        keys.type("0240")  # the whole old text was selected: typing replaces it
        keys.press(Qt.Key.Key_Tab)
        assert form.common.start.text() == "05-03-2026 02:40"
        assert form.common.shift.text() == "Vagt: Nattevagt – torsdag 05-03-2026 02:40"
        form.common.narrative.setPlainText("Trussel i gangen.")
        keys.press(Qt.Key.Key_Return, CTRL)
        qtbot.waitUntil(lambda: form.last_detail is not None, timeout=10_000)
        assert form.last_detail is not None
        assert form.last_detail.occurred_start == datetime(2026, 3, 5, 1, 40, tzinfo=UTC)
        stored = sqlite_world.services.incidents.get(sqlite_world.actor(Role.NIGHT_STAFF),
                                                    form.last_detail.id)
        assert stored.occurred_start.astimezone(COPENHAGEN).strftime("%d-%m-%Y %H:%M") == "05-03-2026 02:40"


def test_0240_typed_before_midnight_is_last_night(qtbot: QtBot, common: CommonSection,
                                                  clock: SetClock) -> None:
    clock(cph(2026, 3, 4, 23, 30))
    type_time(qtbot, common, "0240")
    assert common.start.text() == "04-03-2026 02:40"
    type_time(qtbot, common, "2320")
    assert common.start.text() == "04-03-2026 23:20"
    type_time(qtbot, common, "23:45")  # 15 minutes ahead: yesterday evening
    assert common.start.text() == "03-03-2026 23:45"


def test_the_old_way_of_typing_cannot_write_year_zero(qtbot: QtBot, common: CommonSection,
                                                      clock: SetClock) -> None:
    clock(cph(2026, 3, 5, 3, 10))
    type_time(qtbot, common, "02-04-0000")
    assert common.start.text() == "02-04-0000"  # left as typed, with one clear message
    assert common.shift.text() == ("Skriv et klokkeslæt som 0240 eller 02:40 – evt. med dato foran: "
                                   "05-03-2026 02:40.")
    problems: dict[str, Problem] = {}
    common.collect(problems)
    assert problems["occurred_start"].code == "typed_time"


def test_the_spring_night_refuses_0230(qtbot: QtBot, common: CommonSection, clock: SetClock) -> None:
    clock(cph(2026, 3, 29, 6, 0))
    type_time(qtbot, common, "0230")
    assert common.shift.text().startswith("Klokken 02:30 fandtes ikke den 29-03-2026")
    problems: dict[str, Problem] = {}
    common.collect(problems)
    assert problems["occurred_start"].code == "time_skipped"
    type_time(qtbot, common, "0330")
    assert common.start.text() == "29-03-2026 03:30"
    assert common.start.value() == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


def test_the_autumn_night_says_which_0230(qtbot: QtBot, common: CommonSection, clock: SetClock) -> None:
    clock(cph(2026, 10, 25, 8, 0))
    type_time(qtbot, common, "0230")
    assert common.start.text() == "25-10-2026 02:30 v"
    assert common.shift.text() == "Vagt: Nattevagt – søndag 25-10-2026 02:30 (vintertid)"
    assert common.start.value() == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    type_time(qtbot, common, "0230 s")
    assert common.start.text() == "25-10-2026 02:30 s"
    assert common.shift.text().endswith("(sommertid)")
    assert common.start.value() == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    # The draft keeps which one it was: it is stored as an instant, not as a wall-clock time.
    again = CommonSection("Nattevagt Nina")
    qtbot.addWidget(again)
    again.set_state(common.state())
    assert again.start.value() == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert again.start.text() == "25-10-2026 02:30 s"


def test_29_february(qtbot: QtBot, common: CommonSection, clock: SetClock) -> None:
    clock(cph(2028, 2, 29, 3, 0))
    type_time(qtbot, common, "2330")
    assert common.start.text() == "28-02-2028 23:30"
    type_time(qtbot, common, "0240")
    assert common.start.text() == "29-02-2028 02:40"
    clock(cph(2028, 3, 1, 1, 0))
    type_time(qtbot, common, "0240")
    assert common.start.text() == "29-02-2028 02:40"


def test_now_is_copenhagen_time_whatever_the_pc_zone(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                     clock: SetClock) -> None:
    clock(cph(2026, 7, 1, 2, 40))
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert time.localtime().tm_gmtoff in (-5 * 3600, -4 * 3600)  # the PC is set to New York
        section = CommonSection("Nattevagt Nina")
        qtbot.addWidget(section)
        assert section.start.text() == "01-07-2026 02:40"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert "TZ" not in os.environ


@pytest.mark.parametrize(("period", "expected"), [
    ("12m", (date(2027, 3, 1), date(2028, 2, 29))),
    ("30d", (date(2028, 1, 31), date(2028, 2, 29))),
    ("year", (date(2028, 1, 1), date(2028, 2, 29))),
    ("all", (None, None)),
])
def test_the_list_filters_on_29_february(qtbot: QtBot, clock: SetClock, period: str,
                                         expected: tuple[date | None, date | None]) -> None:
    clock(cph(2028, 2, 29, 12, 0))
    bar = IncidentFilterBar("da")
    qtbot.addWidget(bar)
    assert bar.period_box.select(period)
    chosen = bar.current_filter()
    assert (chosen.date_from, chosen.date_to) == expected
