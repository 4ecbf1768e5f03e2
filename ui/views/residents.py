"""Residents by pseudonym and the name staff know them by, and their Brøset assessments.

Who a pseudonym is stays hidden: only a user with the identity permission can look it up, and
only by stating a purpose; the core logs the look-up. The facility's staff see each resident's
display name (a first name or call name). A manager, or the administrator of a fresh database,
adds residents, sets display names and records a move-out. The Brøset tab
(``ui/views/broset.py``) records an assessment per shift.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import FacilityRecord, ResidentIdentity, ResidentRecord
from safetylog.services.permissions import Permission
from ui.context import Changes, UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.broset import BrosetTab
from ui.views.common import (
    ErrorLine,
    ValueCombo,
    accessible_name_setter,
    data_label,
    heading,
    local_date,
)
from ui.views.conflict import ConflictNotice
from ui.views.forms import DateInput, FormRows, OptionalDateInput, button
from ui.views.psp_meetings import table
from ui.widgets.message_line import MessageLine
from ui.widgets.translated_tabs import TranslatedTabs

CONTEXT = "Residents"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class ResidentsTab(QWidget):
    reload_requested = Signal()
    """After a conflict, the user asked for the residents as they are stored now."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: list[FacilityRecord] = []
        self.residents: list[ResidentRecord] = []
        self.identity: ResidentIdentity | None = None
        self.model: RecordTableModel[ResidentRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Residents", "Pseudonym"), lambda r: r.pseudonym),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Residents", "Known as"), lambda r: r.display_name),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Residents", "Facility"), self._facility),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Residents", "Moved in"), lambda r: local_date(r.moved_in)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("Residents", "Moved out"),
                       lambda r: local_date(r.moved_out)),
        ], lambda r: r.id, self)
        self.facility_box = ValueCombo(self)
        self.show_inactive = QCheckBox(self)
        t.bind(self.show_inactive.setText, QT_TRANSLATE_NOOP("Residents", "Show residents who moved &out"))
        self.list = table(self.model, self, stretch=1)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("Residents", "Residents"))
        self.list.selectionModel().selectionChanged.connect(self._selected)
        filters = FormRows(t, self)
        filters.row("facility", QT_TRANSLATE_NOOP("Residents", "Facilit&y"), self.facility_box)
        filters.add(self.show_inactive)
        for signal in (self.facility_box.currentIndexChanged, self.show_inactive.toggled):
            signal.connect(lambda _x: self._show())
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(filters.layout)
        left_layout.addWidget(self.list, 1)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self._identity_box())
        right_layout.addWidget(self._display_name_box())
        right_layout.addWidget(self._move_out_box())
        right_layout.addWidget(self._add_box())
        right_layout.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.message = MessageLine(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def _identity_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("Residents", "Identity"))
        self.identity_form = FormRows(t, box)
        self.purpose = self.identity_form.row("purpose", QT_TRANSLATE_NOOP("Residents", "&Purpose"),
                                              QLineEdit(box))
        t.bind(self.purpose.setPlaceholderText, QT_TRANSLATE_NOOP(
            "Residents", "Why you need to know who this is (logged)"))
        self.identity_button = button(t, QT_TRANSLATE_NOOP("Residents", "Sho&w identity"),
                                      self.show_identity, box)
        self.purpose.returnPressed.connect(self.show_identity)
        self.identity_form.add(self.identity_button)
        self.identity_text = data_label(box)
        self.identity_form.add(self.identity_text)
        box.setLayout(self.identity_form.layout)
        allowed = self.ctx.may(Permission.RESIDENT_IDENTITY)
        for widget in (self.purpose, self.identity_button, self.identity_form.captions["purpose"]):
            widget.setVisible(allowed)
        self.no_identity = QLabel(box)
        self.no_identity.setWordWrap(True)
        t.bind(self.no_identity.setText, QT_TRANSLATE_NOOP(
            "Residents", "Residents are shown by pseudonym only. Looking up who a pseudonym is "
                         "needs the identity permission (managers)."))
        self.no_identity.setVisible(not allowed)
        self.identity_form.add(self.no_identity)
        return box

    def _display_name_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("Residents", "Known as"))
        self.name_form = FormRows(t, box)
        self.display_name = self.name_form.row(
            "display_name", QT_TRANSLATE_NOOP("Residents", "First name or &call name"), QLineEdit(box))
        t.bind(self.display_name.setPlaceholderText, QT_TRANSLATE_NOOP(
            "Residents", "Shown to the facility's staff, never in reports"))
        self.name_button = button(t, QT_TRANSLATE_NOOP("Residents", "Save na&me"),
                                  self.save_display_name, box)
        self.display_name.returnPressed.connect(self.save_display_name)
        self.name_conflict = ConflictNotice(box)
        self.name_conflict.reload_requested.connect(self.reload_requested)
        self.name_form.add(self.name_conflict)
        self.name_form.add(self.name_button)
        box.setLayout(self.name_form.layout)
        box.setVisible(self.ctx.may(Permission.RESIDENT_MANAGE))
        return box

    def _move_out_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("Residents", "Move-out"))
        self.move_form = FormRows(t, box)
        self.moved_out = self.move_form.row("moved_out", QT_TRANSLATE_NOOP("Residents", "Mo&ved out on"),
                                            DateInput(box))
        self.move_button = button(t, QT_TRANSLATE_NOOP("Residents", "Record move-ou&t"), self.move_out, box)
        self.move_conflict = ConflictNotice(box)
        self.move_conflict.reload_requested.connect(self.reload_requested)
        self.move_form.add(self.move_conflict)
        self.move_form.add(self.move_button)
        box.setLayout(self.move_form.layout)
        box.setVisible(self.ctx.may(Permission.RESIDENT_MANAGE))
        return box

    def _add_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("Residents", "New resident"))
        self.add_form = FormRows(t, box)
        self.new_facility = self.add_form.row("facility_id", QT_TRANSLATE_NOOP("Residents", "F&acility"),
                                              ValueCombo(box))
        self.pseudonym = self.add_form.row("pseudonym", QT_TRANSLATE_NOOP("Residents", "Pseu&donym"),
                                           QLineEdit(box))
        self.new_display_name = self.add_form.row(
            "display_name", QT_TRANSLATE_NOOP("Residents", "&Known as (first name or call name)"),
            QLineEdit(box))
        self.full_name = self.add_form.row("full_name", QT_TRANSLATE_NOOP("Residents", "Full &name (key)"),
                                           QLineEdit(box))
        self.birth_date = self.add_form.row("birth_date", QT_TRANSLATE_NOOP("Residents", "Date of birt&h"),
                                            OptionalDateInput(box))
        self.moved_in = self.add_form.row("moved_in", QT_TRANSLATE_NOOP("Residents", "Mov&ed in on"),
                                          OptionalDateInput(box))
        self.add_button = button(t, QT_TRANSLATE_NOOP("Residents", "Add re&sident"), self.add, box)
        self.add_form.add(self.add_button)
        box.setLayout(self.add_form.layout)
        box.setVisible(self.ctx.may(Permission.RESIDENT_MANAGE))
        return box

    # --- data ------------------------------------------------------------------------------

    def _facility(self, r: ResidentRecord) -> str:
        return next((f.name for f in self.facilities if f.id == r.facility_id), "")

    def set_data(self, facilities: list[FacilityRecord], residents: list[ResidentRecord]) -> None:
        self.move_conflict.hide()  # the list now shows the residents as stored
        self.name_conflict.hide()
        self.facilities, self.residents = facilities, residents
        self._fill_facilities()
        self.new_facility.set_items([(f.name, f.id) for f in facilities])
        self._show()

    def _fill_facilities(self) -> None:
        self.facility_box.set_items([(_t(QT_TRANSLATE_NOOP("Residents", "All facilities")), None)]
                                    + [(f.name, f.id) for f in self.facilities])

    def _show(self) -> None:
        facility, inactive = self.facility_box.value(), self.show_inactive.isChecked()
        self.model.set_rows([r for r in self.residents if (facility is None or r.facility_id == facility)
                             and (inactive or r.active)])
        self._forget_identity()

    def selected(self) -> ResidentRecord | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._forget_identity()
        resident = self.selected()
        self.display_name.setText(resident.display_name if resident else "")
        self.name_form.errors.clear()

    def _forget_identity(self) -> None:
        """An identity is shown for the resident it was asked for, and only until the choice changes."""
        self.identity = None
        self.identity_text.clear()
        self.purpose.clear()

    # --- changes ---------------------------------------------------------------------------

    def _need_selection(self) -> ResidentRecord | None:
        resident = self.selected()
        if resident is None:
            self.message.say(_t(QT_TRANSLATE_NOOP("Residents", "Choose a resident in the list first.")), True)
        return resident

    def show_identity(self) -> None:
        resident = self._need_selection()
        if resident is None:
            return
        actor, residents, purpose = self.ctx.require_actor(), self.ctx.services.residents, self.purpose.text()
        # A read, though it logs who looked and why: the log's own page reads it when shown.
        Query(self, lambda: residents.identity(actor, resident.id, purpose)).success(
            self._identity_shown).failure(lambda error: self._refused(self.identity_form, error)).run(
            self.tasks, self.ctx)

    def _identity_shown(self, identity: ResidentIdentity) -> None:
        self.identity = identity
        self.identity_form.errors.clear()
        lines = [_t(QT_TRANSLATE_NOOP("Residents", "%1 is %2."), identity.pseudonym,
                    identity.full_name or _t(QT_TRANSLATE_NOOP("Residents", "(no name recorded)")))]
        if identity.birth_date:
            lines.append(_t(QT_TRANSLATE_NOOP("Residents", "Born %1."), local_date(identity.birth_date)))
        if identity.note:
            lines.append(identity.note)
        self.identity_text.setText("\n".join(lines))

    def save_display_name(self) -> None:
        resident = self._need_selection()
        if resident is None:
            return
        actor, residents = self.ctx.require_actor(), self.ctx.services.residents
        name, version = self.display_name.text(), resident.version
        Op(self, lambda: residents.set_display_name(actor, resident.id, name, expected_version=version)
           ).success(self._named).failure(self._name_refused).run(self.tasks, self.ctx)

    def _named(self, resident: ResidentRecord) -> None:
        self.name_form.errors.clear()
        self._changed(resident)

    def _name_refused(self, error: BaseException) -> None:
        if not self.name_conflict.show_error(error, self.ctx.language):
            self._refused(self.name_form, error)

    def move_out(self) -> None:
        resident = self._need_selection()
        if resident is None:
            return
        actor, residents, day = self.ctx.require_actor(), self.ctx.services.residents, self.moved_out.value()
        version = resident.version
        Op(self, lambda: residents.move_out(actor, resident.id, day, expected_version=version)
           ).success(self._changed).failure(self._move_refused).run(self.tasks, self.ctx)

    def _move_refused(self, error: BaseException) -> None:
        # A conflict: the date stays as typed, the notice and a reload beside it.
        if not self.move_conflict.show_error(error, self.ctx.language):
            self._refused(self.move_form, error)

    def add(self) -> None:
        actor, residents = self.ctx.require_actor(), self.ctx.services.residents
        facility, pseudonym, name = self.new_facility.value(), self.pseudonym.text(), self.full_name.text()
        born, moved_in = self.birth_date.value(), self.moved_in.value()
        known_as = self.new_display_name.text()
        Op(self, lambda: residents.add(actor, facility, pseudonym, full_name=name, birth_date=born,
                                       moved_in=moved_in, display_name=known_as)
           ).success(self._added).failure(lambda error: self._refused(self.add_form, error)).run(
            self.tasks, self.ctx)

    def _added(self, resident: ResidentRecord) -> None:
        for edit in (self.pseudonym, self.full_name, self.new_display_name):
            edit.clear()
        self.add_form.errors.clear()
        self._changed(resident)

    def _changed(self, resident: ResidentRecord) -> None:
        self.move_conflict.hide()
        self.name_conflict.hide()
        self.message.say(_t(QT_TRANSLATE_NOOP("Residents", "%1 is saved."), resident.pseudonym), False)

    def _refused(self, form: FormRows, error: BaseException) -> None:
        form.refuse(error, self.ctx.language, self.message.say)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_facilities()
            self.model.refresh_texts()
        super().changeEvent(event)


class ResidentsView(QWidget):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.title = heading(self)
        t.bind(self.title.setText, QT_TRANSLATE_NOOP("Residents", "Residents"))
        self.tabs = TranslatedTabs(CONTEXT, self)
        self.residents = ResidentsTab(ctx, tasks, self.tabs)
        # Brøset is health data: not for an administrator who only adds residents.
        self.broset = BrosetTab(ctx, tasks, self.tabs) if ctx.may(Permission.RESIDENT_READ) else None
        self.residents.reload_requested.connect(self.refresh)
        self.tabs.add(self.residents, QT_TRANSLATE_NOOP("Residents", "&Residents"))
        if self.broset is not None:
            self.tabs.add(self.broset, QT_TRANSLATE_NOOP("Residents", "&Brøset (BVC)"))
        self.error = ErrorLine(self)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        actor, services = self.ctx.require_actor(), self.ctx.services

        def load() -> tuple[list[FacilityRecord], list[ResidentRecord]]:
            return (services.admin.list_facilities(actor),
                    services.residents.list(actor, include_inactive=True, with_display_names=True))

        Query(self, load).success(self._loaded).failure(self.error).run(self.tasks, self.ctx)

    def _loaded(self, data: tuple[list[FacilityRecord], list[ResidentRecord]]) -> None:
        facilities, residents = data
        self.residents.set_data(facilities, residents)
        if self.broset is not None:
            self.broset.set_data(facilities, [r for r in residents if r.active])


    def _on_changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and changes & (Changes.RESIDENTS | Changes.FACILITIES):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self.tabs.retranslate()
        super().changeEvent(event)
