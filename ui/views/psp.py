"""The PSP workspace (police, social services, psychiatry): meetings with their disclosure
decisions, agreements with the police, cooperation notes and action items that carry over from
meeting to meeting. Everything goes through ``services.psp``; one background call reads it all.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from safetylog.domain.records import (
    ActionItemRecord,
    AgreementRecord,
    FacilityRecord,
    MeetingRecord,
    ResidentRecord,
)
from safetylog.services.permissions import Permission
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Query
from ui.tasks import TaskRunner
from ui.views.common import heading
from ui.views.psp_actions import ActionsTab
from ui.views.psp_agreements import AgreementsTab, NotesTab
from ui.views.psp_meetings import MeetingsTab
from ui.widgets.message_line import MessageLine
from ui.widgets.translated_tabs import TranslatedTabs

CONTEXT = "Psp"


@dataclass(frozen=True)
class PspData:
    meetings: list[MeetingRecord]
    items: list[ActionItemRecord]
    agreements: list[AgreementRecord]
    facilities: list[FacilityRecord]
    residents: list[ResidentRecord]


class PspView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("Psp", "PSP cooperation"))
        self.message = MessageLine(self)
        self.tabs = TranslatedTabs(CONTEXT, self)
        self.meetings = MeetingsTab(ctx, tasks, self.tabs)
        self.agreements = AgreementsTab(ctx, tasks, self.tabs)
        self.notes = NotesTab(ctx, tasks, self.tabs)
        self.action_items = ActionsTab(ctx, tasks, self.tabs)
        tab_sources: list[tuple[QWidget, str]] = [
            (self.meetings, QT_TRANSLATE_NOOP("Psp", "Meeti&ngs")),
            (self.action_items, QT_TRANSLATE_NOOP("Psp", "Action &items")),
            (self.agreements, QT_TRANSLATE_NOOP("Psp", "Agreements with the &police")),
            (self.notes, QT_TRANSLATE_NOOP("Psp", "&Cooperation notes")),
        ]
        for widget, source in tab_sources:
            self.tabs.add(widget, source)
            widget.message.connect(self.message.say)  # type: ignore[attr-defined]
        for tab in (self.meetings, self.agreements, self.action_items):
            tab.reload_requested.connect(self.refresh)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        actor, services = self.ctx.require_actor(), self.ctx.services
        may_residents = self.ctx.may(Permission.RESIDENT_READ)

        def load() -> PspData:
            facilities = services.admin.list_facilities(actor)
            return PspData(services.psp.meetings(actor), services.psp.action_items(actor),
                           services.psp.agreements(actor), facilities,
                           services.residents.list(actor) if may_residents else [])

        Query(self, load).success(self._loaded).failure(self.message).run(self.tasks, self.ctx)

    def _loaded(self, data: PspData) -> None:
        self.meetings.set_data(data.meetings, data.items, data.facilities, data.residents)
        self.agreements.set_data(data.agreements, data.facilities)
        self.notes.set_data(data.facilities, data.meetings)
        self.action_items.set_data(data.items, data.meetings, data.facilities)

    def _on_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes & (Changes.PSP | Changes.RESIDENTS | Changes.FACILITIES):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.tabs.retranslate()
        super().changeEvent(event)
