"""Writing fixes into a data file byte by byte: only the values fixed change.

A compiler's data file is edited by hand, with comments, a key order and a quoting style of
its own; a fix that re-serialised the YAML would destroy all of that. So a fix is an edit of
the exact source text of one scalar: its span is found by composing the file again (libyaml's
marks give the start and end of every scalar, in characters), the replacement is written in
the scalar's own style (double-quoted, single-quoted or plain; a plain value that would read
differently unquoted — or any value of a JSON file — is double-quoted), and every byte outside
the spans is copied from the original.

Before anything is written, the edited text is composed again and must give exactly the old
data with the fixed values replaced; the file is written through a temporary file in the same
folder and renamed over the original (keeping its mode), so a failure at any step leaves the
original as it was.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from sakip_lint import escape
from sakip_lint.findings import Finding
from sakip_lint.location import FixSafety
from sakip_lint.textfile import decode, read_bytes

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the platform's wheel
    _Loader = yaml.SafeLoader

BLOCK_STYLES = ("|", ">")


class FixError(Exception):
    """A file cannot be fixed: a catalogue key and its arguments, said in the user's language."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass(frozen=True)
class Span:
    """Where a scalar's source text is: character offsets (end exclusive) and its style."""

    start: int
    end: int
    style: str  # '"', "'", '' (plain), '|' or '>'
    in_flow: bool  # inside [...] or {...}


@dataclass(frozen=True)
class Edit:
    pointer: str
    span: Span
    text: str  # the new source text of the scalar, quotes included
    replacement: str  # the value it stands for
    finding: Finding


@dataclass(frozen=True)
class Skipped:
    finding: Finding
    key: str  # catalogue key of the reason


@dataclass
class Plan:
    """The edits for one file, and the fixes that could not be made, with why."""

    path: str
    content: bytes
    text: str
    edits: list[Edit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def new_text(self) -> str:
        return apply_edits(self.text, self.edits)

    def new_content(self) -> bytes:
        """The original bytes with each span replaced: the BOM and every other byte kept."""
        bom = len(codecs.BOM_UTF8) if self.content.startswith(codecs.BOM_UTF8) else 0
        out, at = [self.content[:bom]], bom
        for edit in sorted(self.edits, key=lambda edit: edit.span.start):
            start = bom + len(self.text[:edit.span.start].encode("utf-8"))
            end = bom + len(self.text[:edit.span.end].encode("utf-8"))
            out += [self.content[at:start], edit.text.encode("utf-8")]
            at = end
        out.append(self.content[at:])
        return b"".join(out)


def scalar_span(root: yaml.Node, path: tuple[str, ...]) -> Span | None:
    """The span of the scalar at ``path`` (the first of duplicate keys, as the loader reads)."""
    node, in_flow = root, False
    for part in path:
        in_flow = in_flow or bool(getattr(node, "flow_style", False))
        if isinstance(node, yaml.MappingNode):
            node = next((value for key, value in node.value
                         if isinstance(key, yaml.ScalarNode) and key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
        else:
            return None
        if node is None:
            return None
    if not isinstance(node, yaml.ScalarNode):
        return None
    return Span(node.start_mark.index, node.end_mark.index, node.style or "", in_flow)


def _reads_as(source: str, in_flow: bool) -> str | None:
    """The string a plain scalar's text reads as in its context, or None if it is not one
    plain string scalar there (it would be null, split, or another node)."""
    document = f"[{source}]" if in_flow else f"k: {source}"
    try:
        node = yaml.compose(document, Loader=_Loader)
    except yaml.YAMLError:
        return None
    value = node.value[0] if in_flow else node.value[0][1] if node.value else None
    if (not isinstance(value, yaml.ScalarNode) or value.style
            or (in_flow and len(node.value) != 1) or value.tag.endswith(":null")):
        return None
    return value.value


def quoted(replacement: str, style: str, in_flow: bool, json_file: bool) -> str:
    """The source text of ``replacement`` in the scalar's style, quoted where it must be."""
    double = json.dumps(replacement, ensure_ascii=False)
    if json_file:
        return double
    if style == "'" and replacement.isprintable():
        return "'" + replacement.replace("'", "''") + "'"
    if style == "" and replacement.isprintable() and replacement.strip() == replacement \
            and _reads_as(replacement, in_flow) == replacement:
        return replacement
    return double


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    out, at = [], 0
    for edit in sorted(edits, key=lambda edit: edit.span.start):
        out += [text[at:edit.span.start], edit.text]
        at = edit.span.end
    out.append(text[at:])
    return "".join(out)


def each_fix(finding: Finding) -> Iterator[Finding]:
    """The finding once per value it can fix: itself, then once for each value of the same
    cause that carries its own fix (a rounding habit of a column fixes every cell of it)."""
    yield finding
    for fix in finding.same_cause_fixes:
        if fix is not None:
            yield replace(finding, fix=fix, same_cause_fixes=())


def wanted(finding: Finding, safeties: frozenset[FixSafety]) -> bool:
    """A finding whose fix may be applied at these safeties (a suggestion never is)."""
    return (finding.fix is not None and finding.fix.safety in safeties
            and finding.fix.safety is not FixSafety.SUGGESTION)


def read(path: str, digest: str | None) -> tuple[bytes, str]:
    """The bytes and text of a checked file, refused if it changed since it was checked."""
    content, problem = read_bytes(Path(path))
    if problem is not None:
        raise FixError("fix.unreadable", path=path)
    text, problem = decode(content)
    if problem is not None:
        raise FixError("fix.unreadable", path=path)
    if digest is not None and hashlib.sha256(content).hexdigest() != digest:
        raise FixError("fix.changed", path=path)
    return content, text


def plan(path: str, digest: str | None, findings: Iterable[Finding],
         safeties: frozenset[FixSafety]) -> Plan:
    """The edits the fixes of ``findings`` make to the file at ``path``."""
    content, text = read(path, digest)
    result = Plan(path, content, text)
    chosen = [one for finding in findings for one in each_fix(finding)
              if wanted(one, safeties) and one.fix.location.file == path]
    if not chosen:
        return result
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:  # the check read it a moment ago
        raise FixError("fix.unreadable", path=path) from error
    json_file = path.lower().endswith(".json")
    by_pointer: dict[str, list[Finding]] = {}
    for finding in chosen:
        by_pointer.setdefault(finding.fix.location.pointer, []).append(finding)
    for pointer, group in by_pointer.items():
        replacements = {finding.fix.replacement for finding in group}
        if len(replacements) > 1:  # two rules want two values: the compiler decides
            result.skipped += [Skipped(finding, "fix.skipped.conflict") for finding in group]
            continue
        path = tuple(map(str, group[0].fix.location.path))
        span = scalar_span(root, path) if root is not None else None
        if span is None:
            result.skipped += [Skipped(finding, "fix.skipped.no-scalar") for finding in group]
            continue
        if span.style in BLOCK_STYLES:
            result.skipped += [Skipped(finding, "fix.skipped.block-scalar") for finding in group]
            continue
        replacement = replacements.pop()
        source = quoted(replacement, span.style, span.in_flow, json_file)
        if source != text[span.start:span.end]:
            result.edits.append(Edit(pointer, span, source, replacement, group[0]))
    _verify(result)
    return result


def _data(text: str) -> object:
    from sakip_lint.loader import compose

    data, source, findings = compose("fix", text.encode("utf-8"))
    if source is None or findings:
        raise ValueError("not composable")
    return data


def _verify(result: Plan) -> None:
    """The edited text must read as the old data with exactly the fixed values replaced."""
    if not result.edits:
        return
    try:
        expected = _data(result.text)
        for edit in result.edits:
            parent = expected
            parts = tuple(map(str, edit.finding.fix.location.path))
            for part in parts[:-1]:
                parent = parent[int(part)] if isinstance(parent, list) else parent[part]
            last = parts[-1]
            parent[int(last) if isinstance(parent, list) else last] = edit.replacement
        same = _data(result.new_text()) == expected
    except (ValueError, KeyError, IndexError, TypeError):
        same = False
    if not same:
        raise FixError("fix.unverified", path=result.path)


def _read_only(path: Path) -> bool:
    """Write permission as the file's mode says: root may write anything, but a file its owner
    made read-only is not the tool's to change."""
    mode = path.stat().st_mode
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def write_atomically(path: str | Path, content: bytes) -> None:
    """``content`` in place of ``path`` through a temporary file in the same folder and a
    rename; the mode is kept and, on any error, the original is untouched and the temporary
    file removed."""
    path = Path(path)
    try:
        if _read_only(path):
            raise FixError("fix.read-only", path=path)
        mode = stat.S_IMODE(path.stat().st_mode)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    except OSError as error:
        raise FixError("fix.unwritable", path=path, detail=error.strerror or error) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise FixError("fix.unwritable", path=path, detail=error.strerror or error) from error


def unified_diff(result: Plan) -> str:
    """The change as a unified diff, every line shown as plain text (controls visible)."""
    old = result.text.splitlines(keepends=True)
    new = result.new_text().splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{result.path}", tofile=f"b/{result.path}")
    return "".join(escape.plain(line.rstrip("\r\n")) + "\n" for line in lines)
