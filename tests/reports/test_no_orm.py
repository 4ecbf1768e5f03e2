"""A report module loads no database code: the PDFs render plain data that the services read.

import-linter sees only the imports written in the modules; Python also runs every parent
package's ``__init__``, which is how ``import reports.monthly`` once loaded SQLAlchemy and every
model through ``safetylog/summaries/__init__.py``. So each module is imported in a fresh
interpreter and what it actually loaded is checked.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reports

REPO = Path(__file__).resolve().parents[2]
MODULES = ["reports", *sorted(f"reports.{info.name}" for info in pkgutil.iter_modules(reports.__path__))]
FORBIDDEN = ("sqlalchemy", "safetylog.storage", "safetylog.services", "PySide6")

PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
forbidden = tuple(sys.argv[2:])
print(json.dumps(sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden))))
"""


def loaded_forbidden(module: str) -> list[str]:
    """The forbidden modules that importing ``module`` in a fresh interpreter loads."""
    result = subprocess.run([sys.executable, "-c", PROBE, module, *FORBIDDEN], cwd=REPO,
                            capture_output=True, text=True, timeout=120, check=True)
    found: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


def test_every_report_module_is_checked() -> None:
    assert {"reports.monthly", "reports.psp_pack", "reports.common"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_importing_a_report_module_loads_no_database_code(module: str) -> None:
    found = loaded_forbidden(module)
    assert found == [], f"import {module} loads {', '.join(found[:5])}"
