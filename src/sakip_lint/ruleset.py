"""Loading rule files (the defaults shipped in the package, then the user's) into one config.

Later files override earlier ones statement by statement, so a user file that says only
``opsi batas_capaian = 120`` changes the cap and keeps every other default. A run without
rules, or with a rule file that fails to load, is an error: never a silent "all clear".
The rules are compiled (``rule_compiler``) once and then read from the cache
(``rule_cache``), so a run that finds them there imports neither lark nor the compiler.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sakip_lint.config import CapaianConfig
from sakip_lint.dsl.errors import DslError, DslProblem, problem
from sakip_lint.rule import Rule
from sakip_lint.textfile import decode, read_bytes

if TYPE_CHECKING:  # the statements of a rule file: only when the rules are compiled
    from sakip_lint.dsl import ast

RULE_SUFFIX = ".sakip"


@dataclass(frozen=True)
class RuleSource:
    name: str  # shown in messages: 'sakip_lint/rules/capaian.sakip' or the user's path
    text: str


@dataclass(frozen=True)
class Ruleset:
    config: CapaianConfig
    rules: tuple[Rule, ...]
    sources: tuple[str, ...]
    digest: str  # sha256 of every rule file in load order: provenance of each report

    @property
    def short_digest(self) -> str:
        return self.digest[:12]

    def rule(self, code: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.code == code), None)


def default_sources() -> list[RuleSource]:
    folder = files("sakip_lint.rules")
    return [RuleSource(f"sakip_lint/rules/{entry.name}", entry.read_text(encoding="utf-8"))
            for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
            if entry.name.endswith(RULE_SUFFIX)]


def user_sources(folder: Path) -> list[RuleSource]:
    """The rule files of a user folder (or one file); an empty folder is an error."""
    paths = [folder] if folder.is_file() else sorted(folder.glob(f"*{RULE_SUFFIX}"))
    if not folder.exists() or not paths:
        raise DslError([problem(str(folder), None, None, None, "dsl.no-rules", path=folder)])
    sources = []
    for path in paths:  # bounded, decoded and located as data files are (sakip_lint.textfile)
        content, unreadable = read_bytes(path, "max_rule_bytes")
        text, unreadable = decode(content) if content is not None else (None, unreadable)
        if unreadable is not None:
            raise DslError([problem(str(path), None, unreadable.line, unreadable.column,
                                    unreadable.key, **unreadable.args)])
        sources.append(RuleSource(str(path), text))
    return sources


def load_ruleset(extra: list[Path] | tuple[Path, ...] = ()) -> Ruleset:
    sources = default_sources()
    for folder in extra:
        sources.extend(user_sources(Path(folder)))
    return compile_sources(sources)


def compile_sources(sources: list[RuleSource]) -> Ruleset:
    """The rules of ``sources``, compiled once and then read from the cache (``rule_cache``)
    while no rule file, grammar, limit or module of the tool changes."""
    from sakip_lint import rule_cache

    return rule_cache.cached(sources, lambda: _compile(sources), Ruleset)


def _compile(sources: list[RuleSource]) -> Ruleset:
    from sakip_lint.dsl.parser import parse_rules  # lark: only when the rules are compiled
    from sakip_lint.rule_compiler import Compiler

    statements: list[ast.Statement] = []
    problems: list[DslProblem] = []
    texts = {source.name: source.text for source in sources}
    for source in sources:
        try:
            statements.extend(parse_rules(source.text, source.name))
        except DslError as error:
            problems.extend(error.problems)
    if not sources:
        problems.append(problem("rules", None, None, None, "dsl.no-rules", path="rules"))
    if problems:
        raise DslError(problems)
    config, rules = Compiler(texts).compile(statements)
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.rsplit("/", 1)[-1].encode() + b"\0" + source.text.encode() + b"\0")
    return Ruleset(config, rules, tuple(source.name for source in sources), digest.hexdigest())
