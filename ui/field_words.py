"""The described incident fields (``safetylog.domain.incident_fields``) in the UI's words.

Labels are translated by Qt in the fields' own context (the Danish is in safetylog_da.ts); values
are shown the same way in the record, the history and the list.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from safetylog.domain.incident_fields import CONTEXT, FieldKind, FieldSpec
from ui.incident_labels import YES_NO, word


def field_label(spec: FieldSpec) -> str:
    return QCoreApplication.translate(CONTEXT, spec.label)


def column_label(spec: FieldSpec) -> str:
    return QCoreApplication.translate(CONTEXT, spec.column_label or spec.label)


def value_text(spec: FieldSpec, value: object) -> str:
    """``""`` when there is nothing to show (not given, or a quiet field that is not set)."""
    if spec.kind is FieldKind.FLAG:
        return "" if spec.quiet and not value else word(YES_NO, bool(value))
    if spec.kind is FieldKind.COUNT:
        danish = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
        return danish.toString(value) if isinstance(value, int) else ""
    return str(value or "")
