"""JSON forms of the incident input, shared by the export, the import and ``safetylog classify``.

Datetimes are ISO 8601 with offset, dates ISO, enums by value, tuples as lists. Reading refuses a
malformed object with field-level problems instead of crashing.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from safetylog.domain.enums import DrugActivity, InjuredPartyKind, InjuryLevel, Measure, PersonRole, StaffRole
from safetylog.domain.errors import ValidationError
from safetylog.domain.incident_fields import FIELDS, FieldKind
from safetylog.domain.problems import Problem
from safetylog.domain.records import (
    DrugObservation,
    IncidentInput,
    Injury,
    InvolvedResident,
    InvolvedStaff,
    OutsidePerson,
    PoliceContact,
    TypeChoice,
    ViolenceDetail,
)


def to_jsonable(value: Any) -> Any:
    """Plain JSON values for dataclasses, enums, dates and containers (dict keys kept in order)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [to_jsonable(v) for v in value]
        return sorted(items) if isinstance(value, (set, frozenset)) else items
    return value


def incident_input_to_json(data: IncidentInput) -> dict[str, Any]:
    result = to_jsonable(data)
    assert isinstance(result, dict)
    return result


class _Reader:
    """Reads one JSON object, collecting a problem per bad field."""

    def __init__(self, obj: Any, prefix: str = "") -> None:
        self.obj = obj if isinstance(obj, dict) else {}
        self.prefix = prefix
        self.problems: dict[str, Problem] = {}
        if not isinstance(obj, dict):
            name = prefix.rstrip(".") or "incident"
            self.problems[name] = Problem("invalid_format", {"expected": "object"})

    def _bad(self, name: str, expected: str) -> None:
        self.problems.setdefault(self.prefix + name, Problem("invalid_format", {"expected": expected}))

    def raw(self, name: str, default: Any = None) -> Any:
        return self.obj.get(name, default)

    def text(self, name: str, default: str = "") -> str:
        value = self.obj.get(name, default)
        if value is None:
            return default
        if not isinstance(value, str):
            self._bad(name, "text")
            return default
        return value

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.obj.get(name, default)
        if not isinstance(value, bool):
            self._bad(name, "true/false")
            return default
        return value

    def integer(self, name: str, *, optional: bool = True, default: int | None = None) -> Any:
        value = self.obj.get(name, default)
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._bad(name, "whole number")
            return default
        return value

    def moment(self, name: str, *, optional: bool = True) -> datetime | None:
        value = self.obj.get(name)
        if value is None and optional:
            return None
        try:
            if not isinstance(value, str):
                raise TypeError(value)
            return datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self._bad(name, "ISO date and time")
            return None

    def day(self, name: str) -> date | None:
        value = self.obj.get(name)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise TypeError(value)
            return date.fromisoformat(value)
        except (TypeError, ValueError):
            self._bad(name, "ISO date")
            return None

    def items(self, name: str) -> list[Any]:
        value = self.obj.get(name, [])
        if value is None:
            return []
        if not isinstance(value, list):
            self._bad(name, "list")
            return []
        return value

    def enum_value(self, name: str, value: Any, enum: type[Enum]) -> Any:
        try:
            return enum(value)
        except ValueError:
            problem = Problem("invalid_choice", {"value": str(value)[:40]})
            self.problems.setdefault(self.prefix + name, problem)
            return None

    def strings(self, name: str) -> tuple[str, ...]:
        values = self.items(name)
        if not all(isinstance(v, str) for v in values):
            self._bad(name, "list of text")
            return ()
        return tuple(values)

    def child(self, name: str) -> _Reader | None:
        value = self.obj.get(name)
        if value is None:
            return None
        reader = _Reader(value, f"{self.prefix}{name}.")
        return reader

    def absorb(self, other: _Reader) -> None:
        for key, problem in other.problems.items():
            self.problems.setdefault(key, problem)


def _described(r: _Reader) -> dict[str, Any]:
    """The simple fields (``incident_fields.FIELDS``), each under its own name; absent = not given."""
    out: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.kind is FieldKind.TEXT:
            out[spec.name] = r.text(spec.name)
        elif spec.kind is FieldKind.COUNT:
            out[spec.name] = r.integer(spec.name)
        else:
            out[spec.name] = r.boolean(spec.name)
    return out


def incident_input_from_json(obj: Any) -> IncidentInput:
    """Parse one exported incident; raise ValidationError naming each malformed field."""
    r = _Reader(obj)
    types = []
    for item in r.items("types"):
        if isinstance(item, dict) and isinstance(item.get("code"), str) and (
            item.get("subtype") is None or isinstance(item.get("subtype"), str)
        ):
            types.append(TypeChoice(item["code"], item.get("subtype")))
        else:
            r._bad("types", "list of {code, subtype}")
    residents = []
    for item in r.items("residents"):
        sub = _Reader(item, "residents.")
        rid = sub.integer("resident_id", optional=False)
        role = sub.enum_value("residents", sub.raw("role"), PersonRole)
        r.absorb(sub)
        if rid is not None and role is not None:
            residents.append(InvolvedResident(rid, role))
    staff = []
    for item in r.items("staff"):
        sub = _Reader(item, "staff.")
        uid = sub.integer("user_id", optional=False)
        srole = sub.enum_value("staff", sub.raw("role"), StaffRole)
        r.absorb(sub)
        if uid is not None and srole is not None:
            staff.append(InvolvedStaff(uid, srole))
    outsiders = []
    for item in r.items("outsiders"):
        sub = _Reader(item, "outsiders.")
        orole = sub.enum_value("outsiders", sub.raw("role", "involved"), PersonRole)
        count = sub.integer("count", optional=False, default=1)
        description = sub.text("description")
        r.absorb(sub)
        if orole is not None and count is not None:
            outsiders.append(OutsidePerson(description, orole, count))
    injuries = []
    for item in r.items("injuries"):
        sub = _Reader(item, "injuries.")
        party = sub.enum_value("injuries", sub.raw("party"), InjuredPartyKind)
        level = sub.enum_value("injuries", sub.raw("level"), InjuryLevel)
        injury = Injury(party, level, sub.integer("resident_id"), sub.integer("user_id"),
                        sub.text("body_part"), sub.text("description"), sub.day("first_absence_day"))
        r.absorb(sub)
        if party is not None and level is not None:
            injuries.append(injury)
    measures = tuple(m for m in (r.enum_value("measures", v, Measure) for v in r.items("measures")) if m)
    violence = drug = police = None
    if (v := r.child("violence")) is not None:
        violence = ViolenceDetail(v.strings("provocation"), v.strings("means"), v.strings("target"),
                                  v.strings("consequence"), v.strings("measures"), v.boolean("weapon"),
                                  v.boolean("dangerous_object"))
        r.absorb(v)
    if (d := r.child("drug")) is not None:
        activities = tuple(a for a in (d.enum_value("activities", x, DrugActivity)
                                       for x in d.items("activities")) if a)
        drug = DrugObservation(activities, d.strings("substances"), d.integer("sellers_count"),
                               d.integer("buyers_count"), d.text("sellers_description"),
                               d.text("buyers_description"), d.text("vehicles"),
                               d.text("money_or_quantity"), d.boolean("outsiders_on_premises"))
        r.absorb(d)
    if (p := r.child("police")) is not None:
        police = PoliceContact(p.boolean("called"), p.moment("called_at"), p.moment("arrived_at"),
                               p.boolean("police_initiated"), p.integer("arrests", optional=False, default=0),
                               p.boolean("report_filed"), p.text("journal_no"), p.text("reason"))
        r.absorb(p)
    facility_id = r.integer("facility_id", optional=False)
    start = r.moment("occurred_start", optional=False)
    result = IncidentInput(
        facility_id=facility_id, occurred_start=start,  # type: ignore[arg-type]
        types=tuple(types), narrative=r.text("narrative"), zone_id=r.integer("zone_id"),
        occurred_end=r.moment("occurred_end"), residents=tuple(residents), staff=tuple(staff),
        outsiders=tuple(outsiders), injuries=tuple(injuries), measures=measures,
        violence=violence, drug=drug, police=police,
        linked_incident_id=r.integer("linked_incident_id"), **_described(r),
    )
    if r.problems:
        raise ValidationError(r.problems)
    return result


