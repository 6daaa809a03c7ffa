"""The language reference cannot drift from the grammar: every ```sakip block in it compiles
together with the default rules, and the rules it defines pass their own examples."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from sakip_lint.examples import run_example
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources

REFERENCE = ROOT / "docs" / "rules-language.md"
BLOCKS = re.findall(r"```sakip\n(.*?)```", REFERENCE.read_text(encoding="utf-8"), re.S)


def test_the_reference_has_examples():
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_each_reference_example_compiles(index):
    ruleset = compile_sources(default_sources() + [RuleSource(f"reference-{index}.sakip",
                                                              BLOCKS[index])])
    own = [rule for rule in ruleset.rules if rule.source.startswith(f"reference-{index}.sakip")]
    for rule in own:
        for example in rule.examples:
            results = run_example(example.text, ruleset)
            assert all(result.usable for result in results)
            found = {f.code for result in results for f in result.findings}
            assert (rule.code in found) == (example.kind == "gagal")


def test_the_table_of_checks_names_every_mechanism_and_no_other():
    from sakip_lint.checks import MECHANISMS

    text = REFERENCE.read_text(encoding="utf-8")
    table = text[text.index("## The checks a rule can name"):]
    first_cells = re.findall(r"^\| ([^|]+) \|", table, re.M)
    listed = {name for cell in first_cells for name in re.findall(r"`([a-z_]+)`", cell)}
    assert listed == set(MECHANISMS), (set(MECHANISMS) - listed, listed - set(MECHANISMS))
