"""A window that edits one record read at one version: the fields, the core's messages beside
them, and *Save*, which sends the version back. When someone else saved the record since, the
shared conflict notice says so; what the user typed stays, and *Reload* fills in the record as it
is stored now (and its version), so the change can be made again over it.

Subclasses lay out their fields in ``self.form`` and say how to fill them from a record, how to
save them and how to read the record again; the service calls run through the view's task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from safetylog.domain.errors import ValidationError
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Op, Query
from ui.tasks import TaskRunner
from ui.views.conflict import ConflictNotice
from ui.views.forms import FormRows

R = TypeVar("R")


class EditDialog(QDialog, Generic[R]):
    saved = Signal(object)
    """The record as stored after the save (with its new version)."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, context: str, title: str, record: R,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.record = ctx, tasks, record
        self._saving = False
        self._texts = t = Retranslator(context)
        t.bind(self.setWindowTitle, title)
        self.form = FormRows(t, self)
        self.problem = QLabel(self)  # what fits no field: the record is gone, no access, a full disk
        self.problem.setWordWrap(True)
        self.problem.setProperty("i18n_data", True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.conflict = ConflictNotice(self)
        self.conflict.reload_requested.connect(self.reload)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(True)
        self._own = own = Retranslator("EditDialog")  # the buttons every such window has
        own.bind(self.save_button.setText, QT_TRANSLATE_NOOP("EditDialog", "&Save"))
        self.cancel_button = QPushButton(self)
        own.bind(self.cancel_button.setText, QT_TRANSLATE_NOOP("EditDialog", "Cancel"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.form.layout)
        self._layout.addWidget(self.problem)
        self._layout.addWidget(self.conflict)
        self._layout.addWidget(buttons)
        self.setMinimumWidth(460)

    # --- what a subclass says -------------------------------------------------------------

    def fill(self, record: R) -> None:
        """Put ``record``'s values in the fields."""
        raise NotImplementedError

    def save_call(self, record: R) -> Callable[[], R]:
        """The service call saving the fields over ``record`` at ``record.version``."""
        raise NotImplementedError

    def reload_call(self, record: R) -> Callable[[], R]:
        """The service call reading ``record`` as it is stored now."""
        raise NotImplementedError

    def rename_fields(self, error: ValidationError) -> ValidationError:
        """The core's field names as the form names them (the same, unless a subclass says)."""
        return error

    # --- the flow -------------------------------------------------------------------------

    def show_record(self) -> None:
        self.fill(self.record)
        self.open()

    def save(self) -> None:
        # One save at a time: a double press is not two saves. The button stays enabled (a disabled
        # default button hands Enter to Cancel, which would throw the typed values away).
        if self._saving:
            return
        self._saving = True
        Op(self, self.save_call(self.record)).success(self._saved).failure(self._refused).run(
            self.tasks, self.ctx)

    def reload(self) -> None:
        Query(self, self.reload_call(self.record)).success(self._reloaded).failure(self._refused).run(
            self.tasks, self.ctx)

    def _saved(self, record: R) -> None:
        self._saving = False
        self.record = record
        self.saved.emit(record)
        self.accept()

    def _reloaded(self, record: R) -> None:
        self.record = record
        self.fill(record)
        self.form.errors.clear()
        self.problem.hide()
        self.conflict.hide()

    def _refused(self, error: BaseException) -> None:
        self._saving = False
        self.problem.hide()
        if self.conflict.show_error(error, self.ctx.language):
            self.form.errors.clear()  # the typed values stay, beside the notice
            return
        if isinstance(error, ValidationError):
            error = self.rename_fields(error)
        self.form.refuse(error, self.ctx.language, self._say)

    def _say(self, text: str, _is_error: bool) -> None:
        self.problem.setText(text)
        self.problem.show()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._own.apply()
        super().changeEvent(event)


def record_from(records: list[Any], record_id: int, missing: Callable[[], BaseException]) -> Any:
    """The record with ``record_id`` among ``records`` (a reload), or ``missing()`` raised."""
    found = next((r for r in records if r.id == record_id), None)
    if found is None:
        raise missing()
    return found
