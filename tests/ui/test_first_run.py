"""First run: an empty database asks for the facility and the first administrator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.services.container import Services
from tests.conftest import PASSWORD
from tests.ui.app_driver import mnemonics, settle
from ui.app import build_app


def test_first_run_sets_up_the_facility_and_logs_the_administrator_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    _app, shell = build_app(url, language="da")
    shell.start()
    assert shell.login.isVisible()  # the login shows at once, while the database opens
    qtbot.waitUntil(lambda: shell.first_run is not None and shell.first_run.isVisible(), timeout=20_000)
    dialog = shell.first_run
    assert dialog is not None
    assert not shell.login.isVisible()
    assert dialog.windowTitle() == "SafetyLog – første start"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text() == "Annuller"  # Qt's own Danish for standard buttons
    keys = mnemonics(dialog)
    assert len(keys) == len(set(keys)) == 9, keys  # every field and the button: its own Alt+letter

    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for name, text in [("facility_code", "HAV BLIK"), ("facility_name", "Bostedet Havblik"),
                       ("municipality", "Aarhus"), ("police_district", "Østjyllands Politi"),
                       ("username", "anna"), ("display_name", "Anna Admin"),
                       ("password", PASSWORD), ("password_again", PASSWORD + "x")]:
        qtbot.keyClicks(dialog.inputs[name], text)
    qtbot.keyClick(dialog.inputs["password_again"], Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert dialog.errors["password_again"].text() == "De to adgangskoder er ikke ens."

    dialog.inputs["password_again"].setText(PASSWORD)
    qtbot.keyClick(dialog.inputs["password_again"], Qt.Key.Key_Return)
    settle(qtbot, shell)
    assert dialog.errors["facility_code"].text().startswith("Ugyldigt format")
    assert dialog.errors["password_again"].text() == ""
    assert QApplication.focusWidget() is dialog.inputs["facility_code"]

    dialog.inputs["facility_code"].setText("HAV")
    qtbot.keyClick(dialog.inputs["facility_code"], Qt.Key.Key_Return)
    # The new database is encrypted: its recovery key is shown once before anything else.
    qtbot.waitUntil(lambda: shell.recovery is not None and shell.recovery.isVisible(), timeout=20_000)
    assert shell.recovery is not None and not shell.recovery.continue_button.isEnabled()
    shell.recovery.confirm.setChecked(True)
    shell.recovery.continue_button.click()
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
    settle(qtbot, shell)
    window = shell.window
    assert window is not None
    qtbot.addWidget(window)
    assert shell.ctx is not None and shell.ctx.actor is not None
    assert shell.ctx.actor.role is Role.ADMIN
    assert window.role_label.text() == "Rolle: Administrator"
    # The set-up ends with what is left to do, each step a button to its page.
    checklist = shell.checklist
    assert checklist is not None and checklist.isVisible()
    assert [s.text().split(":")[0] for s in checklist.steps] == ["1. Steder", "2. Ledere og personale",
                                                                   "3. Beboere"]
    assert "administrator eller en leder" in checklist.steps[2].text()
    assert "safetylog resident add" in checklist.steps[2].text()
    checklist.buttons[2].click()
    assert window.current_page_key() == "residents"
    assert not checklist.isVisible()
    services: Services = shell.ctx.services
    facilities = services.admin.list_facilities(shell.ctx.actor)
    assert [(f.code, f.name, f.police_district) for f in facilities] == [
        ("HAV", "Bostedet Havblik", "Østjyllands Politi")]
    window.idle.stop()
    window.close()
    settle(qtbot, shell)
    shell.close()
