"""Loading: positions of values, and every kind of load problem as a located finding."""

from __future__ import annotations

import json

import pytest

from conftest import MINI, report_text
from sakip_lint.loader import load_report


def codes(result):
    return [(f.code, f.message_key) for f in result.findings]


def position_of(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based (line, column) of the n-th occurrence of ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def test_a_valid_report_loads_without_findings(write):
    result = load_report(write(MINI))
    assert result.findings == ()
    assert result.loaded.report.indikator[0].id == "IK-01"
    assert len(result.digest) == 64


def test_values_keep_raw_text_and_exact_positions(write):
    text = report_text(rows='- {id: IK-01, nomor: "2", target: 97.67, realisasi: "1.336.589.482,-"}\n')
    loaded = load_report(write(text)).loaded
    row = loaded.report.tempat["Tabel 3.1"].baris[1]
    assert row.target == "97.67"  # a YAML float keeps its text, never becomes 97.67000001
    location = loaded.row_location("Tabel 3.1", 1, "realisasi")
    assert (location.line, location.column) == position_of(text, '"1.336.589.482,-"')
    assert location.pointer == "/tempat/Tabel 3.1/baris/1/realisasi"
    assert location.key == "indikator IK-01" and location.place == "Tabel 3.1"


def test_json_is_accepted_with_positions(write):
    import yaml

    data = yaml.safe_load(MINI)
    text = json.dumps(data, indent=2)
    loaded = load_report(write(text, "report.json")).loaded
    location = loaded.row_location("Tabel 3.1", 0, "capaian")
    after = text.index('"Tabel 3.1"')
    occurrence = text.count('"70,33"', 0, after) + 1
    assert (location.line, location.column) == position_of(text, '"70,33"', occurrence)


BROKEN = {
    "yaml syntax (bad indentation)": (
        MINI.replace("  - {id: S-01, teks: Sasaran satu, tujuan: T-1}",
                     "  - {id: S-01, teks: Sasaran satu, tujuan: T-1}\n   bad: [1"),
        ("LOAD001", "load.yaml.indentation")),
    "yaml syntax (colon in plain text)": (MINI.replace("instansi: Contoh", "instansi: Setda: Kaltim"),
                                          ("LOAD001", "load.yaml.mapping-here")),
    "top level is a list": ("- 1\n- 2\n", ("LOAD002", "load.not-mapping")),
    "list where text must be": (
        MINI.replace('target: "610"', "target: [6, 10]"), ("LOAD002", "load.schema.type")),
    "missing field": (MINI.replace("instansi: Contoh\n", ""), ("LOAD002", "load.schema.missing")),
    "unknown key": (MINI.replace("tahun: 2017", "tahun: 2017\ntahunn: 2018"),
                    ("LOAD002", "load.schema.extra")),
    "unknown choice": (MINI.replace("tipe: absolut", "tipe: absolute"),
                       ("LOAD002", "load.schema.choice")),
    "id with spaces": (MINI.replace("id: IK-01, teks", "id: IK 01, teks"),
                       ("LOAD002", "load.schema.id-shape")),
    "duplicate key": (MINI.replace("tahun: 2017", "tahun: 2017\ntahun: 2018"),
                      ("LOAD003", "load.duplicate-key")),
    "duplicate id": (MINI.replace("  - {id: S-01, teks: Sasaran satu, tujuan: T-1}",
                                  "  - {id: S-01, teks: Sasaran satu, tujuan: T-1}\n"
                                  "  - {id: S-01, teks: Sasaran dua, tujuan: T-1}"),
                     ("LOAD004", "load.duplicate-id")),
    "duplicate claim id": (MINI.replace("tempat:", "klaim:\n"
                                        "  - {id: K-1, di: Tabel 3.1, kutipan: a, tentang: jumlah_sasaran, nilai: '1'}\n"
                                        "  - {id: K-1, di: Tabel 3.1, kutipan: c, tentang: jumlah_indikator, nilai: '2'}\n"
                                        "tempat:"),
                           ("LOAD004", "load.duplicate-id")),
    "misspelt claim kind": (MINI.replace("tempat:", "klaim:\n"
                                         "  - {id: K-1, di: Tabel 3.1, kutipan: a, tentang: jumlah_sasran, nilai: '1'}\n"
                                         "tempat:"),
                            ("LOAD002", "load.schema.choice")),
    "indicator without sasaran in a whole document": (
        MINI.replace("sasaran: S-01, tipe", "tipe"), ("LOAD002", "load.missing-link")),
    "unknown sasaran id": (MINI.replace("sasaran: S-01, tipe", "sasaran: S-99, tipe"),
                           ("LOAD005", "load.unknown-id")),
    "unknown row id": (MINI.replace("{id: IK-01, nomor", "{id: IK-77, nomor"),
                       ("LOAD005", "load.unknown-row-id")),
    "column not for this kind": (MINI + '      - {id: S-01, target: "5"}\n',
                                 ("LOAD008", "load.row-field-kind")),
    "undeclared place": (MINI + "klaim:\n  - {id: K-1, di: Bab V, kutipan: x, tentang: jumlah_sasaran, nilai: \"1\"}\n",
                         ("LOAD006", "load.unknown-place")),
    "table row width": (MINI + "tabel:\n  - {id: t, di: Tabel 3.1, kolom: [a, b], kolom_label: a,"
                               " baris: [[x, '1', '2']]}\n",
                        ("LOAD007", "load.table-row-width")),
    "style of a column the table lacks": (
        MINI + "tabel:\n  - {id: t, di: Tabel 3.1, kolom: [a, b], kolom_label: a,"
               " gaya_kolom: {c: en}, baris: [[x, '1']]}\n",
        ("LOAD007", "load.table-unknown-column")),
    "list of tables naming a column the table lacks": (
        MINI + "tabel:\n  - {id: t, di: Tabel 3.1, kolom: [a, b], kolom_label: a,"
               " daftar_tabel: Tabel, baris: [[x, '1']]}\n",
        ("LOAD007", "load.table-unknown-column")),
    "merge key": (MINI + "x: &a {b: 1}\ny:\n  <<: *a\n", ("LOAD001", "load.unsupported-node")),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_load_problem_is_a_located_finding(write, case):
    text, expected = BROKEN[case]
    result = load_report(write(text))
    assert expected in codes(result), codes(result)
    assert result.loaded is None
    finding = next(f for f in result.findings if (f.code, f.message_key) == expected)
    assert finding.location.line is not None and finding.location.column is not None
    assert finding.message("id") != finding.message("en")


def test_unknown_id_points_at_the_reference(write):
    text = MINI.replace("sasaran: S-01, tipe", "sasaran: S-99, tipe")
    finding = load_report(write(text)).findings[0]
    assert (finding.location.line, finding.location.column) == position_of(text, "S-99")
    assert finding.location.key == "indikator IK-01"
    assert "S-99" in finding.message("id")


def test_missing_and_undecodable_files(tmp_path):
    missing = load_report(tmp_path / "nope.yaml")
    assert codes(missing) == [("LOAD000", "load.file-missing")]
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    assert codes(load_report(binary))[0][0] == "LOAD001"


STYLED_TABLE = MINI.replace("  Tabel 3.1:\n", "  Tabel 2.4:\n    peran: lainnya\n    gaya_angka: en\n"
                            "  Tabel 3.1:\n") + """\
tabel:
  - id: t-en
    di: Tabel 2.4
    kolom: [Program, Pagu, Persen]
    kolom_label: Program
    gaya_kolom: {Persen: id}
    baris: [[A, "1,250", "72,5"]]
  - id: t-report
    di: Tabel 3.1
    kolom: [Program, Pagu]
    kolom_label: Program
    baris: [[A, "1,250"]]
"""


def test_a_generic_table_reads_in_its_column_then_place_then_report_style(write):
    loaded = load_report(write(STYLED_TABLE)).loaded
    placed, plain = loaded.report.tabel
    # column Persen declares id; Pagu follows its place Tabel 2.4 (en); the table printed at
    # Tabel 3.1, which declares nothing, follows the report (id)
    assert loaded.table_style(placed, "Persen").value == "id"
    assert loaded.table_style(placed, "Pagu").value == "en"
    assert loaded.table_style(plain, "Pagu").value == "id"
    assert loaded.table_value(placed, "Pagu", "1,250").number == 1250  # one thousand two hundred fifty
    assert str(loaded.table_value(placed, "Persen", "72,5").number) == "72.5"
    assert str(loaded.table_value(plain, "Pagu", "1,250").number) == "1.250"  # one and a quarter


SAME_NUMBER = """\
indikator:
  - {id: IK-01, teks: Jumlah dokumen, sasaran: S-01, tipe: absolut}
tempat:
  Tabel 3.1 (PK):
    peran: pk
    nama: Tabel 3.1
    baris:
      - {id: IK-01, target: "610"}
  Tabel 3.1:
    peran: pengukuran
    nama: Tabel 3.1
    baris:
      - {id: IK-01, target: "600", realisasi: "429", capaian: "71,50"}
"""


def test_two_tables_printed_with_one_number_are_two_places_named_by_their_keys(write):
    """The key in 'tempat' is unique and names the place in findings; 'nama' is the number the
    report prints for both. A target printed 610 in one and 600 in the other is found, and the
    finding tells the two apart by key."""
    from sakip_lint.examples import complete, run_example
    from sakip_lint.ruleset import load_ruleset

    loaded = load_report(write(complete(SAME_NUMBER))).loaded
    places = loaded.report.tempat
    assert places["Tabel 3.1 (PK)"].nama == places["Tabel 3.1"].nama == "Tabel 3.1"
    assert places["Tabel 3.1 (PK)"].baris[0].target == "610"
    assert places["Tabel 3.1"].baris[0].target == "600"
    [result] = run_example(SAME_NUMBER, load_ruleset())
    [finding] = [f for f in result.findings if f.code == "ALN001"]
    # the PK is the reference (first role); the measurement table prints 600 against its 610
    assert finding.location.place == "Tabel 3.1"
    assert finding.location.pointer == "/tempat/Tabel 3.1/baris/0/target"
    assert [r.place for r in finding.related] == ["Tabel 3.1 (PK)"]
    assert "Tabel 3.1 (PK)" in finding.message("en")


def test_a_place_key_written_twice_is_a_located_load_error(write):
    """Two tables with one printed number need two keys: the second 'Tabel 3.5' is refused
    where it is written, not merged into the first."""
    text = MINI.replace("  Tabel 3.1:\n", "  Tabel 3.5:\n    peran: lainnya\n  Tabel 3.1:\n", 1)
    result = load_report(write(text))
    assert ("LOAD003", "load.duplicate-key") in codes(result)
    finding = next(f for f in result.findings if f.code == "LOAD003")
    assert (finding.location.line, finding.location.column) == position_of(text, "Tabel 3.5", 2)
