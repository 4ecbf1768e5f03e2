"""Playing the police: 50 PSP packs over overlapping periods and facility sets, and every attack
on their published numbers that needs only arithmetic.

The attacker knows the published method (``safetylog.summaries.cell_key``) but not the secret:
a published "0" is 0, "<5" is 1–4, and a number ``v`` stands for a count within BASE - 1 of it.
From that they try
- **within a table**: a cell is the total minus the other cells (row totals, grand totals);
- **between two packs** whose scopes nest (one day more, one facility more, one-day packs, a
  week inside a month): the extra part is the bigger pack's figure minus the smaller's;
- **combined**: every bound found for the same part of the data (a day, a facility, a week) from
  any pair or from a pack that publishes it directly is intersected.
A count from 1 to 4 is *recovered* when the attacker's subtraction gives it exactly, or their
bounds narrow it to that one value. The truth comes from SQL written here, not from the code under
test; the test also checks the attacker is sound (the truth always lies within their bounds).

With the protection on, nothing is recovered; with it switched off (no rounding, "<5" kept),
the same attacks recover small counts, so the test fails if the protection goes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from reports.psp_pack import render_psp_pack
from reports.psp_tables import labelled_tables
from safetylog.domain.records import Actor
from safetylog.services.container import Services
from safetylog.services.reports import ReportRequest
from safetylog.summaries import cell_key
from safetylog.summaries.protected import TIME_BANDS, WEEKEND, band_code
from safetylog.summaries.report_data import PspPackData
from tests.reports.conftest import PSP_STAMP
from tests.reports.pdfcheck import page_texts

COUNTED = "i.status IN ('submitted', 'reviewed', 'locked')"
FACTS_SQL = f"""
SELECT i.id, i.local_date, i.facility_id, i.primary_type, i.severity, i.shift, i.hour, i.weekday,
       EXISTS (SELECT 1 FROM incident_types t WHERE t.incident_id = i.id AND t.code = 'DRG-DEAL'),
       p.called, p.police_initiated, p.arrests, p.report_filed
FROM incidents i LEFT JOIN incident_police p ON p.incident_id = i.id WHERE {COUNTED}"""
ATTACKED = ("by_type", "by_severity", "by_shift", "by_facility", "drug_hours", "drug_week", "police")
WITH_TOTAL = ("by_type", "by_severity", "by_shift", "by_facility", "drug_hours", "drug_week")


@dataclass(frozen=True)
class Fact:
    id: int
    day: date
    facility: int
    primary_type: str
    severity: str
    shift: str
    hour: int
    weekday: int
    drug: bool
    called: bool
    initiated: bool
    arrests: int
    filed: bool


Scope = tuple[frozenset[int], date, date]  # facilities, first day, last day


def read_facts(services: Services) -> list[Fact]:
    with services.engine.connect() as conn:
        rows = conn.execute(text(FACTS_SQL)).all()
    return [Fact(int(r[0]), date.fromisoformat(str(r[1])), int(r[2]), str(r[3]), str(r[4]), str(r[5]),
                 int(r[6]), int(r[7]), bool(r[8]), bool(r[9]), bool(r[10]), int(r[11] or 0), bool(r[12]))
            for r in rows]


def _band(hour: int) -> str:
    return next(band_code(a, b) for a, b in TIME_BANDS if a <= hour < b)


def measure(table: str, code: str) -> Callable[[Fact], int]:
    """What one incident adds to the true value of a table cell ("" is the table's total)."""
    police: dict[str, Callable[[Fact], int]] = {
        "contacts": lambda f: int(f.called or f.initiated), "called_by_staff": lambda f: int(f.called),
        "police_initiated": lambda f: int(f.initiated), "arrests": lambda f: f.arrests,
        "reports_filed": lambda f: int(f.filed)}
    if table == "police":
        return police[code]
    if table.startswith("drug"):
        def drug_hit(f: Fact) -> bool:
            if code == "":
                return True
            if table == "drug_hours":
                return _band(f.hour) == code
            return ("weekend" if f.weekday in WEEKEND else "weekdays") == code
        return lambda f: int(f.drug and drug_hit(f))
    if code == "":
        return lambda f: 1
    attribute = {"by_type": "primary_type", "by_severity": "severity", "by_shift": "shift",
                 "by_facility": "facility"}[table]
    return lambda f: int(str(getattr(f, attribute)) == code)


def truth(facts: list[Fact], scope: Scope, table: str, code: str) -> int:
    facilities, first, last = scope
    add = measure(table, code)
    return sum(add(f) for f in facts if f.facility in facilities and first <= f.day <= last)


def pack_plan(ids: dict[str, int]) -> list[Scope]:
    """50 scopes the police could ask for over a few meetings: growing by a day, one-day packs,
    every facility set, a week inside the month, windows ending on the same day."""
    everyone = frozenset(ids.values())
    hav, sko, eng = ids["HAV"], ids["SKO"], ids["ENG"]
    start = date(2026, 9, 1)
    plan: list[Scope] = [(everyone, start, start + timedelta(days=k)) for k in range(6, 16)]
    plan += [(frozenset({hav}), start, start + timedelta(days=k)) for k in range(6, 12)]
    plan += [(everyone, start + timedelta(days=k), start + timedelta(days=k)) for k in range(7, 14)]
    plan += [(frozenset({hav}), start + timedelta(days=k), start + timedelta(days=k)) for k in range(6, 13)]
    sets = [frozenset(s) for n in (1, 2, 3) for s in itertools.combinations((hav, sko, eng), n)]
    plan += [(s, date(2026, 8, 1), date(2026, 8, 31)) for s in sets]
    plan += [(s, date(2026, 8, 10), date(2026, 8, 16)) for s in sets]
    end = date(2026, 10, 20)
    plan += [(frozenset({sko}), end - timedelta(days=k), end) for k in range(10, 16)]
    assert len(plan) == len(set(plan)) == 50
    return plan


def published_cells(data: PspPackData) -> dict[tuple[str, str], str]:
    """(table, row code) -> the published current-period cell."""
    return {(t.name, r.code): r.cells[0] for t in data.tables if t.name in ATTACKED for r in t.rows}


def make_packs(services: Services, actor: Actor, plan: list[Scope]) -> list[dict[tuple[str, str], str]]:
    return [published_cells(services.reports.psp_pack(actor, ReportRequest(
        first, last, tuple(sorted(facilities)), as_of=PSP_STAMP))) for facilities, first, last in plan]


@dataclass
class Attack:
    facts: list[Fact]
    recovered: list[str] = field(default_factory=list)  # what was worked out, for the message
    checked: int = 0  # true counts from 1 to 4 the attacker went for
    # the bounds found for each part of the data, from any pair or pack
    bounds: dict[tuple[Scope, str, str], tuple[int, int]] = field(default_factory=dict)

    def note(self, where: str, value: int | None, lo: int, hi: int, real: int) -> None:
        assert lo <= real <= hi, f"unsound attacker at {where}: {real} outside {lo}–{hi}"
        if 1 <= real <= 4:
            self.checked += 1
            if value == real or lo == hi:
                self.recovered.append(f"{where} = {real}")

    def narrow(self, scope: Scope, table: str, code: str, lo: int, hi: int) -> None:
        key = (scope, table, code)
        old = self.bounds.get(key, (0, 10**9))
        self.bounds[key] = (max(old[0], lo), min(old[1], hi))


def _number(cell: str) -> int | None:
    return int(cell) if cell not in (cell_key.SMALL,) else None


def within_tables(attack: Attack, scope: Scope, cells: dict[tuple[str, str], str]) -> None:
    for table in WITH_TOTAL:
        rows = {code: cell for (name, code), cell in cells.items() if name == table and code}
        total = cells[(table, "")]
        t_lo, t_hi = cell_key.bounds(total)
        for code, cell in rows.items():
            others = [cell_key.bounds(c) for other, c in rows.items() if other != code]
            lo = max(cell_key.bounds(cell)[0], t_lo - sum(hi for _, hi in others))
            hi = min(cell_key.bounds(cell)[1], t_hi - sum(lo for lo, _ in others))
            numbers = [_number(c) for other, c in rows.items() if other != code]
            value = None  # the plain subtraction: total minus every other (published) cell
            if _number(total) is not None and None not in numbers:
                value = int(total) - sum(n for n in numbers if n is not None)
            attack.note(f"{table}/{code} in {describe(scope)}", value, lo, hi,
                        truth(attack.facts, scope, table, code))
            attack.narrow(scope, table, code, lo, hi)


def difference(bigger: Scope, smaller: Scope) -> Scope | None:
    """The part of ``bigger`` outside ``smaller`` when it is one rectangle of facilities x days."""
    (f1, a1, b1), (f2, a2, b2) = bigger, smaller
    if not (f2 <= f1 and a1 <= a2 and b2 <= b1) or bigger == smaller:
        return None
    if f1 != f2:
        return (f1 - f2, a1, b1) if (a1, b1) == (a2, b2) else None
    if a1 == a2:
        return (f1, b2 + timedelta(days=1), b1)
    if b1 == b2:
        return (f1, a1, a2 - timedelta(days=1))
    return None


def between_packs(attack: Attack, plan: list[Scope], packs: list[dict[tuple[str, str], str]]) -> None:
    for (i, big), (j, small) in itertools.permutations(enumerate(plan), 2):
        part = difference(big, small)
        if part is None:
            continue
        for (table, code), cell in packs[i].items():
            if (table, code) not in packs[j]:
                continue  # a row only the bigger pack has: its cell is the part's own
            other = packs[j][(table, code)]
            (b_lo, b_hi), (s_lo, s_hi) = cell_key.bounds(cell), cell_key.bounds(other)
            lo, hi = max(0, b_lo - s_hi), b_hi - s_lo
            value = int(cell) - int(other) if None not in (_number(cell), _number(other)) else None
            attack.note(f"{table}/{code} in {describe(part)} ({describe(big)} − {describe(small)})",
                        value, lo, hi, truth(attack.facts, part, table, code))
            attack.narrow(part, table, code, lo, hi)


def combined(attack: Attack, plan: list[Scope], packs: list[dict[tuple[str, str], str]]) -> None:
    for scope, cells in zip(plan, packs, strict=True):  # what a pack publishes directly
        for (table, code), cell in cells.items():
            attack.narrow(scope, table, code, *cell_key.bounds(cell))
    for (scope, table, code), (lo, hi) in attack.bounds.items():
        real = truth(attack.facts, scope, table, code)
        assert lo <= real <= hi, f"unsound combined bound for {table}/{code} in {describe(scope)}"
        if 1 <= real <= 4 and lo == hi:
            attack.recovered.append(f"combined {table}/{code} in {describe(scope)} = {real}")


def describe(scope: Scope) -> str:
    facilities, first, last = scope
    days = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
    return f"{sorted(facilities)} {days}"


def run_attacks(services: Services, actor: Actor, facts: list[Fact], plan: list[Scope]) -> Attack:
    packs = make_packs(services, actor, plan)
    attack = Attack(facts)
    for scope, cells in zip(plan, packs, strict=True):
        within_tables(attack, scope, cells)
    between_packs(attack, plan, packs)
    combined(attack, plan, packs)
    return attack


@pytest.fixture
def plan(demo_services: Services, coordinator: Actor) -> list[Scope]:
    return pack_plan({f.code: f.id for f in demo_services.admin.list_facilities(coordinator)})


def test_fifty_packs_give_the_police_no_count_from_one_to_four(
        demo_services: Services, coordinator: Actor, plan: list[Scope],
        monkeypatch: pytest.MonkeyPatch) -> None:
    facts = read_facts(demo_services)
    protected = run_attacks(demo_services, coordinator, facts, plan)
    assert protected.checked > 300, "the packs must hold many small counts to attack"
    assert protected.recovered == [], protected.recovered[:10]
    # The same attacks with the protection switched off (no rounding, "<5" still shown).
    monkeypatch.setattr(cell_key, "BASE", 1)
    unprotected = run_attacks(demo_services, coordinator, facts, plan)
    assert len(unprotected.recovered) > 50, unprotected.recovered[:10]
    print(f"\nsmall counts attacked: {protected.checked}; recovered with protection: "
          f"{len(protected.recovered)}; without: {len(unprotected.recovered)}")


def test_the_pdf_prints_exactly_the_published_tables(demo_services: Services, coordinator: Actor,
                                                     tmp_path: Path) -> None:
    data = demo_services.reports.psp_pack(coordinator, ReportRequest(
        date(2026, 9, 10), date(2026, 10, 21), as_of=PSP_STAMP))
    pdf = tmp_path / "psp.pdf"
    pdf.write_bytes(render_psp_pack(data))
    lines = [" ".join(line.split()) for page in page_texts(pdf) for line in page.splitlines()]
    printed = iter(lines)
    for table in labelled_tables(data):
        for row in table.rows:
            wanted = " ".join(" ".join(row).split())
            assert any(line == wanted for line in printed), f"{table.name}: {wanted!r} not printed in order"
        printed = iter(lines)  # the next table starts its search from the top again

