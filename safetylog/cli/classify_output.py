"""What ``safetylog classify`` prints: one JSON object per incident, or a readable table."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from safetylog.classification.duties import (
    DutyKind,
    DutySpec,
    deadline_source,
    duty_key,
    is_confirmed,
    source_line,
)
from safetylog.classification.severity import Classification
from safetylog.classification.soas import SoasResult
from safetylog.domain.records import IncidentInput
from safetylog.domain.timeutil import to_local

# Compared with what the database stored when the file was exported.
STORED_FIELDS = ("computed_severity", "primary_type", "flags", "taxonomy_version", "soas_total",
                 "soas_band")
HIDDEN_DETAILS = frozenset({"journal_no"})  # restricted; not needed to see which duties open


def soas_json(soas: SoasResult | None) -> dict[str, Any] | None:
    if soas is None:
        return None
    return {"status": soas.status.value, "instrument": soas.instrument, "total": soas.total,
            "band": soas.band.value if soas.band else None,
            "column_scores": list(soas.column_scores), "da": soas.text_da, "en": soas.text_en}


def duty_json(spec: DutySpec) -> dict[str, Any]:
    source = deadline_source(spec.details)
    return {"kind": spec.kind, "state": spec.state,
            "due_at": spec.due_at.isoformat() if spec.due_at else None,
            "rules_version": spec.rules_version,
            "source": source_line(source) if source else None,
            "confirmed": is_confirmed(source),
            "details": {k: v for k, v in spec.details.items() if k not in HIDDEN_DETAILS}}


def _keyed(specs: tuple[DutySpec, ...]) -> dict[tuple[str, object], DutySpec]:
    return {duty_key(s.kind, s.details): s for s in specs}


def duty_differences(before: tuple[DutySpec, ...], after: tuple[DutySpec, ...]) -> list[str]:
    """What a candidate rules file changes for one incident: duties added or dropped, deadlines
    moved, and sources changed, one line each."""
    old, new = _keyed(before), _keyed(after)
    lines = [f"+ {key[0]}{_due(_iso(new[key].due_at))}" for key in new if key not in old]
    lines += [f"- {key[0]}" for key in old if key not in new]
    for key in (k for k in new if k in old):
        was, now = old[key], new[key]
        if was.due_at != now.due_at:
            lines.append(f"{key[0]}: due{_due(_iso(was.due_at)) or ' -'} ->{_due(_iso(now.due_at)) or ' -'}")
        was_sources, now_sources = was.details.get("sources") or {}, now.details.get("sources") or {}
        for case in sorted(set(was_sources) | set(now_sources)):
            old_source, new_source = was_sources.get(case), now_sources.get(case)
            if _source_text(old_source) != _source_text(new_source):
                lines.append(f"{key[0]}/{case}: source {_source_text(old_source)!r} -> "
                             f"{_source_text(new_source)!r}")
            if _confirmation(old_source) != _confirmation(new_source):
                lines.append(f"{key[0]}/{case}: {_confirmation(old_source)} -> {_confirmation(new_source)}")
    return lines


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _source_text(source: dict[str, Any] | None) -> str:
    return source_line(source) if source else ""


def _confirmation(source: dict[str, Any] | None) -> str:
    if not is_confirmed(source):
        return "not legally confirmed"
    assert source is not None
    return f"confirmed by {source['confirmed_by']} on {source['confirmed_on']}"


def computed(result: Classification) -> dict[str, Any]:
    soas = result.soas
    scored = soas is not None and soas.total is not None
    return {
        "computed_severity": result.severity.value, "primary_type": result.primary_type,
        "flags": list(result.flags), "taxonomy_version": result.taxonomy_version,
        "soas_total": soas.total if soas is not None and scored else None,
        "soas_band": soas.band.value if soas is not None and soas.band is not None else None,
    }


def incident_json(ident: object, data: IncidentInput, result: Classification,
                  duties: tuple[DutySpec, ...], stored: dict[str, Any]) -> dict[str, Any]:
    now = computed(result)
    known = {k: stored[k] for k in STORED_FIELDS if k in stored}
    return {
        "id": ident,
        "types": [{"code": c.code, "subtype": c.subtype, "severity": sev.value}
                  for c, (_, sev) in zip(data.types, result.type_severities, strict=True)],
        "primary_type": result.primary_type,
        "severity": result.severity.value,
        "taxonomy_version": result.taxonomy_version,
        "reasons": [{"code": r.code, "da": r.text_da, "en": r.text_en} for r in result.reasons],
        "flags": list(result.flags),
        "flag_reasons": [{"code": r.code, "da": r.text_da, "en": r.text_en} for r in result.flag_reasons],
        "soas": soas_json(result.soas),
        "duties": [duty_json(spec) for spec in duties],
        "stored": known,
        "changes": [f"{k}: {known[k]!r} -> {now[k]!r}" for k in known if known[k] != now[k]],
    }


def summary(items: list[dict[str, Any]]) -> dict[str, Any]:
    classified = [i for i in items if "error" not in i]
    by_severity: dict[str, int] = {}
    by_primary: dict[str, int] = {}
    for item in classified:
        by_severity[item["severity"]] = by_severity.get(item["severity"], 0) + 1
        by_primary[item["primary_type"]] = by_primary.get(item["primary_type"], 0) + 1
    return {
        "incidents": len(items), "classified": len(classified), "errors": len(items) - len(classified),
        "changed": sum(1 for i in classified if i["changes"]),
        "duties_changed": sum(1 for i in classified if i.get("duty_changes")),
        "by_severity": dict(sorted(by_severity.items())),
        "by_primary_type": dict(sorted(by_primary.items())),
    }


# --- the readable table --------------------------------------------------------------------

NO_SCORE = {"da": "ingen score", "en": "no score"}
_HEAD = {"da": ("ID", "Typer", "Alv.", "Gemt", "SOAS-R", "Pligter"),
         "en": ("ID", "Types", "Sev.", "Stored", "SOAS-R", "Duties")}


def _due(value: str | None) -> str:
    """A deadline at local midnight reads as the last day it covers."""
    if not value:
        return ""
    local = to_local(datetime.fromisoformat(value))
    if (local.hour, local.minute) == (0, 0):
        return f" {(local.date() - timedelta(days=1)).isoformat()}"
    return f" {local:%Y-%m-%d %H:%M}"


def _row(item: dict[str, Any], language: str) -> tuple[str, ...]:
    types = ", ".join(t["code"] + (f"/{t['subtype']}" if t["subtype"] else "") for t in item["types"])
    soas = item["soas"]
    soas_text = "-" if soas is None else (
        f"{soas['total']} {soas['band']}" if soas["total"] is not None else NO_SCORE[language])
    duties = ", ".join(f"{DutyKind(d['kind']).label(language).split(':')[0]}{_due(d['due_at'])}"
                       for d in item["duties"]) or "-"
    stored = item["stored"].get("computed_severity", "-")
    severity = item["severity"] + ("*" if item["changes"] else "")
    return (str(item["id"]), types, severity, str(stored), soas_text, duties)


def table(items: list[dict[str, Any]], language: str) -> str:
    """One row per incident, its reasons (and any error) indented beneath it."""
    rows = [_HEAD[language]] + [
        (str(i["id"]), "", "", "", "", "") if "error" in i else _row(i, language) for i in items]
    widths = [max(len(r[c]) for r in rows) for c in range(len(rows[0]))]
    out: list[str] = []
    notes = {i["soas"]["status"]: i["soas"] for i in items if i.get("soas") and i["soas"]["total"] is None}
    key = "da" if language == "da" else "en"
    if "no_instrument" in notes:
        out.append(notes["no_instrument"][key])
    for index, row in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if index == 0:
            continue
        item = items[index - 1]
        if "error" in item:
            errors = item["error_da"] if language == "da" else item["error"]
            out.extend(f"    ! {field}: {message}" for field, message in errors.items())
            continue
        out.extend(f"    - {reason[key]}" for reason in item["reasons"])
        soas = item["soas"]
        if soas is not None and soas["total"] is None and soas["status"] != "no_instrument":
            out.append(f"    · {soas[key]}")
        out.extend(f"    * {change}" for change in item["changes"])
        out.extend(f"    > {change}" for change in item.get("duty_changes", []))
    return "\n".join(out)
