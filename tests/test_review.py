"""The draft Catatan Hasil Reviu: Word and Markdown, grouped by reviu aspect, each finding with
its evidence and recommendation; the Word file opens again with python-docx."""

from __future__ import annotations

from io import BytesIO

import pytest

from conftest import FIXTURE
from sakip_lint.cli import main
from sakip_lint.engine import check_file
from sakip_lint.findings import Severity
from sakip_lint.messages import render_finding
from sakip_lint.report.content import build
from sakip_lint.report.review import build_draft, to_markdown
from sakip_lint.rule import ASPECTS
from sakip_lint.ruleset import load_ruleset

docx = pytest.importorskip("docx", reason="python-docx is a dependency of sakip-lint")
RULES = load_ruleset()


def document_text(data: bytes) -> tuple[list[str], list[str]]:
    """(paragraph texts, table cell texts) of a .docx."""
    document = docx.Document(BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return [paragraph.text for paragraph in document.paragraphs], cells


def test_the_word_draft_opens_and_holds_every_error_of_the_kaltim_report(tmp_path):
    out = tmp_path / "chr.docx"
    assert main(["review", str(FIXTURE), "--format", "docx", "-o", str(out)]) == 0
    paragraphs, cells = document_text(out.read_bytes())
    errors = [f for f in check_file(FIXTURE, RULES).findings if f.severity is Severity.ERROR]
    assert len(errors) == 21
    for finding in errors:  # the code, the severity and the whole message in one cell
        expected = f"{finding.code} [kesalahan] {render_finding(finding, 'id')}"
        assert expected in cells, finding.code
    text = "\n".join(paragraphs)
    assert "CATATAN HASIL REVIU" in text
    assert "Reviu atas Laporan Kinerja Sekretariat Daerah Provinsi Kalimantan Timur Tahun 2017" in text
    for heading in ("D.1. Penyajian data", "D.2. Keandalan data",
                    "D.3. Keselarasan dengan perencanaan", "D.4. Capaian kinerja", "D.5. Anggaran",
                    "E. Simpulan", "F. Rekomendasi"):
        assert heading in paragraphs
    assert "21 kesalahan" in text and "Reviewer," in paragraphs
    # the evidence of CAP001 on Tabel 3.5 names the place, the row and the value
    assert any("Letak: Tabel 3.5, sasaran S-01" in cell and "Nilai tertulis: 100" in cell
               and "Seharusnya / pembanding: 75,00" in cell for cell in cells)
    assert any(cell.startswith("Hitung ulang capaian sasaran S-01 di Tabel 3.5") for cell in cells)


def test_findings_are_under_the_aspect_their_rule_names():
    result = check_file(FIXTURE, RULES)
    draft = build_draft(build(result, RULES, "en"))
    assert [aspect.key for aspect in draft.aspects] == list(ASPECTS)  # no rule without one
    rules = {rule.code: rule for rule in RULES.rules}
    for aspect in draft.aspects:
        assert all(rules[item.code].aspect == aspect.key for item in aspect.items)
        ranks = [item.severity.rank for item in aspect.items]
        assert ranks == sorted(ranks, reverse=True)
    assert sum(len(aspect.items) for aspect in draft.aspects) == len(result.findings)
    budget = next(aspect for aspect in draft.aspects if aspect.key == "anggaran")
    assert {"BUD007", "BUD003", "KLP007"} <= {item.code for item in budget.items}
    assert draft.title.startswith("REVIEW NOTES")


def test_the_markdown_draft_is_the_same_draft(capsys):
    assert main(["review", str(FIXTURE), "--format", "markdown", "-o", "-", "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# REVIEW NOTES (CATATAN HASIL REVIU)")
    assert "### D.5. Budget (anggaran)" in text
    assert "**BUD007** \\[error\\]" in text  # Markdown's active characters are escaped
    assert "**Recommendation**: Check the Pagu and Realisasi columns of Tabel 3.7" in text


def test_a_rule_without_an_aspect_or_a_recommendation_is_under_other_findings(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "own.sakip").write_text('''
aturan KLP005 "baseline" {
  tingkat info
  periksa baseline
  pesan id "{subjek} tanpa baseline"
  pesan en "{subjek} has no baseline"
}
''', encoding="utf-8")
    ruleset = load_ruleset([rules])
    draft = build_draft(build(check_file(FIXTURE, ruleset), ruleset, "id"))
    other = draft.aspects[-1]
    assert other.key == "lainnya" and other.title == "Temuan lain"
    # KLP005 fires once on the Kaltim report: IK-07 has neither a baseline nor last year's value
    assert [(item.code, item.advice) for item in other.items] == [
        ("KLP005", "(aturan ini tidak memberi saran; lengkapi)")]
    assert "### D.6. Temuan lain" in to_markdown(draft)


def test_an_unusable_file_or_output_is_a_clear_message_and_exit_2(tmp_path, capsys):
    broken = tmp_path / "rusak.yaml"
    broken.write_text("format: sakip-lint/1\ninstansi: [\n", encoding="utf-8")
    assert main(["review", str(broken), "-o", str(tmp_path / "x.docx")]) == 2
    assert "tidak dapat dipakai" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()
    assert main(["review", str(FIXTURE), "-o", str(tmp_path)]) == 2  # a folder
    assert "Tidak dapat menulis" in capsys.readouterr().err
