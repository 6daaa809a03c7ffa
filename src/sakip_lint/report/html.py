"""The reviewer's report as one self-contained HTML file.

Everything the page needs is inside it: its style, its little script and the pohon kinerja as
inline SVG; it loads nothing (no network, no font, no CDN), and its Content-Security-Policy
allows only its own style and script (by hash), so even a text that escaped escaping could not
run. It reads completely with JavaScript off — the script only adds filters by severity and
rule and a search box — and prints with a page break between sections.

Every text from the data file is escaped by ``markup.el``.
"""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

from sakip_lint.findings import Severity
from sakip_lint.messages import render
from sakip_lint.model import Role
from sakip_lint.numbers import format_number
from sakip_lint.output import capaian_tables
from sakip_lint.report import tree_svg
from sakip_lint.report.content import (BUDGET_COLUMNS, DIFFERENT, SEVERITIES, Cell, FileContent,
                                       FindingView, budget_places)
from sakip_lint.report.markup import Markup, el, join, void

ASSETS = files("sakip_lint.report")


def _asset(name: str) -> str:
    return ASSETS.joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _t(key: str, lang: str, **args) -> str:
    return render(key, lang, **args)


def _severity(severity: Severity | str | None, lang: str) -> Markup:
    value = severity.value if isinstance(severity, Severity) else severity
    return el("span", {"class": f"badge sev-{value}"}, render(f"severity.{value}", lang))


def _paragraphs(text: str | None) -> list[Markup]:
    """A rule's documentation: paragraphs at blank lines, wrapped lines joined."""
    if not text:
        return []
    blocks = [" ".join(line.strip() for line in block.splitlines())
              for block in text.replace("\r\n", "\n").split("\n\n")]
    return [el("p", None, block) for block in blocks if block.strip()]


# --- summary --------------------------------------------------------------------------------

def _summary(content: FileContent) -> Markup:
    lang, summary = content.lang, content.summary
    counts = el("ul", {"class": "counts"},
                [el("li", {"class": f"count sev-{severity.value}"},
                    el("span", {"class": "number"}, str(summary.counts[severity])),
                    el("span", {"class": "label"}, render(f"severity.{severity.value}", lang)))
                 for severity in SEVERITIES])
    stated_rows = [el("tr", {"class": "differs" if s.verdict in DIFFERENT else None},
                      el("td", None, s.value), el("td", None, s.where),
                      el("td", None, s.difference or "-"),
                      el("td", None, _t(f"report.verdict.{s.verdict.value}", lang)))
                   for s in summary.overall_stated]
    overall = [el("p", None, el("strong", None, _t("report.summary.overall", lang)), " ",
                  summary.overall)]
    if stated_rows:
        overall.append(el("table", {"class": "compact"},
                          el("thead", None, el("tr", None, [el("th", None, _t(k, lang)) for k in
                                                            ("report.col.stated", "report.col.where",
                                                             "report.col.difference",
                                                             "report.col.verdict")])),
                          el("tbody", None, stated_rows)))
    else:
        overall.append(el("p", {"class": "muted"}, _t("report.summary.overall-not-stated", lang)))
    overall.append(el("p", None, el("strong", None, _t("report.summary.absorption", lang)), " ",
                      summary.absorption))
    grades = []
    if summary.grades:
        grades = [el("h3", None, _t("report.summary.grades", lang)),
                  el("table", {"class": "compact"},
                     el("thead", None, el("tr", None, [el("th", None, _t(k, lang)) for k in
                                                       ("report.col.where", "report.col.year",
                                                        "report.col.score", "report.col.grade",
                                                        "report.col.grade-by-scale")])),
                     el("tbody", None, [
                         el("tr", {"class": "differs" if g.differs else None},
                            el("td", None, g.where), el("td", None, str(g.year)),
                            el("td", None, g.score), el("td", None, g.stated),
                            el("td", None, g.expected or "-")) for g in summary.grades]))]
    facts = [("report.summary.instansi", summary.instansi), ("report.summary.year", str(summary.tahun)),
             ("report.summary.document", summary.dokumen)]
    if summary.sumber:
        facts.append(("report.summary.source", summary.sumber))
    provenance = [("report.provenance.tool", f"sakip-lint {summary.version}"),
                  ("report.provenance.ruleset", summary.ruleset_digest),
                  ("report.provenance.rule-files", ", ".join(summary.ruleset_files)),
                  ("report.provenance.file", summary.path),
                  ("report.provenance.digest", summary.digest)]
    return el("section", {"class": "summary", "id": f"f{content.index}-ringkasan"},
              el("h2", None, _t("report.section.summary", lang)),
              el("dl", {"class": "facts"}, [(el("dt", None, _t(k, lang)), el("dd", None, v))
                                            for k, v in facts]),
              counts, el("h3", None, _t("report.summary.capaian", lang)), overall, grades,
              el("h3", None, _t("report.section.provenance", lang)),
              el("dl", {"class": "facts provenance"},
                 [(el("dt", None, _t(k, lang)), el("dd", None, el("code", None, v)))
                  for k, v in provenance]))


# --- findings -------------------------------------------------------------------------------

def _cell_item(cell: Cell, lang: str) -> Markup:
    return el("li", None,
              el("span", {"class": "value"}, cell.value) if cell.value is not None else "",
              " " if cell.value is not None else "", el("span", {"class": "where"}, cell.where),
              " ", el("code", {"class": "position"}, cell.position))


def _finding(content: FileContent, view: FindingView) -> Markup:
    lang, finding = content.lang, view.finding
    facts: list[Markup] = []

    def fact(key: str, *value) -> None:
        facts.extend([el("dt", None, _t(key, lang)), el("dd", None, *value)])

    at = [el("code", {"class": "position"}, view.at.position)]
    if finding.found is not None:
        fact("report.finding.found", el("span", {"class": "value found"}, finding.found), " ",
             el("span", {"class": "where"}, view.at.where), " ", *at)
    else:
        fact("report.finding.at", el("span", {"class": "where"}, view.at.where), " ", *at)
    if view.at.quote:
        fact("report.finding.quote", el("q", {"class": "quote"}, view.at.quote))
    if finding.expected is not None:
        fact("report.finding.expected", el("span", {"class": "value expected"}, finding.expected))
    if view.related:
        fact("report.finding.related", el("ul", None, [_cell_item(c, lang) for c in view.related]))
    if view.same_cause:
        fact("report.finding.same-cause",
             el("ul", None, [_cell_item(c, lang) for c in view.same_cause]))
    if view.computation:
        fact("report.finding.computation",
             el("ul", {"class": "computation"}, [el("li", None, line) for line in view.computation]))
    if view.advice:
        fact("report.finding.advice", el("span", {"class": "advice"}, view.advice))
    drawn = [node for node in view.nodes
             if content.result.context.graph.kind(node) in tree_svg.LEVELS]
    if drawn:
        fact("report.finding.tree", join([el("a", {"href": "#" + content.node_anchor(node)}, node)
                                          for node in drawn], ", "))
    rule = view.rule
    explanation = ""
    if rule is not None:
        explanation = el("details", {"class": "rule-doc"},
                         el("summary", None, _t("report.finding.explain", lang, code=rule.code,
                                                name=rule.name)),
                         _paragraphs(view.doc),
                         el("p", None, el("strong", None, _t("explain.basis", lang)), ": ",
                            rule.basis or "-"),
                         el("p", {"class": "muted"}, _t("explain.source", lang), ": ",
                            el("code", None, rule.source)))
    return el("article", {"class": f"finding sev-{view.severity.value}", "id": view.anchor,
                          "data-severity": view.severity.value, "data-code": finding.code},
              el("header", None, _severity(view.severity, lang), " ",
                 el("span", {"class": "code"}, finding.code), " ",
                 el("span", {"class": "rule-name"}, finding.rule or ""), " ",
                 el("span", {"class": "subject"}, view.subject),
                 el("a", {"class": "permalink", "href": "#" + view.anchor,
                          "aria-label": _t("report.finding.link", lang, number=view.number)},
                    f"#{view.number}")),
              el("p", {"class": "message"}, view.message),
              el("dl", {"class": "finding-facts"}, facts), explanation)


def _filters(content: FileContent) -> Markup:
    """Controls the script shows; hidden without JavaScript, where every finding is shown."""
    lang = content.lang
    rules = sorted({(v.finding.code, v.finding.rule or "") for v in content.findings})
    prefix = f"f{content.index}"
    return el("form", {"class": "filters", "hidden": True, "data-file": prefix,
                       "aria-label": _t("report.filter.label", lang)},
              el("fieldset", None, el("legend", None, _t("report.filter.severity", lang)),
                 [el("label", None, void("input", {"type": "checkbox", "name": "severity",
                                                   "value": s.value, "checked": True}),
                     " ", render(f"severity.{s.value}", lang)) for s in SEVERITIES]),
              el("label", None, _t("report.filter.rule", lang), " ",
                 el("select", {"name": "rule"},
                    el("option", {"value": ""}, _t("report.filter.all-rules", lang)),
                    [el("option", {"value": code}, f"{code} {name}") for code, name in rules])),
              el("label", None, _t("report.filter.search", lang), " ",
                 void("input", {"type": "search", "name": "q",
                                "placeholder": _t("report.filter.search-hint", lang)})),
              el("output", {"class": "shown", "aria-live": "polite",
                            "data-template": _t("report.filter.shown", lang)}, ""))


def _findings(content: FileContent) -> Markup:
    lang = content.lang
    body: list[Markup] = []
    for chapter in content.chapters:
        places = []
        for group in chapter.places:
            places.append(el("section", {"class": "place", "id": group.anchor},
                             el("h4", None, group.title),
                             [_finding(content, view) for view in group.findings]))
        body.append(el("section", {"class": "chapter", "id": chapter.anchor},
                       el("h3", None, chapter.title), places))
    if not content.findings:
        body.append(el("p", {"class": "empty"}, _t("report.findings.none", lang)))
    return el("section", {"class": "findings", "id": f"f{content.index}-temuan"},
              el("h2", None, _t("report.section.findings", lang)),
              el("p", {"class": "muted"}, _t("report.findings.order", lang)),
              _filters(content), body)


# --- tables ---------------------------------------------------------------------------------

def _table(headers: list[str], rows: list[list[Markup | str]], marks: list, caption: str) -> Markup:
    """A table; ``marks`` gives per row the columns to mark: a set (marked as differing) or a
    dict column -> class (``differs``, ``related``)."""
    def mark(marked, index: int) -> str | None:
        if isinstance(marked, dict):
            return marked.get(index)
        return "differs" if index in marked else None

    return el("div", {"class": "table-scroll"},
              el("table", {"class": "data"}, el("caption", None, caption),
                 el("thead", None, el("tr", None, [el("th", {"scope": "col"}, h) for h in headers])),
                 el("tbody", None, [
                     el("tr", None, [el("td", {"class": mark(marked, index)}, cell)
                                     for index, cell in enumerate(row)])
                     for row, marked in zip(rows, marks)])))


def _entity_cell(content: FileContent, ident: str, text: str) -> Markup | str:
    if ident in content.by_node:
        return el("a", {"href": "#" + content.entity_anchor(ident)}, text)
    return text


def _measurement(content: FileContent) -> Markup:
    lang, report, stated = content.lang, content.result.capaian, content.result.stated
    (title_i, head_i, rows_i), (title_s, head_s, rows_s), (title_o, head_o, rows_o) = \
        capaian_tables(report, stated, content.style, lang)

    def marked(checks, *columns: int) -> set[int]:
        return set(columns) if any(c.comparison.verdict in DIFFERENT for c in checks) else set()

    marks_i = [marked([stated.indicators[r.indikator.id].capaian], 7, 8) for r in report.indicators]
    cells_i = [[row[0], _entity_cell(content, r.indikator.id, row[1]), *row[2:]]
               for row, r in zip(rows_i, report.indicators)]
    judged = [stated.of_sasaran(r.sasaran.id) for r in report.sasaran]
    marks_s = [marked(s.capaian, 3, 4) | marked(s.absorption, 6, 7) | marked(s.efficiency, 9, 10)
               for s in judged]
    cells_s = [[_entity_cell(content, r.sasaran.id, row[0]), *row[1:]]
               for row, r in zip(rows_s, report.sasaran)]
    marks_o = [marked(stated.overall, 3, 4)]
    return el("section", {"class": "tables", "id": f"f{content.index}-pengukuran"},
              el("h2", None, _t("report.section.measurement", lang)),
              el("p", {"class": "muted"}, _t("report.tables.note", lang)),
              _table(head_i, cells_i, marks_i, title_i), _table(head_s, cells_s, marks_s, title_s),
              _table(head_o, rows_o, marks_o, title_o))


def _budget(content: FileContent) -> Markup:
    lang, report = content.lang, content.loaded.report
    tables = []
    for name, role in budget_places(content):
        place = report.tempat[name]
        columns = [column for column in BUDGET_COLUMNS
                   if any(getattr(row, column) is not None for row in place.baris)]
        headers = [_t("col.no", lang), _t("report.col.item", lang)] + [
            _t(f"report.field.{column}", lang) for column in columns]
        rows, marks = [], []
        for index, row in enumerate(place.baris):
            cells: list[Markup | str] = [row.nomor or "", _entity_cell(
                content, row.id, f"{row.id} {row.teks or (report.entity(row.id).teks if report.entity(row.id) else '')}".strip())]
            marked: dict[int, str] = {}
            for offset, column in enumerate(columns, start=2):
                value = getattr(row, column)
                pointer = content.loaded.row_location(name, index, column).pointer
                check = content.checks.get(pointer)
                found = content.by_pointer.get(pointer, ())
                related = content.related_to.get(pointer, ())
                parts: list[Markup | str] = [value or ""]
                linked = found or related
                if linked:
                    parts = [el("a", {"href": "#" + linked[0].anchor,
                                      "title": " · ".join(f"#{v.number} {v.finding.code}"
                                                          for v in linked)}, *parts)]
                if check is not None and check.comparison.verdict in DIFFERENT and check.computed.ok:
                    parts += [" ", el("span", {"class": "should"},
                                      "→ " + _t("report.tables.should", lang,
                                                value=_number(content, check.computed.rounded)))]
                if found or (check is not None and check.comparison.verdict in DIFFERENT):
                    marked[offset] = "differs"
                elif related:
                    marked[offset] = "related"
                cells.append(join(parts))
            rows.append(cells)
            marks.append(marked)
        title = name + (f" — {place.judul}" if place.judul else "")
        kind = _t("report.tables.efficiency" if role is Role.EFISIENSI else "report.tables.budget",
                  lang)
        tables.append(_table(headers, rows, marks, f"{kind}: {title}"))
    if not tables:
        tables.append(el("p", {"class": "empty"}, _t("report.tables.no-budget", lang)))
    return el("section", {"class": "tables", "id": f"f{content.index}-anggaran"},
              el("h2", None, _t("report.section.budget", lang)),
              el("p", {"class": "muted"}, _t("report.tables.budget-note", lang)), tables)


def _number(content: FileContent, value) -> str:
    return format_number(value, content.style)


# --- the tree -------------------------------------------------------------------------------

def _tree(content: FileContent) -> Markup:
    lang = content.lang
    legend = el("ul", {"class": "legend"},
                [el("li", None, el("span", {"class": f"swatch sev-{s}"}, ""), " ",
                    render(f"severity.{s}", lang) if s != "none" else _t("report.tree.clean", lang))
                 for s in ("error", "warning", "info", "none")],
                el("li", None, el("span", {"class": "swatch orphan"}, ""), " ",
                   _t("report.tree.orphan-legend", lang)),
                el("li", None, el("span", {"class": "swatch conflict"}, ""), " ",
                   _t("report.tree.conflict-legend", lang)))
    graph = content.result.context.graph
    entries = []
    for node, views in content.by_node.items():
        if not views:
            continue
        data = graph.graph.nodes[node]
        entries.append(el("li", {"id": content.entity_anchor(node)},
                          el("a", {"href": "#" + content.node_anchor(node)}, node) if
                          data["kind"] in tree_svg.LEVELS else el("strong", None, node),
                          " ", el("span", {"class": "muted"}, render(f"kind.{data['kind']}", lang)),
                          " ", data["teks"], ": ",
                          join([el("a", {"href": "#" + view.anchor,
                                         "class": f"ref sev-{view.severity.value}"},
                                   f"#{view.number} {view.finding.code}") for view in views], ", ")))
    return el("section", {"class": "tree-section", "id": f"f{content.index}-pohon"},
              el("h2", None, _t("report.section.tree", lang)),
              el("p", {"class": "muted"}, _t("report.tree.note", lang)), legend,
              el("div", {"class": "tree-scroll"}, tree_svg.draw(content)),
              el("h3", None, _t("report.tree.index", lang)),
              el("ul", {"class": "entities"}, entries) if entries else
              el("p", {"class": "empty"}, _t("report.tree.no-findings", lang)))


# --- the page -------------------------------------------------------------------------------

def _file(content: FileContent, several: bool) -> Markup:
    lang, summary = content.lang, content.summary
    prefix = f"f{content.index}"
    toc = el("nav", {"class": "toc", "aria-label": _t("report.toc", lang)},
             el("ol", None, [el("li", None, el("a", {"href": f"#{prefix}-{part}"},
                                               _t(f"report.section.{key}", lang)))
                             for part, key in (("ringkasan", "summary"), ("temuan", "findings"),
                                               ("pengukuran", "measurement"),
                                               ("anggaran", "budget"), ("pohon", "tree"))]))
    heading = el("h2" if several else "p", {"class": "file-title"}, summary.instansi, " · ",
                 str(summary.tahun), " · ", summary.dokumen)
    return el("div", {"class": "file", "id": prefix}, heading, toc, _summary(content),
              _findings(content), _measurement(content), _budget(content), _tree(content))


def render_html(contents: list[FileContent], lang: str) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    policy = (f"default-src 'none'; script-src {_hash(script)}; style-src {_hash(style)}; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    title = _t("report.title", lang)
    if len(contents) == 1:
        summary = contents[0].summary
        title = f"{title} — {summary.instansi} {summary.tahun}"
    head = el("head", None, void("meta", {"charset": "utf-8"}),
              void("meta", {"http-equiv": "Content-Security-Policy", "content": policy}),
              void("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}),
              void("meta", {"name": "generator", "content": "sakip-lint"}),
              void("link", {"rel": "icon", "href": "data:,"}),
              el("title", None, title), el("style", None, Markup(style)))
    body = el("body", None,
              el("header", {"class": "page"}, el("h1", None, _t("report.title", lang)),
                 el("p", {"class": "muted"}, _t("report.subtitle", lang))),
              el("main", None, [_file(content, len(contents) > 1) for content in contents]),
              el("footer", None, el("p", {"class": "muted"}, _t("report.footer", lang))),
              el("script", None, Markup(script)))
    return "<!DOCTYPE html>\n" + el("html", {"lang": lang}, head, body) + "\n"

