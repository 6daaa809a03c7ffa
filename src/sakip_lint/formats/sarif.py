"""SARIF 2.1.0, the format code-scanning platforms read (GitHub, GitLab, Azure DevOps, IDEs).

Each rule in force is a ``reportingDescriptor`` with its name, its documentation as help text
in the reader's language and its default level; each finding is a ``result`` with its
physical location (file:line:col), its logical locations (the JSON Pointer and the business
key), the other cells it compares with as related locations and, for a safe fix, a SARIF
``fix`` that replaces exactly the value's source text. Columns count Unicode code points, as
the loader does. Texts are shown with their control characters visible.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

from sakip_lint import escape
from sakip_lint.findings import Finding, Location, Severity
from sakip_lint.formats import CheckRun
from sakip_lint.formats.jsondoc import dumps
from sakip_lint.location import FixSafety
from sakip_lint.messages import render, render_finding, render_origin, render_place

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
ROOT_ID = "SRCROOT"


def artifact_location(path: str) -> dict:
    """A relative path against the checkout (``%SRCROOT%``), an absolute one as a file URI."""
    file = Path(path)
    if file.is_absolute():
        return {"uri": file.as_uri()}
    return {"uri": quote(file.as_posix()), "uriBaseId": ROOT_ID}


def _text(value: object) -> str:
    return escape.visible(value)


def _region(location: Location) -> dict | None:
    """The line and column in the checked file; none for a value of an imported Word or Excel
    document, whose lines are those of its data file in memory (its place is said instead)."""
    if location.line is None or location.origin is not None:
        return None
    return {"startLine": location.line, "startColumn": location.column or 1}


def physical(location: Location) -> dict:
    found = {"artifactLocation": artifact_location(location.file)}
    region = _region(location)
    if region is not None:
        found["region"] = region
    return found


def logical(location: Location) -> list[dict]:
    """The JSON Pointer of the value and, when known, the entity or table it is about."""
    found = []
    if location.pointer:
        found.append({"name": str(location.path[-1]) if location.path else "",
                      "fullyQualifiedName": location.pointer, "kind": "value"})
    if location.subject is not None:
        found.append({"name": location.subject.id, "fullyQualifiedName": location.subject.key,
                      "kind": "object"})
    return found


def _location(location: Location, lang: str) -> dict:
    found = {"physicalLocation": physical(location)}
    if location.origin is not None:  # 'Tabel 3.1, baris 4, kolom Capaian', 'PK!D12'
        found["message"] = {"text": _text(render_origin(location.origin, lang))}
    logical_locations = logical(location)
    if logical_locations:
        found["logicalLocations"] = logical_locations
    return found


def _descriptor(rule, lang: str) -> dict:
    doc = rule.doc(lang) or rule.name
    advice = rule.advice.get(lang) or rule.advice.get("id")
    help_text = doc + (f"\n\n{render('explain.advice', lang)}: {advice}" if advice else "")
    properties = {"basis": rule.basis, "check": rule.check, "source": rule.source}
    if rule.aspect:
        properties["tags"] = [rule.aspect]
    return {"id": rule.code, "name": rule.name,
            "shortDescription": {"text": _text(rule.name)},
            "fullDescription": {"text": _text(doc)},
            "help": {"text": escape.visible(help_text, block=True),
                     "markdown": escape.visible(help_text, block=True)},
            "defaultConfiguration": {"level": LEVELS[rule.severity]},
            "properties": properties}


def _tool_descriptor(code: str, lang: str) -> dict:
    """A code of the tool itself (LOAD: the file cannot be used; SUP: suppression comments)."""
    family = "load" if code.startswith("LOAD") else "suppression"
    text = render(f"sarif.{family}-rule", lang)
    return {"id": code, "name": code.lower(), "shortDescription": {"text": text},
            "fullDescription": {"text": text}, "help": {"text": text},
            "defaultConfiguration": {"level": "error" if family == "load" else "warning"}}


def fingerprint(finding: Finding) -> str:
    """What identifies a finding across edits that do not touch it: its rule, value and place."""
    location = finding.location
    key = "\0".join((finding.code, location.pointer, location.key or "", finding.found or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _fixes(run: CheckRun) -> dict[int, dict]:
    """The SARIF fix of each finding whose safe fix can be written in, by ``id`` of the finding."""
    from sakip_lint.fixes import FixError, plan

    found: dict[int, dict] = {}
    for result in run.results:
        if not any(f.fix is not None and f.fix.safety is FixSafety.SAFE for f in result.findings):
            continue
        try:
            planned = plan(result.path, result.digest, result.findings, frozenset({FixSafety.SAFE}))
        except FixError:  # the file changed or cannot be read now: its findings get no fix
            continue
        text = planned.text
        for edit in planned.edits:
            start = _line_column(text, edit.span.start)
            end = _line_column(text, edit.span.end)
            found[id(edit.finding)] = {
                "description": {"text": render("sarif.fix", run.lang,
                                               value=_text(edit.replacement))},
                "artifactChanges": [{
                    "artifactLocation": artifact_location(result.path),
                    "replacements": [{
                        "deletedRegion": {"startLine": start[0], "startColumn": start[1],
                                          "endLine": end[0], "endColumn": end[1]},
                        "insertedContent": {"text": edit.text}}]}]}
    return found


def _line_column(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _result(finding: Finding, rule_index: dict[str, int], fix: dict | None, lang: str) -> dict:
    found = {"ruleId": finding.code, "level": LEVELS[finding.severity],
             "message": {"text": _text(render_finding(finding, lang))},
             "locations": [_location(finding.location, lang)],
             "partialFingerprints": {"sakipLint/v1": fingerprint(finding)}}
    if finding.code in rule_index:
        found["ruleIndex"] = rule_index[finding.code]
    related = []
    for kind, locations in (("related", finding.related), ("same-cause", finding.same_cause)):
        for location in locations:
            entry = _location(location, lang)
            entry["id"] = len(related)
            place = render_place(location, lang)
            if location.origin is not None:
                place += f" [{render_origin(location.origin, lang)}]"
            entry["message"] = {"text": _text(render(f"sarif.{kind}", lang, place=place))}
            related.append(entry)
    if related:
        found["relatedLocations"] = related
    if fix is not None:
        found["fixes"] = [fix]
    properties = {"pointer": finding.location.pointer}
    if finding.found is not None:
        properties["found"] = _text(finding.found)
    if finding.expected is not None:
        properties["expected"] = _text(finding.expected)
    if finding.fix is not None:
        properties["fixSafety"] = finding.fix.safety.value
    found["properties"] = properties
    return found


def sarif_document(run: CheckRun) -> dict:
    rules = [_descriptor(rule, run.lang)
             for rule in sorted(run.ruleset.rules, key=lambda rule: rule.code)]
    known = {descriptor["id"] for descriptor in rules}
    for code in sorted({finding.code for finding in run.findings} - known):
        rules.append(_tool_descriptor(code, run.lang))
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    fixes = _fixes(run)
    artifacts = [{"location": artifact_location(result.path),
                  **({"hashes": {"sha-256": result.digest}} if result.digest else {})}
                 for result in run.results]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sakip-lint", "version": run.provenance.version,
                                "rules": rules,
                                "properties": {"rulesetSha256": run.provenance.ruleset_digest}}},
            "invocations": [{"executionSuccessful": True}],
            "originalUriBaseIds": {ROOT_ID: {"uri": Path.cwd().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "language": "id-ID" if run.lang == "id" else "en-US",
            "artifacts": artifacts,
            "results": [_result(finding, rule_index, fixes.get(id(finding)), run.lang)
                        for finding in run.findings],
        }],
    }


def render_sarif(run: CheckRun) -> str:
    return dumps(sarif_document(run))
