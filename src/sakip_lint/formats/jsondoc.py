"""The JSON documents of every command, in one versioned schema with English keys.

Every document opens with the same envelope — ``schema_version``, the ``command`` that wrote
it, the ``language`` of its rendered texts and the ``provenance`` (tool, ruleset, configuration)
— so a consumer can tell what it holds before reading on. The schema is
``sakip_lint/schemas/output.schema.json`` and is described in ``docs/json-output.md``; a change
that removes or renames a key raises ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sakip_lint import escape
from sakip_lint.findings import Finding, Fix, Location, Subject, by_severity
from sakip_lint.location import Origin
from sakip_lint.messages import LANGUAGES, render_finding, render_origin

from sakip_lint.formats import Writer

if TYPE_CHECKING:
    from sakip_lint.formats import CheckRun

SCHEMA_VERSION = 1
SCHEMA_FILE = "output.schema.json"


def envelope(command: str, provenance: dict, lang: str) -> dict:
    """The keys every document starts with."""
    return {"schema_version": SCHEMA_VERSION, "command": command, "language": lang,
            "provenance": provenance}


def subject_json(subject: Subject | None) -> dict | None:
    if subject is None:
        return None
    return {"kind": subject.kind or None, "id": subject.id, "name": subject.name,
            "number": subject.number}


def origin_json(origin: Origin | None) -> dict | None:
    """Where an imported value stands in its document: as text in both languages, and its
    parts for machines."""
    if origin is None:
        return None
    return {"text": {lang: render_origin(origin, lang) for lang in LANGUAGES},
            "document": origin.document, "table": origin.table, "table_index": origin.table_index,
            "caption": origin.caption, "row": origin.row, "column": origin.column,
            "paragraph": origin.paragraph, "sheet": origin.sheet, "cell": origin.cell,
            "continued": origin.continued}


def location_json(location: Location) -> dict:
    """The origin in the document first (for an imported report), then the place in the data
    file: ``line`` and ``column`` are those of the data file ``sakip-lint import`` writes."""
    return {"origin": origin_json(location.origin), "file": location.file,
            "line": location.line, "column": location.column,
            "pointer": location.pointer, "key": location.key,
            "subject": subject_json(location.subject), "place": location.place}


def fix_json(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {"replacement": fix.replacement, "safety": fix.safety.value,
            "location": location_json(fix.location)}


def finding_json(finding: Finding) -> dict:
    fix = finding.fix
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": {lang: render_finding(finding, lang) for lang in LANGUAGES},
        "location": location_json(finding.location),
        "related": [location_json(location) for location in finding.related],
        "same_cause": [location_json(location) for location in finding.same_cause],
        "found": finding.found,
        "expected": finding.expected,
        "fix": fix_json(fix),
        "same_cause_fixes": [fix_json(other) for other in finding.same_cause_fixes],
    }


def severity_counts(findings) -> dict[str, int]:
    return {severity.value: count for severity, count in by_severity(findings).items()}


_FINDINGS = "\0findings\0"  # stands for the findings' text until the document is finished


class CheckDocument(Writer):
    """``check``'s JSON document, written file by file: the envelope and each file's findings
    as soon as the file is checked, then the files' entries and the summary when the run is
    over, so that a run over thousands of files keeps a line per file, not its findings. The
    document is laid out once with ``_FINDINGS`` where the findings go (a string no data of a
    document can hold: NUL is no character of a path or a YAML file): what comes before it is
    written first, what comes after it last, and the findings between them are indented as
    ``json.dumps`` indents a list at that depth."""

    def __init__(self, frame: CheckRun):
        super().__init__(frame)
        self.entries: list[dict] = []
        self.started = False  # the envelope is written
        self.written = 0  # findings written so far

    def file(self, result) -> str:
        self.entries.append({"path": result.path, "sha256": result.digest,
                             "usable": result.usable, "counts": severity_counts(result.findings)})
        indent = self.frame.indent
        parts = [] if self.started else [self._layout()[0]]
        self.started = True
        for finding in result.findings:
            text = dumps(finding_json(finding), indent)
            if indent is None:
                parts.append(("[" if not self.written else ", ") + text)
            else:
                inner = "\n" + " " * (2 * indent)
                parts.append(("[" if not self.written else ",") + inner
                             + text.replace("\n", inner))
            self.written += 1
        return "".join(parts)

    def close(self, run: CheckRun) -> str:
        head, tail = self._layout(run)
        indent = self.frame.indent
        if not self.written:
            closing = "[]"
        else:
            closing = "]" if indent is None else "\n" + " " * indent + "]"
        return ("" if self.started else head) + closing + tail

    def _layout(self, run: CheckRun | None = None) -> tuple[str, str]:
        """The document's text before and after its findings (the part after them holds the
        files and the summary, known once ``run`` is over)."""
        document = envelope("check", self.frame.provenance.as_json(), self.frame.lang)
        document["findings"] = _FINDINGS
        document["files"] = self.entries
        if run is not None:
            counts = {severity.value: count for severity, count in run.counts().items()}
            document["summary"] = {
                "files": run.files,
                "unusable_files": run.unusable,
                "findings": sum(counts.values()),
                "counts": counts,
                "suppressed": run.suppressed,
                "baseline_hidden": run.baseline_hidden,
                "fixed": run.fixed,
            }
        head, _, tail = dumps(document, self.frame.indent).partition(dumps(_FINDINGS))
        return head, tail


def dumps(document: object, indent: int | None = None) -> str:
    return escape.json_dumps(document, indent)
