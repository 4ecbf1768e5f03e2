"""Free space on the disk that holds the data, so that a full disk is seen coming.

A full disk stops every save and, because every read writes an audit row, every read as well.
The check is cheap (one ``statvfs``) and is run at start and before saves; below the shared
threshold (setting ``low_disk_space_mb``) the windows warn.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from safetylog.config import DatabaseLocation, data_dir
from safetylog.storage.engine import sqlite_path

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class DiskSpace:
    folder: Path
    free_bytes: int
    threshold_bytes: int

    @property
    def low(self) -> bool:
        return self.free_bytes < self.threshold_bytes

    @property
    def free_mb(self) -> int:
        return self.free_bytes // MB

    @property
    def threshold_mb(self) -> int:
        return self.threshold_bytes // MB


def data_folder(location: DatabaseLocation) -> Path:
    """The embedded database's folder; the local data folder for a shared (server) database."""
    path = sqlite_path(location.url)
    return path.parent if path is not None else data_dir()


def _existing(folder: Path) -> Path:
    """The folder itself or, before it is made, the nearest parent that exists (same disk)."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return candidate
    return folder


def check(folder: Path, threshold_mb: int) -> DiskSpace:
    """Free space where ``folder`` is (OSError when the disk cannot be asked at all)."""
    # shutil.disk_usage looked up at call time: tests replace it to play a nearly full disk.
    usage = shutil.disk_usage(_existing(folder))
    return DiskSpace(folder=folder, free_bytes=int(usage.free), threshold_bytes=threshold_mb * MB)
