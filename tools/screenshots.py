"""The README's screenshots, taken from the real app on a demo database.

Run under Xvfb (``make screenshots``): it builds a demo year in a temporary database, logs in as
a manager through the login window, and saves the overview, the incident list and a filled-in
New-incident form as PNGs in ``docs/screenshots/`` (ImageMagick reduces them to 256 colours when
it is installed, which keeps them small in the repository).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

OUT = REPO / "docs" / "screenshots"
SIZE = (1600, 960)  # a common office screen is 1920 x 1080; leave room for the task bar


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
    convert = shutil.which("convert")
    if convert:
        subprocess.run([convert, str(path), "-colors", "256", "-strip", f"PNG8:{path}"], check=True)


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    from safetylog.services.container import open_services
    from safetylog.services.demo import DemoGenerator
    from safetylog.services.demo_content import DEMO_PASSWORD
    from ui.app import build_app, has_display
    from ui.entry.form import IncidentForm

    if not has_display():
        print("screenshots: no display; run under Xvfb (make screenshots)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'demo.sqlite3'}"
        services = open_services(url)
        summary = DemoGenerator(services.session_factory, seed=2026).run()
        services.close()
        print(f"demo database: {summary.incidents} incidents")

        app, shell = build_app(url, language="da")
        shell.start()
        wait_for(app, lambda: shell.services is not None)
        shell.login.form.username.setText("mette")
        shell.login.form.password.setText(DEMO_PASSWORD)
        shell.login.form.submit_button.click()
        wait_for(app, lambda: shell.window is not None and shell.window.isVisible())
        window = shell.window
        assert window is not None
        window.idle.stop()
        window.resize(*SIZE)
        window.move(0, 0)
        settle(app, shell)
        if window.draft_offer is not None:
            window.draft_offer.reject()

        def shoot(name: str) -> None:
            settle(app, shell)
            screen = QGuiApplication.primaryScreen()
            path = OUT / f"{name}.png"
            screen.grabWindow(window.winId()).save(str(path), "PNG")
            shrink(path)
            print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KiB")

        for key in ("overview", "incidents"):
            if key in window.page_keys:
                window.show_page(key)
                settle(app, shell, 1.0)
                shoot(key)
        form = window.show_page("new_incident")
        if isinstance(form, IncidentForm):
            settle(app, shell)
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
            police = form.sections["police"]
            police.called.setChecked(True)  # type: ignore[attr-defined]
            form.common.narrative.setFocus()
            shoot("new_incident")
        window.close()
        settle(app, shell)
        shell.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
