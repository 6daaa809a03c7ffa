"""Every default rule: its documented examples, and its test cases in tests/rules/<CODE>.yaml.

A 'gagal' case must make the rule fire and a 'lulus' case must not; each case is a partial
data file completed with a minimal report (sakip_lint.examples), so it runs through the
whole tool.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from sakip_lint.examples import run_example
from sakip_lint.ruleset import load_ruleset

RULESET = load_ruleset()
CASES = ROOT / "tests" / "rules"


def fires(code: str, partial: str) -> bool:
    results = run_example(partial, RULESET)
    for result in results:
        assert result.usable, [f.message("en") for f in result.findings]
    return code in {finding.code for result in results for finding in result.findings}


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


def case_files():
    return sorted(CASES.glob("*.yaml"))


CASE_LIST = [(path.stem, kind, index, text) for path in case_files()
             for kind, texts in yaml.safe_load(path.read_text(encoding="utf-8")).items()
             for index, text in enumerate(texts)]


@pytest.mark.parametrize("code,kind,index,text", CASE_LIST,
                         ids=[f"{code}-{kind}-{index}" for code, kind, index, _ in CASE_LIST])
def test_rule_cases(code, kind, index, text):
    assert kind in ("gagal", "lulus")
    assert fires(code, text) == (kind == "gagal")


def test_every_default_rule_has_its_case_file():
    have = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in case_files()}
    for rule in RULESET.rules:
        assert rule.code in have, f"tests/rules/{rule.code}.yaml is missing"
        assert have[rule.code].get("gagal") and have[rule.code].get("lulus"), rule.code
    assert set(have) <= {rule.code for rule in RULESET.rules}, "a case file for no rule"
