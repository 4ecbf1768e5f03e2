"""Administration: users and roles, facilities and their places, and the shared settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from safetylog.domain.records import FacilityRecord, UserRecord
from safetylog.services.permissions import Permission
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Query
from ui.tasks import TaskRunner
from ui.views.admin_places import PlacesTab
from ui.views.admin_users import UsersTab
from ui.views.backup_status import BackupStatusLine
from ui.views.common import heading
from ui.views.settings import SettingsTab
from ui.widgets.message_line import MessageLine
from ui.widgets.translated_tabs import TranslatedTabs

CONTEXT = "Admin"


class AdminView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("Admin", "Administration"))
        self.message = MessageLine(self)
        self.backup_status = BackupStatusLine(ctx, tasks, self)
        self.tabs = TranslatedTabs(CONTEXT, self)
        self.users = UsersTab(ctx, tasks, self.tabs)
        self.places = PlacesTab(ctx, tasks, self.tabs)
        self.settings = SettingsTab(ctx, tasks, self.tabs)
        self.tabs.add(self.users, QT_TRANSLATE_NOOP("Admin", "Users an&d roles"))
        self.tabs.add(self.places, QT_TRANSLATE_NOOP("Admin", "Facilities and &places"))
        if ctx.may(Permission.SETTINGS_MANAGE):
            self.tabs.add(self.settings, QT_TRANSLATE_NOOP("Admin", "Settings"))
        else:
            self.settings.hide()
        for tab in (self.users, self.places, self.settings):
            tab.message.connect(self.message.say)
        self.users.reload_requested.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.backup_status)
        layout.addWidget(self.tabs, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin

        def load() -> tuple[list[UserRecord], list[FacilityRecord]]:
            return admin.list_users(actor), admin.list_facilities(actor)

        Query(self, load).success(self._loaded).failure(self.message).run(self.tasks, self.ctx)
        if self.ctx.may(Permission.SETTINGS_MANAGE):
            self.settings.refresh()
        self.backup_status.refresh()

    def _loaded(self, data: tuple[list[UserRecord], list[FacilityRecord]]) -> None:
        users, facilities = data
        self.users.set_data(users, facilities)
        self.places.set_data(facilities)

    def _on_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes & (Changes.USERS | Changes.FACILITIES):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.tabs.retranslate()
        super().changeEvent(event)
