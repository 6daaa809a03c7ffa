"""Recommendations (saran) and reviu aspects (aspek) are rule data: every default rule has
both, and a rule file that writes them wrongly is refused with the line."""

from __future__ import annotations

import pytest

from sakip_lint.dsl.errors import DslError
from sakip_lint.findings import Finding, Location, Severity
from sakip_lint.messages import fill
from sakip_lint.rule import ASPECTS
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

RULE = '''
aturan XYZ010 "contoh" {{
  tingkat kesalahan
  periksa baseline
  pesan id "{{subjek}} tanpa baseline"
  pesan en "{{subjek}} has no baseline"
  dasar "PermenPAN-RB 53/2014"
{extra}
}}
'''


def compiled(extra: str):
    return compile_sources(default_sources() + [RuleSource("own.sakip", RULE.format(extra=extra))])


def test_every_default_rule_has_a_recommendation_in_both_languages_and_an_aspect():
    for rule in load_ruleset().rules:
        assert set(rule.advice) == {"id", "en"}, rule.code
        assert rule.aspect in ASPECTS, rule.code
        assert rule.advice["id"] != rule.advice["en"], rule.code


def test_a_recommendation_is_filled_with_the_values_of_the_finding():
    rule = compiled('  saran id "Cantumkan baseline {subjek} di {tempat}."\n'
                    '  saran en "Give the baseline of {subjek} in {tempat}."\n'
                    '  aspek keselarasan_perencanaan').rule("XYZ010")
    assert rule.aspect == "keselarasan_perencanaan"
    finding = Finding("XYZ010", Severity.ERROR, None, Location("f.yaml"),
                      args=(("subjek", "IK-01"), ("tempat", "Tabel 3.1")))
    assert fill(rule.advice["en"], "en", dict(finding.args)) == "Give the baseline of IK-01 in Tabel 3.1."


def test_both_are_optional_for_a_users_rule():
    rule = compiled("").rule("XYZ010")
    assert rule.advice == {} and rule.aspect is None


@pytest.mark.parametrize("extra, key, line", [
    ("  aspek kecantikan", "dsl.unknown-aspect", 8),
    ('  saran id "Perbaiki."', "dsl.rule-missing-advice", 2),
    ('  saran id "Perbaiki {nilai_lain}."\n  saran en "Fix {nilai_lain}."', "dsl.unknown-placeholder", 8),
    ('  saran id "a"\n  saran id "b"\n  saran en "c"', "dsl.duplicate-item", 9),
    ("  aspek capaian\n  aspek anggaran", "dsl.duplicate-item", 9),
    ('  saran id "{subjek:>99}"\n  saran en "x"', "dsl.placeholder-format", 8),
])
def test_a_wrong_recommendation_or_aspect_is_a_located_problem(extra, key, line):
    with pytest.raises(DslError) as raised:
        compiled(extra)
    problems = [(p.message_key, p.file, p.line) for p in raised.value.problems]
    assert (key, "own.sakip", line) in problems, problems


def test_explain_shows_the_aspect_and_the_recommendation(capsys):
    from sakip_lint.cli import main

    assert main(["explain", "BUD003", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert "- Reviu aspect: Budget (anggaran)" in text
    assert "- Recommendation: Check the budget realisation of {subjek} in {tempat}" in text
