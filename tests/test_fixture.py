"""The real report: it loads cleanly, its capaian are reproduced, and its findings are pinned."""

from __future__ import annotations

import os
from decimal import Decimal

import pytest

from conftest import FIXTURE, ROOT
from sakip_lint.cli import main
from sakip_lint.comparison import Verdict
from sakip_lint.engine import check_file
from sakip_lint.ruleset import load_ruleset

SNAPSHOT = ROOT / "tests" / "snapshots" / "kaltim-2017-findings.txt"


@pytest.fixture(scope="module")
def result():
    return check_file(FIXTURE, load_ruleset())


def test_the_fixture_loads_without_load_problems(result):
    assert result.usable
    assert not [f for f in result.findings if f.code.startswith("LOAD")]
    report = result.loaded.report
    assert (len(report.sasaran), len(report.indikator)) == (12, 15)


# Tabel 3.1: every capaian that can be computed, as the rules compute it, and how the report
# printed it (match, only its rounding, or words instead of a number).
TABEL_3_1 = {
    "IK-01": ("75.00", Verdict.NOT_NUMBER),  # 'Tinggi' against 'Sangat Tinggi'
    "IK-02": ("103.33", Verdict.MATCH),  # 93 / 90
    "IK-04": ("70.33", Verdict.ROUNDING),  # 429 / 610, printed 70,32
    "IK-05": ("68.42", Verdict.MATCH),
    "IK-06": ("111.11", Verdict.MATCH),  # 100 / 90 = 111,11, printed 111: right at 0 decimals
    "IK-07": ("100.00", Verdict.MATCH),
    "IK-08": ("99.25", Verdict.MATCH),
    "IK-09": ("100.00", Verdict.MATCH),
    "IK-10": ("100.00", Verdict.MATCH),
    "IK-11": ("100.00", Verdict.MATCH),
    "IK-12": ("76.00", Verdict.MATCH),
    "IK-13": ("98.98", Verdict.MATCH),  # 82,15 / 83
    "IK-14": ("99.36", Verdict.MATCH),
    "IK-15": ("97.22", Verdict.MATCH),
}


def test_capaian_reproduces_tabel_3_1(result):
    by_id = {r.indikator.id: r for r in result.capaian.indicators}
    for ident, (expected, verdict) in TABEL_3_1.items():
        assert by_id[ident].place == "Tabel 3.1"
        assert by_id[ident].capaian.rounded == Decimal(expected), ident
        assert result.stated.indicators[ident].capaian.comparison.verdict is verdict, ident
    ik03 = by_id["IK-03"]
    assert ik03.capaian.exact is None and ik03.capaian.reason == "capaian.not-computable.no-realisasi"


def test_a_finding_points_at_exactly_its_cell(result):
    text = FIXTURE.read_text(encoding="utf-8")
    start = text.index("\n  Tabel 3.1:\n")
    index = text.index('realisasi: "429", capaian: "70,32"', start) + len('realisasi: "429", capaian: ')
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index)
    finding = next(f for f in result.findings
                   if f.code == "CAP002" and f.location.key == "indikator IK-04"
                   and f.location.place == "Tabel 3.1")
    assert (finding.location.line, finding.location.column) == (line, column)
    assert finding.location.pointer.startswith("/tempat/Tabel 3.1/baris/")
    assert finding.found == "70,32" and finding.expected == "70,33"


def test_right_values_are_not_flagged(result):
    flagged = {(f.location.key, f.location.place) for f in result.findings
               if f.code.startswith("CAP")}
    for ident in ("IK-02", "IK-05", "IK-13", "IK-14", "IK-15"):
        assert (f"indikator {ident}", "Tabel 3.1") not in flagged
    # Tabel 3.5's efficiency is its own capaian minus its own absorption in every row
    assert not [f for f in result.findings if f.code.startswith("EFF")]
    # row 9 of Tabel 3.7 is the one row whose percentage is realisasi / pagu
    absorption = {(f.code, f.location.key) for f in result.findings if f.code.startswith("BUD00")}
    assert ("BUD001", "sasaran S-09") not in absorption
    # the staff tables add up, row by row and column by column
    assert not [f for f in result.findings if f.code in ("TBL001", "TBL002")]


def test_known_errors_of_the_report_are_found(result):
    messages = {(f.code, f.location.key, f.location.place): f for f in result.findings}
    assert messages[("CAP001", "sasaran S-01", "Tabel 3.5")].expected == "75,00"
    # Tabel 3.7 prints pagu / realisasi as the % of 11 of its 12 rows: one finding for the
    # table (S-01: 381.821.530 / 420.600.000 = 90,78), the rows related; S-09 overspends
    swapped = messages[("BUD007", "sasaran S-01", "Tabel 3.7")]
    assert dict(swapped.args)["jumlah"] == "11" and swapped.fix is None
    assert not [f for f in result.findings if f.code == "BUD001"]
    overall = messages[("CAP001", "klaim K-03", "Ringkasan Eksekutif")]
    assert dict(overall.args)["penjelasan"].key == "explain.missing-as-zero"
    assert messages[("BUD003", "sasaran S-09", "Tabel 3.7")].found == "1.231.138.048,-"
    # the 2013 and 2014 grades of Tabel 3.4: one cause (the scale of that time), both cells
    grades = [f for f in result.findings if f.code == "GRD001"]
    assert len(grades) == 1
    assert {grades[0].location.column, *(l.column for l in grades[0].same_cause)} == {49, 54}
    assert ("KLM003", "klaim K-09", "1.6") in messages  # S1 is first, not second
    assert ("KLP008", "tabel daftar-tabel", "Daftar Tabel") in messages  # Tabel 3.6 is missing
    unit = messages[("ALN002", "indikator IK-01", "3.3 Sasaran 1 Realisasi")]
    assert unit.fix is not None and not unit.fix.safe and unit.fix.replacement == "Predikat"
    assert ("NUM003", "sasaran S-04", "Tabel 3.5") in messages  # the stray '97.67'


def test_linkage_problems_of_the_report_are_found(result):
    # a finding stands for every value its one cause shows in
    found = {(f.code, location.key, location.place) for f in result.findings
             for location in (f.location, *f.same_cause)}
    # Tabel 2.2 numbers the tujuan in its own order (T-2 as 3, T-8 as 9, T-9 as 10; Tabel 2.1
    # numbers them 2, 8, 9) and prints T-3 twice, as 2 and 8: one finding each, not one per
    # sasaran standing under them
    tujuan = [f for f in result.findings if f.code == "GRF009" and f.location.key.startswith("tujuan")]
    assert len(tujuan) == 1 and tujuan[0].location.place == "Tabel 2.2"
    assert dict(tujuan[0].args)["tempat_lain"] == "Tabel 2.1"
    listed = dict(tujuan[0].args)["ragam"]
    assert all(part in listed for part in ("T-2: 3 (Tabel 2.2) / 2", "T-8: 9 (Tabel 2.2) / 8",
                                           "T-9: 10 (Tabel 2.2) / 9"))
    assert ("GRF008", "tujuan T-3", "Tabel 2.2") in found
    # the programme list of 2.1.8 does not match Tabel 2.6
    for ident in ("P-22", "P-23", "P-27"):
        assert ("GRF003", f"program {ident}", None) in found
    assert ("GRF012", "program P-X1", "Tabel 2.6") in found
    assert ("GRF008", "program P-24", "2.1.8") in found  # listed twice, as 24 and 26
    assert ("GRF007", "program P-01", "3.3 Sasaran 2") in found
    # parallel indicators ('... bidang Kesra' / '... bidang Ekonomi') are not duplicates
    assert not [f for f in result.findings if f.code == "GRF011"]


def snapshot_lines(result) -> list[str]:
    return [f"{f.code} {f.severity.value} {f.location.line}:{f.location.column} "
            f"{f.location.pointer} | {f.message('en')}" for f in result.findings]


def test_the_full_list_of_findings_is_pinned(result):
    """Any change in what is found on the real report shows up here, in review."""
    lines = snapshot_lines(result)
    if os.environ.get("SAKIP_LINT_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == SNAPSHOT.read_text(encoding="utf-8").splitlines()


def test_capaian_command_on_the_fixture(capsys):
    assert main(["capaian", str(FIXTURE), "--format", "plain"]) == 0
    out = capsys.readouterr().out
    assert "103,33" in out and "70,32 (Tabel 3.1)" in out and "-0,01" in out
    assert "83.34% (Ringkasan Eksekutif)" in out


BROKEN = {
    "bad indentation": ('\ntahun: 2017\n', '\n tahun: 2017\n'),
    "a list where a number must be": ('target: "610"', 'target: [6, 1, 0]'),
    "an unknown sasaran id": ("    sasaran: S-04\n    tipe: absolut", "    sasaran: S-40\n    tipe: absolut"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_copy_of_the_fixture_exits_2_with_located_messages(case, tmp_path, capsys):
    old, new = BROKEN[case]
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check", str(broken), "--format", "plain"]) == 2
    out = capsys.readouterr().out
    located = [line for line in out.splitlines() if line.startswith(f"{broken}:")]
    assert located and all(": LOAD" in line for line in located)
