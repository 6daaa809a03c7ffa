"""Rendering capaian tables, the rules and a rule's documentation (rich, JSON, Markdown, plain)
and findings as plain text; the formats of ``check`` are in ``sakip_lint.formats``.

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
from sakip_lint.judgement import StatedValues
from sakip_lint.config import PolarityDecision, PolaritySource
from sakip_lint.comparison import Verdict
from sakip_lint.engine import FileResult
from sakip_lint.findings import Location, Severity, by_severity
from sakip_lint.formats.jsondoc import envelope
from sakip_lint.messages import render, render_finding, render_origin, render_subject, shortened
from sakip_lint.numbers import NumberStyle, ParsedValue, format_number
from sakip_lint.ruleset import Ruleset

if TYPE_CHECKING:  # rich and tabulate are imported by the outputs that use them
    from rich.table import Table

FORMATS = formats.FINDINGS  # capaian, rules, explain; check: formats.CHECK_FORMATS


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
    configuration: tuple[str, str] | None = None  # (path, sha256) of the project configuration

    @classmethod
    def of(cls, ruleset: Ruleset, configuration: tuple[str, str] | None = None) -> Provenance:
        return cls(__version__, ruleset.digest, ruleset.sources, configuration)

    def line(self, result: FileResult, lang: str) -> str:
        digest = (result.digest or "-")[:12]
        return render("cli.provenance", lang, version=self.version, ruleset=self.ruleset_digest[:12],
                      file=result.path, digest=digest)

    def as_json(self) -> dict:
        configuration = None if self.configuration is None else {
            "path": self.configuration[0], "sha256": self.configuration[1]}
        return {"tool": {"name": "sakip-lint", "version": self.version},
                "ruleset": {"sha256": self.ruleset_digest, "files": list(self.ruleset_files)},
                "configuration": configuration}


def position(location: Location, lang: str) -> str:
    """The first thing a reader looks at: the place in the imported document
    ('laporan.docx [Tabel 3.1, baris 4, kolom Capaian]'), else file:line:col."""
    if location.origin is not None:
        return f"{location.file} [{render_origin(location.origin, lang)}]"
    return location.editor_position()


def _subject(location: Location, lang: str) -> str:
    subject = None if location.subject is None else render_subject(location.subject, lang)
    place = None if location.place is None else shortened(location.place, lang)
    return ", ".join(part for part in (subject, place) if part)


def summary(results: list[FileResult], lang: str) -> str:
    count = by_severity(finding for result in results for finding in result.findings)
    return render("cli.summary", lang, files=len(results), errors=count[Severity.ERROR],
                  warnings=count[Severity.WARNING], infos=count[Severity.INFO])


def finding_lines(result: FileResult, provenance: Provenance, lang: str) -> list[str]:
    """One file as plain text: its provenance line, then one located line per finding."""
    lines = [escape.plain(provenance.line(result, lang))]
    for f in result.findings:
        row = _escaped([position(f.location, lang), f.code,
                        render(f"severity.{f.severity.value}", lang),
                        _subject(f.location, lang), render_finding(f, lang)], "plain")
        lines.append(f"{row[0]}: {row[1]} [{row[2]}] {row[4]} ({row[3]})" if row[3]
                     else f"{row[0]}: {row[1]} [{row[2]}] {row[4]}")
    return lines


def render_findings(results: list[FileResult], provenance: Provenance, lang: str) -> str:
    """Findings as plain text, one located line each (the place in an imported document
    first), closed by the summary: what a command that cannot use a file says of it. The
    formats of ``check`` are in ``sakip_lint.formats``."""
    lines: list[str] = []
    for result in results:
        lines.extend(finding_lines(result, provenance, lang))
    lines.append(escape.plain(summary(results, lang)))
    return "\n".join(lines) + "\n"


def _headers(lang: str) -> list[str]:
    return [render(f"col.{name}", lang) for name in ("location", "code", "severity", "key",
                                                      "message")]


def _console():
    from rich.console import Console

    buffer = StringIO()
    return Console(file=buffer, width=160, force_terminal=False, color_system=None), buffer


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


def capaian_tables(report: CapaianReport, stated_values: StatedValues, style: NumberStyle,
                   lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) of the indicator, sasaran and overall tables: the computed
    values beside the stated ones."""
    col = lambda name: render(f"col.{name}", lang)  # noqa: E731 - a local shorthand
    indicator_rows = []
    for result in report.indicators:
        nomor = result.row.nomor if result.row is not None and result.row.nomor else ""
        stated, difference = _stated([stated_values.indicators[result.indikator.id].capaian])
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
        judged = stated_values.of_sasaran(result.sasaran.id)
        stated, difference = _stated(judged.capaian)
        stated_absorption, absorption_difference = _stated(judged.absorption)
        stated_efficiency, efficiency_difference = _stated(judged.efficiency)
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
    stated, difference = _stated(stated_values.overall)
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
    return {"value": None if value.rounded is None else str(value.rounded),
            "exact": None if value.exact is None else str(value.exact),
            "category": value.category,
            "reason": None if value.reason is None else render(value.reason, lang)}


def _checks_json(checks) -> list[dict]:
    return [{"value": check.comparison.stated.value.raw,
             "place": check.comparison.stated.location.place,
             "pointer": check.comparison.stated.location.pointer,
             "difference": None if check.comparison.difference is None
             else str(check.comparison.difference),
             "verdict": check.comparison.verdict.value}
            for check in checks if check.comparison.stated is not None]


def _polarity_json(decision: PolarityDecision | None, lang: str) -> dict | None:
    """Why the polarity, for machines (source, and the pattern with its file and line) and
    for people (``text``, in ``lang``)."""
    if decision is None:
        return None
    pattern = decision.pattern
    return {"source": decision.source.value,
            "phrase": None if pattern is None else pattern.phrase,
            "file": None if pattern is None else pattern.file,
            "line": None if pattern is None else pattern.line,
            "text": polarity_reason(decision, lang)}


def capaian_json(report: CapaianReport, stated: StatedValues, lang: str) -> dict:
    """The computed capaian with English keys (``docs/json-output.md`` maps them onto the
    report's terms: capaian, penyerapan, efisiensi, sasaran)."""
    return {
        "indicators": [{"id": r.indikator.id, "text": r.indikator.teks,
                        "polarity": r.polarity.value,
                        "polarity_reason": _polarity_json(r.polarity_reason, lang),
                        "place": r.place,
                        "target": _raw(r.target) or None, "realisation": _raw(r.realisasi) or None,
                        "capaian": _computed_json(r.capaian, lang),
                        "stated": _checks_json([stated.indicators[r.indikator.id].capaian])}
                       for r in report.indicators],
        "goals": [{"id": r.sasaran.id, "text": r.sasaran.teks,
                   "capaian": _computed_json(r.capaian, lang),
                   "stated_capaian": _checks_json(stated.of_sasaran(r.sasaran.id).capaian),
                   "absorption": _computed_json(r.absorption, lang),
                   "stated_absorption": _checks_json(stated.of_sasaran(r.sasaran.id).absorption),
                   "efficiency": _computed_json(r.efficiency, lang),
                   "stated_efficiency": _checks_json(stated.of_sasaran(r.sasaran.id).efficiency)}
                  for r in report.sasaran],
        "overall": {"capaian": _computed_json(report.overall.capaian, lang),
                    "stated_capaian": _checks_json(stated.overall),
                    "absorption": _computed_json(report.overall.absorption, lang)},
    }


def render_capaian(result: FileResult, provenance: Provenance, fmt: str, lang: str,
                   indent: int | None = None) -> str:
    from rich.table import Table
    from tabulate import tabulate

    style = result.loaded.style if result.loaded.style is not NumberStyle.AUTO else NumberStyle.ID
    tables = capaian_tables(result.capaian, result.stated, style, lang)
    if fmt == "json":
        document = envelope("capaian", provenance.as_json(), lang)
        document["file"] = {"path": result.path, "sha256": result.digest}
        document.update(capaian_json(result.capaian, result.stated, lang))
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
        document = envelope("rules", Provenance.of(ruleset).as_json(), lang)
        document["rules"] = [{"code": r.code, "name": r.name, "severity": r.severity.value,
                              "basis": r.basis, "check": r.check, "aspect": r.aspect,
                              "source": r.source}
                             for r in sorted(ruleset.rules, key=lambda rule: rule.code)]
        return escape.json_dumps(document, indent)
    if fmt == "rich":
        console, buffer = _console()
        table = _rich_headed(Table(), headers)
        _rich_table(table, rows, lang)
        console.print(table)
        return buffer.getvalue()
    return tabulate([_escaped(row, fmt, lang) for row in rows], _escaped(headers, fmt, lang),
                    tablefmt="github" if fmt == "markdown" else "simple",
                    disable_numparse=True) + "\n"


def render_explain(rule, fmt: str, lang: str, provenance: Provenance | None = None,
                   indent: int | None = None) -> str:
    """The rule's documentation with its messages and examples (Markdown-friendly text: the
    rule writer's Markdown is kept, control characters are shown)."""
    if fmt == "json":
        document = envelope("explain", None if provenance is None else provenance.as_json(), lang)
        document["rule"] = {"code": rule.code, "name": rule.name,
                            "severity": rule.severity.value, "basis": rule.basis,
                            "check": rule.check,
                            "params": {k: list(v) for k, v in rule.params.items()},
                            "docs": rule.docs, "messages": rule.messages,
                            "advice": rule.advice, "aspect": rule.aspect,
                            "source": rule.source,
                            "examples": [{"kind": e.kind, "text": e.text}
                                         for e in rule.examples]}
        return escape.json_dumps(document, indent)
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
