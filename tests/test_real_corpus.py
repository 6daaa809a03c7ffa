"""Real reports against hand-made expectations: each fixture in fixtures/real/, and the Kaltim
2017 report (fixtures/kaltim-2017/, whose pinned snapshot each expectation backs).

Every ``<name>.expect.yaml`` beside a fixture lists the findings a careful reviewer makes on
that excerpt (``temuan``: rule, place, business key, column, with the arithmetic written out)
and the values that are right and must stay quiet (``benar``; with ``aturan``, quiet for the
rules named, the respect in which the value is right). A finding counts for every value its
one cause shows in (``same_cause``). A ``benar`` entry must name a place, entity and column the
report has (else it asserts nothing), and a finding expected at its place is excused once for
each entry expecting it there, so a second finding of the same rule still fails. Every file
says ``lengkap: true``: it lists every finding the tool makes, and a finding no entry expects
is a failure, so each finding on a real report (each line of the pinned Kaltim snapshot too)
stays backed by a hand-made expectation.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import pytest
import yaml

from conftest import ROOT
from sakip_lint.engine import FileResult, check_file
from sakip_lint.findings import Location
from sakip_lint.model import Row
from sakip_lint.ruleset import load_ruleset

REAL = ROOT / "fixtures" / "real"
KALTIM = ROOT / "fixtures" / "kaltim-2017"


def with_expectations(folder) -> list:
    """The data files of a folder that have a ``.expect.yaml`` beside them."""
    return sorted(path for path in folder.glob("*.yaml") if not path.name.endswith(".expect.yaml")
                  and path.with_name(path.name.replace(".yaml", ".expect.yaml")).exists())


CORPUS = [path for path in REAL.glob("*.yaml") if not path.name.endswith(".expect.yaml")]
FIXTURES = with_expectations(REAL) + with_expectations(KALTIM)
BY_NAME = {path.name: path for path in FIXTURES}


@lru_cache(maxsize=None)
def checked(name: str) -> FileResult:
    return check_file(BY_NAME[name], load_ruleset())


def expectations(name: str) -> dict:
    path = BY_NAME[name].with_name(name.replace(".yaml", ".expect.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def column_of(result: FileResult, location: Location) -> tuple[str | None, str | None]:
    """(column, row label) a location points at: a row's field, or a generic table's header
    and the label of its row."""
    parts = location.pointer.split("/")[1:]
    if len(parts) >= 5 and parts[0] == "tempat" and parts[2] == "baris":
        return parts[4], None  # /tempat/P/baris/3/target_tahun/2016: the column target_tahun
    if len(parts) == 5 and parts[0] == "tabel" and parts[2] == "baris":
        table = result.loaded.report.tabel[int(parts[1])]
        row = table.baris[int(parts[3])]
        return table.kolom[int(parts[4])], row[table.kolom.index(table.kolom_label)]
    if len(parts) == 2 and parts[0] == "skala_kategori":
        return parts[1], None  # a band of the report's own scale, by its position
    return (parts[-1] if len(parts) == 3 else None), None  # /indikator/2/baseline


def matches(result: FileResult, location: Location, wanted: dict) -> bool:
    if location.place != wanted.get("tempat") or location.key != wanted.get("kunci"):
        return False
    column, label = column_of(result, location)
    if "kolom" in wanted and column != wanted["kolom"]:
        return False
    return "baris" not in wanted or label == wanted["baris"]


def shown_in(finding) -> tuple[Location, ...]:
    return (finding.location, *finding.same_cause)


def test_the_corpus_is_wide_enough():
    """At least 8 real excerpts of at least 6 bodies, each with its public source."""
    assert len(CORPUS) >= 8
    assert set(CORPUS) <= set(FIXTURES), "a real excerpt without its .expect.yaml"
    bodies = {checked(path.name).loaded.report.instansi for path in CORPUS}
    assert len(bodies) >= 6, bodies
    for path in CORPUS:
        assert expectations(path.name)["sumber"].startswith("http"), path.name
        assert expectations(path.name).get("lengkap") is True, f"{path.name}: not lengkap"


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_a_real_fixture_loads(path):
    result = checked(path.name)
    assert result.usable, [f.message("en") for f in result.findings]
    assert not [f for f in result.findings if f.code.startswith("LOAD")]
    assert result.loaded.report.sumber == expectations(path.name)["sumber"]


EXPECTED = [(path.name, index, item) for path in FIXTURES
            for index, item in enumerate(expectations(path.name).get("temuan") or [])]
CORRECT = [(path.name, index, item) for path in FIXTURES
           for index, item in enumerate(expectations(path.name).get("benar") or [])]


@pytest.mark.parametrize("name,index,wanted", EXPECTED,
                         ids=[f"{name[:-5]}-{index}-{item['aturan']}" for name, index, item in EXPECTED])
def test_every_expected_finding_is_made(name, index, wanted):
    result = checked(name)
    assert any(finding.code == wanted["aturan"]
               and any(matches(result, location, wanted) for location in shown_in(finding))
               for finding in result.findings), (wanted, [
                   (f.code, f.location.place, f.location.key, f.location.pointer)
                   for f in result.findings])


def located(result: FileResult, wanted: dict) -> bool:
    """Whether an entry names a place some value of the report is at: an entry that can match
    nothing asserts nothing."""
    report = result.loaded.report
    column = wanted.get("kolom")
    if wanted.get("kunci") == "skala_kategori":  # a band of the report's own scale, by position
        return wanted.get("tempat") is None and (column is None or (
            column.isdigit() and int(column) < len(report.skala_kategori)))
    if wanted.get("tempat") not in report.tempat:
        return False
    kind, _, ident = wanted.get("kunci", "").partition(" ")
    if kind == "tabel":
        table = next((table for table in report.tabel if table.id == ident), None)
        return table is not None and table.di == wanted["tempat"] and column in (None, *table.kolom)
    if kind == "klaim":
        return any(claim.id == ident for claim in report.klaim) and column in (None, "nilai")
    return report.entity(ident) is not None and column in (None, *Row.model_fields)


@pytest.mark.parametrize("name,index,wanted", CORRECT,
                         ids=[f"{name[:-5]}-{index}" for name, index, _ in CORRECT])
def test_a_correct_value_is_not_flagged(name, index, wanted):
    result = checked(name)
    assert located(result, wanted), ("this entry names no place of the report", wanted)
    # a value can be right in one respect and wrong in another (a falling target series that
    # starts above the baseline): a finding expected at the same place is not counted, once
    # for each entry that expects it there
    same_place = {"tempat", "kunci", "kolom", "baris"}
    expected_here = Counter(item["aturan"] for item in expectations(name).get("temuan") or []
                            if {k: v for k, v in item.items() if k in same_place}
                            == {k: v for k, v in wanted.items() if k in same_place})
    # an entry may say which rules must stay quiet on it (``aturan``); else none may speak
    quiet = wanted.get("aturan")
    quiet = {quiet} if isinstance(quiet, str) else set(quiet or ())
    flagged = [finding for finding in result.findings
               if (not quiet or finding.code in quiet)
               and any(matches(result, location, wanted) for location in shown_in(finding))]
    counted = Counter(finding.code for finding in flagged)
    extra = [(finding.code, finding.message("en")) for finding in flagged
             if counted[finding.code] > expected_here[finding.code]]
    assert not extra, (wanted["hitungan"], extra)


COMPLETE = [path for path in FIXTURES if expectations(path.name).get("lengkap")]


@pytest.mark.parametrize("path", COMPLETE, ids=[path.stem for path in COMPLETE])
def test_every_finding_is_expected(path):
    result = checked(path.name)
    wanted = expectations(path.name).get("temuan") or []
    unexpected = [(finding.code, finding.location.place, finding.location.key,
                   finding.location.pointer) for finding in result.findings
                  if not any(item["aturan"] == finding.code
                             and any(matches(result, location, item) for location in shown_in(finding))
                             for item in wanted)]
    assert not unexpected, unexpected
