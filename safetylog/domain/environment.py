"""Errors the environment causes (a full disk, a locked-down folder, a server that is down), named
by kind and worded in Danish and English.

The drivers and the operating system say what went wrong in their own English, often with SQL and
its parameters attached; a user must never see that. ``classify`` turns such an error into an
``EnvironmentProblem`` whose ``text(language)`` says what happened and what to do; anything it
does not recognise is a bug and is left to the caller (a traceback on the command line, a
generic sentence in the app, the detail in the log). No SQLAlchemy import: the driver error is
found through ``orig`` and recognised by its module and wording, so this works on the raw
``sqlite3``/``sqlcipher3``/``psycopg`` errors too.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import StrEnum


class EnvironmentKind(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    CANNOT_OPEN = "cannot_open"
    DAMAGED = "damaged"
    SERVER_UNREACHABLE = "server_unreachable"
    SERVER_REFUSED_LOGIN = "server_refused_login"
    PERMISSION_DENIED = "permission_denied"
    NOT_FOUND = "not_found"  # a file or folder named in the settings is missing or in the way
    SERVER_UNKNOWN_HOST = "server_unknown_host"
    SERVER_TIMEOUT = "server_timeout"
    DATABASE_MISSING = "database_missing"  # the server has no database of that name
    CONNECTION_FAILED = "connection_failed"


# kind: (Danish, English). ``{where}`` is ": <path>" when the error names a file, else "".
_TEXTS: dict[EnvironmentKind, tuple[str, str]] = {
    EnvironmentKind.DISK_FULL: (
        # Reads write an audit row, so a full disk stops reading too: say why nothing is shown.
        "Disken er fuld{where}: databasen kan ikke gemme noget, heller ikke loggen over hvem der "
        "læser hvad, så der kan hverken gemmes eller vises oplysninger. Frigør plads, eller ring "
        "til din administrator; intet af det, der allerede er gemt, er tabt.",
        "The database cannot grow: the disk is full{where}. Nothing can be saved, not even the "
        "log of who reads what, so nothing can be shown either. Free some space; nothing that "
        "was saved is lost.",
    ),
    EnvironmentKind.READ_ONLY: (
        "Databasen kan kun læses, ikke skrives{where}. Bed din administrator om at rette "
        "rettighederne.",
        "The database file is read-only{where}. Check its permissions.",
    ),
    EnvironmentKind.CANNOT_OPEN: (
        "Databasefilen kan ikke åbnes{where}: mappen mangler eller kan ikke skrives i. Ring til "
        "din administrator.",
        "The database file cannot be opened{where}: its folder is missing or not writable.",
    ),
    EnvironmentKind.DAMAGED: (
        "Databasefilen er beskadiget{where}. Gendan den seneste sikkerhedskopi, eller ring til "
        "din administrator.",
        "The database file is damaged{where}. Restore it from a backup.",
    ),
    EnvironmentKind.SERVER_UNREACHABLE: (
        "Databaseserveren kan ikke nås. Tjek netværket, og at serveren kører; ring ellers til "
        "din administrator.",
        "The database server cannot be reached. Check that it is running and the host and port "
        "in settings.toml.",
    ),
    EnvironmentKind.SERVER_REFUSED_LOGIN: (
        "Databaseserveren afviste forbindelsen (brugernavn eller adgangskode i indstillingerne). "
        "Ring til din administrator.",
        "The database server refused the login. Check the user name and password.",
    ),
    EnvironmentKind.PERMISSION_DENIED: (
        "Adgang nægtet til filen eller mappen{where}. Bed din administrator om at rette "
        "rettighederne.",
        "Permission denied{where}. Check who owns the file or folder.",
    ),
    EnvironmentKind.NOT_FOUND: (
        "Filen eller mappen findes ikke eller er ikke en mappe{where}. Tjek indstillingerne.",
        "No such file or folder, or a part of the path is not a folder{where}.",
    ),
    EnvironmentKind.SERVER_UNKNOWN_HOST: (
        "Databaseserverens navn er ukendt. Tjek indstillingerne, eller ring til din administrator.",
        "The database server's host name is unknown. Check settings.toml.",
    ),
    EnvironmentKind.SERVER_TIMEOUT: (
        "Databaseserveren svarede ikke i tide. Tjek netværket, og prøv igen.",
        "The database server did not answer in time. Check the network.",
    ),
    EnvironmentKind.DATABASE_MISSING: (
        "Databasen i indstillingerne findes ikke på serveren. Ring til din administrator.",
        "The database named in the settings does not exist on the server.",
    ),
    EnvironmentKind.CONNECTION_FAILED: (
        "Forbindelsen til databaseserveren blev afbrudt. Tjek netværket, og prøv igen.",
        "The connection to the database server failed. Check that it is running.",
    ),
}

_OS_KINDS = {
    errno.ENOSPC: EnvironmentKind.DISK_FULL,
    errno.EDQUOT: EnvironmentKind.DISK_FULL,
    errno.EACCES: EnvironmentKind.PERMISSION_DENIED,
    errno.EPERM: EnvironmentKind.PERMISSION_DENIED,
    errno.EROFS: EnvironmentKind.READ_ONLY,
    errno.ENOENT: EnvironmentKind.NOT_FOUND,
    errno.ENOTDIR: EnvironmentKind.NOT_FOUND,
    errno.EISDIR: EnvironmentKind.NOT_FOUND,
    errno.EEXIST: EnvironmentKind.NOT_FOUND,
}

# Driver wording (SQLite/SQLCipher and PostgreSQL), lower case, first match wins.
_DRIVER_KINDS = (
    ("database or disk is full", EnvironmentKind.DISK_FULL),
    ("no space left on device", EnvironmentKind.DISK_FULL),
    ("readonly database", EnvironmentKind.READ_ONLY),
    ("read-only", EnvironmentKind.READ_ONLY),
    ("unable to open database file", EnvironmentKind.CANNOT_OPEN),
    ("file is not a database", EnvironmentKind.DAMAGED),
    ("database disk image is malformed", EnvironmentKind.DAMAGED),
    ("password authentication failed", EnvironmentKind.SERVER_REFUSED_LOGIN),
    ("connection refused", EnvironmentKind.SERVER_UNREACHABLE),
    ("could not translate host name", EnvironmentKind.SERVER_UNKNOWN_HOST),
    ("timeout expired", EnvironmentKind.SERVER_TIMEOUT),
    ("does not exist", EnvironmentKind.DATABASE_MISSING),
)

_DRIVER_MODULES = ("sqlite3", "sqlcipher3", "psycopg", "psycopg2", "sqlalchemy")


@dataclass(frozen=True, slots=True)
class EnvironmentProblem:
    """What the environment refused, and the file it concerns (if the error named one)."""

    kind: EnvironmentKind
    where: str = ""

    def text(self, language: str = "en") -> str:
        da, en = _TEXTS[self.kind]
        template = da if language == "da" else en
        return template.format(where=f": {self.where}" if self.where else "")


def classify(error: BaseException) -> EnvironmentProblem | None:
    """The environment problem behind ``error``, or None when it is not one (a bug)."""
    if isinstance(error, OSError) and error.errno in _OS_KINDS:
        return EnvironmentProblem(_OS_KINDS[error.errno], str(error.filename or ""))
    if not _from_driver(error):
        return None
    orig = getattr(error, "orig", None)
    text = str(orig if orig is not None else error).lower()
    for needle, kind in _DRIVER_KINDS:
        if needle in text:
            return EnvironmentProblem(kind)
    if getattr(error, "connection_invalidated", False) or "connection" in text:
        return EnvironmentProblem(EnvironmentKind.CONNECTION_FAILED)
    return None


def _from_driver(error: BaseException) -> bool:
    """A database driver's error, or SQLAlchemy's wrapper of one (never a plain ValueError whose
    message happens to contain "does not exist")."""
    for candidate in (error, getattr(error, "orig", None)):
        module = type(candidate).__module__ if candidate is not None else ""
        if module.split(".")[0] in _DRIVER_MODULES:
            return True
    return False


def is_disk_full(error: BaseException) -> bool:
    problem = classify(error)
    return problem is not None and problem.kind is EnvironmentKind.DISK_FULL
