"""Words for the PSP codes: action-item and agreement states (translated, "PspLabels")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from safetylog.domain.enums import ActionItemStatus, AgreementStatus
from ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "PspLabels"

ACTION_STATUS = {
    ActionItemStatus.OPEN: QT_TRANSLATE_NOOP("PspLabels", "Open"),
    ActionItemStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("PspLabels", "In progress"),
    ActionItemStatus.DONE: QT_TRANSLATE_NOOP("PspLabels", "Done"),
    ActionItemStatus.CANCELLED: QT_TRANSLATE_NOOP("PspLabels", "Cancelled"),
}
AGREEMENT_STATUS = {
    AgreementStatus.ACTIVE: QT_TRANSLATE_NOOP("PspLabels", "Active"),
    AgreementStatus.PENDING: QT_TRANSLATE_NOOP("PspLabels", "Pending"),
    AgreementStatus.ENDED: QT_TRANSLATE_NOOP("PspLabels", "Ended"),
}


def action_status(status: ActionItemStatus) -> str:
    return QCoreApplication.translate(CONTEXT, ACTION_STATUS[status])


def agreement_status(status: AgreementStatus) -> str:
    return QCoreApplication.translate(CONTEXT, AGREEMENT_STATUS[status])
