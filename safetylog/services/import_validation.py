"""Every imported record through the same checks the services apply when it is entered.

The rows are already in the import's transaction (so references resolve as the services see
them); a record the app would not have accepted refuses the whole file, naming its table, its
row in the file and the field. The checks are the services' own functions, not copies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from safetylog.domain.errors import ValidationError
from safetylog.domain.taxonomy import Taxonomy, taxonomy_for
from safetylog.domain.timeutil import to_local
from safetylog.domain.validation import Checker
from safetylog.services.admin import check_facility, check_user, check_zone
from safetylog.services.export_rows import ImportRefused
from safetylog.services.feedback import check_feedback
from safetylog.services.incident_mapping import input_from_row
from safetylog.services.incident_validation import validate_incident
from safetylog.services.incidents import check_addendum
from safetylog.services.psp import (
    check_action_item,
    check_agreement,
    check_disclosure,
    check_meeting,
    check_note,
)
from safetylog.services.residents import check_display_name, check_moved_out, check_resident
from safetylog.storage.models import (
    AddendumRow,
    Base,
    Disclosure,
    Facility,
    Incident,
    PspActionItem,
    PspAgreement,
    PspMeeting,
    PspNote,
    ReporterFeedbackRow,
    Resident,
    ResidentDisplayName,
    ResidentIdentityRow,
    User,
    Zone,
)

# Where each row stood in the file: table name -> primary key -> row number (from 1).
Positions = dict[str, dict[Any, int]]
M = TypeVar("M", bound=Base)


def validate_imported(session: Session, positions: Positions, taxonomy: Taxonomy,
                      now: datetime) -> None:
    """ImportRefused for the first record (in table order) the services would have refused."""
    today = to_local(now).date()
    identities = {i.resident_id: i for i in session.scalars(select(ResidentIdentityRow))}

    def resident(check: Checker, row: Resident) -> None:
        identity = identities.get(row.id)
        check_resident(check, row.pseudonym, identity.full_name if identity else "",
                       identity.birth_date if identity else None, row.moved_in, today=today)
        if row.moved_out is not None:
            check_moved_out(check, row.moved_out, row.moved_in)

    _each(session, positions, Facility, lambda c, r: check_facility(
        c, r.code, r.name, r.municipality, r.police_district))
    _each(session, positions, Zone, lambda c, r: check_zone(c, r.code, r.name, r.kind))
    _each(session, positions, User, lambda c, r: check_user(c, r.username, r.display_name))
    _each(session, positions, Resident, resident)
    _each(session, positions, ResidentDisplayName, lambda c, r: (
        c.text("display_name", r.display_name, required=True),  # the services store none empty
        check_display_name(c, r.display_name,
                           identities[r.resident_id].full_name if r.resident_id in identities else "")))
    _each(session, positions, PspMeeting, lambda c, r: check_meeting(
        c, r.held_on, r.district, r.participants, r.agenda, r.minutes))
    _each(session, positions, PspAgreement, lambda c, r: check_agreement(
        c, r.title, r.police_contact, r.scope, r.valid_from, r.valid_to, r.status))
    _each(session, positions, PspNote, lambda c, r: check_note(c, r.text))
    _each(session, positions, PspActionItem, lambda c, r: check_action_item(
        c, r.text, r.owner_role, r.due_on))
    _each(session, positions, Disclosure, lambda c, r: check_disclosure(
        c, r.necessity_note, r.legal_basis))
    _each(session, positions, AddendumRow, lambda c, r: check_addendum(c, r.kind, r.text))
    _each(session, positions, ReporterFeedbackRow, lambda c, r: check_feedback(c, r.kind))
    for row in _rows(session, Incident):
        try:
            # Judged by the taxonomy it was classified under: a type a later version retired
            # was valid when entered, and a restore must bring it back.
            own = taxonomy_for(row.taxonomy_version) or taxonomy
            validate_incident(session, input_from_row(row), own, now)
        except ValidationError as exc:
            _refuse(positions, Incident, row, exc)
        except (TypeError, ValueError):
            # A list field of the row or of a part of it (measures, drug activities, ...) holds
            # something other than its codes: the services never write such a thing.
            number = positions.get(Incident.__tablename__, {}).get(row.id, "?")
            raise ImportRefused(f"table incidents, row {number} (or a part of it): a list of codes "
                                "holds something else") from None


def _table(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _rows(session: Session, model: type[M]) -> Iterable[M]:
    return session.scalars(select(model).order_by(*_table(model).primary_key.columns))


def _each(session: Session, positions: Positions, model: type[M],
          fields: Callable[[Checker, M], object]) -> None:
    for row in _rows(session, model):
        check = Checker()
        fields(check, row)
        try:
            check.raise_if_any()
        except ValidationError as exc:
            _refuse(positions, model, row, exc)


def _refuse(positions: Positions, model: type[Base], row: Any, error: ValidationError) -> None:
    table = _table(model)
    key = tuple(getattr(row, c.key) for c in table.primary_key.columns)
    number = positions.get(table.name, {}).get(key[0] if len(key) == 1 else key, "?")
    field, problem = next(iter(error.problems.items()))
    raise ImportRefused(f"table {table.name}, row {number}, field {field}: {problem.text('en')}")
