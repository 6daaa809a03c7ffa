"""The node and alias limits of a data file, counted from libyaml's events before composing.

The careful reader (``loader._NodeReader``) counts nodes and alias expansions while it walks
the tree ``yaml.compose`` has built, but ``yaml.compose`` builds the whole tree first: a file
the fast composer hands over (one anchor at its top, then millions of values) would cost
gigabytes before any limit is looked at. Here the parse events are streamed once, keeping
only a stack of open collections and the expanded size of each anchor, so the file costs
bounded memory and time whatever it holds; what exceeds ``max_nodes``, ``max_aliases`` or
``max_alias_nodes`` is told to the loader, which says it as the reader does, at the value where
its count passes.

The counts are the reader's: the values written (the root, every value and item; a plain
key is not a value) and, for each alias used as a value, the values of its anchor as they
expand (nested aliases included) and the alias uses among them. Keys written as collections
or aliases are counted as written, a little more than the reader reads; everything else,
an alias inside its own anchor among it, is left to the reader to name.
"""

from __future__ import annotations

import yaml
from yaml.events import (AliasEvent, CollectionStartEvent, DocumentEndEvent,
                         MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent)

from sakip_lint.limits import Limits
from sakip_lint.location import Location

_OPEN = None  # the anchor of a collection still being read: its size is not known yet


class _Open:
    """A mapping or sequence being read: where it is, what it expands to so far, and whether
    its next event is a key (mappings) or which item it is (sequences)."""

    __slots__ = ("mapping", "path", "line", "column", "anchor", "size", "aliases",
                 "expect_key", "key", "key_line", "key_column", "index", "is_key")

    def __init__(self, event, path: tuple[str, ...], is_key: bool) -> None:
        self.mapping = event.__class__ is MappingStartEvent
        self.path = path
        self.line, self.column = event.start_mark.line + 1, event.start_mark.column + 1
        self.anchor = event.anchor
        self.size = 1  # this collection, then every value it holds, expanded
        self.aliases = 0  # alias uses among them
        self.expect_key = True
        self.key = "?"
        self.key_line, self.key_column = self.line, self.column
        self.index = 0
        self.is_key = is_key  # a collection written as a key (a complex key)


Passed = tuple[str, Location, int]
"""The limit a file passes: its message key, where the count passes it, the limit."""


def exceeded(file: str, text: str, limits: Limits, loader: type) -> Passed | None:
    """The first limit the document's first node tree passes, or None (also for a syntax
    error or an undefined alias: composing names those)."""
    stack: list[_Open] = []
    anchors: dict[str, tuple[int, int] | None] = {}  # name -> (expanded size, alias uses)
    nodes = aliases = alias_nodes = 0

    def stop(key: str, line: int, column: int, path: tuple[str, ...], limit: int) -> Passed:
        return key, Location(file=file, line=line, column=column, path=path), limit

    try:
        for event in yaml.parse(text, Loader=loader):
            kind = event.__class__
            top = stack[-1] if stack else None
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                done = stack.pop()
                if done.anchor is not None:
                    anchors[done.anchor] = done.size, done.aliases
                if not stack:
                    continue
                top = stack[-1]
                top.size += done.size
                top.aliases += done.aliases
                _advance(top, done.is_key)
                continue
            if kind is DocumentEndEvent:
                return None  # a second document is refused when composing, not read
            if kind is not ScalarEvent and kind is not AliasEvent and \
                    not issubclass(kind, CollectionStartEvent):
                continue  # the stream and document starts
            is_key = top is not None and top.mapping and top.expect_key
            if is_key and kind is ScalarEvent:  # a plain key: not a value
                top.key = event.value
                top.key_line = event.start_mark.line + 1
                top.key_column = event.start_mark.column + 1
                top.expect_key = False
                if event.anchor is not None:
                    anchors[event.anchor] = 1, 0
                continue
            if top is None:
                path, site = (), None
            elif top.mapping:
                path = top.path if is_key else top.path + (top.key,)
                site = (top.key_line, top.key_column)
            else:
                path, site = top.path + (str(top.index),), (top.line, top.column)
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            if kind is AliasEvent:
                if event.anchor not in anchors:
                    return None  # undefined: composing says so, where
                size, inner = anchors[event.anchor] or (1, 0)  # open: the reader names it
                aliases += 1 + inner
                alias_nodes += size
                where = site or (line, column)
                if aliases > limits.max_aliases:
                    return stop("limit.aliases", *where, path, limits.max_aliases)
                if alias_nodes > limits.max_alias_nodes:
                    return stop("limit.alias-nodes", *where, path, limits.max_alias_nodes)
                if top is not None:
                    top.size += size
                    top.aliases += 1 + inner
                    _advance(top, is_key)
                continue
            nodes += 1
            if nodes > limits.max_nodes:
                return stop("limit.nodes", line, column, path, limits.max_nodes)
            if kind is ScalarEvent:
                if event.anchor is not None:
                    anchors[event.anchor] = 1, 0
                if top is not None:
                    top.size += 1
                    _advance(top, is_key)
                continue
            if event.anchor is not None:
                anchors[event.anchor] = _OPEN
            stack.append(_Open(event, path, is_key))
    except yaml.YAMLError:
        return None  # composing stops at the same place and says why
    return None


def _advance(parent: _Open, was_key: bool) -> None:
    """One key, value or item of ``parent`` has been read."""
    if parent.mapping:
        parent.expect_key = not was_key
    else:
        parent.index += 1
