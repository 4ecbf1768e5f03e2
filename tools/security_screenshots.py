"""Screenshots of the locked-by-default windows at 1024 x 768 (the smallest office screen we
support): the first run's recovery key, the audit page and the login refusing a locked-out user.

Run under Xvfb: ``xvfb-run -a -s "-screen 0 1024x768x24" .venv/bin/python tools/security_screenshots.py``.
It sets up a new encrypted database (the recovery key), then encrypts a plaintext demo year as an
upgrade does, logs in as the administrator and shows the audit page filtered by a resident, and
finally tries a login for a locked-out user. The PNGs go to ``docs/screenshots/`` and any other
window it opens is saved to ``OTHERS`` for a look.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

OUT = REPO / "docs" / "screenshots"
OTHERS = Path(os.environ.get("SAFETYLOG_SHOTS", tempfile.gettempdir())) / "safetylog-shots"


def main() -> int:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget
    from screenshots import settle, shrink, wait_for
    from sqlalchemy import update

    from safetylog.config import DatabaseLocation
    from safetylog.domain.timeutil import utcnow
    from safetylog.services.container import Services
    from safetylog.services.demo import DemoGenerator
    from safetylog.services.demo_content import DEMO_PASSWORD
    from safetylog.storage import migrate
    from safetylog.storage.engine import make_engine
    from safetylog.storage.models import User
    from ui.app import build_app, has_display

    if not has_display():
        print("screenshots: no display; run under Xvfb", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    OTHERS.mkdir(parents=True, exist_ok=True)

    def shoot(widget: QWidget, path: Path) -> None:
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        frame = widget.frameGeometry()
        if frame.width() > room.width() or frame.height() > room.height():
            print(f"WARNING: {path.name} is {frame.width()}x{frame.height()}, larger than the screen")
        widget.grab().save(str(path), "PNG")
        if path.parent == OUT:
            shrink(path)
        print(f"{path}: {widget.width()}x{widget.height()}")

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SAFETYLOG_DATA_DIR"] = str(Path(tmp) / "data")

        # 1. The first run on an empty data folder: the recovery key.
        app, shell = build_app(f"sqlite:///{Path(tmp) / 'new' / 'safetylog.sqlite3'}", language="da")
        shell.start()
        wait_for(app, lambda: shell.first_run is not None and shell.first_run.isVisible())
        dialog = shell.first_run
        assert dialog is not None
        for name, text in (("facility_code", "HAV"), ("facility_name", "Bostedet Havblik"),
                           ("municipality", "Aarhus Kommune"), ("police_district", "Østjyllands Politi"),
                           ("username", "anna"), ("display_name", "Anna Holm"),
                           ("password", DEMO_PASSWORD), ("password_again", DEMO_PASSWORD)):
            dialog.inputs[name].setText(text)
        shoot(dialog, OTHERS / "first_run.png")
        dialog.create_button.click()
        wait_for(app, lambda: shell.recovery is not None and shell.recovery.isVisible())
        assert shell.recovery is not None
        settle(app, shell)
        shoot(shell.recovery, OUT / "recovery_key.png")
        shell.recovery.confirm.setChecked(True)
        shell.recovery.continue_button.click()
        wait_for(app, lambda: shell.window is not None and shell.window.isVisible())
        shell.window.idle.stop()  # type: ignore[union-attr]
        shell.window.close()  # type: ignore[union-attr]
        settle(app, shell)
        shell.close()

        # 2. A demo year as an earlier version left it (plaintext), encrypted at the next start.
        url = f"sqlite:///{Path(tmp) / 'demo' / 'safetylog.sqlite3'}"
        (Path(tmp) / "demo").mkdir()
        engine = make_engine(url, plaintext=True)
        migrate.upgrade(engine)
        DemoGenerator(Services.build(engine, DatabaseLocation(url, "demo")).session_factory).run()
        engine.dispose()
        app, shell = build_app(url, language="da")
        shell.start()
        wait_for(app, lambda: shell.state == "locked", timeout=180)
        shell.login.form.username.setText("admin")
        shell.login.form.password.setText(DEMO_PASSWORD)
        shell.login.form.submit_button.click()
        wait_for(app, lambda: shell.recovery is not None or shell.window is not None, timeout=60)
        if shell.recovery is not None:
            shoot(shell.recovery, OTHERS / "recovery_key_after_upgrade.png")
            shell.recovery.confirm.setChecked(True)
            shell.recovery.continue_button.click()
        wait_for(app, lambda: shell.window is not None and shell.window.isVisible())
        window = shell.window
        assert window is not None and shell.ctx is not None
        window.idle.stop()
        window.move(0, 0)
        settle(app, shell)
        if window.draft_offer is not None:
            window.draft_offer.reject()
        for key in window.page_keys:
            window.show_page(key)
            settle(app, shell, 0.6)
            shoot(window, OTHERS / f"page_{key}.png")
        page = window.show_page("audit_log")
        from safetylog.domain.records import AuditQuery

        rows = shell.ctx.services.audit_log.list(shell.ctx.require_actor(), AuditQuery(limit=500)).entries
        resident = next(r for row in rows for r in row.residents)
        page.resident.setText(resident)  # type: ignore[union-attr]
        page.search_button.click()  # type: ignore[union-attr]
        settle(app, shell, 1.0)
        shoot(window, OUT / "audit_log.png")

        # 3. A locked-out user tries to log in.
        with shell.ctx.services.session_factory.begin() as session:
            session.execute(update(User).where(User.username == "jonas")
                            .values(locked_until=utcnow() + timedelta(minutes=27)))
        window.logout()
        settle(app, shell)
        shell.login.form.username.setText("jonas")
        shell.login.form.password.setText(DEMO_PASSWORD)
        shell.login.form.submit_button.click()
        settle(app, shell, 0.6)
        shoot(shell.login, OUT / "login_locked_out.png")
        window.close()
        settle(app, shell)
        shell.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
