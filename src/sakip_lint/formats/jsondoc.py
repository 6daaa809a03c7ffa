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
from sakip_lint.findings import Finding, Fix, Location, Severity, Subject
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
    counted = {severity.value: 0 for severity in Severity}
    for finding in findings:
        counted[finding.severity.value] += 1
    return counted


_FINDINGS = "\0findings\0"  # stands for the findings' text until the document is finished


class CheckDocument(Writer):
    """``check``'s JSON document, file by file: what it needs of each file is kept — its entry
    and its findings as JSON text — not the findings, so that a run over thousands of files
    holds little more than its output. The findings are written in where ``_FINDINGS`` stands
    (a string no data of a document before it can hold: NUL is no character of a path or a
    YAML file), indented as ``json.dumps`` indents a list at that depth."""

    def __init__(self, frame: CheckRun):
        super().__init__(frame)
        self.entries: list[dict] = []
        self.findings: list[str] = []

    def file(self, result) -> str:
        self.entries.append({"path": result.path, "sha256": result.digest,
                             "usable": result.usable, "counts": severity_counts(result.findings)})
        indent = self.frame.indent
        for finding in result.findings:
            text = dumps(finding_json(finding), indent)
            self.findings.append(text if indent is None
                                 else text.replace("\n", "\n" + " " * (2 * indent)))
        return ""

    def close(self, run: CheckRun) -> str:
        document = envelope("check", run.provenance.as_json(), run.lang)
        document["files"] = self.entries
        document["findings"] = _FINDINGS
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
        text = dumps(document, run.indent)
        return text.replace(dumps(_FINDINGS), self._findings(run.indent), 1)

    def _findings(self, indent: int | None) -> str:
        if indent is None:
            return "[" + ", ".join(self.findings) + "]"
        if not self.findings:
            return "[]"
        inner = "\n" + " " * (2 * indent)
        return "[" + inner + ("," + inner).join(self.findings) + "\n" + " " * indent + "]"


def dumps(document: object, indent: int | None = None) -> str:
    return escape.json_dumps(document, indent)
