"""Drafts: the form saved while typing, and offered back at the next login.

``DraftKeeper`` saves through the services (off the GUI thread) one second after typing stops, and
at least every ten seconds while typing goes on without a pause (a waiting-for-a-pause timer alone
would never fire for a fast typist); synchronously when the form must be safe right now (lock,
logout, quit). A crash or power cut therefore loses at most the last ten seconds of continuous
typing, and at most one second once the typing has stopped. When the environment refuses the save
(a full disk, a read-only file), the text stays in the form and in memory and the save is tried
again every ``RETRY_DELAY_MS`` until it goes through.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from safetylog.domain.records import Actor
from safetylog.domain.taxonomy import current_taxonomy
from safetylog.domain.timeutil import to_local
from ui.context import UiContext
from ui.i18n import QT_TRANSLATE_NOOP, Retranslator, is_language_change
from ui.operations import Op, Pending, Query
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 1_000  # after the last change
AUTOSAVE_MAX_INTERVAL_MS = 10_000  # after the first unsaved change, however the typing goes on
RETRY_DELAY_MS = 5_000


def describe(updated_at: datetime, payload: dict[str, Any], language: str) -> str:
    """One line a user recognises a draft by: when, what, and the first words."""
    when = to_local(updated_at).strftime("%d-%m-%Y %H:%M")
    taxonomy = current_taxonomy()
    names = []
    for choice in payload.get("types", []):
        itype = taxonomy.get(str(choice.get("code", ""))) if isinstance(choice, dict) else None
        if itype is not None:
            names.append(itype.label(language))
    words = " ".join(str(payload.get("narrative", "")).split())
    if len(words) > 60:
        words = words[:59] + "…"
    parts = [when, ", ".join(names), f"“{words}”" if words else ""]
    return " – ".join(p for p in parts if p)


class DraftOfferDialog(QDialog):
    """"You have an unsubmitted incident from ...": continue it, discard it, or decide later."""

    continue_requested = Signal(int, object)
    """(draft id, payload) to load into the form."""

    discard_requested = Signal(int)
    """Draft id the user chose to throw away."""

    def __init__(self, drafts: list[tuple[int, datetime, dict[str, Any]]], parent: QWidget,
                 language: str = "da") -> None:
        super().__init__(parent)
        self.setObjectName("draftOffer")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._texts = Retranslator("DraftOfferDialog")
        self._drafts = drafts
        self._language = language
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setProperty("i18n_data", True)  # the user's own words and taxonomy labels
        self._fill()
        self.continue_button = QPushButton(self)
        self.discard_button = QPushButton(self)
        self.later_button = QPushButton(self)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(560, 280)
        t = self._texts
        t.bind(self.setWindowTitle, QT_TRANSLATE_NOOP("DraftOfferDialog", "Unsubmitted incident"))
        t.bind(self.continue_button.setText, QT_TRANSLATE_NOOP("DraftOfferDialog", "&Continue"))
        t.bind(self.discard_button.setText, QT_TRANSLATE_NOOP("DraftOfferDialog", "&Discard"))
        t.bind(self.later_button.setText, QT_TRANSLATE_NOOP("DraftOfferDialog", "&Later"))
        t.bind(self.list.setAccessibleName, QT_TRANSLATE_NOOP("DraftOfferDialog", "Unsubmitted incidents"))
        self._show_message()

    def _fill(self) -> None:
        self.list.clear()
        for draft_id, updated_at, payload in self._drafts:
            item = QListWidgetItem(describe(updated_at, payload, self._language))
            item.setData(Qt.ItemDataRole.UserRole, draft_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _show_message(self) -> None:
        if len(self._drafts) == 1:
            when = to_local(self._drafts[0][1]).strftime("%d-%m-%Y %H:%M")
            text = self._texts.text(QT_TRANSLATE_NOOP(
                "DraftOfferDialog", "You have an unsubmitted incident from %1. Continue with it, "
                "or discard it?"), when)
        else:
            text = self._texts.text(QT_TRANSLATE_NOOP(
                "DraftOfferDialog", "You have %1 unsubmitted incidents. Choose one to continue "
                "with or to discard; the others are offered again next time."), len(self._drafts))
        self.message.setText(text)

    def _selected(self) -> tuple[int, datetime, dict[str, Any]] | None:
        row = self.list.currentRow()
        return self._drafts[row] if 0 <= row < len(self._drafts) else None

    def _continue(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            self.accept()
            self.continue_requested.emit(chosen[0], chosen[2])

    def _discard(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self.discard_requested.emit(chosen[0])
        self._drafts = [d for d in self._drafts if d[0] != chosen[0]]
        if not self._drafts:
            self.accept()
            return
        self._fill()
        self._show_message()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self._texts.apply()
            self._show_message()
        super().changeEvent(event)


class DraftOffers(QObject):
    """After a login: the user's unsubmitted drafts, offered back in one dialog."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, window: QWidget,
                 open_draft: Callable[[int, dict[str, Any]], None]) -> None:
        super().__init__(window)
        self._ctx = ctx
        self._tasks = tasks
        self._window = window
        self._open_draft = open_draft
        self.dialog: DraftOfferDialog | None = None

    def offer(self) -> None:
        actor, services = self._ctx.require_actor(), self._ctx.services
        Query(self, lambda: services.incidents.drafts(actor)).success(self._read).failure(
            self._failed).run(self._tasks, self._ctx)

    def _read(self, drafts: list[tuple[int, datetime, dict[str, Any]]]) -> None:
        locked = bool(getattr(self._window, "is_locked", False))  # never open over the lock screen
        if not drafts or locked or not self._window.isVisible() or self._ctx.actor is None:
            return
        self.close()
        dialog = DraftOfferDialog(drafts, self._window, self._ctx.language)
        dialog.continue_requested.connect(self._open_draft)
        dialog.discard_requested.connect(self._discard)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.list.setFocus()

    def _discard(self, draft_id: int) -> None:
        actor, services = self._ctx.require_actor(), self._ctx.services
        Op(self, lambda: services.incidents.discard_draft(actor, draft_id)).failure(self._failed).run(
            self._tasks, self._ctx)


    def close(self) -> None:
        """Lock or user switch: the offer comes again at the owner's next login."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()

    @staticmethod
    def _failed(error: BaseException) -> None:
        log.error("drafts: %s", error)


class DraftKeeper(QObject):
    """Saves one form's payload as the owner's draft: debounced while typing, at once when asked."""

    saved = Signal(int)
    """The draft id after a successful save."""

    failed = Signal(object)
    """The exception of a save that did not go through (the payload is still dirty)."""

    def __init__(self, ctx: UiContext, tasks: TaskRunner, payload: Callable[[], dict[str, Any]],
                 facility: Callable[[], int | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._payload = payload
        self._facility = facility
        self.draft_id: int | None = None
        self.owner = ctx.actor  # a draft belongs to whoever started it, even after a user switch
        self.dirty = False
        self.last_error: BaseException | None = None
        self._in_flight: Pending | None = None
        self._after: list[Callable[[], None]] = []  # waiting for the running save (``settle``)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_async)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        # Qt's default (coarse) timers may fire 5 % late: half a second over the ten promised.
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.setInterval(AUTOSAVE_MAX_INTERVAL_MS)
        self._deadline.timeout.connect(self._save_async)
        # While the environment refuses (disk full), try again now and then: the moment space
        # returns, the draft is safe, without the user having to type another character.
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_DELAY_MS)
        self._retry.timeout.connect(self._retry_save)
        self.paused: Callable[[], bool] = lambda: False  # the window is locked: no retries

    def set_delay_ms(self, msecs: int) -> None:
        self._timer.setInterval(msecs)

    def set_max_interval_ms(self, msecs: int) -> None:
        self._deadline.setInterval(msecs)

    def delays_ms(self) -> tuple[int, int]:
        """(after the last change, at the latest after the first unsaved one)."""
        return self._timer.interval(), self._deadline.interval()

    def set_retry_ms(self, msecs: int) -> None:
        self._retry.setInterval(msecs)

    @property
    def saving(self) -> bool:
        """A save is on its way to the database."""
        return self._in_flight is not None

    @property
    def retrying(self) -> bool:

        return self._retry.isActive()

    def changed(self) -> None:
        """The form changed: save a second after the typing stops, and no later than ten seconds
        after the first change not yet saved."""
        if self.owner is None:
            self.owner = self._ctx.actor
        self.dirty = True
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _stop_timers(self) -> None:
        self._timer.stop()
        self._deadline.stop()

    def adopt(self, draft_id: int | None) -> None:
        """Continue an existing draft (offered back after login) instead of starting a new one."""
        self.draft_id = draft_id
        self.owner = self._ctx.actor
        self.dirty = False

    def forget(self) -> None:
        """The form was submitted or cleared: the next change starts a new draft."""
        self._stop_timers()
        self._retry.stop()
        self.draft_id = None
        self.owner = self._ctx.actor
        self.dirty = False

    def _current_owner(self) -> Actor | None:
        """The owner's live session: unlocking opens a fresh session and ends the locked one, so
        after the same person unlocks, their drafts are saved under the new one."""
        actor = self._ctx.actor
        if self.owner is not None and actor is not None and actor.user_id == self.owner.user_id:
            self.owner = actor
        return self.owner

    def _save_async(self) -> None:
        owner = self._current_owner()
        if owner is None or not self.dirty:
            return
        if self._in_flight is not None:  # one save at a time, or a new draft could be created twice
            self._timer.start()
            return
        self._stop_timers()  # what is typed from now on starts the next round
        payload, facility_id, draft_id = self._payload(), self._facility(), self.draft_id
        self.dirty = False
        incidents = self._ctx.services.incidents
        self._in_flight = Op(self, lambda: incidents.save_draft(owner, payload, draft_id=draft_id,
                                                                facility_id=facility_id)
                             ).success(self._saved).failure(self._failed).run(self._tasks, self._ctx)

    def settle(self, then: Callable[[], None]) -> None:
        """Save what is not saved yet, off the GUI thread, then call ``then`` on it — also when the
        save failed (the caller, a submit, holds the typed data itself and says what went wrong)."""
        self._stop_timers()
        if self._in_flight is not None:  # after the running save has reported its draft id
            self._after.append(then)
            return
        if self._current_owner() is None or not self.dirty:
            then()
            return
        self._after.append(then)
        self._save_async()

    def _settled(self, failed: bool) -> None:
        waiting, self._after = self._after, []
        for then in waiting:
            if failed:
                then()
            else:
                self.settle(then)  # typed on meanwhile: that is saved first

    def flush(self) -> None:
        """Save now and wait for it: the caller is about to lock, log out or quit, and the draft
        must be stored under the session that is about to end. Waits for this draft's own save
        only (never for a report being written meanwhile); a submit uses ``settle`` instead."""
        self._stop_timers()
        self._wait_for_save()  # the running save reports its draft id first
        if self._current_owner() is None or not self.dirty:
            return
        self._save_async()
        self._wait_for_save()

    def _wait_for_save(self) -> None:
        if self._in_flight is not None:
            self._in_flight.wait()  # and its result delivered: the draft id is known after



    def _retry_save(self) -> None:
        if not self.dirty:
            self._retry.stop()
        elif not self.paused():
            self._save_async()

    def _saved(self, draft_id: int) -> None:
        self._in_flight = None
        self.draft_id = draft_id
        self.last_error = None
        self._retry.stop()
        self.saved.emit(draft_id)
        self._settled(failed=False)

    def _failed(self, error: BaseException) -> None:
        from safetylog.domain.environment import classify

        self._in_flight = None
        self.dirty = True
        self.last_error = error
        log.error("draft not saved: %r", error)
        if classify(error) is not None and not self._retry.isActive():
            self._retry.start()
        self.failed.emit(error)
        self._settled(failed=True)
