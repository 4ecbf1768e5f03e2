"""A realistic synthetic year for three facilities, made through the real services.

Incidents of every type with a night-heavy profile, drug dealing clustered at a few zones and
late hours, reviews by the managers, PSP meetings with action items carried from meeting to
meeting, police agreements and one disclosure decision. Seeded, so the same seed and end date
give the same data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from safetylog.classification.duties import DutyKind, DutyState
from safetylog.domain.enums import (
    ActionItemStatus,
    AgreementStatus,
    DrugActivity,
    InjuredPartyKind,
    InjuryLevel,
    Measure,
    PersonRole,
    Role,
    Shift,
    StaffRole,
)
from safetylog.domain.errors import PermissionDenied
from safetylog.domain.records import (
    ActionItemInput,
    Actor,
    AgreementInput,
    DrugObservation,
    FacilityRecord,
    IncidentInput,
    Injury,
    InvolvedResident,
    InvolvedStaff,
    MeetingInput,
    OutsidePerson,
    PoliceContact,
    ResidentRecord,
    TypeChoice,
    ViolenceDetail,
    ZoneRecord,
)
from safetylog.domain.timeutil import COPENHAGEN, local_stamp
from safetylog.services.admin import AdminService
from safetylog.services.auth import AuthService
from safetylog.services.demo_content import (
    DEAL_HOURS,
    DEMO_PASSWORD,
    FACILITIES,
    HOUR_WEIGHTS,
    NARRATIVES,
    RECIPES,
    STAFF,
    WEEKDAY_WEIGHTS,
    DemoFacility,
)
from safetylog.services.duties import DutyService
from safetylog.services.incidents import IncidentService
from safetylog.services.psp import PspService
from safetylog.services.residents import ResidentService
from safetylog.storage.models import User

INCIDENTS_PER_RESIDENT = 25
FOLLOW_UP_AFTER_DAYS = 10
UNFINISHED_DUTY_SHARE = 0.04
# Staff at work on a shift of a small housing unit (no draw from the random source, so the rest of
# the demo stays as it was).
STAFF_ON_SHIFT = {Shift.DAY: 4, Shift.EVENING: 3, Shift.NIGHT: 1}
MEETING_INTERVAL_DAYS = 42
VIOLENCE_TYPES = {"VIO-PHY", "VIO-THR", "VIO-VRB", "VIO-SEX", "PRP-DMG", "SH"}


class MovableClock:
    """The services' clock, moved along the demo year so every record gets a plausible time."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@dataclass
class DemoSummary:
    facilities: int = 0
    users: int = 0
    residents: int = 0
    incidents: int = 0
    reviewed: int = 0
    meetings: int = 0
    action_items: int = 0
    by_type: dict[str, int] = field(default_factory=dict)


@dataclass
class _Place:
    spec: DemoFacility
    record: FacilityRecord
    zones: dict[str, ZoneRecord]
    residents: list[ResidentRecord]


class DemoGenerator:
    def __init__(self, session_factory: sessionmaker[Session], *, seed: int = 2026,
                 end: date | None = None) -> None:
        self._sf = session_factory
        self._rng = random.Random(seed)
        self._end = end or datetime.now(COPENHAGEN).date()
        self._start = self._end - timedelta(days=365)
        self.clock = MovableClock(datetime.combine(self._start - timedelta(days=30), time(9), COPENHAGEN))
        self.admin = AdminService(session_factory, self.clock)
        self.auth = AuthService(session_factory, self.clock)
        self.residents = ResidentService(session_factory, self.clock)
        self.incidents = IncidentService(session_factory, self.clock)
        self.psp = PspService(session_factory, self.clock)
        self.duties = DutyService(session_factory, self.clock)
        self.summary = DemoSummary()
        self._actors: dict[str, Actor] = {}

    # --- the whole year ------------------------------------------------------------------

    def run(self) -> DemoSummary:
        with self._sf() as session:
            if session.scalar(select(func.count()).select_from(User)):
                raise PermissionDenied("The demo needs an empty database; this one already has users.")
        places = self._setup()
        plans = [(when, place, recipe) for place in places for when, recipe in self._plan(place)]
        plans.sort(key=lambda item: item[0])
        meetings = self._meeting_days()
        for when, place, recipe in plans:
            while meetings and meetings[0] <= when.date():
                self._hold_meeting(meetings.pop(0), places)
            self._log(when, place, recipe)
        for day in meetings:
            self._hold_meeting(day, places)
        self._disclose(places)
        return self.summary

    def _setup(self) -> list[_Place]:
        first = FACILITIES[0]
        admin = self.admin.initialize(
            facility_code=first.code, facility_name=first.name, municipality=first.municipality,
            police_district="Østjyllands Politi", admin_username=STAFF[0][0],
            admin_display_name=STAFF[0][1], admin_password=DEMO_PASSWORD)
        records = {f.code: f for f in self.admin.list_facilities(admin)}
        for spec in FACILITIES[1:]:
            records[spec.code] = self.admin.create_facility(admin, spec.code, spec.name, spec.municipality,
                                                            "Østjyllands Politi")
        zones: dict[str, dict[str, ZoneRecord]] = {}
        for spec in FACILITIES:
            zones[spec.code] = {code: self.admin.add_zone(admin, records[spec.code].id, code, name, kind)
                                for code, name, kind in spec.zones}
        for username, display, role, codes in STAFF[1:]:
            self.admin.create_user(admin, username, display, DEMO_PASSWORD, role,
                                   tuple(records[c].id for c in codes), all_facilities=not codes)
        self._actors = {u[0]: self.auth.login(u[0], DEMO_PASSWORD, workstation="demo") for u in STAFF}
        self.summary.facilities, self.summary.users = len(FACILITIES), len(STAFF)
        places = []
        for spec in FACILITIES:
            manager = self._manager_for(spec.code)
            residents = [
                self.residents.add(manager, records[spec.code].id, f"{spec.resident_prefix}-{100 + n}",
                                   moved_in=self._start - timedelta(days=self._rng.randint(30, 2000)))
                for n in range(1, spec.residents + 1)
            ]
            self.summary.residents += len(residents)
            places.append(_Place(spec, records[spec.code], zones[spec.code], residents))
        return places

    # --- incidents ---------------------------------------------------------------------------

    def _plan(self, place: _Place) -> list[tuple[datetime, tuple[tuple[str, str | None], ...]]]:
        count = place.spec.residents * INCIDENTS_PER_RESIDENT
        recipes = [r for r, _ in RECIPES]
        chosen = list(recipes) + self._rng.choices(recipes, weights=[w for _, w in RECIPES],
                                                   k=max(0, count - len(recipes)))
        return [(self._moment(recipe), recipe) for recipe in chosen]

    def _moment(self, recipe: tuple[tuple[str, str | None], ...]) -> datetime:
        dealing = recipe[0][0] == "DRG-DEAL"
        while True:
            day = self._start + timedelta(days=self._rng.randrange(365))
            if self._rng.random() < WEEKDAY_WEIGHTS[day.weekday()] / max(WEEKDAY_WEIGHTS):
                break
        hour = (self._rng.choice(DEAL_HOURS) if dealing and self._rng.random() < 0.8
                else self._rng.choices(range(24), weights=HOUR_WEIGHTS)[0])
        return datetime.combine(day, time(hour, self._rng.randrange(60)), COPENHAGEN)

    def _log(self, when: datetime, place: _Place, recipe: tuple[tuple[str, str | None], ...]) -> None:
        rng = self._rng
        codes = [code for code, _ in recipe]
        came_themselves = ("POL-CALL", "police_initiated") in recipe
        primary = codes[0]
        zone = self._zone(place, primary)
        a, b = rng.sample(place.residents, 2)
        shift = local_stamp(when).shift
        reporter = self._reporter(place.spec.code, shift)
        narrative = NARRATIVES[primary].format(a=a.pseudonym, b=b.pseudonym, zone=zone.name.lower())
        extra = [NARRATIVES[c].format(a=a.pseudonym, b=b.pseudonym, zone=zone.name.lower())
                 for c in codes[1:]]
        data = IncidentInput(
            facility_id=place.record.id, occurred_start=when,
            occurred_end=when + timedelta(minutes=rng.randint(5, 40)),
            types=tuple(TypeChoice(c, s) for c, s in recipe),
            narrative=" ".join([narrative, *extra]), zone_id=zone.id,
            residents=self._involved(primary, a, b),
            staff=(InvolvedStaff(reporter.user_id, StaffRole.INTERVENED),),
            outsiders=self._outsiders(primary),
            injuries=self._injuries(primary, recipe, a, reporter, when),
            measures=self._measures(codes, came_themselves), violence=self._violence(primary, recipe),
            drug=self._drug(primary),
            police=self._police(codes, when, came_themselves),
            ambulance_called="MED-EMG" in codes, debrief_offered=primary.startswith("VIO"),
            damage_description="Stol og glasdør beskadiget." if primary == "PRP-DMG" else "",
            damage_estimate_dkk=rng.choice((800, 2500, 6000)) if primary == "PRP-DMG" else None,
            staff_on_duty=STAFF_ON_SHIFT[shift],
        )
        self.clock.now = when + timedelta(minutes=rng.randint(50, 120))  # after the police left
        detail = self.incidents.submit(reporter, data)
        self.summary.incidents += 1
        self.summary.by_type[primary] = self.summary.by_type.get(primary, 0) + 1
        if self._end - when.date() > timedelta(days=4) and rng.random() < 0.9:
            self.clock.now = when + timedelta(days=rng.randint(1, 3), hours=2)
            self.incidents.sign_off(self._manager_for(place.spec.code), detail.id,
                                    expected_version=detail.version)
            self.summary.reviewed += 1
        if self._end - when.date() > timedelta(days=FOLLOW_UP_AFTER_DAYS):
            self._follow_up(detail.id, place, when)

    def _follow_up(self, incident_id: int, place: _Place, when: datetime) -> None:
        """Most duties of older incidents were done on time; a few are still waiting."""
        manager = self._manager_for(place.spec.code)
        for duty in self.duties.find(manager, incident_id=incident_id):
            if self._rng.random() < UNFINISHED_DUTY_SHARE:
                continue
            day = when + timedelta(days=self._rng.randint(1, 3))
            self.clock.now = day + timedelta(hours=3)
            fields = _duty_closing_fields(DutyKind(duty.kind), when, day, self._rng)
            self.duties.update(manager, duty.id, fields, expected_version=duty.version,
                               state=DutyState.DONE)

    def _zone(self, place: _Place, primary: str) -> ZoneRecord:
        if primary == "DRG-DEAL" and self._rng.random() < 0.75:
            return place.zones[self._rng.choice(place.spec.hotspots)]
        return place.zones[self._rng.choice(list(place.zones))]

    def _involved(self, primary: str, a: ResidentRecord, b: ResidentRecord) -> tuple[InvolvedResident, ...]:
        if primary in {"VIO-PHY", "VIO-THR", "VIO-SEX"} and self._rng.random() < 0.5:
            return (InvolvedResident(a.id, PersonRole.AGGRESSOR), InvolvedResident(b.id, PersonRole.VICTIM))
        if primary == "DRG-DEAL":
            role = PersonRole.SELLER if self._rng.random() < 0.2 else PersonRole.BUYER
            return (InvolvedResident(a.id, role),)
        if primary in {"DRG-POS", "OTH", "FIR"} and self._rng.random() < 0.5:
            return ()
        return (InvolvedResident(a.id, PersonRole.AGGRESSOR if primary.startswith(("VIO", "PRP"))
                                 else PersonRole.INVOLVED),)

    def _outsiders(self, primary: str) -> tuple[OutsidePerson, ...]:
        if primary == "DRG-DEAL":
            return (OutsidePerson("Mand ca. 25 år, mørk jakke, cykel", PersonRole.SELLER,
                                  self._rng.randint(1, 2)),)
        if primary in {"VIS-UNK", "DRG-DEBT"}:
            return (OutsidePerson("Ukendt person, ca. 30 år", PersonRole.INVOLVED, 1),)
        return ()

    def _injuries(self, primary: str, recipe: tuple[tuple[str, str | None], ...], a: ResidentRecord,
                  reporter: Actor, when: datetime) -> tuple[Injury, ...]:
        subtypes = dict(recipe)
        if primary == "VIO-PHY" and subtypes.get("VIO-PHY") == "staff":
            absent = self._rng.random() < 0.4
            level = InjuryLevel.VISIBLE_INJURY if absent else InjuryLevel.PAIN_LONG
            first_absence = (when + timedelta(days=1)).date() if absent else None
            return (Injury(InjuredPartyKind.STAFF, level, user_id=reporter.user_id, body_part="Underarm",
                           description="Slag mod armen", first_absence_day=first_absence),)
        if primary == "SH":
            attempt = subtypes.get("SH") == "attempt"
            level = InjuryLevel.HOSPITAL if attempt else InjuryLevel.TREATMENT_NON_PHYSICIAN
            return (Injury(InjuredPartyKind.RESIDENT, level, resident_id=a.id, body_part="Underarm"),)
        return ()

    def _measures(self, codes: list[str], came_themselves: bool) -> tuple[Measure, ...]:
        measures = [Measure.TALK]
        if "FRC" in codes:
            measures.append(Measure.HOLD_124D)
        if "POL-CALL" in codes and not came_themselves:  # the police came: nobody called them
            measures.append(Measure.POLICE)
        if "MED-EMG" in codes:
            measures.append(Measure.AMBULANCE)
        if "MED-PSY" in codes:
            measures.append(Measure.ACUTE_PSYCHIATRY)
        return tuple(measures)

    def _violence(self, primary: str, recipe: tuple[tuple[str, str | None], ...]) -> ViolenceDetail | None:
        if primary not in VIOLENCE_TYPES:
            return None
        weapon = any(sub == "weapon" for _, sub in recipe)
        means = {"VIO-VRB": ("verbal",), "VIO-THR": ("verbal",), "PRP-DMG": ("everyday_object",),
                 "SH": ("dangerous_object",), "VIO-SEX": ("verbal",)}.get(primary, ("body_part",))
        target = {"PRP-DMG": ("objects",), "SH": ("self",)}.get(
            primary, (self._rng.choice(("staff", "other_resident")),))
        consequence = {"VIO-PHY": ("pain_long",), "PRP-DMG": ("objects_damaged",),
                       "SH": ("visible_injury",)}.get(primary, ("felt_threatened",))
        return ViolenceDetail(
            provocation=(self._rng.choice(
                ("none_understandable", "denied_something", "other_resident", "asked_to_do")),),
            means=("dangerous_object",) if weapon else means, target=target, consequence=consequence,
            measures=("talk", "physical_hold") if primary == "VIO-PHY" else ("talk",),
            weapon=weapon, dangerous_object=weapon or primary == "SH")

    def _drug(self, primary: str) -> DrugObservation | None:
        if not primary.startswith("DRG"):
            return None
        if primary != "DRG-DEAL":
            return DrugObservation(activities=(DrugActivity.PARAPHERNALIA,) if primary == "DRG-POS"
                                   else (DrugActivity.INTOXICATION,))
        return DrugObservation(
            activities=(DrugActivity.SALE, DrugActivity.CASH), substances=("hash", "kokain"),
            sellers_count=self._rng.randint(1, 2), buyers_count=1,
            sellers_description="To mænd i 20'erne", buyers_description="Beboer",
            vehicles=self._rng.choice(("Mørk VW Golf", "Hvid varevogn", "")), money_or_quantity="Små poser",
            outsiders_on_premises=True)

    def _police(self, codes: list[str], when: datetime, came_themselves: bool) -> PoliceContact | None:
        if not any(c.startswith("POL") for c in codes):
            return None
        reported = "POL-RPT" in codes
        return PoliceContact(
            # as the types say it (the core refuses a contradiction): called, or came themselves
            called="POL-CALL" in codes and not came_themselves, police_initiated=came_themselves,
            called_at=None if came_themselves else when + timedelta(minutes=5),
            arrived_at=when + timedelta(minutes=self._rng.randint(15, 45)),
            arrests=1 if "POL-ARR" in codes else 0, report_filed=reported,
            journal_no=f"3700-{self._rng.randint(10000, 99999)}-{self._rng.randint(10, 999):05d}-{when:%y}"
            if reported else "",
            reason="Trusler og uro" if "POL-CALL" in codes else "")

    def _reporter(self, code: str, shift: Shift) -> Actor:
        night = [a for a in self._staff_at(code) if a.role is Role.NIGHT_STAFF]
        day = [a for a in self._staff_at(code) if a.role in (Role.STAFF, Role.MANAGER)]
        pool = night if shift is Shift.NIGHT and night else day or night
        return self._rng.choice(pool)

    def _staff_at(self, code: str) -> list[Actor]:
        ids = {p.id for p in self.admin.list_facilities(self._actors["admin"]) if p.code == code}
        return [a for a in self._actors.values() if a.role in (Role.NIGHT_STAFF, Role.STAFF, Role.MANAGER)
                and (a.all_facilities or a.facility_ids & ids)]

    def _manager_for(self, code: str) -> Actor:
        return next(a for a in self._staff_at(code) if a.role is Role.MANAGER)

    # --- PSP ---------------------------------------------------------------------------------

    def _meeting_days(self) -> list[date]:
        day = self._start + timedelta(days=20)
        days = []
        while day < self._end:
            days.append(day)
            day += timedelta(days=MEETING_INTERVAL_DAYS)
        return days

    def _hold_meeting(self, day: date, places: list[_Place]) -> None:
        psp = self._actors["psp"]
        self.clock.now = datetime.combine(day, time(10), COPENHAGEN)
        if self.summary.meetings == 0:
            for place in places:
                self.psp.save_agreement(psp, AgreementInput(
                    facility_id=place.record.id, title="Fast kontaktperson i nærpolitiet",
                    police_contact="Nærpolitiet, vagthavende", scope="Opringning ved uro efter kl. 22",
                    valid_from=day, status=AgreementStatus.ACTIVE))
            self.psp.save_agreement(psp, AgreementInput(
                facility_id=places[0].record.id, title="Øget patruljering ved gården fredag-lørdag",
                police_contact="Nærpolitiet Aarhus Syd", scope="Patrulje kl. 20-01", valid_from=day,
                valid_to=day + timedelta(days=180), status=AgreementStatus.ACTIVE))
        meeting = self.psp.create_meeting(psp, MeetingInput(
            held_on=day, district="PSP Østjylland, lokalgruppe Aarhus",
            facility_ids=tuple(p.record.id for p in places),
            participants="Politi: nærpolitiet; Socialforvaltningen: myndighed; Psykiatrien: OPUS; bosteder",
            agenda="1. Situationen på bostederne\n2. Handel i og omkring gården\n3. Opfølgning",
            minutes="Gennemgang af perioden. Aftaler fortsætter."))
        self.summary.meetings += 1
        for item in self.psp.action_items(psp, open_only=True):
            if self._rng.random() < 0.55:
                self.psp.set_action_status(psp, item.id, ActionItemStatus.DONE,
                                           expected_version=item.version)
        owners = ("Politi", "Socialforvaltningen", "Psykiatrien", places[0].spec.name)
        texts = ("Øget synlighed ved indgangen i weekenden", "Opfølgning på beboer med gæld",
                 "Kontakt til OPUS om samtaleforløb", "Belysning i gården undersøges",
                 "Fælles møde med boligforeningen")
        for _ in range(self._rng.randint(1, 3)):
            self.psp.add_action_item(psp, ActionItemInput(
                text=self._rng.choice(texts), owner_role=self._rng.choice(owners),
                due_on=day + timedelta(days=MEETING_INTERVAL_DAYS), meeting_id=meeting.id))
            self.summary.action_items += 1
        self.psp.add_note(psp, places[0].record.id, "Politiet oplever færre henvendelser efter kl. 23.",
                          meeting.id)

    def _disclose(self, places: list[_Place]) -> None:
        psp = self._actors["psp"]
        meetings = self.psp.meetings(psp)
        if meetings:
            resident = places[0].residents[0]
            self.clock.now = datetime.combine(meetings[0].held_on, time(9), COPENHAGEN).astimezone(UTC)
            self.psp.decide_disclosure(
                psp, resident.id, meetings[0].id,
                necessity_note="Gentagne trusler og narkogæld; kræver koordineret indsats mellem "
                               "politi, socialforvaltning og psykiatri.")


def _duty_closing_fields(kind: DutyKind, when: datetime, day: datetime,
                         rng: random.Random) -> dict[str, object]:
    """What a manager fills in to close a duty of ``kind`` (dates a day or three after)."""
    on = day.astimezone(COPENHAGEN).date().isoformat()
    if kind is DutyKind.FORCE_CASE:
        return {"registered_at": (when + timedelta(hours=2)).isoformat(), "leader_received_on": on,
                "sent_to_handlekommune_on": on, "sent_to_socialtilsyn_on": on, "sbst_form": "1",
                "sbst_reference": f"SBST-{rng.randint(10000, 99999)}"}
    if kind is DutyKind.WORK_INJURY:
        return {"easy_filed_on": on, "easy_reference": f"EASY-{rng.randint(100000, 999999)}",
                "amo_informed_on": on}
    if kind is DutyKind.POLICE_REPORT:
        journal_no = f"3700-{rng.randint(10000, 99999)}-00{rng.randint(100, 999)}"
        return {"report_filed_on": on, "journal_no": journal_no}
    if kind is DutyKind.POLICE_DECISION:  # the episode reported within 72 hours, receipt kept
        journal_no = f"3700-{rng.randint(10000, 99999)}-00{rng.randint(100, 999)}"
        return {"report_filed_on": when.astimezone(COPENHAGEN).date().isoformat(), "journal_no": journal_no,
                "receipt_kept": True}
    if kind is DutyKind.FORCE_COMBINED:
        return {"decision_expires_on": on, "estimated_count": 3, "sent_to_handlekommune_on": on,
                "sent_to_socialtilsyn_on": on, "sbst_reference": f"SBST-{rng.randint(10000, 99999)}"}
    if kind is DutyKind.DPSD_REMINDER:
        return {"dpsd_reported_on": on}
    return {"considered_on": on}
