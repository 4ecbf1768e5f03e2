"""Reading a PDF back the way a person would: its text per page, its pictures, its word boxes."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, laid out as on paper (pdftotext -layout)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def row_numbers(text: str, starts_with: str) -> list[str]:
    """The trailing number-like cells of the first line starting with ``starts_with``."""
    for line in text.splitlines():
        if line.strip().startswith(starts_with):
            return re.findall(r"(?<!\S)(<5|\*|\d+)(?=\s|$)", line.strip()[len(starts_with):])
    raise AssertionError(f"no line starting with {starts_with!r}")


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    page_width: float
    page_height: float


def words(pdf: Path) -> list[Word]:
    """Every word with its box (pdftotext -bbox), in points from the top left."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    out: list[Word] = []
    page_re = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
    number = r'"([\d.-]+)"'
    word_re = re.compile(rf"<word xMin={number} yMin={number} xMax={number} yMax={number}>(.*?)</word>")
    page, width, height = 0, 0.0, 0.0
    for line in html.splitlines():
        if match := page_re.search(line):
            page, width, height = page + 1, float(match[1]), float(match[2])
        elif match := word_re.search(line):
            out.append(Word(page, match[5], float(match[1]), float(match[2]), float(match[3]),
                            float(match[4]), width, height))
    return out


def render_pages(pdf: Path, out_dir: Path, dpi: int = 50) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_dir / "page")], check=True)
    return sorted(out_dir.glob("page-*.png"))


def inked_share(png: Path) -> float:
    """The share of pixels that are not white."""
    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    total = sum(histogram)
    return 1 - sum(histogram[250:]) / total
