"""Wheel build hook: compile the Qt translations (.ts -> .qm) so the installed app has them.

The .qm files are build output and not committed. They are written beside their .ts sources in
``resources/i18n/``, which the wheel force-includes as ``safetylog/_resources``; in a source tree
``ui.i18n.ensure_compiled`` does the same on first use.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def lrelease_command() -> list[str]:
    """Qt's lrelease as shipped in PySide6-Essentials (a build requirement)."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    binary = Path(PySide6.__file__).parent / name
    if not binary.is_file():
        raise RuntimeError(f"lrelease not found beside PySide6 ({binary})")
    return [str(binary)]


def compile_translations(folder: Path) -> list[Path]:
    built = []
    for ts_file in sorted(folder.glob("*.ts")):
        qm_file = ts_file.with_suffix(".qm")
        result = subprocess.run([*lrelease_command(), "-silent", str(ts_file), "-qm", str(qm_file)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm_file.is_file():
            raise RuntimeError(f"lrelease failed for {ts_file.name}: {result.stderr or result.stdout}")
        built.append(qm_file)
    return built


class TranslationsBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        built = compile_translations(Path(self.root) / "resources" / "i18n")
        self.app.display_info(f"compiled {len(built)} translation file(s)")
