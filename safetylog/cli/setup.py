"""``safetylog init``: the first facility and administrator, and the recovery key."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from safetylog.cli.common import RECOVERY_KEY_ADVICE, database_url, print_recovery_key, read_new_password
from safetylog.services.container import create_new


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("init", help="set up the first facility and administrator")
    parser.add_argument("--facility-code", required=True, help="short code, e.g. HAV")
    parser.add_argument("--facility-name", required=True)
    parser.add_argument("--municipality", default="")
    parser.add_argument("--police-district", default="")
    parser.add_argument("--admin", required=True, help="the administrator's user name")
    parser.add_argument("--admin-name", required=True, help="the administrator's full name")
    parser.add_argument("--recovery-key-file", type=Path, metavar="FILE",
                        help="also write the recovery key to FILE (readable only by you) for printing")
    parser.set_defaults(handler=run)


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
