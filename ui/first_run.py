"""First run (no users yet): the facility and the first administrator, then straight in.

The same set-up is available on the command line (``safetylog init``). Every problem the core
finds is shown under its field; the typed values stay. On an empty data folder the set-up creates
the encrypted database (``create_new``) and its recovery key, which the shell shows once next;
on an empty shared server, or services a test hands in, it initializes the open database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.errors import PermissionDenied, ValidationError
from safetylog.domain.records import Actor
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, current_language, is_language_change
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.widgets.field_error import FieldError, FieldErrors

if TYPE_CHECKING:
    from safetylog.services.container import Services

CONTEXT = "FirstRunDialog"


@dataclass(frozen=True)
class FirstRunResult:
    actor: Actor  # the first administrator, logged in
    services: Services | None = None  # the database it created, when it created one
    recovery_key: str | None = None  # shown once, then never again


Creator = Callable[[dict[str, str]], FirstRunResult]


def initialize_open(services: Services) -> Creator:
    """Set up the already open (empty) database and log the administrator in."""

    def create(values: dict[str, str]) -> FirstRunResult:
        services.admin.initialize(
            facility_code=values["facility_code"], facility_name=values["facility_name"],
            municipality=values["municipality"], police_district=values["police_district"],
            admin_username=values["username"], admin_display_name=values["display_name"],
            admin_password=values["password"])
        return FirstRunResult(services.auth.login(values["username"].strip(), values["password"]))

    return create


def create_encrypted(url: str | None, values: dict[str, str]) -> FirstRunResult:
    """Create the encrypted database with the first administrator's key slot and a recovery key."""
    from safetylog.services.container import create_new

    made = create_new(
        url, facility_code=values["facility_code"], facility_name=values["facility_name"],
        municipality=values["municipality"], police_district=values["police_district"],
        admin_username=values["username"], admin_display_name=values["display_name"],
        admin_password=values["password"])
    return FirstRunResult(made.actor, made.services, made.recovery_key)

# (field name in AdminService.initialize's errors, label source, accessible name source)
_FACILITY_FIELDS = (
    ("facility_code", QT_TRANSLATE_NOOP("FirstRunDialog", "&Code:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Facility code")),
    ("facility_name", QT_TRANSLATE_NOOP("FirstRunDialog", "&Name:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Facility name")),
    ("municipality", QT_TRANSLATE_NOOP("FirstRunDialog", "&Municipality:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Municipality")),
    ("police_district", QT_TRANSLATE_NOOP("FirstRunDialog", "P&olice district:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Police district")),
)
_ADMIN_FIELDS = (
    ("username", QT_TRANSLATE_NOOP("FirstRunDialog", "&User name:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Administrator's user name")),
    ("display_name", QT_TRANSLATE_NOOP("FirstRunDialog", "&Full name:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Administrator's full name")),
    ("password", QT_TRANSLATE_NOOP("FirstRunDialog", "&Password:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Password")),
    ("password_again", QT_TRANSLATE_NOOP("FirstRunDialog", "Password &again:"),
     QT_TRANSLATE_NOOP("FirstRunDialog", "Password again")),
)


class FirstRunDialog(QDialog):
    completed = Signal(object)
    """The ``FirstRunResult``: the new administrator, logged in (and the new database)."""

    def __init__(self, ctx: UiContext | None, tasks: TaskRunner, parent: QWidget | None = None, *,
                 create: Creator | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunDialog")
        self.ctx = ctx
        self.tasks = tasks
        self.language = language or (ctx.language if ctx is not None else "da")
        if create is None:
            assert ctx is not None, "without open services, say how to create the database"
            create = initialize_open(ctx.services)
        self._create = create
        self._texts = Retranslator(CONTEXT)
        self.inputs: dict[str, QLineEdit] = {}
        self.errors = FieldErrors()
        t = self._texts

        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self)
        intro.setWordWrap(True)
        facility_box = self._group(_FACILITY_FIELDS)
        admin_box = self._group(_ADMIN_FIELDS)
        for name in ("password", "password_again"):
            self.inputs[name].setEchoMode(QLineEdit.EchoMode.Password)
        self.general_error = FieldError(None, self)
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.submit)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(facility_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("FirstRunDialog", "SafetyLog – first start"))
        t.bind(title.setText, QT_TRANSLATE_NOOP("FirstRunDialog", "Set up SafetyLog"))
        t.bind(intro.setText, QT_TRANSLATE_NOOP(
            "FirstRunDialog", "The database is empty. Enter your facility and the first "
            "administrator. The administrator creates the other users afterwards."))
        t.bind(facility_box.setTitle, QT_TRANSLATE_NOOP("FirstRunDialog", "Facility"))
        t.bind(admin_box.setTitle, QT_TRANSLATE_NOOP("FirstRunDialog", "First administrator"))
        t.bind(self.create_button.setText, QT_TRANSLATE_NOOP("FirstRunDialog", "C&reate and log in"))
        self.inputs["facility_code"].setFocus()

    def _group(self, fields: tuple[tuple[str, str, str], ...]) -> QGroupBox:
        box = QGroupBox(self)
        form = QFormLayout(box)
        for name, label_source, accessible in fields:
            edit = QLineEdit(box)
            edit.setObjectName(name)
            edit.returnPressed.connect(self.submit)
            label = QLabel(box)
            label.setBuddy(edit)
            self._texts.bind(label.setText, label_source)
            self._texts.bind(edit.setAccessibleName, accessible)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(self.errors.add(name, FieldError(edit, box)))
            form.addRow(label, column)
            self.inputs[name] = edit
        return box

    def value(self, name: str) -> str:
        return self.inputs[name].text()

    def submit(self) -> None:
        self.errors.clear()
        self.general_error.clear_message()
        if self.value("password") != self.value("password_again"):
            self.errors["password_again"].show_message(self._texts.text(
                QT_TRANSLATE_NOOP("FirstRunDialog", "The two passwords are not the same.")))
            self.inputs["password_again"].setFocus()
            return
        values = {name: self.value(name) for name in self.inputs}
        create = self._create
        self.create_button.setEnabled(False)
        Op(self, lambda: create(values)).success(self._done).failure(self._failed).unguarded().run(
            self.tasks, self.ctx)


    def _done(self, result: FirstRunResult) -> None:
        self.create_button.setEnabled(True)
        self.accept()
        self.completed.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.create_button.setEnabled(True)
        if isinstance(error, ValidationError):
            rest = self.errors.show(error.messages(self.ctx.language if self.ctx else self.language))
            if rest:
                self.general_error.show_message("\n".join(rest.values()))
            first = self.errors.first_with_message()
            if first is not None and first.buddy_widget is not None:
                first.buddy_widget.setFocus()
        elif isinstance(error, PermissionDenied):  # someone set it up meanwhile (another PC)
            self.general_error.show_message(self._texts.text(QT_TRANSLATE_NOOP(
                "FirstRunDialog", "SafetyLog is already set up. Close this window and log in.")))
        else:  # never the driver's English: the detail goes to the log
            import logging

            from safetylog.domain.environment import classify

            logging.getLogger(__name__).error("first set-up failed: %r", error)
            problem = classify(error)  # a full disk, a read-only folder: say which, too
            detail = f" {problem.text(current_language())}" if problem is not None else ""
            self.general_error.show_message(self._texts.text(QT_TRANSLATE_NOOP(
                "FirstRunDialog", "The set-up failed, and nothing was saved. Check that the data "
                "folder can be written to, and try again.")) + detail)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)
