"""Composition root: engine -> services -> UiContext -> TaskRunner -> windows.

The login shows first, while the database opens in the background: importing SQLAlchemy and
Alembic and migrating the file takes longer than drawing a window, so the user types while it
happens. ``build_app`` builds the same app without entering the event loop, for tests.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from ui.i18n import DEFAULT_LANGUAGE, QT_TRANSLATE_NOOP, Retranslator, Translations
from ui.login import LoginDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from safetylog.domain.records import Actor
    from safetylog.services.container import Services
    from ui.context import UiContext
    from ui.first_run import FirstRunDialog
    from ui.main_window import MainWindow
    from ui.navigation import PageSpec


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def _open(database_url: str | None) -> Services:
    from safetylog.services.container import open_services

    return open_services(database_url)


class Shell(QObject):
    """The start sequence and the windows: first run, login, main window, logout."""

    ready = Signal()
    """The database is open (the login can be submitted, or the first-run dialog is showing)."""

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
        self.window: MainWindow | None = None
        self.first_run: FirstRunDialog | None = None
        self.open_error: BaseException | None = None
        self._pending_login: tuple[str, str] | None = None
        self.login = LoginDialog()
        self.login.form.submitted.connect(self._login_submitted)
        self.login.rejected.connect(self._login_closed)
        self._database_url = database_url
        self._opening = services is None
        if services is not None:
            self._services_ready(services)

    # --- start ----------------------------------------------------------------------------

    def start(self) -> None:
        """Show the login, then open the database behind it (the user types meanwhile)."""
        if self.first_run is None:
            self.login.show()
        if self._opening:
            self._opening = False
            url = self._database_url
            self.tasks.run(lambda: _open(url), self._services_ready, self._open_failed)

    def _services_ready(self, services: Services) -> None:
        from ui.context import UiContext

        self.services = services
        self.ctx = UiContext(services, language=self.language)
        self.login.set_database(services.location.display())
        if not self._language_given:
            self.tasks.run(lambda: services.settings.get("language"), self._default_language,
                           self._open_failed)
        self.tasks.run(services.auth.has_users, self._users_checked, self._open_failed)

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
        self.open_error = error
        self.login.form.show_message(Retranslator("Shell").text(
            QT_TRANSLATE_NOOP("Shell", "The database could not be opened: %1"), error))
        self.login.form.set_busy(True)

    def _show_first_run(self) -> None:
        from ui.first_run import FirstRunDialog

        assert self.ctx is not None
        self.login.hide()
        self.first_run = FirstRunDialog(self.ctx, self.tasks)
        self.first_run.completed.connect(self._first_run_done)
        self.first_run.rejected.connect(self._login_closed)
        self.first_run.show()

    def _first_run_done(self, actor: Actor) -> None:
        if self.first_run is not None:
            self.first_run.hide()
            self.first_run.deleteLater()
            self.first_run = None
        self._show_main(actor)

    # --- login ----------------------------------------------------------------------------

    def _login_submitted(self, username: str, password: str) -> None:
        self.login.form.set_busy(True)
        if self.services is None:  # still opening: log in as soon as it is open
            self._pending_login = (username, password)
            return
        self._pending_login = None
        services = self.services
        self.tasks.run(lambda: services.auth.login(username, password), self._show_main,
                       self._login_failed)

    def _login_failed(self, error: BaseException) -> None:
        from safetylog.domain.errors import AuthenticationError

        if isinstance(error, AuthenticationError):
            self.login.form.show_failure()
        else:
            self.login.form.show_message(str(error))

    def _login_closed(self) -> None:
        if self.window is None or not self.window.isVisible():
            self.app.quit()

    def _show_main(self, actor: Actor) -> None:
        from ui.main_window import MainWindow

        assert self.ctx is not None
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
        self.window.set_actor(actor)
        self.window.show()
        self.logged_in.emit(actor)

    def _logged_out(self) -> None:
        if self.window is not None:
            self.window.hide()
        self.login.form.reset()
        self.login.show()

    def _language_changed(self, language: str) -> None:
        self.language = language

    def close(self) -> None:
        """Close every window, let background work finish, and close the database."""
        if self.window is not None:
            self.window.close()
        self.login.close()
        self.tasks.wait()
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
