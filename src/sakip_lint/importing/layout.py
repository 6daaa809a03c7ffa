"""The shape of a document: its sections, and its tables with their captions.

A section is a heading and what stands under it until the next heading of its level or
above. A table belongs to the caption just above it (Word's caption style, or a paragraph
reading ``Tabel 2.8 ...``, possibly with the title on the next line, or a short bold line
such as ``Perbandingan Realisasi Kinerja.``); a table without one belongs to its section. A
table cut by a page break is one table: the part after it follows under a ``Lanjutan Tabel
3.1`` caption or repeats the header rows. Lines starting ``Sumber:``, ``Keterangan:`` or
``*)`` right under a table are its footnotes, not prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sakip_lint.importing.document import Document, Paragraph, Table
from sakip_lint.importing.headers import header_depth
from sakip_lint.importing.text import clean

CAPTION_NUMBER = re.compile(r"^\s*(?:tabel|table|tbl\.?)\s*(?P<number>[0-9]+(?:[.\-][0-9]+)*[a-z]?)\b[.:]?\s*(?P<title>.*)$",
                            re.IGNORECASE | re.DOTALL)
CONTINUED = re.compile(r"\blanjutan\b|\(lanj|\bsambungan\b|\(cont", re.IGNORECASE)
FOOTNOTE = re.compile(r"^\s*(sumber\s*(data)?\s*:|keterangan\s*:|ket\.?\s*:|catatan\s*:|\*+\s*\)|\*\s)", re.IGNORECASE)
SECTION_NUMBER = re.compile(
    r"^(?P<number>BAB\s+[IVXLC]+\b\.?|\d+(?:\.\d+)+\.?|\d+\.|[IVXLC]+\.|[a-zA-Z]\.|\(\w{1,4}\))\s+(?P<title>\S.*)$",
    re.DOTALL)


@dataclass(eq=False)
class Section:
    """A heading and the paragraphs and untitled tables directly under it."""

    heading: Paragraph | None
    level: int
    parent: Section | None
    number: str | None = None  # as printed: 'BAB III', '2.1.8', '3.3.', 'I.', '1.'
    title: str = ""
    body: list[Paragraph] = field(default_factory=list)
    tables: list[LogicalTable] = field(default_factory=list)  # untitled tables in it
    children: list[Section] = field(default_factory=list)
    captioned: list[LogicalTable] = field(default_factory=list)  # titled tables in it

    @property
    def text(self) -> str:
        return clean(self.heading.text) if self.heading else ""

    def chain(self) -> list[Section]:
        """This section and the sections around it, innermost first."""
        found, section = [], self
        while section is not None:
            found.append(section)
            section = section.parent
        return found

    @property
    def outline(self) -> str | None:
        """The decimal number of the nearest numbered section around this one ('3.3')."""
        for section in self.chain():
            if section.number and re.fullmatch(r"\d+(\.\d+)+\.?", section.number):
                return section.number.rstrip(".")
        return None


@dataclass(eq=False)
class LogicalTable:
    """A table as the report means it: one or more parts (cut by page breaks), its caption,
    the section it stands in, the sentences leading to it and its footnotes."""

    parts: list[Table]
    section: Section
    caption: list[Paragraph] = field(default_factory=list)
    lead_in: list[Paragraph] = field(default_factory=list)
    footnotes: list[Paragraph] = field(default_factory=list)

    @property
    def caption_text(self) -> str:
        return clean(" ".join(p.text for p in self.caption))

    @property
    def number(self) -> str | None:
        """'Tabel 3.1' when the caption prints a table number."""
        match = CAPTION_NUMBER.match(self.caption_text)
        return f"Tabel {match.group('number')}" if match else None

    @property
    def title(self) -> str:
        match = CAPTION_NUMBER.match(self.caption_text)
        title = match.group("title") if match else self.caption_text
        return clean(CONTINUED.sub("", title)) if CONTINUED.search(title or "") else clean(title)


@dataclass
class Layout:
    root: Section
    sections: list[Section]
    tables: list[LogicalTable]


def _is_heading(paragraph: Paragraph, text: str) -> int:
    """The heading level of a paragraph (0 for body text): its style's, or for a report
    typed without heading styles, a short bold line numbered like a section."""
    if paragraph.level:
        return paragraph.level
    if paragraph.bold and len(text) <= 200 and not paragraph.list_level:
        match = SECTION_NUMBER.match(text)
        if match:
            number = match.group("number")
            if number.upper().startswith("BAB"):
                return 1
            if re.fullmatch(r"\d+(\.\d+)+\.?", number):
                return number.rstrip(".").count(".") + 1
    return 0


def _looks_like_caption(paragraph: Paragraph, text: str, before_table: bool) -> bool:
    if CONTINUED.search(text) and (CAPTION_NUMBER.match(text) or paragraph.caption) and len(text) <= 250:
        return True
    if paragraph.caption and len(text) <= 300:
        return True
    if CAPTION_NUMBER.match(text) and len(text) <= 250:
        return True
    return (before_table and paragraph.bold and len(text) <= 120 and not text.endswith(":")
            and not paragraph.list_level)


def read_layout(document: Document) -> Layout:
    blocks = list(document.blocks)
    next_kind = [None] * len(blocks)  # what the next non-empty block is: 'table' or 'text'
    upcoming = None
    for position in range(len(blocks) - 1, -1, -1):
        next_kind[position] = upcoming
        block = blocks[position]
        if isinstance(block, Table):
            upcoming = "table"
        elif clean(block.text):
            upcoming = "text"
    root = Section(None, 0, None)
    sections, tables = [root], []
    current = root
    pending: list[Paragraph] = []
    last: LogicalTable | None = None
    recent: list[Paragraph] = []  # body paragraphs since the last table or heading
    for position, block in enumerate(blocks):
        if isinstance(block, Table):
            last = _place_table(block, pending, last, current, recent, tables)
            pending, recent = [], []
            continue
        text = clean(block.text)
        if not text:
            continue
        level = _is_heading(block, text)
        if level:
            current.body.extend(pending)
            current = _open_section(block, text, level, current, sections)
            pending, last, recent = [], None, []
            continue
        before_table = next_kind[position] == "table" or (
            next_kind[position] == "text" and pending == [] and CAPTION_NUMBER.fullmatch(text)
            and _followed_by_table(blocks, position))
        if _looks_like_caption(block, text, before_table) and (before_table or pending):
            pending.append(block)
            continue
        if last is not None and FOOTNOTE.match(text):
            last.footnotes.append(block)
            continue
        current.body.extend(pending)
        current.body.append(block)
        recent.extend(pending + [block])
        pending, last = [], None
    current.body.extend(pending)
    return Layout(root, sections, tables)


def _followed_by_table(blocks, position: int) -> bool:
    """A caption printed as 'Tabel 2.7' with its title on the next line, then the table."""
    seen_text = 0
    for block in blocks[position + 1:]:
        if isinstance(block, Table):
            return seen_text <= 1
        if clean(block.text):
            seen_text += 1
            if seen_text > 1:
                return False
    return False


def _open_section(paragraph: Paragraph, text: str, level: int, current: Section,
                  sections: list[Section]) -> Section:
    parent = current
    while parent.parent is not None and parent.level >= level:
        parent = parent.parent
    match = SECTION_NUMBER.match(text)
    number, title = (match.group("number"), clean(match.group("title"))) if match else (None, text)
    section = Section(paragraph, level, parent, number, title)
    parent.children.append(section)
    sections.append(section)
    return section


def _same_header(first: Table, second: Table) -> bool:
    depth = header_depth(first)
    if depth == 0 or len(second.rows) <= depth or first.width != second.width:
        return False
    return all([clean(c.text) for c in first.rows[r]] == [clean(c.text) for c in second.rows[r]]
               for r in range(depth))


def _place_table(table: Table, caption: list[Paragraph], last: LogicalTable | None,
                 section: Section, recent: list[Paragraph], tables: list[LogicalTable]) -> LogicalTable:
    caption_text = clean(" ".join(p.text for p in caption))
    if caption and CONTINUED.search(caption_text):
        match = CAPTION_NUMBER.match(CONTINUED.sub("", caption_text).strip(" ()"))
        wanted = f"Tabel {match.group('number')}" if match else None
        if match is None and CAPTION_NUMBER.search(caption_text):
            found = re.search(r"(?:tabel|table)\s*([0-9]+(?:[.\-][0-9]+)*)", caption_text, re.IGNORECASE)
            wanted = f"Tabel {found.group(1)}" if found else None
        target = next((t for t in reversed(tables) if wanted and t.number == wanted), last or (tables[-1] if tables else None))
        if target is not None:
            target.parts.append(table)
            return target
    if not caption and last is not None and _same_header(last.parts[0], table):
        last.parts.append(table)
        return last
    logical = LogicalTable([table], section, list(caption), list(recent[-3:]))
    tables.append(logical)
    if caption:
        section.captioned.append(logical)
    else:
        section.tables.append(logical)
    return logical
