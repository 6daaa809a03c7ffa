"""The pohon kinerja: the graph keeps every declaration, and its three exports are sound."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from conftest import FIXTURE, ROOT
from sakip_lint.cli import main
from sakip_lint.graph import CANONICAL, PerformanceGraph
from sakip_lint.loader import load_report


@pytest.fixture(scope="module")
def graph():
    return PerformanceGraph(load_report(FIXTURE).loaded)


def test_each_declaration_of_a_link_is_kept_per_place(graph):
    # Tabel 2.2 and Tabel 2.5 both put S-10 under tujuan T-3 (numbered 8 and 3 there)
    declared = graph.parents("S-10", "tujuan")
    assert {parent for links in declared.values() for parent, _ in links} == {"T-3"}
    assert {"Tabel 2.2", "Tabel 2.5", CANONICAL} <= set(declared)
    # a conflicting mapping stands beside the canonical one: P-01 under S-02 in the prose
    sasaran = {parent for links in graph.parents("P-01", "sasaran").values() for parent, _ in links}
    assert sasaran == {"S-01", "S-02"}


def export(capsys, fmt):
    assert main(["graph", str(FIXTURE), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_json_export_structure(capsys, graph):
    document = json.loads(export(capsys, "json"))
    ids = {node["id"] for node in document["nodes"]}
    assert ids == set(graph.graph.nodes)
    assert all(edge["source"] in ids and edge["target"] in ids for edge in document["edges"])
    orphans = {node["id"] for node in document["nodes"] if "GRF003" in node["findings"]}
    assert orphans == {"P-22", "P-23", "P-27"}
    conflicts = {(e["source"], e["target"]) for e in document["edges"] if e["conflict"]}
    assert ("S-02", "P-01") in conflicts and ("S-01", "P-01") not in conflicts


def test_mermaid_export_structure(capsys, graph):
    text = export(capsys, "mermaid")
    lines = text.splitlines()
    assert lines[0] == "flowchart TD"
    defined = set(re.findall(r"^  (n\d+_\w+)\[", text, re.M))
    assert len(defined) == graph.graph.number_of_nodes()
    for source, target in re.findall(r"^  (n\d+_\w+) -(?:->|\.->\|[^|]*\|) (n\d+_\w+)$", text,
                                      re.M):
        assert source in defined and target in defined
    assert re.search(r"^  n\d+_S_02 -\.->\|3\.3 Sasaran 2\| n\d+_P_01$", text, re.M)
    assert re.search(r"^  class .*n\d+_P_22.* error$", text, re.M)


def test_graph_ids_never_merge_two_nodes():
    from sakip_lint.graph_export import Node, mermaid_ids
    from sakip_lint import escape
    idents = ["S-01", "S.01", "S_01", "S\x1b01", "S\\x1b01"]  # ESC, and the four characters
    nodes = [Node(ident, "sasaran", "", (), None) for ident in idents]
    assert list(mermaid_ids(nodes).values()) == ["n0_S_01", "n1_S_01", "n2_S_01", "n3_S_01",
                                                 "n4_S_x1b01"]
    assert [escape.dot_id(ident) for ident in idents] == [
        '"S-01"', '"S.01"', '"S_01"', '"S\\\\x1b01"', '"S\\\\\\\\x1b01"']


@pytest.mark.skipif(shutil.which("dot") is None,
                    reason="Graphviz 'dot' is not installed (.ci/run installs it)")
def test_dot_export_renders_with_graphviz(capsys, tmp_path):
    source = tmp_path / "pohon.dot"
    source.write_text(export(capsys, "dot"), encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "<svg" in done.stdout and "<title>P&#45;22</title>" in done.stdout


def test_dot_export_marks_conflicts_and_findings(capsys):
    text = export(capsys, "dot")
    assert text.startswith("digraph pohon_kinerja {")
    assert '"S-02" -> "P-01" [style=dashed' in text
    assert re.search(r'"P-22" \[label="[^"]*GRF003[^"]*", fillcolor="#f8d0d0"\]', text)


def test_the_budget_structure_is_part_of_the_tree(capsys):
    """Sub kegiatan stand under their kegiatan, kegiatan under their programme."""
    path = ROOT / "fixtures" / "real" / "prov-sumut-setda-2021-anggaran.yaml"
    assert main(["graph", str(path), "--to", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    kinds = {node["id"]: node["kind"] for node in document["nodes"]}
    assert kinds["SK-4"] == "sub_kegiatan" and kinds["K-2"] == "kegiatan"
    edges = {(edge["source"], edge["target"]) for edge in document["edges"]}
    assert {("K-2", "SK-4"), ("P-1", "K-2")} <= edges
