"""Drafts: saved while typing, kept when the app dies, offered back with every word at next login."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from safetylog.config import DatabaseLocation
from safetylog.domain.enums import Role
from safetylog.services.container import Services
from tests.conftest import World, open_engine
from tests.ui.app_driver import Keyboard, log_in, running_app, settle
from ui.app import Shell
from ui.entry.form import IncidentForm

NARRATIVE = ("Kl. 02:40 truede B-101 en medbeboer med en knust flaske i fællesstuen.\n"
             "Personalet skilte dem ad; politiet blev kaldt. Æ, ø og å skal med.")


def fill_in(form: IncidentForm) -> None:
    form.types.set_choices([{"code": "VIO-THR", "subtype": "weapon"}, {"code": "DRG-DEAL", "subtype": None}])
    form.common.narrative.setPlainText(NARRATIVE)
    form.common.residents.add_row()
    drug = form.sections["drug"]
    drug.substances.setText("kokain, hash")  # type: ignore[attr-defined]
    drug.sellers_description.setText("Mand i mørk jakke, cykel")  # type: ignore[attr-defined]
    police = form.sections["police"]
    police.journal_no.setText("4000-12345-00001-26")  # type: ignore[attr-defined]


def open_form(qtbot: QtBot, shell: Shell, username: str) -> IncidentForm:
    window = log_in(qtbot, shell, username)
    form = window.show_page("new_incident")
    assert isinstance(form, IncidentForm)
    settle(qtbot, shell)
    return form


def saved_drafts(services: Services, role: Role, world: World) -> list[dict[str, Any]]:
    return [payload for _id, _at, payload in services.incidents.drafts(world.actor(role))]


def kill(shell: Shell) -> None:
    """The process dies: no close event, no last save; only what is in the database survives."""
    window = shell.window
    assert window is not None
    window.idle.stop()
    window.hide()
    window.deleteLater()
    shell.window = None


def test_the_draft_is_saved_a_few_seconds_after_typing(qtbot: QtBot, sqlite_world: World) -> None:
    with running_app(qtbot, sqlite_world.services) as shell:
        form = open_form(qtbot, shell, "night_staff")
        form.drafts.set_delay_ms(50)
        fill_in(form)
        qtbot.waitUntil(lambda: form.drafts.draft_id is not None, timeout=5_000)
        settle(qtbot, shell)
        drafts = saved_drafts(sqlite_world.services, Role.NIGHT_STAFF, sqlite_world)
        assert len(drafts) == 1
        assert drafts[0]["narrative"] == NARRATIVE
        assert form.draft_status.text().startswith("Kladde gemt ")


def test_a_draft_comes_back_with_every_word_after_the_app_is_killed(
    qtbot: QtBot, sqlite_world: World
) -> None:
    with running_app(qtbot, sqlite_world.services) as first:
        form = open_form(qtbot, first, "night_staff")
        form.drafts.set_delay_ms(50)
        fill_in(form)
        typed = form.state()
        qtbot.waitUntil(lambda: form.drafts.draft_id is not None, timeout=5_000)
        settle(qtbot, first)
        kill(first)

    # A brand-new app on the same database file, as after a power cut.
    url = sqlite_world.services.location.url
    services = Services.build(open_engine(url), DatabaseLocation(url, "test"))
    try:
        with running_app(qtbot, services) as second:
            window = log_in(qtbot, second, "night_staff")
            qtbot.waitUntil(lambda: window.draft_offer is not None and window.draft_offer.isVisible())
            offer = window.draft_offer
            assert offer is not None
            assert "Du har en ikke-indsendt hændelse fra" in offer.message.text()
            assert "Trusler" in offer.list.item(0).text()
            offer.activateWindow()  # the test's log_in activated the main window after it opened
            qtbot.waitUntil(offer.isActiveWindow)
            Keyboard(qtbot).press(Qt.Key.Key_Return)  # Fortsæt is the default button
            settle(qtbot, second)
            recovered = window.page("new_incident")
            assert isinstance(recovered, IncidentForm)
            assert window.current_page() is recovered
            back = recovered.state()
            for key in ("types", "narrative", "residents", "occurred_start", "zone_id", "facility_id"):
                assert back[key] == typed[key], key
            assert back["sections"]["drug"] == typed["sections"]["drug"]
            assert back["sections"]["police"]["journal_no"] == "4000-12345-00001-26"
            assert recovered.common.narrative.toPlainText() == NARRATIVE

            recovered.submit()
            qtbot.waitUntil(lambda: recovered.last_detail is not None, timeout=10_000)
            settle(qtbot, second)
            assert recovered.last_detail is not None
            assert recovered.last_detail.narrative == NARRATIVE.strip()
            assert saved_drafts(services, Role.NIGHT_STAFF, sqlite_world) == []
    finally:
        services.close()


def test_discarding_an_offered_draft_deletes_it(qtbot: QtBot, sqlite_world: World) -> None:
    services = sqlite_world.services
    services.incidents.save_draft(sqlite_world.actor(Role.STAFF), {"narrative": "Halvfærdig"},
                                  facility_id=sqlite_world.facility.id)
    with running_app(qtbot, services) as shell:
        window = log_in(qtbot, shell, "staff")
        qtbot.waitUntil(lambda: window.draft_offer is not None and window.draft_offer.isVisible())
        assert window.draft_offer is not None
        assert "“Halvfærdig”" in window.draft_offer.list.item(0).text()
        window.draft_offer.discard_button.click()
        settle(qtbot, shell)
        assert not window.draft_offer.isVisible()
        assert saved_drafts(services, Role.STAFF, sqlite_world) == []


def test_the_offer_speaks_the_users_language(qtbot: QtBot, sqlite_world: World) -> None:
    services = sqlite_world.services
    services.incidents.save_draft(sqlite_world.actor(Role.STAFF),
                                  {"types": [{"code": "VIO-THR", "subtype": None}], "narrative": "Råb"})
    with running_app(qtbot, services, language="en") as shell:
        window = log_in(qtbot, shell, "staff")
        qtbot.waitUntil(lambda: window.draft_offer is not None and window.draft_offer.isVisible())
        offer = window.draft_offer
        assert offer is not None
        assert offer.message.text().startswith("You have an unsubmitted incident from ")
        assert " – Threats – “Råb”" in offer.list.item(0).text()
        assert offer.continue_button.text() == "&Continue"
