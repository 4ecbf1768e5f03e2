"""`safetylog report monthly|psp`: files by suffix, the same stamp gives the same bytes, clear
one-line refusals."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from safetylog.cli import main
from safetylog.services.demo_content import DEMO_PASSWORD
from tests.reports.pdfcheck import page_texts


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETYLOG_PASSWORD", DEMO_PASSWORD)


def test_monthly_pdf_csv_and_xlsx_in_one_run(demo_url: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    pdf, table, book = tmp_path / "okt.pdf", tmp_path / "okt.csv", tmp_path / "okt.xlsx"
    args = ["--database", demo_url, "report", "monthly", "--user", "mette", "--facility", "HAV",
            "--month", "2026-10", "--as-of", "2026-11-01T09:00", "-o", str(pdf), "-o", str(table),
            "-o", str(book)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert printed.count("Wrote ") == 3
    first = page_texts(pdf)[0]
    assert "Månedsrapport – oktober 2026" in first and "01.11.2026 kl. 09:00 af Mette Lund" in first
    rows = list(csv.reader(io.StringIO(table.read_text("utf-8-sig")), delimiter=";"))
    assert f"I alt {len(rows) - 1} hændelser" in " ".join(first.split())
    assert book.stat().st_size > 0
    again = tmp_path / "again.pdf"
    assert main([*args[:-6], "-o", str(again)]) == 0
    assert again.read_bytes() == pdf.read_bytes()


def test_psp_pack_names_the_disclosed_resident(demo_url: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "psp.pdf"
    assert main(["--database", demo_url, "report", "psp", "--user", "psp", "--from", "2026-09-10",
                 "--to", "2026-10-21", "--lang", "en", "-o", str(pack)]) == 0
    assert "names H-101 by disclosure decision" in capsys.readouterr().out
    assert "PSP meeting pack" in page_texts(pack)[0]


@pytest.mark.parametrize(("extra", "message"), [
    (["--user", "jonas", "--facility", "HAV"], "may not do this: report.export"),
    (["--user", "mette", "--facility", "NOPE"], "facility"),
    (["--user", "mette", "--facility", "HAV", "--type", "XYZ"], "Unknown incident type"),
])
def test_refusals_are_one_clear_line(demo_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     extra: list[str], message: str) -> None:
    target = tmp_path / "x.pdf"
    code = main(["--database", demo_url, "report", "monthly", "--month", "2026-10", "-o", str(target),
                 *extra])
    err = capsys.readouterr().err
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_wrong_suffix_and_month_are_usage_errors(demo_url: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", demo_url, "report", "monthly", "--user", "mette", "--month", "2026-10",
                 "-o", str(tmp_path / "x.docx")]) == 1
    assert ".pdf, .csv or .xlsx" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["--database", demo_url, "report", "monthly", "--user", "mette", "--month", "2026-13",
              "-o", str(tmp_path / "x.pdf")])
    assert stop.value.code == 2 and "YYYY-MM" in capsys.readouterr().err


def test_psp_csv_is_the_packs_tables_and_the_internal_list_is_marked(demo_url: str, tmp_path: Path) -> None:
    tables, internal = tmp_path / "psp.csv", tmp_path / "intern.csv"
    period = ["--from", "2026-09-10", "--to", "2026-10-21"]
    assert main(["--database", demo_url, "report", "psp", "--user", "psp", *period, "-o", str(tables)]) == 0
    content = tables.read_text("utf-8-sig")
    assert "Fortroligt – PSP, jf. retsplejelovens § 115" in content and "Nr;Tilbud;Dato" not in content
    assert main(["--database", demo_url, "report", "psp", "--user", "psp", *period, "--internal-list",
                 "-o", str(internal)]) == 1  # the coordinator hands packs out; the list is a manager's
    assert not internal.exists()
    assert main(["--database", demo_url, "report", "psp", "--user", "mette", *period, "--internal-list",
                 "-o", str(internal)]) == 0
    lines = internal.read_text("utf-8-sig").splitlines()
    assert lines[0] == "Intern – må ikke udleveres" and lines[1].startswith("Nr;Tilbud;Dato")
