"""Loading a data file with the exact line and column of every value.

PyYAML's C loader (``CSafeLoader``, libyaml) composes the file into nodes that carry start
marks; we walk those nodes ourselves instead of constructing Python objects, so that

- every value keeps its raw text (``97.67`` stays ``"97.67"``, never a float),
- every value, key and mapping has a position for findings,
- duplicate keys, which YAML constructors silently overwrite, are reported.

JSON is a subset of YAML, so ``.json`` files go through the same path and get positions too.
Every problem becomes a located finding; nothing here raises for bad input.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from sakip_lint.findings import Finding, Location, Severity, make_args
from sakip_lint.model import Report
from sakip_lint.references import check_references
from sakip_lint.schema_errors import describe_validation_error
from sakip_lint.source import LoadedReport, Path_, SourceMap, pointer

try:  # libyaml is part of PyYAML's wheels; the pure-Python loader is a slower fallback.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the platform's wheel
    _Loader = yaml.SafeLoader

NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"


# libyaml's most frequent complaints, in the user's language (others are shown verbatim).
YAML_PROBLEMS = {
    "did not find expected node content": "load.yaml.no-content",
    "mapping values are not allowed here": "load.yaml.mapping-here",
    "mapping values are not allowed in this context": "load.yaml.mapping-here",
    "could not find expected ':'": "load.yaml.no-colon",
    "did not find expected key": "load.yaml.indentation",
    "did not find expected '-' indicator": "load.yaml.indentation",
    "did not find expected ',' or ']'": "load.yaml.unclosed-list",
    "did not find expected ',' or '}'": "load.yaml.unclosed-mapping",
    "found character that cannot start any token": "load.yaml.bad-character",
    "found undefined alias": "load.yaml.alias",
}


@dataclass(frozen=True)
class LoadResult:
    findings: tuple[Finding, ...]
    loaded: LoadedReport | None  # None when the file could not be used
    digest: str | None


def _load_finding(code: str, message_key: str, location: Location, **args: object) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, message_key=message_key, location=location,
                   args=make_args(**args))


class _NodeReader:
    """Turns composed YAML nodes into plain data (raw strings, lists, dicts) and a SourceMap."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.findings: list[Finding] = []

    @staticmethod
    def _mark(node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _here(self, node: yaml.Node, path: Path_) -> Location:
        line, column = self._mark(node)
        return Location(file=self.file, line=line, column=column, pointer=pointer(path))

    def read(self, node: yaml.Node, path: Path_ = ()) -> object:
        self.values[path] = self._mark(node)
        if isinstance(node, yaml.ScalarNode):
            return None if node.tag == NULL_TAG else node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.read(child, path + (str(index),)) for index, child in enumerate(node.value)]
        data: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                self.findings.append(_load_finding("LOAD001", "load.unsupported-node",
                                                   self._here(key_node, path), feature="<<"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.findings.append(_load_finding("LOAD001", "load.unsupported-node",
                                                   self._here(key_node, path),
                                                   feature="complex key"))
                continue
            key = key_node.value
            child = path + (key,)
            if key in data:
                first_line = self.keys[child][0]
                self.findings.append(_load_finding("LOAD003", "load.duplicate-key",
                                                   self._here(key_node, child), key=key,
                                                   first_line=first_line))
                continue
            self.keys[child] = self._mark(key_node)
            data[key] = self.read(value_node, child)
        return data


def read_source(path: Path) -> tuple[bytes | None, list[Finding]]:
    location = Location(file=str(path))
    if not path.exists():
        return None, [_load_finding("LOAD000", "load.file-missing", location, path=path)]
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [_load_finding("LOAD000", "load.file-unreadable", location,
                                    detail=error.strerror or error)]


def compose(file: str, content: bytes) -> tuple[object, SourceMap | None, list[Finding]]:
    """Plain data and positions of a YAML/JSON document, or the located syntax error."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, None, [_load_finding("LOAD001", "load.file-unreadable", Location(file=file),
                                          detail=f"UTF-8: {error.reason} (byte {error.start})")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        location = Location(file=file, line=mark.line + 1 if mark else None,
                            column=mark.column + 1 if mark else None)
        problem = YAML_PROBLEMS.get(error.problem or "")
        if problem is not None:
            return None, None, [_load_finding("LOAD001", problem, location)]
        detail = " ".join(part for part in (error.context, error.problem) if part)
        return None, None, [_load_finding("LOAD001", "load.yaml-syntax", location, detail=detail)]
    except yaml.YAMLError as error:
        return None, None, [_load_finding("LOAD001", "load.yaml-syntax", Location(file=file),
                                          detail=error)]
    reader = _NodeReader(file)
    if node is None or not isinstance(node, yaml.MappingNode):
        location = reader._here(node, ()) if node is not None else Location(file=file)
        return None, None, [_load_finding("LOAD002", "load.not-mapping", location)]
    data = reader.read(node)
    return data, SourceMap(file=file, values=reader.values, keys=reader.keys), reader.findings


def load_report(path: str | Path) -> LoadResult:
    """Read, compose and validate one data file; every problem is a located finding."""
    path = Path(path)
    file = str(path)
    content, findings = read_source(path)
    if content is None:
        return LoadResult(tuple(findings), None, None)
    digest = hashlib.sha256(content).hexdigest()
    data, source, findings = compose(file, content)
    if source is None:
        return LoadResult(tuple(findings), None, digest)
    try:
        report = Report.model_validate(data)
    except ValidationError as error:
        findings.extend(describe_validation_error(error, source))
        return LoadResult(tuple(findings), None, digest)
    loaded = LoadedReport(path=file, digest=digest, report=report, source=source)
    findings.extend(check_references(loaded))
    usable = not findings
    return LoadResult(tuple(findings), loaded if usable else None, digest)
