"""Composition root: probe -> login -> open (unwrap the key) -> services -> UiContext -> windows.

The login shows first and nothing of SQLAlchemy is imported before it does: what the database
is (new, encrypted, still plaintext, a shared server, or damaged) is found out in the background
while the user types. An encrypted database opens only when a password unwraps its key, so the
login's submit is what opens it. ``build_app(services=...)`` builds the same app around services
that are already open, without entering the event loop, for tests.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ui import start_calls
from ui.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Retranslator, Translations
from ui.login import LoginDialog
from ui.operations import Op, Query
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from safetylog.domain.records import Actor
    from safetylog.services.container import Services, StartState
    from ui.context import UiContext
    from ui.first_run import FirstRunDialog, FirstRunResult
    from ui.main_window import MainWindow
    from ui.navigation import PageSpec
    from ui.password_dialog import ChangePasswordDialog
    from ui.reauth import SessionGuard
    from ui.recovery_key import RecoveryKeyDialog
    from ui.setup_checklist import SetupChecklist

log = logging.getLogger(__name__)


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


class Shell(QObject):
    """The start sequence and the windows: first run, login, main window, logout."""

    ready = Signal()
    """The login can be submitted, the first-run dialog is showing, or the database is refused."""

    logged_in = Signal(object)
    """The Actor who logged in; the main window is showing."""

    def __init__(self, app: QApplication, *, database_url: str | None = None,
                 services: Services | None = None, language: str | None = None,
                 pages: tuple[PageSpec, ...] | None = None) -> None:
        super().__init__()  # not parented to the app: a closed shell must not outlive its owner
        self.app = app
        self.tasks = TaskRunner(self)
        self.translations = Translations(self)
        self.pages = pages  # None: every page in ui.navigation.PAGES
        self._language_given = language is not None
        self.language = language or DEFAULT_LANGUAGE
        self.translations.set_language(self.language)
        self.services: Services | None = None
        self.ctx: UiContext | None = None
        self.guard: SessionGuard | None = None
        self.window: MainWindow | None = None
        self.first_run: FirstRunDialog | None = None
        self.recovery: RecoveryKeyDialog | None = None
        self.password_change: ChangePasswordDialog | None = None
        self.checklist: SetupChecklist | None = None  # after the first set-up, once
        self._after_first_run = False
        self.open_error: BaseException | None = None
        self.state = ""  # what the probe found: new, locked, plaintext, shared, damaged
        self._holds_key = False  # the embedded database is open with the key a login unwrapped
        self._pending_login: tuple[str, str] | None = None
        self.login = LoginDialog()
        self.login.form.submitted.connect(self._login_submitted)
        self.login.rejected.connect(self._login_closed)
        self._database_url = database_url
        self._opening = services is None
        if services is not None:
            self.state = "open"
            self._services_ready(services)

    # --- start ----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the login, then find out what the database is behind it (the user types meanwhile)."""
        if self.first_run is None:
            self.login.show()
        if self._opening:
            self._opening = False
            url = self._database_url
            Query(self, lambda: start_calls.probe(url)).success(self._probed).failure(
                self._open_failed).unguarded().run(self.tasks)

    def _probed(self, state: StartState) -> None:
        self.state = state.kind
        self.login.set_database(state.location.display())
        url = self._database_url
        if state.kind == "new":
            self._show_first_run()
            self.ready.emit()
        elif state.kind == "plaintext":
            self.login.set_notice(Retranslator("Shell").text(QT_TRANSLATE_NOOP(
                "Shell", "The database is being encrypted so that only personal logins can open "
                         "it. This takes a moment; type your login meanwhile.")))
            Op(self, lambda: start_calls.encrypt(url)).success(self._encrypted).failure(
                self._open_failed).unguarded().run(self.tasks, self.ctx)
        elif state.kind == "locked":
            self._locked_ready()
        elif state.kind == "shared":
            Query(self, lambda: start_calls.open_shared(url)).success(self._services_ready).failure(
                self._open_failed).unguarded().run(self.tasks)
        else:  # damaged: say so, and touch nothing
            from safetylog.domain.errors import DatabaseDamaged

            self._open_failed(DatabaseDamaged(state.message))

    def _encrypted(self, _none: object) -> None:
        self.login.set_notice(Retranslator("Shell").text(QT_TRANSLATE_NOOP(
            "Shell", "The database is now encrypted.")))
        self.state = "locked"
        self._locked_ready()

    def _locked_ready(self) -> None:
        """The login's submit opens the database; a login typed meanwhile goes now."""
        self.ready.emit()
        if self._pending_login is not None:
            self._login_submitted(*self._pending_login)

    def _services_ready(self, services: Services, *, check_users: bool = True) -> None:
        from ui.context import UiContext
        from ui.reauth import SessionGuard

        self.services = services
        self.ctx = UiContext(services, language=self.language)
        self.guard = SessionGuard(self.ctx, self.tasks, lambda: self.window)
        self.guard.ended.connect(self._session_ended)
        self.tasks.guard = self.guard
        self.login.set_database(services.location.display())
        if not self._language_given:
            Query(self, lambda: services.settings.get("language")).success(self._default_language).failure(
                self._open_failed).unguarded().run(self.tasks)
        if check_users:
            Query(self, services.auth.has_users).success(self._users_checked).failure(
                self._open_failed).unguarded().run(self.tasks)

    def _default_language(self, language: object) -> None:
        """The database's default language, unless the user already switched in this session."""
        if isinstance(language, str) and language != self.language and self.window is None:
            self.translations.set_language(language)
            self.language = language
            if self.ctx is not None:
                self.ctx.language = language

    def _users_checked(self, has_users: bool) -> None:
        if not has_users:
            self._show_first_run()
        elif self._pending_login is not None:
            self._login_submitted(*self._pending_login)
        self.ready.emit()

    def _open_failed(self, error: BaseException) -> None:
        from ui.login import login_error_text

        log.error("the database could not be opened: %r", error)
        self.open_error = error
        self._pending_login = None
        self.login.form.show_message(login_error_text(error) or "")
        self.login.form.set_busy(True)
        self.ready.emit()

    # --- first run ------------------------------------------------------------------------

    def _show_first_run(self) -> None:
        from ui.first_run import FirstRunDialog, create_encrypted

        self.login.hide()
        if self.ctx is not None:  # an empty shared database, or services handed in by a test
            self.first_run = FirstRunDialog(self.ctx, self.tasks)
        else:
            url = self._database_url
            self.first_run = FirstRunDialog(
                None, self.tasks, language=self.language,
                create=lambda values: create_encrypted(url, values))
        self.first_run.completed.connect(self._first_run_done)
        self.first_run.rejected.connect(self._login_closed)
        self.first_run.show()

    def _first_run_done(self, result: FirstRunResult) -> None:
        if self.first_run is not None:
            self.first_run.hide()
            self.first_run.deleteLater()
            self.first_run = None
        self._after_first_run = True
        if result.services is not None:
            self._services_ready(result.services, check_users=False)
            self._holds_key = result.services.key_ring is not None
        self._logged_in(result.actor, result.recovery_key)

    # --- login ----------------------------------------------------------------------------

    def _login_submitted(self, username: str, password: str) -> None:
        self.login.form.set_busy(True)
        if self.services is not None:
            services = self.services
            self._pending_login = None
            Op(self, lambda: start_calls.login(services, username, password)).success(
                self._login_done).failure(self._login_failed).unguarded().run(self.tasks, self.ctx)
        elif self.state == "locked":
            self._pending_login = None
            url = self._database_url
            Op(self, lambda: start_calls.unlock(url, username, password)).success(
                self._login_done).failure(self._login_failed).unguarded().run(self.tasks, self.ctx)
        else:  # still finding out or encrypting: log in as soon as it can be opened
            self._pending_login = (username, password)

    def _login_done(self, result: tuple[Services | None, Actor, str | None]) -> None:
        services, actor, key = result
        if services is not None:
            self._services_ready(services, check_users=False)
            self._holds_key = services.key_ring is not None
        self._logged_in(actor, key)

    def _login_failed(self, error: BaseException) -> None:
        from safetylog.domain.errors import DatabaseDamaged

        if isinstance(error, DatabaseDamaged):
            self._open_failed(error)
            return
        log.info("login refused: %r", error)
        self.login.form.show_error(error)

    def _logged_in(self, actor: Actor, recovery_key: str | None) -> None:
        """After the password: the recovery key (once), a forced password change, then the window."""
        if recovery_key:
            self._show_recovery_key(actor, recovery_key)
        elif getattr(actor, "must_change_password", False):
            self._force_password_change(actor)
        else:
            self._show_main(actor)

    def _show_recovery_key(self, actor: Actor, key: str) -> None:
        from ui.recovery_key import RecoveryKeyDialog

        self.login.hide()
        self.recovery = RecoveryKeyDialog(key)
        self.recovery.accepted.connect(lambda: self._recovery_key_kept(actor))
        self.recovery.show()

    def _recovery_key_kept(self, actor: Actor) -> None:
        if self.recovery is not None:
            self.recovery.hide()
            self.recovery.deleteLater()
            self.recovery = None
        self._logged_in(actor, None)

    def _force_password_change(self, actor: Actor) -> None:
        from ui.password_dialog import ChangePasswordDialog

        assert self.ctx is not None
        self.ctx.actor = actor
        self.login.hide()
        self.password_change = dialog = ChangePasswordDialog(self.ctx, self.tasks, forced=True)
        dialog.changed.connect(self._show_main)
        dialog.rejected.connect(lambda: self._password_change_refused(actor))
        dialog.show()

    def _password_change_refused(self, actor: Actor) -> None:
        assert self.ctx is not None
        self.ctx.actor = None
        services = self.ctx.services
        Op(self, lambda: services.auth.logout(actor)).failure(lambda _error: None).unguarded().run(
            self.tasks, self.ctx)  # a failure is logged by the helper
        self._back_to_login("")

    def _login_closed(self) -> None:
        if self.window is None or not self.window.isVisible():
            self.app.quit()

    def _show_main(self, actor: Actor) -> None:
        from ui.main_window import MainWindow

        assert self.ctx is not None
        if self.password_change is not None:
            self.password_change.deleteLater()
            self.password_change = None
        if self.window is None:
            self.ctx.language = self.language
            if self.pages is None:
                self.window = MainWindow(self.ctx, self.tasks, self.translations)
            else:
                self.window = MainWindow(self.ctx, self.tasks, self.translations, pages=self.pages)
            self.window.logout_requested.connect(self._logged_out)
            self.ctx.hub.language_changed.connect(self._language_changed)
        self.login.hide()
        self.login.form.reset()
        self.login.set_notice("")
        self.window.set_actor(actor)
        self.window.show()
        if self._after_first_run:
            self._show_checklist(self.window)
        self.logged_in.emit(actor)

    def _show_checklist(self, window: MainWindow) -> None:
        from ui.setup_checklist import SetupChecklist

        self._after_first_run = False
        self.checklist = SetupChecklist(window.show_page, window)
        self.checklist.show()

    def _logged_out(self) -> None:
        self._back_to_login("")

    def _session_ended(self, message: str) -> None:
        """The login is gone (ended, expired, deactivated): back to the login, saying why."""
        if self.window is not None:
            self.window.end_session()
        self._back_to_login(message)

    def _back_to_login(self, message: str) -> None:
        if self.window is not None:
            self.window.hide()
        self._drop_key()
        self.login.form.reset()
        if message:
            self.login.form.show_message(message)
        self.login.show()

    def _drop_key(self) -> None:
        """Nobody is logged in: close the embedded database, so that the key is no longer in
        memory and the next login unwraps it again (the window, bound to it, goes too)."""
        if not self._holds_key:
            return
        if self.window is not None:
            self.window.idle.stop()
            self.window.deleteLater()
            self.window = None
        self.tasks.wait_all()  # the database closes: every call on it (the logout's audit row) ends first
        self.tasks.guard = None
        if self.services is not None:
            self.services.close()
        self.services, self.ctx, self.guard = None, None, None
        self._holds_key = False
        self.state = "locked"

    def _language_changed(self, language: str) -> None:
        self.language = language

    def close(self) -> None:
        """Close every window, let background work finish, and close the database."""
        if self.window is not None:
            self.window.close()
        if self.recovery is not None:  # quitting: the key dialog may not refuse to close now
            self.recovery.hide()
            self.recovery.deleteLater()
            self.recovery = None
        for dialog in (self.login, self.first_run, self.password_change):
            if dialog is not None:
                dialog.close()
        self.tasks.wait_all()  # the database closes: every call on it ends first

        self.translations.uninstall()
        if self.services is not None:
            self.services.close()


def build_app(database_url: str | None = None, *, services: Services | None = None,
              language: str | None = None, argv: list[str] | None = None,
              pages: tuple[PageSpec, ...] | None = None) -> tuple[QApplication, Shell]:
    """The app, wired and ready, without entering the event loop (tests drive it from here)."""
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("SafetyLog")
    app.setOrganizationName("SafetyLog")
    return app, Shell(app, database_url=database_url, services=services, language=language,
                      pages=pages)


def main(database_url: str | None = None) -> int:
    if not has_display():
        print("safetylog: no display found; start SafetyLog from a desktop session "
              "(or use the command line: safetylog --help).", file=sys.stderr)
        return 1
    app, shell = build_app(database_url)
    shell.start()
    try:
        return int(app.exec())
    finally:
        shell.close()
