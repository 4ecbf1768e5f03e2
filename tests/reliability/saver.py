"""One PC that keeps saving until told to stop: the child process of ``test_export_while_saving``.

``python -m tests.reliability.saver URL KEY_HEX USER PASSWORD STOP_FILE FACILITY ZONE RESIDENT``
(KEY_HEX "" on PostgreSQL). It logs in as USER through the services, like the app, then saves an
incident after another, and an addendum to it every third time, until STOP_FILE exists. It
prints how many incidents and addenda it saved. Any error ends it with a non-zero exit.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

from safetylog.config import DatabaseLocation
from safetylog.domain.enums import PersonRole
from safetylog.domain.records import IncidentInput, InvolvedResident, TypeChoice
from safetylog.domain.timeutil import COPENHAGEN
from safetylog.services.container import Services
from safetylog.storage.engine import make_engine


def main(argv: list[str]) -> int:
    url, key_hex, username, password, stop, facility, zone, resident = argv
    engine = make_engine(url, key=bytes.fromhex(key_hex) if key_hex else None)
    services = Services.build(engine, DatabaseLocation(url, "test"))
    actor = services.auth.login(username, password, workstation=f"pc-{os.getpid()}")
    incidents = addenda = 0
    try:
        while not Path(stop).exists():
            stored = services.incidents.submit(actor, IncidentInput(
                facility_id=int(facility),
                occurred_start=datetime.now(COPENHAGEN) - timedelta(hours=1),
                types=(TypeChoice("VIO-THR", "weapon"),),
                narrative=f"{username} gemmer hændelse {incidents + 1} mens der eksporteres.",
                zone_id=int(zone),
                residents=(InvolvedResident(int(resident), PersonRole.AGGRESSOR),),
            ))
            incidents += 1
            if incidents % 3 == 0:
                services.incidents.add_addendum(actor, stored.id, "Tilføjelse skrevet straks efter.")
                addenda += 1
    finally:
        services.close()
    print(incidents, addenda)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
