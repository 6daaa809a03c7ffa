"""Which table's annual target the capaian uses is written in the rules (``target tahunan
dari``), not in Python: a rule folder that writes another order changes the capaian."""

from __future__ import annotations

import pytest

from conftest import MINI
from sakip_lint.capaian import compute
from sakip_lint.dsl.errors import DslError
from sakip_lint.engine import check_file
from sakip_lint.loader import load_report
from sakip_lint.model import Role
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

# The measurement table prints a realisasi and a capaian but no target: the annual target is
# read from the PK (80) or the RKT (90), whichever the rules name first.
REPORT = MINI.split("tempat:\n")[0] + """\
tempat:
  Tabel 2.7: {peran: rkt, baris: [{id: IK-01, target: "90"}]}
  Tabel 2.8: {peran: pk, baris: [{id: IK-01, target: "80"}]}
  Tabel 3.1:
    peran: pengukuran
    baris:
      - {id: IK-01, nomor: "1", realisasi: "90", capaian: "112,50"}
"""


def rules_folder(tmp_path, text: str):
    folder = tmp_path / "aturan"
    folder.mkdir()
    (folder / "urutan.sakip").write_text(text, encoding="utf-8")
    return folder


def test_the_default_rules_read_the_annual_target_from_the_pk_first():
    assert load_ruleset().config.annual_target == (Role.PK, Role.RKT, Role.PENGUKURAN,
                                                   Role.ANALISIS)


def test_a_rule_folder_with_another_order_changes_which_target_the_capaian_uses(write, tmp_path):
    loaded = load_report(write(REPORT)).loaded
    by_default = compute(loaded, load_ruleset().config).indicators[0]
    assert by_default.capaian.rounded == 112.50  # 90 / 80 (PK) * 100
    assert [cell.place for cell in by_default.inputs] == ["Tabel 3.1", "Tabel 2.8"]

    rkt_first = load_ruleset([rules_folder(tmp_path, "target tahunan dari rkt, pk\n")])
    assert rkt_first.config.annual_target == (Role.RKT, Role.PK)
    loaded = load_report(write(REPORT, "other.yaml")).loaded
    other = compute(loaded, rkt_first.config).indicators[0]
    assert other.capaian.rounded == 100  # 90 / 90 (RKT) * 100
    assert [cell.pointer for cell in other.inputs] == ["/tempat/Tabel 3.1/baris/0/realisasi",
                                                       "/tempat/Tabel 2.7/baris/0/target"]


def test_the_order_decides_whether_the_printed_capaian_is_a_finding(write, tmp_path):
    path = write(REPORT)
    codes = {finding.code for finding in check_file(path, load_ruleset()).findings}
    assert "CAP001" not in codes  # 112,50 is right against the PK's target
    rkt_first = load_ruleset([rules_folder(tmp_path, "target tahunan dari rkt, pk\n")])
    wrong = [f for f in check_file(path, rkt_first).findings if f.code == "CAP001"]
    assert [(f.location.pointer, f.found, f.expected) for f in wrong] == [
        ("/tempat/Tabel 3.1/baris/0/capaian", "112,50", "100,00")]


@pytest.mark.parametrize("text, key, column", [
    ("target tahunan dari pk, rencana\n", "dsl.unknown-role", 25),
    ("target tahunan dari pk, rkt, pk\n", "dsl.role-twice", 30),
])
def test_an_unknown_or_repeated_role_is_an_error_where_it_is_written(text, key, column):
    with pytest.raises(DslError) as raised:
        compile_sources(default_sources() + [RuleSource("urutan.sakip", "\n" + text)])
    [found] = raised.value.problems
    assert (found.file, found.line, found.column, found.message_key) == (
        "urutan.sakip", 2, column, key)


def test_the_statement_is_required():
    sources = [RuleSource(source.name, source.text.replace(
        "target tahunan dari pk, rkt, pengukuran, analisis", ""))
        for source in default_sources()]
    with pytest.raises(DslError) as raised:
        compile_sources(sources)
    assert [p.message_key for p in raised.value.problems] == ["dsl.missing-annual-target"]
