"""The pages of the main window, as data: key, label, where the view class lives, who may see it.

A page's view is imported by module path when the main window first needs it, so a page whose
module does not exist yet is simply left out of the navigation. To add a page, add one line to
``PAGES``; the class is constructed as ``View(ctx, tasks, parent)`` and should have a
``refresh()`` slot. Optional hooks the main window calls when present:

- ``flush_draft()``: save unsaved input now (before lock, logout, quit or a user switch);
- ``on_activated()``: the page was brought to the front.

Labels are English source texts under the "Navigation" translation context; the Danish is in
``resources/i18n/safetylog_da.ts``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from safetylog.services.permissions import Permission
from ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import UiContext
    from ui.tasks import TaskRunner

    PageFactory = Callable[[UiContext, TaskRunner, QWidget | None], QWidget]

log = logging.getLogger(__name__)

CONTEXT = "Navigation"


@dataclass(frozen=True, slots=True)
class PageSpec:
    key: str
    label: str  # English source text, translated in the "Navigation" context
    target: str  # "package.module:ClassName"
    permission: Permission | None = None  # None: every logged-in user
    shortcut: str = ""
    also: Permission | None = None  # a second permission that opens the page as well

    def allowed(self, may: Callable[[Permission], bool]) -> bool:
        return (self.permission is None or may(self.permission)
                or (self.also is not None and may(self.also)))

    @property
    def module(self) -> str:
        return self.target.partition(":")[0]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", QT_TRANSLATE_NOOP("Navigation", "Overview"),
             "ui.views.overview:OverviewView", Permission.INCIDENT_READ, "Ctrl+1"),
    PageSpec("incidents", QT_TRANSLATE_NOOP("Navigation", "Incidents"),
             "ui.views.incident_list:IncidentListView", Permission.INCIDENT_READ, "Ctrl+2"),
    PageSpec("new_incident", QT_TRANSLATE_NOOP("Navigation", "New incident"),
             "ui.entry.form:IncidentForm", Permission.INCIDENT_CREATE, "Ctrl+N"),
    PageSpec("drug_trade", QT_TRANSLATE_NOOP("Navigation", "Drug-trade observations"),
             "ui.views.drug_trade:DrugTradeView", Permission.INCIDENT_READ, "Ctrl+3"),
    PageSpec("psp", QT_TRANSLATE_NOOP("Navigation", "PSP"),
             "ui.views.psp:PspView", Permission.PSP_READ, "Ctrl+4"),
    PageSpec("residents", QT_TRANSLATE_NOOP("Navigation", "Residents"),
             "ui.views.residents:ResidentsView", Permission.RESIDENT_READ, "Ctrl+5",
             also=Permission.RESIDENT_MANAGE),  # the administrator adds residents
    PageSpec("reports", QT_TRANSLATE_NOOP("Navigation", "Reports"),
             "ui.views.report_dialog:ReportView", Permission.REPORT_EXPORT, "Ctrl+7"),
    PageSpec("admin", QT_TRANSLATE_NOOP("Navigation", "Administration"),
             "ui.views.admin:AdminView", Permission.USER_MANAGE, "Ctrl+6"),
    PageSpec("audit_log", QT_TRANSLATE_NOOP("Navigation", "Audit log"),
             "ui.views.audit_log:AuditLogView", Permission.AUDIT_READ, "Ctrl+8"),
)


def module_exists(spec: PageSpec) -> bool:
    try:
        return importlib.util.find_spec(spec.module) is not None
    except ModuleNotFoundError:  # the parent package (e.g. ui.views) does not exist yet
        return False


def load_factory(spec: PageSpec) -> PageFactory | None:
    """The page's class, or None while its module does not exist.

    A module that exists but fails to import, or lacks the class, is a bug and raises.
    """
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and spec.module.startswith(exc.name):
            log.info("page %s left out: %s is not installed", spec.key, spec.module)
            return None
        raise
    factory: Any = getattr(module, spec.target.partition(":")[2])
    return factory  # type: ignore[no-any-return]


def available_pages(may: Callable[[Permission], bool],
                    pages: tuple[PageSpec, ...] = PAGES) -> list[PageSpec]:
    """The pages the user may see whose module exists, in registry order."""
    return [p for p in pages
            if p.allowed(may) and module_exists(p)]
