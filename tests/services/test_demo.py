"""The demo year looks like a living facility: every type, night-heavy, dealing at hotspots, PSP."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from safetylog.classification.soas_columns import BUILTIN_COLUMNS
from safetylog.domain.enums import Role
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.services.container import Services
from safetylog.services.demo_content import DEMO_PASSWORD
from safetylog.storage.models import (
    Disclosure,
    Incident,
    IncidentTypeRow,
    PspActionItemCarry,
    PspMeeting,
    ViolenceRow,
    Zone,
)


def test_every_taxonomy_code_occurs(demo_services: Services) -> None:
    with demo_services.session_factory() as session:
        codes = set(session.scalars(select(IncidentTypeRow.code).distinct()))
    assert codes == set(current_taxonomy().codes)


def test_incidents_are_night_heavy_and_dealing_clusters_at_hotspots(demo_services: Services) -> None:
    with demo_services.session_factory() as session:
        hours = Counter(session.scalars(select(Incident.hour)))
        deals = session.execute(
            select(Incident.facility_id, Zone.code).join(Zone, Zone.id == Incident.zone_id)
            .where(Incident.primary_type == "DRG-DEAL")).all()
    evening_night = sum(n for h, n in hours.items() if h >= 18 or h < 6)
    assert evening_night > 0.6 * sum(hours.values())
    for facility_id in {f for f, _ in deals}:
        zones = Counter(code for f, code in deals if f == facility_id)
        top_two = sum(n for _, n in zones.most_common(2))
        assert top_two >= 0.6 * sum(zones.values())


def test_aggression_columns_use_known_option_codes(demo_services: Services) -> None:
    known = {c.key: {o.code for o in c.options} for c in BUILTIN_COLUMNS}
    with demo_services.session_factory() as session:
        rows = list(session.scalars(select(ViolenceRow)))
    assert rows
    for row in rows:
        for key, codes in known.items():
            assert set(getattr(row, key)) <= codes, (key, getattr(row, key))


def test_psp_meetings_carry_open_action_items_and_a_disclosure_exists(demo_services: Services) -> None:
    with demo_services.session_factory() as session:
        meetings = session.scalar(select(func.count()).select_from(PspMeeting))
        carried = session.scalar(select(func.count()).select_from(PspActionItemCarry))
        disclosures = session.scalar(select(func.count()).select_from(Disclosure))
    assert meetings and meetings >= 8
    assert carried and carried > 0
    assert disclosures == 1
    psp = demo_services.auth.login("psp", DEMO_PASSWORD)
    assert psp.role is Role.PSP_COORDINATOR
    assert any(item.meetings_seen for item in demo_services.psp.action_items(psp))
