"""The fast way of reading a data file (libyaml's events into a PositionTree) gives the same
data, positions and findings as the careful way (nodes read by ``_NodeReader``), on every file
under fixtures/ and on generated reports; what it cannot read it leaves to the careful way."""

from __future__ import annotations

import sys

import pytest
import yaml

from conftest import ROOT
from sakip_lint import composer, limits
from sakip_lint.engine import check_file
from sakip_lint.loader import compose
from sakip_lint.formats.jsondoc import finding_json
from sakip_lint.ruleset import load_ruleset
from sakip_lint.source import PositionTree, SourceMap

sys.path.insert(0, str(ROOT / "bench"))
from generate import report  # noqa: E402

FILES = sorted(path for path in (ROOT / "fixtures").rglob("*")
               if path.suffix in (".yaml", ".json") and path.name != "cases.yaml")
RULES = load_ruleset()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    paths = []
    for size, seed in ((1, 0), (7, 3), (60, 11), (250, 40)):
        path = folder / f"generated-{size}.yaml"
        path.write_text(report(size, seed=seed), encoding="utf-8")
        paths.append(path)
    return paths


def _probes(source: SourceMap) -> set[tuple[str, ...]]:
    """Every path of the careful map, and paths just beside them that do not exist."""
    paths = set(source.values) | set(source.keys)
    for path in list(paths):
        paths |= {path + ("nope",), path + ("0",), path + ("01",), path + ("-1",)}
    return paths


def _same_reading(path) -> None:
    content = path.read_bytes()
    fast = compose(str(path), content)
    careful = compose(str(path), content, careful=True)
    assert fast[0] == careful[0], path
    assert [f.message_key for f in fast[2]] == [f.message_key for f in careful[2]]
    assert (fast[1] is None) == (careful[1] is None)
    if careful[1] is None:
        return
    for probe in _probes(careful[1]):
        for prefer_key in (False, True):
            assert (fast[1].position(probe, prefer_key=prefer_key)
                    == careful[1].position(probe, prefer_key=prefer_key)), (path, probe)


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_fixtures_read_the_same_both_ways(path):
    _same_reading(path)


def test_generated_reports_read_the_same_both_ways(generated):
    for path in generated:
        _same_reading(path)
        assert isinstance(compose(str(path), path.read_bytes())[1], PositionTree)


def test_what_only_the_careful_way_reads_is_left_to_it(write):
    base = "format: sakip-lint/1\ninstansi: X\ntahun: 2017\n"
    for text in (base + "a: &x 1\nb: *x\n", base + "tahun: 2018\n", base + "<<: {a: 1}\n",
                 base + "? [a]\n: 1\n", "- 1\n", base + "---\nx: 1\n", base + "x: [\n"):
        path = write(text, "unusual.yaml")
        with pytest.raises((composer.Unusual, yaml.YAMLError)):
            composer.compose(str(path), text, limits.current())
        _same_reading(path)


def _findings(path, monkeypatch, careful: bool) -> list[dict]:
    with monkeypatch.context() as patch:
        if careful:
            patch.setattr(composer, "available", lambda: False)
        return [finding_json(finding) for finding in check_file(path, RULES).findings]


@pytest.mark.parametrize("path", [path for path in FILES if "bad" not in path.parts
                                  and not path.name.endswith(".expect.yaml")],
                         ids=lambda path: str(path.relative_to(ROOT)))
def test_fixtures_have_the_same_findings_both_ways(path, monkeypatch):
    assert _findings(path, monkeypatch, False) == _findings(path, monkeypatch, True)


def test_generated_reports_have_the_same_findings_both_ways(generated, monkeypatch):
    for path in generated:
        fast = _findings(path, monkeypatch, False)
        assert fast == _findings(path, monkeypatch, True)
    assert any(finding["code"] == "CAP001" for finding in fast)  # the mistakes are found
