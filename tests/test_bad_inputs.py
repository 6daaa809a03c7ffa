"""Broken and hostile input, case by case through the command line.

Every case of ``fixtures/bad/cases.yaml`` runs the command line (``sakip_lint.cli.main`` with
the case's arguments, from ``fixtures/bad``) in its own process, bounded in time (5 s) and
address space (500 MiB beyond what it starts with), as a CI job or a reviewer's shell would
run it on a file someone else wrote. Each must end with its exit code and its message, without a traceback or an
internal error, and nothing of the data may reach the terminal as a control sequence: the
output is valid UTF-8 and holds no control character but the line feed.

The processes are forked from this one, which has imported the tool and parsed the built-in
rule files once, and run a few at a time: a new interpreter that parses the twelve rule files
again for each of the 150 runs would take a minute, for nothing the cases are about.
``tests/test_cli.py`` runs the installed ``python -m sakip_lint.cli`` itself.
"""

from __future__ import annotations

import io
import json
import locale
import multiprocessing
import os
import re
import resource
import shutil
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

import cmarkgfm
import pytest
import yaml

from sakip_lint import ruleset as _ruleset
from sakip_lint.dsl import parser as _dsl_parser
from sakip_lint.cli import main

BAD = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
TIME_LIMIT = 5  # seconds of wall time per run
MEMORY_LIMIT = 500 * 2**20  # bytes of address space per run
# anything a terminal could act on: C0 but the line feed, DEL, C1, the line/paragraph
# separators and the bidirectional controls
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f"
                         "\u202a-\u202e\u2066-\u2069]")
NEVER = ("Traceback", "Kesalahan internal", "internal error")


def _runs() -> list[tuple[dict, str]]:
    """(case, language): a case runs once per language its ``contains`` names."""
    runs = []
    for case in CASES:
        contains = case.get("contains", [])
        languages = list(contains) if isinstance(contains, dict) else [case.get("lang", "id")]
        runs += [(case, lang) for lang in languages]
    return runs


RUNS = _runs()


def test_the_corpus_is_large_and_covers_every_kind_of_problem():
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    assert len(CASES) >= 80
    kinds = {case["issue"] for case in CASES}
    assert kinds == {"escaping", "limits", "numbers", "templates", "load", "scales",
                     "cli"}, kinds


def _parsed_defaults() -> dict[tuple[str, str], object]:
    """The statements of the built-in rule files, parsed once where this module is imported
    (in the fork server too); empty if the rule parser has changed shape."""
    try:
        return {(source.text, source.name): _dsl_parser.parse_rules(source.text, source.name)
                for source in _ruleset.default_sources()}
    except AttributeError:  # pragma: no cover - then every run parses them again
        return {}


_PARSED_DEFAULTS = _parsed_defaults()


def _reuse_parsed_defaults() -> None:  # pragma: no cover - runs in the child process
    parse = getattr(_dsl_parser, "parse_rules", None)
    if parse is None or not _PARSED_DEFAULTS:
        return

    def parse_rules(text, name):
        known = _PARSED_DEFAULTS.get((text, name))
        return known if known is not None else parse(text, name)

    _dsl_parser.parse_rules = parse_rules


def _child(argv: list[str], out_path: str, err_path: str, memory: int,
           environment: dict[str, str]) -> None:  # pragma: no cover
    """The command line in a forked process: its limits, its environment, its own stdout and
    stderr (written as an interpreter started in a pipe writes them: strict locale encoding
    for stdout)."""
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (TIME_LIMIT + 1, TIME_LIMIT + 1))
    os.chdir(BAD)
    os.environ.pop("SAKIP_LINT_DEBUG", None)
    os.environ.update(environment)
    _reuse_parsed_defaults()
    for fd, path in ((1, out_path), (2, err_path)):
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(handle, fd)
        os.close(handle)
    encoding = locale.getpreferredencoding(False)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding=encoding)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding=encoding,
                                  errors="backslashreplace")
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse
        code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
    except BaseException:  # noqa: BLE001 - what escapes main is what the test must see
        traceback.print_exc()
        code = 70
    try:
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001
        traceback.print_exc()
        code = 70
    sys.stderr.flush()
    os._exit(code)


def _write_parts(out, parts: list) -> None:
    """[text, count] pieces, each repeated ``count`` times, written a megabyte at a time."""
    for text, count in parts:
        chunk = text.encode()
        step = max(1, (1 << 20) // max(1, len(chunk)))
        for start in range(0, count, step):
            out.write(chunk * min(step, count - start))


def _generate(case: dict, folder: Path) -> dict[str, str | bytes]:
    """The inputs a case does not commit: placeholders for its arguments."""
    made: dict[str, str | bytes] = {}
    spec = case.get("generate")
    if spec is None:
        return made
    kind = spec["kind"]
    target = folder / case["id"]
    target.mkdir()
    if kind == "parts":  # a long file from repeated pieces, written piece by piece
        path = target / spec["name"]
        with path.open("wb") as out:
            _write_parts(out, spec["parts"])
        made["gen"] = str(path)
    elif kind == "splice":  # a committed file with one text (found once) made of long pieces
        text = (BAD / spec["from"]).read_bytes()
        find = spec["find"].encode()
        assert text.count(find) == 1, f"{spec['find']!r} must occur once in {spec['from']}"
        before, after = text.split(find)
        path = target / spec.get("name", Path(spec["from"]).name)
        with path.open("wb") as out:
            out.write(before)
            _write_parts(out, spec["parts"])
            out.write(after)
        made["gen"] = str(path)
    elif kind == "rename":  # a committed file under a hostile name
        name = bytes.fromhex(spec["hex"]) if "hex" in spec else spec["name"].encode()
        path = os.path.join(os.fsencode(target), name)
        shutil.copyfile(BAD / spec["from"], path)
        made["gen"] = path
    elif kind == "symlink_loop":
        (target / "a.yaml").symlink_to(target / "b.yaml")
        (target / "b.yaml").symlink_to(target / "a.yaml")
        made["gen"] = str(target / "a.yaml")
    elif kind == "fifo":  # a named pipe nobody writes to: opening it waits for ever
        os.mkfifo(target / "pipa.yaml")
        made["gen"] = str(target / "pipa.yaml")
    elif kind == "directory":
        made["gen"] = str(target)
    elif kind == "missing":
        made["gen"] = str(target / spec["name"])
    else:
        raise AssertionError(f"unknown generator {kind}")
    return made


def _argv(case: dict, lang: str, made: dict[str, str | bytes]) -> list[str]:
    """The arguments as the interpreter hands them to the program (bytes that are not UTF-8
    become surrogates)."""
    args: list[str] = []
    for arg in case.get("args", ["check", "{file}"]):
        if arg == "{gen}":
            args.append(os.fsdecode(made["gen"]))
        elif arg == "{file}":
            args.append(case["files"][0])
        else:
            args.append(arg)
    if "rules" in case:
        args += ["--rules", case["rules"]]
    if "format" in case:
        args += ["--format", case["format"]]
    if case.get("lang_flag", True):
        args += ["--lang", lang]
    return args


def _environment(case: dict, lang: str) -> dict[str, str]:
    """The case's variables; without --lang, the language is the environment's."""
    language = {} if case.get("lang_flag", True) else {"SAKIP_LINT_LANG": lang}
    return {**language, **case.get("env", {})}


@dataclass(frozen=True)
class Outcome:
    code: int | None  # None: the time bound was exceeded
    out: bytes
    err: bytes


def _address_space() -> int:
    """Bytes of address space this process holds now: a forked child starts with them."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0  # pragma: no cover - not Linux


def _run_all(runs: list[tuple[dict, str, dict]], folder: Path) -> dict[tuple[str, str], Outcome]:
    """Fork one process per run (from this, the main thread), a few at a time; a run past
    its time is killed and has no exit code."""
    forks = multiprocessing.get_context("fork")
    memory = _address_space() + MEMORY_LIMIT  # what the fork inherits, and 500 MiB more
    pending, running, outcomes = list(runs), {}, {}
    while pending or running:
        while pending and len(running) < (os.cpu_count() or 2):
            case, lang, made = pending.pop(0)
            paths = tuple(folder / f"{case['id']}-{lang}.{name}" for name in ("out", "err"))
            process = forks.Process(target=_child, args=(_argv(case, lang, made), *map(str, paths),
                                                         memory, _environment(case, lang)))
            process.start()
            running[process.sentinel] = ((case["id"], lang), process, paths,
                                         time.monotonic() + TIME_LIMIT)
        now = time.monotonic()
        wait(list(running), timeout=max(0.0, min(entry[3] for entry in running.values()) - now))
        for sentinel, (key, process, paths, deadline) in list(running.items()):
            if process.exitcode is None and time.monotonic() < deadline:
                continue
            code = process.exitcode
            if code is None:
                process.kill()
            process.join()
            del running[sentinel]
            out, err = (path.read_bytes() if path.exists() else b"" for path in paths)
            outcomes[key] = Outcome(code, out, err)
    return outcomes


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, request) -> dict[tuple[str, str], Outcome]:
    """Every selected run, once, in parallel; generated inputs are made first."""
    selected = {(item.callspec.params["case"]["id"], item.callspec.params["lang"])
                for item in request.session.items
                if getattr(item, "callspec", None) and item.function is test_bad_input}
    wanted = [(case, lang) for case, lang in RUNS if (case["id"], lang) in selected]
    folder = tmp_path_factory.mktemp("bad")
    made = {case["id"]: _generate(case, folder) for case in {c["id"]: c for c, _ in wanted}.values()}
    return _run_all([(case, lang, made[case["id"]]) for case, lang in wanted], folder)


def _wanted(case: dict, lang: str, key: str) -> list[str]:
    value = case.get(key, [])
    if isinstance(value, dict):
        value = value.get(lang, [])
    return [value] if isinstance(value, str) else list(value)


def _json_strings(document) -> list[str]:
    if isinstance(document, dict):
        return [s for key, value in document.items() for s in [key, *_json_strings(value)]]
    if isinstance(document, list):
        return [s for value in document for s in _json_strings(value)]
    return [document] if isinstance(document, str) else []


# what GitHub would make of text from the data: a link, an image, emphasis, code, a strikethrough
MARKUP_ELEMENT = re.compile(r"<(a|img|em|strong|del|code|script|iframe)\b")


def _renders_as_written(page: str, explain: bool) -> None:
    """A Markdown output rendered as GitHub renders it (cmark-gfm with its tables,
    autolinks, strikethrough and tag filter) holds no raw HTML, and text from the data makes
    no element: the page shows it as written. ``explain`` shows a rule writer's Markdown,
    whose emphasis and links are theirs to write."""
    html = cmarkgfm.github_flavored_markdown_to_html(page)
    assert "raw HTML omitted" not in html, html[-2000:]
    if not explain:
        found = MARKUP_ELEMENT.search(html)
        assert found is None, html[max(0, found.start() - 200):found.end() + 200]


@pytest.mark.parametrize("case,lang", RUNS, ids=[f"{case['id']}-{lang}" for case, lang in RUNS])
def test_bad_input(case, lang, outcomes):
    outcome = outcomes[(case["id"], lang)]
    assert outcome.code is not None, f"no answer within {TIME_LIMIT} s"
    out = outcome.out.decode("utf-8")  # the output is valid UTF-8, whatever the file name
    err = outcome.err.decode("utf-8")
    text = out + err
    expected = case["exit"]
    assert outcome.code in (expected if isinstance(expected, list) else [expected]), text[-2000:]
    for never in NEVER:
        assert never not in text, text[-2000:]
    raw = RAW_CONTROL.search(text)
    assert raw is None, f"raw {raw.group()!r} reached the terminal: {text[max(0, raw.start() - 80):raw.end() + 80]!r}"
    for fragment in _wanted(case, lang, "contains"):
        assert fragment in text, f"{fragment!r} not in output:\n{text[-3000:]}"
    for fragment in _wanted(case, lang, "not_contains"):
        assert fragment not in text, f"{fragment!r} in output"
    if case.get("format") == "markdown":
        _renders_as_written(out, explain=case.get("args", ["check"])[0] == "explain")
    if case.get("dot_renders") and shutil.which("dot"):
        drawn = subprocess.run(["dot", "-Tsvg"], input=outcome.out, capture_output=True,
                               timeout=30)
        assert drawn.returncode == 0, drawn.stderr.decode(errors="replace")
    if _wanted(case, lang, "json_contains"):
        strings = _json_strings(json.loads(out))
        for value in _wanted(case, lang, "json_contains"):
            assert any(value in string for string in strings), value


# --- the escaping functions themselves, for the outputs still to come (HTML) ----------------

@pytest.mark.parametrize("function,text,expected", [
    # a control character is written out; the line feed too, in one-line text
    ("plain", "a\x1b[2Jb\x9b31m\r\n\t\x07\x7f", "a\\x1b[2Jb\\x9b31m\\r\\n\\t\\x07\\x7f"),
    ("plain", "kiri \u202ekanan\u2066", "kiri \\u202ekanan\\u2066"),
    ("plain", "berkas\udcff.yaml", "berkas\\udcff.yaml"),
    ("plain", "Tabel 3.1 [/] <b> | \\", "Tabel 3.1 [/] <b> | \\"),  # nothing else changes
    ("markdown", "<img onerror=x> & [a](b) | `c` *d* \\", "&lt;img onerror=x&gt; &amp; \\[a\\](b) \\| \\`c\\` \\*d\\* \\\\"),
    ("markdown", "a\x1bb", "a\\\\x1bb"),  # the backslash of \x1b is itself escaped
    # GitHub's autolinks, emphasis with _ and strikethrough; "3.1:" and "awww." are no link
    ("markdown", "https://a.b/c WWW.d.e _f_ ~~g~~ ftp://h 3.1: awww.x (www.y",
     "https\\://a.b/c WWW\\.d.e \\_f\\_ \\~\\~g\\~\\~ ftp\\://h 3.1: awww.x (www\\.y"),
    ("markdown_block", "*doc* <b>x</b>\n\t[a](b)\x1b", "*doc* &lt;b&gt;x&lt;/b&gt;\n\t[a](b)\\x1b"),
    ("markdown_fence", "a ```` b ` c", "`````"),
    ("html", "<script>\"'&\x1b", "&lt;script&gt;&quot;&#x27;&amp;\\x1b"),
    ("dot", 'a"b\\', 'a\\"b\\\\'),
    ("dot_string", "\\N", '"\\\\N"'),
    ("mermaid", 'x"] --> y["<b>|#;', "x#34;#93; --#62; y#91;#34;#60;b#62;#124;#35;#59;"),
])
def test_escape_functions(function, text, expected):
    from sakip_lint import escape
    assert getattr(escape, function)(text) == expected


def test_markdown_from_the_data_renders_as_written():
    from sakip_lint import escape
    text = "https://a.b/c www.d.e _f_ ~~g~~ *h* `i` [j](k) <b>l</b> &amp; | \\"
    html = cmarkgfm.github_flavored_markdown_to_html(escape.markdown(text))
    assert html == "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        + "</p>\n"


def test_every_rule_explained_in_markdown_holds_no_raw_html(capsys):
    rules = _ruleset.load_ruleset().rules
    for rule in rules:
        assert main(["explain", rule.code, "--format", "markdown"]) == 0
        html = cmarkgfm.github_flavored_markdown_to_html(capsys.readouterr().out)
        assert "raw HTML omitted" not in html, rule.code
        # each example is one code block: its text cannot end the block
        assert html.count("<pre") == len(rule.examples), rule.code


def test_escape_for_rich_is_text_not_markup():
    from rich.console import Console

    from sakip_lint import escape
    console = Console(file=io.StringIO(), width=80, color_system=None)
    console.print(escape.rich("[/] [sic] [link=https://a.b]x[/link] :thumbs_up: \x1b[2J"))
    assert console.file.getvalue() == "[/] [sic] [link=https://a.b]x[/link] :thumbs_up: \\x1b[2J\n"


def test_escaped_json_is_the_same_data():
    from sakip_lint import escape
    document = {"teks": "a\x1b\x9b\u202e\u2028<b>|\\", "nomor": "4\u00b9"}
    text = escape.json_dumps(document)
    assert RAW_CONTROL.search(text) is None
    assert "\\u009b" in text and "\\u202e" in text and "4\u00b9" in text
    assert json.loads(text) == document
