"""The capaian tables as an Excel workbook: the measurement form of Pergub Kaltim 75/2011
(Pengukuran Kinerja: sasaran strategis, indikator, target, realisasi, %) as a compiler fills
it, with the capaian the rules compute beside the one the report states, and the cells where
they differ highlighted.

A compiler copies the corrected figures from here into the report. Computed values are
written as numbers (with the report's precision as the cell format), stated values as the
text the report prints, so neither is changed on the way.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sakip_lint import escape
from sakip_lint.capaian import CapaianReport, Computed
from sakip_lint.judgement import StatedCheck, StatedValues
from sakip_lint.comparison import Verdict
from sakip_lint.messages import render

DIFFERS = "FFC7CE"  # Excel's light red: the stated value is not the computed one
ROUNDING = "FFEB9C"  # light yellow: it differs only by rounding
HEADER = "D9E1F2"


def _number(value: Computed) -> Decimal | None:
    return value.rounded if value.ok else None


def _stated(check: StatedCheck) -> tuple[str | None, Verdict | None, Decimal | None]:
    comparison = check.comparison
    if comparison.stated is None or comparison.verdict is Verdict.NOT_STATED:
        return None, None, None
    return comparison.stated.value.raw, comparison.verdict, comparison.difference


def write_capaian_xlsx(report: CapaianReport, stated_values: StatedValues, instansi: str,
                       tahun: int, path: str | Path, lang: str) -> None:
    """Write the measurement form and the sasaran table of ``report`` to ``path``, the
    stated values beside the computed ones."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PKK"
    col = lambda name: render(f"col.{name}", lang)  # noqa: E731 - a local shorthand
    headers = [col("no"), col("sasaran"), col("indikator"), col("satuan"), col("target"),
               col("realisasi"), render("xlsx.stated", lang), render("xlsx.computed", lang),
               col("difference"), col("kategori"), col("polaritas"), col("reason")]
    _append(sheet, [render("xlsx.title", lang)])
    _append(sheet, [render("xlsx.body", lang, instansi=instansi)])
    _append(sheet, [render("xlsx.year", lang, year=tahun)])
    _append(sheet, [])
    _append(sheet, headers)
    _append(sheet, [f"({i + 1})" for i in range(len(headers))])
    bold = Font(bold=True)
    for cell in sheet[5] + sheet[6]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor=HEADER)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    fills = {Verdict.DIFFERS: PatternFill("solid", fgColor=DIFFERS),
             Verdict.NOT_NUMBER: PatternFill("solid", fgColor=DIFFERS),
             Verdict.ROUNDING: PatternFill("solid", fgColor=ROUNDING)}
    first_of: dict[str, int] = {}
    last_of: dict[str, int] = {}
    for result in report.indicators:
        stated, verdict, difference = _stated(stated_values.indicators[result.indikator.id].capaian)
        computed = _number(result.capaian)
        sasaran = result.indikator.sasaran or ""
        sasaran_text = next((s.sasaran.teks for s in report.sasaran if s.sasaran.id == sasaran), sasaran)
        row = [result.row.nomor if result.row is not None and result.row.nomor else "",
               sasaran_text, f"{result.indikator.id} {result.indikator.teks}",
               result.row.satuan if result.row is not None and result.row.satuan else "",
               result.target.raw if result.target else "", result.realisasi.raw if result.realisasi else "",
               stated or "", computed, difference, result.capaian.category or "",
               render(f"polarity.{result.polarity.value}", lang),
               "" if result.capaian.ok else render(result.capaian.reason, lang)]
        _append(sheet, row)
        here = sheet.max_row
        first_of.setdefault(sasaran, here)
        last_of[sasaran] = here
        for column in (8, 9):
            cell = sheet.cell(here, column)
            if isinstance(cell.value, Decimal):
                cell.value = float(cell.value)
                cell.number_format = "0.00"
        if verdict in fills:
            for column in (7, 8):
                sheet.cell(here, column).fill = fills[verdict]
    for sasaran, first in first_of.items():
        if last_of[sasaran] > first:
            sheet.merge_cells(start_row=first, start_column=2, end_row=last_of[sasaran], end_column=2)
    for letter, width in zip("ABCDEFGHIJKL", (6, 40, 50, 12, 14, 14, 14, 14, 10, 14, 12, 30)):
        sheet.column_dimensions[letter].width = width
    _sasaran_sheet(workbook, report, stated_values, lang, fills, bold)
    workbook.save(str(path))


def _sasaran_sheet(workbook, report: CapaianReport, stated_values: StatedValues, lang: str,
                   fills, bold) -> None:
    """Capaian, absorption and efficiency of each sasaran, and of the whole report."""
    sheet = workbook.create_sheet("Sasaran")
    col = lambda name: render(f"col.{name}", lang)  # noqa: E731
    _append(sheet, [col("sasaran"), col("capaian"), col("stated"), col("kategori"), col("penyerapan"),
                  col("stated"), col("efisiensi"), col("stated")])
    for cell in sheet[1]:
        cell.font = bold
    for result in report.sasaran:
        judged = stated_values.of_sasaran(result.sasaran.id)
        capaian = [_stated(check) for check in judged.capaian]
        absorption = [_stated(check) for check in judged.absorption]
        efficiency = [_stated(check) for check in judged.efficiency]
        line = [f"{result.sasaran.id} {result.sasaran.teks}", _number(result.capaian),
                " / ".join(s for s, _, _ in capaian if s), result.capaian.category or "",
                _number(result.absorption), " / ".join(s for s, _, _ in absorption if s),
                _number(result.efficiency), " / ".join(s for s, _, _ in efficiency if s)]
        _append(sheet, [float(v) if isinstance(v, Decimal) else v for v in line])
        here = sheet.max_row
        for column, checks in ((3, capaian), (6, absorption), (8, efficiency)):
            worst = next((verdict for _, verdict, _ in checks if verdict in (Verdict.DIFFERS, Verdict.NOT_NUMBER)),
                         next((verdict for _, verdict, _ in checks if verdict is Verdict.ROUNDING), None))
            if worst in fills:
                sheet.cell(here, column).fill = fills[worst]
        for column in (2, 5, 7):
            sheet.cell(here, column).number_format = "0.00"
    overall = report.overall
    stated = [_stated(check) for check in stated_values.overall]
    _append(sheet, [render("word.overall", lang), float(overall.capaian.rounded) if overall.capaian.ok else None,
                  " / ".join(s for s, _, _ in stated if s), overall.capaian.category or "",
                  float(overall.absorption.rounded) if overall.absorption.ok else None])
    sheet.column_dimensions["A"].width = 60


def _append(sheet, values: list) -> None:
    """A row whose texts are data: their control characters shown (openpyxl refuses them),
    and each a string, never a formula (openpyxl makes one of any text that starts with '=')."""
    sheet.append([escape.spreadsheet(value) if isinstance(value, str) else value
                  for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"
