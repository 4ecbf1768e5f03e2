"""The data-protection officer's audit page, and the red banner when the audit chain is broken."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from safetylog.domain.enums import Role
from safetylog.domain.records import TypeChoice
from safetylog.storage.models import AuditRow
from tests.conftest import World
from tests.ui.app_driver import log_in, running_app, settle
from tests.ui.view_helpers import incident
from ui.models.audit_table import Column
from ui.views import audit_log
from ui.views.audit_log import AuditLogView


def test_the_dpo_finds_who_read_a_resident_and_exports_it(
    qtbot: QtBot, sqlite_world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = sqlite_world.services
    about_b101 = services.incidents.submit(sqlite_world.actor(Role.STAFF), incident(
        sqlite_world, (TypeChoice("VIO-VRB"),), "B-101 råbte i fællesstuen.", 3))
    services.incidents.get(sqlite_world.actor(Role.MANAGER), about_b101.id)

    with running_app(qtbot, services, pages=None) as shell:
        window = log_in(qtbot, shell, "dpo")
        assert window.page_keys == ["audit_log"]  # the DPO sees the audit log and nothing else
        assert window.nav.item(0).text().startswith("Adgangslog")
        page = window.page("audit_log")
        assert isinstance(page, AuditLogView)
        settle(qtbot, shell)
        assert page.chain_label.text().startswith("Kæden er hel")

        page.resident.setText("B-101")
        page.search_button.click()
        settle(qtbot, shell)
        rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
        assert rows and all("B-101" in row.residents for row in rows)
        reads = [r for r, row in enumerate(rows) if row.username == "manager" and row.action == "read"]
        assert reads, [(row.username, row.action) for row in rows]
        assert page.model.index(reads[0], Column.ACTION).data() == "Læst"
        assert page.model.index(reads[0], Column.WHAT).data() == f"Hændelse {about_b101.id}"
        assert page.model.headerData(Column.RESIDENTS, Qt.Orientation.Horizontal) == "Beboere"

        target = tmp_path / "ud" / "adgangslog.csv"
        target.parent.mkdir()
        monkeypatch.setattr(audit_log, "choose_file",
                            lambda _parent, fmt: str(target) if fmt == "csv" else "")
        page.csv_button.click()
        settle(qtbot, shell)
        assert page.message.text().startswith("Eksporteret til ")
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        text = target.read_bytes().decode("utf-8-sig")
        lines = list(csv.reader(io.StringIO(text), delimiter=";"))  # Danish Excel's separator
        assert any("manager" in line and any("B-101" in cell for cell in line) for line in lines), lines[:3]


def test_a_broken_chain_shows_the_red_banner_to_an_administrator_and_not_to_staff(
    qtbot: QtBot, sqlite_world: World
) -> None:
    with sqlite_world.services.session_factory.begin() as session:
        session.execute(update(AuditRow).where(AuditRow.id == 3).values(username="nogen-andre"))
    with running_app(qtbot, sqlite_world.services) as shell:
        window = log_in(qtbot, shell, "admin")
        qtbot.waitUntil(window.banner.isVisible, timeout=5_000)
        text = window.banner.text()
        assert text.startswith("Adgangsloggen er blevet ændret: række 3 er den første"), text
        assert window.banner.geometry().top() < window.screens.geometry().top()  # above the pages

        window.logout_action.trigger()
        settle(qtbot, shell)
        window = log_in(qtbot, shell, "staff")
        settle(qtbot, shell)
        assert not window.banner.isVisible()
