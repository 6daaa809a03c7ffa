"""The performance tree (pohon kinerja) of a report as a directed multigraph.

Nodes are the entities (visi, misi, tujuan, sasaran, indikator, program, kegiatan, strategi,
kebijakan); edges run from a parent to a child, one per declaration: the entity's own link in
the data file, and every row of every place that shows the child under a parent. The same
link declared in several tables is kept once per place, and conflicting declarations stand
side by side: checks compare them instead of trusting one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from sakip_lint.location import Location, Subject
from sakip_lint.hierarchy import ENTITY_LINKS, KINDS, LINK_FIELDS
from sakip_lint.source import LoadedReport

CANONICAL = ""  # the place of an entity's own declaration (the edge key of it)
LEVELS = KINDS  # every kind of entity, in the order of the tree


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity as one row of one place prints it."""

    place: str
    index: int
    nomor: str | None
    teks: str | None
    loaded: LoadedReport = dataclass_field(repr=False, compare=False)

    @property
    def location(self) -> Location:
        return self.loaded.row_location(self.place, self.index)


@dataclass(frozen=True, slots=True)
class Declaration:
    """One declared link: where, and how the parent is numbered in that place."""

    place: str  # CANONICAL for the entity's own link
    path: tuple[str, ...]  # of the link in the data file
    subject: Subject  # the child entity that declares the link
    loaded: LoadedReport = dataclass_field(repr=False, compare=False)

    @property
    def location(self) -> Location:
        """Computed when a finding needs it: a large report declares many links."""
        return self.loaded.location(self.path, subject=self.subject,
                                    place=self.place if self.place != CANONICAL else None)


class _Nodes(dict):
    """Node -> its attributes; ``nodes(data=True)`` gives (node, attributes) pairs."""

    def __call__(self, data: bool = False) -> list:
        return list(self.items()) if data else list(self)


class MultiDiGraph:
    """The part of a directed multigraph the tree needs, with networkx's names: nodes with
    attributes, and edges from parent to child keyed by the place that declares them (the
    same key again updates that edge). Insertion order is kept everywhere, so what is read
    from it comes out in report order. No graph algorithm is needed, so no graph library is
    imported for it."""

    def __init__(self) -> None:
        self.nodes = _Nodes()
        self._children: dict[str, dict[str, dict[str, dict]]] = {}
        self._parents: dict[str, dict[str, dict[str, dict]]] = {}

    def __contains__(self, node: object) -> bool:
        return node in self.nodes

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_nodes(self) -> int:
        return len(self.nodes)

    def add_node(self, node: str, **attributes: object) -> None:
        self.nodes.setdefault(node, {}).update(attributes)
        self._children.setdefault(node, {})
        self._parents.setdefault(node, {})

    def add_edge(self, parent: str, child: str, key: str, **attributes: object) -> None:
        for node in (parent, child):
            if node not in self.nodes:
                self.add_node(node)
        data = self._children[parent].setdefault(child, {}).setdefault(key, {})
        data.update(attributes)
        self._parents[child].setdefault(parent, {})[key] = data

    def successors(self, node: str):
        return iter(self._children[node])

    def in_edges(self, node: str, data: bool = False) -> list[tuple]:
        return [(parent, node, attributes) if data else (parent, node)
                for parent, keyed in self._parents[node].items() for attributes in keyed.values()]

    def edges(self, keys: bool = False, data: bool = False) -> list[tuple]:
        return [(parent, child) + ((key,) if keys else ()) + ((attributes,) if data else ())
                for parent, children in self._children.items()
                for child, keyed in children.items() for key, attributes in keyed.items()]


class PerformanceGraph:
    def __init__(self, loaded: LoadedReport) -> None:
        self.loaded = loaded
        self.graph = MultiDiGraph()
        self.mentions: dict[str, list[Mention]] = defaultdict(list)
        self._by_kind: dict[str, list[str]] | None = None
        self._build()

    def _build(self) -> None:
        report, loaded = self.loaded.report, self.loaded
        for kind, _, entity in report.entities():
            self.graph.add_node(entity.id, kind=kind, teks=entity.teks,
                                location=loaded.entity_location(entity.id))
        for kind, index, entity in report.entities():
            for field in ENTITY_LINKS[kind]:
                parents = getattr(entity, field, None)
                if parents is None:
                    continue
                parents = parents if isinstance(parents, (list, tuple)) else [parents]
                for position, parent in enumerate(parents):
                    path = loaded.item_path((kind, str(index), field), position)
                    declaration = Declaration(CANONICAL, path, loaded.subject(entity.id), loaded)
                    self._link(parent, entity.id, declaration)
        for place_name, place in report.tempat.items():
            for index, row in enumerate(place.baris):
                self.mentions[row.id].append(Mention(place_name, index, row.nomor, row.teks, loaded))
                for field in LINK_FIELDS:
                    for parent in getattr(row, field):
                        path = ("tempat", place_name, "baris", str(index), field)
                        subject = loaded.row_subject(place_name, index)
                        self._link(parent, row.id, Declaration(place_name, path, subject, loaded))

    def _link(self, parent: str, child: str, declaration: Declaration) -> None:
        if parent in self.graph and child in self.graph:
            self.graph.add_edge(parent, child, key=declaration.place, declaration=declaration)

    # -- reading ------------------------------------------------------------------------
    def kind(self, node: str) -> str:
        return self.graph.nodes[node]["kind"]

    def nodes_of(self, kind: str) -> list[str]:
        """The entities of one kind, in report order (a new list each time, from an index
        built once: several rules ask for every kind)."""
        if self._by_kind is None:
            self._by_kind = defaultdict(list)
            for node, data in self.graph.nodes.items():
                self._by_kind[data["kind"]].append(node)
        return list(self._by_kind.get(kind, ()))

    def parents(self, node: str, kind: str) -> dict[str, list[tuple[str, Declaration]]]:
        """Place -> [(parent id, declaration)] of the links from parents of ``kind``."""
        found: dict[str, list[tuple[str, Declaration]]] = defaultdict(list)
        for parent, _, data in self.graph.in_edges(node, data=True):
            if self.kind(parent) == kind:
                declaration = data["declaration"]
                found[declaration.place].append((parent, declaration))
        return found

    def children(self, node: str, kind: str) -> set[str]:
        return {child for child in self.graph.successors(node) if self.kind(child) == kind}
