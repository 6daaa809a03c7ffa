"""Synthetic LKjIP data files shaped like the reports bodies publish, for the benchmark.

A report of ``n`` indicators has about four indicators per sasaran, two sasaran per tujuan and
one programme per sasaran; the places a real LKjIP prints: the programme list and the linkage
matrix, the PK, the measurement table (target, realisasi, capaian, kategori, last year's
realisasi and the Renstra end target beside them), the budget table and the efficiency table
per sasaran, and prose claims. Each indicator has a baseline. The values are right except for
a few mistakes a compiler makes (a capaian computed the wrong way round, one truncated, a
target copied wrong into the PK, a budget % off), so there are as few findings per indicator
as in a report that was checked by hand once.

Everything is deterministic: the same arguments give the same bytes.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

WORDS = ("pelayanan", "koordinasi", "administrasi", "pembangunan", "kesejahteraan", "hukum",
         "keuangan", "aparatur", "perencanaan", "pengendalian", "evaluasi", "informasi",
         "kependudukan", "perekonomian", "infrastruktur", "kesehatan", "pendidikan", "pariwisata")


def _name(prefix: str, i: int) -> str:
    """Names that look like a report's: a few shared words, each name its own."""
    n = len(WORDS)
    return f"{prefix} {WORDS[i % n]} {WORDS[(i // n) % n]} {i}"


def _id(value: Decimal, decimals: int = 2) -> str:
    """A number as an Indonesian report prints it: '1.234,56'."""
    quantum = Decimal(1).scaleb(-decimals)
    text = f"{value.quantize(quantum, rounding=ROUND_HALF_UP):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def _capaian(target: int, realisasi: Decimal) -> Decimal:
    return realisasi * 100 / target


@cache
def _scale():
    """The category scale in force: the default rules' ``kategori_capaian``
    (rules/skala.sakip), read from the rules rather than copied here, so that a change of
    the default scale does not turn every synthetic row into a finding."""
    from sakip_lint.ruleset import load_ruleset

    return load_ruleset().config.category_scale


def _category(capaian: Decimal, wrong: bool = False) -> str:
    """The category a report prints for ``capaian``: the band's last name (the word most
    LKjIP print, 'Sangat Baik' beside Permendagri's 'Sangat Tinggi'); with ``wrong``, the
    band next to it, a mistake a compiler makes when a capaian sits near a bound."""
    bands = _scale().bands
    index = next(i for i, band in enumerate(bands) if band.contains(capaian))
    if wrong:
        index = index + 1 if index + 1 < len(bands) else index - 1
    return bands[index].names[-1]


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a YAML double-quoted scalar


def report(indicators: int, seed: int = 0, year: int = 2017) -> str:
    """The YAML text of one report with ``indicators`` indicators (about 400 bytes each)."""
    sasaran = max(1, (indicators + 3) // 4)  # four indicators each, the last one fewer
    tujuan = max(1, sasaran // 2)
    misi = max(1, tujuan // 3)
    out = ["format: sakip-lint/1", f"instansi: Badan Sintetis {seed}", f"tahun: {year}",
           "gaya_angka: id", f"periode_renstra: [{year - 4}, {year + 1}]",
           "visi:", "  - {id: V, teks: Terwujudnya pemerintahan yang melayani}", "misi:"]
    out += [f"  - {{id: M-{m}, teks: {_name('Mewujudkan', m)}, visi: V}}" for m in range(misi)]
    out.append("tujuan:")
    out += [f"  - {{id: T-{t}, teks: {_name('Meningkatkan', t)}, misi: M-{t % misi}}}"
            for t in range(tujuan)]
    out.append("sasaran:")
    out += [f"  - {{id: S-{s}, teks: {_name('Meningkatnya', s)}, tujuan: T-{s % tujuan}}}"
            for s in range(sasaran)]

    rows = []  # per indicator: target, realisasi, last year's realisasi, end target
    for i in range(indicators):
        k = i + seed
        target = 60 + k % 40
        # 85..109 % of the target, with decimals that make capaian a rounded figure
        realisasi = Decimal(target * (85 + k % 25)) / 100 + Decimal(k % 7) * Decimal("0.07")
        rows.append((target, realisasi, target - 3 - k % 5, target + 5))
    out.append("indikator:")
    for i, (target, _, _, _) in enumerate(rows):
        out.append(f"  - {{id: IK-{i}, teks: {_name('Persentase', i)}, sasaran: S-{i // 4}, "
                   f"tipe: persentase, baseline: \"{target - 8}\"}}")
    out.append("program:")
    out += [f"  - {{id: P-{s}, teks: {_name('Program', s)}, sasaran: S-{s}}}"
            for s in range(sasaran)]

    out.append("tempat:")
    out += ["  2.1.8:", "    peran: daftar", "    baris:"]
    out += [f'      - {{id: P-{s}, nomor: "{s + 1}."}}' for s in range(sasaran)]
    out += ["  Tabel 2.6:", "    peran: matriks", "    baris:"]
    out += [f"      - {{id: P-{s}, sasaran: S-{s}}}" for s in range(sasaran)]
    out += ["  Tabel 2.8:", "    peran: pk", "    baris:"]
    for i, (target, _, _, _) in enumerate(rows):
        printed = target + 1 if (i + seed) % 67 == 13 else target  # mistyped
        out.append(f'      - {{id: IK-{i}, nomor: "{i + 1}", target: "{printed}"}}')
    out += ["  Tabel 3.1:", "    peran: pengukuran", "    baris:"]
    for i, (target, realisasi, last, end) in enumerate(rows):
        capaian = _capaian(target, realisasi)
        printed = _id(capaian)
        if (i + seed) % 41 == 7:  # target / realisasi: the formula the wrong way round
            printed = _id(Decimal(target) * 100 / realisasi)
        elif (i + seed) % 23 == 11:  # truncated instead of rounded
            printed = _id(capaian.quantize(Decimal("0.01"), rounding="ROUND_DOWN"))
        category = _category(capaian, wrong=(i + seed) % 59 == 29)
        out.append(f'      - {{id: IK-{i}, nomor: "{i + 1}", target: "{target}", '
                   f'realisasi: "{_id(realisasi)}", capaian: "{printed}", '
                   f'kategori: {category}, realisasi_tahun: {{{year - 1}: "{last}"}}, '
                   f'target_akhir: "{end}"}}')

    budgets = []
    for s in range(sasaran):
        pagu = Decimal(150_000_000 + 7_350_000 * ((s + seed) % 40))
        spent = (pagu * (880 + (s + seed) % 110) / 1000).quantize(Decimal(1))
        members = rows[4 * s:4 * s + 4]
        capaian = sum(_capaian(t, r) for t, r, _, _ in members) / len(members)
        budgets.append((pagu, spent, spent * 100 / pagu, capaian))
    out += ["  Tabel 3.7:", "    peran: anggaran", "    baris:"]
    for s, (pagu, spent, absorption, _) in enumerate(budgets):
        printed = absorption + 1 if (s + seed) % 37 == 5 else absorption  # % off by one
        out.append(f'      - {{id: S-{s}, pagu: "{_id(pagu, 0)}", '
                   f'realisasi_anggaran: "{_id(spent, 0)}", persen_anggaran: "{_id(printed)}"}}')
    out += ["  Tabel 3.8:", "    peran: efisiensi", "    baris:"]
    for s, (_, _, absorption, capaian) in enumerate(budgets):
        capaian_r = capaian.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        absorption_r = absorption.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        out.append(f'      - {{id: S-{s}, capaian: "{_id(capaian_r)}", '
                   f'persen_anggaran: "{_id(absorption_r)}", '
                   f'efisiensi: "{_id(capaian_r - absorption_r)}"}}')
    out += ["  Ringkasan Eksekutif:", "    peran: prosa"]
    out += ["klaim:",
            f"  - {{id: KL-1, di: Ringkasan Eksekutif, tentang: jumlah_sasaran, nilai: \"{sasaran}\","
            f" kutipan: {_q(f'Sebanyak {sasaran} sasaran strategis ditetapkan')}}}",
            f"  - {{id: KL-2, di: Ringkasan Eksekutif, tentang: jumlah_indikator, "
            f"nilai: \"{indicators}\", kutipan: {_q(f'diukur dengan {indicators} indikator')}}}"]
    return "\n".join(out) + "\n"


# How many indicators the LKjIPs of OPDs and pemda print: most have a handful to a few dozen.
TYPICAL_SIZES = (4, 6, 8, 10, 12, 15, 20, 25, 30, 40, 60, 100)


def batch_sizes(count: int) -> list[int]:
    """The sizes of ``count`` typical reports, in a fixed mixed order."""
    return [TYPICAL_SIZES[(i * 7) % len(TYPICAL_SIZES)] for i in range(count)]
