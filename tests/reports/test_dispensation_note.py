"""The printable dispensation note reads back with what the manager recorded and its legal source."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from reports.dispensation_note import DispensationNote, render
from tests.reports.pdfcheck import page_texts


def test_the_note_prints_the_decision_the_reasons_and_the_unconfirmed_deadline(tmp_path: Path) -> None:
    note = DispensationNote(
        facility="Bostedet Havblik", incident_id=42, episode_at=datetime(2026, 3, 13, 23, 50),
        deadline_at=datetime(2026, 3, 16, 23, 50), decided_by="Mette Lund, leder", decided_on="2026-03-14",
        reasons="Medarbejderen ønsker ikke anmeldelse.\nEt enkelt skub under akut forvirring; ingen "
                "tidligere episoder mod denne medarbejder.",
        source="Offererstatningsloven, § 10 (Justitsministeriets vejledning af 27. april 2016)")
    path = tmp_path / "notat.pdf"
    path.write_bytes(render(note))
    (page,) = page_texts(path)
    text = " ".join(page.split())
    for expected in ("Notat om undladelse af politianmeldelse", "Bostedet Havblik", "Hændelse nr. 42",
                     "13.03.2026 kl. 23:50", "16.03.2026 kl. 23:50 (frist ikke juridisk bekræftet)",
                     "Mette Lund, leder", "14.03.2026", "Medarbejderen ønsker ikke anmeldelse.",
                     "ingen tidligere episoder mod denne medarbejder.", "Offererstatningsloven, § 10",
                     "Arbejdsgiverens underskrift"):
        assert expected in text, expected
    path.write_bytes(render(replace(note, confirmed=True)))
    assert "ikke juridisk bekræftet" not in page_texts(path)[0]
