"""Settings shared by every workstation on the database: the idle lock, the lock-out after wrong
passwords, the default language and the duty deadlines. The inputs are made from the core's
definitions (limits and choices), so a new setting appears here by itself; the ones we know get a
caption and an explanation. The core refuses an idle lock over 30 minutes; its message shows
beside the field.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout, QWidget

from safetylog.services.settings import DEFINITIONS, SettingDefinition
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo
from ui.views.conflict import ConflictNotice
from ui.views.forms import FormRows, button

CONTEXT = "Settings"

CAPTIONS = {
    "idle_lock_minutes": QT_TRANSLATE_NOOP("Settings", "&Lock the window after this many idle minutes"),
    "lockout_after": QT_TRANSLATE_NOOP("Settings", "Lock a user out after this many &wrong passwords"),
    "lockout_minutes": QT_TRANSLATE_NOOP(
        "Settings", "A lock-&out lasts (minutes, unless an administrator unlocks)"),
    "language": QT_TRANSLATE_NOOP("Settings", "Default la&nguage"),
    "low_disk_space_mb": QT_TRANSLATE_NOOP(
        "Settings", "Warn when the disk has less free space than (&MB, 0 = never)"),
}
CHOICES = {
    "no": QT_TRANSLATE_NOOP("Settings", "No"),
    "yes": QT_TRANSLATE_NOOP("Settings", "Yes"),
}
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}  # each language named in itself, not translated


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


class SettingsTab(QWidget):
    message = Signal(str, bool)

    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.form = FormRows(t, self)
        self.inputs: dict[str, QWidget] = {}
        self.stored: dict[str, int | str] = {}
        self.versions: dict[str, int] = {}  # as read with ``stored``; a save sends them back
        for key, definition in DEFINITIONS.items():
            self.inputs[key] = self.form.row(key, CAPTIONS.get(key, key), self._input(definition))
        self.conflict = ConflictNotice(self)
        self.conflict.reload_requested.connect(self.refresh)
        self.form.add(self.conflict)
        self.save_button = button(t, QT_TRANSLATE_NOOP("Settings", "Sa&ve settings"), self.save, self)
        self.form.add(self.save_button)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        t.bind(self.note.setText, QT_TRANSLATE_NOOP(
            "Settings", "The settings apply to every PC that uses this database. Deadlines apply to "
                        "duties opened from now on."))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form.layout)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def _input(self, definition: SettingDefinition) -> QWidget:
        if isinstance(definition.default, int):
            spin = QSpinBox(self)
            spin.setRange(definition.low or 0, definition.high or 0)
            return spin
        combo = ValueCombo(self)
        self._fill_choices(definition, combo)
        return combo

    def _fill_choices(self, definition: SettingDefinition, combo: ValueCombo) -> None:
        names = {**{k: _t(v) for k, v in CHOICES.items()}, **LANGUAGE_NAMES}
        combo.set_items([(names.get(choice, choice), choice) for choice in definition.choices])

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        return widget.value()  # type: ignore[attr-defined]

    def refresh(self) -> None:
        if self.ctx.actor is None:
            return  # logged out: the page is about to be removed
        settings = self.ctx.services.settings

        def load() -> tuple[dict[str, int | str], dict[str, int]]:
            # Versions first: a change landing between the two reads then conflicts on save,
            # instead of the older version passing with the newer value shown.
            versions = settings.versions()
            return settings.all(), versions

        Query(self, load).success(self._loaded).failure(self._refused).run(self.tasks, self.ctx)

    def _loaded(self, loaded: tuple[dict[str, int | str], dict[str, int]]) -> None:
        values, self.versions = loaded
        self.stored = dict(values)
        self.conflict.hide()
        for key, value in values.items():
            widget = self.inputs.get(key)
            if isinstance(widget, QSpinBox) and isinstance(value, int):
                widget.setValue(value)
            elif isinstance(widget, ValueCombo):
                widget.select(value)

    def save(self) -> None:
        changed = {key: self.value(key) for key in self.inputs if self.value(key) != self.stored.get(key)}
        if not changed:
            self.message.emit(_t(QT_TRANSLATE_NOOP("Settings", "Nothing was changed.")), False)
            return
        actor, settings = self.ctx.require_actor(), self.ctx.services.settings

        versions = {key: self.versions.get(key, 0) for key in changed}

        def store() -> dict[str, int | str]:
            return settings.set_many(actor, changed, expected_versions=versions)

        Op(self, store).success(self._saved).failure(self._refused).run(self.tasks, self.ctx)

    def _saved(self, saved: dict[str, int | str]) -> None:
        self.stored.update(saved)
        self.form.errors.clear()
        self.conflict.hide()
        self.refresh()  # the new versions (the values shown are the ones just saved)
        self.message.emit(_t(QT_TRANSLATE_NOOP("Settings", "The settings are saved.")), False)


    def _refused(self, error: BaseException) -> None:
        if self.conflict.show_error(error, self.ctx.language):
            self.form.errors.clear()  # what was typed stays, beside the notice
            return
        self.form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            for key, widget in self.inputs.items():
                if isinstance(widget, ValueCombo):
                    self._fill_choices(DEFINITIONS[key], widget)
        super().changeEvent(event)
