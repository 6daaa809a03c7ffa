"""The pohon kinerja as an inline SVG drawn by the tool itself (no Graphviz at run time).

Levels visi -> misi -> tujuan -> sasaran -> indikator -> program are columns
(``tree_layout``). A box is coloured by the worst finding about its entity and lists the
codes; an entity without a parent is drawn with a dashed border and marked; a link that only
some table declares, against the entity's own link, is a dashed red line labelled with the
places that declare it. A box with findings links to the list of its findings. Every text is
data: escaped by ``markup.el``.
"""

from __future__ import annotations

import textwrap

from sakip_lint.graph_export import COLOURS, Edge, Node, collect
from sakip_lint.hierarchy import CHAIN
from sakip_lint.messages import render
from sakip_lint.report.content import FileContent
from sakip_lint.report.markup import Markup, el
from sakip_lint.report.tree_layout import Box, Spacing, layout

LEVELS = CHAIN[:CHAIN.index("program") + 1]  # the columns drawn: visi to program
STROKES = {"error": "#b42318", "warning": "#b54708", "info": "#667085", None: "#98a2b3"}
WRAP, MAX_LINES = 28, 3
LINE, TOP, BOTTOM = 13, 22, 8
SPACING = Spacing(box_width=190, column_gap=48, row_gap=8)


def _lines(teks: str) -> list[str]:
    lines = textwrap.wrap(" ".join(teks.split()), WRAP) or [""]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return lines


def _tags(node: Node, orphan: bool, lang: str) -> str:
    tags = list(node.codes)
    if orphan:
        tags.insert(0, render("report.tree.orphan", lang))
    text = " · ".join(tags)
    return text if len(text) <= WRAP + 4 else text[: WRAP + 3] + "…"


def _path(points: tuple[tuple[float, float], ...]) -> str:
    (x, y), *rest = points
    parts = [f"M{x:.1f},{y:.1f}"]
    for nx, ny in rest:
        if abs(ny - y) < 0.5:
            parts.append(f"L{nx:.1f},{ny:.1f}")
        else:
            bend = (nx - x) / 2
            parts.append(f"C{x + bend:.1f},{y:.1f} {nx - bend:.1f},{ny:.1f} {nx:.1f},{ny:.1f}")
        x, y = nx, ny
    return " ".join(parts)


def tree_parts(content: FileContent) -> tuple[list[Node], list[Edge], set[str]]:
    """The nodes of the drawn levels in the order of the data file, their links, and the
    orphans (an entity below visi that no link reaches)."""
    graph = content.result.context.graph
    nodes, edges = collect(graph, content.result.findings)
    position = {entity.id: index for index, (_, _, entity)
                in enumerate(content.loaded.report.entities())}
    shown = sorted((node for node in nodes if node.kind in LEVELS),
                   key=lambda node: (LEVELS.index(node.kind), position.get(node.id, 0)))
    ids = {node.id for node in shown}
    links = [edge for edge in edges if edge.parent in ids and edge.child in ids]
    reached = {edge.child for edge in links}
    orphans = {node.id for node in shown if node.kind != "visi" and node.id not in reached}
    return shown, links, orphans


def draw(content: FileContent) -> Markup:
    lang = content.lang
    nodes, links, orphans = tree_parts(content)
    if not nodes:
        return el("p", {"class": "empty"}, render("report.tree.empty", lang))
    texts = {node.id: _lines(node.teks) for node in nodes}
    heights = {node.id: TOP + LINE * len(texts[node.id]) + (LINE if node.codes or node.id in orphans
                                                            else 0) + BOTTOM
               for node in nodes}
    levels = [[node.id for node in nodes if node.kind == kind] for kind in LEVELS]
    used = [index for index, level in enumerate(levels) if level]
    levels = [levels[index] for index in used]
    spacing = SPACING
    placed = layout(levels, heights, [(edge.parent, edge.child) for edge in links], spacing)
    header = 26
    parts: list[Markup] = []
    for depth, x in zip(used, placed.columns):
        parts.append(el("text", {"class": "level", "x": f"{x + spacing.box_width / 2:.1f}",
                                 "y": "16", "text-anchor": "middle"},
                        render(f"kind.{LEVELS[depth]}", lang)))
    routed = {(route.parent, route.child): route for route in placed.routes}
    edges_markup = []
    for edge in links:
        route = routed.get((edge.parent, edge.child))
        if route is None:  # a link that does not go down the levels: drawn straight
            upper, lower = placed.boxes[edge.parent], placed.boxes[edge.child]
            points = ((upper.x + upper.width, upper.middle), (lower.x, lower.middle))
        else:
            points = route.points
        shifted = tuple((x, y + header) for x, y in points)
        attributes = {"d": _path(shifted), "fill": "none",
                      "class": "link conflict" if edge.conflict else "link",
                      "stroke": "#c00000" if edge.conflict else "#98a2b3",
                      "stroke-width": "1.6" if edge.conflict else "1",
                      "stroke-dasharray": "6 4" if edge.conflict else None}
        title = render("report.tree.link", lang, parent=edge.parent, child=edge.child,
                       places=", ".join(place or render("report.tree.own-link", lang)
                                        for place in edge.places))
        edges_markup.append(el("path", attributes, el("title", None, title)))
        if edge.conflict:
            (x1, y1), (x2, y2) = shifted[-2], shifted[-1]
            label = ", ".join(place for place in edge.places if place)
            edges_markup.append(el("text", {"class": "conflict-label", "x": f"{(x1 + x2) / 2:.1f}",
                                            "y": f"{(y1 + y2) / 2 - 3:.1f}",
                                            "text-anchor": "middle"}, label))
    parts.extend(edges_markup)
    for node in nodes:
        parts.append(_box(content, node, placed.boxes[node.id], texts[node.id],
                          node.id in orphans, header))
    width, height = placed.width, placed.height + header
    return el("svg", {"xmlns": "http://www.w3.org/2000/svg", "class": "tree",
                      "viewBox": f"0 0 {width:.0f} {height:.0f}", "width": f"{width:.0f}",
                      "height": f"{height:.0f}", "role": "img",
                      "aria-label": render("report.tree.title", lang)},
              el("title", None, render("report.tree.title", lang)), parts)


def _box(content: FileContent, node: Node, box: Box, lines: list[str], orphan: bool,
         header: float) -> Markup:
    lang = content.lang
    y = box.y + header
    attributes = {"x": f"{box.x:.1f}", "y": f"{y:.1f}", "width": f"{box.width:.0f}",
                  "height": f"{box.height:.0f}", "rx": "5", "fill": COLOURS[node.severity],
                  "stroke": STROKES[node.severity],
                  "stroke-width": "1.8" if node.severity else "1",
                  "stroke-dasharray": "5 3" if orphan else None}
    texts = [el("text", {"class": "node-id", "x": f"{box.x + 8:.1f}", "y": f"{y + 15:.1f}"},
                node.id)]
    for index, line in enumerate(lines):
        texts.append(el("text", {"class": "node-text", "x": f"{box.x + 8:.1f}",
                                 "y": f"{y + TOP + 9 + index * LINE:.1f}"}, line))
    if node.codes or orphan:
        texts.append(el("text", {"class": "node-codes" + (" orphan" if orphan else ""),
                                 "x": f"{box.x + 8:.1f}",
                                 "y": f"{y + TOP + 9 + len(lines) * LINE:.1f}"},
                        _tags(node, orphan, lang)))
    severity = render(f"severity.{node.severity}", lang) if node.severity else "-"
    title = render("report.tree.node", lang, kind=render(f"kind.{node.kind}", lang), id=node.id,
                   teks=node.teks, severity=severity, codes=", ".join(node.codes) or "-")
    if orphan:
        title += " · " + render("report.tree.orphan", lang)
    group = el("g", {"class": f"node sev-{node.severity or 'none'}" + (" orphan" if orphan else ""),
                     "id": content.node_anchor(node.id), "data-kind": node.kind},
               el("title", None, title), el("rect", attributes), texts)
    if node.id in content.by_node:
        return el("a", {"href": "#" + content.entity_anchor(node.id)}, group)
    return group
