"""Compiling the statements of the rule files into one ``CapaianConfig`` and the rules.

What the grammar cannot say is checked here: names, parameters and placeholders against the
registry of mechanisms, the completeness of the formulas, scales and messages. Every problem
is located in its rule file. Only a run that finds no compiled rules in the cache
(``rule_cache``) imports this module and the statements it reads (``dsl.ast``).
"""

from __future__ import annotations

import textwrap
from decimal import Decimal

from sakip_lint.checks import MECHANISMS
from sakip_lint.config import CellEquality, DerivedColumn
from sakip_lint.config import (Aggregate, Band, CapaianConfig, Formula, MissingValue,
                               PolarityPattern, Rounding, RoundingMode, Scale, WrongFormula,
                               ZeroTarget)
from sakip_lint.dsl import ast
from sakip_lint.dsl.errors import DslError, DslProblem, problem
from sakip_lint.dsl.tables import bound_problems, cell_equality, derived_column, exact_column
from sakip_lint.expressions import FUNCTIONS, calls, variables
from sakip_lint.findings import Severity
from sakip_lint.messages import placeholders, template_problems
from sakip_lint.model import Polarity, Role
from sakip_lint.rule import ASPECTS, Example, Mechanism, Rule
from sakip_lint.scales import band_problems, interval_text, range_text

SEVERITIES = {"kesalahan": "error", "peringatan": "warning", "info": "info"}

_VALUE_VARIABLES = {"target", "realisasi"}
FORMULA_VARIABLES = {
    "positif": _VALUE_VARIABLES,
    "negatif": _VALUE_VARIABLES,
    "kualitatif": {"posisi_target", "posisi_realisasi", "jumlah_posisi"},
    "rentang_bawah": {"realisasi", "target_bawah", "target_atas"},
    "rentang_atas": {"realisasi", "target_bawah", "target_atas"},
    "penyerapan": {"pagu", "realisasi_anggaran"},
    "efisiensi": {"capaian", "penyerapan"},
}
REQUIRED_FORMULAS = ("positif", "negatif", "kualitatif", "penyerapan", "efisiensi")
CATEGORY_SCALE = "kategori_capaian"
OPTIONS = {
    "realisasi_kosong": {value.value for value in MissingValue},
    "capaian_keseluruhan": {value.value for value in Aggregate},
    "target_nol": {value.value for value in ZeroTarget},
    "batas_capaian": None,  # a number, or tidak_ada
    "capaian_dalam_rentang": None,  # a number
}
LANGUAGES_REQUIRED = ("id", "en")


def _is_number(value: str) -> bool:
    return value.replace(",", "", 1).replace(".", "", 1).isdigit()


class Compiler:
    """Statements -> CapaianConfig and rules, checking what the grammar cannot (names,
    parameters, placeholders, completeness). Every problem is located in its rule file."""

    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts
        self.problems: list[DslProblem] = []

    def _problem(self, position: ast.Position, key: str, **args: object) -> None:
        self.problems.append(problem(position.file, self.texts.get(position.file), position.line,
                                     position.column, key, **args))

    def compile(self, statements: list[ast.Statement]) -> tuple[CapaianConfig, tuple[Rule, ...]]:
        formulas: dict[str, Formula] = {}
        wrong: list[WrongFormula] = []
        scales: dict[str, list[Scale]] = {}
        patterns: list[PolarityPattern] = []
        settings: dict[str, object] = {}
        rules: dict[str, Rule] = {}
        rule_files: dict[str, str] = {}
        derived: dict[str, DerivedColumn] = {}
        equalities: list[CellEquality] = []
        last_position = None
        for statement in statements:
            last_position = statement.position
            if isinstance(statement, ast.FormulaStatement):
                self._expression(statement, FORMULA_VARIABLES[statement.polarity])
                formulas[statement.polarity] = Formula(statement.polarity, statement.expression,
                                                       statement.text)
            elif isinstance(statement, ast.WrongFormulaStatement):
                self._expression(statement, FORMULA_VARIABLES[statement.polarity])
                wrong.append(WrongFormula(statement.name, Polarity(statement.polarity),
                                          statement.expression, statement.text))
            elif isinstance(statement, ast.ScaleStatement):
                self._scale(statement, scales)
            elif isinstance(statement, ast.PolarityPatternStatement):
                patterns.append(PolarityPattern(statement.phrase, Polarity(statement.polarity),
                                                statement.position.file, statement.position.line))
            elif isinstance(statement, ast.PolarityDefaultStatement):
                settings["polarity_default"] = Polarity(statement.polarity)
            elif isinstance(statement, ast.RoundingStatement):
                settings["rounding"] = self._rounding(statement)
            elif isinstance(statement, ast.RoundingHabitsStatement):
                settings["rounding_habits"] = tuple(RoundingMode(mode) for mode in statement.modes)
            elif isinstance(statement, ast.ToleranceStatement):
                settings["tolerance"] = statement.value
            elif isinstance(statement, ast.OptionStatement):
                self._option(statement, settings)
            elif isinstance(statement, ast.AnnualTargetStatement):
                settings["annual_target"] = self._annual_target(statement)
            elif isinstance(statement, ast.RuleStatement):
                if rule_files.get(statement.code) == statement.position.file:
                    self._problem(statement.position, "dsl.duplicate-rule", code=statement.code)
                rule_files[statement.code] = statement.position.file
                rule = self._rule(statement)
                if rule is not None:
                    rules[statement.code] = rule  # a later file overrides an earlier one
            elif isinstance(statement, ast.DerivedStatement):
                found = derived_column(statement, self._problem)
                if found is not None:  # a later declaration of the same name replaces it
                    derived[found.name] = found
            elif isinstance(statement, ast.ColumnFormulaStatement):
                found = exact_column(statement, self._problem)
                if found is not None:
                    derived[found.name] = found
            elif isinstance(statement, ast.EqualityStatement):
                equalities.append(cell_equality(statement.cells))
            elif isinstance(statement, ast.DisableStatement):
                for code in statement.codes:
                    if rules.pop(code, None) is None:
                        self._problem(statement.position, "dsl.unknown-rule", code=code)
        if last_position is not None and not rules:
            self._problem(last_position, "dsl.no-active-rules")
        if last_position is not None:
            for kind in REQUIRED_FORMULAS:
                if kind not in formulas:
                    self._problem(last_position, "dsl.missing-formula", polarity=kind)
            if "annual_target" not in settings:
                self._problem(last_position, "dsl.missing-annual-target")
            if CATEGORY_SCALE not in scales:
                self._problem(last_position, "dsl.missing-scale", name=CATEGORY_SCALE)
        if self.problems:
            raise DslError(self.problems)
        config = CapaianConfig(formulas=formulas, category_scale=scales[CATEGORY_SCALE][0],
                               polarity_patterns=tuple(patterns), wrong_formulas=tuple(wrong),
                               scales={name: tuple(found) for name, found in scales.items()},
                               derived_columns=tuple(derived.values()),
                               equalities=tuple(equalities),
                               **settings)
        return config, tuple(rules.values())

    def _expression(self, statement, allowed: set[str]) -> None:
        for name in sorted(variables(statement.expression) - allowed):
            self._problem(statement.position, "dsl.unknown-variable", name=name,
                          allowed=", ".join(sorted(allowed)))
        for call in calls(statement.expression):
            if call.function not in FUNCTIONS:
                self._problem(statement.position, "dsl.unknown-function", name=call.function,
                              allowed=", ".join(sorted(FUNCTIONS)))
            elif len(call.arguments) != FUNCTIONS[call.function]:
                self._problem(statement.position, "dsl.function-arguments", name=call.function,
                              expected=FUNCTIONS[call.function], found=len(call.arguments))
        for key, args in bound_problems(statement.expression):
            self._problem(statement.position, key, **args)

    def _scale(self, statement: ast.ScaleStatement, scales: dict[str, list[Scale]]) -> None:
        if not statement.bands:
            self._problem(statement.position, "dsl.empty-scale", name=statement.name)
        scale = Scale(statement.name, tuple(Band(b.label, b.low, b.high, b.low_closed, b.high_closed,
                                                 b.aliases)
                                            for b in statement.bands),
                      statement.first_year, statement.last_year)
        self._scale_bands(statement, scale)
        same = scales.setdefault(statement.name, [])
        # a scale for the same years replaces the earlier one; other years stand beside it
        same[:] = [old for old in same if (old.first_year, old.last_year)
                   != (scale.first_year, scale.last_year)] + [scale]

    def _scale_bands(self, statement: ast.ScaleStatement, scale: Scale) -> None:
        """Overlapping or reversed bands make a scale unusable (a value with two categories, a
        category with none), and so does one name given to two bands (a printed category
        that is right and wrong at once); a gap is the writer's choice and stays allowed."""
        bands = scale.bands
        for found in band_problems(bands):
            band = bands[found.band]
            position = statement.bands[found.band].position
            if found.kind == "repeated":
                self._problem(position, "dsl.scale-name-twice", name=scale.name,
                              label=found.name, first=bands[found.other].label,
                              second=band.label)
            elif found.kind == "reversed":
                self._problem(position, "dsl.scale-reversed", name=scale.name, label=band.label,
                              range=range_text(band))
            elif found.kind == "overlap":
                other = bands[found.other]
                self._problem(position, "dsl.scale-overlap", name=scale.name, label=band.label,
                              range=range_text(band), other=other.label,
                              other_range=range_text(other), common=interval_text(found.interval))

    def _annual_target(self, statement: ast.AnnualTargetStatement) -> tuple[Role, ...]:
        """The roles in the order written; an unknown or repeated one is reported where it
        is written."""
        roles: list[Role] = []
        known = {role.value for role in Role}
        for name, position in zip(statement.roles, statement.positions):
            if name not in known:
                self._problem(position, "dsl.unknown-role", name=name,
                              allowed=", ".join(role.value for role in Role))
            elif Role(name) in roles:
                self._problem(position, "dsl.role-twice", name=name)
            else:
                roles.append(Role(name))
        return tuple(roles)

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
        elif name == "batas_capaian" and value == "tidak_ada":
            settings["cap"] = None
        elif OPTIONS[name] is None:
            if _is_number(value):
                target = "cap" if name == "batas_capaian" else "inside_range"
                settings[target] = Decimal(value.replace(",", "."))
            else:
                allowed = "<angka>, tidak_ada" if name == "batas_capaian" else "<angka>"
                self._problem(statement.position, "dsl.bad-option-value", name=name, value=value,
                              allowed=allowed)
        elif value not in OPTIONS[name]:
            self._problem(statement.position, "dsl.bad-option-value", name=name, value=value,
                          allowed=", ".join(sorted(OPTIONS[name])))
        elif name == "realisasi_kosong":
            settings["missing_realisasi"] = MissingValue(value)
        elif name == "target_nol":
            settings["zero_target"] = ZeroTarget(value)
        else:
            settings["overall"] = Aggregate(value)

    def _rule(self, statement: ast.RuleStatement) -> Rule | None:
        before = len(self.problems)
        single: dict[str, ast.RuleItem] = {}
        messages: dict[str, str] = {}
        advice: dict[str, str] = {}
        docs: dict[str, str] = {}
        params: dict[str, tuple[str, ...]] = {}
        examples: list[Example] = []
        for item in statement.items:
            if item.kind == "doc":
                if item.key in docs:
                    self._problem(item.position, "dsl.duplicate-item",
                                  item=f"dokumentasi {item.key}", code=statement.code)
                docs[item.key] = textwrap.dedent(item.values[0]).strip()
            elif item.kind in ("severity", "check", "basis", "aspect"):
                if item.kind in single:
                    self._problem(item.position, "dsl.duplicate-item", item=item.kind,
                                  code=statement.code)
                single[item.kind] = item
            elif item.kind == "message":
                if item.key in messages:
                    self._problem(item.position, "dsl.duplicate-item", item=f"pesan {item.key}",
                                  code=statement.code)
                messages[item.key] = item.values[0]
            elif item.kind == "advice":
                if item.key in advice:
                    self._problem(item.position, "dsl.duplicate-item", item=f"saran {item.key}",
                                  code=statement.code)
                advice[item.key] = item.values[0]
            elif item.kind == "example":
                examples.append(Example(item.key, textwrap.dedent(item.values[0]).strip("\n")))
            else:
                if item.key in params:
                    self._problem(item.position, "dsl.duplicate-item", item=item.key,
                                  code=statement.code)
                params[item.key] = item.values
        for kind, key in (("check", "dsl.rule-no-check"), ("severity", "dsl.rule-no-severity")):
            if kind not in single:
                self._problem(statement.position, key, code=statement.code)
        for lang in LANGUAGES_REQUIRED:
            if lang not in messages:
                self._problem(statement.position, "dsl.rule-missing-message", code=statement.code,
                              lang=lang)
        aspect = single.get("aspect")
        if aspect is not None and aspect.values[0] not in ASPECTS:
            self._problem(aspect.position, "dsl.unknown-aspect", name=aspect.values[0],
                          allowed=", ".join(ASPECTS))
        for lang in LANGUAGES_REQUIRED:  # a recommendation, when given, is in both languages
            if advice and lang not in advice:
                self._problem(statement.position, "dsl.rule-missing-advice", code=statement.code,
                              lang=lang)
        mechanism = None
        if "check" in single:
            check = single["check"]
            mechanism = MECHANISMS.get(check.values[0])
            if mechanism is None:
                self._problem(check.position, "dsl.unknown-check", name=check.values[0],
                              allowed=", ".join(sorted(MECHANISMS)))
        if mechanism is not None:
            params = self._params(statement, mechanism, params, single["check"].values[0])
            self._placeholders(statement, mechanism, messages, single["check"].values[0])
            self._placeholders(statement, mechanism, advice, single["check"].values[0], "advice")
        if len(self.problems) > before:
            return None
        basis = single.get("basis")
        return Rule(code=statement.code, name=statement.name,
                    severity=Severity(SEVERITIES[single["severity"].values[0]]),
                    check=single["check"].values[0], params=params, messages=messages,
                    basis=basis.values[0] if basis else None,
                    docs=docs,
                    examples=tuple(examples),
                    source=f"{statement.position.file}:{statement.position.line}",
                    advice=advice, aspect=aspect.values[0] if aspect else None)

    def _params(self, statement: ast.RuleStatement, mechanism: Mechanism,
                given: dict[str, tuple[str, ...]], check: str) -> dict[str, tuple[str, ...]]:
        params: dict[str, tuple[str, ...]] = {}
        items = {item.key: item for item in statement.items if item.kind == "param"}
        for name, values in given.items():
            spec = mechanism.all_params.get(name)
            position = items[name].position
            if spec is None:
                self._problem(position, "dsl.unknown-param", name=name, check=check,
                              allowed=", ".join(sorted(mechanism.all_params)) or "-")
                continue
            if len(values) > 1 and not spec.multiple:
                self._problem(position, "dsl.param-single", name=name)
            for value in values:
                if spec.choices is not None and value not in spec.choices:
                    self._problem(position, "dsl.bad-param-value", name=name, value=value,
                                  allowed=", ".join(sorted(spec.choices)))
            params[name] = values
        for name, spec in mechanism.all_params.items():
            if name not in params:
                if spec.required:
                    self._problem(statement.position, "dsl.missing-param", name=name,
                                  code=statement.code)
                params[name] = spec.default
        return params

    def _at_text(self, position: ast.Position, fragment: str) -> ast.Position:
        """The position of ``fragment`` on the line of ``position`` (the statement's if absent)."""
        lines = self.texts.get(position.file, "").splitlines()
        found = lines[position.line - 1].find(fragment) if fragment and position.line <= len(lines) else -1
        return position if found < 0 else ast.Position(position.file, position.line, found + 1)

    def _placeholders(self, statement: ast.RuleStatement, mechanism: Mechanism,
                      messages: dict[str, str], check: str, kind: str = "message") -> None:
        """The holes of the rule's messages (or of its recommendations, ``kind = advice``) are
        plain names the check fills."""
        positions = {item.key: item.position for item in statement.items if item.kind == kind}
        allowed = mechanism.all_placeholders
        for lang, template in messages.items():
            unusable = template_problems(template)
            for key, args in unusable:
                where = self._at_text(positions[lang], args.get("placeholder", ""))
                if "offset" in args:  # at the brace itself, when the text is on that line
                    offset = args.pop("offset")
                    start = self._at_text(positions[lang], template)
                    if start != positions[lang]:
                        where = ast.Position(start.file, start.line, start.column + offset)
                self._problem(where, key, lang=lang, **args)
            if unusable:
                continue
            used = placeholders(template)
            for name in sorted(used - allowed):
                self._problem(positions[lang], "dsl.unknown-placeholder", name=name, check=check,
                              allowed=", ".join(sorted(allowed)))
