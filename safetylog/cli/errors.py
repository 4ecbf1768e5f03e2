"""One clear line for the errors a user can cause or fix from the command line.

Disk full, permission denied, a missing or read-only folder, a damaged database file, a database
server that is down or refuses the login: ``safetylog.domain.environment`` names and words them
(the app shows the same sentences). A malformed ``settings.toml`` is the command line's own.
Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import tomllib

from safetylog.domain.environment import classify
from safetylog.domain.errors import SafetyLogError, ValidationError


def one_line(error: Exception, *, debug: bool) -> str | None:
    """What the command line prints for a failed command; None: let the traceback show.

    The core's own errors are always one line; ``--debug`` keeps the traceback of any other."""
    if isinstance(error, ValidationError):
        return "; ".join(f"{name}: {message}" for name, message in error.errors.items())
    if isinstance(error, SafetyLogError):
        return str(error)
    return None if debug else describe(error)


def describe(error: BaseException) -> str | None:
    """The one line for an environment error, or None for an error that is a bug."""
    if isinstance(error, tomllib.TOMLDecodeError):
        return f"settings.toml is not valid TOML ({error}). Correct or remove it."
    problem = classify(error)
    return problem.text("en") if problem is not None else None
