"""What the reviewer's report and review notes say about one checked file, before any format.

The same findings as ``check`` gives, arranged as a reviewer reads them: the summary of the
file, the findings by chapter and place (``chapters``) and then severity, each with its value,
the value it disagrees with and where that stands, the computation behind the expected value,
the rule's recommendation and explanation; and the tables as the report should print them.
Texts are rendered in the reader's language here; each writer escapes them for its format.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel

from sakip_lint.judgement import StatedCheck
from sakip_lint.checks.tables import grade_cells
from sakip_lint.comparison import Verdict
from sakip_lint.config import Aggregate
from sakip_lint.engine import FileResult
from sakip_lint.findings import Finding, Location, Severity, by_severity
from sakip_lint.graph_export import findings_about
from sakip_lint.messages import fill, render, render_finding, render_place, render_subject
from sakip_lint.model import Polarity, Role
from sakip_lint.numbers import NumberStyle, ValueKind, format_number
from sakip_lint.output import Provenance
from sakip_lint.report.chapters import Chapter, chapter_of, chapters
from sakip_lint.rule import Rule
from sakip_lint.ruleset import Ruleset
from sakip_lint.source import LoadedReport

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# the checks that judge a stated value against the capaian engine's result: their findings
# show that computation (a finding of another rule at the same cell, such as its number
# style, does not)
ENGINE_CHECKS = frozenset({"capaian_tertulis", "penyerapan_tertulis", "efisiensi_tertulis",
                           "kolom_tertukar"})
DIFFERENT = {Verdict.DIFFERS, Verdict.ROUNDING, Verdict.NOT_NUMBER, Verdict.NOT_COMPUTED}


def anchor(*parts: str) -> str:
    """An HTML id from data: letters, digits and '-' kept, every other character written as
    ``_hex_``, so two different ids never give the same anchor and no id can break out of an
    attribute or a URL fragment."""
    return "-".join(re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", part)
                    for part in parts)


def printed_value(report, path: tuple[str, ...]) -> str | None:
    """The value the data file holds at a location's path (the raw text of a cell), or None."""
    current: object = report
    for part in map(str, path):
        if isinstance(current, dict):
            key = next((k for k in current if str(k) == part), None)
            if key is None:
                return None
            current = current[key]
        elif isinstance(current, (list, tuple)):
            if not part.isdigit() or int(part) >= len(current):
                return None
            current = current[int(part)]
        elif isinstance(current, BaseModel) and part in type(current).model_fields:
            current = getattr(current, part)
        else:
            return None
    if current is None or isinstance(current, (str, int, float, Decimal)):
        return None if current is None else str(current)
    return None


@dataclass(frozen=True)
class Cell:
    """A value somewhere in the data file, as the reviewer looks it up."""

    location: Location
    where: str  # 'Tabel 3.7, sasaran S-01'
    position: str  # file:line:col
    value: str | None  # what is printed there
    quote: str | None = None  # the sentence of a prose claim the value is in


@dataclass(frozen=True)
class FindingView:
    anchor: str
    number: int  # 1-based, in the order of the report
    finding: Finding
    rule: Rule | None
    message: str
    subject: str
    place: str | None
    chapter: Chapter
    at: Cell
    related: tuple[Cell, ...]
    same_cause: tuple[Cell, ...]
    computation: tuple[str, ...]
    advice: str | None
    doc: str | None
    nodes: tuple[str, ...]  # the entities of the pohon kinerja it is about

    @property
    def severity(self) -> Severity:
        return self.finding.severity

    @property
    def aspect(self) -> str | None:
        return None if self.rule is None else self.rule.aspect


@dataclass(frozen=True)
class PlaceGroup:
    place: str | None
    title: str
    anchor: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class ChapterGroup:
    chapter: Chapter
    title: str
    anchor: str
    places: tuple[PlaceGroup, ...]


@dataclass(frozen=True)
class Stated:
    value: str
    where: str
    difference: str
    verdict: Verdict


@dataclass(frozen=True)
class Grade:
    where: str
    year: int
    score: str
    stated: str
    expected: str | None  # every name of the grade the scale gives; None: the score is in a gap
    differs: bool = False  # the stated grade is no name of it


@dataclass(frozen=True)
class Summary:
    instansi: str
    tahun: int
    dokumen: str
    sumber: str | None
    counts: dict[Severity, int]
    overall: str  # the computed overall capaian (with its category), or why not
    overall_stated: tuple[Stated, ...]
    absorption: str
    grades: tuple[Grade, ...]
    version: str
    ruleset_digest: str
    ruleset_files: tuple[str, ...]
    rule_count: int
    path: str
    digest: str


@dataclass(frozen=True)
class FileContent:
    index: int  # the file's number in the run, for unique anchors
    result: FileResult
    lang: str
    summary: Summary
    findings: tuple[FindingView, ...]
    chapters: tuple[ChapterGroup, ...]
    by_node: dict[str, tuple[FindingView, ...]]
    by_pointer: dict[str, tuple[FindingView, ...]]  # cells a finding is at (or same cause)
    related_to: dict[str, tuple[FindingView, ...]]  # cells a finding compares with
    checks: dict[str, StatedCheck]  # pointer of a stated value -> its computation

    @property
    def loaded(self) -> LoadedReport:
        return self.result.loaded

    @property
    def style(self) -> NumberStyle:
        style = self.loaded.style
        return NumberStyle.ID if style is NumberStyle.AUTO else style

    def node_anchor(self, node: str) -> str:
        return anchor(f"f{self.index}", "node", node)

    def entity_anchor(self, node: str) -> str:
        return anchor(f"f{self.index}", "entitas", node)


# --- computations ---------------------------------------------------------------------------

def stated_checks(result: FileResult) -> dict[str, tuple[StatedCheck, str]]:
    """Pointer of every stated value judged -> (its check, what it is: indicator, sasaran,
    overall, absorption, efficiency)."""
    found: dict[str, tuple[StatedCheck, str]] = {}
    for check, kind in result.stated.all():
        stated = check.comparison.stated
        if stated is not None:
            found.setdefault(stated.location.pointer, (check, kind))
    return found


class _Texts:
    """Numbers and values of one file in the reader's language."""

    def __init__(self, result: FileResult, ruleset: Ruleset, lang: str) -> None:
        self.result, self.ruleset, self.lang = result, ruleset, lang
        style = result.loaded.style
        self.style = NumberStyle.ID if style is NumberStyle.AUTO else style

    def number(self, value: Decimal | None, decimals: int | None = None) -> str:
        return "" if value is None else format_number(value, self.style, decimals)

    def exact(self, value: Decimal) -> str:
        """An exact result to four decimals, enough to see how it rounds."""
        return self.number(value.quantize(Decimal("0.0001")).normalize())

    def cell(self, location: Location) -> Cell:
        report = self.result.loaded.report
        path = tuple(map(str, location.path))
        quote = None
        if len(path) > 1 and path[0] == "klaim" and path[1].isdigit() \
                and int(path[1]) < len(report.klaim):
            quote = report.klaim[int(path[1])].kutipan
        return Cell(location, render_place(location, self.lang), location.editor_position(),
                    printed_value(report, location.path), quote)

    def inputs(self, check: StatedCheck) -> str:
        parts = []
        for location in check.inputs:
            name = str(location.path[-1]) if location.path else ""
            value = printed_value(self.result.loaded.report, location.path) or "-"
            parts.append(render("report.computation.input", self.lang, name=name, value=value,
                                where=render_place(location, self.lang)))
        return "; ".join(parts)

    def formula(self, check: StatedCheck, kind: str, pointer: str) -> str | None:
        config = self.ruleset.config
        if kind == "absorption":
            return config.formulas["penyerapan"].text
        if kind == "efficiency":
            return config.formulas["efisiensi"].text
        if kind == "sasaran":
            return render("report.computation.sasaran-mean", self.lang)
        if kind == "overall":
            which = "indicators" if config.overall is Aggregate.INDIKATOR else "sasaran"
            return render(f"report.computation.overall-{which}", self.lang)
        indicator = self._indicator_of(check)
        if indicator is None:
            return None
        polarity = config.polarity_of(indicator.teks, indicator.polaritas,
                                      indicator.tipe == "kualitatif")
        target = next((self.result.loaded.parse(printed_value(self.result.loaded.report,
                                                              location.path))
                       for location in check.inputs
                       if location.path[-1:] in (("target",), ("target_akhir",))), None)
        if target is not None and target.kind is ValueKind.RANGE and polarity is not Polarity.NEGATIF:
            return render("report.computation.range", self.lang,
                          low=config.formulas["rentang_bawah"].text,
                          high=config.formulas["rentang_atas"].text,
                          inside=self.number(config.inside_range))
        formula = config.formulas.get(polarity.value)
        return None if formula is None else f"{formula.text} ({render(f'polarity.{polarity.value}', self.lang)})"

    def _indicator_of(self, check: StatedCheck):
        """The indicator a stated capaian is about: its row's, or the one a claim names."""
        stated = check.comparison.stated
        subject = stated.location.subject if stated is not None else None
        report = self.result.loaded.report
        if subject is not None and subject.kind == "klaim":
            claim = next((claim for claim in report.klaim if claim.id == subject.id), None)
            return report.entity(claim.indikator[0]) if claim and claim.indikator else None
        if subject is not None and subject.kind == "indikator":
            return report.entity(subject.id)
        return None

    def computation(self, finding: Finding, checks: dict[str, tuple[StatedCheck, str]]) -> tuple[str, ...]:
        """How the expected value was obtained: the formula, the values it was given and the
        result before and after rounding; from the finding's own values when the capaian
        engine did not compute it."""
        lang = self.lang
        found = checks.get(finding.location.pointer)
        lines: list[str] = []
        if found is not None:
            check, kind = found
            formula = self.formula(check, kind, finding.location.pointer)
            if formula:
                lines.append(render("report.computation.formula", lang, formula=formula))
            if check.inputs:
                lines.append(render("report.computation.inputs", lang, inputs=self.inputs(check)))
            if kind in ("sasaran", "overall"):
                parts = self._parts(check, kind)
                if parts:
                    lines.append(render("report.computation.parts", lang, parts=parts))
            computed = check.computed
            if computed.ok:
                lines.append(render("report.computation.result", lang,
                                    exact=self.exact(computed.exact),
                                    rounded=self.number(computed.rounded),
                                    category=computed.category or "-"))
            elif computed.reason:
                lines.append(render("report.computation.not-computable", lang,
                                    reason=render(computed.reason, lang)))
            comparison = check.comparison
            if comparison.difference is not None:
                lines.append(render("report.computation.difference", lang,
                                    stated=comparison.stated.value.raw,
                                    difference=self.number(comparison.difference)))
            if check.explanation:
                args = dict(check.explanation_args)
                alternative = check.alternative
                args["alternative"] = "" if alternative is None else self.number(alternative.rounded)
                lines.append(render(check.explanation, lang, **args).lstrip("; "))
            return tuple(lines)
        args = dict(finding.args)
        if args.get("rumus"):
            lines.append(render("report.computation.formula", lang, formula=args["rumus"]))
        if args.get("tepat"):
            lines.append(render("report.computation.exact", lang, exact=args["tepat"],
                                expected=finding.expected or "-"))
        if args.get("selisih") and finding.found:
            lines.append(render("report.computation.difference", lang, stated=finding.found,
                                difference=args["selisih"]))
        return tuple(lines)

    def _parts(self, check: StatedCheck, kind: str) -> str:
        report = self.result.capaian
        if kind == "overall" and self.ruleset.config.overall is not Aggregate.INDIKATOR:
            items = [(r.sasaran.id, r.capaian) for r in report.sasaran]
        elif kind == "overall":
            items = [(r.indikator.id, r.capaian) for r in report.indicators]
        else:
            subject = check.comparison.stated.location.subject
            ident = None if subject is None else subject.id
            if subject is not None and subject.kind == "klaim":
                claim = next((c for c in self.result.loaded.report.klaim if c.id == subject.id), None)
                ident = claim.sasaran[0] if claim is not None and claim.sasaran else None
            sasaran = next((r for r in report.sasaran if r.sasaran.id == ident), None)
            items = [] if sasaran is None else [(r.indikator.id, r.capaian)
                                                for r in sasaran.indicators]
        return "; ".join(f"{ident} {self.number(value.rounded) if value.ok else '-'}"
                         for ident, value in items)


# --- building the content -----------------------------------------------------------------

def _place_title(result: FileResult, place: str | None, lang: str) -> str:
    if place is None:
        return render("report.place.none", lang)
    declared = result.loaded.report.tempat.get(place)
    title = declared.judul if declared is not None and declared.judul else None
    if title is None:
        title = next((table.judul for table in result.loaded.report.tabel
                      if table.di == place and table.judul), None)
    return f"{place} — {title}" if title else place


def _summary(result: FileResult, ruleset: Ruleset, texts: _Texts, findings) -> Summary:
    lang = texts.lang
    report = result.loaded.report
    overall = result.capaian.overall
    if overall.capaian.ok:
        computed = texts.number(overall.capaian.rounded)
        if overall.capaian.category:
            computed += f" ({overall.capaian.category})"
    else:
        computed = render(overall.capaian.reason or "word.not-computable", lang)
    stated = tuple(Stated(check.comparison.stated.value.raw, check.comparison.stated.location.place
                          or "", texts.number(check.comparison.difference),
                          check.comparison.verdict)
                   for check in result.stated.overall if check.comparison.stated is not None)
    absorption = (texts.number(overall.absorption.rounded) if overall.absorption.ok
                  else render(overall.absorption.reason or "word.not-computable", lang))
    grades = tuple(Grade(report.tabel[cell.table_index].di, cell.year, cell.score, cell.stated,
                         None if cell.expected is None else cell.expected.shown,
                         cell.expected is not None and not cell.expected.named(cell.stated))
                   for cell in grade_cells(result.context))
    provenance = Provenance.of(ruleset)
    counts = by_severity(findings)
    return Summary(report.instansi, report.tahun, report.dokumen.value, report.sumber, counts,
                   computed, stated, absorption, grades, provenance.version,
                   provenance.ruleset_digest, provenance.ruleset_files, len(ruleset.rules),
                   result.path,
                   result.digest or "-")


def _advice(rule: Rule | None, finding: Finding, lang: str) -> str | None:
    if rule is None or not rule.advice:
        return None
    template = rule.advice.get(lang) or rule.advice.get("id")
    return fill(template, lang, dict(finding.args))


def build(result: FileResult, ruleset: Ruleset, lang: str, index: int = 1) -> FileContent:
    """The content of one usable checked file."""
    texts = _Texts(result, ruleset, lang)
    known = chapters(result.loaded.report)
    checks = stated_checks(result)
    rules = {rule.code: rule for rule in ruleset.rules}
    about = findings_about(result.context.graph, result.findings)
    nodes_of: dict[int, list[str]] = defaultdict(list)
    for node, found in about.items():
        for finding in found:
            nodes_of[id(finding)].append(node)
    order = list(result.loaded.report.tempat)
    place_rank = {name: position for position, name in enumerate(order)}

    def sort_key(finding: Finding):
        place = finding.location.place
        return (chapter_of(place, known), place is None, place_rank.get(place, len(order)),
                place or "", finding.severity.rank * -1, finding.sort_key)

    views = []
    for number, finding in enumerate(sorted(result.findings, key=sort_key), start=1):
        rule = rules.get(finding.code)
        location = finding.location
        views.append(FindingView(
            anchor=anchor(f"f{index}", "temuan", str(number)), number=number, finding=finding,
            rule=rule, message=render_finding(finding, lang),
            subject="" if location.subject is None else render_subject(location.subject, lang),
            place=location.place, chapter=chapter_of(location.place, known),
            at=texts.cell(location), related=tuple(texts.cell(r) for r in finding.related),
            same_cause=tuple(texts.cell(r) for r in finding.same_cause),
            computation=texts.computation(finding, checks if rule is not None
                                          and rule.check in ENGINE_CHECKS else {}),
            advice=_advice(rule, finding, lang),
            doc=None if rule is None else rule.doc(lang), nodes=tuple(nodes_of[id(finding)])))
    grouped: dict[Chapter, dict[str | None, list[FindingView]]] = {}
    for view in views:
        grouped.setdefault(view.chapter, {}).setdefault(view.place, []).append(view)
    chapter_groups = tuple(
        ChapterGroup(chapter, chapter.title(lang), anchor(f"f{index}", chapter.anchor),
                     tuple(PlaceGroup(place, _place_title(result, place, lang),
                                      anchor(f"f{index}", "tempat", place or "-"), tuple(found))
                           for place, found in places.items()))
        for chapter, places in grouped.items())
    by_node = {node: tuple(v for v in views if node in v.nodes) for node in about}
    by_pointer: dict[str, list[FindingView]] = defaultdict(list)
    related_to: dict[str, list[FindingView]] = defaultdict(list)
    for view in views:
        for cells, found in (((view.at, *view.same_cause), by_pointer), (view.related, related_to)):
            for cell in cells:
                if view not in found[cell.location.pointer]:
                    found[cell.location.pointer].append(view)
    kinds = list(tree_order())
    position = {entity.id: (kinds.index(kind) if kind in kinds else len(kinds), index)
                for index, (kind, _, entity) in enumerate(result.loaded.report.entities())}
    by_node = dict(sorted(by_node.items(), key=lambda item: position.get(item[0], (len(kinds), 0))))
    return FileContent(index, result, lang, _summary(result, ruleset, texts, views), tuple(views),
                       chapter_groups, by_node, {k: tuple(v) for k, v in by_pointer.items()},
                       {k: tuple(v) for k, v in related_to.items()},
                       {pointer: check for pointer, (check, _) in checks.items()})


def tree_order() -> tuple[str, ...]:
    """The kinds of entity in the order of the pohon kinerja."""
    from sakip_lint.graph import LEVELS

    return LEVELS


def budget_places(content: FileContent) -> list[tuple[str, Role]]:
    """The efficiency and budget tables of the report, in its order."""
    return [(name, place.peran) for name, place in content.loaded.report.tempat.items()
            if place.peran in (Role.EFISIENSI, Role.ANGGARAN) and place.baris]


BUDGET_COLUMNS = ("capaian", "kategori", "pagu", "realisasi_anggaran", "persen_anggaran",
                  "efisiensi")
