"""Every default rule: its documented examples, and its test cases in tests/rules/<CODE>.yaml.

A 'gagal' case must make the rule fire and a 'lulus' case must not; each case is a partial
data file completed with a minimal report (sakip_lint.examples), so it runs through the
whole tool.

Case format (tests/rules/<CODE>.yaml)::

    gagal:
      - |                            # a plain string: the rule must fire somewhere
        indikator: ...
      - data: |                      # a mapping: the partial data file ...
          indikator: ...
          tempat: ...
        temuan:                      # ... and EVERY finding of this rule it must produce, exactly
          - pointer: /tempat/Tabel 3.1/baris/0/capaian   # Location.pointer
            kunci: indikator IK-01                         # Location.key (the business key)
            tempat: Tabel 3.1                              # Location.place
            berkas: induk                                  # the file: contoh (the body, default
                                                           #   when given) or induk (the parent)
            ditemukan: "70,30"                             # Finding.found (null: none)
            diharapkan: "73,33"                            # Finding.expected (null: none)
            perbaikan: {nilai: "73,33", aman: true}        # Finding.fix; null: the rule gives none
        xfail: "why the tool is wrong here"                # optional: a known bug (strict)
    lulus:
      - |                            # a string, or a mapping with `data` (and `xfail`)
        ...

With ``temuan`` the rule's findings on the case must be exactly the listed ones: as many, and
each listed field equal (a field left out is not checked). Expected values are worked out by
hand from the case data, with the arithmetic in a YAML comment beside them. A case marked
``xfail`` states what the tool should do; it fails while the tool does otherwise and must be
unmarked once the tool is right (the mark is strict).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from sakip_lint.examples import run_example
from sakip_lint.findings import Finding
from sakip_lint.ruleset import load_ruleset

RULESET = load_ruleset()
CASES = ROOT / "tests" / "rules"
FIELDS = {"pointer", "kunci", "tempat", "berkas", "ditemukan", "diharapkan", "perbaikan"}
STATED = ("pointer", "kunci", "ditemukan", "diharapkan", "perbaikan")  # a case that states a finding


def findings_of(code: str, partial: str) -> list[Finding]:
    results = run_example(partial, RULESET)
    for result in results:
        assert result.usable, [f.message("en") for f in result.findings]
    return [finding for result in results for finding in result.findings if finding.code == code]


def fires(code: str, partial: str) -> bool:
    return bool(findings_of(code, partial))


DOCUMENTED = [(rule.code, index, example) for rule in RULESET.rules
              for index, example in enumerate(rule.examples)]


@pytest.mark.parametrize("code,index,example", DOCUMENTED,
                         ids=[f"{code}-{index}-{example.kind}" for code, index, example in DOCUMENTED])
def test_documented_examples(code, index, example):
    assert fires(code, example.text) == (example.kind == "gagal")


def test_every_rule_is_documented_with_both_examples():
    for rule in RULESET.rules:
        kinds = {example.kind for example in rule.examples}
        assert kinds == {"gagal", "lulus"}, rule.code
        assert rule.basis and set(rule.messages) == {"id", "en"}, rule.code
        assert set(rule.docs) == {"id", "en"}, rule.code


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def as_case(entry) -> dict:
    """A case entry as a mapping: a plain string is the data alone."""
    return {"data": entry} if isinstance(entry, str) else entry


def load_cases(path: Path) -> dict[str, list[dict]]:
    return {kind: [as_case(entry) for entry in entries]
            for kind, entries in yaml.safe_load(path.read_text(encoding="utf-8")).items()}


def case_param(code: str, kind: str, index: int, case: dict):
    marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
    return pytest.param(code, kind, case, id=f"{code}-{kind}-{index}", marks=marks)


CASE_LIST = [case_param(path.stem, kind, index, case) for path in case_files()
             for kind, cases in load_cases(path).items() for index, case in enumerate(cases)]


def described(finding: Finding) -> dict:
    """A finding in the case format, to show what the tool gave when a case fails."""
    fix = finding.fix and {"nilai": finding.fix.replacement, "aman": finding.fix.safe}
    return {"pointer": finding.location.pointer, "kunci": finding.location.key,
            "tempat": finding.location.place, "berkas": Path(finding.location.file).stem,
            "ditemukan": finding.found, "diharapkan": finding.expected, "perbaikan": fix}


def agrees(finding: Finding, wanted: dict) -> bool:
    """Every field the case lists is what the finding says."""
    actual = described(finding)
    return all(actual[field] == value for field, value in wanted.items())


def one_to_one(findings: list[Finding], wanted: list[dict]) -> bool:
    """Each listed finding is a distinct finding of the rule (a small bipartite matching)."""
    taken: dict[int, int] = {}  # finding index -> wanted index

    def place(item: int, seen: set[int]) -> bool:
        for at, finding in enumerate(findings):
            if at not in seen and agrees(finding, wanted[item]):
                seen.add(at)
                if at not in taken or place(taken[at], seen):
                    taken[at] = item
                    return True
        return False

    return all(place(item, set()) for item in range(len(wanted)))


@pytest.mark.parametrize("code,kind,case", CASE_LIST)
def test_rule_cases(code, kind, case):
    assert kind in ("gagal", "lulus")
    assert set(case) <= {"data", "temuan", "xfail"}, set(case)
    found = findings_of(code, case["data"])
    wanted = case.get("temuan")
    if wanted is None:
        assert bool(found) == (kind == "gagal")
        return
    assert kind == "gagal", "only a 'gagal' case lists findings"
    for item in wanted:
        assert set(item) <= FIELDS, set(item) - FIELDS
    shown = [described(finding) for finding in found]
    assert len(found) == len(wanted), shown
    assert one_to_one(found, wanted), shown


def test_every_default_rule_has_its_case_file():
    have = {path.stem: load_cases(path) for path in case_files()}
    for rule in RULESET.rules:
        assert rule.code in have, f"tests/rules/{rule.code}.yaml is missing"
        assert have[rule.code].get("gagal") and have[rule.code].get("lulus"), rule.code
    assert set(have) <= {rule.code for rule in RULESET.rules}, "a case file for no rule"


def test_every_default_rule_states_what_its_finding_says():
    """At least one 'gagal' case per rule lists its findings with place, key, found, expected
    and fix — a case that only asks whether the code fired cannot catch a finding reported at
    the neighbouring cell or with found and expected swapped."""
    for rule in RULESET.rules:
        cases = load_cases(CASES / f"{rule.code}.yaml")["gagal"]
        assert any(case.get("temuan") and all(set(STATED) <= set(item) for item in case["temuan"])
                   for case in cases), rule.code
