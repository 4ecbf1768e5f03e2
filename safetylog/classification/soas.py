"""SOAS-R as a plug-in instrument: the file format, its validation, and the scoring rule.

The SOAS-R wording and per-option weights are licensed (Nijman & Palmstierna / Frenzs B.V.), so
SafetyLog ships none: a facility installs the licence holder's instrument file (format below and
in resources/instruments/README.md). Without one, the five columns are still recorded and the
result says that no SOAS-R score is available; no weights are ever invented.

Scoring (Nijman et al. 1999): column score = the highest weight ticked in that column (0 when
nothing is ticked); total = the sum of the five column scores, 0-22; bands 0-7 mild,
8-15 moderate, 16-22 severe. A file whose highest weights cannot give exactly 0-22 is refused.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from safetylog.domain.records import ViolenceDetail
from safetylog.domain.taxonomy import line_of

COLUMN_KEYS = ("provocation", "means", "target", "consequence", "measures")
MAX_TOTAL = 22
INSTRUMENT_NAME = "SOAS-R"
_OPTION_CODE_RE = re.compile(r"^[a-z0-9_]{1,40}$")
_TOP_KEYS = {"instrument", "version", "licence", "title_da", "title_en", "columns"}
_COLUMN_KEYS = {"key", "label_da", "label_en", "options"}
_OPTION_KEYS = {"code", "label_da", "label_en", "weight"}


class InstrumentError(ValueError):
    """The instrument file is malformed; the message names the file, the line and the reason."""


class SoasBand(StrEnum):
    MILD = "mild"  # 0-7
    MODERATE = "moderate"  # 8-15
    SEVERE = "severe"  # 16-22

    def label(self, language: str) -> str:
        da = {"mild": "mild", "moderate": "moderat", "severe": "alvorlig"}
        return da[self.value] if language == "da" else self.value


BAND_RANGES = {SoasBand.MILD: (0, 7), SoasBand.MODERATE: (8, 15), SoasBand.SEVERE: (16, 22)}


def band_for(total: int) -> SoasBand:
    if not 0 <= total <= MAX_TOTAL:
        raise ValueError(f"SOAS-R totals run 0-{MAX_TOTAL}, not {total}")
    return next(band for band, (low, high) in BAND_RANGES.items() if low <= total <= high)


@dataclass(frozen=True, slots=True)
class SoasOption:
    code: str
    label_da: str
    label_en: str
    weight: int | None  # None in the built-in, unweighted structure


@dataclass(frozen=True, slots=True)
class SoasColumn:
    key: str
    label_da: str
    label_en: str
    options: tuple[SoasOption, ...]

    def option(self, code: str) -> SoasOption | None:
        return next((o for o in self.options if o.code == code), None)

    @property
    def max_weight(self) -> int:
        return max((o.weight or 0) for o in self.options)


@dataclass(frozen=True, slots=True)
class SoasInstrument:
    version: str
    licence: str
    title_da: str
    title_en: str
    columns: tuple[SoasColumn, ...]

    @property
    def ident(self) -> str:
        """What an incident stores in ``soas_instrument``: name and the licence holder's version."""
        return f"{INSTRUMENT_NAME} {self.version}"

    def column(self, key: str) -> SoasColumn:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True, slots=True)
class InstrumentState:
    """What is installed: an instrument, nothing, or a file that was refused (and why)."""

    instrument: SoasInstrument | None = None
    problem: str = ""


NO_INSTRUMENT = InstrumentState()


class SoasStatus(StrEnum):
    SCORED = "scored"
    NOT_RECORDED = "not_recorded"  # no column ticked
    NO_INSTRUMENT = "no_instrument"
    INSTRUMENT_INVALID = "instrument_invalid"
    UNSCORABLE = "unscorable"  # a ticked option is not in the installed instrument


@dataclass(frozen=True, slots=True)
class SoasResult:
    status: SoasStatus
    instrument: str | None
    total: int | None
    band: SoasBand | None
    column_scores: tuple[int, ...]
    text_da: str
    text_en: str

    def text(self, language: str) -> str:
        return self.text_da if language == "da" else self.text_en


# --- loading -------------------------------------------------------------------------------


def _label(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def parse_instrument(text: str, source: str = "<instrument>") -> SoasInstrument:
    """Parse and validate an instrument file, or raise InstrumentError with line and reason."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InstrumentError(f"{source}: not valid TOML: {exc}") from None

    def fail(needle: str, reason: str, after: int = 0, occurrence: int = 1) -> InstrumentError:
        line = line_of(text, needle, occurrence, after, inline=needle.startswith("code"))
        return InstrumentError(f"{source}, line {line}: {reason}")

    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown setting '{unknown[0]}'")
    if data.get("instrument") != INSTRUMENT_NAME:
        raise fail("instrument", f"the file must say instrument = \"{INSTRUMENT_NAME}\"")
    for key in ("version", "licence"):
        if _label(data, key) is None:
            raise fail(key, f"the file needs a non-empty text '{key}'")
    raw_columns = data.get("columns")
    if not isinstance(raw_columns, list) or [
        c.get("key") if isinstance(c, dict) else None for c in raw_columns
    ] != list(COLUMN_KEYS):
        raise fail("[[columns]]", "the file needs exactly five [[columns]], in this order: "
                   + ", ".join(COLUMN_KEYS))
    columns = tuple(_parse_column(raw, text, fail) for raw in raw_columns)
    highest = sum(c.max_weight for c in columns)
    if highest != MAX_TOTAL:
        parts = " + ".join(f"{c.key} {c.max_weight}" for c in columns)
        raise fail("[[columns]]", f"the highest weights add up to {highest} ({parts}); SOAS-R totals "
                   f"run 0-{MAX_TOTAL}, so they must add up to exactly {MAX_TOTAL}")
    return SoasInstrument(
        version=str(data["version"]).strip(), licence=str(data["licence"]).strip(),
        title_da=_label(data, "title_da") or INSTRUMENT_NAME,
        title_en=_label(data, "title_en") or INSTRUMENT_NAME, columns=columns,
    )


def _parse_column(raw: dict[str, Any], text: str, fail: Callable[..., InstrumentError]) -> SoasColumn:
    key = raw["key"]
    needle = f'key = "{key}"'
    line = line_of(text, needle)
    unknown = sorted(set(raw) - _COLUMN_KEYS)
    if unknown:
        raise fail(unknown[0], f"column {key}: unknown setting '{unknown[0]}'", line)
    label_da, label_en = _label(raw, "label_da"), _label(raw, "label_en")
    if label_da is None or label_en is None:
        raise fail(needle, f"column {key} needs a non-empty label_da and label_en")
    raw_options = raw.get("options")
    if not isinstance(raw_options, list) or not raw_options:
        raise fail(needle, f"column {key} needs at least one option")
    options: list[SoasOption] = []
    for option in raw_options:
        code = option.get("code") if isinstance(option, dict) else None
        if not isinstance(code, str) or not _OPTION_CODE_RE.match(code):
            raise fail(f'code = "{code}"' if isinstance(code, str) else "options", f"column {key}: "
                       f"option code {code!r} must be 1-40 of a-z, 0-9, _", line)
        assert isinstance(option, dict)
        nth = 1 + sum(1 for o in options if o.code == code)

        def bad(reason: str, code: str = code, nth: int = nth) -> InstrumentError:
            return fail(f'code = "{code}"', reason, line, nth)

        if nth > 1:
            raise bad(f"column {key}: option {code} appears twice")
        extra = sorted(set(option) - _OPTION_KEYS)
        if extra:
            raise bad(f"option {key}/{code}: unknown setting '{extra[0]}'")
        o_da, o_en = _label(option, "label_da"), _label(option, "label_en")
        if o_da is None or o_en is None:
            raise bad(f"option {key}/{code} needs a non-empty label_da and label_en")
        weight = option.get("weight")
        if isinstance(weight, bool) or not isinstance(weight, int) or not 0 <= weight <= MAX_TOTAL:
            raise bad(f"option {key}/{code}: weight must be a whole number 0-{MAX_TOTAL}, not {weight!r}")
        options.append(SoasOption(code, o_da, o_en, weight))
    return SoasColumn(key, label_da, label_en, tuple(options))


def load_instrument_file(path: Path) -> SoasInstrument:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InstrumentError(f"{path.name}: not UTF-8 text") from None
    return parse_instrument(text, source=path.name)


# --- scoring -------------------------------------------------------------------------------


def _ticked(violence: ViolenceDetail | None) -> tuple[tuple[str, ...], ...]:
    if violence is None:
        return ((),) * len(COLUMN_KEYS)
    return tuple(tuple(getattr(violence, key)) for key in COLUMN_KEYS)


def score(state: InstrumentState, violence: ViolenceDetail | None) -> SoasResult:
    """Score the five recorded columns with the installed instrument, or say why there is no score."""
    ticked = _ticked(violence)
    instrument = state.instrument
    ident = instrument.ident if instrument else None
    if not any(ticked):
        return SoasResult(SoasStatus.NOT_RECORDED, ident, None, None, (),
                          "SOAS-R-kolonnerne er ikke udfyldt, så der er ingen SOAS-R-score.",
                          "The SOAS-R columns are not filled in, so there is no SOAS-R score.")
    if instrument is None and state.problem:
        return SoasResult(SoasStatus.INSTRUMENT_INVALID, None, None, None, (),
                          "Ingen SOAS-R-score: den installerede instrumentfil blev afvist "
                          f"({state.problem}).",
                          f"No SOAS-R score: the installed instrument file was refused ({state.problem}).")
    if instrument is None:
        return SoasResult(SoasStatus.NO_INSTRUMENT, None, None, None, (),
                          "Ingen SOAS-R-score: der er ikke installeret en licenseret SOAS-R-instrumentfil. "
                          "De fem kolonner er registreret; alvorligheden bygger på SafetyLogs egne regler.",
                          "No SOAS-R score: no licensed SOAS-R instrument file is installed. The five "
                          "columns are recorded; the severity rests on SafetyLog's own rules.")
    scores: list[int] = []
    for column, codes in zip(instrument.columns, ticked, strict=True):
        weights: list[int] = []
        for code in codes:
            option = column.option(code)
            if option is None or option.weight is None:
                return SoasResult(
                    SoasStatus.UNSCORABLE, ident, None, None, (),
                    f"Ingen SOAS-R-score: valget «{code}» i kolonnen «{column.label_da}» findes ikke "
                    f"i instrumentet {ident}.",
                    f"No SOAS-R score: the option “{code}” in the column “{column.label_en}” is not "
                    f"in the instrument {ident}.")
            weights.append(option.weight)
        scores.append(max(weights, default=0))
    total = sum(scores)
    band = band_for(total)
    low, high = BAND_RANGES[band]
    return SoasResult(
        SoasStatus.SCORED, ident, total, band, tuple(scores),
        f"SOAS-R-score {total} af {MAX_TOTAL} ({band.label('da')}, {low}-{high}) efter {ident}.",
        f"SOAS-R score {total} of {MAX_TOTAL} ({band.label('en')}, {low}-{high}) by {ident}.",
    )
