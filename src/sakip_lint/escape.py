"""Text from a data file, a rule file or a file name is data in every output: never markup,
never a control sequence.

A report is written by someone else. Its names, places and values reach the reviewer's
terminal, a Markdown page, a Graphviz or Mermaid drawing, an HTML page with inline SVG and a
Word document or an Excel workbook. Each
target has its own active characters, so each has one function here, applied at the edge —
where a finished text (a filled message, a table cell, a provenance line) is written in that
format — and never inside the message catalogue, whose texts are shared by every format.

Control characters are shown, not dropped, so a reviewer sees that the data holds them:

- C0 controls, DEL and C1 controls as ``\\xNN`` (ESC is ``\\x1b``, the one-byte CSI ``\\x9b``,
  BEL ``\\x07``), except line feed, carriage return and tab, which read ``\\n``, ``\\r`` and
  ``\\t``;
- the Unicode line and paragraph separators and the bidirectional controls (which reorder
  what is displayed, as in "Trojan Source") as ``\\uNNNN``, and so the lone surrogates that
  stand for the bytes of a file name that is not UTF-8 (``\\udcff`` for byte 0xff), which
  could not be written at all.

A backslash of the data is left as it is in plain text, so ``\\x1b`` typed as four characters
reads the same as an escaped ESC: the point is that nothing reaches the terminal raw, and a
Windows path stays readable. In multi-line blocks (a rule's documentation) line feeds and tabs
are kept.
"""

from __future__ import annotations

import html as _html
import json as _json
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported by the rich output only
    from rich.text import Text

# Bidirectional controls: ALM, LRM, RLM, the embeddings and overrides, the isolates.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_SURROGATES = "\ud800-\udfff"
_INVISIBLE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")
_INVISIBLE_IN_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object, block: bool = False) -> str:
    """``text`` with every control character written out (see the module's docstring);
    ``block`` keeps line feeds and tabs, for multi-line text."""
    return (_INVISIBLE_IN_BLOCK if block else _INVISIBLE).sub(_shown, str(text))


def plain(text: object, block: bool = False) -> str:
    """Plain text for a terminal or a log: one finding stays one line."""
    return visible(text, block)


def rich(text: object) -> Text:
    """A rich ``Text``: printed as it is, so ``[/]``, ``[sic]``, ``[link=…]`` and
    ``:emoji:`` codes are text, not markup (rich parses only ``str``)."""
    from rich.text import Text

    return Text(visible(text))


_MARKDOWN_ACTIVE = re.compile(r"[\\`\[\]|*_~]")
_HTML_ACTIVE = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# GitHub's autolinks: a scheme's "://" and a "www." that starts a word. Their ':' and '.' are
# escaped (a backslash before punctuation shows the punctuation), which GitHub then does not
# read as a link; an e-mail address stays a mailto link in GitHub's renderer whatever is
# escaped in it (it links what it shows: nothing is hidden behind it).
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<![A-Za-z0-9])(?i:www)\.")


def _html_escaped(text: str) -> str:
    return re.sub(r"[&<>]", lambda match: _HTML_ACTIVE[match.group()], text)


def markdown(text: object) -> str:
    """Text for a Markdown page or a cell of a Markdown table: no raw HTML (``<script>``,
    ``<img onerror>``), no link, autolink or image, no code span, no emphasis or strikethrough
    and no ``|`` that would split a table cell; a trailing backslash cannot escape the cell's
    border. What GitHub renders is the text as written (tests/test_bad_inputs.py renders it)."""
    shown = _html_escaped(visible(text))
    shown = _MARKDOWN_ACTIVE.sub(lambda match: "\\" + match.group(), shown)
    return _AUTOLINK.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], shown)


def markdown_block(text: object) -> str:
    """A rule writer's own Markdown (a rule's documentation) for a Markdown page: its Markdown
    syntax is kept, but not raw HTML — the rule file is data for the page's reader too."""
    return _html_escaped(visible(text, block=True))


def markdown_fence(text: str) -> str:
    """A fence for a code block holding ``text``: longer than any run of backticks in it, so
    the text cannot close the block and go on as Markdown."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def html(text: object) -> str:
    """Text for an HTML element or a quoted attribute, and for the SVG drawn inline in the
    page (quotes are escaped, so an attribute cannot be closed from the data)."""
    return _html.escape(visible(text), quote=True)


_NOT_XML = re.compile("[\ufffe\uffff]")


def docx(text: object, block: bool = False) -> str:
    """Text for a Word document (python-docx writes it into XML and escapes ``&<>`` itself):
    the control characters XML cannot hold, which would make python-docx refuse the text, are
    shown as for the terminal, and so are U+FFFE and U+FFFF, which XML cannot hold either.
    ``block`` keeps line feeds and tabs (python-docx makes them breaks and tabs)."""
    return xml(text, block)


def xml(text: object, block: bool = False) -> str:
    """Text for an XML document whose writer escapes ``&<>"`` itself (ElementTree for JUnit,
    python-docx for Word): no character XML 1.0 cannot hold."""
    return _NOT_XML.sub(lambda match: f"\\u{ord(match.group()):04x}", visible(text, block))


SPREADSHEET_CELL_CHARS = 32_767  # Excel's limit: a longer cell makes it call the file damaged


def spreadsheet(text: str) -> str:
    """Text for a spreadsheet cell: no character XML cannot hold (openpyxl refuses them), and
    no more than a cell holds, cut with how much is left out. The cell is written as a string
    by its writer (``xlsx_export``), so ``=HYPERLINK(...)`` from the data stays text."""
    shown = xml(text)
    if len(shown) <= SPREADSHEET_CELL_CHARS:
        return shown
    keep = SPREADSHEET_CELL_CHARS - 40
    return f"{shown[:keep]}…(+{len(shown) - keep})"


def github_message(text: object) -> str:
    """The message of a GitHub workflow command (``::error ...::message``): ``%``, CR and LF
    are percent-encoded as the runner expects, after every control character is shown."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: object) -> str:
    """A property value of a workflow command (``file=``, ``title=``): also ``:`` and ``,``,
    which would end the value."""
    return github_message(text).replace(":", "%3A").replace(",", "%2C")


def dot(text: object) -> str:
    """The inside of a Graphviz double-quoted string. A backslash is doubled, so a name
    ending in ``\\`` cannot escape the closing quote and ``\\N`` or ``\\G`` in a name are not
    Graphviz substitutions; join lines of a label with a literal ``\\n`` after escaping."""
    return visible(text).replace("\\", "\\\\").replace('"', '\\"')


def dot_string(text: object) -> str:
    """A complete Graphviz double-quoted string (an id or an attribute value)."""
    return f'"{dot(text)}"'


def dot_id(text: object) -> str:
    """A Graphviz node id: a double-quoted string that is different for different texts. The
    backslashes of the text are doubled before its control characters are written out, so an
    ESC (shown ``\\x1b``) and the four characters ``\\x1b`` typed in an id stay two nodes."""
    return dot_string(str(text).replace("\\", "\\\\"))


_MERMAID_ACTIVE = re.compile(r'[&<>"#|`;\[\]{}()]')


def mermaid(text: object) -> str:
    """Text inside a Mermaid ``["…"]`` label or ``|…|`` edge label: characters Mermaid or
    its HTML labels would read are written as Mermaid entity codes (``#60;`` for ``<``)."""
    return _MERMAID_ACTIVE.sub(lambda match: f"#{ord(match.group())};", visible(text))


_INVISIBLE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{_BIDI}{_SURROGATES}]")


def json_dumps(document: object, indent: int | None = None) -> str:
    """JSON in UTF-8, on one line (the C encoder of ``json``) or indented by ``indent`` spaces
    when asked, with what ``json.dumps`` leaves raw — DEL, C1 (a terminal may read U+009B as
    CSI), the line separators, bidi controls and lone surrogates (which cannot be written as
    UTF-8) — written as ``\\uNNNN`` escapes: the same data, safe to print. They can only stand
    inside strings, so replacing them in the finished text is exact (and so is replacing them
    in a piece of a document)."""
    text = _json.dumps(document, ensure_ascii=False, indent=indent)
    return json_safe(text)


def json_safe(text: str) -> str:
    """Finished JSON text with the characters above written as escapes."""
    if _INVISIBLE_IN_JSON.search(text) is None:
        return text
    return _INVISIBLE_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
