"""``safetylog audit verify|list|export``: their arguments (``safetylog.cli.audit`` runs them)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from safetylog.cli.parsers import Handler, add_login_arguments
from safetylog.domain.enums import AuditAction


def audit_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    verify = actions.add_parser("verify", help="check the audit log's hash chain end to end")
    add_login_arguments(verify)
    verify.set_defaults(handler=Handler("audit", "run_verify"))

    listing = actions.add_parser("list", help="list audit entries, newest first")
    add_login_arguments(listing)
    _filters(listing)
    listing.add_argument("--limit", type=int, default=100, metavar="N", help="rows (1-1000; default 100)")
    listing.add_argument("--before", type=int, default=None, metavar="ID",
                         help="only entries older than this id (the next page)")
    listing.set_defaults(handler=Handler("audit", "run_list"))

    export = actions.add_parser("export", help="write the matching entries to a CSV or XLSX file")
    add_login_arguments(export)
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--format", choices=("csv", "xlsx"), default=None,
                        help="default: from the file name (.xlsx), else csv")
    _filters(export)
    export.set_defaults(handler=Handler("audit", "run_export"))


def _filters(parser: argparse.ArgumentParser) -> None:
    # The login is -u/--user, as in every command, so the user filter is --by.
    parser.add_argument("--by", "--username", dest="by", default="", metavar="NAME",
                        help="only what this user name did")
    parser.add_argument("--resident", default="", metavar="PSEUDONYM",
                        help="only entries naming this resident, e.g. H-107 (who has looked at them?)")
    parser.add_argument("--action", action="append", default=[], dest="actions",
                        choices=[a.value for a in AuditAction], help="only this action (repeatable)")
    parser.add_argument("--from", dest="date_from", type=date.fromisoformat, default=None,
                        metavar="YYYY-MM-DD", help="from this local day")
    parser.add_argument("--to", dest="date_to", type=date.fromisoformat, default=None,
                        metavar="YYYY-MM-DD", help="to this local day (inclusive)")
