"""Renstra series (ALN005, ALN006) in detail, and the band comparisons behind them and behind
ALN001/ALN004/KLP004 (sakip_lint.bands)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_lint.bands import Interval, as_bar, better, binding_bound, entirely_below, interval, lowers_the_bar, worse
from sakip_lint.examples import run_example
from sakip_lint.model import Polarity
from sakip_lint.numbers import NumberStyle, parse_value
from sakip_lint.ruleset import load_ruleset

RULESET = load_ruleset()
POS, NEG = Polarity.POSITIF, Polarity.NEGATIF


def band(text: str) -> Interval:
    found = interval(parse_value(text, NumberStyle.ID))
    assert found is not None, text
    return found


def findings(code: str, partial: str):
    return [f for result in run_example(partial, RULESET) for f in result.findings if f.code == code]


SERIES = """\
indikator:
  - {id: IK-01, teks: Indeks kepuasan masyarakat, sasaran: S-01, tipe: indeks}
tempat:
  Tabel 2.1:
    peran: renstra
    baris:
      - {id: IK-01, target_tahun: {2019: "60", 2020: "65", 2021: "63", 2022: "70", 2023: "68"}}
  Tabel 2.2:
    peran: renstra
    baris:
      - {id: IK-01, target_tahun: {2019: "60", 2020: "59"}}
"""


def test_one_finding_per_series_naming_every_turn():
    found = findings("ALN005", SERIES)
    assert len(found) == 2  # two series (two Renstra tables), each reported once
    first = next(f for f in found if f.location.place == "Tabel 2.1")
    # 65 -> 63 (2020 -> 2021) and 70 -> 68 (2022 -> 2023)
    assert dict(first.args)["tahun"] == "2020→2021, 2022→2023"
    assert first.location.pointer == "/tempat/Tabel 2.1/baris/0/target_tahun/2021"
    assert (first.found, first.expected) == ("63", "65")
    related = {location.pointer.rsplit("/", 1)[-1] for location in first.related}
    assert related == {"2020", "2022", "2023"}
    assert "turun pada 2020→2021, 2022→2023" in first.message("id")
    assert "fall in 2020→2021, 2022→2023, against its positive polarity" in first.message("en")


def test_baseline_finding_points_at_the_first_target_and_the_baseline():
    partial = """\
indikator:
  - {id: IK-01, teks: Tingkat pengangguran terbuka, sasaran: S-01, tipe: persentase, baseline: "5,2"}
tempat:
  Tabel 2.1:
    peran: renstra
    baris:
      - {id: IK-01, target_tahun: {2020: "5,0", 2019: "5,5"}}
"""
    [finding] = findings("ALN006", partial)
    assert finding.location.pointer == "/tempat/Tabel 2.1/baris/0/target_tahun/2019"
    assert [location.pointer for location in finding.related] == ["/indikator/0/baseline"]
    assert "melebihi baseline 5,2 (polaritas negatif)" in finding.message("id")


@pytest.mark.parametrize("a,b,expected", [
    ("5", "6", True), ("6", "6", False),
    ("60 - 65", "70", True), ("60 - 70", "70", False),  # touches 70: shares a value
    ("< 70", "70", True),  # excluded bound: nothing of '< 70' reaches 70
    ("maks. 80", "90", True), ("≥ 60", "70", False),  # no upper end: never wholly below
])
def test_entirely_below(a, b, expected):
    assert entirely_below(band(a), band(b)) is expected


def test_better_and_worse_follow_polarity():
    assert better(band("91 - 95"), band("80 - 90"), POS)
    assert not better(band("85 - 95"), band("80 - 90"), POS)  # overlapping
    assert better(band("maks. 5"), band("6 - 8"), NEG)
    assert worse(band("> 6,5"), band("6"), NEG) and not worse(band("maks. 6"), band("6"), NEG)


@pytest.mark.parametrize("a,b,polarity,expected", [
    # a one-sided band is its binding bound: positive '≥ 73' is 73, so it is better than an
    # end target '≥ 72' (72) and than 72, not than '≥ 80' (80) or 73 itself
    ("≥ 73", "≥ 72", POS, True), ("≥ 73", "72", POS, True),
    ("≥ 75", "≥ 80", POS, False), ("≥ 73", "73", POS, False),
    ("> 73", "73", POS, True),  # '> 73' accepts nothing at 73: a bar just above it
    # negative: 'maks. 7,5' is 7,5, better than 'maks. 8' and than 7,6, not than 7,2
    ("maks. 7,5", "maks. 8", NEG, True), ("maks. 7,5", "7,6", NEG, True),
    ("maks. 7,5", "7,2", NEG, False),
    # against a two-sided band the one-sided one is still its bar: 73 above 60 - 72, not
    # above 70 - 75 (which holds 73)
    ("≥ 73", "60 - 72", POS, True), ("≥ 73", "70 - 75", POS, False),
])
def test_a_one_sided_band_compares_by_its_binding_bound(a, b, polarity, expected):
    assert better(band(a), band(b), polarity) is expected
    assert worse(band(b), band(a), polarity) is expected
    assert as_bar(band("80 - 90"), polarity) == band("80 - 90")  # two-sided: as it is


@pytest.mark.parametrize("before,after,polarity,expected", [
    ("80 - 90", "78 - 88", POS, True),
    ("80 - 90", "80 - 95", POS, False),
    ("80 - 90", "75 - 95", POS, True),   # the bar (lower bound) went down
    ("≥ 80", "80 - 90", POS, False),
    ("85", "≥ 80", POS, True),
    ("maks. 5", "maks. 6", NEG, True),
    ("7 - 8", "6 - 7", NEG, False),     # negative: the upper bound fell, as it should
    ("maks. 6", "maks. 5", POS, True),  # no lower bound: the upper one is the bar
])
def test_lowers_the_bar(before, after, polarity, expected):
    assert lowers_the_bar(band(before), band(after), polarity) is expected


def test_binding_bound():
    assert binding_bound(band("80 - 90"), POS) == Decimal(80)
    assert binding_bound(band("80 - 90"), NEG) == Decimal(90)
    assert binding_bound(band("≥ 80"), NEG) == Decimal(80)  # the other bound when open
