"""Under pytest-xdist (``make test``), every test on the demo year runs on one worker.

The demo year takes half a minute to build. Spread over all workers, its tests would have every
worker but the builder wait for it; kept together, one worker builds it and runs them while the
others carry on with the rest. xdist's own ``--dist loadgroup`` would do this, but it cannot
regroup tests under pytest 9, so the grouping is done here: each worker writes down which of its
tests need the demo, and the scheduler (in the controlling process, which collects no tests
itself) sends those as one unit, first, and every other test on its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from xdist.scheduler import LoadScopeScheduling

DEMO_FIXTURE = "demo_template"
GROUP = "demo-year"


def _list_of_demo_tests(run: str) -> Path:
    return Path(tempfile.gettempdir()) / f"safetylog-demo-tests-{run}.txt"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    worker: dict[str, Any] | None = getattr(config, "workerinput", None)
    if worker is None:
        return
    names = [item.nodeid for item in items if DEMO_FIXTURE in getattr(item, "fixturenames", ())]
    path = _list_of_demo_tests(worker["testrunuid"])
    partial = path.with_name(f"{path.name}.{worker['workerid']}")
    partial.write_text("\n".join(names), encoding="utf-8")
    partial.replace(path)  # every worker collects the same tests: the last one written is as good


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> LoadScopeScheduling | None:
    if config.getoption("dist") != "load":
        return None  # another distribution was asked for by name: leave it be
    from xdist.scheduler import LoadScopeScheduling

    class DemoTogether(LoadScopeScheduling):
        """Tests are sent one by one, except the demo's, which go as one unit (the largest unit
        is sent first)."""

        demo_tests: frozenset[str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.demo_tests is None:  # first called once every worker has collected
                path = _list_of_demo_tests(self.nodes[0].workerinput["testrunuid"])
                self.demo_tests = frozenset(path.read_text(encoding="utf-8").splitlines())
                path.unlink()
            return GROUP if nodeid in self.demo_tests else nodeid

    return DemoTogether(config, log)
