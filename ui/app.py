"""Composition root: engine -> services -> windows. ``build_app`` returns without entering the
event loop so tests can drive the same app."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from safetylog.services.container import Services, open_services


def has_display() -> bool:
    if sys.platform != "linux":
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


class MainWindow(QMainWindow):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self.setWindowTitle("SafetyLog")
        label = QLabel(self.tr("Database: %1").replace("%1", services.location.display()))
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(640, 200)


def build_app(services: Services) -> tuple[QApplication, MainWindow]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = MainWindow(services)
    return app, window


def main(database_url: str | None = None) -> int:
    if not has_display():
        print("safetylog: no display found; start SafetyLog from a desktop session "
              "(or use the command line: safetylog --help).", file=sys.stderr)
        return 1
    services = open_services(database_url)
    app, window = build_app(services)
    window.show()
    try:
        return app.exec()
    finally:
        services.close()
