"""Report content is data, never markup: a report whose texts carry script, HTML, Markdown and
rich-markup payloads (fixtures/hostile/payloads.yaml) gives an HTML page that runs no script of
the data and shows every text as written — checked in the DOM Chromium builds — and review
notes (Word, Markdown) and console output that show them as written too."""

from __future__ import annotations

from html.parser import HTMLParser
from io import BytesIO

import pytest

from browser import chromium, visit
from conftest import ROOT
from sakip_lint.cli import main
from sakip_lint.engine import check_file
from sakip_lint.report.content import build
from sakip_lint.report.html import render_html
from sakip_lint.ruleset import load_ruleset

HOSTILE = ROOT / "fixtures" / "hostile" / "payloads.yaml"
RULES = load_ruleset()
# texts of the fixture as a reader must see them (YAML's escapes already read)
LITERALS = [
    "<script>alert('instansi')</script> Dinas [bold]Contoh[/bold] **tebal** `kode`",
    "<script>alert(1)</script>",
    "Sasaran </textarea></title></style><script>alert('sasaran')</script>",
    "Tujuan ](javascript:alert(1)) [x](javascript:alert(2))",
    "Tabel 2.8 <i onmouseover=x>",
    "Analisa <script>alert('tempat')</script>",
    'IK-"onmouseover=alert(3)',
    "P-<b>9</b>",
    "Capaian </p><script>alert('kutipan')</script> [bold]80[/bold] | **80** %",
    "<a href=\"javascript:alert('efisiensi')\">klik</a>",
]
# control characters are shown, not written raw
SHOWN = ["\\x1b[31mESC\\x1b[0m", "\\u202eRTL\\u202c", "\\x01kontrol", "\\x07\\x1b[2J"]


@pytest.fixture(scope="module")
def page() -> str:
    result = check_file(HOSTILE, RULES)
    assert result.usable and len(result.findings) >= 10
    return render_html([build(result, RULES, "id")], "id")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_the_page_holds_no_markup_from_the_data(page):
    parser = _Tags()
    parser.feed(page)
    names = [tag for tag, _ in parser.tags]
    assert names.count("script") == 1  # the page's own
    assert not {"iframe", "img", "object", "embed", "textarea", "i", "b"} & set(names)
    attributes = [(name, value) for _, attrs in parser.tags for name, value in attrs]
    assert not [name for name, _ in attributes if name.startswith("on")]
    assert not [value for name, value in attributes if name == "href" and value
                and value.lower().startswith("javascript")]
    text = "".join(parser.text)
    for literal in LITERALS + SHOWN:
        assert literal in text, literal
    assert not {"\x1b", "\x07", "\u202e", "\x01"} & set(page)


needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")


@needs_chromium
def test_in_chromium_no_script_of_the_data_runs_and_every_text_shows_as_written(tmp_path, page):
    pytest.importorskip("websocket", reason="the test dependency websocket-client is missing")
    path = tmp_path / "hostile.html"
    path.write_text(page, encoding="utf-8")
    seen = visit(path, expressions={
        "scripts": "document.scripts.length",
        "own": "document.scripts[0].textContent.includes('form.filters')",
        "handlers": "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
                    ".filter(a => a.name.startsWith('on')).length",
        "javascript_links": "[...document.querySelectorAll('[href]')]"
                            ".filter(e => /^\\s*javascript:/i.test(e.getAttribute('href'))).length",
        "foreign": "document.querySelectorAll('iframe, img, object, embed, textarea, "
                   "main i, main b').length",
        "title": "document.title",
        "text": "document.body.innerText",
        "svg_text": "[...document.querySelectorAll('svg.tree text, svg.tree title')]"
                    ".map(e => e.textContent).join('\\n')",
    })
    assert seen.errors == [] and seen.requests == []
    assert [entry for entry in seen.console if entry["type"] in ("error", "warning")] == []
    values = seen.values
    assert values["scripts"] == 1 and values["own"]
    assert values["handlers"] == 0 and values["javascript_links"] == 0 and values["foreign"] == 0
    assert "pwned" not in values["title"]
    body = " ".join(values["text"].split())
    for literal in LITERALS + SHOWN:
        assert " ".join(literal.split()) in body, literal
    # the drawn tree shows the entities' texts as written too
    for literal in ("<script>alert(1)</script>", "P-<b>9</b>", 'IK-"onmouseover=alert(3)'):
        assert literal in values["svg_text"]


def test_the_review_notes_show_the_texts_as_written(tmp_path, capsys):
    docx = pytest.importorskip("docx", reason="python-docx is a dependency of sakip-lint")
    out = tmp_path / "chr.docx"
    assert main(["review", str(HOSTILE), "-o", str(out)]) == 0  # control characters do not crash
    document = docx.Document(BytesIO(out.read_bytes()))
    text = "\n".join([p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells])
    for literal in LITERALS[:1] + ["Tabel 2.8 <i onmouseover=x>", "P-<b>9</b>",
                                   "Analisa <script>alert('tempat')</script>"]:
        assert literal in text, literal
    assert "\\x07\\x1b[2J" in text and "\x07" not in text  # shown, not written raw
    assert main(["review", str(HOSTILE), "--format", "markdown", "-o", "-"]) == 0
    markdown = capsys.readouterr().out
    assert "<script>" not in markdown and "<b>" not in markdown and "<i " not in markdown
    assert "&lt;script&gt;alert('instansi')&lt;/script&gt; Dinas \\[bold\\]Contoh\\[/bold\\] " \
           "\\*\\*tebal\\*\\* \\`kode\\`" in markdown
    assert "\x1b" not in markdown and "\\\\x07\\\\x1b\\[2J" in markdown


def test_the_console_shows_rich_markup_of_the_data_as_written(capsys):
    assert main(["check", str(HOSTILE), "--format", "rich"]) == 1
    out = capsys.readouterr().out
    assert "P-<b>9</b>" in out and "\x1b" not in out
    assert main(["check", str(HOSTILE), "--format", "plain"]) == 1
    assert "'Sasaran </textarea></title></style><script>alert('sasaran')</script>'" in \
        capsys.readouterr().out
