"""Which chapter (Bab) of the report a place belongs to, decided from its name.

A Laporan Kinerja follows the structure of PermenPAN-RB 53/2014: Bab I Pendahuluan, Bab II
Perencanaan Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup, then the appendices; a
reviewer reads findings in that order. The data file names places as the report does, so:

1. a name that starts with a number, or with ``Tabel``, ``Gambar``, ``Grafik``, ``Diagram`` or
   ``Bab`` and a number (``3.3 Sasaran 1``, ``2.1.4``, ``Tabel 3.1``, ``Bab III``), is in the
   chapter of that number (the first number; ``Bab`` also takes a Roman numeral);
2. a name that starts with ``Lampiran`` is an appendix;
3. the front matter of a report (``Ringkasan Eksekutif``, ``Ikhtisar Eksekutif``, ``Kata
   Pengantar``, ``Daftar ...``) is before the first chapter;
4. any other name (``Analisa Efisiensi``) is in the chapter of the place written before it in
   the data file, which lists places in the order the report prints them; before the first
   numbered place it is front matter.

A finding that points at no place (an entity of the pohon kinerja as the data file declares
it) is in none: the report lists it after the chapters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sakip_lint.messages import render
from sakip_lint.model import Report

FRONT, APPENDIX, NO_PLACE = 0, 1000, 1001
_NUMBERED = re.compile(r"^\s*(?:(?:tabel|gambar|grafik|diagram|bab)\s+)?(\d+)\b", re.I)
_ROMAN_CHAPTER = re.compile(r"^\s*bab\s+([ivxl]+)\b", re.I)
_APPENDIX = re.compile(r"^\s*lampiran\b", re.I)
_FRONT_MATTER = re.compile(r"^\s*(ringkasan|ikhtisar|kata\s+pengantar|daftar|sambutan)\b", re.I)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def roman(number: int) -> str:
    """I, II, ... for chapter numbers."""
    found = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"),
                           (1, "I")):
        while number >= value:
            found += letters
            number -= value
    return found


def _from_roman(text: str) -> int:
    values = [_ROMAN[char] for char in text.lower()]
    return sum(-value if index + 1 < len(values) and value < values[index + 1] else value
               for index, value in enumerate(values))


@dataclass(frozen=True, order=True)
class Chapter:
    """A chapter as an order key: FRONT, 1, 2, ... for Bab I, II, ..., APPENDIX or NO_PLACE."""

    order: int

    def title(self, lang: str) -> str:
        if self.order == FRONT:
            return render("report.chapter.front", lang)
        if self.order == APPENDIX:
            return render("report.chapter.appendix", lang)
        if self.order == NO_PLACE:
            return render("report.chapter.no-place", lang)
        key = f"report.chapter.{self.order}"
        name = render(key, lang) if self.order <= 4 else ""
        return render("report.chapter.numbered", lang, number=roman(self.order), name=name).strip()

    @property
    def anchor(self) -> str:
        return f"bab-{self.order}"


def chapter_by_name(name: str) -> Chapter | None:
    """The chapter a place name says by itself (rules 1-3), or None."""
    if _APPENDIX.match(name):
        return Chapter(APPENDIX)
    found = _ROMAN_CHAPTER.match(name)
    if found:
        return Chapter(_from_roman(found.group(1)))
    found = _NUMBERED.match(name)
    if found and 0 < int(found.group(1)) < APPENDIX:
        return Chapter(int(found.group(1)))
    if _FRONT_MATTER.match(name):
        return Chapter(FRONT)
    return None


def chapters(report: Report) -> dict[str, Chapter]:
    """The chapter of every place of the report, in the order of the data file (rule 4 for
    the places whose name says none)."""
    found: dict[str, Chapter] = {}
    current = Chapter(FRONT)
    for name in report.tempat:
        current = chapter_by_name(name) or current
        found[name] = current
    return found


def chapter_of(place: str | None, known: dict[str, Chapter]) -> Chapter:
    """The chapter of a finding's place (a place the data file does not declare, such as a
    generic table's ``di``, by its name alone)."""
    if place is None:
        return Chapter(NO_PLACE)
    return known.get(place) or chapter_by_name(place) or Chapter(FRONT)
