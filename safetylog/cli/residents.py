"""``safetylog resident``: add residents and list them (a manager, or the administrator on a
fresh database), as the residents page does."""

from __future__ import annotations

import argparse
import sys

from safetylog.cli.common import login, services_for


def run_add(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        codes = {f.code: f.id for f in services.admin.list_facilities(actor)}
        if args.facility not in codes:
            print(f"safetylog: unknown facility code {args.facility}", file=sys.stderr)
            return 1
        resident = services.residents.add(
            actor, codes[args.facility], args.pseudonym, full_name=args.full_name,
            birth_date=args.birth_date, moved_in=args.moved_in, display_name=args.display_name)
        named = " with a display name" if args.display_name.strip() else ""
        print(f"Added {resident.pseudonym} at {args.facility}{named}.")
        return 0
    finally:
        services.close()


def run_list(args: argparse.Namespace) -> int:
    services = services_for(args)
    try:
        actor = login(services, args)
        facilities = {f.id: f.code for f in services.admin.list_facilities(actor)}
        chosen = None
        if args.facility is not None:
            chosen = next((i for i, code in facilities.items() if code == args.facility), None)
            if chosen is None:
                print(f"safetylog: unknown facility code {args.facility}", file=sys.stderr)
                return 1
        for r in services.residents.list(actor, chosen, include_inactive=args.all,
                                         with_display_names=True):
            state = "" if r.active else f"  moved out {r.moved_out}"
            print(f"{r.pseudonym:<12} {facilities.get(r.facility_id, '?'):<10} {r.display_name}{state}")
        return 0
    finally:
        services.close()
