"""The monthly report right at its stamp: overdue duties of any month, police contacts counted as
the table lists them, a snapshot as the log stood, unfinished and future months, no data before
the log began. Incidents are entered with the clock at the time they were really entered."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from reports.monthly import render_monthly
from safetylog.domain.enums import Role
from safetylog.domain.errors import ValidationError
from safetylog.domain.records import IncidentInput, PoliceContact, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.incidents import IncidentService
from safetylog.services.reports import ReportRequest, ReportService
from safetylog.summaries.report_data import MonthlyReportData
from tests.conftest import World
from tests.reports.pdfcheck import page_texts


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=COPENHAGEN)


def entered(world: World, at: datetime) -> IncidentService:
    """The incident service with its clock at the moment the entry was made."""
    return IncidentService(world.services.session_factory, clock=lambda: at.astimezone(UTC))


def submit(world: World, when: datetime, *types: TypeChoice, at: datetime | None = None,
           **extra: object) -> int:
    data = IncidentInput(facility_id=world.facility.id, occurred_start=when, types=types,
                         narrative="Hændelse.", zone_id=world.zone.id)
    data = replace(data, **extra)  # type: ignore[arg-type]
    service = entered(world, at or when.replace(minute=when.minute + 5))
    return service.submit(world.actor(Role.STAFF), data).id


def report(world: World, year: int, month: int, stamp: datetime) -> MonthlyReportData:
    service = ReportService(world.services.session_factory, clock=lambda: stamp)
    return service.monthly(world.actor(Role.MANAGER),
                           ReportRequest.month(year, month, (world.facility.id,), as_of=stamp))


def pages(data: MonthlyReportData, tmp_path: Path) -> list[str]:
    target = tmp_path / "report.pdf"
    target.write_bytes(render_monthly(data))
    return [re.sub(r"\s+", " ", p) for p in page_texts(target)]


def overdue_section(first_page: str) -> str:
    return first_page.split("Hvad er overskredet", 1)[1].split("Omfang:", 1)[0]


def test_duties_overdue_from_earlier_months_stay_on_the_front_page(world: World, tmp_path: Path) -> None:
    force = submit(world, local(date(2026, 9, 10), 10), TypeChoice("FRC", "124d"))
    dpsd = submit(world, local(date(2026, 8, 20), 9), TypeChoice("MED-RX", "wrong_dose"))
    data = report(world, 2026, 11, datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    overdue = overdue_section(pages(data, tmp_path)[0])
    assert f"1 magtanvendelse er ikke indberettet inden fristen: #{force} (10.09.2026)" in overdue
    assert f"1 anden opgave har overskredet fristen: #{dpsd} Utilsigtet hændelse (DPSD) (20.08.2026)" \
        in overdue
    assert "Intet er overskredet" not in overdue


def test_police_table_lists_exactly_the_contacts_its_header_counts(world: World, tmp_path: Path) -> None:
    called = submit(world, local(date(2026, 10, 3), 22), TypeChoice("POL-CALL"),
                    police=PoliceContact(called=True))
    reported = submit(world, local(date(2026, 10, 8), 14), TypeChoice("THF"),
                      police=PoliceContact(report_filed=True, journal_no="1200-80155-00123-26"))
    submit(world, local(date(2026, 10, 9), 14), TypeChoice("HUS"))
    stamp = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    data = report(world, 2026, 10, stamp)
    text = pages(data, tmp_path)
    police = next(p for p in text if "Politikontakt " in p).split("Politikontakt ", 1)[1]
    assert "Politikontakter: 2 · Anholdte: 0 · Anmeldt: 1" in police
    assert set(re.findall(r"#(\d+) \d\d\.10\.2026 \d\d:\d\d", police.split("Brøset")[0])) == \
        {str(called), str(reported)}
    target = tmp_path / "report.pdf"  # the front page's figure sits above its label
    lines = page_texts(target)[0].splitlines()
    label = next(k for k, line in enumerate(lines) if "Politikontakter" in line)
    assert re.findall(r"\d+", lines[label - 1])[-1] == "2"
    overview = ReportService(world.services.session_factory, clock=lambda: stamp).summary(
        world.actor(Role.MANAGER), ReportRequest.month(2026, 10, (world.facility.id,), as_of=stamp))
    assert overview.police.contacts == 2


def test_as_of_shows_the_log_as_it_stood_at_the_stamp(world: World, tmp_path: Path) -> None:
    corrected = submit(world, local(date(2026, 10, 5), 12), TypeChoice("HUS"))
    signed = submit(world, local(date(2026, 10, 19), 12), TypeChoice("THF"))
    after = local(date(2026, 11, 3), 10)
    staff, manager = world.actor(Role.STAFF), world.actor(Role.MANAGER)
    service = entered(world, after)
    row = service.get(manager, corrected)
    service.correct(staff, corrected, IncidentInput(
        facility_id=world.facility.id, occurred_start=local(date(2026, 10, 6), 12),
        types=(TypeChoice("VIO-THR", "verbal"),), narrative="Rettet.", zone_id=world.zone.id),
        reason="Forkert type", expected_version=row.version)
    service.sign_off(manager, signed, expected_version=service.get(manager, signed).version)
    late = submit(world, local(date(2026, 10, 30), 12), TypeChoice("OTH"), at=after)

    then = report(world, 2026, 10, datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    lines = {line.id: line for line in then.incidents}
    assert set(lines) == {corrected, signed}, "an incident registered after the stamp is left out"
    assert lines[corrected].type_codes == ("HUS",) and lines[corrected].local_date == date(2026, 10, 5)
    assert lines[signed].status == "submitted"
    assert then.summary.current.total == 2 and then.summary.current.primary("HUS") == 1
    first = pages(then, tmp_path)[0]
    assert "I alt 2 hændelser" in first

    now = report(world, 2026, 10, datetime(2026, 11, 4, 8, 0, tzinfo=UTC))
    lines = {line.id: line for line in now.incidents}
    assert set(lines) == {corrected, signed, late}
    assert lines[corrected].type_codes == ("VIO-THR",) and lines[signed].status == "reviewed"
    assert service.get(manager, corrected).types[0].code == "VIO-THR", "the log itself is unchanged"


def test_a_month_not_yet_over_says_so_and_compares_the_same_days(world: World, tmp_path: Path) -> None:
    submit(world, local(date(2026, 10, 10), 12), TypeChoice("HUS"))
    submit(world, local(date(2026, 10, 20), 12), TypeChoice("HUS"))
    submit(world, local(date(2025, 11, 12), 12), TypeChoice("HUS"))
    submit(world, local(date(2025, 11, 25), 12), TypeChoice("HUS"))
    submit(world, local(date(2026, 11, 5), 12), TypeChoice("THF"))
    data = report(world, 2026, 11, datetime(2026, 11, 15, 11, 0, tzinfo=UTC))
    previous, year = data.summary.previous, data.summary.year_before
    assert (previous.scope.date_from, previous.scope.date_to) == (date(2026, 10, 1), date(2026, 10, 15))
    assert (year.scope.date_from, year.scope.date_to) == (date(2025, 11, 1), date(2025, 11, 15))
    first = pages(data, tmp_path)[0]
    assert "Månedsrapport – november 2026 til og med 15.11.2026" in first
    assert "I alt 1 hændelse mod 1 i 1.–15. oktober (±0) og 1 for et år siden" in first


def test_a_month_that_has_not_begun_is_refused(world: World) -> None:
    stamp = datetime(2026, 11, 15, 11, 0, tzinfo=UTC)
    with pytest.raises(ValidationError) as refused:
        report(world, 2026, 12, stamp)
    assert list(refused.value.errors) == ["date_from"]
    assert "Måneden 2026-12 er ikke begyndt ved 2026-11-15 12:00" in refused.value.messages("da")["date_from"]


def test_months_before_the_first_record_say_no_data(world: World, tmp_path: Path) -> None:
    submit(world, local(date(2026, 9, 15), 12), TypeChoice("HUS"))
    submit(world, local(date(2026, 10, 15), 12), TypeChoice("HUS"))
    data = report(world, 2026, 10, datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    assert not data.summary.year_before.has_data and data.summary.previous.has_data
    assert [m.has_data for m in data.summary.trend] == [False] * 10 + [True, True]
    text = pages(data, tmp_path)
    assert "I alt 1 hændelse mod 1 i september (±0); for et år siden: ingen data." in text[0]
    tables = next(p for p in text if "Efter type" in p)
    assert "HUS Overtrædelse af husorden 1 1 ingen data 1" in tables
    assert "Dag 1 1 ingen data" in tables
