"""Staff see incident types by name: the taxonomy's internal codes ("POL-CALL") appear nowhere
in the list's filters or in an incident's record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from safetylog.domain.enums import Role
from safetylog.domain.taxonomy import current_taxonomy
from tests.conftest import World
from tests.ui.view_helpers import seed_incidents, settle, task_runner
from ui.context import UiContext
from ui.tasks import TaskRunner
from ui.views.incident_list import IncidentListView
from ui.views.incident_view import IncidentView

CODES = [t.code for t in current_taxonomy().types]


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskRunner]:
    yield from task_runner()


def visible_texts(root: QWidget) -> list[str]:
    """Every text the user can read in ``root``, every choice of its drop-down lists included."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
    return texts


def with_codes(texts: list[str]) -> list[str]:
    return [text for text in texts if any(code in text for code in CODES)]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_type_filter_and_the_record_name_types_without_their_codes(
        qtbot: QtBot, sqlite_world: World, tasks: TaskRunner, language: str) -> None:
    details = seed_incidents(sqlite_world)
    ctx = UiContext(sqlite_world.services, actor=sqlite_world.actor(Role.MANAGER), language=language)
    listing = IncidentListView(ctx, tasks)
    qtbot.addWidget(listing)
    listing.show()
    settle(qtbot, tasks)
    choices = visible_texts(listing.filters)
    assert ("Politi tilkaldt" if language == "da" else "Police call-out") in choices
    assert with_codes(choices) == []

    for detail in details:
        view = IncidentView(ctx, tasks, incident_id=detail.id)
        qtbot.addWidget(view)
        view.show()
        settle(qtbot, tasks)
        shown = visible_texts(view.record)
        assert view.record.values["types"].text()  # the types are shown, by name
        assert with_codes(shown) == [], detail.types
        view.close()
