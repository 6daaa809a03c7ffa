"""Property-based tests: whatever the data file or rule file, the tool answers.

Random mutations of the real fixtures and of the built-in rule files (lines deleted,
duplicated, swapped or re-indented, a value replaced by one of another type, the file cut
short, bytes inserted, and edits that make it large: a line repeated a thousand times, a
value lengthened to 100 000 characters) and random small reports that are valid, each run
through ``sakip_lint.cli.main`` in this process. The properties:

- the command line never fails inside: no exception, no "internal error" message;
- it answers within its bounds: 5 s of CPU and 500 MiB of address space beyond what the
  process holds, per run (past them it is stopped, and the example fails as a hang);
- the exit code is 0, 1 or 2 (a valid report never gets 2);
- the output holds no raw control character and, as JSON, parses;
- the same input gives the same output twice.

The default suite tries the same few inputs per test on every run. The large run (10 000
mutated data and rule files, and 1 000 valid reports, new ones each time) is

    SAKIP_LINT_FUZZ_EXAMPLES=5000 python -m pytest tests/test_fuzz.py

(``SAKIP_LINT_FUZZ_SEED`` repeats a run; hypothesis prints the failing input it shrank to).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import signal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, seed
from hypothesis import strategies as st

from sakip_lint import ruleset as _ruleset
from sakip_lint.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted([ROOT / "fixtures" / "kaltim-2017" / "lkjip-setda-kaltim-2017.yaml",
                     *(ROOT / "fixtures" / "cascade").glob("*.yaml"),
                     *(path for path in (ROOT / "fixtures" / "real").glob("*.yaml")
                       if not path.name.endswith(".expect.yaml"))])
RULE_FILES = sorted((ROOT / "rules").glob("*.sakip"))
SOURCES = {path: path.read_bytes() for path in DATA_FILES + RULE_FILES}

EXAMPLES = int(os.environ.get("SAKIP_LINT_FUZZ_EXAMPLES", "10"))
# The default suite tries the same few inputs on every run, so that CI is not red one day in a
# hundred; the large run (and a run with a seed) explores new ones each time.
LARGE_RUN = "SAKIP_LINT_FUZZ_EXAMPLES" in os.environ or "SAKIP_LINT_FUZZ_SEED" in os.environ
_SETTINGS = dict(deadline=None, database=None, derandomize=not LARGE_RUN,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                        HealthCheck.function_scoped_fixture])
FUZZ = settings(max_examples=EXAMPLES, **_SETTINGS)  # mutated data files, mutated rule files
FUZZ_VALID = settings(max_examples=max(2, EXAMPLES // 5), **_SETTINGS)  # valid reports
CPU_SECONDS = 5  # of one run of the command line
MEMORY = 500 * 2**20  # bytes of address space one run may add
SEEDED = seed(int(os.environ["SAKIP_LINT_FUZZ_SEED"])) if "SAKIP_LINT_FUZZ_SEED" in os.environ \
    else (lambda test: test)
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
INTERNAL = ("Traceback", "Kesalahan internal", "internal error")

# values of another type, or hostile, for a mutated `key: value`
OTHER_VALUES = ["[]", "{}", "null", "~", "true", "-1", "0", '""', "1e400", "'-'", "[1, [2, [3]]]",
                "{a: {b: c}}", "&x 1", "*x", "!!binary aGFsbw==", "!!python/none ''",
                '"\\e[2J"', '"[/]"', '"<script>x</script>|"', "'x\\'", '"4\u00b9"',
                "9" * 60, "0," + "1" * 40, '"12 triliun"', "-.inf", ".nan", "|\n  x"]


@pytest.fixture(scope="module", autouse=True)
def parse_built_in_rules_once():
    """Each run loads the rules; the built-in files parse the same every time, so their
    parse is reused (a user rule file, mutated here, is still parsed on every run)."""
    from sakip_lint.dsl import parser

    parse = parser.parse_rules
    known = {(source.text, source.name): parse(source.text, source.name)
             for source in _ruleset.default_sources()}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parser, "parse_rules",
                      lambda text, name: known.get((text, name)) or parse(text, name))
        yield


class Hang(BaseException):
    """A run past its CPU time (a BaseException: the command line's last defence, which turns
    an Exception into an "internal error" message, lets it through)."""


def _address_space() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0  # pragma: no cover - not Linux


@contextlib.contextmanager
def bounded():
    """One run within CPU_SECONDS of CPU (a profiling timer: a loaded machine's waiting does
    not count) and MEMORY more address space (beyond it allocation fails, which the command
    line reports as an internal error: the example fails either way)."""
    def stop(signum, frame):
        raise Hang(f"no answer within {CPU_SECONDS} s of CPU")

    previous = signal.signal(signal.SIGPROF, stop)
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _address_space() + MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.setitimer(signal.ITIMER_PROF, CPU_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), bounded():
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse only; never for a file
            code = stop.code
    return code, out.getvalue(), err.getvalue()


def assert_answers(args: tuple[str, ...], allowed=(0, 1, 2)) -> None:
    """The properties of one input, run twice."""
    first = run(*args)
    code, out, err = first
    text = out + err
    assert code in allowed, (code, text[-2000:])
    for word in INTERNAL:
        assert word not in text, text[-2000:]
    raw = RAW_CONTROL.search(text)
    assert raw is None, text[max(0, raw.start() - 80):raw.end() + 80]
    if "--format" in args and args[args.index("--format") + 1] == "json" and out.strip():
        json.loads(out)
    assert run(*args) == first, "the same input gave another output"


# --- mutations ---------------------------------------------------------------------------

_PAIR = re.compile(rb"(\w+): (\"[^\"\n]*\"|'[^'\n]*'|[^,{}\[\]\n]+)")


# what a value is lengthened with, to 100 000 characters: a word, numbers (read token by
# token), markup, an escape, a brace of a message template
LONG_PIECES = [b"x", b"1 ", b"kata ", b"[/]", b"\\e", b"{", b"(", b"+ 0 "]


@st.composite
def mutated(draw, sources: list[Path]) -> bytes:
    """A source file after one to three random edits."""
    lines = SOURCES[draw(st.sampled_from(sources))].split(b"\n")
    for _ in range(draw(st.integers(1, 3))):
        edit = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "value",
                                     "truncate", "insert", "repeat", "lengthen"]))
        i = draw(st.integers(0, len(lines) - 1))
        if edit == "delete" and len(lines) > 1:
            del lines[i]
        elif edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "repeat":  # a thousand copies of one line
            lines[i:i] = [lines[i]] * 1000
        elif edit == "lengthen":  # a value (or the line's end) 100 000 characters long
            piece = draw(st.sampled_from(LONG_PIECES))
            long = b'"' + piece * (100_000 // len(piece)) + b'"' if draw(st.booleans()) \
                else piece * (100_000 // len(piece))
            pairs = list(_PAIR.finditer(lines[i]))
            if pairs:
                pair = draw(st.sampled_from(pairs))
                lines[i] = lines[i][:pair.start(2)] + long + lines[i][pair.end(2):]
            else:
                lines[i] += long
        elif edit == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif edit == "indent":
            delta = draw(st.integers(-4, 4))
            lines[i] = b" " * delta + lines[i] if delta > 0 else lines[i][-delta:]
        elif edit == "value":
            pairs = list(_PAIR.finditer(lines[i]))
            if pairs:
                pair = draw(st.sampled_from(pairs))
                value = draw(st.sampled_from(OTHER_VALUES)).encode()
                lines[i] = lines[i][:pair.start(2)] + value + lines[i][pair.end(2):]
        elif edit == "truncate":
            text = b"\n".join(lines)
            lines = text[:draw(st.integers(0, len(text)))].split(b"\n")
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.binary(min_size=1, max_size=6)) + lines[i][at:]
    return b"\n".join(lines)


COMMANDS = st.sampled_from([
    ("check", "--format", "plain"), ("check", "--format", "json"), ("check", "--format", "rich"),
    ("check", "--format", "markdown", "--lang", "en"), ("capaian", "--format", "plain"),
    ("capaian", "--format", "json"), ("capaian", "--format", "rich"),
    ("capaian", "--format", "markdown", "--lang", "en"), ("graph", "--to", "dot"),
    ("graph", "--format", "mermaid"), ("graph", "--format", "json")])


@SEEDED
@FUZZ
@given(content=mutated(DATA_FILES), command=COMMANDS)
def test_a_mutated_data_file_is_always_answered(tmp_path, content, command):
    path = tmp_path / "laporan.yaml"
    path.write_bytes(content)
    verb, *options = command
    assert_answers((verb, str(path), *options))


@SEEDED
@FUZZ
@given(content=mutated(RULE_FILES), command=st.sampled_from(["check", "rules"]))
def test_a_mutated_rule_file_is_always_answered(tmp_path, content, command):
    folder = tmp_path / "aturan"
    folder.mkdir(exist_ok=True)
    (folder / "ubah.sakip").write_bytes(content)
    report = DATA_FILES[0] if command == "check" else None
    args = (command, *([str(report)] if report else []), "--rules", str(folder), "--format", "plain")
    assert_answers(args)


# --- random valid reports -------------------------------------------------------------------

NAME = st.text(st.sampled_from(list("abcdeklmnoprstuw ABCDEIKPST-.,()/%[]<>|*_`\\\"'&#:;")
                               + ["\x1b", "\x9b", "\r", "\u202e", "\u00e9", "\u00b9"]),
               min_size=1, max_size=24).map(str.strip).filter(bool)


def _indonesian(value: int, decimals: int) -> str:
    """An integer number of hundredths written as a report prints it: '1.234,56'."""
    whole, hundredths = divmod(value, 100)
    text = f"{whole:,}".replace(",", ".")
    return text + ("," + f"{hundredths:02d}"[:decimals] if decimals else "")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (escapes for the characters YAML cannot hold raw)."""
    return json.dumps(text)


@st.composite
def valid_reports(draw) -> str:
    """A report of one to three sasaran with one to three indicators each, measured in
    Tabel 3.1, with names that may hold markup, HTML and control characters."""
    lines = ["format: sakip-lint/1", f"instansi: {_quoted(draw(NAME))}",
             f"tahun: {draw(st.integers(2010, 2030))}", "gaya_angka: id",
             "visi:", f"  - {{id: V, teks: {_quoted(draw(NAME))}}}",
             "misi:", f"  - {{id: M-1, teks: {_quoted(draw(NAME))}, visi: V}}",
             "tujuan:", f"  - {{id: T-1, teks: {_quoted(draw(NAME))}, misi: M-1}}", "sasaran:"]
    sasaran = [f"S-{n:02d}" for n in range(1, draw(st.integers(1, 3)) + 1)]
    lines += [f"  - {{id: {s}, teks: {_quoted(draw(NAME))}, tujuan: T-1}}" for s in sasaran]
    indicators, rows = [], []
    for s in sasaran:
        for k in range(1, draw(st.integers(1, 3)) + 1):
            ident = f"IK-{s[2:]}{k}"
            kind = draw(st.sampled_from(["absolut", "persentase"]))
            indicators.append(f"  - {{id: {ident}, teks: {_quoted(draw(NAME))}, sasaran: {s}, "
                              f"tipe: {kind}}}")
            target = draw(st.integers(1, 10**9))
            realisasi = draw(st.integers(0, 10**9))
            decimals = draw(st.sampled_from([0, 2]))
            stated = draw(st.integers(0, 20000))
            rows.append(f"      - {{id: {ident}, nomor: \"{len(rows) + 1}\", "
                        f"target: \"{_indonesian(target, decimals)}\", "
                        f"realisasi: \"{_indonesian(realisasi, decimals)}\", "
                        f"capaian: \"{_indonesian(stated, 2)}\"}}")
    lines += ["indikator:", *indicators, "tempat:", f"  {_quoted(draw(NAME))}:",
              "    peran: pengukuran", "    baris:", *rows]
    return "\n".join(lines) + "\n"


@SEEDED
@FUZZ_VALID
@given(report=valid_reports(), command=COMMANDS)
def test_a_valid_report_is_never_unusable(tmp_path, report, command):
    path = tmp_path / "laporan.yaml"
    path.write_text(report, encoding="utf-8")
    verb, *options = command
    assert_answers((verb, str(path), *options), allowed=(0,) if verb != "check" else (0, 1))


def test_a_run_past_its_bounds_fails_its_example():
    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(Hang), bounded():
        while True:
            pass
    with pytest.raises(MemoryError), bounded():
        bytearray(2 * MEMORY)
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # and the limit is given back
