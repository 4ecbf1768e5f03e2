"""A big, realistic SQLite database for benchmarks: 200 000 incidents across 20 facilities.

``build_big_database(path)`` bulk-loads it with Core inserts in chunks (no per-row ORM work, no
per-row FTS triggers) and rebuilds the full-text index once at the end. The data look like a
real log: several years, night-heavy hours and busier weekends, Danish narratives, residents by
pseudonym, zones, drug-trade details, police contacts, duties, Brøset assessments for the last
month and PSP meetings with action items. Ids follow time, as they do in a real log.

``cached_big_database()`` builds it once per parameter set into a cache folder and hands out the
same file on later calls; copy it before writing to it (see ``tests/benchmarks/conftest.py``).

Deliberately left out: audit rows and incident versions (no list, search or report reads them,
and their JSON snapshots would double the file), resident identities.

Run ``python -m tests.benchmarks.bigdb PATH [INCIDENTS]`` to build one by hand.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table

from safetylog.classification import classify
from safetylog.classification.duties import duties_for
from safetylog.domain.enums import (
    ActionItemStatus,
    AgreementStatus,
    DrugActivity,
    IncidentStatus,
    Measure,
    PersonRole,
    Role,
    ZoneKind,
)
from safetylog.domain.records import IncidentInput, TypeChoice
from safetylog.domain.taxonomy import Taxonomy, current_taxonomy
from safetylog.domain.timeutil import COPENHAGEN, local_stamp
from safetylog.services.auth import hash_password
from safetylog.storage import fulltext, migrate
from safetylog.storage.engine import make_engine
from safetylog.storage.models import (
    BvcAssessmentRow,
    DrugObservationRow,
    DutyRow,
    Facility,
    Incident,
    IncidentResident,
    IncidentTypeRow,
    PoliceContactRow,
    PspActionItem,
    PspAgreement,
    PspMeeting,
    PspMeetingFacility,
    Resident,
    User,
    UserFacility,
    ViolenceRow,
    Zone,
)

GENERATOR_VERSION = 1  # bump when the generated data change, so cached files are rebuilt
BENCH_PASSWORD = "bench-password-1"
MANAGER = "bench.manager"  # manager of every facility: sees all 200 000 incidents
PSP_COORDINATOR = "bench.psp"
ADMIN = "bench.admin"
CHUNK = 5_000
RESIDENTS_PER_FACILITY = 25
STAFF_PER_FACILITY = 8

FACILITY_NAMES = (
    "Bostedet Havblik", "Skovbrynet", "Engholm", "Kastanjehuset", "Lindegården", "Fjordgården",
    "Bakkely", "Solsikken", "Åhuset", "Møllehuset", "Strandvejen 12", "Egebo", "Rønnebo",
    "Granly", "Kildebakken", "Birkely", "Nørrelund", "Vestergaard", "Østerport Bo", "Bøgely",
)
MUNICIPALITIES = ("København", "Aarhus", "Odense", "Aalborg", "Esbjerg")
POLICE_DISTRICTS = ("Københavns Politi", "Østjyllands Politi", "Fyns Politi",
                    "Nordjyllands Politi", "Syd- og Sønderjyllands Politi")
ZONES = (
    ("IND", "Indgangen", ZoneKind.ENTRANCE), ("GRD", "Gården", ZoneKind.OUTDOOR),
    ("FAE", "Fællesstuen", ZoneKind.COMMON_AREA), ("KOK", "Køkkenet", ZoneKind.COMMON_AREA),
    ("TRP", "Trappeopgangen", ZoneKind.COMMON_AREA), ("VAE", "Beboerværelser", ZoneKind.RESIDENT_ROOM),
    ("KON", "Personalekontoret", ZoneKind.OFFICE), ("PRK", "Parkeringspladsen", ZoneKind.OUTDOOR),
    ("UDE", "Uden for matriklen", ZoneKind.OFF_PREMISES),
)
# Incident mix: (primary code, weight). Secondary types are added by rules below.
TYPE_WEIGHTS = (
    ("VIO-THR", 14), ("VIO-VRB", 14), ("VIO-PHY", 8), ("DRG-USE", 10), ("DRG-DEAL", 7),
    ("VIS-UNK", 7), ("HUS", 6), ("PRP-DMG", 5), ("MED-PSY", 4), ("MED-RX", 4), ("POL-CALL", 3),
    ("DRG-POS", 3), ("SH", 3), ("MIS", 2), ("THF", 2), ("FIR", 2), ("MED-EMG", 2), ("DRG-DEBT", 2),
    ("OTH", 2), ("VIO-SEX", 1), ("POL-ARR", 1),
)
# Night-heavy: weight per local hour 0..23.
HOUR_WEIGHTS = (7, 7, 6, 5, 4, 3, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 8)
WEEKDAY_WEIGHTS = (5, 5, 5, 6, 8, 9, 7)  # Monday .. Sunday

PLACES = {"IND": "ved indgangen", "GRD": "i gården", "FAE": "i fællesstuen", "KOK": "i køkkenet",
          "TRP": "på trappen", "VAE": "på sit værelse", "KON": "ved personalekontoret",
          "PRK": "på parkeringspladsen", "UDE": "lige uden for matriklen"}
SUBSTANCES = ("hash", "kokain", "amfetamin", "piller", "ketamin", "alkohol", "heroin")
VEHICLES = ("sort Audi", "hvid varevogn", "grå Golf", "knallert", "elløbehjul", "sort BMW", "taxa")
MEASURE_TEXT = (
    "Personalet talte beboeren ned, og situationen faldt til ro.",
    "Beboeren blev roligt fulgt til sit værelse.",
    "Politiet blev tilkaldt og ankom efter ca. 20 minutter.",
    "Der blev tilbudt PN-medicin, som beboeren tog.",
    "Personalet trak sig og afventede, indtil beboeren var faldet til ro.",
    "Vagthavende leder blev orienteret telefonisk.",
    "Der blev afholdt kort debriefing med de involverede medarbejdere.",
    "Akutpsykiatrien blev kontaktet for vurdering.",
)
OPENERS = {
    "VIO-THR": ("{p} truede personalet med at slå {w}.", "{p} truede en medbeboer {w} og råbte skældsord.",
                "{p} fremsatte trusler mod personalet med en knust flaske {w}."),
    "VIO-VRB": ("{p} råbte og skældte ud {w}.", "{p} kom med nedsættende bemærkninger til personalet {w}.",
                "Højlydt konflikt mellem {p} og en medbeboer {w}."),
    "VIO-PHY": ("{p} slog en medarbejder på armen {w}.", "{p} skubbede en medbeboer omkuld {w}.",
                "{p} sparkede ud efter personalet {w} og ramte en medarbejder på benet."),
    "VIO-SEX": ("{p} berørte en medarbejder uønsket {w}.", "{p} kom med seksuelle tilråb {w}."),
    "PRP-DMG": ("{p} smadrede en stol {w}.", "{p} slog hul i en dør {w}.", "En rude blev knust {w}."),
    "SH": ("{p} skar sig i underarmen {w}.", "{p} udtrykte selvmordstanker {w}."),
    "DRG-DEAL": ("Mistanke om salg af {s} {w}; ukendte personer kom og gik i kort tid.",
                 "Personalet så en overlevering af {s} {w}. En {v} holdt ved kantstenen.",
                 "{p} solgte formentlig {s} til en ukendt person {w}."),
    "DRG-USE": ("{p} var tydeligt påvirket af {s} {w}.", "{p} blev fundet stærkt beruset {w}."),
    "DRG-POS": ("Der blev fundet {s} og kanyler {w}.", "{p} afleverede en pose {s} til personalet."),
    "DRG-DEBT": ("{p} fortalte om narkogæld og trusler fra ukendte {w}.",
                 "Ukendte personer opsøgte {p} {w} og krævede penge."),
    "VIS-UNK": ("Ukendt person opholdt sig {w} og ville ikke gå.", "En person i karantæne dukkede op {w}."),
    "POL-CALL": ("Politiet blev tilkaldt til {p} {w}.",),
    "POL-ARR": ("Politiet anholdt {p} {w}.",),
    "MED-EMG": ("{p} faldt {w} og slog hovedet; ambulance tilkaldt.",),
    "MED-PSY": ("{p} var psykotisk og meget urolig {w}.",),
    "MED-RX": ("{p} fik ikke sin aftenmedicin til tiden.", "{p} afviste sin medicin."),
    "MIS": ("{p} vendte ikke hjem som aftalt og blev meldt savnet.",),
    "FIR": ("Brandalarmen gik {w}; {p} havde røget på værelset.",),
    "THF": ("{p} meldte tyveri af sin telefon {w}.",),
    "HUS": ("{p} overtrådte husordenen {w} ved at spille høj musik om natten.",),
    "OTH": ("Uro {w} i forbindelse med en fødselsdag.",),
}
VIOLENCE = {
    "provocation": ("none_understandable", "denied_something", "other_resident", "adl_help", "demand"),
    "means": ("verbal", "everyday_object", "dangerous_object", "body_part"),
    "target": ("nothing", "objects", "other_resident", "staff", "self"),
    "consequence": ("none", "felt_threatened", "pain_short", "visible_injury"),
    "measures": ("talk", "calmly_away", "hold_124d", "police"),
}


def build_big_database(path: Path, incidents: int = 200_000, facilities: int = 20, *,
                       years: int = 10, end: datetime | None = None, seed: int = 2026) -> str:
    """Create (replacing) a migrated SQLite database at ``path`` and return its URL."""
    if not 1 <= facilities <= len(FACILITY_NAMES):
        raise ValueError(f"facilities must be 1..{len(FACILITY_NAMES)}")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    engine = make_engine(url, plaintext=True)  # the unencrypted baseline; encrypted copies are made from it
    migrate.upgrade(engine)
    end = (end or datetime.now(UTC)).astimezone(UTC)
    rng = random.Random(seed)
    with engine.connect() as conn:
        # A throw-away file being built: no need to wait for the disk on every page.
        conn.exec_driver_sql("PRAGMA synchronous=OFF")
        conn.commit()
        with conn.begin():
            # One rebuild after the load is several times cheaper than the per-row triggers.
            fulltext.drop(conn)
            gen = _Generator(conn, rng, facilities, end)
            gen.people()
            gen.incidents(incidents, years)
            gen.bvc()
            gen.psp()
            fulltext.create(conn)
            fulltext.rebuild(conn)
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.commit()
    engine.dispose()
    return url


def cached_encrypted_copy(source: Path, key: bytes) -> Path:
    """The same database encrypted under ``key`` (sqlcipher_export), built once beside it."""
    import sqlcipher3.dbapi2 as sqlcipher

    from safetylog.storage.encryption import export_encrypted

    target = source.with_name(source.name.replace(".sqlite3", f"-enc-{key.hex()[:8]}.sqlite3"))
    if not target.exists():
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        conn = sqlcipher.connect(str(source))
        try:
            export_encrypted(conn, partial, key)
        finally:
            conn.close()
        partial.replace(target)
    return target


def cached_big_database(incidents: int = 200_000, facilities: int = 20,
                        cache_dir: Path | None = None) -> Path:
    """The path of a pristine big database, built on first use; treat it as read-only."""
    folder = cache_dir or Path(os.environ.get("SAFETYLOG_BENCH_CACHE")
                               or Path(tempfile.gettempdir()) / "safetylog-bench")
    folder.mkdir(parents=True, exist_ok=True)
    name = f"big-{incidents}-{facilities}-g{GENERATOR_VERSION}-{migrate.head_revision()}.sqlite3"
    target = folder / name
    if not target.exists():
        partial = folder / f"{name}.{os.getpid()}.partial"
        build_big_database(partial, incidents, facilities)
        partial.replace(target)  # atomic: a half-built file is never picked up
    return target


# --- the generator ---------------------------------------------------------------------------


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start:start + CHUNK]


class _Generator:
    def __init__(self, conn: Connection, rng: random.Random, facilities: int, end: datetime) -> None:
        self.conn, self.rng, self.n_facilities, self.end = conn, rng, facilities, end
        self.taxonomy: Taxonomy = current_taxonomy()
        self.zones: dict[int, list[tuple[int, str]]] = {}
        self.residents: dict[int, list[tuple[int, str]]] = {}
        self.staff: dict[int, list[int]] = {}
        self.managers: dict[int, int] = {}
        self.user_id = 0

    def insert(self, table: Table | Any, rows: Sequence[dict[str, Any]]) -> None:
        target: Table = getattr(table, "__table__", table)
        for chunk in _chunks(rows):
            self.conn.execute(target.insert(), list(chunk))

    # --- places and people -----------------------------------------------------------------

    def people(self) -> None:
        created = self.end - timedelta(days=3650)
        password = hash_password(BENCH_PASSWORD)
        facilities, zones, residents, users, links = [], [], [], [], []
        zone_id = resident_id = 0

        def user(username: str, name: str, role: Role, all_facilities: bool = False) -> int:
            self.user_id += 1
            users.append(dict(id=self.user_id, username=username, display_name=name,
                              password_hash=password, role=role.value, active=True,
                              all_facilities=all_facilities, created_at=created,
                              failed_logins=0, version=1))
            return self.user_id

        user(ADMIN, "Bente Admin", Role.ADMIN, all_facilities=True)
        user(MANAGER, "Mads Leder", Role.MANAGER, all_facilities=True)
        user(PSP_COORDINATOR, "Pia PSP", Role.PSP_COORDINATOR, all_facilities=True)
        for fid in range(1, self.n_facilities + 1):
            district = (fid - 1) % len(POLICE_DISTRICTS)
            facilities.append(dict(id=fid, code=f"F{fid:02d}", name=FACILITY_NAMES[fid - 1],
                                   municipality=MUNICIPALITIES[district],
                                   police_district=POLICE_DISTRICTS[district], active=True))
            self.zones[fid] = []
            for code, name, kind in ZONES:
                zone_id += 1
                zones.append(dict(id=zone_id, facility_id=fid, code=code, name=name,
                                  kind=kind.value, active=True))
                self.zones[fid].append((zone_id, code))
            self.residents[fid] = []
            for n in range(1, RESIDENTS_PER_FACILITY + 1):
                resident_id += 1
                pseudonym = f"F{fid:02d}-{n:03d}"
                residents.append(dict(id=resident_id, facility_id=fid, pseudonym=pseudonym,
                                      active=True, moved_in=(created + timedelta(days=30 * n)).date()))
                self.residents[fid].append((resident_id, pseudonym))
            self.managers[fid] = user(f"leder{fid:02d}", f"Leder {fid:02d}", Role.MANAGER)
            self.staff[fid] = [
                user(f"ansat{fid:02d}{k}", f"Medarbejder {fid:02d}-{k}",
                     Role.NIGHT_STAFF if k % 3 == 0 else Role.STAFF)
                for k in range(1, STAFF_PER_FACILITY + 1)
            ]
            links += [dict(user_id=u, facility_id=fid)
                      for u in (self.managers[fid], *self.staff[fid])]
        self.insert(Facility, facilities)
        self.insert(Zone, zones)
        self.insert(User, users)
        self.insert(UserFacility, links)
        self.insert(Resident, residents)

    # --- incidents -------------------------------------------------------------------------

    def _moment(self, years: int) -> datetime:
        """A local time in the period, night-heavy, busier at weekends, a little growth over time."""
        rng = self.rng
        span = years * 365
        while True:
            back = int(span * (1 - rng.random() ** 0.8))  # more recent incidents than old ones
            day = (self.end.astimezone(COPENHAGEN) - timedelta(days=back)).date()
            if rng.random() * 9 < WEEKDAY_WEIGHTS[day.weekday()]:
                break
        hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
        local = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=COPENHAGEN)
        moment = local.astimezone(UTC)
        return min(moment, self.end - timedelta(minutes=rng.randrange(30, 600)))

    def _types(self, primary: str) -> list[TypeChoice]:
        rng = self.rng
        codes = [primary]
        if primary.startswith("VIO") and rng.random() < 0.15:
            codes.append("POL-CALL")
        if primary in ("VIO-PHY", "VIO-THR") and rng.random() < 0.08:
            codes.append("FRC")
        if primary == "DRG-DEAL" and rng.random() < 0.3:
            codes.append("VIS-UNK")
        if primary == "POL-CALL" and rng.random() < 0.2:
            codes.append("POL-RPT")
        choices = []
        for code in codes:
            itype = self.taxonomy.get(code)
            assert itype is not None, code
            sub = rng.choice(itype.subtypes).code if itype.subtypes and rng.random() < 0.8 else None
            choices.append(TypeChoice(code, sub))
        return choices

    def _narrative(self, primary: str, pseudonym: str, zone_code: str) -> str:
        rng = self.rng
        opener = rng.choice(OPENERS[primary]).format(
            p=pseudonym, w=PLACES[zone_code], s=rng.choice(SUBSTANCES), v=rng.choice(VEHICLES))
        extra = rng.sample(MEASURE_TEXT, k=rng.randint(1, 2))
        return " ".join([opener, *extra])

    def incidents(self, count: int, years: int) -> None:
        rng = self.rng
        weights = [w for _, w in TYPE_WEIGHTS]
        codes = [c for c, _ in TYPE_WEIGHTS]
        moments = sorted(self._moment(years) for _ in range(count))  # ids follow time
        rows: list[dict[str, Any]] = []
        types: list[dict[str, Any]] = []
        involved: list[dict[str, Any]] = []
        violence: list[dict[str, Any]] = []
        drugs: list[dict[str, Any]] = []
        police: list[dict[str, Any]] = []
        duties: list[dict[str, Any]] = []
        recent = self.end - timedelta(days=60)
        for incident_id, start in enumerate(moments, start=1):
            fid = rng.randint(1, self.n_facilities)
            zone_id, zone_code = rng.choice(self.zones[fid])
            resident_id, pseudonym = rng.choice(self.residents[fid])
            primary = rng.choices(codes, weights)[0]
            chosen = self._types(primary)
            narrative = self._narrative(primary, pseudonym, zone_code)
            result = classify(IncidentInput(facility_id=fid, occurred_start=start,
                                            types=tuple(chosen), narrative=narrative), self.taxonomy)
            stamp = local_stamp(start)
            registered = start + timedelta(minutes=rng.randint(10, 180))
            reviewed = registered < recent or rng.random() < 0.7
            rows.append(dict(
                id=incident_id, version=1,
                status=(IncidentStatus.REVIEWED if reviewed else IncidentStatus.SUBMITTED).value,
                facility_id=fid, zone_id=zone_id, occurred_start=start,
                occurred_end=start + timedelta(minutes=rng.randint(5, 90)),
                local_date=stamp.local_date, weekday=stamp.weekday, hour=stamp.hour,
                shift=stamp.shift.value, shift_date=stamp.shift_date, registered_at=registered,
                registered_by_id=rng.choice(self.staff[fid]), taxonomy_version=result.taxonomy_version,
                primary_type=result.primary_type, severity=result.severity.value,
                computed_severity=result.severity.value,
                severity_reasons=[[r.code, r.text_da, r.text_en] for r in result.reasons],
                severity_override_reason="", flags=list(result.flags), narrative=narrative,
                measures=[m.value for m in rng.sample(
                    [Measure.TALK, Measure.CALMLY_AWAY, Measure.POLICE, Measure.PRN_OFFERED], k=1)],
                damage_description="Ødelagt inventar" if primary == "PRP-DMG" else "",
                damage_estimate_dkk=rng.randint(200, 8000) if primary == "PRP-DMG" else None,
                ambulance_called=primary == "MED-EMG", debrief_offered=primary.startswith("VIO"),
                linked_incident_id=None, soas_total=None, soas_band=None, soas_instrument=None,
                reviewed_by_id=self.managers[fid] if reviewed else None,
                reviewed_at=registered + timedelta(hours=rng.randint(4, 72)) if reviewed else None,
            ))
            severities = dict(result.type_severities)
            types += [dict(incident_id=incident_id, position=i, code=c.code, subtype=c.subtype,
                           severity=severities[c.code].value) for i, c in enumerate(chosen)]
            involved.append(dict(incident_id=incident_id, resident_id=resident_id,
                                 role=self._role(primary).value))
            if primary.startswith("VIO") and rng.random() < 0.4:
                other_id, _ = rng.choice(self.residents[fid])
                if other_id != resident_id:
                    involved.append(dict(incident_id=incident_id, resident_id=other_id,
                                         role=PersonRole.VICTIM.value))
            if primary.startswith("VIO") or primary in ("PRP-DMG", "SH"):
                violence.append(self._violence(incident_id, "flaske" in narrative))
            if primary.startswith("DRG"):
                drugs.append(self._drug(incident_id, primary))
            if any(c.code.startswith("POL") for c in chosen):
                police.append(self._police(incident_id, start, primary == "POL-ARR"))
            for spec in duties_for(result, IncidentInput(fid, start, tuple(chosen), narrative),
                                   registered):
                done = registered < recent
                duties.append(dict(incident_id=incident_id, facility_id=fid, kind=spec.kind,
                                   state="done" if done else "open", due_at=spec.due_at,
                                   created_at=registered,
                                   closed_at=registered + timedelta(days=2) if done else None,
                                   details=dict(spec.details), rules_version=spec.rules_version,
                                   version=1))
        self.insert(Incident, rows)
        self.insert(IncidentTypeRow, types)
        self.insert(IncidentResident, involved)
        self.insert(ViolenceRow, violence)
        self.insert(DrugObservationRow, drugs)
        self.insert(PoliceContactRow, police)
        self.insert(DutyRow, duties)

    def _role(self, primary: str) -> PersonRole:
        if primary == "DRG-DEAL":
            return self.rng.choice((PersonRole.SELLER, PersonRole.BUYER))
        if primary.startswith("VIO") or primary == "PRP-DMG":
            return PersonRole.AGGRESSOR
        return PersonRole.INVOLVED

    def _violence(self, incident_id: int, weapon: bool) -> dict[str, Any]:
        picks = {column: [self.rng.choice(options)] for column, options in VIOLENCE.items()}
        return dict(incident_id=incident_id, weapon=weapon, dangerous_object=weapon, **picks)

    def _drug(self, incident_id: int, primary: str) -> dict[str, Any]:
        rng = self.rng
        activities = rng.sample(list(DrugActivity)[:6], k=rng.randint(1, 2))
        dealing = primary == "DRG-DEAL"
        return dict(
            incident_id=incident_id, activities=[a.value for a in activities],
            substances=rng.sample(SUBSTANCES, k=rng.randint(1, 2)),
            sellers_count=rng.randint(1, 3) if dealing else None,
            buyers_count=rng.randint(1, 4) if dealing else None,
            sellers_description="Mand, ca. 25 år, mørk jakke" if dealing else "",
            buyers_description="Beboer og to ukendte" if dealing else "",
            vehicles=rng.choice(VEHICLES) if dealing and rng.random() < 0.5 else "",
            money_or_quantity="Kontanter set skifte hænder" if dealing else "",
            outsiders_on_premises=dealing and rng.random() < 0.6,
        )

    def _police(self, incident_id: int, start: datetime, arrest: bool) -> dict[str, Any]:
        rng = self.rng
        called_at = start + timedelta(minutes=rng.randint(1, 15))
        return dict(incident_id=incident_id, called=True, called_at=called_at,
                    arrived_at=called_at + timedelta(minutes=rng.randint(5, 60)),
                    police_initiated=rng.random() < 0.1, arrests=1 if arrest else 0,
                    report_filed=rng.random() < 0.3,
                    journal_no=f"{rng.randint(100, 4000):04d}-{rng.randint(10000, 99999)}-"
                               f"{rng.randint(1, 999):05d}-{start.year % 100:02d}",
                    reason="Trusler og uro")

    # --- Brøset and PSP --------------------------------------------------------------------

    def bvc(self) -> None:
        """Assessments for a third of the residents, every shift, for the last 30 days."""
        rng, rows = self.rng, []
        for fid, residents in self.residents.items():
            for resident_id, _ in residents[: len(residents) // 3]:
                for back in range(30):
                    day = (self.end.astimezone(COPENHAGEN) - timedelta(days=back + 1)).date()
                    for hour in (9, 17, 1):
                        local = datetime(day.year, day.month, day.day, hour, 0, tzinfo=COPENHAGEN)
                        stamp = local_stamp(local)
                        items = [rng.random() < 0.12 for _ in range(6)]
                        rows.append(dict(
                            resident_id=resident_id, facility_id=fid, assessed_at=local.astimezone(UTC),
                            shift=stamp.shift.value, shift_date=stamp.shift_date,
                            confused=items[0], irritable=items[1], boisterous=items[2],
                            physical_threats=items[3], verbal_threats=items[4],
                            attacks_objects=items[5], total=sum(items), actions="",
                            assessor_id=rng.choice(self.staff[fid])))
        self.insert(BvcAssessmentRow, rows)

    def psp(self) -> None:
        """A meeting every six weeks per police district for two years, with action items."""
        rng = self.rng
        meetings, links, items, agreements = [], [], [], []
        meeting_id = 0
        today = self.end.astimezone(COPENHAGEN).date()
        for d, district in enumerate(POLICE_DISTRICTS):
            members = [fid for fid in self.residents if (fid - 1) % len(POLICE_DISTRICTS) == d]
            if not members:
                continue
            for fid in members:
                agreements.append(dict(facility_id=fid, title="Kontaktaftale med nærpolitiet",
                                       police_contact="Nærpolitiet, vagtcentralen",
                                       scope="Patruljering ved indgangen fredag og lørdag nat",
                                       valid_from=today - timedelta(days=400), valid_to=None,
                                       status=AgreementStatus.ACTIVE.value))
            held = today - timedelta(days=730)
            while held < today:
                meeting_id += 1
                meetings.append(dict(id=meeting_id, held_on=held, district=district,
                                     participants="Politi; Socialforvaltning; Psykiatri",
                                     agenda="Status på narkohandel ved indgangen", minutes="",
                                     created_by_id=3))
                links += [dict(meeting_id=meeting_id, facility_id=fid) for fid in members]
                for k in range(3):
                    done = held < today - timedelta(days=90)
                    items.append(dict(
                        text=f"Opfølgning {k + 1}: belysning og patruljering", owner_role="Politi",
                        due_on=held + timedelta(days=30),
                        status=(ActionItemStatus.DONE if done else ActionItemStatus.OPEN).value,
                        source_meeting_id=meeting_id, facility_id=rng.choice(members),
                        created_at=datetime(held.year, held.month, held.day, 12, tzinfo=UTC),
                        closed_at=datetime(held.year, held.month, held.day, 12, tzinfo=UTC)
                        + timedelta(days=40) if done else None, version=1))
                held += timedelta(days=42)
        self.insert(PspMeeting, meetings)
        self.insert(PspMeetingFacility, links)
        self.insert(PspActionItem, items)
        self.insert(PspAgreement, agreements)


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print("usage: python -m tests.benchmarks.bigdb PATH [INCIDENTS]", file=sys.stderr)
        return 2
    started = time.perf_counter()
    url = build_big_database(Path(argv[0]), int(argv[1]) if len(argv) > 1 else 200_000)
    print(f"{url} built in {time.perf_counter() - started:.1f} s "
          f"(users {MANAGER}/{PSP_COORDINATOR}/{ADMIN}, password {BENCH_PASSWORD})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
