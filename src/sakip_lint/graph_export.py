"""The pohon kinerja for people and tools: Graphviz DOT, Mermaid and JSON.

Each node shows the worst finding about it (red: error, orange: warning, grey: info) and its
codes; an edge that only some table declares, against the entity's own link, is drawn dashed
and labelled with the places that declare it — so orphans and conflicts are visible at a glance.
Ids, names and places are data: each format's writer escapes them (``escape``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sakip_lint import escape, formats
from sakip_lint.findings import Finding
from sakip_lint.formats.jsondoc import envelope
from sakip_lint.graph import CANONICAL, LEVELS, PerformanceGraph

COLOURS = {"error": "#f8d0d0", "warning": "#fde7c2", "info": "#e8e8e8", None: "#ffffff"}
FORMATS = formats.GRAPH


@dataclass(frozen=True)
class Edge:
    parent: str
    child: str
    places: tuple[str, ...]  # the tables that declare it ("" for the entity's own link)

    @property
    def conflict(self) -> bool:
        """Declared by tables but not by the entity itself: another table disagrees."""
        return CANONICAL not in self.places


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    teks: str
    codes: tuple[str, ...]
    severity: str | None


def findings_about(graph: PerformanceGraph, findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    """Node id -> the findings about that entity (at the finding's own value or one of the
    values the same cause shows in), in the order given."""
    about: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for location in (finding.location, *finding.same_cause):
            subject = location.subject
            if subject is None or subject.kind not in LEVELS or subject.id not in graph.graph:
                continue
            if finding not in about[subject.id]:
                about[subject.id].append(finding)
    return about


def collect(graph: PerformanceGraph, findings: tuple[Finding, ...]) -> tuple[list[Node], list[Edge]]:
    about = findings_about(graph, findings)
    nodes = []
    for node, data in graph.graph.nodes(data=True):
        found = about.get(node, [])
        worst = max((f.severity for f in found), key=lambda severity: severity.rank, default=None)
        nodes.append(Node(node, data["kind"], data["teks"], tuple(sorted({f.code for f in found})),
                          None if worst is None else worst.value))
    nodes.sort(key=lambda node: (LEVELS.index(node.kind), node.id))
    places: dict[tuple[str, str], set[str]] = defaultdict(set)
    for parent, child, key in graph.graph.edges(keys=True):
        places[(parent, child)].add(key)
    edges = [Edge(parent, child, tuple(sorted(found))) for (parent, child), found in places.items()]
    edges.sort(key=lambda edge: (edge.parent, edge.child))
    return nodes, edges


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def to_dot(nodes: list[Node], edges: list[Edge]) -> str:
    # left to right: a level with dozens of programmes becomes a column, not a very wide row
    lines = ["digraph pohon_kinerja {", "  rankdir=LR;",
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];']
    for kind in LEVELS:
        level = [node for node in nodes if node.kind == kind]
        if not level:
            continue
        lines.append(f"  subgraph level_{kind} {{")
        for node in level:
            # escaped line by line, joined with Graphviz's own line break
            label = [node.id, _short(node.teks)] + (["[" + " ".join(node.codes) + "]"]
                                                    if node.codes else [])
            label = "\\n".join(escape.dot(line) for line in label)
            lines.append(f'    {escape.dot_id(node.id)} [label="{label}", '
                         f'fillcolor="{COLOURS[node.severity]}"];')
        lines.append("  }")
    for edge in edges:
        attributes = []
        if edge.conflict:
            attributes += ["style=dashed", 'color="#c00000"',
                           "label=" + escape.dot_string(", ".join(edge.places)), "fontsize=8"]
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {escape.dot_id(edge.parent)} -> {escape.dot_id(edge.child)}"
                     f"{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def mermaid_ids(nodes: list[Node]) -> dict[str, str]:
    """A Mermaid id for each node: its number in the drawing, then its id with every character
    Mermaid does not allow in an id as ``_`` — readable, and never the same for two nodes
    (S-01, S.01 and S_01 are n3_S_01, n4_S_01 and n5_S_01), which would merge them into one."""
    return {node.id: f"n{index}_" + re.sub(r"[^A-Za-z0-9]", "_", node.id)
            for index, node in enumerate(nodes)}


def to_mermaid(nodes: list[Node], edges: list[Edge]) -> str:
    ids = mermaid_ids(nodes)
    lines = ["flowchart TD"]
    for node in nodes:
        text = f"{node.id}: {_short(node.teks)}"
        if node.codes:
            text += " [" + " ".join(node.codes) + "]"
        lines.append(f'  {ids[node.id]}["{escape.mermaid(text)}"]')
    for edge in edges:
        if edge.conflict:
            label = escape.mermaid(", ".join(edge.places))
            lines.append(f"  {ids[edge.parent]} -.->|{label}| {ids[edge.child]}")
        else:
            lines.append(f"  {ids[edge.parent]} --> {ids[edge.child]}")
    for severity in ("error", "warning", "info"):
        members = [ids[node.id] for node in nodes if node.severity == severity]
        lines.append(f"  classDef {severity} fill:{COLOURS[severity]}")
        if members:
            lines.append(f"  class {','.join(members)} {severity}")
    return "\n".join(lines) + "\n"


def to_json(nodes: list[Node], edges: list[Edge], provenance: dict | None = None,
            lang: str = "id", indent: int | None = None) -> str:
    """The tree as JSON in the output schema (``docs/json-output.md``): an edge the entity
    itself declares has ``null`` among its places."""
    document = envelope("graph", provenance, lang)
    document["nodes"] = [{"id": n.id, "kind": n.kind, "text": n.teks, "findings": list(n.codes),
                          "severity": n.severity} for n in nodes]
    document["edges"] = [{"source": e.parent, "target": e.child,
                          "places": [place or None for place in e.places],
                          "conflict": e.conflict} for e in edges]
    return escape.json_dumps(document, indent)


def render_graph(graph: PerformanceGraph, findings: tuple[Finding, ...], fmt: str,
                 provenance: dict | None = None, lang: str = "id",
                 indent: int | None = None) -> str:
    nodes, edges = collect(graph, findings)
    if fmt == "json":
        return to_json(nodes, edges, provenance, lang, indent)
    return {"dot": to_dot, "mermaid": to_mermaid}[fmt](nodes, edges)
