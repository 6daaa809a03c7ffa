"""Polarity and its reason: the default lexicon on real indicator texts, the precedence of
patterns, and the capaian output that shows every indicator's polarity and why.

The expected polarity of each text was decided by hand from what the indicator measures
(lower is better -> negatif), not from the tool's output.
"""

from __future__ import annotations

import json

import pytest

from conftest import report_text
from sakip_lint.cli import main
from sakip_lint.config import PolaritySource
from sakip_lint.model import Polarity
from sakip_lint.ruleset import RuleSource, compile_sources, default_sources, load_ruleset

DEFAULTS = load_ruleset().config
NEG, POS = Polarity.NEGATIF, Polarity.POSITIF

# Indicator texts as RPJMD, Renstra and LKjIP documents print them.
LEXICON = [
    # lower is better
    ("Angka Kematian Ibu (AKI) per 100.000 kelahiran hidup", NEG),
    ("Prevalensi stunting (pendek dan sangat pendek) pada balita", NEG),
    ("Tingkat Pengangguran Terbuka (TPT)", NEG),
    ("Persentase penduduk miskin", NEG),
    ("Tingkat kemiskinan", NEG),
    ("Indeks Gini", NEG),
    ("Indeks Williamson", NEG),
    ("Tingkat inflasi", NEG),
    ("Angka putus sekolah SD/MI", NEG),
    ("Jumlah kasus kecelakaan lalu lintas", NEG),
    ("Angka kriminalitas", NEG),
    ("Luas kawasan permukiman kumuh", NEG),
    ("Jumlah rumah tidak layak huni", NEG),
    ("Persentase balita gizi buruk", NEG),
    ("Jumlah temuan BPK atas laporan keuangan", NEG),
    ("Jumlah pelanggaran Peraturan Daerah", NEG),
    ("Jumlah kejadian kebakaran", NEG),
    ("Luas genangan banjir", NEG),
    ("Rata-rata waktu penyelesaian perizinan", NEG),
    ("Lama waktu penanganan pengaduan (hari)", NEG),
    # higher is better, although most name something bad
    ("Persentase penurunan angka kemiskinan", POS),
    ("Peningkatan penyelesaian kasus", POS),
    ("Persentase temuan yang ditindaklanjuti", POS),
    ("Tingkat penyelesaian tindak lanjut temuan hasil pemeriksaan", POS),
    ("Persentase penanganan kawasan kumuh", POS),
    ("Cakupan penemuan kasus TBC", POS),
    ("Persentase rumah tidak layak huni yang diperbaiki", POS),
    ("Tingkat waktu tanggap (response time rate) daerah layanan Wilayah Manajemen Kebakaran", POS),
    ("Persentase desa/kelurahan bebas kumuh", POS),
    ("Persentase pengaduan pelanggaran yang ditindaklanjuti", POS),
    ("Persentase penurunan kebijakan yang tidak sinkron pada bidang Ekonomi", POS),  # Kaltim 2017
    ("Prosentase penyelesaian advokasi / Bantuan Hukum", POS),  # Kaltim 2017
    ("Jumlah pertemuan koordinasi", POS),  # a meeting, not a finding (temuan): whole words
    ("AKI", NEG),  # Renstra Dinkes Gresik 2016 prints only the abbreviation
    ("AKB", NEG),
    ("Rasio pekerja laki-laki terhadap perempuan", POS),  # 'laki' holds 'aki', not the word
    ("Persentase kawasan terbebas banjir", POS),
    ("Persentase RTLH yang direhabilitasi", POS),
    ("Angka harapan hidup", POS),
    ("Indeks Pembangunan Manusia", POS),
    ("Jumlah produk hukum yang ditetapkan", POS),  # Kaltim 2017
]


@pytest.mark.parametrize("text,expected", LEXICON, ids=[text for text, _ in LEXICON])
def test_the_default_lexicon_on_real_indicator_texts(text, expected):
    assert DEFAULTS.polarity_of(text, None, qualitative=False) is expected


# Texts the lexicon once got wrong, each with the phrase that must decide it (the reason a
# reviewer sees): what the indicator measures decides, by hand, whether lower is better.
DECIDED_BY = [
    # lower is better: income inequality, however the Gini index is named
    ("Gini Rasio", NEG, "gini"),
    ("Rasio Gini", NEG, "gini"),
    ("Koefisien Gini Kabupaten", NEG, "gini"),
    # a duration: the fewer days, the better, although it names a 'penyelesaian'
    ("Waktu rata-rata penyelesaian perizinan", NEG, "waktu rata-rata"),
    ("Rata-rata lama pelayanan perizinan (hari)", NEG, "lama pelayanan"),
    # breaches of discipline: the fewer, the better
    ("ASN yang melanggar disiplin", NEG, "melanggar"),
    ("Persentase ASN yang melakukan pelanggaran disiplin", NEG, "pelanggaran"),
    ("Jumlah pelanggar Peraturan Daerah", NEG, "pelanggar"),
    # higher is better: the share of the poor reached by aid, although it names the poor
    ("Persentase keluarga miskin yang menerima bantuan sosial", POS, "menerima"),
    ("Persentase penduduk miskin yang menerima bantuan iuran jaminan kesehatan", POS, "menerima"),
    ("Persentase rumah tangga miskin penerima bantuan pangan", POS, "penerima"),
    # higher is better: cured TB cases, although they are 'kasus'
    ("Cure rate kasus TB", POS, "cure rate"),
    ("Angka kesembuhan kasus TB", POS, "kesembuhan"),
    # the exceptions still hold over the new words
    ("Persentase penanganan ASN yang melanggar disiplin", POS, "penanganan"),
    ("Persentase penurunan Gini Rasio", POS, "penurunan"),
]


@pytest.mark.parametrize("text,expected,phrase", DECIDED_BY, ids=[text for text, _, _ in DECIDED_BY])
def test_the_phrase_that_decides_is_the_one_that_says_what_is_measured(text, expected, phrase):
    decision = DEFAULTS.polarity_decision(text, None, qualitative=False)
    assert decision.polarity is expected
    assert decision.source is PolaritySource.PATTERN and decision.pattern.phrase == phrase


def test_the_lexicon_covers_both_ways():
    assert sum(1 for _, p in LEXICON if p is NEG) >= 15
    assert sum(1 for _, p in LEXICON if p is POS) >= 15


def test_the_reason_names_the_phrase_and_its_rule_file_line():
    decision = DEFAULTS.polarity_decision("Persentase penurunan angka kemiskinan", None, False)
    assert decision.source is PolaritySource.PATTERN and decision.pattern.phrase == "penurunan"
    assert decision.pattern.file == "sakip_lint/rules/polaritas.sakip"
    source = next(s for s in default_sources() if s.name == decision.pattern.file)
    line = source.text.splitlines()[decision.pattern.line - 1]
    assert line == 'polaritas positif jika teks memuat "penurunan"'


def test_declared_then_qualitative_then_pattern_then_default():
    declared = DEFAULTS.polarity_decision("Angka kematian ibu", POS, False)
    assert (declared.polarity, declared.source) == (POS, PolaritySource.DECLARED)
    qualitative = DEFAULTS.polarity_decision("Angka kematian ibu", None, True)
    assert (qualitative.polarity, qualitative.source) == (Polarity.KUALITATIF,
                                                          PolaritySource.QUALITATIVE)
    default = DEFAULTS.polarity_decision("Jumlah dokumen", None, False)
    assert (default.polarity, default.source, default.pattern) == (POS, PolaritySource.DEFAULT,
                                                                   None)


def test_the_pattern_written_last_wins_so_a_user_file_overrides_the_defaults():
    text = "Rata-rata lama penyelesaian sengketa"  # default: 'lama penyelesaian' -> negatif
    assert DEFAULTS.polarity_of(text, None, False) is NEG
    user = RuleSource("mine.sakip", 'polaritas positif jika teks memuat "penyelesaian sengketa"\n')
    config = compile_sources(default_sources() + [user]).config
    decision = config.polarity_decision(text, None, False)
    assert decision.polarity is POS and (decision.pattern.file, decision.pattern.line) == ("mine.sakip", 1)
    # within one file too: the later line wins
    same_file = RuleSource("two.sakip", 'polaritas negatif jika teks memuat "kasus"\n'
                                        'polaritas positif jika teks memuat "penyelesaian"\n')
    config = compile_sources(default_sources() + [same_file]).config
    assert config.polarity_of("Penyelesaian kasus", None, False) is POS
    assert config.polarity_decision("Jumlah kasus", None, False).pattern.line == 1


def test_matching_ignores_case_and_spacing():
    assert DEFAULTS.polarity_of("ANGKA   KEMATIAN\nBAYI", None, False) is NEG
    assert DEFAULTS.polarity_of("Jumlah rumah tidak  layak huni", None, False) is NEG


# --- the capaian command shows polarity and why --------------------------------------------
INDICATORS = """\
- {id: IK-02, teks: Persentase penurunan angka kemiskinan, sasaran: S-01, tipe: persentase}
- {id: IK-03, teks: Jumlah keluhan, sasaran: S-01, tipe: absolut, polaritas: negatif}
- {id: IK-04, teks: Opini BPK, sasaran: S-01, tipe: kualitatif, skala: [WDP, WTP]}
- {id: IK-05, teks: Angka kematian ibu, sasaran: S-01, tipe: absolut}
"""
ROWS = """\
- {id: IK-02, target: "80 - 90", realisasi: "70"}
- {id: IK-03, target: "5", realisasi: "4"}
- {id: IK-04, target: WTP, realisasi: WTP}
- {id: IK-05, target: "maks. 5", realisasi: "6"}
"""


def _capaian(capsys, path, fmt: str, lang: str) -> str:
    assert main(["capaian", str(path), "--format", fmt, "--lang", lang]) == 0
    return capsys.readouterr().out


def _columns(out: str) -> str:
    """A rich table's text read down each column (cells folded over lines come together)."""
    rows = [[cell.strip() for cell in line.replace("┃", "│").split("│")[1:-1]]
            for line in out.splitlines() if line[:1] in ("│", "┃")]
    width = max(len(row) for row in rows)
    return "".join("".join(row[i] for row in rows if len(row) == width).replace(" ", "")
                   for i in range(width))


@pytest.mark.parametrize("fmt", ["plain", "markdown", "rich"])
def test_capaian_tables_show_polarity_and_its_reason(write, capsys, fmt):
    path = write(report_text(INDICATORS, ROWS))
    out_id, out_en = _capaian(capsys, path, fmt, "id"), _capaian(capsys, path, fmt, "en")
    if fmt == "rich":  # rich folds a long cell over lines: read the table column by column
        out_id, out_en = _columns(out_id), _columns(out_en)
        squeeze = lambda text: text.replace(" ", "")  # noqa: E731
    elif fmt == "markdown":  # the texts as GitHub shows them: '_' written '\_' (no emphasis)
        out_id, out_en = (" ".join(out.split()).replace("\\_", "_") for out in (out_id, out_en))
        squeeze = lambda text: text  # noqa: E731
    else:
        out_id, out_en = " ".join(out_id.split()), " ".join(out_en.split())
        squeeze = lambda text: text  # noqa: E731
    for text in ("Polaritas", "Alasan polaritas", "positif", "negatif", "kualitatif",
                 'teks memuat "penurunan" (sakip_lint/rules/polaritas.sakip:',
                 "dinyatakan di berkas data", "indikator kualitatif (tipe: kualitatif)",
                 'teks memuat "kematian"'):
        assert squeeze(text) in out_id, text
    for text in ("Polarity", "Why this polarity", "positive", "negative", "qualitative",
                 'the text contains "penurunan"', "declared in the data file",
                 "the rules' default: no pattern matched"):
        assert squeeze(text) in out_en, text


def test_capaian_json_gives_the_reason_as_data(write, capsys):
    path = write(report_text(INDICATORS, ROWS))
    document = json.loads(_capaian(capsys, path, "json", "en"))
    by_id = {item["id"]: item for item in document["indicators"]}
    assert by_id["IK-02"]["polarity"] == "positif"
    reason = by_id["IK-02"]["polarity_reason"]
    assert (reason["source"], reason["phrase"], reason["file"]) == (
        "pola", "penurunan", "sakip_lint/rules/polaritas.sakip")
    assert isinstance(reason["line"], int) and reason["text"].startswith('the text contains "penurunan"')
    assert by_id["IK-03"]["polarity_reason"]["source"] == "dinyatakan"
    assert by_id["IK-04"]["polarity_reason"]["source"] == "kualitatif"
    assert by_id["IK-01"]["polarity_reason"]["source"] == "bawaan"  # 'Jumlah dokumen'
    # the band capaian beside it: 70 / 80 = 87,50; negative 'maks. 5' with 6: (5 - 1) / 5 = 80
    assert by_id["IK-02"]["capaian"]["value"] == "87.50"
    assert by_id["IK-05"]["polarity"] == "negatif" and by_id["IK-05"]["capaian"]["value"] == "80.00"
