"""Reading a Word document (.docx) into paragraphs and table grids, with python-docx.

python-docx opens the package (relationships, styles, numbering) and checks that it is a
Word document; the body is then walked element by element, because what a report means is in
details its object model smooths over: a cell merged down over the rows below (``vMerge``)
or across columns (``gridSpan``), header rows marked to repeat after a page break
(``tblHeader``), the number Word draws in front of an automatically numbered list item, and
text inside revision marks or content controls.
"""

from __future__ import annotations

import io
import re

from sakip_lint.importing.document import Cell, Document, Paragraph, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def _tag(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(element, name: str) -> str | None:
    return None if element is None else element.get(_tag(name))


HEADING_STYLE = re.compile(r"^(?:heading|judul)\s*(\d)$", re.IGNORECASE)
CAPTION_STYLES = {"caption", "keterangan", "judul tabel", "table caption"}


def read_docx(content: bytes) -> Document:
    """The blocks of a Word document in reading order (raises what python-docx raises for a
    package it cannot open; ``importing.read`` turns that into a located problem)."""
    import docx

    opened = docx.Document(io.BytesIO(content))
    styles = _Styles(opened)
    numbering = _Numbering(opened)
    reader = _BodyReader(styles, numbering)
    reader.walk(opened.element.body)
    return Document("docx", tuple(reader.blocks))


class _Styles:
    """Paragraph styles by id: their name, heading level and the numbering they carry."""

    def __init__(self, opened) -> None:
        self.names: dict[str, str] = {}
        self.levels: dict[str, int] = {}
        self.numbering: dict[str, tuple[str, int]] = {}
        self.based_on: dict[str, str] = {}
        root = opened.styles.element
        for style in root.findall(_tag("style")):
            ident = style.get(_tag("styleId")) or ""
            name = _val(style.find(_tag("name")), "val") or ident
            self.names[ident] = name
            based = _val(style.find(_tag("basedOn")), "val")
            if based:
                self.based_on[ident] = based
            match = HEADING_STYLE.match(name.strip()) or HEADING_STYLE.match(ident)
            outline = style.find(f"{_tag('pPr')}/{_tag('outlineLvl')}")
            if match:
                self.levels[ident] = int(match.group(1))
            elif outline is not None and (_val(outline, "val") or "").isdigit():
                level = int(_val(outline, "val")) + 1
                if level <= 9:
                    self.levels[ident] = level
            num = style.find(f"{_tag('pPr')}/{_tag('numPr')}")
            if num is not None:
                num_id = _val(num.find(_tag("numId")), "val")
                ilvl = _val(num.find(_tag("ilvl")), "val") or "0"
                if num_id:
                    self.numbering[ident] = (num_id, int(ilvl) if ilvl.isdigit() else 0)

    def name(self, ident: str) -> str:
        return self.names.get(ident, ident)

    def level(self, ident: str) -> int:
        seen = set()
        while ident and ident not in seen:
            seen.add(ident)
            if ident in self.levels:
                return self.levels[ident]
            ident = self.based_on.get(ident, "")
        return 0

    def list_numbering(self, ident: str) -> tuple[str, int] | None:
        seen = set()
        while ident and ident not in seen:
            seen.add(ident)
            if ident in self.numbering:
                return self.numbering[ident]
            ident = self.based_on.get(ident, "")
        return None


ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    text = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def _format_counter(number: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(number)
    if fmt == "upperLetter":
        return _letters(number).upper()
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


class _Numbering:
    """Word's automatic list numbers: the counters of each list and the text each level
    draws (``%1.``, ``(%2)``, ``a.``), so an item reads as it is printed."""

    def __init__(self, opened) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            part = opened.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for definition in root.findall(_tag("abstractNum")):
            levels = {}
            for lvl in definition.findall(_tag("lvl")):
                ilvl = lvl.get(_tag("ilvl")) or "0"
                fmt = _val(lvl.find(_tag("numFmt")), "val") or "decimal"
                text = _val(lvl.find(_tag("lvlText")), "val") or ""
                start = _val(lvl.find(_tag("start")), "val") or "1"
                if ilvl.isdigit():
                    levels[int(ilvl)] = (fmt, text, int(start) if start.isdigit() else 1)
            abstract[definition.get(_tag("abstractNumId")) or ""] = levels
        for num in root.findall(_tag("num")):
            ident = num.get(_tag("numId")) or ""
            abstract_id = _val(num.find(_tag("abstractNumId")), "val") or ""
            self.levels[ident] = abstract.get(abstract_id, {})

    def next(self, num_id: str, ilvl: int) -> str | None:
        """The number the next item of list ``num_id`` at level ``ilvl`` draws (None for a
        bullet or an unknown list)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return None
        counters = self.counters.setdefault(num_id, [0] * 10)
        fmt, _, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt in ("bullet", "none"):
            return None
        text = levels[ilvl][1]
        for level in range(ilvl + 1):
            level_fmt = levels.get(level, ("decimal", "", 1))[0]
            value = counters[level] or levels.get(level, ("decimal", "", 1))[2]
            text = text.replace(f"%{level + 1}", _format_counter(value, level_fmt))
        return text.strip() or None


def _text_of(element) -> str:
    """The visible text of a paragraph: runs, tabs and breaks, without deleted revisions,
    field instructions or the text of nested tables (those are read as cells)."""
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == _tag("t"):
            if not _inside(node, element, ("del",)):
                parts.append(node.text or "")
        elif tag == _tag("tab"):
            parts.append("\t")
        elif tag in (_tag("br"), _tag("cr")):
            if node.get(_tag("type")) != "page":
                parts.append("\n")
        elif tag == _tag("noBreakHyphen"):
            parts.append("-")
    return "".join(parts)


def _inside(node, stop, names: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tuple(_tag(name) for name in names):
            return True
        parent = parent.getparent()
    return False


def _all_bold(element) -> bool:
    runs = [run for run in element.iter(_tag("r")) if "".join(t.text or "" for t in run.iter(_tag("t"))).strip()]
    if not runs:
        return False
    for run in runs:
        bold = run.find(f"{_tag('rPr')}/{_tag('b')}")
        if bold is None or (_val(bold, "val") or "true") in ("0", "false"):
            return False
    return True


class _BodyReader:
    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles = styles
        self.numbering = numbering
        self.blocks: list[Paragraph | Table] = []
        self.paragraph_count = 0
        self.table_count = 0

    def walk(self, container) -> None:
        for child in container:
            if child.tag == _tag("p"):
                self.blocks.append(self.paragraph(child))
            elif child.tag == _tag("tbl"):
                table = self.table(child)
                if table.width:  # a table of no cells holds nothing to read
                    self.blocks.append(table)
            elif child.tag in (_tag("sdt"), _tag("customXml")):
                content = child.find(_tag("sdtContent"))
                self.walk(content if content is not None else child)

    def paragraph(self, element) -> Paragraph:
        self.paragraph_count += 1
        properties = element.find(_tag("pPr"))
        style_id = _val(properties.find(_tag("pStyle")), "val") if properties is not None else None
        style_id = style_id or ""
        name = self.styles.name(style_id)
        level = self.styles.level(style_id)
        outline = properties.find(_tag("outlineLvl")) if properties is not None else None
        if outline is not None and (_val(outline, "val") or "").isdigit() and int(_val(outline, "val")) < 9:
            level = int(_val(outline, "val")) + 1
        numbering = None
        num = properties.find(_tag("numPr")) if properties is not None else None
        if num is not None:
            num_id = _val(num.find(_tag("numId")), "val")
            ilvl = _val(num.find(_tag("ilvl")), "val") or "0"
            if num_id:
                numbering = (num_id, int(ilvl) if ilvl.isdigit() else 0)
        elif style_id:
            numbering = self.styles.list_numbering(style_id)
        number, list_level = None, 0
        styled = re.search(r"(\d)\s*$", name) if name.lower().startswith("list") else None
        if numbering is not None and numbering[0] != "0":
            number = self.numbering.next(*numbering)
            list_level = max(numbering[1] + 1, int(styled.group(1)) if styled else 1)
        elif name.lower().startswith("list"):
            list_level = int(styled.group(1)) if styled else 1
        caption = name.strip().lower() in CAPTION_STYLES or style_id.lower() == "caption"
        return Paragraph(index=self.paragraph_count, text=_text_of(element), style=name,
                         level=level, list_level=list_level, number=number, caption=caption,
                         bold=_all_bold(element))

    def table(self, element) -> Table:
        self.table_count += 1
        grid_columns = len(element.findall(f"{_tag('tblGrid')}/{_tag('gridCol')}"))
        rows: list[list[Cell]] = []
        header_rows, in_header = 0, True
        for tr in element.findall(_tag("tr")):
            properties = tr.find(_tag("trPr"))
            before = _val(properties.find(_tag("gridBefore")), "val") if properties is not None else None
            row: list[Cell] = [Cell("", True, True) for _ in range(int(before) if before and before.isdigit() else 0)]
            for tc in tr.findall(_tag("tc")):
                self._cell(tc, row, rows)
            rows.append(row)
            header = properties is not None and properties.find(_tag("tblHeader")) is not None
            if header and in_header:
                header_rows += 1
            else:
                in_header = False
        width = max([grid_columns] + [len(row) for row in rows])
        grid = tuple(tuple(row + [Cell("", True, True)] * (width - len(row))) for row in rows)
        return Table(index=self.table_count, rows=grid, header_rows=header_rows)

    def _cell(self, tc, row: list[Cell], rows: list[list[Cell]]) -> None:
        properties = tc.find(_tag("tcPr"))
        span = _val(properties.find(_tag("gridSpan")), "val") if properties is not None else None
        span = int(span) if span and span.isdigit() and 0 < int(span) <= 1000 else 1
        merge = properties.find(_tag("vMerge")) if properties is not None else None
        column = len(row)
        if merge is not None and _val(merge, "val") != "restart" and rows:
            above = rows[-1][column] if column < len(rows[-1]) else Cell("")
            text, top = above.text, False
        else:
            paragraphs = [_text_of(p) for p in tc.iter(_tag("p"))]
            text, top = "\n".join(paragraphs), True
        for offset in range(span):
            row.append(Cell(text, top=top, left=offset == 0))
