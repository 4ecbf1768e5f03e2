"""Where the data lives and which database to open.

Precedence: ``SAFETYLOG_DATABASE_URL``; then ``database_url`` in the settings file
(``settings.toml`` in the data folder); else the embedded SQLite file in the user's data folder.
``SAFETYLOG_DATA_DIR`` moves the data folder (used by tests and portable installs).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "SafetyLog"
SQLITE_FILE = "safetylog.sqlite3"


def data_dir() -> Path:
    override = os.environ.get("SAFETYLOG_DATA_DIR")
    return Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))


def settings_file() -> Path:
    return data_dir() / "settings.toml"


@dataclass(frozen=True, slots=True)
class DatabaseLocation:
    url: str
    source: str  # "environment", "settings file" or "default"

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def display(self) -> str:
        """The URL with any password masked, for windows and logs."""
        from sqlalchemy.engine import make_url

        return make_url(self.url).render_as_string(hide_password=True)


def database_location() -> DatabaseLocation:
    env = os.environ.get("SAFETYLOG_DATABASE_URL", "").strip()
    if env:
        return DatabaseLocation(env, "environment")
    path = settings_file()
    if path.is_file():
        with path.open("rb") as handle:
            url = str(tomllib.load(handle).get("database_url", "")).strip()
        if url:
            return DatabaseLocation(url, "settings file")
    return DatabaseLocation(f"sqlite:///{data_dir() / SQLITE_FILE}", "default")
