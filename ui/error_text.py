"""The one wording of a failed call for the user: below the views and widgets, so both can use it."""

from __future__ import annotations

from safetylog.domain.environment import classify
from safetylog.domain.errors import (
    AuthenticationError,
    ConflictError,
    NotFound,
    PermissionDenied,
    ReauthenticationRequired,
    ValidationError,
)
from ui.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Views"


def error_text(error: BaseException, language: str) -> str:
    """What to tell the user about a failed call, in their language; never a stack trace."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages(language).values())
    if isinstance(error, ConflictError):
        return translate(CONTEXT, QT_TRANSLATE_NOOP(
            "Views", "Someone else changed this record after you opened it. "
                     "Reload it and make your change again."))
    if isinstance(error, PermissionDenied):
        return translate(CONTEXT, QT_TRANSLATE_NOOP("Views", "You do not have access to this."))
    if isinstance(error, NotFound):
        return translate(CONTEXT, QT_TRANSLATE_NOOP("Views", "The record no longer exists."))
    if isinstance(error, ReauthenticationRequired):  # the user cancelled the password prompt
        return translate(CONTEXT, QT_TRANSLATE_NOOP(
            "Views", "Not done: this needs your password again. Try once more and type it."))
    if isinstance(error, AuthenticationError):
        return translate(CONTEXT, QT_TRANSLATE_NOOP("Views", "Wrong user name or password."))
    problem = classify(error)  # a full disk, a read-only file, a server that is down
    if problem is not None:
        return problem.text(language)
    # Never the error's own text: a driver's English, with SQL and its parameters (personal data)
    # attached. The detail is in the log, written where the call failed (ui.tasks).
    return translate(CONTEXT, QT_TRANSLATE_NOOP(
        "Views", "Something went wrong, and it was not done. Try again; if it happens again, call "
                 "your administrator."))
