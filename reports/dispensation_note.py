"""The employer's printable note not to report violence against an employee to the police.

Justitsministeriet's guidance (27 April 2016): without a police report within 72 hours the
employee keeps the right to state victim compensation only if the employer writes an individual,
reasoned note within the 72 hours. This prints what the manager recorded on the duty, for
signature and for the employee. Plain data in, PDF bytes out: no database code here.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from reports.layout import escape, key_value_table, styles

NOT_CONFIRMED = "frist ikke juridisk bekræftet"


@dataclass(frozen=True, slots=True)
class DispensationNote:
    facility: str
    incident_id: int
    episode_at: datetime  # local time
    deadline_at: datetime  # local time: 72 hours after the episode
    decided_by: str
    decided_on: str  # ISO date
    reasons: str
    employee: str = ""  # left blank to fill in by hand when the log does not name them
    source: str = ""
    confirmed: bool = False


def render(note: DispensationNote) -> bytes:
    st = styles()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm,
                            title="Notat om undladelse af politianmeldelse", author=note.facility)
    deadline = f"{note.deadline_at:%d.%m.%Y kl. %H:%M}"
    if not note.confirmed:
        deadline += f" ({NOT_CONFIRMED})"
    story = [
        Paragraph("Notat om undladelse af politianmeldelse", st.title),
        Paragraph("Vold eller trusler mod en medarbejder: arbejdsgiverens individuelle, begrundede "
                  "beslutning om ikke at anmelde episoden til politiet inden for 72 timer.", st.body),
        Spacer(1, 4 * mm),
        key_value_table([
            ("Tilbud", note.facility),
            ("Hændelse nr.", str(note.incident_id)),
            ("Episoden", f"{note.episode_at:%d.%m.%Y kl. %H:%M}"),
            ("72-timersfristen", deadline),
            ("Medarbejder", note.employee or "_" * 40),
            ("Besluttet af", note.decided_by),
            ("Besluttet den", _day(note.decided_on)),
        ], st, key_share=0.3, width=170 * mm),
        Paragraph("Begrundelse", st.h1),
        *[Paragraph(escape(part), st.body) for part in note.reasons.splitlines() if part.strip()],
        Paragraph("Retsgrundlag", st.h1),
        Paragraph(escape(note.source or "–"), st.body),
        Paragraph("At beboeren er anbragt på grund af sin adfærd, er ikke i sig selv en begrundelse. "
                  "Medarbejderen får en kopi af notatet.", st.small),
        Spacer(1, 18 * mm),
        Paragraph("_" * 36 + "&nbsp;" * 12 + "_" * 36, st.body),
        Paragraph("Arbejdsgiverens underskrift" + "&nbsp;" * 58 + "Medarbejderens underskrift", st.small),
    ]
    doc.build(story)
    return buffer.getvalue()


def _day(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%d.%m.%Y")
    except ValueError:
        return iso
