"""``safetylog export FILE`` and ``safetylog import FILE``: the whole database in one file,
encrypted with a passphrase unless ``--plaintext`` is given."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from safetylog.cli.common import (
    close_filling,
    finish_filling,
    login,
    read_new_password,
    services_for,
    services_for_filling,
)
from safetylog.domain.errors import SafetyLogError
from safetylog.services import export_file

PASSPHRASE_VARIABLE = "SAFETYLOG_EXPORT_PASSPHRASE"


class PassphraseMissing(SafetyLogError):
    """No passphrase was given, or the two typed differ."""


def new_passphrase(what: str = "the export") -> str:
    """The passphrase of a new export or backup: from the environment, or typed twice."""
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if passphrase is None:
        try:
            passphrase = getpass.getpass(f"Passphrase for {what}: ")
            export_file.check_passphrase(passphrase)  # say so before asking again
            if getpass.getpass("Repeat the passphrase: ") != passphrase:
                raise PassphraseMissing("the two passphrases differ")
        except (EOFError, OSError):  # no terminal to ask on
            raise PassphraseMissing(f"no passphrase given (set {PASSPHRASE_VARIABLE})") from None
    export_file.check_passphrase(passphrase)
    return passphrase


def ask_passphrase(path: Path) -> str:
    """The passphrase of an encrypted export being read: from the environment, or typed once."""
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if passphrase is None:
        try:
            passphrase = getpass.getpass(f"Passphrase for {path.name}: ")
        except (EOFError, OSError):  # no terminal to ask on
            raise PassphraseMissing(f"{path} is encrypted and no passphrase was given "
                                    f"(set {PASSPHRASE_VARIABLE})") from None
    return passphrase


def run_export(args: argparse.Namespace) -> int:
    if args.plaintext and args.full_move:
        raise PassphraseMissing("a full move holds password hashes and must be encrypted; "
                                "leave out --plaintext")
    services = services_for(args)
    try:
        actor = login(services, args)
        passphrase = None if args.plaintext else new_passphrase()
        result = services.exchange.export_to(actor, args.file, passphrase=passphrase,
                                             full_move=args.full_move)
    finally:
        services.close()
    counts = result.counts
    print(f"Exported {counts.get('incidents', 0)} incidents ({sum(counts.values())} rows) to {args.file}, "
          f"{'encrypted' if result.encrypted else 'NOT encrypted'} (SHA-256 {result.sha256}).")
    if not result.encrypted:
        print(f"safetylog: warning: {args.file} is not encrypted: anyone who gets it can read every "
              "record. Delete it as soon as it has been used.", file=sys.stderr)
    if not result.full_move:
        print("Password hashes were left out: on the target, import with --admin NAME, then reset "
              "the other users' passwords (safetylog user reset NAME).")
    return 0


def run_import(args: argparse.Namespace) -> int:
    passphrase = ask_passphrase(args.file) if export_file.is_encrypted(args.file) else None
    admin = (args.admin, read_new_password(f"New password for {args.admin}: ")) if args.admin else None
    # Without a login the target is new: a new embedded database gets its key file after the
    # import, with a slot for every user who can log in (the --admin one among them).
    services = services_for(args) if args.user else services_for_filling(args)
    try:
        actor = login(services, args) if args.user else None
        result = services.exchange.import_from(args.file, actor, passphrase=passphrase, admin=admin,
                                               max_bytes=max(args.max_size, 1) * 1024 * 1024)
        finish_filling(services)
    finally:
        close_filling(services)
    counts = result.counts
    print(f"Imported {counts.get('incidents', 0)} incidents ({sum(counts.values())} rows) "
          f"into {services.location.display()}.")
    if result.new_admin:
        print(f"{result.new_admin} can now log in with the new password.")
    if result.must_reset:
        print(f"The export held no password hashes: {len(result.must_reset)} other users cannot log "
              f"in until an administrator resets their password (safetylog user reset NAME): "
              f"{', '.join(result.must_reset)}.")
    return 0
