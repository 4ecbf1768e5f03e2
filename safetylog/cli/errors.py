"""One clear line for the errors a user can cause or fix from the command line.

Disk full, permission denied, a missing or read-only folder, a damaged database file, a malformed
``settings.toml``, a database server that is down or refuses the login: each becomes one sentence
saying what happened and what to do. Anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
import tomllib

from sqlalchemy.exc import DBAPIError

_OS_MESSAGES = {
    errno.ENOSPC: "The disk is full{where}. Free some space and try again.",
    errno.EDQUOT: "The disk quota is used up{where}. Free some space and try again.",
    errno.EACCES: "Permission denied{where}. Check who owns the file or folder.",
    errno.EPERM: "Permission denied{where}. Check who owns the file or folder.",
    errno.EROFS: "The file system is read-only{where}.",
    errno.ENOENT: "No such file or folder{where}.",
    errno.ENOTDIR: "A part of the path is not a folder{where}.",
    errno.EISDIR: "That is a folder, not a file{where}.",
    errno.EEXIST: "A file stands where a folder is needed{where}.",
}

# Driver messages (SQLite and PostgreSQL) and what they mean for the person at the keyboard.
_DRIVER_MESSAGES = (
    ("database or disk is full", "The database cannot grow: the disk is full. Free some space; "
                                 "nothing that was saved is lost."),
    ("readonly database", "The database file is read-only. Check its permissions."),
    ("unable to open database file", "The database file cannot be opened: its folder is missing or "
                                     "not writable."),
    ("file is not a database", "The database file is damaged or not a SafetyLog database. "
                               "Restore it from a backup."),
    ("database disk image is malformed", "The database file is damaged. Restore it from a backup."),
    ("password authentication failed", "The database server refused the login. Check the user name "
                                       "and password."),
    ("connection refused", "The database server cannot be reached. Check that it is running and "
                           "the host and port in settings.toml."),
    ("could not translate host name", "The database server's host name is unknown. Check "
                                      "settings.toml."),
    ("timeout expired", "The database server did not answer in time. Check the network."),
    ("does not exist", "The database named in the settings does not exist on the server."),
)


def describe(error: BaseException) -> str | None:
    """The one line for an environment error, or None for an error that is a bug."""
    if isinstance(error, tomllib.TOMLDecodeError):
        return f"settings.toml is not valid TOML ({error}). Correct or remove it."
    if isinstance(error, OSError) and error.errno in _OS_MESSAGES:
        where = f": {error.filename}" if error.filename else ""
        return _OS_MESSAGES[error.errno].format(where=where)
    if isinstance(error, DBAPIError):
        text = str(error.orig if error.orig is not None else error).lower()
        for needle, message in _DRIVER_MESSAGES:
            if needle in text:
                return message
        if error.connection_invalidated or "connection" in text:
            return "The connection to the database server failed. Check that it is running."
    return None
