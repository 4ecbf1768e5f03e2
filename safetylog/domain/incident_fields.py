"""One description per simple incident field; every layer reads its part from here.

A *simple* field is one value on the incident itself: a free text, an optional count or a yes/no.
Its ``FieldSpec`` says, once, what the layers used to spell by hand:

- storage: the column on ``incidents`` (``safetylog.storage.described_columns``);
- mapping: input -> row -> input/detail, and so the version snapshot (``incident_mapping``);
- validation: ``check_fields`` (limits, CPR check on texts);
- the JSON key in the export's readable section, the import and ``safetylog classify``
  (``serialization``): the field's ``name``;
- the entry form's widget and the section it sits in (``ui.entry.section_base``);
- the incident view's row, the version history's "what changed", the list's column and the
  monthly report's listing column;
- the words: ``label`` (and ``form_label``, ``column_label``) are English source texts in the
  translation context ``CONTEXT``; the Danish is in ``resources/i18n/safetylog_da.ts``, which the
  UI loads through Qt and the reports and the command line read with ``words``.

Composite parts (types, people, injuries, SOAS-R, drug trade, police) stay hand-written.
Adding a field: a ``FieldSpec`` below, its attribute on ``IncidentInput`` and ``IncidentDetail``
(checked at import), a migration adding the column, and the Danish words (``make translations``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from functools import cache
from typing import Any

from safetylog.domain.records import IncidentDetail, IncidentInput
from safetylog.domain.validation import TEXT_LIMIT, Checker
from safetylog.resources import resource_path

CONTEXT = "IncidentFields"
MAX_DKK = 100_000_000
MAX_STAFF_ON_DUTY = 50


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for pyside6-lupdate (it looks for this name); the core stays Qt-free."""
    return source


class FieldKind(StrEnum):
    TEXT = "text"  # free text (no CPR numbers); "" when not given; column TEXT NOT NULL
    COUNT = "count"  # an optional whole number in [low, high]; None when not given; INTEGER NULL
    FLAG = "flag"  # yes/no; False when not given; BOOLEAN NOT NULL


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str  # the attribute on IncidentInput/IncidentDetail, the column, the JSON/snapshot key
    kind: FieldKind
    label: str  # plain label: the view's row, the history, the form field's accessible name
    form_label: str = ""  # the entry form's label (with its Alt+letter, if any); "" = not a widget
    section: str = ""  # the entry form section holding the widget: "common", "damage", "measures"
    low: int = 0  # COUNT: the smallest value
    high: int = 0  # COUNT: the largest value
    limit: int = TEXT_LIMIT  # TEXT: the longest text
    lines: int = 2  # TEXT: the height of the form's text box
    hint: str = ""  # the form's placeholder text
    column_label: str = ""  # short heading in the incident list and the report listing
    in_list: bool = False  # a column of the incident list
    in_report: bool = False  # a column of the monthly report's incident listing
    report_share: float = 0.0  # its share of the report's width
    quiet: bool = False  # the view leaves the row out when the value is False/empty

    @property
    def default(self) -> Any:
        return {FieldKind.TEXT: "", FieldKind.COUNT: None, FieldKind.FLAG: False}[self.kind]


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "staff_on_duty", FieldKind.COUNT,
        label=QT_TRANSLATE_NOOP("IncidentFields", "Staff on duty"),
        form_label=QT_TRANSLATE_NOOP("IncidentFields", "Staff on duty:"),
        hint=QT_TRANSLATE_NOOP("IncidentFields", "how many were at work when it happened, you included"),
        section="common", low=0, high=MAX_STAFF_ON_DUTY,
        column_label=QT_TRANSLATE_NOOP("IncidentFields", "On duty"),
        in_list=True, in_report=True, report_share=0.08),
    FieldSpec(
        "damage_description", FieldKind.TEXT,
        label=QT_TRANSLATE_NOOP("IncidentFields", "What was damaged"),
        form_label=QT_TRANSLATE_NOOP("IncidentFields", "What was &lost or damaged:"), section="damage"),
    FieldSpec(
        "damage_estimate_dkk", FieldKind.COUNT,
        label=QT_TRANSLATE_NOOP("IncidentFields", "Estimated cost (kr.)"),
        form_label=QT_TRANSLATE_NOOP("IncidentFields", "&Estimated cost (kr.):"), section="damage",
        low=0, high=MAX_DKK),
    # Set by the form from the "ambulance" measure; the classification reads it as its own fact.
    FieldSpec(
        "ambulance_called", FieldKind.FLAG,
        label=QT_TRANSLATE_NOOP("IncidentFields", "Ambulance called"), quiet=True),
    FieldSpec(
        "debrief_offered", FieldKind.FLAG,
        label=QT_TRANSLATE_NOOP("IncidentFields", "Debriefing offered"),
        form_label=QT_TRANSLATE_NOOP("IncidentFields", "Debriefing &was offered to staff"),
        section="measures"),
)
BY_NAME: Mapping[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
LIST_FIELDS = tuple(spec for spec in FIELDS if spec.in_list)
REPORT_FIELDS = tuple(spec for spec in FIELDS if spec.in_report)


def in_section(section: str) -> tuple[FieldSpec, ...]:
    """The form widgets of one entry-form section, in order."""
    return tuple(spec for spec in FIELDS if spec.section == section and spec.form_label)


def values_of(record: object, specs: Iterable[FieldSpec] = FIELDS) -> dict[str, Any]:
    """The described values of an input, a detail or an ORM row, by name."""
    return {spec.name: getattr(record, spec.name) for spec in specs}


def check_fields(check: Checker, data: IncidentInput) -> dict[str, Any]:
    """The described fields of ``data``, cleaned; a problem per bad field goes into ``check``."""
    out: dict[str, Any] = {}
    for spec in FIELDS:
        value = getattr(data, spec.name)
        if spec.kind is FieldKind.TEXT:
            out[spec.name] = check.text(spec.name, value, limit=spec.limit)
        elif spec.kind is FieldKind.COUNT:
            out[spec.name] = check.integer(spec.name, value, low=spec.low, high=spec.high)
        else:
            out[spec.name] = bool(value)  # a yes/no box: anything truthy is "yes", as before
    return out


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[FieldSpec, Any, Any]]:
    """(field, old, new) for each described field two version snapshots disagree on.

    A key missing from an older snapshot (a field added later) counts as not given."""
    out = []
    for spec in FIELDS:
        old, new = before.get(spec.name, spec.default), after.get(spec.name, spec.default)
        if old != new:
            out.append((spec, old, new))
    return out


# --- words for the layers without Qt (reports, command line) -----------------------------------


@cache
def _danish() -> dict[str, str]:
    """The Danish for CONTEXT, from the same catalogue the UI compiles."""
    root = ET.parse(resource_path("i18n", "safetylog_da.ts")).getroot()
    out: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") == CONTEXT:
            for message in context.iter("message"):
                translation = message.findtext("translation")
                if translation:
                    out[message.findtext("source") or ""] = translation
    return out


def words(source: str, language: str) -> str:
    """``source`` (a label above) in ``language``; the English source where Danish is missing."""
    return _danish().get(source, source) if language == "da" else source


# --- the records must carry every described field ---------------------------------------------


def _check_records() -> None:
    """Fail at import, not on the first save, when a FieldSpec has no matching attribute."""
    for record in (IncidentInput, IncidentDetail):
        declared = {f.name: f for f in fields(record)}
        for spec in FIELDS:
            found = declared.get(spec.name)
            if found is None:
                raise TypeError(f"{record.__name__} lacks the described field {spec.name!r}")
            if record is IncidentInput and found.default is not MISSING and found.default != spec.default:
                raise TypeError(f"IncidentInput.{spec.name} defaults to {found.default!r}, "
                                f"its description to {spec.default!r}")


_check_records()
