"""The reviewer's HTML report: chapters of places, the tree layout, the page's content, and
the page as Chromium renders it (no console error, no network request, everything in the DOM,
a screenshot kept as an artifact)."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import chromium, visit
from conftest import FIXTURE, ROOT
from sakip_lint.cli import main
from sakip_lint.engine import check_file
from sakip_lint.findings import Severity
from sakip_lint.loader import load_report
from sakip_lint.report.chapters import APPENDIX, FRONT, NO_PLACE, Chapter, chapter_by_name, chapters
from sakip_lint.report.content import anchor, build, printed_value
from sakip_lint.report.html import render_html
from sakip_lint.report.tree_layout import Spacing, _isotonic, layout
from sakip_lint.ruleset import load_ruleset

RULES = load_ruleset()
ARTIFACTS = Path(os.environ.get("SAKIP_LINT_ARTIFACTS", ROOT / "build" / "artifacts"))


@pytest.fixture(scope="module")
def kaltim():
    result = check_file(FIXTURE, RULES)
    return result, build(result, RULES, "id")


# --- chapters ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name, order", [
    ("Tabel 3.1", 3), ("3.3 Sasaran 1 Renstra", 3), ("2.1.4", 2), ("1.6", 1), ("Bab IV", 4),
    ("BAB 2 Perencanaan", 2), ("Gambar 2.1", 2), ("Lampiran 1", APPENDIX),
    ("Ringkasan Eksekutif", FRONT), ("Daftar Tabel", FRONT), ("Kata Pengantar", FRONT),
    ("Analisa Efisiensi", None), ("Tabel Evaluasi", None),
])
def test_a_place_name_says_its_chapter(name, order):
    found = chapter_by_name(name)
    assert (found.order if found else None) == order


def test_a_place_without_a_number_is_in_the_chapter_of_the_place_before_it():
    report = load_report(FIXTURE).loaded.report
    found = chapters(report)
    # the data file lists 'Analisa Efisiensi' after '3.3 Sasaran 12 Renstra', before Tabel 3.5
    assert found["Analisa Efisiensi"] == Chapter(3)
    assert found["Ringkasan Eksekutif"] == Chapter(FRONT)  # before any numbered place
    assert found["Tabel 2.8"] == Chapter(2) and found["1.6"] == Chapter(1)
    assert Chapter(3).title("id") == "Bab III Akuntabilitas Kinerja"
    assert Chapter(3).title("en").startswith("Chapter III")


def test_findings_are_grouped_by_chapter_then_place_then_severity(kaltim):
    result, content = kaltim
    orders = [group.chapter.order for group in content.chapters]
    assert orders == sorted(orders) and orders[-1] == NO_PLACE
    assert sum(len(place.findings) for group in content.chapters for place in group.places) \
        == len(result.findings) == 70
    for group in content.chapters:
        for place in group.places:
            ranks = [view.severity.rank for view in place.findings]
            assert ranks == sorted(ranks, reverse=True), place.place
    third = next(group for group in content.chapters if group.chapter.order == 3)
    assert "Tabel 3.5" in [place.place for place in third.places]


# --- what a finding carries ---------------------------------------------------------------------

def test_a_finding_shows_the_values_it_compares_and_the_computation(kaltim):
    _, content = kaltim
    wrong = next(v for v in content.findings if v.finding.code == "CAP001" and v.place == "Tabel 3.5")
    # Tabel 3.5 prints 100 for S-01; its one indicator IK-01 reached 'Tinggi' of 'Sangat Tinggi'
    # on the scale Rendah < Sedang < Tinggi < Sangat Tinggi: 3 / 4 * 100 = 75
    assert (wrong.finding.found, wrong.finding.expected) == ("100", "75,00")
    assert wrong.at.value == "100" and wrong.at.where == "Tabel 3.5, sasaran S-01"
    text = " | ".join(wrong.computation)
    assert "rata-rata capaian indikator" in text and "IK-01 75,00" in text and "75" in text
    assert wrong.advice.startswith("Hitung ulang capaian sasaran S-01 di Tabel 3.5")
    assert "75,00" in wrong.advice
    swapped = next(v for v in content.findings if v.finding.code == "BUD007")
    # 11 rows of Tabel 3.7 are swapped: the other 10 rows' percentages are related, each with
    # its printed value (and the pagu and realisasi cells they were computed from)
    percentages = [cell for cell in swapped.related
                   if cell.location.pointer.endswith("/persen_anggaran")]
    assert len(percentages) == 10 and all(cell.value for cell in swapped.related)
    measured = next(v for v in content.findings if v.finding.code == "CAP002")
    # 429 / 610 * 100 = 70,3278...: the formula, the two cells and both results are shown
    assert any("realisasi / target * 100" in line for line in measured.computation)
    assert any("target = 610" in line and "realisasi = 429" in line for line in measured.computation)
    assert any("70,3279" in line and "70,33" in line for line in measured.computation)


def test_printed_values_are_read_at_their_path(kaltim):
    result, _ = kaltim
    report = result.loaded.report
    assert printed_value(report, ("tempat", "Tabel 3.1", "baris", "1", "target")) == "Sangat Tinggi"
    assert printed_value(report, ("tempat", "Tabel 3.1", "baris", "0", "target")) is None  # a sasaran row
    assert printed_value(report, ("tabel", "11", "baris", "5", "2")) == "70,75"  # Tabel 3.4, 2013 score
    assert printed_value(report, ("tempat", "Nowhere", "baris", "0")) is None
    assert printed_value(report, ("tempat", "Tabel 3.1", "baris", "999", "target")) is None


def test_anchors_are_unique_and_made_of_safe_characters():
    made = {anchor("f1", ident) for ident in ("IK-01", "IK_01", "IK 01", 'IK-"x', "IK-_22_x")}
    assert len(made) == 5
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", value) for value in made)


# --- the layout of the tree ---------------------------------------------------------------------

def test_boxes_keep_their_order_and_spacing_as_near_as_possible():
    tops = _isotonic([100, 0, 50], [20, 20, 20], 10)
    assert all(b - a >= 30 - 1e-9 for a, b in zip(tops, tops[1:]))
    # [100, 0, 50] cannot keep its order: the least-squares tops under it are 20, 50, 80
    assert [round(t) for t in tops] == [20, 50, 80]


def test_a_link_that_skips_a_level_passes_between_the_boxes_of_that_level():
    levels = [["S"], ["I1", "I2", "I3"], ["P"]]
    heights = {node: 40 for level in levels for node in level}
    links = [("S", "I1"), ("S", "I2"), ("S", "I3"), ("S", "P")]
    placed = layout(levels, heights, links, Spacing())
    route = next(r for r in placed.routes if r.child == "P")
    assert len(route.points) == 4  # in and out of the indicator column
    y = route.points[1][1]
    assert not any(box.y < y < box.y + box.height for box in
                   (placed.boxes[name] for name in ("I1", "I2", "I3")))
    for column in levels:
        boxes = sorted((placed.boxes[name] for name in column), key=lambda box: box.y)
        assert all(b.y >= a.y + a.height for a, b in zip(boxes, boxes[1:]))


# --- the page ---------------------------------------------------------------------------------

class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(page: str) -> list[tuple[str, dict]]:
    parser = _Elements()
    parser.feed(page)
    return parser.tags


def test_the_page_is_self_contained_and_holds_every_finding(kaltim):
    result, content = kaltim
    page = render_html([content], "id")
    tags = elements(page)
    assert [tag for tag, _ in tags].count("script") == 1
    assert not any(attrs.get("src") for _, attrs in tags)
    external = [attrs["href"] for tag, attrs in tags if tag in ("a", "link") and "href" in attrs
                and not attrs["href"].startswith(("#", "data:"))]
    assert external == []
    policy = next(attrs["content"] for tag, attrs in tags
                  if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    links = {attrs["href"][1:] for _, attrs in tags if attrs.get("href", "").startswith("#")}
    assert links <= set(ids), links - set(ids)  # every internal link has its target
    articles = [attrs for tag, attrs in tags if tag == "article"]
    assert len(articles) == len(result.findings) == 70
    assert sum(1 for a in articles if a["data-severity"] == "error") == 21


def test_the_report_command_writes_the_page_and_says_where(tmp_path, capsys):
    out = tmp_path / "laporan.html"
    assert main(["report", str(FIXTURE), "--html", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().err
    page = out.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Findings by entity" in page
    assert main(["report", str(FIXTURE), "--html", str(tmp_path / "no" / "such" / "dir.html")]) == 2
    assert "Tidak dapat menulis" in capsys.readouterr().err


needs_chromium = pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (.ci/run installs Debian's chromium); "
                               "the report is then checked without a browser only")


@needs_chromium
def test_chromium_renders_the_kaltim_report(tmp_path, capsys):
    pytest.importorskip("websocket", reason="the test dependency websocket-client is missing")
    page = tmp_path / "kaltim-2017.html"
    assert main(["report", str(FIXTURE), "--html", str(page)]) == 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screenshot = ARTIFACTS / "report-kaltim-2017.png"
    (ARTIFACTS / "report-kaltim-2017.html").write_bytes(page.read_bytes())
    seen = visit(page, screenshot, {
        "findings": "document.querySelectorAll('article.finding').length",
        "errors": "document.querySelectorAll('article.finding[data-severity=error]').length",
        "tables": "document.querySelectorAll('table.data').length",
        "marked": "document.querySelectorAll('td.differs').length",
        "nodes": "document.querySelectorAll('svg.tree g.node').length",
        "linked_nodes": "document.querySelectorAll('svg.tree a g.node').length",
        "conflicts": "document.querySelectorAll('svg.tree path.conflict').length",
        "filters_shown": "!document.querySelector('form.filters').hidden",
        "shown": "document.querySelector('form.filters output').textContent",
        "only_errors": """(() => {
            const form = document.querySelector('form.filters');
            form.querySelectorAll('input[name=severity]').forEach(box => {
              box.checked = box.value === 'error'; });
            form.dispatchEvent(new Event('change'));
            return [document.querySelectorAll('article.finding:not([hidden])').length,
                    form.querySelector('output').textContent];
        })()""",
        "search": """(() => {
            const form = document.querySelector('form.filters');
            form.querySelectorAll('input[name=severity]').forEach(box => { box.checked = true; });
            form.querySelector('input[name=q]').value = 'Koodinasi';
            form.dispatchEvent(new Event('input'));
            const all = [...document.querySelectorAll('article.finding')];
            return [all.filter(a => !a.hidden).length,
                    all.filter(a => a.textContent.toLowerCase().includes('koodinasi')).length];
        })()""",
        "rule": """(() => {
            const form = document.querySelector('form.filters');
            form.querySelector('input[name=q]').value = '';
            form.querySelector('select[name=rule]').value = 'GRF014';
            form.dispatchEvent(new Event('change'));
            return [...document.querySelectorAll('article.finding:not([hidden])')]
              .map(a => a.getAttribute('data-code'));
        })()""",
        "width": "document.documentElement.scrollWidth",
    })
    with capsys.disabled():
        print(f"\nscreenshot of the Kaltim HTML report: {screenshot}")
    assert screenshot.stat().st_size > 50_000
    assert seen.errors == []
    assert [entry for entry in seen.console if entry["type"] in ("error", "warning")] == []
    assert seen.requests == []
    values = seen.values
    assert values["findings"] == 70 and values["errors"] == 21
    assert values["tables"] >= 5  # indicators, sasaran, overall, Tabel 3.5, Tabel 3.7
    assert values["marked"] > 10
    graph = check_file(FIXTURE, RULES).context.graph
    drawn = sum(1 for kind in ("visi", "misi", "tujuan", "sasaran", "indikator", "program")
                for _ in graph.nodes_of(kind))
    assert values["nodes"] == drawn and 0 < values["linked_nodes"] < drawn
    assert values["conflicts"] >= 3  # P-01, P-05, P-21 mapped elsewhere in 3.3 (GRF007)
    assert values["filters_shown"] and values["shown"] == "70 dari 70 temuan ditampilkan"
    assert values["only_errors"] == [21, "21 dari 70 temuan ditampilkan"]
    # the search is case-blind and keeps exactly the findings whose text holds the word (the
    # typo 'koodinasi' of S-08: its GRF014 finding, and rule explanations that quote it)
    shown, holding = values["search"]
    assert shown == holding and 0 < shown < 70
    # four sasaran names are misspelt (S-05, S-08, S-11, S-12): four GRF014 findings
    assert values["rule"] == ["GRF014"] * 4
    assert values["width"] <= 1280  # nothing wider than the window but the scrolling tree
    for text in ("Capaian sasaran S-01 di Tabel 3.5 tertulis 100", "Bab III Akuntabilitas Kinerja",
                 "Pohon kinerja", "Tabel efisiensi: Tabel 3.5"):
        assert text in seen.dom


@needs_chromium
def test_the_report_reads_fully_with_javascript_off(tmp_path):
    pytest.importorskip("websocket", reason="the test dependency websocket-client is missing")
    page = tmp_path / "kaltim-2017.html"
    assert main(["report", str(FIXTURE), "--html", str(page)]) == 0
    seen = visit(page, expressions={
        "visible": "[...document.querySelectorAll('article.finding')]"
                   ".filter(a => a.offsetParent !== null).length",
        "filters_hidden": "document.querySelector('form.filters').offsetParent === null",
    }, javascript=False)
    assert seen.errors == [] and seen.requests == []
    assert seen.values == {"visible": 70, "filters_hidden": True}
