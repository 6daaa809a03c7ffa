"""A draft of the Catatan Hasil Reviu (the review notes) of a Laporan Kinerja, for the APIP
reviewer to edit and sign: Word (python-docx) and Markdown.

The structure follows the reviu of a Laporan Kinerja in PermenPAN-RB 53/2014: the basis, the
scope and aim, the steps taken, what was found grouped into the reviu's aspects — penyajian
data, keandalan, keselarasan perencanaan, capaian, anggaran (the rule's ``aspek``) — each
finding with its evidence (place, row, value, the computation) and the recommendation its rule
supplies (``saran``), then the conclusion and a signature block left blank. It is a draft:
the reviewer decides what stays.

Texts of the data file are escaped for each format (``escape.markdown``, ``escape.docx``).
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from sakip_lint import escape, formats
from sakip_lint.findings import Severity
from sakip_lint.messages import render
from sakip_lint.report.content import SEVERITIES, Cell, FileContent, FindingView
from sakip_lint.rule import ASPECTS

FORMATS = formats.REVIEW
OTHER = "lainnya"  # findings of rules that name no aspect
RELATED_SHOWN = 5


@dataclass(frozen=True)
class Item:
    number: int
    severity: Severity
    code: str
    message: str
    evidence: tuple[str, ...]
    advice: str


@dataclass(frozen=True)
class AspectSection:
    key: str
    title: str
    description: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Draft:
    lang: str
    title: str
    subtitle: str
    note: str
    basis: tuple[str, ...]
    scope: tuple[tuple[str, str], ...]
    aim: str
    steps: tuple[str, ...]
    summary: str
    aspects: tuple[AspectSection, ...]
    conclusion: str
    recommendation: str
    signature: tuple[str, ...]


def _t(key: str, lang: str, **args) -> str:
    return render(key, lang, **args)


def _cells(cells: tuple[Cell, ...], lang: str) -> str:
    shown = [(f"{cell.value} " if cell.value is not None else "") + f"({cell.where}; {cell.position})"
             for cell in cells[:RELATED_SHOWN]]
    text = "; ".join(shown)
    if len(cells) > RELATED_SHOWN:
        text += _t("review.more", lang, count=len(cells) - RELATED_SHOWN)
    return text


def _evidence(view: FindingView, lang: str) -> tuple[str, ...]:
    finding = view.finding
    lines = [_t("review.evidence.at", lang, where=view.at.where, position=view.at.position)]
    if view.at.quote:
        lines.append(_t("review.evidence.quote", lang, quote=view.at.quote))
    if finding.found is not None:
        lines.append(_t("review.evidence.found", lang, value=finding.found))
    if finding.expected is not None:
        lines.append(_t("review.evidence.expected", lang, value=finding.expected))
    if view.computation:
        lines.append(_t("review.evidence.computation", lang, steps="; ".join(view.computation)))
    if view.related:
        lines.append(_t("review.evidence.related", lang, cells=_cells(view.related, lang)))
    if view.same_cause:
        lines.append(_t("review.evidence.same-cause", lang, count=len(view.same_cause),
                        cells=_cells(view.same_cause, lang)))
    return tuple(lines)


def build_draft(content: FileContent) -> Draft:
    lang, summary = content.lang, content.summary
    by_aspect: dict[str, list[FindingView]] = {key: [] for key in (*ASPECTS, OTHER)}
    for view in content.findings:
        by_aspect[view.aspect if view.aspect in ASPECTS else OTHER].append(view)
    aspects = []
    for key, views in by_aspect.items():
        if key == OTHER and not views:
            continue
        views.sort(key=lambda view: (SEVERITIES.index(view.severity), view.number))
        items = tuple(Item(view.number, view.severity, view.finding.code, view.message,
                           _evidence(view, lang),
                           view.advice or _t("review.no-advice", lang)) for view in views)
        aspects.append(AspectSection(key, _t(f"review.aspect.{key}", lang),
                                     _t(f"review.aspect.{key}.about", lang), items))
    counts = summary.counts
    errors, warnings, infos = (counts[s] for s in SEVERITIES)
    conclusion = "review.conclusion.errors" if errors else (
        "review.conclusion.warnings" if warnings else "review.conclusion.clean")
    scope = ((_t("report.summary.instansi", lang), summary.instansi),
             (_t("report.summary.year", lang), str(summary.tahun)),
             (_t("report.summary.document", lang), summary.dokumen),
             *(((_t("report.summary.source", lang), summary.sumber),) if summary.sumber else ()),
             (_t("review.scope.file", lang), f"{summary.path} (sha256 {summary.digest})"),
             (_t("review.scope.tool", lang),
              _t("review.scope.tool-value", lang, version=summary.version,
                 rules=summary.rule_count, digest=summary.ruleset_digest[:12])))
    return Draft(
        lang=lang,
        title=_t("review.title", lang),
        subtitle=_t("review.subtitle", lang, instansi=summary.instansi, tahun=summary.tahun),
        note=_t("review.note", lang),
        basis=tuple(_t(f"review.basis.{n}", lang) for n in range(1, 4)),
        scope=scope,
        aim=_t("review.aim", lang),
        steps=tuple(_t(f"review.step.{n}", lang) for n in range(1, 8)),
        summary=_t("review.summary", lang, errors=errors, warnings=warnings, infos=infos),
        aspects=tuple(aspects),
        conclusion=_t(conclusion, lang, errors=errors, warnings=warnings),
        recommendation=_t("review.recommendation", lang),
        signature=tuple(_t(f"review.signature.{n}", lang) for n in range(1, 5)))


# --- Markdown -------------------------------------------------------------------------------

def to_markdown(draft: Draft) -> str:
    lang, md = draft.lang, escape.markdown
    lines = [f"# {md(draft.title)}", "", f"**{md(draft.subtitle)}**", "", f"_{md(draft.note)}_", ""]
    lines += [f"## A. {md(_t('review.section.basis', lang))}", ""]
    lines += [f"{n}. {md(text)}" for n, text in enumerate(draft.basis, start=1)] + [""]
    lines += [f"## B. {md(_t('review.section.scope', lang))}", ""]
    lines += [f"- **{md(label)}**: {md(value)}" for label, value in draft.scope] + [""]
    lines += [md(draft.aim), ""]
    lines += [f"## C. {md(_t('review.section.steps', lang))}", ""]
    lines += [f"{n}. {md(text)}" for n, text in enumerate(draft.steps, start=1)] + [""]
    lines += [f"## D. {md(_t('review.section.results', lang))}", "", md(draft.summary), ""]
    for number, aspect in enumerate(draft.aspects, start=1):
        lines += [f"### D.{number}. {md(aspect.title)}", "", f"_{md(aspect.description)}_", ""]
        if not aspect.items:
            lines += [md(_t("review.aspect.none", lang)), ""]
        for index, item in enumerate(aspect.items, start=1):
            severity = render(f"severity.{item.severity.value}", lang)
            lines.append(f"{index}. **{md(item.code)}** {md(f'[{severity}]')} {md(item.message)}")
            lines += [f"   - {md(line)}" for line in item.evidence]
            lines += [f"   - **{md(_t('review.advice', lang))}**: {md(item.advice)}", ""]
    lines += [f"## E. {md(_t('review.section.conclusion', lang))}", "", md(draft.conclusion), "",
              f"## F. {md(_t('review.section.recommendation', lang))}", "",
              md(draft.recommendation), ""]
    lines += [md(line) + "  " for line in draft.signature]
    return "\n".join(lines).rstrip() + "\n"


# --- Word -----------------------------------------------------------------------------------

def to_docx(draft: Draft) -> bytes:
    """The draft as a .docx document (python-docx is imported here, where it is needed)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    lang, text = draft.lang, escape.docx
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2)
    document.core_properties.title = text(draft.subtitle)
    document.core_properties.author = "sakip-lint"

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(text(draft.title))
    run.bold, run.font.size = True, Pt(14)
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle.add_run(text(draft.subtitle)).bold = True
    note = document.add_paragraph()
    note.add_run(text(draft.note)).italic = True

    def heading(label: str, level: int = 1) -> None:
        document.add_heading(text(label), level=level)

    heading(f"A. {_t('review.section.basis', lang)}")
    for line in draft.basis:
        document.add_paragraph(text(line), style="List Number")
    heading(f"B. {_t('review.section.scope', lang)}")
    scope = document.add_table(rows=0, cols=2)
    scope.style = "Table Grid"
    for label, value in draft.scope:
        cells = scope.add_row().cells
        cells[0].text, cells[1].text = text(label), text(value)
        cells[0].paragraphs[0].runs[0].bold = True
    document.add_paragraph(text(draft.aim))
    heading(f"C. {_t('review.section.steps', lang)}")
    for line in draft.steps:
        document.add_paragraph(text(line), style="List Number 2")
    heading(f"D. {_t('review.section.results', lang)}")
    document.add_paragraph(text(draft.summary))
    headers = [_t(f"review.col.{name}", lang) for name in ("no", "finding", "evidence", "advice")]
    widths = (Cm(1.0), Cm(5.6), Cm(6.0), Cm(4.2))
    for number, aspect in enumerate(draft.aspects, start=1):
        heading(f"D.{number}. {aspect.title}", level=2)
        document.add_paragraph().add_run(text(aspect.description)).italic = True
        if not aspect.items:
            document.add_paragraph(text(_t("review.aspect.none", lang)))
            continue
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, header, width in zip(table.rows[0].cells, headers, widths):
            cell.text = text(header)
            cell.paragraphs[0].runs[0].bold = True
            cell.width = width
        for index, item in enumerate(aspect.items, start=1):
            cells = table.add_row().cells
            for cell, width in zip(cells, widths):
                cell.width = width
            cells[0].text = str(index)
            finding = cells[1].paragraphs[0]
            finding.add_run(text(f"{item.code} ")).bold = True
            finding.add_run(text(f"[{render(f'severity.{item.severity.value}', lang)}] "))
            finding.add_run(text(item.message))
            evidence = cells[2]
            evidence.text = text(item.evidence[0])
            for line in item.evidence[1:]:
                evidence.add_paragraph(text(line))
            cells[3].text = text(item.advice)
            for cell in cells:
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(9)
    heading(f"E. {_t('review.section.conclusion', lang)}")
    document.add_paragraph(text(draft.conclusion))
    heading(f"F. {_t('review.section.recommendation', lang)}")
    document.add_paragraph(text(draft.recommendation))
    for line in draft.signature:
        paragraph = document.add_paragraph(text(line))
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_review(content: FileContent, fmt: str) -> bytes:
    draft = build_draft(content)
    return to_docx(draft) if fmt == "docx" else to_markdown(draft).encode("utf-8")
