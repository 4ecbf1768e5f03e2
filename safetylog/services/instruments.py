"""Where the facility's licensed SOAS-R instrument file lives, and reading it.

The file is ``instruments/soas-r.toml`` in the data folder (beside the database), or the path in
``SAFETYLOG_SOAS_INSTRUMENT``. A missing file means "no SOAS-R score"; a broken file is never
fatal during entry: the incident is saved and its result says why there is no score.
"""

from __future__ import annotations

import os
from pathlib import Path

from safetylog.classification.soas import (
    NO_INSTRUMENT,
    InstrumentError,
    InstrumentState,
    load_instrument_file,
)
from safetylog.config import data_dir

ENV_VAR = "SAFETYLOG_SOAS_INSTRUMENT"
FILE_NAME = "soas-r.toml"

_cache: dict[Path, tuple[float, InstrumentState]] = {}


def soas_instrument_path() -> Path:
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else data_dir() / "instruments" / FILE_NAME


def installed_soas() -> InstrumentState:
    """The installed instrument, NO_INSTRUMENT, or the reason the installed file was refused."""
    path = soas_instrument_path()
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return NO_INSTRUMENT
    cached = _cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    try:
        state = InstrumentState(load_instrument_file(path))
    except InstrumentError as exc:
        state = InstrumentState(None, str(exc))
    except OSError as exc:
        state = InstrumentState(None, f"{path.name}: {exc.strerror or exc}")
    _cache[path] = (stamp, state)
    return state
