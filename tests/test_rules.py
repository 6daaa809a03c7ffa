"""Every default rule: its documented examples, and its test cases in tests/rules/<CODE>.yaml.

A 'gagal' case must make the rule fire and a 'lulus' case must not; each case is a partial
data file completed with a minimal report (sakip_lint.examples), so it runs through the
whole tool.

Case format (tests/rules/<CODE>.yaml)::

    gagal:
      - data: |                      # the partial data file ...
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
            terkait: [/tempat/Tabel 3.1/baris/0/target,    # Finding.related, as pointers; the
                      /tempat/Tabel 3.1/baris/0/realisasi] #   order does not count ([]: none)
            sebab_sama: [/tempat/Tabel 3.2/baris/0/capaian]  # Finding.same_cause, as pointers
            pesan: "seharusnya 73,33"                      # a fragment of the Indonesian message
            kode: CAP002                                   # another rule's finding (default: this
                                                           #   rule); its findings are then listed
                                                           #   exactly too
        xfail: "why the tool is wrong here"                # optional: a known bug (strict)
    lulus:
      - |                            # a string, or a mapping with `data` (and `xfail`)
        ...

Each finding listed under ``temuan`` states what it says; the rule's findings on the case
must be exactly the listed ones: as many, and each listed field equal (a field left out is not
checked). A fix writes where its finding is: ``perbaikan`` may give its own ``pointer``, else
the finding's is expected. ``terkait_urut`` is ``terkait`` where the order counts. Expected
values are worked out by hand from the case data, with the arithmetic in a YAML comment beside
them. Every 'gagal' case lists its findings, each with its place, key, found, expected, fix and
related places (and, for a rule that groups its facts by cause, the places of the same cause);
``PARTLY_STATED`` would name the rules some of whose failing cases are still plain data; it is
empty, and a new rule's cases state their findings from the start.

Whatever a case states, every finding its data produces (of any rule, and so of the rules'
documented examples) must say the values it carries: its message in each language contains its
found and expected values, so the message and the data cannot drift apart. A case marked
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
FIELDS = {"kode", "pointer", "kunci", "tempat", "berkas", "ditemukan", "diharapkan", "perbaikan",
          "terkait", "terkait_urut", "sebab_sama", "pesan"}
FIX_FIELDS = {"nilai", "aman", "pointer"}
# what every finding a case lists must state: a case that only asks whether the code fired
# cannot catch a finding reported at the neighbouring cell or with found and expected swapped
STATED = ("pointer", "kunci", "tempat", "ditemukan", "diharapkan", "perbaikan")
UNORDERED = ("terkait", "sebab_sama")  # lists of pointers whose order does not count
LANGUAGES = ("id", "en")


def all_findings(partial: str) -> list[Finding]:
    """Every finding of every rule on an example, each checked to say its own values."""
    results = run_example(partial, RULESET)
    for result in results:
        assert result.usable, [f.message("en") for f in result.findings]
    found = [finding for result in results for finding in result.findings]
    for finding in found:
        says_its_values(finding)
    return found


def findings_of(codes: str | set[str], partial: str) -> list[Finding]:
    codes = {codes} if isinstance(codes, str) else codes
    return [finding for finding in all_findings(partial) if finding.code in codes]


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
    """A finding in the case format: what a case compares, and what the tool gave when a case
    fails."""
    fix = finding.fix and {"nilai": finding.fix.replacement, "aman": finding.fix.safe,
                           "pointer": finding.fix.location.pointer}
    related = [location.pointer for location in finding.related]
    return {"kode": finding.code, "pointer": finding.location.pointer,
            "kunci": finding.location.key, "tempat": finding.location.place,
            "berkas": Path(finding.location.file).stem,
            "ditemukan": finding.found, "diharapkan": finding.expected, "perbaikan": fix,
            "terkait": related, "terkait_urut": list(related),
            "sebab_sama": [location.pointer for location in finding.same_cause],
            "pesan": finding.message("id")}


def _same_fix(actual: dict | None, wanted: dict | None, pointer: str) -> bool:
    """The fix the case states; it writes at the finding's own place unless it says where."""
    if wanted is None or actual is None:
        return wanted is actual
    wanted = {"pointer": pointer, **wanted}
    return all(actual[field] == value for field, value in wanted.items())


def agrees(finding: Finding, wanted: dict, code: str) -> bool:
    """Every field the case lists is what the finding says (``code``: the case's rule, the
    default ``kode``)."""
    actual = described(finding)
    for field, value in {"kode": code, **wanted}.items():
        if field == "perbaikan":
            same = _same_fix(actual[field], value, actual["pointer"])
        elif field in UNORDERED:
            same = sorted(actual[field]) == sorted(value)
        elif field == "pesan":
            same = all(part in actual[field] for part in ([value] if isinstance(value, str) else value))
        else:
            same = actual[field] == value
        if not same:
            return False
    return True


def one_to_one(findings: list[Finding], wanted: list[dict], code: str) -> bool:
    """Each listed finding is a distinct finding of the rule (a small bipartite matching)."""
    taken: dict[int, int] = {}  # finding index -> wanted index

    def place(item: int, seen: set[int]) -> bool:
        for at, finding in enumerate(findings):
            if at not in seen and agrees(finding, wanted[item], code):
                seen.add(at)
                if at not in taken or place(taken[at], seen):
                    taken[at] = item
                    return True
        return False

    return all(place(item, set()) for item in range(len(wanted)))


def says_its_values(finding: Finding) -> None:
    """The message of a finding, in every language, shows the found and expected values the
    finding carries as data: a mechanism that puts one value in the message and another in the
    data would send a reviewer and a machine in two directions."""
    for lang in LANGUAGES:
        text = finding.message(lang)
        for name, value in (("found", finding.found), ("expected", finding.expected)):
            assert not value or value in text, (finding.code, lang, name, value, text)


def check_case_format(case: dict, kind: str) -> None:
    assert kind in ("gagal", "lulus")
    assert set(case) <= {"data", "temuan", "xfail"}, set(case)
    assert kind == "gagal" or "temuan" not in case, "only a 'gagal' case lists findings"
    for item in case.get("temuan") or []:
        assert set(item) <= FIELDS, set(item) - FIELDS
        fix = item.get("perbaikan")
        assert fix is None or set(fix) <= FIX_FIELDS, fix


@pytest.mark.parametrize("code,kind,case", CASE_LIST)
def test_rule_cases(code, kind, case):
    check_case_format(case, kind)
    wanted = case.get("temuan")
    codes = {code} | {item["kode"] for item in wanted or [] if "kode" in item}
    found = findings_of(codes, case["data"])  # every finding of the run says its values
    if wanted is None:
        assert bool(found) == (kind == "gagal")
        return
    shown = "what the tool gave:\n" + yaml.safe_dump([described(finding) for finding in found],
                                                  allow_unicode=True, sort_keys=False)
    assert len(found) == len(wanted), shown
    assert one_to_one(found, wanted, code), shown


def test_every_default_rule_has_its_case_file():
    have = {path.stem: load_cases(path) for path in case_files()}
    for rule in RULESET.rules:
        assert rule.code in have, f"tests/rules/{rule.code}.yaml is missing"
        assert have[rule.code].get("gagal") and have[rule.code].get("lulus"), rule.code
    assert set(have) <= {rule.code for rule in RULESET.rules}, "a case file for no rule"


# Rules some of whose failing cases are still written as plain data (the rule must fire
# somewhere): none any more. A code left this list when all its failing cases stated their
# findings; the test below says when one can.
PARTLY_STATED: frozenset[str] = frozenset()


def grouped(rule) -> bool:
    return rule.params.get("kelompok", ("tidak",))[0] != "tidak"


def test_every_failing_case_states_what_its_findings_say():
    """Every 'gagal' case lists its findings, each with place, key, found, expected, fix and
    related places (and the places of the same cause, for a rule that groups by cause): a case
    that only asks whether the code fired cannot catch a finding reported at the neighbouring
    cell, with found and expected swapped, or with a fix at the wrong place or of the wrong
    safety."""
    missing, unstated = [], set()
    for rule in RULESET.rules:
        needed = set(STATED) | {"terkait"} | ({"sebab_sama"} if grouped(rule) else set())
        for index, case in enumerate(load_cases(CASES / f"{rule.code}.yaml")["gagal"]):
            items = case.get("temuan")
            if not items:
                unstated.add(rule.code)
                if rule.code not in PARTLY_STATED:
                    missing.append(f"{rule.code}-gagal-{index}: no temuan")
            for item in items or []:
                given = set(item) | ({"terkait"} if "terkait_urut" in item else set())
                if item.get("kode", rule.code) == rule.code and not needed <= given:
                    missing.append(f"{rule.code}-gagal-{index}: {sorted(needed - given)}")
    assert not missing, missing
    assert PARTLY_STATED <= unstated, f"state them all now: {sorted(PARTLY_STATED - unstated)}"
