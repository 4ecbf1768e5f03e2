"""Restoring a backup of the embedded database, into a place where there is no database yet.

Only into an empty place: a restore that overwrote a database would lose everything written
since the backup, silently. The backup is copied under dot-names beside the target, and the
copy (never the backup itself: unlocking writes to a key file) is unlocked with an
administrator's password, opened, integrity-checked and its audit chain checked. Only then does
it get the target's name. After the rename it is opened again the ordinary way (login,
migration to the current schema, audit chain) and the restore is written to its audit log.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from safetylog.domain.enums import AuditAction, Role
from safetylog.domain.errors import DatabaseDamaged, PermissionDenied, SafetyLogError
from safetylog.domain.records import Actor, ChainReport
from safetylog.domain.timeutil import utcnow
from safetylog.services import audit
from safetylog.services.container import Services, unlock_and_open
from safetylog.storage import backup_copy, keyslots
from safetylog.storage.embedded import SQLITE_HEADER, open_encrypted
from safetylog.storage.files import fsync_dir, make_private, private_dir
from safetylog.storage.keyslots import key_file_for
from safetylog.storage.models import User


class RestoreRefused(SafetyLogError):
    """The restore did not start or was undone; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Restored:
    services: Services
    actor: Actor
    before: ChainReport  # the backup's chain, checked before the rename
    after: ChainReport  # the restored database's chain, checked through the ordinary login


def check_target_empty(target: Path) -> None:
    if target.exists() and target.stat().st_size > 0:
        raise RestoreRefused(f"{target} already holds a database; restore only into an empty place "
                             "(move the old file and its .keys file aside first). Nothing was changed.")
    if key_file_for(target).exists():
        raise RestoreRefused(f"{key_file_for(target)} is there without its database; move it aside "
                             "first. Nothing was changed.")


def restore_embedded(backup: Path, target: Path, username: str, password: str, *,
                     clock: Callable[[], datetime] = utcnow) -> Restored:
    """Put ``backup`` (and its key file) at ``target``, checked before and after."""
    check_target_empty(target)
    _check_backup_files(backup)
    private_dir(target.parent)
    part = backup_copy.temporary_name(target)
    backup_copy.discard(part)
    try:
        shutil.copyfile(backup, part)
        shutil.copyfile(key_file_for(backup), key_file_for(part))
        for path in (part, key_file_for(part)):
            make_private(path)
        before = _check_copy(part, username, password, clock())
        if target.exists():  # an empty file (0 bytes) a failed start left: nothing to lose
            target.unlink()
        os.replace(key_file_for(part), key_file_for(target))
        os.replace(part, target)
        fsync_dir(target.parent)
    except BaseException:
        backup_copy.discard(part)
        raise
    services, actor = unlock_and_open(f"sqlite:///{target}", username, password, "restore", clock=clock)
    try:
        after = services.audit_log.verify(actor)
        if not after.ok:
            raise DatabaseDamaged(f"The restored database's audit chain is broken at row "
                                  f"{after.first_broken_id} ({after.reason}).")
        with services.session_factory.begin() as session:
            audit.record(session, actor, AuditAction.IMPORT, "database", "", restored_from=backup.name,
                         audit_rows_checked=before.rows_checked)
    except BaseException:
        services.close()
        raise
    return Restored(services, actor, before, after)


def _check_backup_files(backup: Path) -> None:
    if not backup.is_file():
        raise RestoreRefused(f"There is no backup at {backup}.")
    if not key_file_for(backup).is_file():
        raise RestoreRefused(f"The backup's key file {key_file_for(backup)} is missing; it must lie "
                             "beside the backup.")
    with backup.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER:
            raise RestoreRefused(f"{backup} is not encrypted, so it is not a SafetyLog backup.")


def _check_copy(part: Path, username: str, password: str, now: datetime) -> ChainReport:
    """Unlock the copy's key file, open it (integrity check), check the user and the audit chain."""
    unlocked = keyslots.unlock(key_file_for(part), username, password, now)
    engine, _index = open_encrypted(part, (unlocked.master_key, *unlocked.older_keys))
    try:
        with Session(engine) as session:
            user = session.scalar(select(User).where(User.username == username.strip()))
        if user is None or not user.active or user.role != Role.ADMIN.value:
            raise PermissionDenied(f"{username} is not an active administrator in the backup.")
    finally:
        engine.dispose()
        backup_copy.remove_companions(part)
    return backup_copy.verify_copy(part, (unlocked.master_key, *unlocked.older_keys))
