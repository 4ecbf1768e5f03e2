"""The main window: navigation on the left, the pages in a stack, user and database below.

Pages come from the registry in ``ui.navigation`` and are created the first time they are shown,
for the logged-in user only: a switch to another user rebuilds them, so nothing of the previous
user's screens stays in memory. The lock screen sits in front of the workspace without touching it.

The window fits the smallest office screen (1024 x 768): it opens inside the available screen
area, or where this PC last had it; every page sits in a scroll area, so no page can make the
window larger than the screen; the navigation can be hidden to give a page the whole width.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QHideEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.errors import AuthenticationError
from safetylog.domain.records import Actor
from ui import navigation, window_state
from ui.chain_banner import ChainBanner
from ui.context import UiContext
from ui.entry.drafts import DraftOfferDialog, DraftOffers
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, Translations, is_language_change, translate
from ui.lock import Curtains, IdleWatcher, LockScreen
from ui.navigation import PageSpec
from ui.operations import Op, Query
from ui.space_line import SpaceWatch
from ui.tasks import TaskRunner
from ui.views.feedback import FeedbackOffer
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.labels import label as enum_label

log = logging.getLogger(__name__)
CONTEXT = "MainWindow"
PREFERRED_SIZE = (1280, 820)  # on a screen with room for it; smaller screens get the whole screen
GEOMETRY_KEY = "main_window/geometry"
NAVIGATION_KEY = "main_window/navigation_shown"


class PageFrame(QScrollArea):
    """One page in a scroll area: a page wider or taller than the window scrolls instead of
    making the window larger than the screen."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(page)
        self.setObjectName(f"frame_{page.objectName()}")


class MainWindow(QMainWindow):
    logout_requested = Signal()
    """The user chose Log out; drafts are saved and the logout is audited before this fires."""

    lock_changed = Signal(bool)
    """True when the window locked, False when it was unlocked."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, translations: Translations,
                 parent: QWidget | None = None,
                 pages: tuple[PageSpec, ...] = navigation.PAGES) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.registry = pages
        self.ctx = ctx
        self.tasks = tasks
        self.translations = translations
        self._texts = Retranslator(CONTEXT)
        self._specs: list[PageSpec] = []
        self._pages: dict[str, QWidget] = {}
        self._frames: dict[str, PageFrame] = {}
        self._locked = False
        self.password_dialog: QDialog | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setSpacing(2)
        self.nav.currentRowChanged.connect(self._row_changed)
        self.stack = QStackedWidget(self)
        workspace = QWidget(self)
        row = QHBoxLayout(workspace)
        row.setContentsMargins(8, 8, 8, 8)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.workspace = workspace
        self.lock_screen = LockScreen(self)
        self.lock_screen.unlock_requested.connect(self._unlock_requested)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(workspace)
        self.screens.addWidget(self.lock_screen)
        self.banner = ChainBanner(ctx, tasks, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.screens, 1)
        self.setCentralWidget(central)

        self.curtains = Curtains()
        self.draft_offers = DraftOffers(ctx, tasks, self, self._continue_draft)
        self.feedback_offer = FeedbackOffer(ctx, tasks, self)  # "Det skete der med din indberetning"
        self.idle = IdleWatcher(self)
        self.idle.timed_out.connect(self.lock)
        self._build_menus()
        self._build_status_bar()
        self._texts.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("MainWindow", "SafetyLog"))
        self._texts.bind(self.nav.setAccessibleName, QT_TRANSLATE_NOOP("MainWindow", "Navigation"))
        ctx.hub.changed.connect(self._settings_changed)
        ctx.hub.failed.connect(self._background_failed)

        self._restore_geometry()

    # --- size and place -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        """Where this PC last had the window; the first time, the preferred size if the screen has
        room for it, else the whole screen (maximised). Either way inside the available area."""
        saved = window_state.read_bytes(GEOMETRY_KEY)
        if saved is not None and self.restoreGeometry(saved):
            window_state.fit_inside(self)
            return
        room = window_state.available_area(self)
        extra_w, extra_h = window_state.FRAME_ALLOWANCE
        width, height = PREFERRED_SIZE
        if width + extra_w > room.width() or height + extra_h > room.height():
            self.resize(min(width, room.width() - extra_w), min(height, room.height() - extra_h))
            self.move(room.topLeft())
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        else:
            self.resize(width, height)
            self.move(room.center().x() - width // 2, room.center().y() - (height + extra_h) // 2)

    def save_geometry(self) -> None:
        window_state.write_bytes(GEOMETRY_KEY, self.saveGeometry())

    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # closed, logged out or ended; not merely minimised
            self.save_geometry()
        super().hideEvent(event)

    # --- menus and status bar -------------------------------------------------------------

    def _action(self, menu: QMenu, source: str, slot: Any, shortcut: str = "") -> QAction:
        action = QAction(self)
        self._texts.bind(action.setText, source)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        t = self._texts
        self.file_menu = bar.addMenu("")
        t.bind(self.file_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "&File"))
        self.lock_action = self._action(self.file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Lock"),
                                        self.lock, "Ctrl+L")
        # Incident windows are top-level windows of their own: a window shortcut would not reach
        # them, and a user walking away from one must still lock with one key.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.logout_action = self._action(self.file_menu, QT_TRANSLATE_NOOP("MainWindow", "Log &out"),
                                          self.logout)
        self.password_action = self._action(
            self.file_menu, QT_TRANSLATE_NOOP("MainWindow", "Change &password…"), self.change_password)
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
                                        self.close, "Ctrl+Q")
        self.go_menu = bar.addMenu("")
        t.bind(self.go_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "&Go to"))
        self.navigation_action = QAction(self)
        self.navigation_action.setCheckable(True)
        self.navigation_action.setChecked(window_state.read_flag(NAVIGATION_KEY, True))
        t.bind(self.navigation_action.setText, QT_TRANSLATE_NOOP("MainWindow", "Show the &page list"))
        self.navigation_action.toggled.connect(self.show_navigation)
        self.language_menu = bar.addMenu("")
        t.bind(self.language_menu.setTitle, QT_TRANSLATE_NOOP("MainWindow", "Lang&uage"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so these two are deliberately not translated.
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.language)
            action.setProperty("i18n_data", True)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def _build_status_bar(self) -> None:
        self.user_label = QLabel(self)
        self.user_label.setObjectName("statusUser")
        self.role_label = QLabel(self)
        self.role_label.setObjectName("statusRole")
        self.database_label = ElidedLabel(self)  # a long path must not widen the window
        self.database_label.setObjectName("statusDatabase")
        self.space = SpaceWatch(self.ctx, self.tasks, self)  # the disk filling up: seen coming
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.role_label)
        status.addPermanentWidget(self.space.line, 1)
        status.addPermanentWidget(self.database_label)
        self._show_status()

    def _show_status(self) -> None:
        actor = self.ctx.actor
        t = self._texts
        self.user_label.setText(t.text(QT_TRANSLATE_NOOP("MainWindow", "User: %1"),
                                       actor.display_name if actor else "–"))
        self.role_label.setText(t.text(QT_TRANSLATE_NOOP("MainWindow", "Role: %1"),
                                       enum_label(actor.role) if actor else "–"))
        self.database_label.setText(t.text(QT_TRANSLATE_NOOP("MainWindow", "Database: %1"),
                                           self.ctx.services.location.display()))

    # --- user -----------------------------------------------------------------------------

    def set_actor(self, actor: Actor) -> None:
        """Show the workspace for ``actor``: their pages, their status line, their idle time."""
        self._clear_pages()
        self.ctx.actor = actor
        self._specs = navigation.available_pages(self.ctx.may, self.registry)
        self.nav.blockSignals(True)
        self.nav.clear()
        self.go_menu.clear()
        for spec in self._specs:
            item = QListWidgetItem(self._nav_text(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(self._nav_tooltip(spec))
            self.nav.addItem(item)
            action = QAction(self._nav_text(spec), self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setData(spec.key)
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            self.go_menu.addAction(action)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.navigation_action)
        self.nav.blockSignals(False)
        self._fit_nav()
        self.show_navigation(self.navigation_action.isChecked())
        self._show_status()
        self.screens.setCurrentWidget(self.workspace)
        self._locked = False
        for action in self._session_actions:
            action.setEnabled(True)
        if self._specs:
            self.show_page(self._specs[0].key)
        self.ctx.hub.actor_changed.emit(actor)
        self._start_idle_watch()
        self.banner.check()
        self.space.check()
        self.offer_drafts()
        self.feedback_offer.offer()

    @property
    def _session_actions(self) -> tuple[QAction, ...]:
        """The menu entries that make no sense while locked."""
        return (self.lock_action, self.logout_action, self.password_action)

    def change_password(self) -> None:
        from ui.password_dialog import ChangePasswordDialog

        if self.ctx.actor is None or self._locked:
            return
        dialog = ChangePasswordDialog(self.ctx, self.tasks, parent=self)
        dialog.changed.connect(lambda _actor: self.statusBar().showMessage(self._texts.text(
            QT_TRANSLATE_NOOP("MainWindow", "Your password is changed.")), 10_000))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        self.password_dialog = dialog

    def _fit_nav(self) -> None:
        """As wide as the longest page name in the current language, and no wider."""
        width = self.nav.sizeHintForColumn(0) if self.nav.count() else 120
        self.nav.setFixedWidth(max(120, width + 2 * self.nav.frameWidth() + 16))

    def show_navigation(self, shown: bool) -> None:
        """Show or hide the page list (the pages stay a shortcut or the Go to menu away)."""
        self.nav.setVisible(shown)
        if self.navigation_action.isChecked() != shown:
            self.navigation_action.setChecked(shown)
        window_state.write_flag(NAVIGATION_KEY, shown)

    @staticmethod
    def _nav_text(spec: PageSpec) -> str:
        return translate(navigation.CONTEXT, spec.label)

    def _nav_tooltip(self, spec: PageSpec) -> str:
        """The page's shortcut, shown on the entry rather than beside it: the list stays narrow."""
        if not spec.shortcut:
            return self._nav_text(spec)
        shortcut = QKeySequence(spec.shortcut).toString(QKeySequence.SequenceFormat.NativeText)
        return f"{self._nav_text(spec)} ({shortcut})"

    def _start_idle_watch(self) -> None:
        Query(self, self.ctx.services.settings.idle_lock_minutes).success(self._idle_minutes_read).run(
            self.tasks, self.ctx)

    def _idle_minutes_read(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        if self.ctx.actor is not None and not self._locked:
            self.idle.start()

    def _settings_changed(self, changes: object) -> None:
        from ui.context import Changes

        if isinstance(changes, Changes) and Changes.SETTINGS in changes and self.ctx.actor:
            self._start_idle_watch()

    # --- pages ----------------------------------------------------------------------------

    @property
    def page_keys(self) -> list[str]:
        return [spec.key for spec in self._specs]

    def page(self, key: str) -> QWidget | None:
        """The page for ``key``, created on first use; None if the user may not see it."""
        if key in self._pages:
            return self._pages[key]
        spec = next((s for s in self._specs if s.key == key), None)
        if spec is None:
            return None
        factory = navigation.load_factory(spec)
        if factory is None:
            return None
        widget = factory(self.ctx, self.tasks, self.stack)
        widget.setObjectName(f"page_{key}")
        frame = PageFrame(widget, self.stack)
        self.stack.addWidget(frame)
        self._pages[key] = widget
        self._frames[key] = frame
        return widget

    def show_page(self, key: str) -> QWidget | None:
        widget = self.page(key)
        if widget is None or self._locked:
            return widget
        self.stack.setCurrentWidget(self._frames[key])
        row = self.page_keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        hook = getattr(widget, "on_activated", None)
        if callable(hook):
            hook()
        return widget

    def current_page_key(self) -> str | None:
        frame = self.stack.currentWidget()
        return next((k for k, f in self._frames.items() if f is frame), None)

    def current_page(self) -> QWidget | None:
        key = self.current_page_key()
        return self._pages.get(key) if key is not None else None

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._specs):
            self.show_page(self._specs[row].key)

    def _clear_pages(self) -> None:
        for frame in self._frames.values():
            self.stack.removeWidget(frame)
            frame.deleteLater()  # and the page in it
        self._frames.clear()
        self._pages.clear()

    def flush_drafts(self) -> None:
        """Save every page's unsaved input now (lock, logout, quit, user switch)."""
        for widget in self._pages.values():
            hook = getattr(widget, "flush_draft", None)
            if callable(hook):
                hook()

    # --- drafts offered back after login --------------------------------------------------

    def offer_drafts(self) -> None:
        if self.ctx.actor is not None and "new_incident" in self.page_keys:
            self.draft_offers.offer()

    @property
    def draft_offer(self) -> DraftOfferDialog | None:
        return self.draft_offers.dialog

    def _continue_draft(self, draft_id: int, payload: dict[str, Any]) -> None:
        form = self.show_page("new_incident")
        loader = getattr(form, "load_draft", None)
        if callable(loader):
            loader(draft_id, payload)

    # --- lock, unlock, logout -------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        actor = self.ctx.actor
        if self._locked or actor is None:
            return
        self.flush_drafts()
        self._locked = True
        self.idle.stop()
        self.draft_offers.close()
        self.feedback_offer.close()
        auth = self.ctx.services.auth
        Op(self, lambda: auth.lock(actor)).run(self.tasks, self.ctx)
        for action in self._session_actions:
            action.setEnabled(False)
        self.go_menu.setEnabled(False)
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.show_locked(actor.display_name, actor.username)
        self.curtains.cover(self)
        # Locked from another window (an incident's): the password must be typable at once.
        self.raise_()
        self.activateWindow()
        self.lock_screen.form.password.setFocus()
        self.lock_changed.emit(True)

    def _unlock_requested(self, username: str, password: str) -> None:
        previous = self.ctx.require_actor()
        self.lock_screen.form.set_busy(True)
        auth = self.ctx.services.auth
        Op(self, lambda: auth.unlock(username, password, previous)).success(
            lambda actor: self._unlocked(previous, actor)).failure(self._unlock_failed).unguarded().run(
            self.tasks, self.ctx)

    def _unlocked(self, previous: Actor, actor: Actor) -> None:
        self.lock_screen.form.reset()
        self.go_menu.setEnabled(True)
        if actor.user_id == previous.user_id:
            self.curtains.lift()
            self.ctx.actor = actor
            self._locked = False
            for action in self._session_actions:
                action.setEnabled(True)
            self.screens.setCurrentWidget(self.workspace)
            self.idle.start()
        else:
            self.curtains.close_all()
            self.set_actor(actor)  # another user: their own pages; the draft stays with its owner
        self.lock_changed.emit(False)

    def _unlock_failed(self, error: BaseException) -> None:
        if not isinstance(error, AuthenticationError):
            log.error("unlock failed: %r", error)
        self.lock_screen.form.show_error(error)

    def logout(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            return
        self.flush_drafts()
        self.idle.stop()
        self.banner.stop()
        self.space.stop()
        self.feedback_offer.close()
        self._clear_pages()
        self.ctx.actor = None
        self.ctx.hub.actor_changed.emit(None)
        auth = self.ctx.services.auth
        Op(self, lambda: auth.logout(actor)).run(self.tasks, self.ctx)
        self.logout_requested.emit()

    def end_session(self) -> None:
        """The login is gone (ended, expired, deactivated): nothing of it stays on screen, and
        nothing is written for it (the core would refuse)."""
        self.idle.stop()
        self.banner.stop()
        self.space.stop()
        self.draft_offers.close()
        self.feedback_offer.close()
        self.curtains.close_all()
        self._clear_pages()
        self._locked = False
        self.screens.setCurrentWidget(self.workspace)
        if self.ctx.actor is not None:
            self.ctx.actor = None
            self.ctx.hub.actor_changed.emit(None)
        self.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting saves drafts and audits the logout synchronously: the process is ending."""
        actor = self.ctx.actor
        self.flush_drafts()
        self.idle.stop()
        self._clear_pages()  # nothing of the user's screens outlives the window
        if actor is not None:
            self.ctx.actor = None  # closing twice (Quit, then the shell's own close) logs out once
            auth = self.ctx.services.auth
            # Waits for this logout only; a failure is logged, and the window closes anyway.
            Op(self, lambda: auth.logout(actor)).failure(lambda _error: None).unguarded().run(
                self.tasks, self.ctx).wait()
        event.accept()

    # --- language -------------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        self.translations.set_language(language)
        self.ctx.language = language
        self.language_actions[language].setChecked(True)
        self.ctx.hub.language_changed.emit(language)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._show_status()
            for row, spec in enumerate(self._specs):
                item = self.nav.item(row)
                if item is not None:
                    item.setText(self._nav_text(spec))
                    item.setToolTip(self._nav_tooltip(spec))
            self._fit_nav()
            for action in self.go_menu.actions():
                found = next((s for s in self._specs if s.key == action.data()), None)
                if found is not None:
                    action.setText(self._nav_text(found))
        super().changeEvent(event)

    def _background_failed(self, error: BaseException) -> None:
        """An operation with no place of its own to say that it failed (``hub.failed``)."""
        from ui.views.common import error_text

        self.statusBar().showMessage(error_text(error, self.ctx.language), 10_000)
