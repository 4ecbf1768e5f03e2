"""Facilities and the places (zones) on their premises: entrance, courtyard, stairwell, rooms."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import ZoneKind
from safetylog.domain.records import FacilityRecord, ZoneRecord
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.admin_place_dialogs import FacilityDialog, ZoneDialog
from ui.views.common import ValueCombo, accessible_name_setter
from ui.views.forms import FormRows, button
from ui.views.psp_meetings import table
from ui.widgets.labels import label

CONTEXT = "AdminPlaces"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def _in_use(zone: ZoneRecord) -> str:
    if zone.active:
        return _t(QT_TRANSLATE_NOOP("AdminPlaces", "Yes"))
    return _t(QT_TRANSLATE_NOOP("AdminPlaces", "No, retired"))


def _right_aligned(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(widget)
    return row


class PlacesTab(QWidget):
    message = Signal(str, bool)

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: RecordTableModel[FacilityRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Code"), lambda f: f.code),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Facility"), lambda f: f.name),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Municipality"), lambda f: f.municipality),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Police district"),
                       lambda f: f.police_district),
        ], lambda f: f.id, self)
        self.zones: RecordTableModel[ZoneRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Code"), lambda z: z.code),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Place"), lambda z: z.name),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Kind"), lambda z: label(z.kind)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "In use"), _in_use),
        ], lambda z: z.id, self)
        self.dialog: FacilityDialog | ZoneDialog | None = None  # the open change window, if any
        self.facility_list = table(self.facilities, self, stretch=1)
        t.bind(accessible_name_setter(self.facility_list), QT_TRANSLATE_NOOP("AdminPlaces", "Facilities"))
        self.facility_list.selectionModel().selectionChanged.connect(self._facility_chosen)
        self.facility_list.activated.connect(lambda _index: self.edit_facility())  # Enter, double-click
        self.zone_list = table(self.zones, self, stretch=1)
        t.bind(accessible_name_setter(self.zone_list), QT_TRANSLATE_NOOP("AdminPlaces", "Places"))
        self.zone_list.selectionModel().selectionChanged.connect(self._zone_chosen)
        self.zone_list.activated.connect(lambda _index: self.edit_zone())
        self.edit_facility_button = button(t, QT_TRANSLATE_NOOP("AdminPlaces", "C&hange facility…"),
                                           self.edit_facility, self)
        self.edit_zone_button = button(t, QT_TRANSLATE_NOOP("AdminPlaces", "Chang&e place…"),
                                       self.edit_zone, self)
        for edit_button in (self.edit_facility_button, self.edit_zone_button):
            edit_button.setEnabled(False)
        self.zones_caption = QLabel(self)

        facility_box = QGroupBox(self)
        t.bind(facility_box.setTitle, QT_TRANSLATE_NOOP("AdminPlaces", "New facility"))
        self.facility_form = f = FormRows(t, facility_box)
        self.code = f.row("facility_code", QT_TRANSLATE_NOOP("AdminPlaces", "&Code"), QLineEdit(facility_box))
        self.name = f.row("facility_name", QT_TRANSLATE_NOOP("AdminPlaces", "&Name"), QLineEdit(facility_box))
        self.municipality = f.row("municipality", QT_TRANSLATE_NOOP("AdminPlaces", "&Municipality"),
                                  QLineEdit(facility_box))
        self.district = f.row("police_district", QT_TRANSLATE_NOOP("AdminPlaces", "Police dis&trict"),
                              QLineEdit(facility_box))
        self.facility_button = button(t, QT_TRANSLATE_NOOP("AdminPlaces", "Add fac&ility"),
                                      self.add_facility, facility_box)
        f.add(self.facility_button)
        facility_box.setLayout(f.layout)

        zone_box = QGroupBox(self)
        t.bind(zone_box.setTitle, QT_TRANSLATE_NOOP("AdminPlaces", "New place at the chosen facility"))
        self.zone_form = z = FormRows(t, zone_box)
        self.zone_code = z.row("code", QT_TRANSLATE_NOOP("AdminPlaces", "C&ode"), QLineEdit(zone_box))
        self.zone_name = z.row("name", QT_TRANSLATE_NOOP("AdminPlaces", "Pl&ace"), QLineEdit(zone_box))
        self.zone_kind = z.row("kind", QT_TRANSLATE_NOOP("AdminPlaces", "&Kind"), ValueCombo(zone_box))
        self.zone_button = button(t, QT_TRANSLATE_NOOP("AdminPlaces", "Add p&lace"), self.add_zone, zone_box)
        z.add(self.zone_button)
        zone_box.setLayout(z.layout)
        self.zone_box = zone_box
        zone_box.setEnabled(False)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.facility_list, 2)
        left_layout.addLayout(_right_aligned(self.edit_facility_button))
        left_layout.addWidget(self.zones_caption)
        left_layout.addWidget(self.zone_list, 2)
        left_layout.addLayout(_right_aligned(self.edit_zone_button))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(facility_box)
        right_layout.addWidget(zone_box)
        right_layout.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_kinds()
        self._caption()

    def _fill_kinds(self) -> None:
        self.zone_kind.set_items([(label(k), k) for k in ZoneKind])

    def _caption(self) -> None:
        chosen = self.chosen()
        self.zones_caption.setText(
            _t(QT_TRANSLATE_NOOP("AdminPlaces", "Places at %1"), chosen.name) if chosen
            else _t(QT_TRANSLATE_NOOP("AdminPlaces", "Choose a facility to see its places.")))

    def set_data(self, facilities: list[FacilityRecord]) -> None:
        chosen = self.chosen()
        self.facilities.set_rows(facilities)
        row = self.facilities.row_of(chosen.id) if chosen else -1
        if row >= 0:
            self.facility_list.selectRow(row)

    def chosen(self) -> FacilityRecord | None:
        rows = self.facility_list.selectionModel().selectedRows()
        return self.facilities.row_at(rows[0].row()) if rows else None

    def chosen_zone(self) -> ZoneRecord | None:
        rows = self.zone_list.selectionModel().selectedRows()
        return self.zones.row_at(rows[0].row()) if rows else None

    def _zone_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.edit_zone_button.setEnabled(self.chosen_zone() is not None)

    def _facility_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        facility = self.chosen()
        self.zone_box.setEnabled(facility is not None)
        self.edit_facility_button.setEnabled(facility is not None)
        self.edit_zone_button.setEnabled(False)
        self._caption()
        if facility is None:
            self.zones.set_rows([])
            return
        actor, admin, facility_id = self.ctx.require_actor(), self.ctx.services.admin, facility.id
        Query(self, lambda: admin.list_zones(actor, facility_id)).success(self._zones_loaded).failure(
            self._refused_zone).run(self.tasks, self.ctx)

    def _zones_loaded(self, zones: list[ZoneRecord]) -> None:
        chosen = self.chosen_zone()
        self.zones.set_rows(zones)
        row = self.zones.row_of(chosen.id) if chosen else -1
        if row >= 0:  # the place just changed stays chosen when the list comes back
            self.zone_list.selectRow(row)

    def add_facility(self) -> None:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        args = (self.code.text(), self.name.text(), self.municipality.text(), self.district.text())
        Op(self, lambda: admin.create_facility(actor, *args)).success(self._facility_added).failure(
            lambda error: self._refused(self.facility_form, error)).run(self.tasks, self.ctx)

    def _facility_added(self, facility: FacilityRecord) -> None:
        for edit in (self.code, self.name, self.municipality, self.district):
            edit.clear()
        self.facility_form.errors.clear()
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminPlaces", "%1 is added."), facility.name), False)

    def add_zone(self) -> None:
        facility = self.chosen()
        if facility is None:
            return
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        args = (facility.id, self.zone_code.text(), self.zone_name.text(), self.zone_kind.value())
        Op(self, lambda: admin.add_zone(actor, *args)).success(self._zone_added).failure(
            self._refused_zone).run(self.tasks, self.ctx)

    def _zone_added(self, zone: ZoneRecord) -> None:
        self.zone_code.clear()
        self.zone_name.clear()
        self.zone_form.errors.clear()
        self.zones.set_rows([*self.zones.rows, zone])
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminPlaces", "%1 is added."), zone.name), False)


    # --- changes to what is there -----------------------------------------------------------

    def edit_facility(self) -> None:
        facility = self.chosen()
        if facility is not None:
            self._open(FacilityDialog(self.ctx, self.tasks, facility, self), self._facility_saved)

    def edit_zone(self) -> None:
        zone = self.chosen_zone()
        if zone is not None:
            self._open(ZoneDialog(self.ctx, self.tasks, zone, self), self._zone_saved)

    def _open(self, dialog: FacilityDialog | ZoneDialog, saved: Callable[[Any], None]) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.saved.connect(saved)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.show_record()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _facility_saved(self, facility: FacilityRecord) -> None:
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminPlaces", "%1 is saved."), facility.name), False)

    def _zone_saved(self, zone: ZoneRecord) -> None:
        self.zones.set_rows([zone if z.id == zone.id else z for z in self.zones.rows])
        self.zone_list.selectRow(self.zones.row_of(zone.id))
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminPlaces", "%1 is saved."), zone.name), False)

    def _refused_zone(self, error: BaseException) -> None:
        self._refused(self.zone_form, error)

    def _refused(self, form: FormRows, error: BaseException) -> None:
        form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_kinds()
            self._caption()
            for model in (self.facilities, self.zones):
                model.refresh_texts()
        super().changeEvent(event)
