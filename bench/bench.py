"""Benchmark: a check beside a bare parse of the same file, phase by phase, with peak memory.

Run: python bench/bench.py [--sizes 1000 10000 100000] [--batch 200 1000] [--repeat 3]

For each synthetic report (bench/generate.py) it prints the bare parse of the file by PyYAML's
C loader (``yaml.load(text, Loader=yaml.CSafeLoader)``, the floor a tool that reads YAML
starts from) and its peak memory, the phases of ``sakip-lint check --format json`` (load,
validate, compute, rules, output) and the peak resident memory of the check; then the cold
check of the Kaltim report (a new interpreter, imports included; the rules read from the
cache, then compiled) beside what it cannot go under; and batches of typical reports checked
in one call with ``--jobs 2`` (as JSON and as plain text, both written file by file) beside
their per-file phases in one process; last the ratios of the performance targets. Every
measurement runs in its own process (so peak memory is that of one check) and is the median
of ``--repeat`` runs; the rule cache is a folder of the run, filled by a first run that is
not measured. The machine may be shared: the load average is printed. The numbers go into
the README; no unit test asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURE = ROOT / "fixtures" / "kaltim-2017" / "lkjip-setda-kaltim-2017.yaml"
sys.path.insert(0, str(HERE))

from generate import batch_sizes, report  # noqa: E402

PHASES = ("load", "validate", "compute", "rules", "output")
LARGE_NODES = 20_000_000
TARGETS = {  # what the issue asks, as (label, limit)
    "10k": ("check ÷ bare load, 10k indicators", 1.5),
    "100k": ("check ÷ bare load, 100k indicators", 1.5),
    "memory": ("peak memory ÷ input size, 100k indicators", 10.0),
    "cold": ("cold check of the Kaltim report ÷ bare load of it", 4.0),
    "batch": ("reports in one call (--jobs 2) ÷ the sum of their bare loads", 1.0),
    "growth": ("time(100k) ÷ time(10k)", 10.5),
}


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _resident_mib() -> float:
    """The memory resident now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return _peak_mib()


def _generate(path: Path, size: int) -> None:
    """Write a synthetic report in a process of its own: a child's peak memory counts its
    parent's peak at the fork (Linux), so the measuring process must stay small."""
    _child("--measure", "generate", str(path), "--indicators", str(size))


def _child(*args: str, environ: dict[str, str] | None = None) -> dict:
    """Run this script in a new interpreter for one measurement; its last line is JSON."""
    done = subprocess.run([sys.executable, str(Path(__file__)), *args], capture_output=True,
                          text=True, check=True, env={**os.environ, **(environ or {})})
    return json.loads(done.stdout.splitlines()[-1])


# --- measurements, each in its own process ---------------------------------------------

def measure_bare(paths: list[str], repeat: int) -> dict:
    """The bare parse: read the file and ``yaml.load`` it with the C loader, as any tool would
    (the garbage collector as Python leaves it)."""
    import yaml

    totals, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        for path in paths:
            with open(path, encoding="utf-8") as handle:
                yaml.load(handle.read(), Loader=yaml.CSafeLoader)
        totals.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {"seconds": statistics.median(totals), "cpu": statistics.median(cpu),
            "peak_mib": _peak_mib()}


def _as_json(result) -> tuple[bool, int, str]:
    """A file's findings as ``check --format json`` writes them."""
    from sakip_lint.formats.jsondoc import dumps, finding_json

    return result.usable, len(result.findings), dumps([finding_json(f) for f in result.findings])


def measure_check(paths: list[str], repeat: int, collector: str = "paused") -> dict:
    """The check of each file as ``sakip-lint check --format json`` runs it, phase by phase
    (summed over the files, in one process); with ``collector='on'`` the garbage collector
    runs as Python leaves it (to measure pausing it)."""
    import contextlib

    from sakip_lint import engine, limits
    from sakip_lint.batch import check_and_render
    from sakip_lint.cli import prepare_process
    from sakip_lint.phases import Stopwatch
    from sakip_lint.ruleset import load_ruleset

    # a report of 100 000 indicators holds 2.7 million values: above the default bound against
    # alias bombs (max_nodes), raised as a user would with --limit max_nodes=...
    limits.configure(limits.parse_settings([f"max_nodes={LARGE_NODES}"]))
    ruleset = load_ruleset()
    if collector == "on":
        engine.collector_paused = contextlib.nullcontext
        import sakip_lint.batch as batch

        batch.collector_paused = contextlib.nullcontext
    else:
        prepare_process()
    Stopwatch.clock = staticmethod(time.process_time)  # phases in CPU seconds
    # the memory resident before the first run (its peak may be the parent's: Linux keeps a
    # process's peak across fork), then the peak when each phase of the first run ends
    grown = {"start": _resident_mib()}
    lap = Stopwatch.lap
    Stopwatch.lap = lambda self, name: (lap(self, name), grown.setdefault(name, _peak_mib()))
    render = _as_json
    runs = []
    for _ in range(repeat):
        timings: dict[str, float] = {}
        start, start_cpu = time.perf_counter(), time.process_time()
        findings = size = 0
        for path in paths:
            usable, found, text = check_and_render(path, ruleset, render, timings)
            assert usable, text[:300]
            findings, size = findings + found, size + len(text)
            del text
        timings["wall"] = time.perf_counter() - start
        timings["total"] = time.process_time() - start_cpu
        runs.append(timings)
    median = {name: statistics.median(run.get(name, 0.0) for run in runs)
              for name in (*PHASES, "total", "wall")}
    return {**median, "findings": findings, "output_bytes": size, "peak_mib": _peak_mib(),
            "peak_after": grown}


def _command_environment() -> dict[str, str]:
    """As an installed tool runs: its modules' bytecode written (pip compiles it when it
    installs; PYTHONDONTWRITEBYTECODE would compile every module on every start)."""
    return {name: value for name, value in os.environ.items()
            if name != "PYTHONDONTWRITEBYTECODE"}


def measure_command(args: list[str], repeat: int) -> dict:
    """Wall time of the command line in new interpreters, and the largest peak memory of
    any one of its processes; after one run not measured, which writes the bytecode and the
    rule cache (``SAKIP_LINT_CACHE_DIR``, or ``SAKIP_LINT_NO_CACHE`` to measure without)."""
    command = [sys.executable, "-m", "sakip_lint.cli", *args]
    environ = _command_environment()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ)
    times, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env=environ)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr.decode())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"seconds": statistics.median(times), "cpu": statistics.median(cpu), "peak_mib": peak}


def measure_start(repeat: int) -> dict:
    """CPU of a new interpreter that does nothing (``python -c pass``): part of every cold
    check, whatever the tool imports."""
    cpu = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=_command_environment())
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {"cpu": statistics.median(cpu)}


def measure_imports(repeat: int) -> dict:
    times = []
    code = ("import sakip_lint.cli, sakip_lint.batch, sakip_lint.output\n"
            "sakip_lint.ruleset.load_ruleset()")
    environ = _command_environment()
    subprocess.run([sys.executable, "-c", code], check=True, env=environ)
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True, env=environ)
        middle = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=environ)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = lambda a, b: b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime  # noqa: E731
        times.append(cpu(before, middle) - cpu(middle, after))
    return {"cpu": statistics.median(times)}


# --- the report ---------------------------------------------------------------------------

def _load() -> str:
    """The load average of the last minute, five and fifteen minutes: the machine is shared."""
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}" if seconds < 10 else f"{seconds:.1f} s"


def _size(path: Path) -> float:
    return path.stat().st_size / 2**20


def synthetic_rows(folder: Path, sizes: list[int], repeat: int,
                   collector: str) -> tuple[list[str], dict]:
    lines = ["| report | size MiB | findings | bare load | load | validate | compute | rules "
             "| output | check | check ÷ bare (CPU) | check ÷ bare (wall) | peak RSS MiB "
             "| RSS ÷ size | bare load's peak RSS ÷ size |", "| --- " * 15 + "|"]
    found = {}
    for size in sizes:
        path = folder / f"synthetic-{size}.yaml"
        _generate(path, size)
        runs = repeat if size < 100_000 else max(1, repeat // 2)
        bare = _child("--measure", "bare", str(path), "--repeat", str(runs))
        check = _child("--measure", "check", str(path), "--repeat", str(runs),
                       "--collector", collector)
        found[size] = (bare, check, _size(path))
        phases = " | ".join(_ms(check[name]) for name in PHASES)
        lines.append(f"| {size:,} indicators | {_size(path):.1f} | {check['findings']} | "
                     f"{_ms(bare['cpu'])} | {phases} | {_ms(check['total'])} | "
                     f"{check['total'] / bare['cpu']:.2f} | "
                     f"{check['wall'] / bare['seconds']:.2f} | {check['peak_mib']:.0f} | "
                     f"{check['peak_mib'] / _size(path):.1f} | "
                     f"{bare['peak_mib'] / _size(path):.1f} |")
        print(lines[-1], file=sys.stderr, flush=True)
    largest = max(sizes)
    grown = " → ".join(f"{name} {mib:.0f}" for name, mib in found[largest][1]["peak_after"].items())
    lines.append(f"\nPeak RSS (MiB) of the {largest:,}-indicator check as each phase ends: "
                 f"{grown}.")
    return lines, found


BATCH_FORMATS = ("json", "plain")  # a document and a console format, both written file by file


def batch_rows(folder: Path, counts: list[int], jobs: int, repeat: int) -> tuple[list[str], dict]:
    lines = ["| batch | format | size MiB | sum of bare loads s (CPU) | check s (wall, --jobs "
             f"{jobs}) | check ÷ bare | check CPU s (all processes) | largest process peak "
             "RSS MiB |", "| --- " * 8 + "|"]
    found = {}
    sizes = batch_sizes(max(counts))
    paths = []
    for index, size in enumerate(sizes):
        path = folder / f"batch-{index:04d}.yaml"
        path.write_text(report(size, seed=index), encoding="utf-8")
        paths.append(str(path))
    for count in counts:
        chosen = paths[:count]
        total = sum(_size(Path(p)) for p in chosen)
        bare = _child("--measure", "bare", *chosen, "--repeat", str(repeat))
        for fmt in BATCH_FORMATS:
            check = _child("--measure", "command", "--repeat", str(repeat), "--", "check",
                           "--format", fmt, "--jobs", str(jobs), *chosen)
            found[count, fmt] = (bare, check)
            lines.append(f"| {count} typical reports | {fmt} | {total:.1f} | {bare['cpu']:.2f} | "
                         f"{check['seconds']:.2f} | {check['seconds'] / bare['cpu']:.2f} | "
                         f"{check['cpu']:.2f} | {check['peak_mib']:.0f} |")
            print(lines[-1], file=sys.stderr, flush=True)
    # what two processes cannot go under: half the check's own CPU, phase by phase
    chosen = paths[:max(counts)]
    bare = _child("--measure", "bare", *chosen, "--repeat", str(repeat))
    check = _child("--measure", "check", *chosen, "--repeat", str(repeat))
    phases = ", ".join(f"{name} {check[name] * 1000 / len(chosen):.1f}" for name in PHASES)
    lines.append(f"\nPer file of the {len(chosen)} typical reports, in one process: bare load "
                 f"{bare['cpu'] * 1000 / len(chosen):.1f} ms, check "
                 f"{check['total'] * 1000 / len(chosen):.1f} ms ({phases}). With {jobs} "
                 f"processes and nothing else on the machine, the batch cannot go under "
                 f"{check['total'] / jobs / bare['cpu']:.2f} × the sum of the bare loads.")
    return lines, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument("--batch", type=int, nargs="*", default=[200, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--measure",
                        choices=("bare", "check", "command", "imports", "start", "generate"))
    parser.add_argument("--indicators", type=int, help="the size of a report to --measure generate")
    parser.add_argument("--collector", choices=("paused", "on"), default="paused",
                        help="'on': measure the check with the garbage collector left running")
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    if args.measure:  # one measurement in this process, printed as JSON
        if args.measure == "bare":
            result = measure_bare(args.paths, args.repeat)
        elif args.measure == "check":
            result = measure_check(args.paths, args.repeat, args.collector)
        elif args.measure == "command":
            result = measure_command(args.paths, args.repeat)
        elif args.measure == "start":
            result = measure_start(args.repeat)
        elif args.measure == "generate":
            Path(args.paths[0]).write_text(report(args.indicators), encoding="utf-8")
            result = {}
        else:
            result = measure_imports(args.repeat)
        print(json.dumps(result))
        return 0

    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{_load()} at the start; median of {args.repeat} runs (100k: "
          f"{max(1, args.repeat // 2)}); times in ms of CPU unless marked wall\n")
    ratios = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["SAKIP_LINT_CACHE_DIR"] = str(folder / "cache")  # starts empty
        lines, synthetic = synthetic_rows(folder, args.sizes, args.repeat, args.collector)
        print("\n".join(lines) + f"\n\nload average after it: {_load()}\n", flush=True)

        repeat = max(5, args.repeat)
        bare = _child("--measure", "bare", str(FIXTURE), "--repeat", str(3 * repeat))
        print("| Kaltim 2017 (130 KiB), new interpreter | bare load | cold check | of it: "
              "imports and rules | cold ÷ bare (CPU) | cold wall ÷ bare wall |\n"
              "| --- | --- | --- | --- | --- | --- |")
        for label, environ in (("rules from the cache", {}),
                               ("rules compiled (first run, --no-cache)",
                                {"SAKIP_LINT_NO_CACHE": "1"})):
            cold = _child("--measure", "command", "--repeat", str(repeat), "--",
                          "check", "--format", "json", str(FIXTURE), environ=environ)
            imports = _child("--measure", "imports", "--repeat", str(repeat), environ=environ)
            ratios.setdefault("cold", cold["cpu"] / bare["cpu"])
            print(f"| {label} | {_ms(bare['cpu'])} | {_ms(cold['cpu'])} | "
                  f"{_ms(imports['cpu'])} | {cold['cpu'] / bare['cpu']:.2f} | "
                  f"{cold['seconds'] / bare['seconds']:.2f} |", flush=True)
        start = _child("--measure", "start", "--repeat", str(3 * repeat))
        warm = _child("--measure", "check", str(FIXTURE), "--repeat", str(3 * repeat))
        print(f"\nWhat a cold check cannot go under: a new interpreter doing nothing, "
              f"{_ms(start['cpu'])} ms; the check of the Kaltim report in a process that has "
              f"imported the tool and read its rules, {_ms(warm['total'])} ms (load "
              f"{_ms(warm['load'])}, rules {_ms(warm['rules'])}). With no import cost at all the "
              f"cold check would be {(start['cpu'] + warm['total']) / bare['cpu']:.2f} × the "
              f"bare load.")
        print(f"\nload average after it: {_load()}\n")

        if args.batch:
            lines, batches = batch_rows(folder, args.batch, args.jobs, args.repeat)
            print("\n".join(lines) + f"\n\nload average after it: {_load()}\n", flush=True)
            largest, smallest = max(args.batch), min(args.batch)
            ratios["batch"] = (batches[largest, "json"][1]["seconds"]
                               / batches[largest, "json"][0]["cpu"])
            if largest != smallest:
                for fmt in BATCH_FORMATS:
                    grown = (batches[largest, fmt][1]["peak_mib"]
                             / batches[smallest, fmt][1]["peak_mib"])
                    print(f"Peak memory of the largest process, --format {fmt}, with {largest} "
                          f"files ÷ with {smallest} files: {grown:.2f}")
                print()

    if 10000 in synthetic:
        bare10, check10, _ = synthetic[10000]
        ratios["10k"] = check10["total"] / bare10["cpu"]
    if 100000 in synthetic:
        bare100, check100, size100 = synthetic[100000]
        ratios["100k"] = check100["total"] / bare100["cpu"]
        ratios["memory"] = check100["peak_mib"] / size100
        if 10000 in synthetic:
            ratios["growth"] = check100["total"] / synthetic[10000][1]["total"]
    print("| target | measured | limit | met |\n| --- | --- | --- | --- |")
    for key, (label, limit) in TARGETS.items():
        if key in ratios:
            print(f"| {label} | {ratios[key]:.2f} | ≤ {limit} | "
                  f"{'yes' if ratios[key] <= limit else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
