"""Screenshots of every page, taken from the real app on a demo database, at the screen's size.

Run under Xvfb with the screen size to show (``make screenshots`` does 1024 x 768 and 1366 x 768):

    xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python tools/screenshots.py

It builds a demo year in a temporary database (or copies ``--database FILE``, a demo database made
by ``safetylog demo``, with its key file), logs in through the login window as a manager and as the
administrator, and saves every page they have (and the tabs of the tabbed pages, the New-incident
form filled in and an incident's own window) as PNGs in ``docs/screenshots/<width>x<height>/``.
The window has the size a maximised window has on that screen under a 40-pixel task bar and a
28-pixel title bar (Xvfb has no window manager to do it). ``--english DIR`` also saves the pages in
English to DIR, to look at. The overview, the incident list and the form are copied to
``docs/screenshots/`` for the README when the screen is 1366 wide. The PNGs are reduced to 256 colours,
which keeps them small in the repository.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "docs" / "screenshots"
TASK_BAR, TITLE_BAR = 40, 28
README_WIDTH = 1366  # the README shows the common laptop screen
README_SHOTS = ("overview", "incidents", "new_incident")


def wait_for(app: object, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def settle(app: object, shell: object, seconds: float = 0.4) -> None:
    wait_for(app, lambda: shell.tasks.pending == 0)  # type: ignore[attr-defined]
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # let posted events, timers and paint happen
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def shrink(path: Path) -> None:
    """At most 256 colours, compressed hard: a page is mostly flat colour, and the PNGs live in
    the repository."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    QImage(str(path)).convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path), "PNG", 0)


def demo_database(folder: Path, given: Path | None) -> str:
    """A demo year in ``folder``: a copy of ``given``, or a new one."""
    target = folder / "demo.sqlite3"
    if given is not None:
        shutil.copy(given, target)
        shutil.copy(given.with_name(given.name + ".keys"), target.with_name(target.name + ".keys"))
        return f"sqlite:///{target}"
    from safetylog.services.container import open_unattended, seal_unattended
    from safetylog.services.demo import DemoGenerator

    url = f"sqlite:///{target}"
    services = open_unattended(url)
    summary = DemoGenerator(services.session_factory, seed=2026).run()
    seal_unattended(services)
    services.close()
    print(f"demo database: {summary.incidents} incidents")
    return url


class Camera:
    """Saves the main window (and other windows) as PNGs, and says when one is off the screen."""

    def __init__(self, app: Any, shell: Any, folder: Path) -> None:
        self.app, self.shell, self.folder = app, shell, folder
        self.problems: list[str] = []

    def shoot(self, widget: Any, name: str, folder: Path | None = None) -> None:
        from PySide6.QtGui import QGuiApplication

        settle(self.app, self.shell)
        room = QGuiApplication.primaryScreen().availableGeometry()
        frame = widget.frameGeometry()
        if frame.width() > room.width() or frame.height() > room.height():
            self.problems.append(f"{name}: {frame.width()}x{frame.height()} is larger than the screen")
        path = (folder or self.folder) / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        shrink(path)
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: "
              f"{widget.width()}x{widget.height()}, {path.stat().st_size // 1024} KiB")


def log_in(app: Any, shell: Any, user: str, size: tuple[int, int]) -> Any:
    from safetylog.services.demo_content import DEMO_PASSWORD

    wait_for(app, lambda: shell.login.isVisible() and shell.state in ("locked", "open"), 120)
    shell.login.form.username.setText(user)
    shell.login.form.password.setText(DEMO_PASSWORD)
    shell.login.form.submit_button.click()
    wait_for(app, lambda: shell.window is not None and shell.window.isVisible())
    window = shell.window
    window.idle.stop()
    window.showNormal()
    window.resize(*size)
    window.move(0, 0)
    settle(app, shell)
    if window.draft_offer is not None:
        window.draft_offer.reject()
    return window


def shoot_pages(camera: Camera, window: Any, english: Path | None) -> None:
    """Every page of the logged-in user, and each tab of a tabbed page."""
    from PySide6.QtWidgets import QTabWidget

    for key in window.page_keys:
        if key == "new_incident":
            continue  # shown filled in, below
        page = window.show_page(key)
        settle(camera.app, camera.shell, 1.0)
        camera.shoot(window, key)
        tabs = page.findChild(QTabWidget)
        if tabs is not None:
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                settle(camera.app, camera.shell, 0.6)
                camera.shoot(window, f"{key}_tab{index + 1}")
            tabs.setCurrentIndex(0)
    if english is not None:
        window.set_language("en")
        for key in window.page_keys:
            window.show_page(key)
            settle(camera.app, camera.shell, 0.6)
            camera.shoot(window, f"{key}_en", english)
        window.set_language("da")


def shoot_form(camera: Camera, window: Any) -> None:
    from ui.entry.form import IncidentForm

    form = window.show_page("new_incident")
    if not isinstance(form, IncidentForm):
        return
    settle(camera.app, camera.shell)
    form.types.set_choices([{"code": "VIO-THR", "subtype": "weapon"},
                            {"code": "POL-CALL", "subtype": "staff"}])
    form.types.filter.setText("trus")
    row = form.common.residents.add_row()
    row.resident.setCurrentIndex(0)
    row.role.setCurrentIndex(row.role.findData("aggressor"))
    who = row.resident.currentText()
    form.common.narrative.setPlainText(
        f"{who} truede en medbeboer med en knust flaske i fællesstuen. Personalet skilte "
        f"dem ad og førte {who} roligt til sin bolig. Politiet blev tilkaldt.")
    form.sections["police"].called.setChecked(True)
    form.common.narrative.setFocus()
    camera.shoot(window, "new_incident")


def shoot_incident_window(camera: Camera, window: Any) -> None:
    """The newest incident in its own window, as a double click in the list opens it."""
    from ui.models.keyset import ID_ROLE
    from ui.views.incident_view import open_incident

    page = window.show_page("incidents")
    settle(camera.app, camera.shell, 1.0)
    incident_id = page.model.index(0, 0).data(ID_ROLE)
    opened = open_incident(window.ctx, window.tasks, int(incident_id), window)
    settle(camera.app, camera.shell, 1.0)
    camera.shoot(opened, "incident_window")
    opened.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--database", type=Path, help="copy this demo database instead of making one")
    parser.add_argument("--english", type=Path, help="also save the pages in English here")
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from ui.app import build_app, has_display

    if not has_display():
        print("screenshots: no display; run under Xvfb (make screenshots)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SAFETYLOG_DATA_DIR"] = str(Path(tmp) / "data")  # no remembered window size
        url = demo_database(Path(tmp), args.database)
        app, shell = build_app(url, language="da")
        screen = QGuiApplication.primaryScreen().geometry()
        size = (screen.width(), screen.height() - TASK_BAR - TITLE_BAR)
        folder = OUT / f"{screen.width()}x{screen.height()}"
        folder.mkdir(parents=True, exist_ok=True)
        if args.english is not None:
            args.english.mkdir(parents=True, exist_ok=True)
        camera = Camera(app, shell, folder)
        shell.start()
        for user in ("mette", "admin"):
            window = log_in(app, shell, user, size)
            shoot_pages(camera, window, args.english)
            if "new_incident" in window.page_keys:
                shoot_form(camera, window)
                shoot_incident_window(camera, window)
            window.logout()
            settle(app, shell)
        shell.close()
    if screen.width() == README_WIDTH:
        for name in README_SHOTS:
            shutil.copy(folder / f"{name}.png", OUT / f"{name}.png")
    for problem in camera.problems:
        print(f"WARNING: {problem}", file=sys.stderr)
    return 1 if camera.problems else 0


if __name__ == "__main__":
    sys.exit(main())
