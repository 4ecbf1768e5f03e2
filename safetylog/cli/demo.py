"""``safetylog demo``: fill an empty database with a realistic synthetic year."""

from __future__ import annotations

import argparse
import time

from safetylog.cli.common import close_filling, finish_filling, services_for_filling
from safetylog.services.demo import DemoGenerator
from safetylog.services.demo_content import DEMO_PASSWORD, STAFF


def run(args: argparse.Namespace) -> int:
    services = services_for_filling(args)
    started = time.monotonic()
    try:
        summary = DemoGenerator(services.session_factory, seed=args.seed, end=args.end).run()
        finish_filling(services)
    finally:
        close_filling(services)
    print(f"Demo data in {services.location.display()} ({time.monotonic() - started:.1f} s): "
          f"{summary.facilities} facilities, {summary.residents} residents, "
          f"{summary.incidents} incidents ({summary.reviewed} signed off), "
          f"{summary.meetings} PSP meetings, {summary.action_items} action items.")
    print("Demo users (password for all: " + DEMO_PASSWORD + "): "
          + ", ".join(f"{u} ({r.value})" for u, _, r, _ in STAFF))
    return 0
