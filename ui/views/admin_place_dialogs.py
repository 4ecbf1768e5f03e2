"""Changing a facility (name, municipality, police district) and a place (name, kind, in use or
retired). Codes are shown, not changed: the command line and the reports know a facility by its."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from safetylog.domain.enums import ZoneKind
from safetylog.domain.errors import NotFound
from safetylog.domain.records import FacilityRecord, ZoneRecord
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, is_language_change
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo, data_label
from ui.views.edit_dialog import EditDialog, record_from
from ui.widgets.labels import label

CONTEXT = "AdminPlaces"


class FacilityDialog(EditDialog[FacilityRecord]):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, facility: FacilityRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Change facility"),
                         facility, parent)
        self.setObjectName("facilityDialog")
        f = self.form
        self.code = f.row("facility_code", QT_TRANSLATE_NOOP("AdminPlaces", "Code"), data_label(self))
        self.name = f.row("facility_name", QT_TRANSLATE_NOOP("AdminPlaces", "&Name"), QLineEdit(self))
        self.municipality = f.row("municipality", QT_TRANSLATE_NOOP("AdminPlaces", "&Municipality"),
                                  QLineEdit(self))
        self.district = f.row("police_district", QT_TRANSLATE_NOOP("AdminPlaces", "Police dis&trict"),
                              QLineEdit(self))

    def fill(self, record: FacilityRecord) -> None:
        self.code.setText(record.code)
        self.name.setText(record.name)
        self.municipality.setText(record.municipality)
        self.district.setText(record.police_district)

    def save_call(self, record: FacilityRecord) -> Callable[[], FacilityRecord]:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        values = (self.name.text(), self.municipality.text(), self.district.text())
        return lambda: admin.edit_facility(actor, record.id, *values, expected_version=record.version)

    def reload_call(self, record: FacilityRecord) -> Callable[[], FacilityRecord]:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        return lambda: record_from(admin.list_facilities(actor), record.id,
                                   lambda: NotFound(f"No facility {record.id}."))


class ZoneDialog(EditDialog[ZoneRecord]):
    def __init__(self, ctx: UiContext, tasks: TaskRunner, zone: ZoneRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tasks, CONTEXT, QT_TRANSLATE_NOOP("AdminPlaces", "Change place"), zone, parent)
        self.setObjectName("zoneDialog")
        f = self.form
        self.code = f.row("code", QT_TRANSLATE_NOOP("AdminPlaces", "Code"), data_label(self))
        self.name = f.row("name", QT_TRANSLATE_NOOP("AdminPlaces", "&Name"), QLineEdit(self))
        self.kind = f.row("kind", QT_TRANSLATE_NOOP("AdminPlaces", "&Kind"), ValueCombo(self))
        self.kind.set_items([(label(k), k) for k in ZoneKind])
        self.active = f.row("active", QT_TRANSLATE_NOOP("AdminPlaces", "In &use"), QCheckBox(self))
        self._texts.bind(self.active.setText, QT_TRANSLATE_NOOP(
            "AdminPlaces", "Offered for new incidents (the ones logged here keep it)"))

    def fill(self, record: ZoneRecord) -> None:
        self.code.setText(record.code)
        self.name.setText(record.name)
        self.kind.select(record.kind)
        self.active.setChecked(record.active)

    def save_call(self, record: ZoneRecord) -> Callable[[], ZoneRecord]:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        name, kind, active = self.name.text(), self.kind.value(), self.active.isChecked()
        return lambda: admin.edit_zone(actor, record.id, name, kind, active,
                                       expected_version=record.version)

    def reload_call(self, record: ZoneRecord) -> Callable[[], ZoneRecord]:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        return lambda: record_from(admin.list_zones(actor, record.facility_id), record.id,
                                   lambda: NotFound(f"No place {record.id}."))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.kind.set_items([(label(k), k) for k in ZoneKind])
        super().changeEvent(event)
