"""Derived columns and equalities of tables: declarations that cannot be used are located load
errors (exit 2), rule-file declarations compile or say where they are wrong, and findings
carry the cells involved and a safe replacement. Expected values are hand arithmetic."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from conftest import ROOT
from sakip_lint.cli import main
from sakip_lint.dsl.errors import DslError
from sakip_lint.examples import complete
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources

MACRO = """\
tempat:
  Tabel 3.9: {peran: lainnya}
tabel:
  - id: tabel-3.9
    di: Tabel 3.9
    kolom: [Indikator Makro, Tahun N-1, Tahun N, Perubahan (%)]
    kolom_label: Indikator Makro
    rumus: {Perubahan (%): 'FORMULA'}
    baris:
      - [Angka Kemiskinan (%), "8,51", "8,35", "STATED"]
"""
RIGHT_FORMULA = '(kolom "Tahun N" - kolom "Tahun N-1") / kolom "Tahun N-1" * 100'


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def macro_text(formula: str = RIGHT_FORMULA, stated: str = "-1,88") -> str:
    return complete(MACRO.replace("FORMULA", formula).replace("STATED", stated))


def macro(write, formula: str = RIGHT_FORMULA, stated: str = "-1,88"):
    return write(macro_text(formula, stated))


def line_of(path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text().splitlines(), 1)
                if text in line)


def plain(capsys, path, *extra: str) -> tuple[int, list[str]]:
    code, out = run(capsys, "check", str(path), "--format", "plain", "--lang", "en", *extra)
    return code, out.splitlines()


# -- bad declarations in a data file: exit 2, located ----------------------------------------
def test_a_formula_naming_a_column_the_table_lacks_is_a_located_load_error(write, capsys):
    path = macro(write, '(kolom "Tahun N" - kolom "2018") / kolom "2018" * 100')
    code, lines = plain(capsys, path)
    assert code == 2
    where = f"{path}:{line_of(path, 'Perubahan (%): ')}:"
    found = [line for line in lines if "LOAD007" in line]
    assert len(found) == 1 and found[0].startswith(where)
    assert "uses column '2018', which the table does not have" in found[0]


def test_a_formula_that_does_not_read_is_a_located_load_error(write, capsys):
    path = macro(write, '(kolom "Tahun N" - kolom "Tahun N-1") / * 100')
    code, lines = plain(capsys, path)
    assert code == 2
    found = [line for line in lines if "LOAD007" in line]
    assert len(found) == 1 and found[0].startswith(f"{path}:{line_of(path, 'Perubahan (%): ')}:")
    # the '*' is character 41 of the formula
    assert "cannot be read (character 41)" in found[0] and "'*' is not expected here" in found[0]


def test_a_formula_for_a_column_the_table_lacks_is_located_at_its_key(write, capsys):
    text = macro_text().replace("Perubahan (%):", "Laju (%):")
    path = write(text)
    code, lines = plain(capsys, path)
    assert code == 2
    line = line_of(path, "Laju (%):")
    column = path.read_text().splitlines()[line - 1].index("Laju") + 1
    assert any(entry.startswith(f"{path}:{line}:{column}: LOAD007") for entry in lines)


def test_a_formula_with_a_bare_name_is_a_load_error(write, capsys):
    code, lines = plain(capsys, macro(write, "realisasi / target * 100"))
    assert code == 2 and any("Unknown name 'realisasi'" in line for line in lines)


EQUALITY = """\
tempat:
  Tabel 1.2: {peran: lainnya}
  Tabel 1.3: {peran: lainnya}
tabel:
  - id: tabel-1.2
    di: Tabel 1.2
    kolom: [Biro, GOL. III]
    kolom_label: Biro
    baris:
      - [Jumlah, "185"]
  - id: tabel-1.3
    di: Tabel 1.3
    kolom: [Golongan, Jumlah]
    kolom_label: Golongan
    baris:
      - [Golongan III, "%s"]
kesamaan:
  - '%s'
"""
GOOD_EQUALITY = ('tabel "tabel-1.2" baris "Jumlah" kolom "GOL. III" = '
                 'tabel "tabel-1.3" baris "Golongan III" kolom "Jumlah"')


@pytest.mark.parametrize("equality,code,message", [
    (GOOD_EQUALITY.replace('"tabel-1.3"', '"tabel-9"'), "LOAD005", "names table 'tabel-9'"),
    (GOOD_EQUALITY.replace('baris "Jumlah"', 'baris "Total"'), "LOAD007", "names row 'Total'"),
    (GOOD_EQUALITY.replace('"GOL. III"', '"GOL.III"'), "LOAD007", "names column 'GOL.III'"),
    (GOOD_EQUALITY.replace(" = ", " "), "LOAD007", "cannot be read (character 51)"),
])
def test_an_equality_that_cannot_be_used_is_a_located_load_error(write, capsys, equality, code,
                                                                 message):
    path = write(complete(EQUALITY % ("185", equality)))
    status, lines = plain(capsys, path)
    assert status == 2
    found = [line for line in lines if f" {code} " in line]
    assert len(found) == 1 and message in found[0]
    assert found[0].startswith(f"{path}:{line_of(path, 'kesamaan:') + 1}:")


# -- findings: the cells involved and the replacement ---------------------------------------
def test_a_wrong_derived_cell_names_the_wrong_formula_and_carries_a_safe_fix(write, capsys):
    # (8,35 - 8,51) / 8,51 * 100 = -1,8801 -> -1,88; 98,12 = 8,35 / 8,51 * 100
    path = macro(write, stated="98,12")
    code, out = run(capsys, "check", str(path), "--format", "json", "--lang", "en")
    assert code == 1
    finding = next(f for f in json.loads(out)["findings"] if f["code"] == "TBL004")
    assert finding["found"] == "98,12" and finding["expected"] == "-1,88"
    assert finding["fix"]["replacement"] == "-1,88" and finding["fix"]["safety"] == "safe"
    assert finding["location"]["pointer"] == "/tabel/0/baris/0/3"
    assert [loc["pointer"] for loc in finding["related"]] == ["/tabel/0/baris/0/1",
                                                              "/tabel/0/baris/0/2"]
    assert "the ratio instead of the change" in finding["message"]["en"]


def test_the_right_value_passes(write, capsys):
    code, lines = plain(capsys, macro(write))
    assert not [line for line in lines if "TBL00" in line]


def test_the_data_files_formula_wins_over_a_recognised_one(write, capsys):
    # headers a rule recognises (two years, 'Perubahan (%)'), but the report defines the
    # column as the difference: 8,35 - 8,51 = -0,16
    text = macro_text('kolom "2019" - kolom "2018"', "-0,16").replace(
        "Tahun N-1, Tahun N", '"2018", "2019"')
    code, lines = plain(capsys, write(text))
    assert not [line for line in lines if "TBL00" in line]


def test_an_equality_is_reported_at_the_second_cell_with_the_first_related(write, capsys):
    path = write(complete(EQUALITY % ("379", GOOD_EQUALITY)))
    code, out = run(capsys, "check", str(path), "--format", "json", "--lang", "en")
    finding = next(f for f in json.loads(out)["findings"] if f["code"] == "TBL005")
    assert finding["location"]["pointer"] == "/tabel/1/baris/0/1"
    assert [loc["pointer"] for loc in finding["related"]] == ["/tabel/0/baris/0/1"]
    assert finding["found"] == "379" and finding["expected"] == "185"
    assert finding["fix"]["safety"] == "suggestion"  # which table is right: the compiler decides


# -- declarations in rule files -------------------------------------------------------------
def compile_with(text: str):
    return compile_sources(default_sources() + [RuleSource("mine.sakip", textwrap.dedent(text))])


def problems(text: str) -> list[tuple[str, int, int]]:
    with pytest.raises(DslError) as error:
        compile_with(text)
    return [(p.message_key, p.line, p.column) for p in error.value.problems]


def test_a_derived_declaration_names_only_what_it_binds():
    assert problems("""\
        turunan "x" jika kolom memuat "indeks" {
          a = kolom memuat "nilai"
          rumus = a / b * 100
        }
        """) == [("dsl.unknown-variable", 3, 3)]


def test_a_set_of_columns_is_only_averaged():
    assert problems("""\
        turunan "x" jika kolom memuat "indeks" {
          bagian = kolom angka lain
          rumus = bagian * 2
        }
        """) == [("dsl.column-set-as-number", 3, 3)]


def test_a_derived_declaration_needs_a_formula_and_a_known_function():
    assert problems("""\
        turunan "x" jika kolom memuat "indeks" {
          a = kolom memuat "nilai"
          rumus negatif = akar(a)
        }
        """) == [("dsl.unknown-function", 3, 3), ("dsl.derived-no-formula", 1, 1)]


def test_a_syntax_error_in_a_declaration_is_located():
    assert problems('turunan "x" jika kolom memuat "indeks" { a = kolom tahun depan }') == [
        ("dsl.unexpected-token", 1, 58)]


RULE_FILE_REPORT = """\
tempat:
  Tabel 1.2: {peran: lainnya}
  Tabel 1.3: {peran: lainnya}
  Tabel 2.3: {peran: lainnya}
tabel:
  - id: tabel-1.2
    di: Tabel 1.2
    kolom: [Biro, GOL. III]
    kolom_label: Biro
    baris:
      - [Jumlah, "185"]
  - id: tabel-1.3
    di: Tabel 1.3
    kolom: [Golongan, Jumlah]
    kolom_label: Golongan
    baris:
      - [Golongan III, "379"]
  - id: tabel-2.3
    di: Tabel 2.3
    kolom: [Uraian, Tahun N-1, Tahun N, Laju]
    kolom_label: Uraian
    baris:
      - [Kunjungan wisatawan, "1.000", "1.250", "20"]
"""


def test_a_rule_file_can_declare_an_exact_column_and_an_equality(write, capsys, tmp_path):
    rules = tmp_path / "aturan"
    rules.mkdir()
    (rules / "laporan.sakip").write_text(
        'rumus kolom "Laju" = (kolom "Tahun N" - kolom "Tahun N-1") / kolom "Tahun N-1" * 100\n'
        f"kesamaan {GOOD_EQUALITY}\n"
        # a table this report does not have: the equality does not apply to it
        'kesamaan tabel "tidak-ada" baris "x" kolom "y" = tabel "tabel-1.2" baris "Jumlah" '
        'kolom "GOL. III"\n', encoding="utf-8")
    path = write(complete(RULE_FILE_REPORT))
    code, lines = plain(capsys, path)
    assert not [line for line in lines if " TBL00" in line]  # nothing declared, nothing recognised
    code, lines = plain(capsys, path, "--rules", str(rules))
    # (1.250 - 1.000) / 1.000 * 100 = 25, printed 20; Golongan III 379 against 185
    tbl = sorted(line.split(": ", 1)[1].split(" ", 1)[0] for line in lines if " TBL00" in line)
    assert tbl == ["TBL004", "TBL005"]
    assert any("TBL004" in line and "Laju" in line and "= 25 " in line for line in lines)


def test_the_data_format_example_loads_and_is_right(write, capsys):
    """The example of docs/data-format.md is a valid partial report with nothing to find."""
    document = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", document, re.S) if "kesamaan:" in b)
    places = "tempat:\n" + "".join(f"  Tabel 1.{n}: {{peran: lainnya}}\n" for n in (5, 2, 3))
    path = write(complete(places + block))
    code, lines = plain(capsys, path)
    assert code != 2 and not [line for line in lines if " TBL00" in line]
    wrong = write(complete(places + block.replace('"-1,88"', '"-1,80"')
                           .replace('[Golongan III, "185"]', '[Golongan III, "379"]')))
    code, lines = plain(capsys, wrong)
    assert sorted(line.split(": ", 1)[1].split(" ", 1)[0] for line in lines
                  if " TBL00" in line) == ["TBL004", "TBL005"]


def test_an_exact_header_whose_columns_are_missing_leaves_recognition_to_the_patterns(
        write, capsys, tmp_path):
    rules = tmp_path / "aturan"
    rules.mkdir()
    (rules / "laporan.sakip").write_text(
        'rumus kolom "Perubahan (%)" = (kolom "Tahun N" - kolom "Tahun N-1") / kolom "Tahun N-1" * 100\n',
        encoding="utf-8")
    # no 'Tahun N' columns here; the default 'perubahan' still applies: 98,12 is wrong (-1,88)
    text = macro_text(stated="98,12").replace("Tahun N-1, Tahun N", '"2018", "2019"')
    text = re.sub(r"  rumus:\n.*\n", "", text)
    code, lines = plain(capsys, write(text), "--rules", str(rules))
    assert [line for line in lines if " TBL004 " in line and "= -1,88 " in line]


def test_a_set_of_columns_before_a_total_is_only_summed():
    assert problems("""\
        turunan "x" jika kolom bernama "jumlah" {
          bagian = kolom angka sebelumnya kecuali "%" sejenis "target"
          rumus = bagian + 1
        }
        """) == [("dsl.column-set-as-number", 3, 3)]


def test_a_named_header_is_the_word_itself_a_unit_in_parentheses_aside():
    from sakip_lint.config import HeaderTest

    total = HeaderTest(named=("jumlah", "total"))
    assert [header for header in ("JUMLAH", "Jumlah (Rp)", "Total  (orang)", " total ",
                                  "Jumlah Pegawai", "Jumlah Temuan (kali)", "Subtotal")
            if total.matches(header)] == ["JUMLAH", "Jumlah (Rp)", "Total  (orang)", " total "]


def test_a_sum_adds_the_printed_parts_only():
    from decimal import Decimal

    from sakip_lint.expressions import Call, Column, NotComputable, evaluate

    parts = Call("jumlah", (Column("L"), Column("P")))
    # 100 + 85 = 185; '-' (no value) + 85 = 85; nothing printed: no sum at all
    assert evaluate(parts, {Column("L").key: Decimal(100), Column("P").key: Decimal(85)}) == 185
    assert evaluate(parts, {Column("L").key: None, Column("P").key: Decimal(85)}) == 85
    with pytest.raises(NotComputable):
        evaluate(parts, {Column("L").key: None, Column("P").key: None})


def test_the_kaltim_staff_tables_need_no_total_declaration(write):
    """The four staff tables of the Kaltim report (Tabel 1.1-1.4) without their kolom_angka
    and kolom_total: each JUMLAH is recognised by its header, with exactly the parts the data
    file declares (the columns between EKSEKUTIF/BIRO and JUMLAH; No. names the row)."""
    from sakip_lint.capaian import compute
    from sakip_lint.checks.tables import total_columns
    from sakip_lint.loader import load_report
    from sakip_lint.rule import Context
    from sakip_lint.ruleset import load_ruleset

    source = ROOT / "fixtures" / "kaltim-2017" / "lkjip-setda-kaltim-2017.yaml"
    declared = load_report(source).loaded.report
    expected = {t.id: [(t.kolom_total, t.kolom_angka)] for t in declared.tabel if t.kolom_total}
    assert sorted(expected) == ["tabel-1.1", "tabel-1.2", "tabel-1.3", "tabel-1.4"]
    text = re.sub(r"\n    kolom_angka: \[[^\]]*\]\n    kolom_total: JUMLAH", "",
                  source.read_text(encoding="utf-8"))
    assert "kolom_total" not in text
    loaded = load_report(write(text)).loaded
    ruleset = load_ruleset()
    context = Context(loaded, ruleset.config, compute(loaded, ruleset.config))
    found = {t.id: total_columns(context, t) for t in loaded.report.tabel}
    assert {ident: found[ident] for ident in expected} == expected
    assert not any(found[t.id] for t in loaded.report.tabel if t.id not in expected)



def test_a_rule_file_formula_naming_columns_a_table_lacks_does_not_apply_to_it(
        write, capsys, tmp_path):
    """Rule files are generic: 'Laju' of a table without 'Tahun N' / 'Tahun N-1' is not matched,
    silently (no load error, no finding), where a data file's rumus naming them is LOAD007."""
    rules = tmp_path / "aturan"
    rules.mkdir()
    (rules / "laporan.sakip").write_text(
        'rumus kolom "Laju" = (kolom "Tahun N" - kolom "Tahun N-1") / kolom "Tahun N-1" * 100\n',
        encoding="utf-8")
    # the same table with other year headers: (1.250 - 1.000) / 1.000 * 100 = 25 would make the
    # printed 20 wrong, but the rule file's formula does not name these columns
    text = complete(RULE_FILE_REPORT.replace("Tahun N-1, Tahun N", '"2018", "2019"'))
    code, lines = plain(capsys, write(text), "--rules", str(rules))
    assert code != 2
    assert not [line for line in lines if " TBL004 " in line or " LOAD" in line]
    # with its columns, the same rule-file formula applies: 25, printed 20
    code, lines = plain(capsys, write(complete(RULE_FILE_REPORT)), "--rules", str(rules))
    assert [line for line in lines if " TBL004 " in line and "Laju" in line and "= 25 " in line]


ROUNDING_COLUMN = """\
tempat:
  Tabel 3.1: {peran: lainnya}
tabel:
  - id: tabel-3.1a
    di: Tabel 3.1
    kolom: [Indikator, Target, Realisasi, Capaian (%)]
    kolom_label: Indikator
    baris:
      - [Indeks Kepuasan Masyarakat, "80", "74,91", "93,63"]
      - [Persentase dokumen, "3", "2", "66,66"]
      - [Persentase layanan, "100", "87,96", "87"]
"""


def test_a_rounding_habit_of_a_column_is_one_finding_that_keeps_every_fix(write, capsys):
    code, out = run(capsys, "check", str(write(complete(ROUNDING_COLUMN))), "--format", "json")
    found = [f for f in json.loads(out)["findings"] if f["code"] == "TBL006"]
    assert len(found) == 1
    finding = found[0]
    # 74,91 / 80 x 100 = 93,6375 -> 93,64; 2 / 3 x 100 = 66,666.. -> 66,67; 87,96 -> 88 (0 decimals)
    assert finding["fix"]["replacement"] == "93,64"
    assert [loc["pointer"] for loc in finding["same_cause"]] == ["/tabel/0/baris/1/3",
                                                                 "/tabel/0/baris/2/3"]
    assert [(fix["location"]["pointer"], fix["replacement"], fix["safety"])
            for fix in finding["same_cause_fixes"]] == [("/tabel/0/baris/1/3", "66,67", "safe"),
                                                        ("/tabel/0/baris/2/3", "88", "safe")]


def test_grouping_by_column_tells_the_columns_of_a_generic_table_apart():
    from sakip_lint.location import Location
    from sakip_lint.rule import _group_key

    def key(pointer: str) -> tuple:
        return _group_key("kolom", Location(file="f", line=1, column=1, pointer=pointer,
                                            place="Tabel 3.1"))

    # cells of column 3 in two rows are one cause; column 4 of the same table another; a row
    # value of a place groups by its field
    assert key("/tabel/0/baris/0/3") == key("/tabel/0/baris/5/3") != key("/tabel/0/baris/0/4")
    assert key("/tabel/0/baris/0/3") != key("/tabel/1/baris/0/3")
    assert key("/tempat/Tabel 3.1/baris/0/capaian") == key("/tempat/Tabel 3.1/baris/2/capaian")
