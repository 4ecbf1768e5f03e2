"""Duty rules as versioned data: when each duty opens, when it is due, and the law behind it.

A rules file (``resources/rules/duties-YEAR.N.toml``, TOML) is validated as a whole; a broken one
is refused with one line naming the file, the line, the duty and the key. An incident gets the
newest version in effect on the day it happened and keeps the version its duties were opened
under, so a new file changes new incidents only.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from safetylog.classification.duty_fields import FIELDS
from safetylog.classification.duty_kinds import DEADLINE_CASES, PROVISIONS, DutyKind
from safetylog.classification.workdays import add_working_days, end_of_local_day
from safetylog.domain.taxonomy import line_of
from safetylog.domain.timeutil import as_utc, local_day_bounds, to_local
from safetylog.resources import resource_path

_VERSION_RE = re.compile(r"^\d{4}\.\d+$")
_TYPE_RE = re.compile(r"^[A-Z]{2,4}(-[A-Z]{2,5})?(/[a-z0-9_]{1,40})?$")
FORMS = ("1", "2", "4")
FORCE_CASES = ("acute", "pre_approved")


class DutyRulesError(ValueError):
    """The rules file is malformed; the message names the file, line, duty and key."""


class Unit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    HOURS = "hours"


class Anchor(StrEnum):
    """The moment a deadline counts from."""

    EPISODE_START = "episode_start"
    EPISODE_END = "episode_end"  # the start when no end was recorded
    REGISTERED = "registered"
    FIRST_ABSENCE_DAY = "first_absence_day"
    DECISION_EXPIRES = "decision_expires"  # a date the manager records on the duty


@dataclass(frozen=True, slots=True)
class Source:
    act: str
    paragraph: str = ""
    guidance: str = ""
    date: str = ""

    def text(self) -> str:
        """One line, as the app shows it: act and paragraph; guidance and date in brackets."""
        head = ", ".join(p for p in (self.act, self.paragraph) if p)
        tail = "; ".join(p for p in (self.guidance, self.date) if p)
        return f"{head} ({tail})" if tail else head


@dataclass(frozen=True, slots=True)
class Deadline:
    case: str
    count: int
    unit: Unit
    anchor: Anchor
    source: Source
    confirmed_by: str = ""
    confirmed_on: str = ""
    customary_days_off: bool = False  # working days: also skip 1 May, 5 June, 24 and 31 Dec

    @property
    def confirmed(self) -> bool:
        return bool(self.confirmed_by and self.confirmed_on)

    def rule_text(self) -> str:
        units = {Unit.CALENDAR_DAYS: "kalenderdage", Unit.WORKING_DAYS: "arbejdsdage", Unit.HOURS: "timer"}
        return f"{self.count} {units[self.unit]} fra {self.anchor.value}"

    def due(self, anchor: datetime | date) -> datetime:
        """The instant the deadline falls, counted from ``anchor`` (a moment, or a local day)."""
        if self.unit is Unit.HOURS:
            start = anchor if isinstance(anchor, datetime) else local_day_bounds(anchor)[0]
            return as_utc(start) + timedelta(hours=self.count)
        day = to_local(anchor).date() if isinstance(anchor, datetime) else anchor
        if self.unit is Unit.WORKING_DAYS:
            day = add_working_days(day, self.count, customary_days_off=self.customary_days_off)
        else:
            day = day + timedelta(days=self.count)
        return end_of_local_day(day)

    def snapshot(self) -> dict[str, Any]:
        """What a duty keeps about its deadline, so it reads the same after the file is gone."""
        return {"act": self.source.act, "paragraph": self.source.paragraph,
                "guidance": self.source.guidance, "date": self.source.date,
                "rule": self.rule_text(), "confirmed_by": self.confirmed_by,
                "confirmed_on": self.confirmed_on}


@dataclass(frozen=True, slots=True)
class Trigger:
    flags: frozenset[str] = frozenset()
    force: str = ""  # "acute" | "pre_approved" | "" (any)
    types: frozenset[str] = frozenset()  # "CODE" or "CODE/subtype"
    staff_target_types: frozenset[str] = frozenset()
    mandatory_types: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class DutyRule:
    kind: DutyKind
    trigger: Trigger
    recipients: tuple[str, ...]
    closes_with: tuple[tuple[str, ...], ...]  # any one complete set closes the duty
    source: Source
    deadlines: tuple[Deadline, ...]

    def deadline(self, case: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.case == case), None)


@dataclass(frozen=True, slots=True)
class RuleBook:
    version: str
    effective_from: date
    rules: tuple[DutyRule, ...]
    provisions: dict[str, str]  # provision -> SBST form
    source: str = ""  # the file it came from

    def rule(self, kind: str) -> DutyRule | None:
        return next((r for r in self.rules if r.kind.value == kind), None)


# --- parsing --------------------------------------------------------------------------------

_TOP_KEYS = frozenset({"version", "effective_from", "provisions", "duties"})
_DUTY_KEYS = frozenset({"kind", "trigger", "recipients", "closes_with", "source", "deadlines"})
_TRIGGER_KEYS = frozenset({"flags", "force", "types", "staff_target_types", "mandatory_types", "not_with"})
_DEADLINE_KEYS = frozenset({"case", "count", "unit", "from", "source", "confirmed_by", "confirmed_on",
                            "customary_days_off"})
_SOURCE_KEYS = frozenset({"act", "paragraph", "guidance", "date"})
_FLAGS = frozenset({"soas_r", "magtanvendelse", "easy_report", "uth", "police_report", "psp_relevant",
                    "notify_leader_now"})


class _Reader:
    """Refusals that name the file and line: ``fail(needle, message, after=line)``."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source

    def fail(self, needle: str, message: str, after: int = 0) -> DutyRulesError:
        return DutyRulesError(f"{self.source}, line {line_of(self.text, needle, after=after)}: {message}")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _iso_day(value: Any) -> date | None:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _source(raw: Any, reader: _Reader, where: str, after: int) -> Source:
    if not isinstance(raw, dict):
        raise reader.fail("source", f"{where}: 'source' must be a table with act, paragraph, guidance, "
                          "date", after)
    extra = sorted(set(raw) - _SOURCE_KEYS)
    if extra:
        raise reader.fail("source", f"{where}: unknown source key '{extra[0]}'", after)
    if not all(isinstance(raw.get(k, ""), str) for k in _SOURCE_KEYS):
        raise reader.fail("source", f"{where}: source act, paragraph, guidance and date must be text", after)
    if not raw.get("act", "").strip():
        raise reader.fail("source", f"{where}: source needs an 'act' (the law, or 'Ingen lovbestemt frist')",
                          after)
    if raw.get("date") and _iso_day(raw["date"]) is None:
        raise reader.fail("source", f"{where}: source date must be YYYY-MM-DD, not {raw['date']!r}", after)
    return Source(raw["act"].strip(), raw.get("paragraph", "").strip(), raw.get("guidance", "").strip(),
                  raw.get("date", ""))


def _trigger(raw: Any, reader: _Reader, kind: str, after: int) -> Trigger:
    if not isinstance(raw, dict) or not raw:
        raise reader.fail("trigger", f"duty {kind}: 'trigger' must be a table, e.g. "
                          "{ flags = [\"magtanvendelse\"] }", after)
    extra = sorted(set(raw) - _TRIGGER_KEYS)
    if extra:
        raise reader.fail("trigger", f"duty {kind}: unknown trigger key '{extra[0]}' "
                          f"(known: {', '.join(sorted(_TRIGGER_KEYS))})", after)
    lists: dict[str, frozenset[str]] = {}
    for key in ("flags", "types", "staff_target_types", "mandatory_types", "not_with"):
        value = raw.get(key, [])
        if not _strings(value) and value != []:
            raise reader.fail("trigger", f"duty {kind}: trigger key '{key}' must be a list of names", after)
        lists[key] = frozenset(value)
    unknown = sorted(lists["flags"] - _FLAGS)
    if unknown:
        raise reader.fail("trigger", f"duty {kind}: unknown flag '{unknown[0]}' in trigger key 'flags'",
                          after)
    for key in ("types", "staff_target_types", "mandatory_types"):
        bad = sorted(t for t in lists[key] if not _TYPE_RE.match(t))
        if bad:
            raise reader.fail("trigger", f"duty {kind}: trigger key '{key}' has {bad[0]!r}; write a type "
                              "code like \"VIO-PHY\" or \"VIO-PHY/staff\"", after)
    bad = sorted(lists["not_with"] - {k.value for k in DutyKind})
    if bad:
        raise reader.fail("trigger", f"duty {kind}: trigger key 'not_with' names unknown duty {bad[0]!r}",
                          after)
    force = raw.get("force", "")
    if force and force not in FORCE_CASES:
        raise reader.fail("trigger", f"duty {kind}: trigger key 'force' must be one of "
                          f"{', '.join(FORCE_CASES)}, not {force!r}", after)
    if not (lists["flags"] or lists["types"] or lists["staff_target_types"]):
        raise reader.fail("trigger", f"duty {kind}: the trigger needs flags, types or staff_target_types",
                          after)
    return Trigger(lists["flags"], force, lists["types"], lists["staff_target_types"],
                   lists["mandatory_types"], lists["not_with"])


def _closes_with(raw: Any, reader: _Reader, kind: DutyKind, after: int) -> tuple[tuple[str, ...], ...]:
    sets = raw if isinstance(raw, list) and raw and all(isinstance(v, list) for v in raw) else [raw]
    known = {f.name for f in FIELDS[kind]}
    result: list[tuple[str, ...]] = []
    for names in sets:
        if not _strings(names) or not names:
            raise reader.fail("closes_with", f"duty {kind}: 'closes_with' must be a list of field names "
                              "(or a list of such lists)", after)
        unknown = sorted(set(names) - known)
        if unknown:
            raise reader.fail("closes_with", f"duty {kind}: 'closes_with' names unknown field "
                              f"'{unknown[0]}' (known: {', '.join(sorted(known))})", after)
        result.append(tuple(names))
    return tuple(result)


def _deadline(raw: Any, reader: _Reader, kind: DutyKind, duty_source: Source, after: int) -> Deadline:
    if not isinstance(raw, dict):
        raise reader.fail("[[duties.deadlines]]", f"duty {kind}: every deadline must be a "
                          "[[duties.deadlines]] table", after)
    case = raw.get("case")
    cases = DEADLINE_CASES[kind]
    if case not in cases:
        known = ", ".join(cases) or "none: this duty has no deadline"
        needle = f'case = "{case}"' if isinstance(case, str) else "case"
        raise reader.fail(needle, f"duty {kind}: deadline case {case!r} is not one of {known}", after)
    needle = f'case = "{case}"'
    line = line_of(reader.text, needle, after=after)
    where = f"duty {kind}, deadline {case}"
    extra = sorted(set(raw) - _DEADLINE_KEYS)
    if extra:
        raise reader.fail(extra[0], f"{where}: unknown key '{extra[0]}'", line)
    count = raw.get("count")
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= 400:
        raise reader.fail("count", f"{where}: 'count' must be a whole number 0-400, not {count!r}", line)
    try:
        unit = Unit(str(raw.get("unit")))
    except ValueError:
        raise reader.fail("unit", f"{where}: 'unit' must be one of {', '.join(u.value for u in Unit)}, "
                          f"not {raw.get('unit')!r}", line) from None
    try:
        anchor = Anchor(str(raw.get("from")))
    except ValueError:
        raise reader.fail("from", f"{where}: 'from' must be one of {', '.join(a.value for a in Anchor)}, "
                          f"not {raw.get('from')!r}", line) from None
    source = _source(raw["source"], reader, where, line) if "source" in raw else duty_source
    by, on = raw.get("confirmed_by", ""), raw.get("confirmed_on", "")
    if not isinstance(by, str):
        raise reader.fail("confirmed_by", f"{where}: 'confirmed_by' must be text (name and role)", line)
    on_text = "" if on in ("", None) else (_iso_day(on) or "")
    if on and not on_text:
        raise reader.fail("confirmed_on", f"{where}: 'confirmed_on' must be a date (YYYY-MM-DD), not {on!r}",
                          line)
    if bool(by.strip()) != bool(on_text):
        raise reader.fail("confirmed_by", f"{where}: a confirmation needs both 'confirmed_by' and "
                          "'confirmed_on'", line)
    customary = raw.get("customary_days_off", False)
    if not isinstance(customary, bool):
        raise reader.fail("customary_days_off", f"{where}: 'customary_days_off' must be true or false", line)
    return Deadline(case, count, unit, anchor, source, by.strip(), str(on_text), customary)


def _duty(raw: Any, reader: _Reader, seen: set[str]) -> DutyRule:
    if not isinstance(raw, dict):
        raise reader.fail("[[duties]]", "every entry of 'duties' must be a [[duties]] table")
    kind_text = raw.get("kind")
    try:
        kind = DutyKind(str(kind_text))
    except ValueError:
        raise reader.fail(f'kind = "{kind_text}"' if isinstance(kind_text, str) else "[[duties]]",
                          f"unknown duty kind {kind_text!r} (known: {', '.join(k.value for k in DutyKind)})"
                          ) from None
    needle = f'kind = "{kind}"'
    line = line_of(reader.text, needle)
    if kind in seen:
        raise reader.fail(needle, f"duty {kind} appears twice", line)
    extra = sorted(set(raw) - _DUTY_KEYS)
    if extra:
        raise reader.fail(extra[0], f"duty {kind}: unknown key '{extra[0]}'", line)
    for key in ("trigger", "recipients", "closes_with", "source"):
        if key not in raw:
            raise reader.fail(needle, f"duty {kind}: missing key '{key}'", line)
    trigger = _trigger(raw["trigger"], reader, kind, line)
    if not _strings(raw["recipients"]) or not raw["recipients"]:
        raise reader.fail("recipients", f"duty {kind}: 'recipients' must be a list of who receives it", line)
    closes = _closes_with(raw["closes_with"], reader, kind, line)
    source = _source(raw["source"], reader, f"duty {kind}", line)
    raw_deadlines = raw.get("deadlines", [])
    if not isinstance(raw_deadlines, list):
        raise reader.fail("deadlines", f"duty {kind}: 'deadlines' must be [[duties.deadlines]] tables", line)
    deadlines: list[Deadline] = []
    for item in raw_deadlines:
        deadline = _deadline(item, reader, kind, source, line)
        if any(d.case == deadline.case for d in deadlines):
            raise reader.fail(f'case = "{deadline.case}"', f"duty {kind}: deadline {deadline.case} appears "
                              "twice", line)
        deadlines.append(deadline)
    missing = [c for c in DEADLINE_CASES[kind] if c not in {d.case for d in deadlines}]
    if missing:
        raise reader.fail(needle, f"duty {kind}: missing the deadline for case '{missing[0]}'", line)
    return DutyRule(kind, trigger, tuple(raw["recipients"]), closes, source, tuple(deadlines))


def parse_rules(text: str, source: str = "<rules>") -> RuleBook:
    """Parse and validate a rules file; a broken one is refused with one line saying where and why."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DutyRulesError(f"{source}: not valid TOML: {exc}") from None
    reader = _Reader(text, source)
    extra = sorted(set(data) - _TOP_KEYS)
    if extra:
        raise reader.fail(extra[0], f"unknown setting '{extra[0]}'")
    version = data.get("version")
    if not isinstance(version, str) or not _VERSION_RE.match(version):
        raise reader.fail("version", "the file needs a 'version' like \"2026.2\" (year.number)")
    effective = _iso_day(data.get("effective_from", ""))
    if effective is None:
        raise reader.fail("effective_from", "the file needs 'effective_from', a date (YYYY-MM-DD)")
    provisions = data.get("provisions", {})
    if not isinstance(provisions, dict):
        raise reader.fail("provisions", "'provisions' must be a table of provision = form")
    for name, form in provisions.items():
        if name not in PROVISIONS:
            raise reader.fail("[provisions]", f"provisions: unknown provision '{name}' "
                              f"(known: {', '.join(PROVISIONS)})")
        if form not in FORMS:
            raise reader.fail("[provisions]", f"provisions: form for '{name}' must be one of "
                              f"{', '.join(FORMS)}, not {form!r}")
    raw_duties = data.get("duties")
    if not isinstance(raw_duties, list) or not raw_duties:
        raise reader.fail("[[duties]]", "the file needs at least one [[duties]] table")
    seen: set[str] = set()
    rules: list[DutyRule] = []
    for raw in raw_duties:
        rule = _duty(raw, reader, seen)
        seen.add(rule.kind)
        rules.append(rule)
    return RuleBook(version, effective, tuple(rules), dict(provisions), source)


def load_rules_file(path: Path) -> RuleBook:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DutyRulesError(f"{path.name}: not UTF-8 text") from None
    return parse_rules(text, source=path.name)


# --- which version applies ------------------------------------------------------------------


def rule_books(folders: Iterable[Path]) -> dict[str, RuleBook]:
    """Every ``duties-*.toml`` in ``folders`` by version; one version in two files is refused."""
    found: dict[str, RuleBook] = {}
    for folder in folders:
        for path in sorted(folder.glob("duties-*.toml")):
            book = load_rules_file(path)
            if book.version in found:
                raise DutyRulesError(f"{path.name}: version {book.version} is already in "
                                     f"{found[book.version].source}")
            found[book.version] = book
    return found


@cache
def shipped_rules() -> dict[str, RuleBook]:
    return rule_books([resource_path("rules")])


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def book_for_day(books: dict[str, RuleBook], day: date) -> RuleBook:
    """The newest version in effect on ``day``; before every version, the oldest one."""
    if not books:
        raise DutyRulesError("no duty rules file found")
    ordered = sorted(books.values(), key=lambda b: (b.effective_from, _version_key(b.version)))
    in_effect = [b for b in ordered if b.effective_from <= day]
    return in_effect[-1] if in_effect else ordered[0]
