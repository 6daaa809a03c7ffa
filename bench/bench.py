"""Benchmark: load + check time and peak memory on the real fixture and on synthetic reports.

Run: python bench/bench.py [--sizes 100 1000 10000]
Numbers go into the README; they are measured here, never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from sakip_lint.engine import check_file
from sakip_lint.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "kaltim-2017" / "lkjip-setda-kaltim-2017.yaml"


WORDS = ("pelayanan", "koordinasi", "administrasi", "pembangunan", "kesejahteraan", "hukum",
         "keuangan", "aparatur", "perencanaan", "pengendalian", "evaluasi", "informasi")


def _name(prefix: str, i: int) -> str:
    """Names that look like a report's: shared words, and a few distinct ones."""
    return f"{prefix} {WORDS[i % 12]} {WORDS[(i // 12) % 12]} {WORDS[(i // 144) % 12]} wilayah {i}"


def synthetic(indicators: int) -> str:
    """A valid report with ``indicators`` indicators (5 per sasaran, each in 3 tables) and one
    programme per 5 indicators, listed and mapped to its sasaran."""
    sasaran = max(1, indicators // 5)
    lines = ["format: sakip-lint/1", "instansi: Sintetis", "tahun: 2017", "gaya_angka: id",
             "visi:", "  - {id: V, teks: Visi}", "misi:", "  - {id: M-1, teks: Misi, visi: V}",
             "tujuan:", "  - {id: T-1, teks: Tujuan, misi: M-1}", "sasaran:"]
    lines += [f"  - {{id: S-{s}, teks: {_name('Meningkatnya', s)}, tujuan: T-1}}"
              for s in range(sasaran)]
    lines.append("indikator:")
    lines += [f"  - {{id: IK-{i}, teks: {_name('Persentase', i)}, sasaran: S-{i % sasaran}, "
              f"tipe: persentase}}" for i in range(indicators)]
    lines.append("program:")
    lines += [f"  - {{id: P-{p}, teks: {_name('Program', p)}, sasaran: S-{p}}}" for p in range(sasaran)]
    lines.append("tempat:")
    lines += ["  2.1.8:", "    peran: daftar", "    baris:"]
    lines += [f'      - {{id: P-{p}, nomor: "{p + 1}"}}' for p in range(sasaran)]
    lines += ["  Tabel 2.6:", "    peran: matriks", "    baris:"]
    lines += [f"      - {{id: P-{p}, sasaran: S-{p}}}" for p in range(sasaran)]
    for place, role in (("Tabel 2.7", "rkt"), ("Tabel 2.8", "pk"), ("Tabel 3.1", "pengukuran")):
        lines += [f"  {place}:", f"    peran: {role}", "    baris:"]
        for i in range(indicators):
            cells = f'target: "{80 + i % 20}"'
            if role == "pengukuran":
                cells += f', realisasi: "{75 + i % 30},5", capaian: "{(75 + i % 30) * 100 // (80 + i % 20)}"'
            lines.append(f'      - {{id: IK-{i}, nomor: "{i + 1}", {cells}}}')
    return "\n".join(lines) + "\n"


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    ruleset = load_ruleset()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = check_file(path, ruleset)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    check_file(path, ruleset)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.usable, [f.message("en") for f in result.findings]
    return statistics.median(times), min(times), peak


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [("Kaltim 2017 fixture", FIXTURE)]
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"synthetic-{size}.yaml"
            path.write_text(synthetic(size), encoding="utf-8")
            rows.append((f"synthetic, {size} indicators, {size // 5} programmes", path))
        print("| input | size | median s | best s | peak MiB |")
        print("| --- | --- | --- | --- | --- |")
        for name, path in rows:
            median, best, peak = measure(path, args.repeat)
            size_kib = path.stat().st_size / 1024
            print(f"| {name} | {size_kib:.0f} KiB | {median:.3f} | {best:.3f} | {peak / 2**20:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
