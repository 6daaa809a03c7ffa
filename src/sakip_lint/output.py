"""Rendering findings and capaian tables: rich console, JSON, Markdown and plain text.

Every output carries provenance (tool version, ruleset digest, input file digest) so that a
report reviewed today can be tied to exactly what checked it. Every text is escaped for its
format as it is written (``escape``): names, places, values and file names are data.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from io import StringIO

from typing import TYPE_CHECKING

from sakip_lint import __version__, escape, formats
from sakip_lint.capaian import CapaianReport, Computed
from sakip_lint.config import PolarityDecision, PolaritySource
from sakip_lint.comparison import Verdict
from sakip_lint.engine import FileResult
from sakip_lint.findings import Finding, Location, Severity
from sakip_lint.location import Fix
from sakip_lint.messages import render, render_finding, render_origin, render_subject, shortened
from sakip_lint.numbers import NumberStyle, ParsedValue, format_number
from sakip_lint.ruleset import Ruleset

if TYPE_CHECKING:  # rich and tabulate are imported by the outputs that use them
    from rich.table import Table

FORMATS = formats.FINDINGS


def _escaped(row: list[str], fmt: str, lang: str | None = None) -> list[str]:
    """The cells of a table row as text of ``fmt`` (plain for the ``simple`` tables); with
    ``lang``, each shortened to what a cell shows (``messages.shortened``) — not the cells of
    findings, whose messages shorten the data they quote and keep their own words whole."""
    cell = escape.markdown if fmt == "markdown" else escape.plain
    return [cell(text if lang is None else shortened(text, lang)) for text in row]


def _rich_headed(table: Table, headers: list[str]) -> Table:
    for header in headers:
        table.add_column(escape.rich(header))
    return table


def _rich_table(table: Table, rows: list[list[str]], lang: str | None = None) -> None:
    for row in rows:
        table.add_row(*(escape.rich(text if lang is None else shortened(text, lang))
                        for text in row))


@dataclass(frozen=True)
class Provenance:
    version: str
    ruleset_digest: str
    ruleset_files: tuple[str, ...]

    @classmethod
    def of(cls, ruleset: Ruleset) -> Provenance:
        return cls(__version__, ruleset.digest, ruleset.sources)

    def line(self, result: FileResult, lang: str) -> str:
        digest = (result.digest or "-")[:12]
        return render("cli.provenance", lang, version=self.version, ruleset=self.ruleset_digest[:12],
                      file=result.path, digest=digest)

    def as_json(self) -> dict:
        return {"tool": {"name": "sakip-lint", "version": self.version},
                "ruleset": {"sha256": self.ruleset_digest, "files": list(self.ruleset_files)}}


def _origin_json(location: Location) -> dict | None:
    """Where an imported value stands in its document: as text in both languages, and its
    parts for machines."""
    origin = location.origin
    if origin is None:
        return None
    return {"text": {lang: render_origin(origin, lang) for lang in ("id", "en")},
            "document": origin.document, "table": origin.table, "table_index": origin.table_index,
            "caption": origin.caption,
            "row": origin.row, "column": origin.column, "paragraph": origin.paragraph,
            "sheet": origin.sheet, "cell": origin.cell, "continued": origin.continued}


def _location_json(location: Location) -> dict:
    """The origin in the document first (for an imported report), then the place in the data
    file: ``line`` and ``column`` are those of the data file ``sakip-lint import`` writes."""
    return {"origin": _origin_json(location), "file": location.file, "line": location.line,
            "column": location.column, "pointer": location.pointer, "key": location.key,
            "place": location.place}


def position(location: Location, lang: str) -> str:
    """The first thing a reader looks at: the place in the imported document
    ('laporan.docx [Tabel 3.1, baris 4, kolom Capaian]'), else file:line:col."""
    if location.origin is not None:
        return f"{location.file} [{render_origin(location.origin, lang)}]"
    return location.editor_position()


def finding_json(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": {lang: render_finding(finding, lang) for lang in ("id", "en")},
        "location": _location_json(finding.location),
        "related": [_location_json(location) for location in finding.related],
        "same_cause": [_location_json(location) for location in finding.same_cause],
        "found": finding.found,
        "expected": finding.expected,
        "fix": None if finding.fix is None else _fix_json(finding.fix),
        "same_cause_fixes": [_fix_json(fix) for fix in finding.same_cause_fixes],
    }


def _fix_json(fix: Fix) -> dict:
    return {"replacement": fix.replacement, "safe": fix.safe, "location": _location_json(fix.location)}


def _subject(location: Location, lang: str) -> str:
    subject = None if location.subject is None else render_subject(location.subject, lang)
    place = None if location.place is None else shortened(location.place, lang)
    return ", ".join(part for part in (subject, place) if part)


@dataclass(frozen=True)
class FileChunk:
    """One checked file as it is written: its text in the output format and what the end of
    the output and the exit code need (the file's entry and its counts by severity). Small and
    made of text, so a worker process can send it and the caller can drop the report."""

    path: str
    digest: str | None
    usable: bool
    text: str
    counts: tuple[int, int, int]  # errors, warnings, infos
    worst: str | None  # the highest severity found, or None

    def entry(self) -> dict:
        return {"path": self.path, "sha256": self.digest, "usable": self.usable}


def _counts(findings) -> tuple[int, int, int]:
    count = {severity: 0 for severity in Severity}
    for finding in findings:
        count[finding.severity] += 1
    return count[Severity.ERROR], count[Severity.WARNING], count[Severity.INFO]


def _summary(files: int, counts: tuple[int, int, int], lang: str) -> str:
    errors, warnings, infos = counts
    return render("cli.summary", lang, files=files, errors=errors, warnings=warnings, infos=infos)


def summary(results: list[FileResult], lang: str) -> str:
    totals = [sum(column) for column in zip((0, 0, 0), *(_counts(r.findings) for r in results))]
    return _summary(len(results), tuple(totals), lang)


def _indented(text: str, indent: int | None, depth: int) -> str:
    """A JSON value dumped alone, placed ``depth`` levels deep in an indented document."""
    if not indent:
        return text
    return text.replace("\n", "\n" + " " * (indent * depth))


def render_file(result: FileResult, provenance: Provenance, fmt: str, lang: str,
                indent: int | None = None) -> FileChunk:
    """The findings of one file in ``fmt``: for JSON the findings of the document's
    ``findings`` list (comma-separated, without the brackets), for the others the file's
    provenance line and its findings."""
    worst = max((f.severity for f in result.findings), key=lambda s: s.rank, default=None)
    chunk = dict(path=result.path, digest=result.digest, usable=result.usable,
                 counts=_counts(result.findings), worst=None if worst is None else worst.value)
    if fmt == "json":
        separator = ",\n" + " " * (2 * indent) if indent else ", "
        text = separator.join(_indented(escape.json_dumps(finding_json(f), indent), indent, 2)
                              for f in result.findings)
        return FileChunk(text=text, **chunk)
    if fmt == "rich":
        return FileChunk(text=_rich_file(result, provenance, lang), **chunk)
    text = escape.markdown if fmt == "markdown" else escape.plain
    lines = [text(provenance.line(result, lang))]
    rows = [_escaped([position(f.location, lang), f.code,
                      render(f"severity.{f.severity.value}", lang),
                      _subject(f.location, lang), render_finding(f, lang)], fmt)
            for f in result.findings]
    if fmt == "markdown":
        from tabulate import tabulate

        lines.append("")
        if rows:
            lines.append(tabulate(rows, _escaped(_headers(lang), fmt), tablefmt="github",
                                  disable_numparse=True))
        lines.append("")
    else:
        lines.extend(f"{row[0]}: {row[1]} [{row[2]}] {row[4]} ({row[3]})" if row[3]
                     else f"{row[0]}: {row[1]} [{row[2]}] {row[4]}" for row in rows)
    return FileChunk(text="\n".join(lines) + "\n", **chunk)


class FindingsWriter:
    """Writes the findings of file after file as each is checked, so a run over thousands of
    files keeps one file's findings at a time. JSON is one document: the provenance, the
    findings of every file, then the list of files (kept small: path, digest, usable) and
    the summary."""

    def __init__(self, out, provenance: Provenance, fmt: str, lang: str,
                 indent: int | None = None) -> None:
        self.out, self.provenance, self.fmt, self.lang, self.indent = (out, provenance, fmt,
                                                                       lang, indent)
        self.files: list[dict] = []
        self.totals = [0, 0, 0]
        self.worst: str | None = None
        self.unusable = 0
        self._first = True

    def begin(self) -> None:
        if self.fmt == "json":
            head = escape.json_dumps(self.provenance.as_json(), self.indent)
            self.out.write(head[:-1].rstrip() + self._key("findings") + "[")

    def _key(self, name: str) -> str:
        if self.indent:
            return ",\n" + " " * self.indent + f'"{name}": '
        return f', "{name}": '

    def add(self, chunk: FileChunk) -> None:
        self.files.append(chunk.entry())
        self.totals = [a + b for a, b in zip(self.totals, chunk.counts)]
        if chunk.worst is not None and (self.worst is None or Severity(chunk.worst).rank
                                        > Severity(self.worst).rank):
            self.worst = chunk.worst
        self.unusable += not chunk.usable
        if self.fmt != "json":
            self.out.write(chunk.text)
        elif chunk.text:
            if self.indent:
                lead = "\n" + " " * (2 * self.indent) if self._first else ",\n" + " " * (
                    2 * self.indent)
            else:
                lead = "" if self._first else ", "
            self.out.write(lead + chunk.text)
            self._first = False

    def end(self) -> None:
        text = _summary(len(self.files), tuple(self.totals), self.lang)
        if self.fmt == "json":
            close = ("\n" + " " * self.indent + "]") if self.indent and not self._first else "]"
            files = _indented(escape.json_dumps(self.files, self.indent), self.indent, 1)
            self.out.write(close + self._key("files") + files + self._key("summary")
                           + escape.json_dumps(text) + ("\n}" if self.indent else "}") + "\n")
        elif self.fmt == "rich":
            console, buffer = _console()
            console.print(escape.rich(text))
            self.out.write(buffer.getvalue())
        else:
            self.out.write((escape.markdown if self.fmt == "markdown" else escape.plain)(text)
                           + "\n")


def render_findings(results: list[FileResult], provenance: Provenance, fmt: str, lang: str,
                    indent: int | None = None) -> str:
    """The whole output for results already checked (one file, or a run with ``--parent``)."""
    buffer = StringIO()
    writer = FindingsWriter(buffer, provenance, fmt, lang, indent)
    writer.begin()
    for result in results:
        writer.add(render_file(result, provenance, fmt, lang, indent))
    writer.end()
    return buffer.getvalue()


def _headers(lang: str) -> list[str]:
    return [render(f"col.{name}", lang) for name in ("location", "code", "severity", "key",
                                                      "message")]


def _console():
    from rich.console import Console

    buffer = StringIO()
    return Console(file=buffer, width=160, force_terminal=False, color_system=None), buffer


def _rich_file(result: FileResult, provenance: Provenance, lang: str) -> str:
    from rich.table import Table

    console, buffer = _console()
    console.print(escape.rich(provenance.line(result, lang)))
    if result.findings:
        table = _rich_headed(Table(show_lines=False), _headers(lang))
        # the file is named in the line above the table: keep line:col whole
        _rich_table(table, [[render_origin(f.location.origin, lang) if f.location.origin
                             else f"{f.location.line}:{f.location.column}" if f.location.line
                             else "-", f.code, render(f"severity.{f.severity.value}", lang),
                             _subject(f.location, lang), render_finding(f, lang)]
                            for f in result.findings])
        console.print(table)
    return buffer.getvalue()


# --- capaian tables -------------------------------------------------------------------

def _number(value: Decimal | None, style: NumberStyle) -> str:
    return "" if value is None else format_number(value, style)


def _raw(value: ParsedValue | None) -> str:
    return "" if value is None else value.raw


def _computed(value: Computed, style: NumberStyle, lang: str) -> str:
    if value.ok:
        return _number(value.rounded, style)
    return render("word.not-computable", lang)


def polarity_reason(decision: PolarityDecision | None, lang: str) -> str:
    """Why an indicator has its polarity, so a reviewer can check it and correct it (with
    ``polaritas`` on the indicator in the data file, or a pattern in a rule file)."""
    if decision is None:
        return ""
    if decision.source is PolaritySource.PATTERN and decision.pattern is not None:
        pattern = decision.pattern
        source = f"{pattern.file}:{pattern.line}" if pattern.file else "?"
        return render("polarity.reason.pola", lang, phrase=pattern.phrase, source=source)
    return render(f"polarity.reason.{decision.source.value}", lang)


def _stated(checks) -> tuple[str, str]:
    """The stated values and their differences, one per place, side by side."""
    comparisons = [check.comparison for check in checks]
    stated = [c for c in comparisons if c.stated is not None and c.verdict is not Verdict.NOT_STATED]
    values = " / ".join(f"{c.stated.value.raw} ({c.stated.location.place})" for c in stated)
    differences = " / ".join("" if c.difference is None else format_number(c.difference, NumberStyle.ID)
                             for c in stated)
    return values, differences


def capaian_tables(report: CapaianReport, style: NumberStyle, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) of the indicator, sasaran and overall tables."""
    col = lambda name: render(f"col.{name}", lang)  # noqa: E731 - a local shorthand
    indicator_rows = []
    for result in report.indicators:
        nomor = result.row.nomor if result.row is not None and result.row.nomor else ""
        stated, difference = _stated([result.stated])
        reason = "" if result.capaian.ok else render(result.capaian.reason, lang)
        indicator_rows.append([nomor, f"{result.indikator.id} {result.indikator.teks}",
                               render(f"polarity.{result.polarity.value}", lang),
                               _raw(result.target), _raw(result.realisasi),
                               _computed(result.capaian, style, lang), result.capaian.category or "",
                               stated, difference, reason,
                               polarity_reason(result.polarity_reason, lang)])
    indicator_headers = [col(n) for n in ("no", "indikator", "polaritas", "target", "realisasi",
                                          "capaian", "kategori", "stated", "difference", "reason",
                                          "polarity-reason")]
    sasaran_rows = []
    for result in report.sasaran:
        stated, difference = _stated(result.stated_capaian)
        stated_absorption, absorption_difference = _stated(result.stated_absorption)
        stated_efficiency, efficiency_difference = _stated(result.stated_efficiency)
        sasaran_rows.append([f"{result.sasaran.id} {result.sasaran.teks}",
                             _computed(result.capaian, style, lang), result.capaian.category or "",
                             stated, difference, _computed(result.absorption, style, lang),
                             stated_absorption, absorption_difference,
                             _computed(result.efficiency, style, lang), stated_efficiency,
                             efficiency_difference])
    sasaran_headers = [col("sasaran"), col("capaian"), col("kategori"), col("stated"),
                       col("difference"), col("penyerapan"), col("stated"), col("difference"),
                       col("efisiensi"), col("stated"), col("difference")]
    overall = report.overall
    stated, difference = _stated(overall.stated_capaian)
    overall_rows = [[render("word.overall", lang), _computed(overall.capaian, style, lang),
                     overall.capaian.category or "", stated, difference,
                     _computed(overall.absorption, style, lang)]]
    overall_headers = [col("sasaran"), col("capaian"), col("kategori"), col("stated"),
                       col("difference"), col("penyerapan")]
    return [(render("title.indikator", lang), indicator_headers, indicator_rows),
            (render("title.sasaran", lang), sasaran_headers, sasaran_rows),
            (render("title.overall", lang), overall_headers, overall_rows)]


def _computed_json(value: Computed, lang: str) -> dict:
    """Machine form of a result: exact decimal strings with a '.' separator."""
    return {"nilai": None if value.rounded is None else str(value.rounded),
            "tepat": None if value.exact is None else str(value.exact),
            "kategori": value.category,
            "alasan": None if value.reason is None else render(value.reason, lang)}


def _checks_json(checks) -> list[dict]:
    return [{"nilai": check.comparison.stated.value.raw,
             "tempat": check.comparison.stated.location.place,
             "pointer": check.comparison.stated.location.pointer,
             "selisih": None if check.comparison.difference is None
             else str(check.comparison.difference),
             "hasil": check.comparison.verdict.value}
            for check in checks if check.comparison.stated is not None]


def _polarity_json(decision: PolarityDecision | None, lang: str) -> dict | None:
    """Why the polarity, for machines (source, and the pattern with its file and line) and
    for people (``teks``, in ``lang``)."""
    if decision is None:
        return None
    pattern = decision.pattern
    return {"sumber": decision.source.value,
            "frasa": None if pattern is None else pattern.phrase,
            "berkas": None if pattern is None else pattern.file,
            "baris": None if pattern is None else pattern.line,
            "teks": polarity_reason(decision, lang)}


def capaian_json(report: CapaianReport, lang: str) -> dict:
    return {
        "indikator": [{"id": r.indikator.id, "teks": r.indikator.teks,
                       "polaritas": r.polarity.value,
                       "alasan_polaritas": _polarity_json(r.polarity_reason, lang),
                       "tempat": r.place,
                       "target": _raw(r.target) or None, "realisasi": _raw(r.realisasi) or None,
                       "capaian": _computed_json(r.capaian, lang),
                       "tertulis": _checks_json([r.stated])} for r in report.indicators],
        "sasaran": [{"id": r.sasaran.id, "teks": r.sasaran.teks,
                     "capaian": _computed_json(r.capaian, lang),
                     "capaian_tertulis": _checks_json(r.stated_capaian),
                     "penyerapan": _computed_json(r.absorption, lang),
                     "penyerapan_tertulis": _checks_json(r.stated_absorption),
                     "efisiensi": _computed_json(r.efficiency, lang),
                     "efisiensi_tertulis": _checks_json(r.stated_efficiency)}
                    for r in report.sasaran],
        "keseluruhan": {"capaian": _computed_json(report.overall.capaian, lang),
                        "capaian_tertulis": _checks_json(report.overall.stated_capaian),
                        "penyerapan": _computed_json(report.overall.absorption, lang)},
    }


def render_capaian(result: FileResult, provenance: Provenance, fmt: str, lang: str,
                   indent: int | None = None) -> str:
    from rich.table import Table
    from tabulate import tabulate

    style = result.loaded.style if result.loaded.style is not NumberStyle.AUTO else NumberStyle.ID
    tables = capaian_tables(result.capaian, style, lang)
    if fmt == "json":
        document = provenance.as_json()
        document["file"] = {"path": result.path, "sha256": result.digest}
        document.update(capaian_json(result.capaian, lang))
        return escape.json_dumps(document, indent)
    if fmt == "rich":
        console, buffer = _console()
        console.print(escape.rich(provenance.line(result, lang)))
        for title, headers, rows in tables:
            table = Table(title=escape.rich(title))
            for header in headers:  # fold, not cut: a rule file's line must stay readable
                table.add_column(escape.rich(header), overflow="fold")
            _rich_table(table, rows, lang)
            console.print(table)
        return buffer.getvalue()
    tablefmt = "github" if fmt == "markdown" else "simple"
    text = escape.markdown if fmt == "markdown" else escape.plain
    parts = [text(provenance.line(result, lang)), ""]
    for title, headers, rows in tables:
        parts += [f"## {text(title)}" if fmt == "markdown" else text(title), "",
                  tabulate([_escaped(row, fmt, lang) for row in rows],
                           _escaped(headers, fmt, lang), tablefmt=tablefmt, disable_numparse=True), ""]
    return "\n".join(parts)


# --- rules and their documentation ------------------------------------------------------

def render_rules(ruleset: Ruleset, fmt: str, lang: str, indent: int | None = None) -> str:
    from rich.table import Table
    from tabulate import tabulate

    rows = [[rule.code, rule.name, render(f"severity.{rule.severity.value}", lang),
             rule.basis or ""] for rule in sorted(ruleset.rules, key=lambda rule: rule.code)]
    headers = [render(f"col.{name}", lang) for name in ("code", "name", "severity", "basis")]
    if fmt == "json":
        return escape.json_dumps([{"code": r.code, "name": r.name, "severity": r.severity.value,
                                   "basis": r.basis, "check": r.check, "source": r.source}
                                  for r in sorted(ruleset.rules, key=lambda rule: rule.code)],
                                 indent)
    if fmt == "rich":
        console, buffer = _console()
        table = _rich_headed(Table(), headers)
        _rich_table(table, rows, lang)
        console.print(table)
        return buffer.getvalue()
    return tabulate([_escaped(row, fmt, lang) for row in rows], _escaped(headers, fmt, lang),
                    tablefmt="github" if fmt == "markdown" else "simple",
                    disable_numparse=True) + "\n"


def render_explain(rule, fmt: str, lang: str, indent: int | None = None) -> str:
    """The rule's documentation with its messages and examples (Markdown-friendly text: the
    rule writer's Markdown is kept, control characters are shown)."""
    if fmt == "json":
        return escape.json_dumps({"code": rule.code, "name": rule.name,
                                  "severity": rule.severity.value, "basis": rule.basis,
                                  "check": rule.check,
                                  "params": {k: list(v) for k, v in rule.params.items()},
                                  "docs": rule.docs, "messages": rule.messages,
                                  "advice": rule.advice, "aspect": rule.aspect,
                                  "source": rule.source,
                                  "examples": [{"kind": e.kind, "text": e.text}
                                               for e in rule.examples]}, indent)
    # the rule writer's text: kept as Markdown, but no raw HTML on a Markdown page; the
    # examples are code, shown as written inside a fence they cannot close
    text = escape.markdown_block if fmt == "markdown" else (lambda written: written)
    params = ", ".join(f"{name} = {', '.join(values)}" for name, values in rule.params.items()
                       if values)
    advice = rule.advice.get(lang) or rule.advice.get("id") or "-"
    lines = [f"# {rule.code} {text(rule.name)} "
             f"({render(f'severity.{rule.severity.value}', lang)})", "",
             f"- {render('explain.basis', lang)}: {text(rule.basis or '-')}",
             f"- {render('explain.check', lang)}: {rule.check}" + (f" ({text(params)})" if params else ""),
             f"- {render('explain.aspect', lang)}: "
             + (render(f"review.aspect.{rule.aspect}", lang) if rule.aspect else "-"),
             f"- {render('explain.advice', lang)}: {text(advice)}",
             f"- {render('explain.source', lang)}: "
             f"{escape.markdown(rule.source) if fmt == 'markdown' else rule.source}", "",
             text(rule.doc(lang) or ""), "", f"## {render('explain.messages', lang)}", ""]
    lines += [f"- {language}: {text(template)}" for language, template in sorted(rule.messages.items())]
    for example in rule.examples:
        fence = escape.markdown_fence(example.text)
        lines += ["", f"## {render(f'explain.example.{example.kind}', lang)}", "", fence + "yaml",
                  example.text, fence]
    lines += ["", render("explain.example-note", lang)]
    return escape.plain("\n".join(lines), block=True) + "\n"
