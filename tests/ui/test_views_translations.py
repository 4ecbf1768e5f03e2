"""The views speak Danish: the catalogue is complete and current, and no page shows English."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from tests.conftest import World
from tests.ui.view_helpers import context, danish_translations, seed_incidents, settle, task_runner
from ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "views_da.ts"
PAGES = [
    ("ui.views.overview", "OverviewView", Role.MANAGER),
    ("ui.views.incident_list", "IncidentListView", Role.MANAGER),
    ("ui.views.drug_trade", "DrugTradeView", Role.MANAGER),
    ("ui.views.psp", "PspView", Role.PSP_COORDINATOR),
    ("ui.views.residents", "ResidentsView", Role.MANAGER),
    ("ui.views.admin", "AdminView", Role.ADMIN),
]


def _messages(path: Path) -> list[tuple[str, str, str | None, bool]]:
    """(context, source, translation, unfinished) for every message in a .ts file."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            assert translation is not None
            out.append((name, msg.findtext("source") or "", translation.text,
                        translation.get("type") in ("unfinished", "obsolete", "vanished")))
    return out


def _my_sources() -> list[Path]:
    files = (sorted((ROOT / "ui" / "views").glob("*.py")) + sorted((ROOT / "ui" / "models").glob("*.py"))
             + [ROOT / "ui" / "error_text.py", ROOT / "ui" / "incident_labels.py"])
    return [f for f in files if f.name != "report_dialog.py"]  # the reports' own catalogue


def test_every_message_is_translated_with_its_placeholders_and_mnemonic() -> None:
    messages = _messages(CATALOGUE)
    assert len(messages) > 400
    for context_name, source, danish, unfinished in messages:
        assert danish and not unfinished, (context_name, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", danish)), source
        assert source.count("&") == danish.count("&"), (source, danish)


def test_the_catalogue_holds_exactly_the_texts_in_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, _my_sources()), "-ts", str(fresh)], check=True,
                   capture_output=True, cwd=ROOT)
    in_code = {(c, s) for c, s, _t, _u in _messages(fresh)}
    catalogued = {(c, s) for c, s, _t, unfinished in _messages(CATALOGUE) if not unfinished}
    assert in_code - catalogued == set(), "run pyside6-lupdate and translate the new texts"
    assert catalogued - in_code == set(), "texts no longer in the code: run lupdate -no-obsolete"


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


@pytest.fixture
def danish(qtbot: QtBot) -> Iterator[None]:
    yield from danish_translations()


@pytest.fixture
def english_sources() -> set[str]:
    """English texts whose Danish is different: seeing one on screen means it was not translated.

    A text that is also Danish somewhere ("Set" is English for sæt and Danish for seen) says
    nothing, so it is left out.
    """
    messages = _messages(CATALOGUE)
    danish_words = {(danish or "").replace("&", "") for _c, _s, danish, _u in messages}
    return {source.replace("&", "") for _c, source, danish, _u in messages
            if danish and danish.replace("&", "") != source.replace("&", "")} - danish_words


def _visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)) and not widget.property("i18n_data"):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
        if widget.accessibleName():
            texts.append(widget.accessibleName())
    return [t.replace("&", "") for t in texts if t]


@pytest.mark.parametrize(("module", "name", "role"), PAGES)
def test_no_page_shows_english_when_danish_is_chosen(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, danish: None, english_sources: set[str],
        module: str, name: str, role: Role) -> None:
    import importlib

    seed_incidents(sqlite_world)
    view = getattr(importlib.import_module(module), name)(context(sqlite_world, role), tasks)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot, tasks)
    shown = _visible_texts(view)
    assert len(shown) > 10
    english = sorted({t for t in shown if t in english_sources})
    assert english == []


def test_the_incident_view_speaks_danish(qtbot: QtBot, sqlite_world: World, tasks: TaskRunner,
                                         danish: None, english_sources: set[str]) -> None:
    from ui.views.incident_view import IncidentView

    detail = seed_incidents(sqlite_world)[0]
    view = IncidentView(context(sqlite_world, Role.MANAGER), tasks, incident_id=detail.id)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, tasks)
    assert view.tabs.tabText(0).replace("&", "") == "Hændelse"
    assert sorted({t for t in _visible_texts(view) if t in english_sources}) == []
