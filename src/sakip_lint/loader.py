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
from yaml.reader import ReaderError

from sakip_lint.findings import Finding, Location, Severity, make_args
from sakip_lint.limits import Limits, current
from sakip_lint.messages import term
from sakip_lint.model import Report
from sakip_lint.phases import Stopwatch
from sakip_lint.references import check_references
from sakip_lint.schema_errors import describe_validation_error
from sakip_lint import composer, yaml_budget
from sakip_lint.source import LoadedReport, Path_, PositionTree, SourceMap
from sakip_lint.textfile import TextProblem, decode, document_kind, read_bytes

try:  # libyaml is part of PyYAML's wheels; the pure-Python loader is a slower fallback.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the platform's wheel
    _Loader = yaml.SafeLoader

NULL_TAG = composer.NULL_TAG
MERGE_TAG = composer.MERGE_TAG
CORE_PREFIX = "tag:yaml.org,2002:"
_RESOLVER = yaml.resolver.Resolver()  # the tags YAML gives untagged values (str, int, null...)


def written_tag(node: yaml.Node) -> str | None:
    """The tag written on ``node`` (``!!binary``, ``!!python/name:os.system``, ``!foo``), or
    None when it has only the tag YAML gives an untagged value: a data file holds text, numbers
    and lists, and a tag would only be dropped silently — or, for another reader, obeyed."""
    if isinstance(node, yaml.ScalarNode):
        plain = not node.style  # libyaml writes '' for a plain scalar, PyYAML None
        implicit = (plain, not plain)
        untagged = _RESOLVER.resolve(yaml.ScalarNode, node.value, implicit)
    else:
        untagged = _RESOLVER.resolve(type(node), None, (True, False))
    if node.tag == untagged or node.tag == MERGE_TAG:
        return None
    return "!!" + node.tag[len(CORE_PREFIX):] if node.tag.startswith(CORE_PREFIX) else node.tag


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
    "found unknown escape character": "load.yaml.unknown-escape",
    "did not find expected alphabetic or numeric character": "load.yaml.anchor-name",
    "found incompatible YAML document": "load.yaml.version",
    "found unknown directive name": "load.yaml.directive",
    "found undefined tag handle": "load.yaml.tag-handle",
    "but found another document": "load.yaml.two-documents",
    "block sequence entries are not allowed in this context": "load.yaml.list-here",
    "did not find expected hexdecimal number": "load.yaml.unknown-escape",
}
# ... and those that only their context tells apart
YAML_CONTEXTS = {
    "while scanning a block scalar": "load.yaml.block-scalar",
}


@dataclass(frozen=True)
class LoadResult:
    findings: tuple[Finding, ...]
    loaded: LoadedReport | None  # None when the file could not be used
    digest: str | None


def _load_finding(code: str, message_key: str, location: Location, **args: object) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, message_key=message_key, location=location,
                   args=make_args(**args))


class _TooMuch(Exception):
    """A limit was exceeded while reading nodes: the one finding that says so."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message_key)
        self.finding = finding


class _NodeReader:
    """Turns composed YAML nodes into plain data (raw strings, lists, dicts) and a SourceMap.

    Aliases (``*name``) are expanded here, so this is where expansion is bounded: the number of
    alias uses, the nodes read through aliases (a short file of many uses of a long anchor
    multiplies without them), the nodes written in the file and the nesting depth
    (``sakip_lint.limits``); an alias that contains itself is named as such.
    """

    def __init__(self, file: str, limits: Limits) -> None:
        self.file = file
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        self.findings: list[Finding] = []
        self.limits = limits
        self.nodes = 0
        self.aliases = 0
        self.alias_nodes = 0  # nodes read again through an alias, the alias's own one included
        self.expanding: list[yaml.Node | None] = []  # where the aliases being expanded are used
        self.homes: dict[int, tuple[int, int] | None] = {}  # node -> the edge first read through
        self.open: set[int] = set()  # collections being read: meeting one is a recursive alias
        self.key_nodes: set[int] = set()  # keys read: meeting one again is an alias of a key

    @staticmethod
    def _mark(node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _here(self, node: yaml.Node, path: Path_) -> Location:
        line, column = self._mark(node)
        return Location(file=self.file, line=line, column=column, path=tuple(map(str, path)))

    def _stop(self, node: yaml.Node, path: Path_, key: str, site: yaml.Node | None = None,
              **args: object) -> _TooMuch:
        """The finding that stops reading, at ``site`` (where an alias is used: its own node
        carries the position of its anchor) or else at the node."""
        return _TooMuch(_load_finding("LOAD001", key, self._here(site or node, path), **args))

    def _count(self, node: yaml.Node, path: Path_, site: yaml.Node | None,
               edge: tuple[int, int] | None) -> None:
        """Count one node read; ``edge`` is (parent, position) it was reached through. A node
        reached through another edge than the first is an alias use — also one written inside
        an alias being expanded, which is how nested aliases multiply."""
        home = self.homes.setdefault(id(node), edge)
        aliased = home != edge
        where = site if aliased else None  # an alias is reported where it is used
        if aliased or self.expanding:
            self.alias_nodes += 1
            if self.alias_nodes > self.limits.max_alias_nodes:  # at the outermost alias used
                raise self._stop(node, path, "limit.alias-nodes", (self.expanding or [site])[0],
                                 limit=self.limits.max_alias_nodes)
        else:
            self.nodes += 1
            if self.nodes > self.limits.max_nodes:
                raise self._stop(node, path, "limit.nodes", None, limit=self.limits.max_nodes)
        if len(path) > self.limits.max_depth:
            raise self._stop(node, path, "limit.depth", where, limit=self.limits.max_depth)
        if id(node) in self.open:
            raise self._stop(node, path, "limit.recursive-alias", where)
        if aliased:
            self.aliases += 1
            if self.aliases > self.limits.max_aliases:
                raise self._stop(node, path, "limit.aliases", where, limit=self.limits.max_aliases)

    def read(self, node: yaml.Node, path: Path_ = (), site: yaml.Node | None = None,
             edge: tuple[int, int] | None = None) -> object:
        """Plain data of ``node``; ``site`` is the node that holds it (its key in a mapping, its
        list in a sequence), where an alias use is reported."""
        self._count(node, path, site, edge)
        self.values[path] = self._mark(node)
        if (tag := written_tag(node)) is not None and self.homes[id(node)] == edge:
            self.findings.append(_load_finding("LOAD001", "load.tag", self._here(node, path),
                                               tag=tag))
        if isinstance(node, yaml.ScalarNode):
            if len(node.value) > self.limits.max_scalar_chars:
                raise self._stop(node, path, "limit.scalar", limit=self.limits.max_scalar_chars)
            return None if node.tag == NULL_TAG else node.value
        aliased = self.homes[id(node)] != edge
        self.open.add(id(node))
        if aliased:
            self.expanding.append(site)
        try:
            return self._collection(node, path)
        finally:
            self.open.discard(id(node))
            if aliased:
                self.expanding.pop()

    def _collection(self, node: yaml.Node, path: Path_) -> object:
        if isinstance(node, yaml.SequenceNode):
            return [self.read(child, path + (str(index),), node, (id(node), index))
                    for index, child in enumerate(node.value)]
        data: dict[str, object] = {}
        for index, (key_node, value_node) in enumerate(node.value):
            if key_node.tag == MERGE_TAG:
                self.findings.append(_load_finding("LOAD001", "load.unsupported-node",
                                                   self._here(key_node, path), feature="<<"))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.findings.append(_load_finding("LOAD001", "load.unsupported-node",
                                                   self._here(key_node, path),
                                                   feature=term("load.feature.complex-key")))
                continue
            key = key_node.value
            child = path + (key,)
            if (tag := written_tag(key_node)) is not None:
                self.findings.append(_load_finding("LOAD001", "load.tag",
                                                   self._here(key_node, child), tag=tag))
            if len(key) > self.limits.max_scalar_chars:
                raise self._stop(key_node, path, "limit.scalar", limit=self.limits.max_scalar_chars)
            if key in data:
                first_line = self.keys[child][0]
                # a key written as an alias (*k) carries its anchor's position: the value
                # beside it is where the repeated key is
                where = value_node if id(key_node) in self.key_nodes else key_node
                self.findings.append(_load_finding("LOAD003", "load.duplicate-key",
                                                   self._here(where, child), key=key,
                                                   first_line=first_line))
                continue
            self.key_nodes.add(id(key_node))
            self.keys[child] = self._mark(key_node)
            data[key] = self.read(value_node, child, key_node, (id(node), index))
        return data


def _text_finding(code: str, file: str, problem: TextProblem) -> Finding:
    location = Location(file=file, line=problem.line, column=problem.column)
    return _load_finding(code, problem.key, location, **problem.args)


def read_source(path: Path) -> tuple[bytes | None, list[Finding]]:
    content, problem = read_bytes(path)
    if problem is not None:
        return None, [_text_finding("LOAD000", str(path), problem)]
    return content, []


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _open_quote_before(text: str, stop_line: int) -> tuple[int, int] | None:
    """Where a double-quoted value that runs on past its own line starts, before the line
    libyaml stopped at (0-based): data files keep quoted values on one line, so such a quote
    is almost always one that was never closed, and libyaml reports the damage lines later."""
    lines = text.split("\n")[:stop_line + 1]
    for number, line in enumerate(lines[:-1]):
        quote = _unclosed_quote(line)
        if quote is not None:
            return number + 1, quote + 1
    return None


def _unclosed_quote(line: str) -> int | None:
    """The column (0-based) of a double quote that the line opens and does not close."""
    index, opened = 0, None
    in_single = False
    while index < len(line):
        char = line[index]
        if opened is not None:
            if char == "\\":
                index += 1
            elif char == '"':
                opened = None
        elif in_single:
            in_single = char != "'"
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            break
        elif char == '"' and (index == 0 or line[index - 1] in " \t[{,:-"):
            opened = index
        elif char == "'" and (index == 0 or line[index - 1] in " \t[{,:-"):
            in_single = True
        index += 1
    return opened


def _yaml_error(file: str, text: str, error: yaml.YAMLError) -> Finding:
    """A libyaml error as a located finding in the user's language; libyaml's own English
    words, when no translation fits, are kept apart as a detail."""
    if isinstance(error, ReaderError):  # an offset (libyaml: in UTF-8 bytes), not line:col
        index = error.position
        if _Loader is not getattr(yaml, "SafeLoader", None):
            index = len(text.encode("utf-8")[:index].decode("utf-8", errors="ignore"))
        line, column = _position(text, index)
        character = error.character
        code = ord(character) if isinstance(character, str) else int(character)
        return _load_finding("LOAD001", "text.control-character", Location(file, line, column),
                             character=f"U+{code:04X}", line_number=line, column_number=column)
    if not isinstance(error, yaml.MarkedYAMLError):
        return _load_finding("LOAD001", "load.yaml-syntax-detail", Location(file=file),
                             detail=str(error))
    mark = error.problem_mark or error.context_mark

    def at(found) -> Location:
        return Location(file=file, line=found.line + 1 if found else None,
                        column=found.column + 1 if found else None)

    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return _load_finding("LOAD001", "load.yaml.unclosed-quote", at(error.context_mark),
                             line=mark.line + 1 if mark else "?")
    if error.problem == "exceeded maximum nesting depth":  # libyaml's own limit, not ours
        return _load_finding("LOAD001", "load.yaml.too-deep", at(mark), limit=current().max_depth)
    if error.context == "while scanning a simple key" and error.context_mark is not None:
        start = error.context_mark  # where the key began, not where libyaml gave it up
        long = mark is not None and mark.line == start.line and mark.column - start.column > 1024
        return _load_finding("LOAD001", "load.yaml.long-key" if long else "load.yaml.no-colon",
                             at(start))
    if mark is not None and (quote := _open_quote_before(text, mark.line)) is not None:
        return _load_finding("LOAD001", "load.yaml.unclosed-quote-probable",
                             Location(file, quote[0], quote[1]), line=mark.line + 1,
                             column=mark.column + 1)
    problem = YAML_PROBLEMS.get(error.problem or "") or YAML_CONTEXTS.get(error.context or "")
    if problem is not None:
        return _load_finding("LOAD001", problem, at(mark))
    detail = " ".join(part for part in (error.context, error.problem) if part)
    return _load_finding("LOAD001", "load.yaml-syntax-detail", at(mark), detail=detail)


def compose(file: str, content: bytes, *,
            careful: bool = False) -> tuple[object, SourceMap | PositionTree | None, list[Finding]]:
    """Plain data and positions of a YAML/JSON document, or the located syntax error.

    An ordinary document is read from libyaml's events into compact positions (``composer``);
    one with anchors, aliases, merge or duplicate keys, or any problem, and every document
    when ``careful``, is composed into nodes and read by ``_NodeReader``, which names each
    problem where it is."""
    text, problem = decode(content)
    if problem is not None:
        return None, None, [_text_finding("LOAD001", file, problem)]
    if not careful and composer.available():
        try:
            data, positions = composer.compose(file, text, current())
            return data, positions, []
        except (composer.Unusual, yaml.YAMLError):
            pass  # read again below, carefully
    return _compose_carefully(file, text)


def _compose_carefully(file: str, text: str) -> tuple[object, SourceMap | None, list[Finding]]:
    if (passed := yaml_budget.exceeded(file, text, current(), _Loader)) is not None:
        key, location, limit = passed  # counted from the events: no tree was built
        return None, None, [_load_finding("LOAD001", key, location, limit=limit)]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        return None, None, [_yaml_error(file, text, error)]
    reader = _NodeReader(file, current())
    if node is None or not isinstance(node, yaml.MappingNode):
        location = reader._here(node, ()) if node is not None else Location(file=file)
        return None, None, [_load_finding("LOAD002", "load.not-mapping", location)]
    try:
        data = reader.read(node)
    except _TooMuch as stop:
        return None, None, [stop.finding]
    except RecursionError:  # max_depth is bounded below Python's recursion limit: never here
        return None, None, [_load_finding("LOAD001", "limit.depth", Location(file=file),
                                          limit=reader.limits.max_depth)]
    return data, SourceMap(file=file, values=reader.values, keys=reader.keys), reader.findings


def _imported(file: str, content: bytes, kind: str):
    """A Word or Excel report read into the text of its data file and the origin of each
    value in the document (``sakip_lint.importing``), or the finding saying why it cannot be."""
    from sakip_lint.importing import import_content
    from sakip_lint.importing.container import problem_finding

    imported = import_content(file, content, kind)
    if imported.text is None or imported.gaps:
        return None, None, [problem_finding(file, problem)
                            for problem in imported.problems + imported.gaps]
    return imported.text.encode("utf-8"), imported.origins, []


def load_report(path: str | Path, timings: dict[str, float] | None = None) -> LoadResult:
    """Read, compose and validate one data file, or import a .docx/.xlsx report first;
    every problem is a located finding. ``timings`` collects the seconds of the ``load``
    and ``validate`` phases."""
    path = Path(path)
    content, findings = read_source(path)
    if content is None:
        return LoadResult(tuple(findings), None, None)
    return load_content(str(path), content, timings)


def load_content(file: str, content: bytes,
                 timings: dict[str, float] | None = None) -> LoadResult:
    """Compose and validate the bytes of a data file named ``file`` (a path, or a name such
    as ``<string>`` for text that never was a file); a name ending in .docx or .xlsx is read
    as that document."""
    watch = Stopwatch(timings)
    digest = hashlib.sha256(content).hexdigest()
    origins = None
    if (kind := document_kind(file)) is not None:
        content, origins, findings = _imported(file, content, kind)
        if content is None:
            return LoadResult(tuple(findings), None, digest)
    data, source, findings = compose(file, content)
    if source is not None and origins:
        source.origins.update(origins)  # where each value stands in the imported document
    watch.lap("load")
    try:
        return _validated(file, digest, data, source, findings)
    finally:
        watch.lap("validate")


def _validated(file: str, digest: str, data: object, source: SourceMap | PositionTree | None,
               findings: list[Finding]) -> LoadResult:
    """The composed data as a ``Report`` whose references hold, or the findings why not."""
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
