"""Translations: compile the .ts sources, install the translators, switch language at runtime.

Danish is the default. Every ``*_da.qm`` in the translations folder is loaded (the shell's and the
views' files), plus Qt's own ``qtbase_da.qm`` so standard dialogs speak Danish too. Widgets
re-translate themselves when Qt sends them ``QEvent.LanguageChange``; a ``Retranslator`` keeps the
(setter, source text) pairs of one widget so that this is one call.

The .qm files are build output and not committed: ``ensure_compiled`` builds missing or stale ones
from the .ts sources in a source tree, and the wheel's build hook (``hatch_build.py``) builds them
for an installed app.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
)

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` (lupdate finds it); translate it later."""
    return source


def translate(context: str, source: str, *args: object) -> str:
    """Translate and fill Qt-style ``%1``, ``%2`` placeholders (highest first, so %10 is safe)."""
    text = QCoreApplication.translate(context, source)
    for number in range(len(args), 0, -1):
        text = text.replace(f"%{number}", str(args[number - 1]))
    return text


# The first name of ``translate``; lupdate reads ``tr(...)`` as a one-argument method call and so
# misses the context, so ``translate`` is the one to use where lupdate should find the text.
tr = translate


def current_language() -> str:
    """The language the translators speak now (for texts the core words itself, in both)."""
    return "en" if QLocale().language() == QLocale.Language.English else "da"


def is_language_change(event: QEvent) -> bool:
    return event.type() == QEvent.Type.LanguageChange


class Retranslator:
    """The translatable texts of one widget: bound once, re-applied on every language change.

    Bind source strings marked with ``QT_TRANSLATE_NOOP(context, ...)`` so that lupdate finds
    them under the same context this object translates with.
    """

    def __init__(self, context: str) -> None:
        self.context = context
        self._bindings: list[tuple[Callable[[str], object], str, tuple[object, ...]]] = []

    def bind(self, setter: Callable[[str], object], source: str, *args: object) -> None:
        self._bindings.append((setter, source, args))
        setter(self.text(source, *args))

    def text(self, source: str, *args: object) -> str:
        values = tuple(a() if callable(a) else a for a in args)
        return translate(self.context, source, *values)

    def apply(self) -> None:
        alive = []
        for binding in self._bindings:
            setter, source, args = binding
            try:
                setter(self.text(source, *args))
            except RuntimeError:  # the widget was deleted (a removed row): forget its texts
                continue
            alive.append(binding)
        self._bindings = alive


# --- compiling ---------------------------------------------------------------------------------


def sources_dir() -> Path:
    from safetylog.resources import resource_path

    return resource_path("i18n")


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("SafetyLog", appauthor=False)) / "i18n"


def _lrelease() -> list[str]:
    import shutil

    import PySide6

    bundled = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
    if bundled.is_file():
        return [str(bundled)]
    found = shutil.which("pyside6-lrelease")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from PySide6.scripts.pyside_tool import lrelease; "
            "sys.argv[0] = 'lrelease'; sys.exit(lrelease())"]


def compile_ts(ts_file: Path, qm_file: Path) -> None:
    """One .ts -> .qm with Qt's lrelease; raises with lrelease's own message on failure."""
    import subprocess  # only when a .ts changed: not on the way to the login window

    qm_file.parent.mkdir(parents=True, exist_ok=True)
    # Written under a private name and renamed: two starts at once (or parallel test workers)
    # never load a half-written catalogue.
    partial = qm_file.with_name(f".{qm_file.stem}.{os.getpid()}.qm")
    result = subprocess.run([*_lrelease(), "-silent", str(ts_file), "-qm", str(partial)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0 or not partial.is_file():
        partial.unlink(missing_ok=True)
        raise RuntimeError(f"lrelease failed for {ts_file.name}: {result.stderr or result.stdout}")
    partial.replace(qm_file)


def ensure_compiled(source: Path | None = None) -> Path:
    """The folder holding up-to-date .qm files for every .ts, (re)building missing or stale ones.

    The .qm go beside the .ts when that folder is writable (a source tree), otherwise into the
    user's cache folder. An installed app already has them from the build hook and builds nothing.
    """
    source = source or sources_dir()
    ts_files = sorted(source.glob("*.ts"))
    target = source if os.access(source, os.W_OK) else _cache_dir()
    for ts_file in ts_files:
        qm_file = target / ts_file.with_suffix(".qm").name
        prebuilt = source / qm_file.name
        if target != source and prebuilt.is_file() and prebuilt.stat().st_mtime >= ts_file.stat().st_mtime:
            continue
        if not qm_file.is_file() or qm_file.stat().st_mtime < ts_file.stat().st_mtime:
            compile_ts(ts_file, qm_file)
    if target != source and not any(target.glob("*.qm")):
        return source
    return target


# --- installing --------------------------------------------------------------------------------


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def locale_for(language: str) -> QLocale:
    """Danish formats in both languages: the app is used in Denmark, only the words change."""
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.Denmark)
    return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)


class Translations(QObject):
    """The translators installed on the application, swapped as a whole on a language switch."""

    def __init__(self, parent: QObject | None = None, qm_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._qm_dir = qm_dir
        self._installed: list[QTranslator] = []
        self.language = ""

    def qm_dir(self) -> Path:
        if self._qm_dir is None:
            self._qm_dir = ensure_compiled()
        return self._qm_dir

    def set_language(self, language: str) -> None:
        """Install ``language``'s translators; every widget then gets a LanguageChange event."""
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        self.uninstall()
        if language == "da":
            files = [*sorted(self.qm_dir().glob("*_da.qm")), qt_translations_dir() / "qtbase_da.qm"]
            for path in files:
                translator = QTranslator(self)
                if translator.load(str(path)):
                    app.installTranslator(translator)
                    self._installed.append(translator)
        QLocale.setDefault(locale_for(language))
        self.language = language

    def uninstall(self) -> None:
        """Remove this object's translators from the application (when the app shuts down)."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            if app is not None:
                app.removeTranslator(translator)
        self._installed = []

    @property
    def loaded_files(self) -> list[str]:
        return [Path(t.filePath()).name for t in self._installed]
