"""Users and roles: one personal login per staff member, their role and the facilities they work at.

A new user gets a first password from the administrator; the role, the facilities and
deactivation are changed for the user chosen in the list. A user who forgot their password gets
a one-time password (*Reset password*), shown once, and must choose their own at the next login;
a user locked out after too many wrong passwords is let in again with *Unlock*. The administrator
never sets a password the user keeps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.enums import Role
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import FacilityRecord, UserRecord
from safetylog.domain.timeutil import utcnow
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change, translate
from ui.models.record_table import ColumnSpec, RecordTableModel
from ui.operations import Op
from ui.tasks import TaskRunner
from ui.views.common import ValueCombo, accessible_name_setter, local_datetime
from ui.views.conflict import ConflictNotice
from ui.views.forms import CheckList, FormRows, button
from ui.views.one_time_password import OneTimePasswordDialog
from ui.views.psp_meetings import table
from ui.widgets.labels import label

CONTEXT = "AdminUsers"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def _password_field(parent: QWidget) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class UsersTab(QWidget):
    message = Signal(str, bool)
    reload_requested = Signal()
    """After a conflict, the user asked for the users as they are stored now."""


    def __init__(self, ctx: UiContext, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        self._texts = t = Retranslator(CONTEXT)
        self.facilities: list[FacilityRecord] = []
        self.one_time: OneTimePasswordDialog | None = None
        self.last_one_time_password = ""
        self.model: RecordTableModel[UserRecord] = RecordTableModel([
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "User name"), lambda u: u.username),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Name"), lambda u: u.display_name),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Role"), lambda u: label(u.role)),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Facilities"), self._facilities_of),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Active"), self._active),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Locked out"), self._locked_out),
            ColumnSpec(CONTEXT, QT_TRANSLATE_NOOP("AdminUsers", "Last login"),
                       lambda u: local_datetime(u.last_login_at)),
        ], lambda u: u.id, self)
        self.list = table(self.model, self, stretch=3)
        t.bind(accessible_name_setter(self.list), QT_TRANSLATE_NOOP("AdminUsers", "Users"))
        self.list.selectionModel().selectionChanged.connect(self._selected)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self._change_box())
        right_layout.addWidget(self._new_box())
        right_layout.addStretch(1)
        splitter = QSplitter(self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fill_roles()
        self.role_box.select(Role.STAFF)  # the usual new user

    def _new_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("AdminUsers", "New user"))
        self.new_form = f = FormRows(t, box)
        self.username = f.row("username", QT_TRANSLATE_NOOP("AdminUsers", "Us&er name"), QLineEdit(box))
        self.display_name = f.row("display_name", QT_TRANSLATE_NOOP("AdminUsers", "Full na&me"),
                                  QLineEdit(box))
        self.password = f.row("password", QT_TRANSLATE_NOOP("AdminUsers", "First pass&word"),
                              _password_field(box))
        self.role_box = f.row("role", QT_TRANSLATE_NOOP("AdminUsers", "&Role"), ValueCombo(box))
        self.facility_list = f.row("facility_ids", QT_TRANSLATE_NOOP("AdminUsers", "Faci&lities"),
                                   CheckList(box))
        self.all_facilities = QCheckBox(box)
        t.bind(self.all_facilities.setText, QT_TRANSLATE_NOOP("AdminUsers", "&All facilities"))
        f.add(self.all_facilities)
        self.create_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "&Create user"), self.create_user, box)
        f.add(self.create_button)
        box.setLayout(f.layout)
        return box

    def _change_box(self) -> QGroupBox:
        t = self._texts
        box = QGroupBox(self)
        t.bind(box.setTitle, QT_TRANSLATE_NOOP("AdminUsers", "The chosen user"))
        self.change_form = f = FormRows(t, box)
        self.change_role = f.row("change_role", QT_TRANSLATE_NOOP("AdminUsers", "R&ole"), ValueCombo(box))
        self.role_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "C&hange role"), self.set_role, box)
        f.add(self.role_button)
        self.change_facilities = f.row("change_facilities", QT_TRANSLATE_NOOP("AdminUsers", "Fac&ilities"),
                                       CheckList(box))
        self.change_all = QCheckBox(box)
        t.bind(self.change_all.setText, QT_TRANSLATE_NOOP("AdminUsers", "All facili&ties"))
        f.add(self.change_all)
        self.facilities_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "Sa&ve facilities"),
                                        self.set_facilities, box)
        f.add(self.facilities_button)
        buttons = QHBoxLayout()
        # The administrator never chooses a user's password: a reset gives a one-time password
        # the user must replace at the next login.
        self.password_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "Reset password…"),
                                      self.reset_password, box)
        self.password_button.setObjectName("resetPassword")
        self.unlock_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "Unlock"), self.unlock, box)
        self.unlock_button.setObjectName("unlockUser")
        self.deactivate_button = button(t, QT_TRANSLATE_NOOP("AdminUsers", "Deactivate"),
                                        self.deactivate, box)
        buttons.addWidget(self.password_button)
        buttons.addWidget(self.unlock_button)
        buttons.addStretch(1)
        buttons.addWidget(self.deactivate_button)
        f.layout.addRow(buttons)
        self.conflict = ConflictNotice(box)
        self.conflict.reload_requested.connect(self.reload_requested)

        f.add(self.conflict)
        box.setLayout(f.layout)
        box.setEnabled(False)
        self.change_box = box
        return box

    def _fill_roles(self) -> None:
        roles = [(label(r), r) for r in Role]
        self.role_box.set_items(roles)
        self.change_role.set_items(roles)

    def _facilities_of(self, u: UserRecord) -> str:
        if u.all_facilities:
            return _t(QT_TRANSLATE_NOOP("AdminUsers", "All"))
        return ", ".join(f.name for f in self.facilities if f.id in u.facility_ids)

    @staticmethod
    def _locked_out(u: UserRecord) -> str:
        until = u.locked_until
        if until is None or until <= utcnow():
            return ""
        return _t(QT_TRANSLATE_NOOP("AdminUsers", "Until %1"), local_datetime(until))

    @staticmethod
    def _active(u: UserRecord) -> str:
        if u.active:
            return _t(QT_TRANSLATE_NOOP("AdminUsers", "Yes"))
        return _t(QT_TRANSLATE_NOOP("AdminUsers", "No"))

    # --- data ------------------------------------------------------------------------------

    def set_data(self, users: list[UserRecord], facilities: list[FacilityRecord]) -> None:
        chosen = self.selected()
        self.facilities = facilities
        self.model.set_rows(users)
        choices = [(f.name, f.id) for f in facilities]
        self.facility_list.set_choices(choices)
        self.change_facilities.set_choices(choices, set())
        row = self.model.row_of(chosen.id) if chosen else -1
        if row >= 0:
            self.list.selectRow(row)

    def selected(self) -> UserRecord | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        user = self.selected()
        self.change_box.setEnabled(user is not None)
        self.change_form.errors.clear()
        self.conflict.hide()
        if user is None:
            return
        self.change_role.select(user.role)
        self.change_facilities.set_checked(set(user.facility_ids))
        self.change_all.setChecked(user.all_facilities)

    # --- changes ---------------------------------------------------------------------------

    def create_user(self) -> None:
        actor, admin = self.ctx.require_actor(), self.ctx.services.admin
        args = (self.username.text(), self.display_name.text(), self.password.text(), self.role_box.value(),
                tuple(self.facility_list.checked()), self.all_facilities.isChecked())
        Op(self, lambda: admin.create_user(actor, *args)).success(self._created).failure(
            lambda error: self._refused(self.new_form, error)).run(self.tasks, self.ctx)

    def _created(self, user: UserRecord) -> None:
        for edit in (self.username, self.display_name, self.password):
            edit.clear()
        self.new_form.errors.clear()
        self._changed(user)

    def _chosen(self) -> UserRecord | None:
        user = self.selected()
        if user is None:
            self.message.emit(_t(QT_TRANSLATE_NOOP("AdminUsers", "Choose a user in the list first.")), True)
        return user

    def set_role(self) -> None:
        user, actor, admin = self._chosen(), self.ctx.require_actor(), self.ctx.services.admin
        if user is not None:
            role = self.change_role.value()
            Op(self, lambda: admin.set_role(actor, user.username, role, expected_version=user.version)
               ).success(self._changed).failure(self._change_refused).run(self.tasks, self.ctx)

    def set_facilities(self) -> None:
        user, actor, admin = self._chosen(), self.ctx.require_actor(), self.ctx.services.admin
        if user is not None:
            ids, everything = tuple(self.change_facilities.checked()), self.change_all.isChecked()
            Op(self, lambda: admin.set_facilities(actor, user.username, ids, everything,
                                                  expected_version=user.version)
               ).success(self._changed).failure(self._change_refused).run(self.tasks, self.ctx)

    def reset_password(self) -> None:
        user, actor, admin = self._chosen(), self.ctx.require_actor(), self.ctx.services.admin
        if user is not None:
            Op(self, lambda: admin.reset_password(actor, user.username, expected_version=user.version)
               ).success(lambda password: self._password_reset(user, password)).failure(
                self._change_refused).run(self.tasks, self.ctx)

    def _password_reset(self, user: UserRecord, password: str) -> None:
        self.change_form.errors.clear()
        self.last_one_time_password = password  # until its dialog closes (tests read it)
        self.message.emit(_t(QT_TRANSLATE_NOOP(
            "AdminUsers", "%1 has a one-time password and must choose a new one at the next login."),
            user.display_name), False)
        self.one_time = dialog = OneTimePasswordDialog(user.display_name, password, self)
        dialog.finished.connect(self._one_time_closed)
        dialog.open()

    def _one_time_closed(self) -> None:
        self.last_one_time_password = ""
        if self.one_time is not None:
            self.one_time.deleteLater()
            self.one_time = None

    def unlock(self) -> None:
        user, actor, admin = self._chosen(), self.ctx.require_actor(), self.ctx.services.admin
        if user is not None:
            Op(self, lambda: admin.unlock_user(actor, user.username, expected_version=user.version)
               ).success(self._unlocked).failure(self._change_refused).run(self.tasks, self.ctx)

    def _unlocked(self, user: UserRecord) -> None:
        self.change_form.errors.clear()
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminUsers", "%1 can log in again."),
                             user.display_name), False)

    def deactivate(self) -> None:
        user, actor, admin = self._chosen(), self.ctx.require_actor(), self.ctx.services.admin
        if user is not None:
            Op(self, lambda: admin.deactivate(actor, user.username, expected_version=user.version)
               ).success(self._changed).failure(self._change_refused).run(self.tasks, self.ctx)

    def _changed(self, user: UserRecord) -> None:
        self.change_form.errors.clear()
        self.conflict.hide()
        self.message.emit(_t(QT_TRANSLATE_NOOP("AdminUsers", "%1 (%2) is saved."), user.display_name,
                             label(user.role)), False)

    def _change_refused(self, error: BaseException) -> None:
        if self.conflict.show_error(error, self.ctx.language):
            self.change_form.errors.clear()  # the choices stay as made, beside the notice
            return
        # The core names the fields "role" and "facility_ids"; here they sit in the
        # form for the chosen user, under other names.
        if isinstance(error, ValidationError):
            renamed = {"role": "change_role", "facility_ids": "change_facilities"}
            error = ValidationError({renamed.get(k, k): v for k, v in error.problems.items()})
        self._refused(self.change_form, error)

    def _refused(self, form: FormRows, error: BaseException) -> None:
        form.refuse(error, self.ctx.language, self.message.emit)

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._fill_roles()
            self.model.refresh_texts()
        super().changeEvent(event)
