"""A layered layout of the pohon kinerja: one column per level, left to right.

The tree is drawn as a reviewer sketches it — visi, then misi, tujuan, sasaran, indikator and
program — so each level is a column, and a column of thirty programmes stays a column instead
of a row wider than the page. The method is the usual one for layered drawings, kept small:

1. a link that skips levels (sasaran -> program skips the indicators) gets a waypoint in every
   column it crosses, so it runs between the boxes there and not through them;
2. the boxes of each column are ordered by the mean position of their neighbours, sweeping
   down and up the levels a few times, which removes most crossings;
3. each box is then placed as near as it can to the mean height of its neighbours, keeping the
   order and the spacing of its column (an isotonic fit: the best positions under the order).

Pure geometry: ids, levels, sizes and links in, positions and routes out; no drawing.
"""

from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True)
class Box:
    id: str
    x: float
    y: float  # top
    width: float
    height: float

    @property
    def middle(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class Route:
    parent: str
    child: str
    points: tuple[tuple[float, float], ...]  # from the parent's right side to the child's left


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    boxes: dict[str, Box]
    routes: tuple[Route, ...]
    columns: tuple[float, ...]  # x of each level


@dataclass(frozen=True)
class Spacing:
    box_width: float = 210
    column_gap: float = 70
    row_gap: float = 10
    waypoint: float = 6  # the height a link takes where it crosses a column
    margin: float = 16
    sweeps: int = 4


def _isotonic(desired: list[float], sizes: list[float], gap: float) -> list[float]:
    """Tops as near as possible (least squares) to ``desired`` with each item below the one
    before it: pool adjacent violators on the tops less the space the earlier items take."""
    offsets, total = [], 0.0
    for size in sizes:
        offsets.append(total)
        total += size + gap
    shifted = [want - offset for want, offset in zip(desired, offsets)]
    blocks: list[list[float]] = []  # [mean, count]
    for value in shifted:
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [(blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                          blocks[-1][1] + count]
    fitted = [mean for mean, count in blocks for _ in range(int(count))]
    return [value + offset for value, offset in zip(fitted, offsets)]


def layout(levels: list[list[str]], heights: dict[str, float], links: list[tuple[str, str]],
           spacing: Spacing = Spacing()) -> Layout:
    """Positions for the ids of ``levels`` (each level in its initial order) and routes for
    ``links`` (parent, child) that go down the levels; other links are left to the caller."""
    level_of = {node: depth for depth, level in enumerate(levels) for node in level}
    columns = [list(level) for level in levels]
    size = dict(heights)
    parents: dict[str, list[str]] = {node: [] for node in level_of}
    children: dict[str, list[str]] = {node: [] for node in level_of}
    chains: dict[tuple[str, str], list[str]] = {}
    for parent, child in links:
        if parent not in level_of or child not in level_of or level_of[parent] >= level_of[child]:
            continue
        chain = [parent]
        for depth in range(level_of[parent] + 1, level_of[child]):
            waypoint = ("waypoint", parent, child, depth)  # never equal to an id (a str)
            columns[depth].append(waypoint)
            size[waypoint] = spacing.waypoint
            parents[waypoint], children[waypoint] = [], []
            chain.append(waypoint)
        chain.append(child)
        for upper, lower in zip(chain, chain[1:]):
            children[upper].append(lower)
            parents[lower].append(upper)
        chains[(parent, child)] = chain

    def reorder(column: list[str], neighbours: dict[str, list[str]], rank: dict[str, int]):
        def key(item: tuple[int, str]):
            position, node = item
            near = [rank[other] for other in neighbours[node] if other in rank]
            return (sum(near) / len(near) if near else position, position)
        return [node for _, node in sorted(enumerate(column), key=key)]

    for _ in range(spacing.sweeps):
        for depth in range(1, len(columns)):
            rank = {node: index for index, node in enumerate(columns[depth - 1])}
            columns[depth] = reorder(columns[depth], parents, rank)
        for depth in range(len(columns) - 2, -1, -1):
            rank = {node: index for index, node in enumerate(columns[depth + 1])}
            columns[depth] = reorder(columns[depth], children, rank)

    tops: dict[str, float] = {}
    for column in columns:
        top = spacing.margin
        for node in column:
            tops[node] = top
            top += size[node] + spacing.row_gap

    def place(column: list[str], neighbours: dict[str, list[str]]) -> None:
        desired = []
        for node in column:
            near = [tops[other] + size[other] / 2 for other in neighbours[node]]
            middle = sum(near) / len(near) if near else tops[node] + size[node] / 2
            desired.append(middle - size[node] / 2)
        for node, top in zip(column, _isotonic(desired, [size[n] for n in column],
                                                spacing.row_gap)):
            tops[node] = top

    for _ in range(spacing.sweeps):
        for depth in range(1, len(columns)):
            place(columns[depth], parents)
        for depth in range(len(columns) - 2, -1, -1):
            place(columns[depth], children)
    lowest = min(tops.values(), default=spacing.margin)
    for node in tops:
        tops[node] += spacing.margin - lowest

    xs = tuple(spacing.margin + depth * (spacing.box_width + spacing.column_gap)
               for depth in range(len(levels)))
    boxes = {node: Box(node, xs[level_of[node]], tops[node], spacing.box_width, size[node])
             for node in level_of}
    routes = []
    for (parent, child), chain in chains.items():
        upper, lower = boxes[parent], boxes[child]
        points = [(upper.x + upper.width, upper.middle)]
        for waypoint in chain[1:-1]:
            depth = waypoint[3]
            middle = tops[waypoint] + size[waypoint] / 2
            points += [(xs[depth] - 4, middle), (xs[depth] + spacing.box_width + 4, middle)]
        points.append((lower.x, lower.middle))
        routes.append(Route(parent, child, tuple(points)))
    bottom = max((tops[node] + size[node] for node in tops), default=0)
    width = xs[-1] + spacing.box_width + spacing.margin if xs else 2 * spacing.margin
    return Layout(width, bottom + spacing.margin, boxes, tuple(routes), xs)
