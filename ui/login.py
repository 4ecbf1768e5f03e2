"""The login: user name, password, Enter to submit, one clear message on failure.

This module is imported before the database is open (the login shows while the services start),
so it needs nothing but Qt and the translation helpers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, current_language, is_language_change
from ui.widgets.field_error import FieldError


def login_error_text(error: BaseException) -> str | None:
    """What to say about a refused login; None for a wrong name or password (``show_failure``)."""
    from safetylog.domain.errors import (
        AccountLocked,
        AuthenticationError,
        DatabaseDamaged,
        LoginThrottled,
        SessionEnded,
    )

    t = Retranslator("LoginForm")
    if isinstance(error, LoginThrottled):
        return t.text(QT_TRANSLATE_NOOP(
            "LoginForm", "Wait %1 seconds before you try again: the password was wrong too many "
                         "times."), error.wait_seconds)
    if isinstance(error, AccountLocked):
        return t.text(QT_TRANSLATE_NOOP(
            "LoginForm", "Your user is locked after too many wrong passwords. An administrator can "
                         "unlock it, or it opens again by itself in %1 minutes."), error.minutes)
    if isinstance(error, SessionEnded):
        return session_ended_text(error)
    if isinstance(error, AuthenticationError):
        return None
    if isinstance(error, DatabaseDamaged):
        return damaged_text()
    from safetylog.domain.environment import classify

    problem = classify(error)  # a full disk, a locked-down folder, a server that is down
    if problem is not None:
        return problem.text(current_language())
    return t.text(QT_TRANSLATE_NOOP(
        "LoginForm", "The database could not be opened. Try again, or call your administrator."))


def damaged_text() -> str:
    return Retranslator("LoginForm").text(QT_TRANSLATE_NOOP(
        "LoginForm", "The database file is damaged and cannot be opened; nothing has been written "
                     "to it. Restore the latest backup, or call your administrator."))


def session_ended_text(error: BaseException) -> str:
    """Why the user is back at the login: deactivated, or the login ended or expired."""
    t = Retranslator("LoginForm")
    if getattr(error, "reason", "") == "deactivated" or "deactivated" in str(error):
        return t.text(QT_TRANSLATE_NOOP(
            "LoginForm", "Your user has been deactivated. Talk to your administrator."))
    return t.text(QT_TRANSLATE_NOOP(
        "LoginForm", "Your login has expired or was ended. Log in again to go on."))


class LoginForm(QWidget):
    """User name and password. Enter in either field submits."""

    submitted = Signal(str, str)
    """The user asked to log in with (user name, password)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts = Retranslator("LoginForm")
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.submit_button = QPushButton(self)
        self.submit_button.setDefault(True)
        self.submit_button.setAutoDefault(True)
        self.error = FieldError(self.password, self)
        self.error.setObjectName("loginError")

        form = QFormLayout()
        user_label = QLabel(self)
        user_label.setBuddy(self.username)
        password_label = QLabel(self)
        password_label.setBuddy(self.password)
        form.addRow(user_label, self.username)
        form.addRow(password_label, self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.submit_button, alignment=Qt.AlignmentFlag.AlignRight)

        t = self._texts
        t.bind(user_label.setText, QT_TRANSLATE_NOOP("LoginForm", "&User name:"))
        t.bind(password_label.setText, QT_TRANSLATE_NOOP("LoginForm", "&Password:"))
        t.bind(self.username.setAccessibleName, QT_TRANSLATE_NOOP("LoginForm", "User name"))
        t.bind(self.password.setAccessibleName, QT_TRANSLATE_NOOP("LoginForm", "Password"))
        t.bind(self.submit_button.setText, QT_TRANSLATE_NOOP("LoginForm", "&Log in"))

        self.username.returnPressed.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.submit_button.clicked.connect(self._submit)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.submit_button)

    def _submit(self) -> None:
        if not self.username.text().strip():
            self.username.setFocus()
            return
        if not self.password.text():
            self.password.setFocus()
            return
        self.error.clear_message()
        self.submitted.emit(self.username.text().strip(), self.password.text())

    def set_busy(self, busy: bool) -> None:
        for widget in (self.username, self.password, self.submit_button):
            widget.setEnabled(not busy)

    def show_failure(self) -> None:
        """Wrong name or password: say so, clear the password, let the user type it again."""
        self.set_busy(False)
        self.error.show_message(self._texts.text(
            QT_TRANSLATE_NOOP("LoginForm", "Wrong user name or password. Try again.")))
        self._fit_window()
        self.password.clear()
        self.password.setFocus()

    def show_message(self, text: str) -> None:
        self.set_busy(False)
        self.error.show_message(text)
        self._fit_window()

    def _fit_window(self) -> None:
        """A dialog sized before a long message would clip it: let it grow to fit (the lock
        screen's form sits in a main window, which has room)."""
        window = self.window()
        if isinstance(window, QDialog):
            window.adjustSize()

    def show_error(self, error: BaseException) -> None:
        """A refused login in the user's language: never the driver's or the core's English."""
        text = login_error_text(error)
        if text is None:
            self.show_failure()
        else:
            self.show_message(text)
            self.password.clear()
            self.password.setFocus()

    def reset(self, username: str = "") -> None:
        self.set_busy(False)
        self.error.clear_message()
        self.username.setText(username)
        self.password.clear()
        (self.password if username else self.username).setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
        super().changeEvent(event)


class LoginDialog(QDialog):
    """The window every start shows. Stays open until the login succeeds or the user closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._texts = Retranslator("LoginDialog")
        title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.form = LoginForm(self)
        self.notice = QLabel(self)  # one line about what the app is doing (encrypting the file)
        self.notice.setObjectName("loginNotice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("i18n_data", True)  # set already translated by the shell
        self.notice.hide()
        self.database = QLabel(self)
        self.database.setObjectName("databaseLabel")
        self.database.setStyleSheet("color: palette(mid);")
        self.database.setWordWrap(True)
        self.database.setProperty("i18n_data", True)
        self._database_text = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.form)
        layout.addWidget(self.database)
        self.setMinimumWidth(420)

        t = self._texts
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("LoginDialog", "SafetyLog – log in"))
        t.bind(title.setText, QT_TRANSLATE_NOOP("LoginDialog", "Log in to SafetyLog"))
        t.bind(self.intro.setText, QT_TRANSLATE_NOOP(
            "LoginDialog", "Use your own login. A shared login is not a personal login."))
        self.form.username.setFocus()

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.adjustSize()

    def set_database(self, display: str) -> None:
        self._database_text = display
        self._show_database()

    def _show_database(self) -> None:
        if self._database_text:
            self.database.setText(self._texts.text(
                QT_TRANSLATE_NOOP("LoginDialog", "Database: %1"), self._database_text))

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._show_database()
        super().changeEvent(event)
