"""The engine factory and the storage behaviour the services rely on, on SQLite and PostgreSQL:
durable SQLite settings, enforced foreign keys, Danish full-text search and gap-free keyset pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from safetylog.domain.enums import PersonRole, Role
from safetylog.domain.records import (
    SORT_COLUMNS,
    IncidentDetail,
    IncidentFilter,
    InvolvedResident,
    SortSpec,
    TypeChoice,
)
from safetylog.services.container import Services
from tests.conftest import World, open_engine
from tests.factories import incident_input

# --- SQLite settings --------------------------------------------------------------------------


def test_every_sqlite_connection_is_durable_and_checks_foreign_keys(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    try:
        # Two connections at once: the settings are per connection, so each one must have them.
        with engine.connect() as first, engine.connect() as second:
            for conn in (first, second):
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
                assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
                assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000
                assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536
    finally:
        engine.dispose()


def test_new_sqlite_file_and_its_folder_are_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "safetylog.sqlite3"
    engine = open_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()
    assert path.exists()


def test_plain_postgresql_url_gets_the_psycopg_driver() -> None:
    engine = open_engine("postgresql://user:secret@db.example:5432/safetylog")
    assert engine.url.drivername == "postgresql+psycopg"
    engine.dispose()


def test_foreign_keys_are_enforced(services: Services) -> None:
    with pytest.raises(IntegrityError), services.engine.begin() as conn:
        conn.execute(text("INSERT INTO zones (facility_id, code, name, kind, active) "
                          "VALUES (987654, 'X', 'Nowhere', 'office', true)"))
    with services.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM zones")).scalar() == 0


# --- full-text search ---------------------------------------------------------------------------

NARRATIVES = {
    "stol": "Beboeren smed en stol mod ruden i fællesstuen og råbte.",
    "dør": "Ødelagt dør ved indgangen; glasset knust i løbet af natten.",
    "gård": "Ukendte personer i gården solgte hash til to beboere.",
    "kaffe": "Rolig aften, kaffe og kortspil. Ingen hændelser.",
}


@pytest.fixture
def texts(world: World) -> dict[str, int]:
    staff = world.actor(Role.STAFF)
    return {key: world.services.incidents.submit(staff, incident_input(world, narrative=narrative)).id
            for key, narrative in NARRATIVES.items()}


def _search(world: World, query: str) -> set[int]:
    page = world.services.queries.page(world.actor(Role.STAFF), IncidentFilter(text=query))
    return {row.id for row in page.rows}


SEARCHES = [
    ("fællesstuen", {"stol"}),
    ("fælles", {"stol"}),  # a prefix finds the whole word
    ("FÆLLESSTUEN", {"stol"}),  # case does not matter, also for æ, ø, å
    ("ødelagt", {"dør"}),
    ("Ødel", {"dør"}),
    ("løbet natten", {"dør"}),  # every word must be present
    ("gården", {"gård"}),
    ("hash beboere", {"gård"}),
    ("beboer", {"stol", "gård"}),  # prefix across "Beboeren" and "beboere"
    ("kaffe stol", set()),
    ("elefant", set()),
    # Search syntax typed by a user is not syntax: the words in it are searched for as words.
    ('"fælles*"', {"stol"}),
    ("(fælles) AND", set()),
    ("fælles:* & !ruden", {"stol"}),
    ("NEAR(kaffe kortspil)", set()),
    ("kaffe' OR '1'='1", set()),
    # Nothing but punctuation and operators: no words, so no text filter at all.
    ('"', set(NARRATIVES)),
    ("*", set(NARRATIVES)),
    ("')--", set(NARRATIVES)),
    (":* & | !", set(NARRATIVES)),
    ("   ", set(NARRATIVES)),
]


def test_full_text_finds_danish_words_and_prefixes(world: World, texts: dict[str, int]) -> None:
    for query, expected in SEARCHES:
        assert _search(world, query) == {texts[key] for key in expected}, query


def test_corrected_narrative_is_found_by_its_new_words_only(world: World, texts: dict[str, int]) -> None:
    manager = world.actor(Role.MANAGER)
    original = world.services.incidents.get(manager, texts["kaffe"])
    world.services.incidents.correct(
        manager, original.id, incident_input(world, narrative="Beboer kastede med æbleskiver."),
        reason="Forkert hændelse beskrevet", expected_version=original.version,
    )
    assert _search(world, "æbleskiver") == {texts["kaffe"]}
    assert _search(world, "kortspil") == set()


# --- keyset pages -------------------------------------------------------------------------------

TYPE_CYCLE = ("VIO-THR", "VIO-PHY", "VIS-UNK", "DRG-USE", "POL-RPT")


@pytest.fixture
def crowd(world: World) -> list[IncidentDetail]:
    """23 incidents on three timestamps in two facilities, five types, some signed off: many ties."""
    staff, manager = world.actor(Role.STAFF), world.actor(Role.MANAGER)
    base = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    moments = (base, base + timedelta(hours=1), base + timedelta(hours=5))
    details = []
    for n in range(23):
        in_other = n % 4 == 3
        data = incident_input(
            world, occurred_start=moments[n % 3], types=(TypeChoice(TYPE_CYCLE[n % 5]),),
            narrative=f"Hændelse nummer {n}.",
            facility_id=world.other_facility.id if in_other else world.facility.id,
            zone_id=None if in_other else world.zone.id,
            residents=(InvolvedResident(world.other_resident.id, PersonRole.INVOLVED),) if in_other
            else (),
        )
        detail = world.services.incidents.submit(manager if in_other else staff, data)
        if n % 6 == 0:
            detail = world.services.incidents.sign_off(manager, detail.id, expected_version=detail.version)
        details.append(detail)
    return details


def _key(detail: IncidentDetail, column: str) -> object:
    return {
        "occurred_start": detail.occurred_start,
        "severity": detail.severity.value,
        "facility": detail.facility_name,
        "primary_type": detail.primary_type,
        "status": detail.status.value,
        "id": detail.id,
        "zone": detail.zone_name or "",
        "shift": detail.shift.value,
    }[column]


def _all_pages(world: World, sort: SortSpec, limit: int) -> list[int]:
    manager = world.actor(Role.MANAGER)
    seen: list[int] = []
    after = None
    for _ in range(100):  # a bound, so a broken cursor cannot loop for ever
        page = world.services.queries.page(manager, sort=sort, after=after, limit=limit)
        seen.extend(row.id for row in page.rows)
        if page.next_cursor is None:
            break
        after = page.next_cursor
    return seen


def test_keyset_pages_have_no_gaps_or_repeats(world: World, crowd: list[IncidentDetail]) -> None:
    """Every sort column, both directions, page sizes that do and do not divide the total."""
    for column in SORT_COLUMNS:
        for descending in (False, True):
            expected = [d.id for d in sorted(crowd, key=lambda d: (_key(d, column), d.id),
                                             reverse=descending)]
            for limit in (4, 23):
                seen = _all_pages(world, SortSpec(column, descending), limit)
                assert seen == expected, (column, descending, limit)
    assert world.services.queries.count(world.actor(Role.MANAGER)) == len(crowd)


# --- ids typed by a user ------------------------------------------------------------------------


@pytest.mark.parametrize("ident", [2**31, 2**63, 10**30, -(2**63) - 1, True])
def test_looking_up_an_id_no_row_can_have_finds_nothing(services: Services, ident: int) -> None:
    """A 20-digit number from a command line is "not found", not a driver overflow."""
    from safetylog.storage.models import Facility, Incident

    with services.engine.begin() as conn:
        conn.execute(text("INSERT INTO facilities (id, code, name, municipality, police_district, "
                          "active) VALUES (1, 'HAV', 'Havblik', '', '', true)"))
    with services.session_factory() as session:
        assert session.get(Incident, ident) is None
        assert session.get(Facility, ident) is None
        assert session.get(Facility, 1) is not None
