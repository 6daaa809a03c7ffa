"""JUnit XML, the test report GitLab (merge-request widget, Tests tab) and Jenkins show.

One ``testsuite`` per checked file and one ``testcase`` per finding, named by its code, its
line:col and what it is about, so that the platforms list each problem on its own line; a
finding at or above ``--fail-on`` is a ``failure``, a file that cannot be used an ``error``,
and a file without findings one passing testcase, so that it shows as checked. Every text of
the data goes through ElementTree (which escapes ``&<>"``) after ``escape.xml``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sakip_lint import escape
from sakip_lint.findings import Finding
from sakip_lint.formats import CheckRun
from sakip_lint.messages import render, render_finding, render_origin, render_place
from sakip_lint.output import position


def _name(finding: Finding, lang: str) -> str:
    location = finding.location
    if location.origin is not None:
        where = render_origin(location.origin, lang)
    else:
        where = f"{location.line}:{location.column or 1}" if location.line is not None else "-"
    about = render_place(location, lang) if (location.place or location.subject) else ""
    return " ".join(part for part in (finding.code, where, about) if part)


def _case(suite: ET.Element, finding: Finding, run: CheckRun, fails: bool, usable: bool) -> str:
    """Add the testcase of one finding; what it counts as: failure, error or passed."""
    case = ET.SubElement(suite, "testcase", name=escape.xml(_name(finding, run.lang)),
                         classname=escape.xml(finding.location.file))
    message = escape.xml(render_finding(finding, run.lang))
    detail = "\n".join(escape.xml(line) for line in (
        position(finding.location, run.lang),
        f"{render('col.severity', run.lang)}: {render(f'severity.{finding.severity.value}', run.lang)}",
        f"pointer: {finding.location.pointer}",
        *(f"{render('console.related', run.lang, place=render_place(related, run.lang), position=position(related, run.lang))}"
          for related in finding.related)))
    if not usable:
        ET.SubElement(case, "error", message=message, type=finding.code).text = detail
        return "errors"
    if fails:
        ET.SubElement(case, "failure", message=message, type=finding.code).text = detail
        return "failures"
    ET.SubElement(case, "system-out").text = message + "\n" + detail
    return "passed"


def junit_tree(run: CheckRun) -> ET.Element:
    threshold = run.fail_on.rank
    root = ET.Element("testsuites", name="sakip-lint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for result in run.results:
        suite = ET.SubElement(root, "testsuite", name=escape.xml(result.path))
        counted = {"tests": 0, "failures": 0, "errors": 0, "passed": 0}
        for finding in result.findings:
            kind = _case(suite, finding, run, finding.severity.rank >= threshold, result.usable)
            counted[kind] += 1
            counted["tests"] += 1
        if not result.findings:
            ET.SubElement(suite, "testcase", name="sakip-lint",
                          classname=escape.xml(result.path))
            counted["tests"] += 1
        for key in ("tests", "failures", "errors"):
            suite.set(key, str(counted[key]))
            totals[key] += counted[key]
        suite.set("skipped", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    return root


def render_junit(run: CheckRun) -> str:
    tree = junit_tree(run)
    ET.indent(tree)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"



