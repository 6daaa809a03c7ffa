"""Loading rule files (the defaults shipped in the package, then the user's) into one config.

Later files override earlier ones statement by statement, so a user file that says only
``opsi batas_capaian = 120`` changes the cap and keeps every other default. A run without
rules, or with a rule file that fails to load, is an error: never a silent "all clear".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

from sakip_lint.config import (Aggregate, Band, CapaianConfig, Formula, MissingValue,
                               PolarityPattern, Rounding, RoundingMode, Scale)
from sakip_lint.dsl import ast
from sakip_lint.dsl.errors import DslError, DslProblem, problem
from sakip_lint.dsl.parser import parse_rules
from sakip_lint.expressions import variables
from sakip_lint.model import Polarity

RULE_SUFFIX = ".sakip"
FORMULA_VARIABLES = {
    Polarity.POSITIF: {"target", "realisasi"},
    Polarity.NEGATIF: {"target", "realisasi"},
    Polarity.KUALITATIF: {"posisi_target", "posisi_realisasi", "jumlah_posisi"},
}
CATEGORY_SCALE = "kategori_capaian"
OPTIONS = {
    "realisasi_kosong": {value.value for value in MissingValue},
    "capaian_keseluruhan": {value.value for value in Aggregate},
    "batas_capaian": None,  # a number, or tidak_ada
}


@dataclass(frozen=True)
class RuleSource:
    name: str  # shown in messages: 'sakip_lint/rules/capaian.sakip' or the user's path
    text: str


@dataclass(frozen=True)
class Ruleset:
    config: CapaianConfig
    sources: tuple[str, ...]
    digest: str  # sha256 of every rule file in load order: provenance of each report

    @property
    def short_digest(self) -> str:
        return self.digest[:12]


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
    for path in paths:
        try:
            sources.append(RuleSource(str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as error:
            raise DslError([problem(str(path), None, None, None, "dsl.unreadable",
                                    detail=error)]) from None
    return sources


def load_ruleset(extra: list[Path] | tuple[Path, ...] = ()) -> Ruleset:
    sources = default_sources()
    for folder in extra:
        sources.extend(user_sources(Path(folder)))
    return compile_sources(sources)


def compile_sources(sources: list[RuleSource]) -> Ruleset:
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
    config = _Compiler(texts).compile(statements)
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.rsplit("/", 1)[-1].encode() + b"\0" + source.text.encode() + b"\0")
    return Ruleset(config, tuple(source.name for source in sources), digest.hexdigest())


class _Compiler:
    """Statements -> CapaianConfig, checking what the grammar cannot (names, completeness)."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.problems: list[DslProblem] = []

    def _problem(self, position: ast.Position, key: str, **args: object) -> None:
        self.problems.append(problem(position.file, self.texts.get(position.file), position.line,
                                     position.column, key, **args))

    def compile(self, statements: list[ast.Statement]) -> CapaianConfig:
        formulas: dict[Polarity, Formula] = {}
        scales: dict[str, Scale] = {}
        patterns: list[PolarityPattern] = []
        settings: dict[str, object] = {}
        last_position = None
        for statement in statements:
            last_position = statement.position
            if isinstance(statement, ast.FormulaStatement):
                polarity = Polarity(statement.polarity)
                unknown = variables(statement.expression) - FORMULA_VARIABLES[polarity]
                for name in sorted(unknown):
                    self._problem(statement.position, "dsl.unknown-variable", name=name,
                                  allowed=", ".join(sorted(FORMULA_VARIABLES[polarity])))
                formulas[polarity] = Formula(polarity, statement.expression, statement.text)
            elif isinstance(statement, ast.ScaleStatement):
                if not statement.bands:
                    self._problem(statement.position, "dsl.empty-scale", name=statement.name)
                scales[statement.name] = Scale(statement.name, tuple(
                    Band(b.label, b.low, b.high, b.low_closed, b.high_closed)
                    for b in statement.bands))
            elif isinstance(statement, ast.PolarityPatternStatement):
                patterns.append(PolarityPattern(statement.phrase, Polarity(statement.polarity)))
            elif isinstance(statement, ast.PolarityDefaultStatement):
                settings["polarity_default"] = Polarity(statement.polarity)
            elif isinstance(statement, ast.RoundingStatement):
                settings["rounding"] = self._rounding(statement)
            elif isinstance(statement, ast.ToleranceStatement):
                settings["tolerance"] = statement.value
            elif isinstance(statement, ast.OptionStatement):
                self._option(statement, settings)
        if last_position is not None:
            for polarity in Polarity:
                if polarity not in formulas:
                    self._problem(last_position, "dsl.missing-formula", polarity=polarity.value)
            if CATEGORY_SCALE not in scales:
                self._problem(last_position, "dsl.missing-scale", name=CATEGORY_SCALE)
        if self.problems:
            raise DslError(self.problems)
        return CapaianConfig(formulas=formulas, category_scale=scales[CATEGORY_SCALE],
                             polarity_patterns=tuple(patterns), scales=scales, **settings)

    def _rounding(self, statement: ast.RoundingStatement) -> Rounding:
        if statement.decimals != statement.decimals.to_integral_value() or statement.decimals > 10:
            self._problem(statement.position, "dsl.bad-decimals", value=statement.decimals)
            return Rounding()
        return Rounding(int(statement.decimals), RoundingMode(statement.mode))

    def _option(self, statement: ast.OptionStatement, settings: dict[str, object]) -> None:
        name, value = statement.name, statement.value
        if name not in OPTIONS:
            self._problem(statement.position, "dsl.unknown-option", name=name,
                          allowed=", ".join(sorted(OPTIONS)))
        elif name == "batas_capaian":
            if value == "tidak_ada":
                settings["cap"] = None
            elif value.replace(",", "", 1).replace(".", "", 1).isdigit():
                settings["cap"] = Decimal(value.replace(",", "."))
            else:
                self._problem(statement.position, "dsl.bad-option-value", name=name, value=value,
                              allowed="<angka>, tidak_ada")
        elif value not in OPTIONS[name]:
            self._problem(statement.position, "dsl.bad-option-value", name=name, value=value,
                          allowed=", ".join(sorted(OPTIONS[name])))
        elif name == "realisasi_kosong":
            settings["missing_realisasi"] = MissingValue(value)
        else:
            settings["overall"] = Aggregate(value)
