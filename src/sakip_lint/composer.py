"""A data file read straight from libyaml's parse events into plain data and compact positions.

``yaml.compose`` builds a node and two marks for every value and calls back into Python's
resolver for each scalar; a report of 100 000 indicators is millions of values, and that tree
is most of the memory and time of loading. Here each event is read once, as libyaml's C
parser emits it: a scalar becomes its raw text (``None`` for a plain null), a mapping a
dict, a sequence a list, and their positions go into the arrays of a ``PositionTree``.

Only the ordinary document takes this way. An anchor or alias, a merge key, a complex or
duplicate key, a document that is not one mapping, a limit exceeded or a syntax error makes
the reader give up (``Unusual``), and the loader reads the file again the careful way, which
says exactly what is wrong and where. Both ways give the same data and the same positions
(``tests/test_composer.py`` holds them to it).
"""

from __future__ import annotations

from array import array

from yaml.events import (DocumentEndEvent, DocumentStartEvent, MappingEndEvent,
                         MappingStartEvent, ScalarEvent, SequenceEndEvent,
                         SequenceStartEvent, StreamEndEvent, StreamStartEvent)

from sakip_lint.limits import Limits
from sakip_lint.source import MappingMarks, PositionTree, SequenceMarks

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"
NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # what PyYAML's resolver reads as null


class Unusual(Exception):
    """The document needs the careful reader."""


try:  # libyaml is part of PyYAML's wheels; without it every file is read the careful way
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - depends on the platform's wheel
    CParser = None


def available() -> bool:
    return CParser is not None


def compose(file: str, text: str, limits: Limits) -> tuple[dict, PositionTree]:
    """The document's data and positions, or ``Unusual`` (``yaml.YAMLError`` passes through)."""
    parser = CParser(text)
    try:
        return _Reader(parser.get_event, limits).document(file)
    finally:
        parser.dispose()


class _Reader:
    def __init__(self, get, limits: Limits) -> None:
        self.get = get
        self.max_nodes, self.max_depth = limits.max_nodes, limits.max_depth
        self.max_chars = limits.max_scalar_chars  # beyond it, the careful reader says where
        self.nodes = 0
        self.lines = array("I")
        self.columns = array("I")
        self.shapes: dict[tuple[str, ...], tuple[str, ...]] = {}

    def document(self, file: str) -> tuple[dict, PositionTree]:
        get = self.get
        if get().__class__ is not StreamStartEvent or get().__class__ is not DocumentStartEvent:
            raise Unusual
        start = get()
        if start.__class__ is not MappingStartEvent or start.anchor is not None:
            raise Unusual  # not a mapping (LOAD002), or an anchor
        self.nodes = 1
        data, tree = self._mapping(0)
        if get().__class__ is not DocumentEndEvent or get().__class__ is not StreamEndEvent:
            raise Unusual  # a second document
        mark = start.start_mark
        self.lines.append(mark.line + 1)
        self.columns.append(mark.column + 1)
        return data, PositionTree(file, self.lines, self.columns, len(self.lines) - 1, tree)

    def _value(self, event, depth: int, marks: list) -> tuple[object, object]:
        """The plain value of the node ``event`` starts, ``depth`` keys or items below the
        root, its marks appended to ``marks``."""
        self.nodes += 1
        if self.nodes > self.max_nodes or depth > self.max_depth or event.anchor is not None:
            raise Unusual
        mark = event.start_mark
        marks.append(mark.line)
        marks.append(mark.column)
        kind = event.__class__
        if event.tag is not None and event.tag != "!":
            raise Unusual  # a tag written on the value: the careful reader names it
        if kind is ScalarEvent:
            if len(event.value) > self.max_chars:
                raise Unusual
            return (None if event.implicit[0] and event.value in NULLS else event.value), None
        if kind is MappingStartEvent:
            return self._mapping(depth)
        if kind is SequenceStartEvent:
            return self._sequence(depth)
        raise Unusual  # an alias

    def _mapping(self, depth: int) -> tuple[dict, MappingMarks]:
        get, data = self.get, {}
        keys: list[str] = []
        key_marks: list[int] = []
        value_marks: list[int] = []
        children: list = []
        nested = False
        while True:
            event = get()
            if event.__class__ is not ScalarEvent:
                if event.__class__ is MappingEndEvent:
                    break
                raise Unusual  # a complex key
            key, tag = event.value, event.tag
            if (event.anchor is not None or key in data or (tag is not None and tag != "!")
                    or (key == "<<" and event.implicit[0]) or len(key) > self.max_chars):
                raise Unusual  # anchor, duplicate key, a tag (the merge key's among them)
            mark = event.start_mark
            key_marks.append(mark.line)
            key_marks.append(mark.column)
            event = get()
            if event.__class__ is ScalarEvent and event.anchor is None and depth < self.max_depth:
                # most values: read here rather than through _value
                self.nodes += 1
                if self.nodes > self.max_nodes:
                    raise Unusual
                mark = event.start_mark
                value_marks.append(mark.line)
                value_marks.append(mark.column)
                tag, value = event.tag, event.value
                if (tag is not None and tag != "!") or len(value) > self.max_chars:
                    raise Unusual  # a tag (the careful reader names it), or a value too long
                data[key] = None if event.implicit[0] and value in NULLS else value
                keys.append(key)
                children.append(None)
                continue
            value, child = self._value(event, depth + 1, value_marks)
            data[key] = value
            keys.append(key)
            children.append(child)
            nested = nested or child is not None
        shape = tuple(keys)
        shape = self.shapes.setdefault(shape, shape)
        base = self._block(key_marks + value_marks)
        return data, MappingMarks(shape, base, tuple(children) if nested else None)

    def _sequence(self, depth: int) -> tuple[list, SequenceMarks]:
        get, items = self.get, []
        marks: list[int] = []
        children: list = []
        nested = False
        while True:
            event = get()
            if event.__class__ is SequenceEndEvent:
                break
            value, child = self._value(event, depth + 1, marks)
            items.append(value)
            children.append(child)
            nested = nested or child is not None
        base = self._block(marks)
        return items, SequenceMarks(len(items), base, tuple(children) if nested else None)

    def _block(self, marks: list[int]) -> int:
        """Append (0-based line, column) pairs as 1-based entries; the index of the first."""
        base = len(self.lines)
        self.lines.extend([line + 1 for line in marks[0::2]])
        self.columns.extend([column + 1 for column in marks[1::2]])
        return base
