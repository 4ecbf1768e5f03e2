"""The incident record, read-only: every field the entry had, as label/value rows.

Rows with nothing to say are left out, so a short threat incident stays short. The content is
rebuilt whenever the record or the language changes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from safetylog.domain.incident_fields import BY_NAME, FIELDS
from safetylog.domain.records import IncidentDetail, Injury
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import to_local
from ui.field_words import field_label, value_text
from ui.i18n import QT_TRANSLATE_NOOP, translate
from ui.incident_labels import YES_NO, word
from ui.views.common import data_label, local_date, local_datetime
from ui.views.violence_words import option_words
from ui.widgets.labels import label

CONTEXT = "IncidentRecord"


def _t(source: str, *args: object) -> str:
    return translate(CONTEXT, source, *args)


def type_lines(detail: IncidentDetail, language: str) -> list[str]:
    taxonomy = current_taxonomy()
    lines = []
    for choice in detail.types:
        itype = taxonomy.get(choice.code)
        text = itype.label(language) if itype else choice.code
        sub = itype.subtype(choice.subtype) if itype and choice.subtype else None
        if sub is not None:
            text += f" – {sub.label_da if language == 'da' else sub.label_en}"
        lines.append(text)  # the name only: the code is the system's, not the staff's word
    return lines


def injury_line(injury: Injury, names: dict[int, str]) -> str:
    who = label(injury.party)
    if injury.resident_id is not None:
        who += f" {names.get(injury.resident_id, '')}".rstrip()
    parts = [f"{who}: {label(injury.level)}", injury.body_part, injury.description]
    if injury.first_absence_day:
        parts.append(_t(QT_TRANSLATE_NOOP("IncidentRecord", "first day of absence %1"),
                        local_date(injury.first_absence_day)))
    return ", ".join(p for p in parts if p)


class IncidentRecordPanel(QScrollArea):
    """Shows one ``IncidentDetail``; ``show_detail`` replaces what is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.detail: IncidentDetail | None = None
        self.language = "da"
        self.values: dict[str, QLabel] = {}

    def show_detail(self, detail: IncidentDetail, language: str) -> None:
        self.detail, self.language = detail, language
        content = QWidget(self)
        form = QFormLayout(content)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.values = {}
        for key, caption, value in self._rows(detail, language):
            if not value:
                continue
            shown = data_label(content)
            shown.setText(value)
            shown.setObjectName(f"record_{key}")
            shown.setAccessibleName(caption)
            form.addRow(caption, shown)
            self.values[key] = shown
        layout = QVBoxLayout()
        layout.addStretch(1)
        form.addRow(layout)
        self.setWidget(content)

    def _rows(self, d: IncidentDetail, language: str) -> list[tuple[str, str, str]]:
        shown = dict(d.display_names)  # the names the facility's staff know, when they may see them
        names = {rid: f"{shown[rid]} ({p})" if rid in shown else p for rid, p, _role in d.residents}
        end = f" – {to_local(d.occurred_end).strftime('%H:%M')}" if d.occurred_end else ""
        rows: list[tuple[str, str, str]] = [
            ("time", QT_TRANSLATE_NOOP("IncidentRecord", "Time"), local_datetime(d.occurred_start) + end),
            ("shift", QT_TRANSLATE_NOOP("IncidentRecord", "Shift"),
             f"{label(d.shift)} ({local_date(d.shift_date)})"),
            ("facility", QT_TRANSLATE_NOOP("IncidentRecord", "Facility"), d.facility_name),
            ("zone", QT_TRANSLATE_NOOP("IncidentRecord", "Place"), d.zone_name or ""),
            *self._described(d, "common"),
            ("types", QT_TRANSLATE_NOOP("IncidentRecord", "What happened"),
             "\n".join(type_lines(d, language))),
            ("narrative", QT_TRANSLATE_NOOP("IncidentRecord", "Narrative"), d.narrative),
            ("residents", QT_TRANSLATE_NOOP("IncidentRecord", "Residents"),
             "\n".join(f"{names[rid]} ({label(role)})" for rid, _p, role in d.residents)),
            ("staff", QT_TRANSLATE_NOOP("IncidentRecord", "Staff"),
             "\n".join(f"{name} ({label(role)})" for _id, name, role in d.staff)),
            ("outsiders", QT_TRANSLATE_NOOP("IncidentRecord", "Outsiders"),
             "\n".join(f"{o.count} × {o.description} ({label(o.role)})" for o in d.outsiders)),
            ("injuries", QT_TRANSLATE_NOOP("IncidentRecord", "Injuries"),
             "\n".join(injury_line(i, names) for i in d.injuries)),
            ("measures", QT_TRANSLATE_NOOP("IncidentRecord", "Measures taken"),
             ", ".join(label(m) for m in d.measures)),
        ]
        rows += self._described(d, "damage", "measures", "")
        rows += self._violence(d, language)
        rows += self._drug(d)
        rows += self._police(d)
        rows += [
            ("linked", QT_TRANSLATE_NOOP("IncidentRecord", "Linked to incident"),
             f"{d.linked_incident_id}" if d.linked_incident_id else ""),
            ("registered", QT_TRANSLATE_NOOP("IncidentRecord", "Registered"),
             f"{local_datetime(d.registered_at)}, {d.registered_by}"),
            ("reviewed", QT_TRANSLATE_NOOP("IncidentRecord", "Signed off"),
             f"{local_datetime(d.reviewed_at)}, {d.reviewed_by}" if d.reviewed_at else ""),
        ]
        # Described fields come with their caption already translated (in their own context).
        return [(key, caption if key in BY_NAME else _t(caption), value) for key, caption, value in rows]

    @staticmethod
    def _described(d: IncidentDetail, *sections: str) -> list[tuple[str, str, str]]:
        """The described fields (incident_fields) of these form sections, as rows."""
        return [(spec.name, field_label(spec), value_text(spec, getattr(d, spec.name)))
                for spec in FIELDS if spec.section in sections]

    @staticmethod
    def _violence(d: IncidentDetail, language: str) -> list[tuple[str, str, str]]:
        v = d.violence
        if v is None:
            return []
        columns: list[tuple[str, str, tuple[str, ...]]] = [
            ("provocation", QT_TRANSLATE_NOOP("IncidentRecord", "Provocation"), v.provocation),
            ("means", QT_TRANSLATE_NOOP("IncidentRecord", "Means used"), v.means),
            ("target", QT_TRANSLATE_NOOP("IncidentRecord", "Target"), v.target),
            ("consequence", QT_TRANSLATE_NOOP("IncidentRecord", "Consequences"), v.consequence),
            ("violence_measures", QT_TRANSLATE_NOOP("IncidentRecord", "Measures to stop it"), v.measures),
        ]
        rows = [(key, caption, ", ".join(option_words(key.replace("violence_", ""), codes, language)))
                for key, caption, codes in columns]
        if v.weapon or v.dangerous_object:
            rows.append(("weapon", QT_TRANSLATE_NOOP("IncidentRecord", "Weapon or dangerous object"),
                         word(YES_NO, True)))
        if d.soas_total is not None:
            rows.append(("soas", QT_TRANSLATE_NOOP("IncidentRecord", "SOAS-R score"),
                         f"{d.soas_total} ({d.soas_band or ''})"))
        return rows

    @staticmethod
    def _drug(d: IncidentDetail) -> list[tuple[str, str, str]]:
        g = d.drug
        if g is None:
            return []

        def counted(count: int | None, text: str) -> str:
            return ", ".join(p for p in (str(count) if count is not None else "", text) if p)

        return [
            ("activities", QT_TRANSLATE_NOOP("IncidentRecord", "Observed"),
             ", ".join(label(a) for a in g.activities)),
            ("substances", QT_TRANSLATE_NOOP("IncidentRecord", "Substances"), ", ".join(g.substances)),
            ("sellers", QT_TRANSLATE_NOOP("IncidentRecord", "Sellers"),
             counted(g.sellers_count, g.sellers_description)),
            ("buyers", QT_TRANSLATE_NOOP("IncidentRecord", "Buyers"),
             counted(g.buyers_count, g.buyers_description)),
            ("vehicles", QT_TRANSLATE_NOOP("IncidentRecord", "Vehicles"), g.vehicles),
            ("money", QT_TRANSLATE_NOOP("IncidentRecord", "Money or quantity seen"), g.money_or_quantity),
            ("outsiders_on_premises", QT_TRANSLATE_NOOP("IncidentRecord", "Outsiders on the premises"),
             word(YES_NO, True) if g.outsiders_on_premises else ""),
        ]

    @staticmethod
    def _police(d: IncidentDetail) -> list[tuple[str, str, str]]:
        p = d.police
        if p is None:
            return []
        called = ""
        if p.called or p.called_at:
            called = local_datetime(p.called_at) if p.called_at else word(YES_NO, True)
        return [
            ("police_called", QT_TRANSLATE_NOOP("IncidentRecord", "Police called"), called),
            ("police_arrived", QT_TRANSLATE_NOOP("IncidentRecord", "Police arrived"),
             local_datetime(p.arrived_at)),
            ("police_initiated", QT_TRANSLATE_NOOP("IncidentRecord", "The police came on their own"),
             word(YES_NO, True) if p.police_initiated else ""),
            ("arrests", QT_TRANSLATE_NOOP("IncidentRecord", "Arrests"), str(p.arrests) if p.arrests else ""),
            ("report_filed", QT_TRANSLATE_NOOP("IncidentRecord", "Police report filed"),
             word(YES_NO, p.report_filed)),
            ("journal_no", QT_TRANSLATE_NOOP("IncidentRecord", "Police journal no."), p.journal_no),
            ("police_reason", QT_TRANSLATE_NOOP("IncidentRecord", "Reason"), p.reason),
        ]


