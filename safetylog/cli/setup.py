"""``safetylog init``: the first facility and administrator, and the recovery key."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from safetylog.cli.common import RECOVERY_KEY_ADVICE, database_url, print_recovery_key, read_new_password
from safetylog.services.container import create_new


def run(args: argparse.Namespace) -> int:
    created = create_new(
        database_url(args), facility_code=args.facility_code, facility_name=args.facility_name,
        municipality=args.municipality, police_district=args.police_district,
        admin_username=args.admin, admin_display_name=args.admin_name,
        admin_password=read_new_password(f"Password for {args.admin}: "),
    )
    created.services.close()
    print(f"Set up {args.facility_name} with administrator {args.admin} "
          f"in {created.services.location.display()}.")
    if created.recovery_key:
        print_recovery_key(created.recovery_key)
        if args.recovery_key_file:
            write_recovery_key_file(args.recovery_key_file, created.recovery_key)
            print(f"The recovery key is also in {args.recovery_key_file}: print it, then delete the file.")
    return 0


def write_recovery_key_file(path: Path, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"SafetyLog recovery key\n\n    {text}\n\n{RECOVERY_KEY_ADVICE}\n")
    path.chmod(0o600)
