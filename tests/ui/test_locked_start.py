"""The start of the embedded database: set up with a recovery key, opened by the login's
password, an old plaintext file encrypted, a damaged file refused without a write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from safetylog.config import DatabaseLocation
from safetylog.services.container import Services, create_new, probe
from safetylog.storage import migrate
from safetylog.storage.engine import make_engine
from tests.conftest import PASSWORD, build_world
from tests.ui.app_driver import settle
from ui.app import Shell, build_app
from ui.main_window import MainWindow
from ui.recovery_key import RecoveryKeyDialog

FIELDS = [("facility_code", "HAV"), ("facility_name", "Bostedet Havblik"), ("municipality", "Aarhus"),
          ("police_district", "Østjyllands Politi"), ("username", "anna"),
          ("display_name", "Anna Admin"), ("password", PASSWORD), ("password_again", PASSWORD)]


def opened(shell: Shell) -> MainWindow:
    """The main window a wait above saw open (a call's result is not narrowed by earlier checks)."""
    assert shell.window is not None
    return shell.window


@contextmanager
def started(qtbot: QtBot, url: str | None) -> Iterator[Shell]:
    _app, shell = build_app(url, language="da", pages=())
    shell.start()
    qtbot.addWidget(shell.login)
    try:
        yield shell
    finally:
        settle(qtbot, shell)
        if shell.window is not None:
            shell.window.idle.stop()
            shell.window.close()
            shell.window.deleteLater()
        shell.close()
        shell.deleteLater()
        QApplication.processEvents()


def submit(qtbot: QtBot, shell: Shell, username: str, password: str) -> None:
    form = shell.login.form
    form.username.setText(username)
    form.password.setText(password)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    settle(qtbot, shell)


def keep_the_key(qtbot: QtBot, dialog: RecoveryKeyDialog) -> None:
    """The key dialog cannot be closed away before the user confirms it was kept."""
    assert not dialog.continue_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.confirm.setChecked(True)
    assert dialog.continue_button.isEnabled()
    dialog.continue_button.click()


def test_the_first_run_on_an_empty_data_folder_shows_the_recovery_key_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "userdata"  # the fixtures' SAFETYLOG_DATA_DIR: nothing there yet
    assert not data.exists() or not any(data.iterdir())
    with started(qtbot, None) as shell:
        qtbot.waitUntil(lambda: shell.first_run is not None and shell.first_run.isVisible(),
                        timeout=20_000)
        assert shell.state == "new"
        dialog = shell.first_run
        assert dialog is not None
        for name, text in FIELDS:
            dialog.inputs[name].setText(text)
        dialog.create_button.click()
        qtbot.waitUntil(lambda: shell.recovery is not None and shell.recovery.isVisible(), timeout=20_000)
        key_dialog = shell.recovery
        assert key_dialog is not None and shell.window is None
        assert key_dialog.windowTitle() == "SafetyLog – gendannelsesnøgle"
        assert key_dialog.confirm.text() == "Jeg har &skrevet nøglen ned / printet den"
        assert key_dialog.print_button.text() == "&Udskriv…"
        assert "pengeskab" in key_dialog.explanation.text()
        assert len(key_dialog.key.replace(" ", "").replace("-", "")) >= 20
        assert key_dialog.key_label.font().fixedPitch() or key_dialog.key_label.font().styleHint()
        keep_the_key(qtbot, key_dialog)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
        assert shell.recovery is None
        assert shell.ctx is not None and shell.ctx.actor is not None
        assert shell.ctx.actor.username == "anna"
        url = shell.ctx.services.location.url
    assert probe(url).kind == "locked"  # encrypted, with a key file: the next start asks for a login


def test_a_locked_database_opens_with_the_right_password_only(qtbot: QtBot, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'locked.sqlite3'}"
    made = create_new(url, facility_code="HAV", facility_name="Bostedet Havblik",
                      admin_username="anna", admin_display_name="Anna Admin", admin_password=PASSWORD)
    made.services.close()
    with started(qtbot, url) as shell:
        qtbot.waitUntil(lambda: shell.state == "locked", timeout=20_000)
        assert shell.services is None  # nothing is open before a password unwraps the key
        submit(qtbot, shell, "anna", "helt-forkert-kode")
        assert shell.window is None and shell.services is None
        assert shell.login.form.error.text() == "Forkert brugernavn eller adgangskode. Prøv igen."
        qtbot.wait(1_100)  # the key file throttles the next attempt too
        submit(qtbot, shell, "anna", PASSWORD)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
        assert shell.ctx is not None and shell.ctx.actor is not None
        assert shell.ctx.actor.username == "anna"

        opened(shell).logout_action.trigger()
        qtbot.waitUntil(shell.login.isVisible, timeout=10_000)
        settle(qtbot, shell)
        assert shell.services is None and shell.window is None  # the key left memory with the login
        submit(qtbot, shell, "anna", PASSWORD)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)


def plaintext_database(path: Path) -> str:
    """A database as an earlier version left it: unencrypted, with users."""
    url = f"sqlite:///{path}"
    engine = make_engine(url, plaintext=True)
    migrate.upgrade(engine)
    services = Services.build(engine, DatabaseLocation(url, "test"))
    build_world(services)
    services.close()
    return url


def test_an_old_plaintext_database_is_encrypted_and_the_admin_gets_the_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    url = plaintext_database(tmp_path / "old.sqlite3")
    assert probe(url).kind == "plaintext"
    with started(qtbot, url) as shell:
        qtbot.waitUntil(lambda: shell.state == "locked", timeout=30_000)
        assert shell.login.notice.isVisible()
        assert shell.login.notice.text() == "Databasen er nu krypteret."
        submit(qtbot, shell, "admin", PASSWORD)
        qtbot.waitUntil(lambda: shell.recovery is not None, timeout=20_000)
        assert shell.recovery is not None and shell.recovery.isVisible()
        keep_the_key(qtbot, shell.recovery)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
    assert probe(url).kind == "locked"


def test_a_damaged_database_is_said_in_one_danish_sentence_and_left_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"")  # an emptied file: nothing to open, nothing to overwrite
    with started(qtbot, f"sqlite:///{path}") as shell:
        qtbot.waitUntil(lambda: shell.open_error is not None, timeout=20_000)
        assert shell.state == "damaged"
        text = shell.login.form.error.text()
        assert text.startswith("Databasefilen er beskadiget"), text
        assert "sikkerhedskopi" in text and "administrator" in text
        assert not shell.login.form.submit_button.isEnabled()
        assert not shell.login.form.password.isEnabled()
    assert path.read_bytes() == b""


def test_the_recovery_key_prints_on_one_page(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    dialog = RecoveryKeyDialog("7K3Q9XWDM2PA4TNBHV6RC8EJ", "Bostedet Havblik")
    qtbot.addWidget(dialog)
    assert dialog.key == "7K3Q 9XWD M2PA 4TNB HV6R C8EJ"  # grouped to copy by hand
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "noegle.pdf"
    printer.setOutputFileName(str(target))
    dialog.paint_page(printer)
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"/Count 1" in data


def test_a_password_changed_in_the_app_opens_the_database_at_the_next_start(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from safetylog.services.container import unlock_and_open

    url = f"sqlite:///{tmp_path / 'locked.sqlite3'}"
    create_new(url, facility_code="HAV", facility_name="Bostedet Havblik", admin_username="anna",
               admin_display_name="Anna Admin", admin_password=PASSWORD).services.close()
    new_password = "grøn cykel under æbletræet"
    with started(qtbot, url) as shell:
        qtbot.waitUntil(lambda: shell.state == "locked", timeout=20_000)
        submit(qtbot, shell, "anna", PASSWORD)
        qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=20_000)
        window = shell.window
        assert window is not None
        window.password_action.trigger()
        dialog = window.password_dialog
        assert dialog is not None
        dialog.old.setText(PASSWORD)  # type: ignore[attr-defined]
        dialog.new.setText(new_password)  # type: ignore[attr-defined]
        dialog.repeat.setText(new_password)  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]
        settle(qtbot, shell)
        assert window.statusBar().currentMessage() == "Din adgangskode er ændret."
    services, actor = unlock_and_open(url, "anna", new_password)  # the key slot followed
    services.close()
    assert actor.username == "anna"
