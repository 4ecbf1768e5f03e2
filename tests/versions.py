"""The version a client would have read before an edit, for tests that call an editing method
directly (the UI and the command line read it from the record they show). Each returns 0 for a
record that is not there (or a key that no record could have), so hostile arguments reach the
service, which is what property tests want to see refused."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select

from safetylog.services.container import Services
from safetylog.storage.engine import is_row_id
from safetylog.storage.models import Facility, PspAgreement, PspMeeting, PspNote, Resident, User, Zone


def user_version(services: Services, username: object) -> int:
    if not isinstance(username, str) or "\x00" in username:
        return 0
    with services.session_factory() as session:
        found = session.scalar(select(User.version).where(User.username == username))
        return found if found is not None else 0


def setting_version(services: Services, key: object) -> int:
    return services.settings.versions().get(key, 0) if isinstance(key, str) else 0


Versioned = TypeVar("Versioned", PspMeeting, PspAgreement, PspNote, Resident, Facility, Zone)


def _version(services: Services, model: type[Versioned], row_id: object) -> int:
    if not is_row_id(row_id):
        return 0
    with services.session_factory() as session:
        row = session.get(model, row_id)
        return row.version if row is not None else 0


def meeting_version(services: Services, meeting_id: object) -> int:
    return _version(services, PspMeeting, meeting_id)


def agreement_version(services: Services, agreement_id: object) -> int:
    return _version(services, PspAgreement, agreement_id)


def resident_version(services: Services, resident_id: object) -> int:
    return _version(services, Resident, resident_id)


def note_version(services: Services, note_id: object) -> int:
    return _version(services, PspNote, note_id)


def facility_version(services: Services, facility_id: object) -> int:
    return _version(services, Facility, facility_id)


def zone_version(services: Services, zone_id: object) -> int:
    return _version(services, Zone, zone_id)
