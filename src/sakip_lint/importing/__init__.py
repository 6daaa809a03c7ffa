"""Reading a report as it is written, a Word document or an Excel workbook, into a data file.

The steps, one module each: ``container`` (what the file really is), ``docx_reader`` and
``xlsx_reader`` (paragraphs and table grids), ``layout`` (sections, captions, tables continued
after a page break), ``headers`` and ``classify`` (what each column holds, what each table is
for), ``rows`` (the rows each place prints), ``matching`` (which rows are one entity),
``generic`` (tables of no entity, the category scale), ``indicators`` (kind and scale of an
indicator), ``claims`` (figures of the prose), ``assemble`` (the data, the origin of every
value, the notes) and ``writer`` (the data file, with comments).

``import_content`` gives the data file's text and, by path, where each value stands in the
document: ``loader.load_report`` reads that text like any data file, so the checks and the
outputs are those of a hand-made file, and each finding shows its place in the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sakip_lint.hierarchy import KINDS
from sakip_lint.importing.container import ImportProblem, check_package
from sakip_lint.location import Origin


@dataclass(frozen=True)
class Imported:
    """The data file of an imported document (None when it cannot be imported), the origin
    of each value by its path in that file, and what stopped the import."""

    text: str | None
    origins: dict = field(default_factory=dict)
    problems: tuple[ImportProblem, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    # what the document does not say and the data file must (its year): the written file asks
    # for it, and a check of the document itself stops and says so
    gaps: tuple[ImportProblem, ...] = ()


def _read(content: bytes, kind: str):
    from sakip_lint.importing.docx_reader import read_docx
    from sakip_lint.importing.xlsx_reader import SheetTooLarge, read_xlsx

    try:
        return (read_docx(content) if kind == "docx" else read_xlsx(content)), None
    except SheetTooLarge as error:
        return None, ImportProblem("import.sheet-too-large", {"sheet": error.sheet, "cells": error.cells},
                                   Origin("xlsx", sheet=error.sheet))
    except Exception as error:  # noqa: BLE001 - a library's view of a damaged file, said in words
        detail = f"{type(error).__name__}: {error}"[:300]
        return None, ImportProblem("import.unreadable", {"kind": kind, "detail": detail})


def import_content(file: str, content: bytes, kind: str, lang: str = "id") -> Imported:
    """Import the bytes of a .docx or .xlsx document named ``file``."""
    problem = check_package(content, kind)
    if problem is not None:
        return Imported(None, problems=(problem,))
    document, problem = _read(content, kind)
    if problem is not None:
        return Imported(None, problems=(problem,))
    if not document.tables:
        return Imported(None, problems=(ImportProblem("import.no-table"),))
    from sakip_lint.importing.assemble import assemble
    from sakip_lint.importing.writer import dump

    assembled = assemble(document, Path(file).name, lang)
    data = assembled.data
    if not data.get("tempat"):
        return Imported(None, problems=(ImportProblem("import.no-table"),))
    counts = {"places": len(data["tempat"]), "tables": len(data.get("tabel", [])),
              "claims": len(data.get("klaim", [])), "unsure": assembled.unsure,
              "entities": sum(len(data.get(kind, [])) for kind in KINDS)}
    gaps = () if data.get("tahun") else (ImportProblem("import.no-year"),)
    return Imported(dump(data, assembled.comments), assembled.origins, (), counts, gaps)
