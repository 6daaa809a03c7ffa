"""The project's configuration: ``[tool.sakip-lint]`` in ``pyproject.toml`` or a
``.sakip-lint.toml``, found from the checked files' folder upwards (``--config`` names one).

A repository of report files says once how it is checked: extra rule folders, which codes
run (``select``/``ignore`` by code or prefix, per file with globs), severities, the language,
``fail-on``, what a folder walk leaves out, and the capaian choices of the rule language
(``[tool.sakip-lint.capaian]``: tolerance, rounding, cap, ...). Those choices are written as
rule-language statements after every rule file, so they override the defaults the way a
user's rule file does and are part of the ruleset's digest. (``config.py`` is something else:
the capaian configuration compiled from the rules.)

An unknown key or a wrong value is an error located at its line and column (``tomllib``
gives no positions, so ``key_positions`` reads them from the text), never silently ignored.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from sakip_lint import escape
from sakip_lint.config import Aggregate, MissingValue, RoundingMode, ZeroTarget
from sakip_lint.dsl.errors import DslProblem, problem
from sakip_lint.files import is_folder
from sakip_lint.findings import Severity
from sakip_lint.model import Polarity
from sakip_lint.textfile import decode, read_bytes

PROJECT_FILE = ".sakip-lint.toml"
PYPROJECT = "pyproject.toml"
SECTION = ("tool", "sakip-lint")
TOOL_CODES = ("SUP001", "SUP002", "SUP003")  # the suppression comments' own findings
LANGUAGES = ("id", "en")
FAIL_ON = tuple(severity.value for severity in Severity)

TOP_KEYS = {"rules": "list", "select": "list", "ignore": "list", "per-file-ignores": "table",
            "severity": "table", "lang": "str", "fail-on": "str", "exclude": "list",
            "capaian": "table"}
CAPAIAN_KEYS = ("tolerance", "rounding", "rounding-habits", "cap", "missing-realisasi",
                "overall", "zero-target", "inside-range", "default-polarity")
ROUNDING_KEYS = ("decimals", "mode")
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")


class SettingsError(Exception):
    """The configuration cannot be used: located problems, said in the user's language."""

    def __init__(self, problems: list[DslProblem]) -> None:
        super().__init__("; ".join(found.format("en") for found in problems))
        self.problems = problems


@dataclass(frozen=True)
class Settings:
    """What a configuration file says (nothing: every default)."""

    path: Path | None = None
    digest: str | None = None
    rules: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    lang: str | None = None
    fail_on: str | None = None
    exclude: tuple[str, ...] = ()
    capaian_rules: str | None = None  # the [capaian] choices as rule-language statements
    positions: dict[tuple[str, ...], tuple[int, int]] = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)

    @property
    def root(self) -> Path:
        """The folder relative paths and globs of the file are read from."""
        return self.path.parent if self.path is not None else Path.cwd()

    @property
    def provenance(self) -> tuple[str, str] | None:
        return None if self.path is None else (str(self.path), self.digest or "")

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the configuration's folder, with '/' (or as given if outside)."""
        absolute = _absolute(path)
        try:
            return absolute.relative_to(_absolute(self.root)).as_posix()
        except ValueError:
            return Path(path).as_posix()

    def excluded(self, path: str | Path) -> bool:
        relative = self.relative(path)
        return any(glob_match(pattern, relative) for pattern in self.exclude)

    def ignored_codes(self, path: str | Path) -> tuple[str, ...]:
        """The codes and prefixes ``per-file-ignores`` switch off for this file."""
        relative = self.relative(path)
        return tuple(code for pattern, codes in self.per_file_ignores
                     if glob_match(pattern, relative) for code in codes)

    def active(self, code: str) -> bool:
        return ((not self.select or matches(code, self.select)) and not matches(code, self.ignore))

    def _problem(self, key: tuple[str, ...], message: str, **args: object) -> DslProblem:
        line, column = self.positions.get(key, (None, None))
        return problem(str(self.path), self.text, line, column, message, **args)

    def check_codes(self, known: set[str]) -> None:
        """Every code or prefix the file names must name something: a misspelt code that
        silently selects nothing is the error this tool exists to catch."""
        problems = []
        lists = [(("select",), self.select), (("ignore",), self.ignore),
                 *((("per-file-ignores", pattern), codes) for pattern, codes in self.per_file_ignores)]
        for key, codes in lists:
            for code in codes:
                if not any(name.startswith(code) for name in known):
                    problems.append(self._problem(key, "settings.unknown-code",
                                                  setting=escape.plain(".".join(key)),
                                                  code=escape.plain(code)))
        for code in self.severity:
            if code not in known:
                problems.append(self._problem(("severity", code), "settings.unknown-code",
                                              setting="severity", code=escape.plain(code)))
        if problems:
            raise SettingsError(problems)


def _absolute(path: str | Path) -> Path:
    """An absolute path without resolving links (a link loop must reach the loader, which
    names it)."""
    return Path(os.path.abspath(path))


def matches(code: str, patterns: tuple[str, ...]) -> bool:
    return any(code.startswith(pattern) for pattern in patterns)


def glob_match(pattern: str, path: str) -> bool:
    """Gitignore-like globs on '/' paths: ``*`` and ``?`` stay within a folder, ``**`` spans
    folders, a pattern without '/' matches a name at any depth, a folder matches all it holds."""
    regex = _glob_regex(pattern.strip("/") if "/" in pattern.strip("/") else "**/" + pattern)
    parts = PurePosixPath(path).parts
    return any(regex.fullmatch("/".join(parts[:end])) for end in range(1, len(parts) + 1))


def _glob_regex(pattern: str) -> re.Pattern[str]:
    out, index = [], 0
    while index < len(pattern):
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif pattern.startswith("**", index):
            out.append(".*")
            index += 2
        elif pattern[index] == "*":
            out.append("[^/]*")
            index += 1
        elif pattern[index] == "?":
            out.append("[^/]")
            index += 1
        else:
            out.append(re.escape(pattern[index]))
            index += 1
    return re.compile("".join(out))


# --- finding the file ----------------------------------------------------------------------

def discover(start: Path) -> Path | None:
    """The nearest ``.sakip-lint.toml``, or ``pyproject.toml`` with a ``[tool.sakip-lint]``
    table, in ``start`` (a folder, or a file's folder) or a folder above it."""
    start = _absolute(start)
    folder = start if is_folder(start) else start.parent
    for candidate in (folder, *folder.parents):
        own = candidate / PROJECT_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_section(pyproject):
            return pyproject
    return None


def _has_section(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return "[tool.sakip-lint" in _read_quietly(pyproject)  # broken: load() says where
    return isinstance(data.get("tool"), dict) and "sakip-lint" in data["tool"]


def _read_quietly(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def common_start(paths) -> Path:
    """Where discovery starts for a run over ``paths``: their deepest common folder."""
    folders = [(_absolute(path) if is_folder(Path(path)) else _absolute(path).parent)
               for path in paths] or [Path.cwd()]
    common = folders[0]
    for folder in folders[1:]:
        while common != folder and common not in folder.parents:
            common = common.parent
    return common


# --- reading it ----------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r'\s*(?P<key>(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
                  r'(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\'))*)\s*=')


def _key_parts(text: str) -> tuple[str, ...]:
    parts = re.findall(r'[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\'', text)
    return tuple(part[1:-1] if part[0] in "\"'" else part for part in parts)


def key_positions(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Line and column (1-based) of every key and table of a TOML text, by dotted path: the
    headers, ``key = value`` lines (dotted keys too) and the keys of inline tables."""
    positions: dict[tuple[str, ...], tuple[int, int]] = {}
    prefix: tuple[str, ...] = ()
    depth = 0  # inside a multi-line array
    for number, line in enumerate(text.splitlines(), start=1):
        if depth == 0:
            header = _HEADER.match(line)
            if header:
                prefix = _key_parts(header.group("name"))
                positions.setdefault(prefix, (number, line.index("[") + 1))
                continue
        _inline_keys(line, number, prefix, positions, depth > 0)
        depth = max(depth + _bracket_balance(line), 0)
    return positions


def _inline_keys(line: str, number: int, prefix: tuple[str, ...], positions: dict,
                 continued: bool) -> None:
    """Keys of one line: the line's own key (unless it continues an array) and those inside
    ``{...}``, each under the key that opens its table."""
    stack = [prefix]
    index = 0
    expect_key = not continued
    while index < len(line):
        char = line[index]
        if expect_key:
            found = _KEY.match(line, index)
            if found:
                key = stack[-1] + _key_parts(found.group("key"))
                positions.setdefault(key, (number, found.start("key") + 1))
                stack.append(key)  # a '{' that follows opens this key's table
                index, expect_key = found.end(), False
                continue
        if char in "\"'":
            index = _string_end(line, index)
            continue
        if char == "#":
            break
        if char == "{":
            stack.append(stack[-1])
            expect_key = True
        elif char == "}":
            stack = stack[:-2] if len(stack) > 2 else stack[:1]
        elif char == "," and len(stack) > 2:
            stack.pop()
            expect_key = True
        index += 1


def _string_end(line: str, start: int) -> int:
    quote = line[start]
    index = start + 1
    while index < len(line):
        if line[index] == "\\" and quote == '"':
            index += 2
            continue
        if line[index] == quote:
            return index + 1
        index += 1
    return index


def _bracket_balance(line: str) -> int:
    balance, index = 0, line.find("=") + 1 if "=" in line else 0
    while index < len(line):
        char = line[index]
        if char in "\"'":
            index = _string_end(line, index)
            continue
        if char == "#":
            break
        balance += (char == "[") - (char == "]")
        index += 1
    return balance


def load(path: Path) -> Settings:
    """The settings of a configuration file; every problem located in it."""
    if not path.exists():
        raise SettingsError([problem(str(path), None, None, None, "settings.missing",
                                     path=escape.plain(path))])
    content, unreadable = read_bytes(path)  # bounded and located, as rule files are
    text, unreadable = decode(content) if content is not None else (None, unreadable)
    if unreadable is not None:
        raise SettingsError([problem(str(path), None, unreadable.line, unreadable.column,
                                     unreadable.key, **unreadable.args)])
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(where.group(1)), int(where.group(2))) if where else (None, None)
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise SettingsError([problem(str(path), text, line, column, "settings.syntax",
                                     detail=escape.plain(detail))]) from None
    prefix: tuple[str, ...] = ()
    if path.name == PYPROJECT:
        prefix = SECTION
        data = data.get("tool", {}).get("sakip-lint", {})
    reader = _Reader(path, text, key_positions(text), prefix)
    settings = reader.read(data)
    if reader.problems:
        raise SettingsError(reader.problems)
    return replace(settings, path=path, digest=hashlib.sha256(content).hexdigest())


class _Reader:
    """Checks the keys and values of the table and turns them into ``Settings``."""

    def __init__(self, path: Path, text: str, positions: dict, prefix: tuple[str, ...]) -> None:
        self.path, self.text, self.positions, self.prefix = path, text, positions, prefix
        self.problems: list[DslProblem] = []

    def where(self, key: tuple[str, ...]) -> tuple[int | None, int | None]:
        for end in range(len(key), -1, -1):  # the key, or the nearest table that holds it
            found = self.positions.get(self.prefix + key[:end])
            if found:
                return found
        return None, None

    def problem(self, key: tuple[str, ...], message: str, **args: object) -> None:
        """A located problem; the file's keys and values are data, shown with their controls
        visible."""
        line, column = self.where(key)
        shown = {name: value if hasattr(value, "render") else escape.plain(value)
                 for name, value in args.items()}
        self.problems.append(problem(str(self.path), self.text, line, column, message,
                                     setting=escape.plain(".".join(self.prefix + key)), **shown))

    def unknown(self, table: dict, allowed, key: tuple[str, ...] = ()) -> None:
        for name in table:
            if name not in allowed:
                self.problem(key + (name,), "settings.unknown-key",
                             allowed=", ".join(allowed))

    def typed(self, key: tuple[str, ...], value: object, kind: str) -> bool:
        ok = {"list": isinstance(value, list) and all(isinstance(item, str) for item in value),
              "table": isinstance(value, dict), "str": isinstance(value, str)}[kind]
        if not ok:
            self.problem(key, "settings.bad-type", expected=_term(kind))
        return ok

    def choice(self, key: tuple[str, ...], value: object, allowed) -> str | None:
        if not isinstance(value, str) or value not in allowed:
            self.problem(key, "settings.bad-value", value=value, allowed=", ".join(allowed))
            return None
        return value

    def read(self, data: dict) -> Settings:
        self.unknown(data, TOP_KEYS)
        values = {name: data[name] for name in TOP_KEYS if name in data
                  and self.typed((name,), data[name], TOP_KEYS[name])}
        root = self.path.parent
        per_file = []
        for pattern, codes in values.get("per-file-ignores", {}).items():
            if self.typed(("per-file-ignores", pattern), codes, "list"):
                per_file.append((pattern, tuple(codes)))
        severity = {}
        for code, level in values.get("severity", {}).items():
            chosen = self.choice(("severity", code), level, FAIL_ON)
            if chosen is not None:
                severity[code] = Severity(chosen)
        lang = self.choice(("lang",), values["lang"], LANGUAGES) if "lang" in values else None
        fail_on = (self.choice(("fail-on",), values["fail-on"], FAIL_ON)
                   if "fail-on" in values else None)
        return Settings(rules=tuple(root / folder for folder in values.get("rules", ())),
                        select=tuple(values.get("select", ())),
                        ignore=tuple(values.get("ignore", ())),
                        per_file_ignores=tuple(per_file), severity=severity, lang=lang,
                        fail_on=fail_on, exclude=tuple(values.get("exclude", ())),
                        capaian_rules=self.capaian(values.get("capaian")),
                        positions={key[len(self.prefix):]: at for key, at in self.positions.items()
                                   if key[:len(self.prefix)] == self.prefix},
                        text=self.text)

    def number(self, key: tuple[str, ...], value: object) -> str | None:
        """A number as the rule language writes it (``0,02``)."""
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            self.problem(key, "settings.bad-type", expected=_term("number"))
            return None
        try:
            text = format(Decimal(str(value).replace(",", ".")), "f")
        except InvalidOperation:
            text = str(value)
        if not _NUMBER.match(text):
            self.problem(key, "settings.bad-value", value=value, allowed=_term("number"))
            return None
        return text.replace(".", ",")

    def capaian(self, table: dict | None) -> str | None:
        """The ``[capaian]`` choices as rule-language statements (see docs/configuration)."""
        if not table:
            return None
        key = ("capaian",)
        self.unknown(table, CAPAIAN_KEYS, key)
        lines = []
        if "tolerance" in table:
            number = self.number(key + ("tolerance",), table["tolerance"])
            lines += [f"toleransi {number}"] if number else []
        if "rounding" in table and self.typed(key + ("rounding",), table["rounding"], "table"):
            rounding = table["rounding"]
            self.unknown(rounding, ROUNDING_KEYS, key + ("rounding",))
            decimals = rounding.get("decimals", 2)
            if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 10:
                self.problem(key + ("rounding", "decimals"), "settings.bad-value", value=decimals,
                             allowed="0 … 10")
                decimals = None
            mode = self.choice(key + ("rounding", "mode"), rounding.get("mode", "setengah-ke-atas"),
                               [mode.value for mode in RoundingMode])
            if decimals is not None and mode:
                lines.append(f"pembulatan {decimals} desimal {mode}")
        if "rounding-habits" in table and self.typed(key + ("rounding-habits",),
                                                     table["rounding-habits"], "list"):
            modes = [self.choice(key + ("rounding-habits",), mode, [m.value for m in RoundingMode])
                     for mode in table["rounding-habits"]]
            if not modes:
                self.problem(key + ("rounding-habits",), "settings.bad-value", value="[]",
                             allowed=", ".join(mode.value for mode in RoundingMode))
            elif all(modes):
                lines.append("pembulatan lain " + ", ".join(modes))
        if "cap" in table:
            if table["cap"] is False:
                lines.append("opsi batas_capaian = tidak_ada")
            else:
                number = self.number(key + ("cap",), table["cap"])
                lines += [f"opsi batas_capaian = {number}"] if number else []
        for name, option, allowed in (("missing-realisasi", "realisasi_kosong", MissingValue),
                                      ("overall", "capaian_keseluruhan", Aggregate),
                                      ("zero-target", "target_nol", ZeroTarget)):
            if name in table:
                chosen = self.choice(key + (name,), table[name], [value.value for value in allowed])
                lines += [f"opsi {option} = {chosen}"] if chosen else []
        if "inside-range" in table:
            number = self.number(key + ("inside-range",), table["inside-range"])
            lines += [f"opsi capaian_dalam_rentang = {number}"] if number else []
        if "default-polarity" in table:
            chosen = self.choice(key + ("default-polarity",), table["default-polarity"],
                                 [Polarity.POSITIF.value, Polarity.NEGATIF.value])
            lines += [f"polaritas bawaan {chosen}"] if chosen else []
        return "\n".join(lines) + "\n" if lines else None


def _term(kind: str):
    from sakip_lint.messages import term

    return term(f"settings.type.{kind}")
