"""``safetylog init``: the first facility and administrator."""

from __future__ import annotations

import argparse
from typing import Any

from safetylog.cli.common import read_new_password, services_for


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("init", help="set up the first facility and administrator")
    parser.add_argument("--facility-code", required=True, help="short code, e.g. HAV")
    parser.add_argument("--facility-name", required=True)
    parser.add_argument("--municipality", default="")
    parser.add_argument("--police-district", default="")
    parser.add_argument("--admin", required=True, help="the administrator's user name")
    parser.add_argument("--admin-name", required=True, help="the administrator's full name")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        services.admin.initialize(
            facility_code=args.facility_code, facility_name=args.facility_name,
            municipality=args.municipality, police_district=args.police_district,
            admin_username=args.admin, admin_display_name=args.admin_name,
            admin_password=read_new_password(f"Password for {args.admin}: "),
        )
    finally:
        services.close()
    print(f"Set up {args.facility_name} with administrator {args.admin} "
          f"in {services.location.display()}.")
    return 0
