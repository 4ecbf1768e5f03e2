"""``safetylog classify FILE``: what the classification rules say about exported incidents.

Reads the ``incidents`` section of a ``safetylog export`` file (encrypted or not; or a plain JSON
list of incident objects) and prints, per incident, its types, severity and reasons, the SOAS-R score where an
instrument is installed, the flags and the duties it would open, and what differs from what
the database stored. ``--taxonomy``, ``--instrument`` and ``--rules`` try a candidate file before
it is installed; with ``--rules`` each incident also lists how its duties would differ from the
installed rules. Nothing is written anywhere and no database is opened.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from safetylog.classification import classify
from safetylog.classification.duties import DutySpec, duties_for, rules_for_incident
from safetylog.classification.duty_rules import DutyRulesError, RuleBook, load_rules_file
from safetylog.classification.soas import InstrumentError, InstrumentState, load_instrument_file
from safetylog.cli.classify_output import duty_differences, incident_json, summary, table
from safetylog.cli.exchange import ask_passphrase
from safetylog.domain.errors import SafetyLogError, ValidationError
from safetylog.domain.problems import Problem
from safetylog.domain.records import IncidentInput
from safetylog.domain.serialization import incident_input_from_json
from safetylog.domain.taxonomy import Taxonomy, TaxonomyError, current_taxonomy, load_taxonomy_file
from safetylog.domain.timeutil import as_utc
from safetylog.services import export_file


class ClassifyRefused(SafetyLogError):
    """The input file, taxonomy or instrument cannot be used; the message says why."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "classify", help="classify exported incidents and show severity, reasons and duties (JSON)")
    parser.add_argument("file", help="a 'safetylog export' file or a JSON list of incidents ('-': stdin)")
    parser.add_argument("--table", action="store_true", help="print a readable table instead of JSON")
    parser.add_argument("--language", choices=("da", "en"), default="da",
                        help="language of the table (JSON holds both)")
    parser.add_argument("--taxonomy", type=Path, metavar="TOML",
                        help="classify with this taxonomy file instead of the installed one")
    parser.add_argument("--instrument", type=Path, metavar="TOML",
                        help="score SOAS-R with this instrument file instead of the installed one")
    parser.add_argument("--rules", type=Path, metavar="TOML",
                        help="open duties with this duty rules file and show how they differ from "
                             "the installed rules")
    parser.set_defaults(handler=run)


def _read(name: str) -> Any:
    try:
        if name == "-":
            text = sys.stdin.read()
        elif export_file.is_encrypted(Path(name)):  # decrypted in memory, never to disk
            text = export_file.read(Path(name), ask_passphrase(Path(name))).decode("utf-8")
        else:
            text = Path(name).read_text(encoding="utf-8")
    except export_file.ExportFileError as exc:
        raise ClassifyRefused(str(exc)) from None
    except OSError as exc:
        raise ClassifyRefused(f"cannot read {name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ClassifyRefused(f"{name} is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClassifyRefused(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno})") from None


def _incidents(document: Any) -> tuple[list[Any], dict[Any, dict[str, Any]]]:
    """The incident objects, and the exported incident table rows by id (for registered_at)."""
    if isinstance(document, list):
        return document, {}
    if isinstance(document, dict) and isinstance(document.get("incidents"), list):
        tables = document.get("tables")
        rows = tables.get("incidents", []) if isinstance(tables, dict) else []
        return document["incidents"], {r.get("id"): r for r in rows if isinstance(r, dict)}
    if isinstance(document, dict) and "types" in document:
        return [document], {}
    raise ClassifyRefused("the file holds no incidents: expected a 'safetylog export' file "
                          "or a JSON list of incident objects")


def _check_types(data: IncidentInput, taxonomy: Taxonomy) -> None:
    problems: dict[str, Problem] = {}
    if not data.types:
        problems["types"] = Problem("no_types")
    for choice in data.types:
        itype = taxonomy.get(choice.code)
        if itype is None:
            problems.setdefault("types", Problem("unknown_type", {"code": choice.code[:40]}))
        elif choice.subtype and itype.subtype(choice.subtype) is None:
            problems.setdefault("types", Problem("unknown_subtype",
                                                 {"code": choice.code, "subtype": choice.subtype[:40]}))
    if len({c.code for c in data.types}) != len(data.types):
        problems.setdefault("types", Problem("duplicate_type", {"code": "?"}))
    if problems:
        raise ValidationError(problems)


def _registered_at(row: dict[str, Any] | None, data: IncidentInput) -> datetime:
    try:
        if row is not None and isinstance(row.get("registered_at"), str):
            return as_utc(datetime.fromisoformat(row["registered_at"]))
    except ValueError:
        pass
    return as_utc(data.occurred_end or data.occurred_start)


def classify_document(document: Any, taxonomy: Taxonomy, instrument: InstrumentState,
                      installed: dict[str, RuleBook], candidate: RuleBook | None = None) -> dict[str, Any]:
    """Classify every incident; its duties under ``candidate`` (else the installed rules in effect
    on its day), and with a candidate what differs from the installed rules."""
    objects, rows = _incidents(document)
    items: list[dict[str, Any]] = []
    for position, obj in enumerate(objects, start=1):
        ident = obj.get("id", position) if isinstance(obj, dict) else position
        try:
            data = incident_input_from_json(obj)
            _check_types(data, taxonomy)
        except ValidationError as exc:
            items.append({"id": ident, "error": exc.messages("en"), "error_da": exc.messages("da")})
            continue
        result = classify(data, taxonomy, instrument)
        registered = _registered_at(rows.get(ident), data)
        current = duties_for(result, data, registered, rules_for_incident(data, installed))
        specs: tuple[DutySpec, ...] = current
        item_changes: list[str] | None = None
        if candidate is not None:
            specs = duties_for(result, data, registered, candidate)
            item_changes = duty_differences(current, specs)
        item = incident_json(ident, data, result, specs, obj)
        if item_changes is not None:
            item["duty_changes"] = item_changes
        items.append(item)
    return {
        "rules_version": candidate.version if candidate is not None else None,
        "taxonomy_version": taxonomy.version,
        "instrument": instrument.instrument.ident if instrument.instrument else None,
        "summary": summary(items),
        "incidents": items,
    }


def _taxonomy(path: Path | None) -> Taxonomy:
    try:
        return load_taxonomy_file(path) if path is not None else current_taxonomy()
    except OSError as exc:
        raise ClassifyRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    except TaxonomyError as exc:
        raise ClassifyRefused(f"taxonomy refused: {exc}") from None


def _instrument(path: Path | None) -> InstrumentState:
    if path is None:
        from safetylog.services.instruments import installed_soas

        return installed_soas()
    try:
        return InstrumentState(load_instrument_file(path))
    except OSError as exc:
        raise ClassifyRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    except InstrumentError as exc:
        raise ClassifyRefused(f"SOAS-R instrument refused: {exc}") from None


def _rules(path: Path | None) -> RuleBook | None:
    if path is None:
        return None
    try:
        return load_rules_file(path)
    except OSError as exc:
        raise ClassifyRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    except DutyRulesError as exc:
        raise ClassifyRefused(f"duty rules refused: {exc}") from None


def _installed_rules() -> dict[str, RuleBook]:
    from safetylog.services.duty_rules import installed_rules, rules_problems

    books = installed_rules()
    for problem in rules_problems():
        sys.stderr.write(f"installed duty rules file left out: {problem}\n")
    return books


def run(args: argparse.Namespace) -> int:
    taxonomy = _taxonomy(args.taxonomy)
    instrument = _instrument(args.instrument)
    candidate = _rules(args.rules)
    result = classify_document(_read(args.file), taxonomy, instrument, _installed_rules(), candidate)
    if args.table:
        counts = result["summary"]
        label = ("{classified} af {incidents} klassificeret, {changed} ændret (*), {errors} fejl"
                 if args.language == "da" else
                 "{classified} of {incidents} classified, {changed} changed (*), {errors} errors")
        if candidate is not None:
            label += (", pligter ændret for {duties_changed} (>) med reglerne " if args.language == "da" else
                      ", duties changed for {duties_changed} (>) under rules ") + candidate.version
        text = table(result["incidents"], args.language) + "\n" + label.format(**counts) + "\n"
    else:
        text = json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
    return 1 if result["summary"]["errors"] else 0
