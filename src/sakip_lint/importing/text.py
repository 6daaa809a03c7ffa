"""Small text helpers of the importer: cleaning printed text, comparing it, and reading the
numbers a report writes in front of items (``1.``, ``(2)``, ``a.``, ``IV.``).

A cell or a paragraph keeps its text as printed (only runs of spaces and line breaks become
one space); comparison uses a separate normal form (lower case, no accents, punctuation as
space) so that ``Program/ Kegiatan`` and ``program/kegiatan`` compare as the same words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """Printed text on one line: whitespace runs (line breaks, tabs) become one space."""
    return _SPACES.sub(" ", text or "").strip()


@lru_cache(maxsize=1 << 16)
def normal(text: str) -> str:
    """The comparison form: lower case, accents and punctuation removed, one space between
    words; common abbreviations written out (``prog.`` -> ``program``, ``rata2`` -> ``rata rata``)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = re.sub(r"\bprog\.", "program ", plain)
    plain = re.sub(r"\brata2\b", "rata rata", plain)
    plain = re.sub(r"[^\w%]+", " ", plain)
    return _SPACES.sub(" ", plain).strip()


# A number printed before an item: 1  1.  1)  (1)  a.  a)  (a)  IV.  (iv)  -  •
_ITEM_NUMBER = re.compile(
    r"^\s*(?P<number>\(\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})\s*\)"
    r"|(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]"
    r"|\d{1,3}(?=\s))\s+(?P<rest>\S.*)$", re.DOTALL)
_BULLET = re.compile(r"^\s*[-–•·▪●○◦*]\s+(?P<rest>\S.*)$", re.DOTALL)
_ROMAN = re.compile(r"^[ivxlc]+$", re.IGNORECASE)


def split_number(text: str) -> tuple[str | None, str]:
    """(the number printed in front of an item, the rest): ``"(2) Meningkatkan ..."`` ->
    ``("(2)", "Meningkatkan ...")``; ``(None, text)`` when there is none. A lone letter or
    roman numeral counts only followed by ``.`` or ``)`` (``a. Terwujudnya``), never as the
    first word of a sentence (``I Gusti``)."""
    bullet = _BULLET.match(text or "")
    if bullet:
        return None, bullet.group("rest").strip()
    match = _ITEM_NUMBER.match(text or "")
    if not match:
        return None, (text or "").strip()
    number = match.group("number")
    rest = match.group("rest").strip()
    bare = number.strip("().) ")
    if not bare.isdigit() and len(bare) > 1 and not _ROMAN.match(bare):
        return None, (text or "").strip()
    if not bare.isdigit() and number[-1] not in ".)":
        return None, (text or "").strip()
    return number.replace(" ", ""), rest


def number_style(number: str | None) -> str | None:
    """The family of an item number, so that list levels can be told apart: ``1.`` and
    ``12.`` are one family, ``(1)`` another, ``a.`` and ``IV.`` others."""
    if not number:
        return None
    bare = number.strip("().")
    shape = ("(" if number.startswith("(") else "") + ("" if not number.endswith((".", ")")) else number[-1])
    if bare.isdigit():
        return "decimal" + shape
    if "." in bare:
        return "outline"
    if len(bare) == 1 and bare.lower() not in "ivx":
        return ("lower" if bare.islower() else "upper") + shape
    if _ROMAN.match(bare):
        return ("roman" if bare.islower() else "ROMAN") + shape
    return ("lower" if bare.islower() else "upper") + shape


ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    total, previous = 0, 0
    for char in reversed(text.lower()):
        value = ROMAN_VALUES[char]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def bare_number(number: str | None) -> str | None:
    """The number without its punctuation, for comparing numberings: ``"(4)"`` -> ``"4"``;
    a roman numeral reads as its value (``"IX."`` -> ``"9"``)."""
    if number is None:
        return None
    bare = number.strip().strip("().").strip().lower()
    if len(bare) > 1 or bare in ("i", "v", "x"):
        roman = _roman_value(bare)
        if roman is not None:
            return str(roman)
    return bare or None


def short(text: str, limit: int = 60) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters, with an ellipsis."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


YEAR = re.compile(r"\b(19[5-9]\d|20\d\d|21\d\d)\b")


def years_in(text: str) -> list[int]:
    return [int(year) for year in YEAR.findall(text or "")]


GLOSSARY = {
    "skm": "survei kepuasan masyarakat", "ikm": "indeks kepuasan masyarakat",
    "lppd": "laporan penyelenggaraan pemerintahan daerah",
    "siak": "sistem informasi administrasi kependudukan", "nik": "nomor induk kependudukan",
    "akip": "akuntabilitas kinerja instansi pemerintah",
    "sakip": "sistem akuntabilitas kinerja instansi pemerintah",
    "lakip": "laporan akuntabilitas kinerja instansi pemerintah",
    "ham": "hak asasi manusia", "mou": "perjanjian kerjasama", "tpid": "tim pengendali inflasi daerah",
    "ulp": "unit layanan pengadaan", "spm": "standar pelayanan minimal", "kdh": "kepala daerah",
    "pad": "pendapatan asli daerah", "opd": "organisasi perangkat daerah", "pd": "perangkat daerah",
    "skpd": "satuan kerja perangkat daerah", "rpjmd": "rencana pembangunan jangka menengah daerah",
}
"""Acronyms reports use for the names of indicators, sasaran and programmes, written out: a
name printed once as ``LPPD`` and once as ``Laporan Penyelenggaraan Pemerintah Daerah`` is
compared by both."""


@lru_cache(maxsize=1 << 14)
def expanded(words: str) -> str:
    """A comparison form with each acronym's meaning added, and the acronym of each meaning
    written out in full: the same name reads alike whichever way it is printed."""
    tokens = words.split()
    extra = []
    for acronym, meaning in GLOSSARY.items():
        if acronym in tokens:
            extra.append(meaning)
        elif meaning in words:
            extra.append(acronym)
    return words if not extra else words + " " + " ".join(extra)
