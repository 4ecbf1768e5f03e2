"""The New-incident page (Ctrl+N): what happened first, then only the sections those types need.

Nothing typed is ever lost: the whole form is a JSON-able ``state()`` saved as a draft a few
seconds after each change and at lock, logout and quit; a refused submit leaves every field as
it was and puts each message under its field. A full disk is said beside the submit button (and
warned of in yellow before it is full); the draft is then retried every few seconds.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.environment import classify
from safetylog.domain.errors import ValidationError
from safetylog.domain.implications import (
    AggressionMeasure,
    Conclusion,
    MeasureTaken,
    PoliceArrests,
    PoliceFlag,
    contradictions,
    implied,
)
from safetylog.domain.problems import Problem
from safetylog.domain.records import IncidentDetail, IncidentInput, ResidentRecord, ZoneRecord
from safetylog.domain.taxonomy import current_taxonomy
from ui.context import UiContext
from ui.entry.common import CommonSection, now_minute
from ui.entry.drafts import DraftKeeper
from ui.entry.messages import FormMessages
from ui.entry.result import SubmittedPanel
from ui.entry.section_base import Section
from ui.entry.section_drug_police import DrugSection, PoliceSection
from ui.entry.section_people import InjuriesSection, OutsidersSection
from ui.entry.section_simple import DamageSection, MeasuresSection
from ui.entry.section_violence import ViolenceSection
from ui.entry.type_picker import TypePicker
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Op, Query
from ui.space_line import SpaceLine, check_space
from ui.tasks import TaskRunner
from ui.views.common import error_text
from ui.widgets.field_error import FieldError, FieldErrors

log = logging.getLogger(__name__)
CONTEXT = "IncidentForm"
STATE_VERSION = 1


class IncidentForm(QWidget):
    submitted = Signal(object)
    """The IncidentDetail of an incident that was just stored."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = tasks
        self.actor = ctx.require_actor()
        self._texts = Retranslator(CONTEXT)
        self.taxonomy = current_taxonomy()
        self._loading = False
        self._pending_common: dict[str, Any] | None = None
        self._lookups_facility: int | None = None
        self.last_detail: IncidentDetail | None = None

        self.pages = QStackedWidget(self)
        self.form_page = self._build_form()
        self.result = SubmittedPanel(self)
        self.result.new_requested.connect(self.start_new)
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.result)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        self.messages = FormMessages(
            [self.errors, self.common.errors, *(s.errors for s in self.sections.values())],
            self.general_error, self.scroll_area)
        self.drafts = DraftKeeper(ctx, tasks, self.state, self.common.facility_id, self)
        self.drafts.saved.connect(self._draft_saved)
        self.drafts.failed.connect(self._draft_failed)
        self.drafts.paused = lambda: bool(getattr(self.window(), "is_locked", False))
        for signal in [self.types.changed, self.common.changed,
                       *(s.changed for s in self.sections.values())]:
            signal.connect(self._changed)
        self.types.changed.connect(self._show_sections)
        # One fact, entered once: what a ticked type says is filled in, and a field that then
        # denies it is marked at once (the core refuses it too).
        self._applied: set[Conclusion] = set()
        self.sections["police"].incident_time = self.common.start.value  # type: ignore[attr-defined]
        self.types.changed.connect(self._apply_implications)
        self.sections["measures"].changed.connect(self._apply_implications)
        for signal in [self.types.changed, *(s.changed for s in self.sections.values())]:
            signal.connect(self._show_contradictions)
        self.common.facility.currentIndexChanged.connect(self._facility_changed)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        ctx.hub.language_changed.connect(self._language_changed)
        self._show_sections()
        self._load_facilities()
        self.check_space()

    # --- building -------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        t = self._texts
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setObjectName("entryScroll")
        content = QWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setSpacing(10)
        title = QLabel(content)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        t.bind(title.setText, QT_TRANSLATE_NOOP("IncidentForm", "New incident"))
        layout.addWidget(title)

        types_box = QGroupBox(content)
        types_box.setObjectName("section_types")
        t.bind(types_box.setTitle, QT_TRANSLATE_NOOP("IncidentForm", "1. What happened?"))
        self.types = TypePicker(self.taxonomy, self.ctx.language, types_box)
        self.errors = FieldErrors()
        self.types_error = self.errors.add("types", FieldError(self.types.tree, types_box))
        box_layout = QVBoxLayout(types_box)
        box_layout.addWidget(self.types)
        box_layout.addWidget(self.types_error)
        layout.addWidget(types_box)

        self.common = CommonSection(self.actor.display_name, content)
        layout.addWidget(self.common)
        self.sections: dict[str, Section] = {}
        for section in (ViolenceSection(self.ctx.language, content), DrugSection(content),
                        PoliceSection(content), InjuriesSection(self.actor.user_id, content),
                        DamageSection(content), MeasuresSection(content), OutsidersSection(content)):
            self.sections[section.key] = section
            layout.addWidget(section)

        self.general_error = FieldError(None, content)
        self.general_error.setObjectName("generalError")
        layout.addWidget(self.general_error)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(content)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(content)
        self.clear_button.setObjectName("clearButton")
        self.clear_button.clicked.connect(self.discard)
        self.draft_status = QLabel(content)
        self.draft_status.setObjectName("draftStatus")
        self.space_line = SpaceLine(content)  # beside the submit: why it did not save
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.space_line, 1)
        buttons.addWidget(self.draft_status)
        layout.addLayout(buttons)
        layout.addStretch(1)
        t.bind(self.submit_button.setText, QT_TRANSLATE_NOOP("IncidentForm", "&Submit (Ctrl+Enter)"))
        t.bind(self.clear_button.setText, QT_TRANSLATE_NOOP("IncidentForm", "Discard the form"))
        scroll.setWidget(content)
        self.scroll_area = scroll
        return scroll

    # --- lookups (facility, zones, residents) ---------------------------------------------

    def _load_facilities(self) -> None:
        actor, services = self.actor, self.ctx.services
        Query(self, lambda: services.admin.list_facilities(actor)).success(self._facilities_loaded).failure(
            self._failed).run(self.tasks, self.ctx)

    def _facilities_loaded(self, facilities: list[Any]) -> None:
        wanted = (self._pending_common or {}).get("facility_id")
        if not isinstance(wanted, int):
            mine = sorted(self.actor.facility_ids)
            wanted = mine[0] if mine else None
        self.common.fill_facilities(facilities, wanted)
        self._facility_changed()

    def _facility_changed(self) -> None:
        facility_id = self.common.facility_id()
        if facility_id is None or facility_id == self._lookups_facility:
            return
        self._lookups_facility = facility_id
        actor, services = self.actor, self.ctx.services

        def lookups() -> tuple[list[ZoneRecord], list[ResidentRecord]]:
            return (services.admin.list_zones(actor, facility_id),
                    services.residents.list(actor, facility_id))

        Query(self, lookups).success(self._lookups_loaded).failure(self._failed).run(self.tasks, self.ctx)

    def _lookups_loaded(self, result: tuple[list[ZoneRecord], list[ResidentRecord]]) -> None:
        zones, residents = result
        selected = self.common.zone.currentData()
        self.common.fill_zones(zones, selected if isinstance(selected, int) else None)
        self.common.fill_residents(residents)
        self.sections["injuries"].residents = residents  # type: ignore[attr-defined]
        if self._pending_common is not None:
            pending, self._pending_common = self._pending_common, None
            self._loading = True
            try:
                self.common.set_state(pending)
            finally:
                self._loading = False

    # --- sections shown -------------------------------------------------------------------

    def needed_sections(self) -> set[str]:
        needed: set[str] = set()
        for itype in self.types.chosen_types():
            needed |= itype.sections
        return needed

    def _show_sections(self) -> None:
        needed = self.needed_sections()
        for key, section in self.sections.items():
            section.setVisible(key in needed)

    # --- one fact, entered once ------------------------------------------------------------

    def _ticked(self) -> IncidentInput:
        measures = self.sections["measures"].boxes  # type: ignore[attr-defined]
        return IncidentInput(facility_id=0, occurred_start=self.common.start.value(),
                             types=self.types.choices(), narrative="",
                             measures=tuple(m for m, box in measures.items() if box.isChecked()))

    def _apply_implications(self) -> None:
        """Fill in what a newly ticked type (or measure) says; what was filled in before and
        then changed by the user stays as the user set it (and is marked if it contradicts)."""
        if self._loading:
            return
        for _ in range(3):  # a measure filled in may say more (police called)
            found = implied(self._ticked())
            new = [c for c in found if c not in self._applied]
            self._applied = set(found)
            if not new:
                return
            for conclusion in new:
                self._apply(conclusion)

    def _apply(self, conclusion: Conclusion) -> None:
        police, violence = self.sections["police"], self.sections["violence"]
        if isinstance(conclusion, PoliceFlag):
            getattr(police, conclusion.name).setChecked(True)
        elif isinstance(conclusion, PoliceArrests):
            arrests = police.arrests  # type: ignore[attr-defined]
            if arrests.text().strip() in ("", "0"):
                arrests.setText("1")
        elif isinstance(conclusion, MeasureTaken):
            self.sections["measures"].boxes[conclusion.measure].setChecked(True)  # type: ignore[attr-defined]
        elif isinstance(conclusion, AggressionMeasure):
            for code, box in violence.boxes.get("measures", []):  # type: ignore[attr-defined]
                if code == conclusion.code:  # an installed instrument may not have the option
                    box.setChecked(True)

    def _show_contradictions(self) -> None:
        if self._loading:
            return
        found = contradictions(self.build_input({}), self.taxonomy)
        self.messages.show_live({f: p.text(self.ctx.language) for f, p in found.items()})

    # --- state and drafts -----------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        """Everything typed, as JSON-able values; hidden sections keep what was typed in them."""
        return {
            "version": STATE_VERSION,
            "types": self.types.state(),
            **self.common.state(),
            "sections": {key: section.state() for key, section in self.sections.items()},
        }

    def set_state(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.types.set_choices(list(state.get("types") or []))
            sections = state.get("sections") or {}
            for key, section in self.sections.items():
                if isinstance(sections.get(key), dict):
                    section.set_state(sections[key])
            facility = state.get("facility_id")
            self._pending_common = dict(state)
            if isinstance(facility, int) and self.common.facility.findData(facility) >= 0:
                self.common.facility.setCurrentIndex(self.common.facility.findData(facility))
            if self._lookups_facility == self.common.facility_id() and self._lookups_facility:
                self._lookups_facility = None  # same facility: load again to apply the state
            self._facility_changed()
        finally:
            self._loading = False
        self._applied = set(implied(self._ticked()))  # a draft is taken as it was left
        self._show_sections()
        self._show_contradictions()

    def load_draft(self, draft_id: int, payload: dict[str, Any]) -> None:
        """Continue a draft offered back after login, with every word as it was saved."""
        self.pages.setCurrentWidget(self.form_page)
        self.set_state(payload)
        self.drafts.adopt(draft_id)
        self._show_draft_status()

    def flush_draft(self) -> None:
        self.drafts.flush()

    def _changed(self) -> None:
        if not self._loading:
            self.drafts.changed()

    def _draft_saved(self, _draft_id: int) -> None:
        self.space_line.clear_problem()
        self._show_draft_status()

    def _draft_failed(self, error: BaseException) -> None:
        problem = classify(error)
        if problem is not None:
            self.space_line.show_problem(problem)

    def check_space(self) -> None:
        """Warn in yellow before the disk is full (at start and before each save)."""
        check_space(self.ctx, self.tasks, self, self.space_line.show_space)

    def _show_draft_status(self) -> None:
        if self.drafts.draft_id is None:
            self.draft_status.setText("")
            return
        self.draft_status.setText(self._texts.text(
            QT_TRANSLATE_NOOP("IncidentForm", "Draft saved %1"), datetime.now().strftime("%H:%M")))

    # --- submit ---------------------------------------------------------------------------

    def build_input(self, problems: dict[str, Problem]) -> IncidentInput:
        """The core's input from the form; values the form cannot parse are put in ``problems``."""
        values: dict[str, Any] = self.common.collect(problems)
        needed = self.needed_sections()
        for key, section in self.sections.items():
            if key in needed:
                values.update(section.collect(problems))
        return IncidentInput(facility_id=self.common.facility_id() or 0,
                             types=self.types.choices(), **values)

    def submit(self) -> None:
        if self.pages.currentWidget() is not self.form_page or not self.submit_button.isEnabled():
            return
        problems: dict[str, Problem] = {}
        data = self.build_input(problems)
        if problems:
            self.show_messages({f: p.text(self.ctx.language) for f, p in problems.items()})
            return
        self.check_space()
        self.submit_button.setEnabled(False)
        # What is typed is saved as the draft first, off the GUI thread; the submit then removes
        # that draft in its own transaction (it knows the draft's id only after the save).
        self.drafts.settle(lambda: self._submit(data))

    def _submit(self, data: IncidentInput) -> None:
        actor, services, draft_id = self.actor, self.ctx.services, self.drafts.draft_id

        def work() -> IncidentDetail:
            stored = services.incidents.submit(actor, data, draft_id=draft_id)
            return services.incidents.get(actor, stored.id)  # with its duties, for the summary

        Op(self, work).success(self._submitted).failure(self._submit_failed).run(self.tasks, self.ctx)

    def _submitted(self, detail: IncidentDetail) -> None:
        self.submit_button.setEnabled(True)
        self.space_line.clear_problem()
        self.last_detail = detail
        self.drafts.forget()
        self.errors_clear()
        self.result.show_detail(detail, self.ctx.language)
        self.pages.setCurrentWidget(self.result)
        self.result.new_button.setFocus()
        self.submitted.emit(detail)


    def _submit_failed(self, error: BaseException) -> None:
        self.submit_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.show_messages(error.messages(self.ctx.language))
        else:
            self._failed(error)

    def _failed(self, error: BaseException) -> None:
        """Not a field problem (no access, a full disk): say so; the form keeps everything."""
        log.error("entry form: %r", error)
        problem = classify(error)
        if problem is None:
            self.general_error.show_message(self._texts.text(QT_TRANSLATE_NOOP(
                "IncidentForm", "Not saved – nothing you typed is lost. %1"),
                error_text(error, self.ctx.language)))
            return
        # The environment's sentence goes beside the submit; the typed text stays in the form
        # (and, through the draft's retries, reaches the database as soon as there is room).
        self.space_line.show_problem(problem)
        self.general_error.show_message(self._texts.text(QT_TRANSLATE_NOOP(
            "IncidentForm", "Not saved – nothing you typed is lost. It stays here and is saved as "
                            "a draft by itself as soon as there is room; then submit again.")))
        if self.drafts.dirty and not self.drafts.retrying:
            self.drafts.changed()

    def errors_clear(self) -> None:
        self.messages.clear()

    def show_messages(self, messages: dict[str, str]) -> None:
        self.messages.show(messages)

    def visible_errors(self) -> dict[str, str]:
        return self.messages.visible()

    # --- starting over --------------------------------------------------------------------

    def start_new(self) -> None:
        """A fresh, empty form (after a submit, or when the user discards the current one)."""
        self._loading = True
        try:
            self.types.set_choices([])
            self.types.filter.clear()
            empty: dict[str, Any] = {}
            for section in self.sections.values():
                section.set_state(empty)
            self.common.set_state({"occurred_start": now_minute().isoformat(timespec="minutes")})
        finally:
            self._loading = False
        self._applied = set()
        self.errors_clear()
        self.drafts.forget()
        self._show_draft_status()
        self._show_sections()
        self.pages.setCurrentWidget(self.form_page)
        self.types.filter.setFocus()

    def discard(self) -> None:
        draft_id, actor = self.drafts.draft_id, self.actor
        if draft_id is not None:
            services = self.ctx.services
            Op(self, lambda: services.incidents.discard_draft(actor, draft_id)).failure(
                self._failed).run(self.tasks, self.ctx)

        self.start_new()

    def on_activated(self) -> None:
        """Ctrl+N: a new form after a submitted one; otherwise go on where the user was."""
        if self.pages.currentWidget() is self.result:
            self.start_new()
        elif not self.types.choices():
            self.types.filter.setFocus()

    def refresh(self) -> None:
        self._lookups_facility = None
        self._facility_changed()

    # --- language -------------------------------------------------------------------------

    def _language_changed(self, language: str) -> None:
        self.types.set_language(language)
        self.common.relabel(language)
        for section in self.sections.values():
            section.relabel(language)
        self.result.set_language(language)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._show_draft_status()
        super().changeEvent(event)
