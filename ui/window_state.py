"""What this PC remembers about the windows: size and place, the navigation, table columns.

Kept per PC (in the data folder, beside ``settings.toml``), not in the database: the same user
has a different screen at the office and at the night desk. Nothing personal is stored here.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FILE_NAME = "window.ini"
# Room a window manager adds around a window (title bar, borders), before the window is shown
# and its real frame is known.
FRAME_ALLOWANCE = (16, 40)


def store() -> QSettings:
    from safetylog.config import data_dir

    return QSettings(str(data_dir() / FILE_NAME), QSettings.Format.IniFormat)


def read_bytes(key: str) -> QByteArray | None:
    value = store().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def write_bytes(key: str, value: QByteArray) -> None:
    settings = store()
    settings.setValue(key, value)
    settings.sync()


def read_flag(key: str, default: bool) -> bool:
    value = store().value(key, default)
    return value in (True, "true", "1", 1) if not isinstance(value, bool) else value


def write_flag(key: str, value: bool) -> None:
    settings = store()
    settings.setValue(key, value)
    settings.sync()


def available_area(widget: QWidget) -> QRect:
    """The screen the widget is on, less the task bar and docks."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fit_inside(widget: QWidget) -> None:
    """Move and shrink a top-level window so that all of it, frame included, is on its screen."""
    room = available_area(widget)
    frame = widget.frameGeometry()
    extra_w = frame.width() - widget.width() if widget.isVisible() else FRAME_ALLOWANCE[0]
    extra_h = frame.height() - widget.height() if widget.isVisible() else FRAME_ALLOWANCE[1]
    width = min(widget.width(), room.width() - extra_w)
    height = min(widget.height(), room.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(width, height)
    x = min(max(frame.x(), room.x()), room.right() + 1 - width - extra_w)
    y = min(max(frame.y(), room.y()), room.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)
