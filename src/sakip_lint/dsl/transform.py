"""Parse tree -> AST. Method names equal the grammar's rule names; no checking happens here."""

from __future__ import annotations

from decimal import Decimal

from lark import Token, Transformer, v_args

from sakip_lint.dsl import ast
from sakip_lint.expressions import Binary, Call, Column, Negate, Number, Variable


def decimal(token: Token) -> Decimal:
    """DSL numbers accept a decimal comma or point (``0,01`` and ``0.01``)."""
    return Decimal(str(token).replace(",", "."))


def text(token: Token) -> str:
    """The content of a quoted string or of a triple-quoted long string."""
    value = str(token)
    quotes = 3 if value.startswith('"""') else 1
    return value[quotes:-quotes]


@v_args(meta=True)
class ToAst(Transformer):
    def __init__(self, file: str, source: str) -> None:
        super().__init__()
        self.file = file
        self.source = source

    def _at(self, meta) -> ast.Position:
        return ast.Position(self.file, getattr(meta, "line", 1), getattr(meta, "column", 1))

    def start(self, meta, statements):
        return tuple(statements)

    def rounding(self, meta, children):
        decimals, mode = children
        return ast.RoundingStatement(self._at(meta), decimal(decimals), str(mode))

    def rounding_habits(self, meta, children):
        return ast.RoundingHabitsStatement(self._at(meta), tuple(str(mode) for mode in children))

    def tolerance(self, meta, children):
        return ast.ToleranceStatement(self._at(meta), decimal(children[0]))

    def polarity_default(self, meta, children):
        return ast.PolarityDefaultStatement(self._at(meta), str(children[0]))

    def polarity_pattern(self, meta, children):
        polarity, phrase = children
        return ast.PolarityPatternStatement(self._at(meta), str(polarity), text(phrase))

    def _written(self, meta) -> str:
        return self.source[meta.start_pos:meta.end_pos].split("=", 1)[1].strip()

    def formula(self, meta, children):
        kind, expression = children
        return ast.FormulaStatement(self._at(meta), str(kind), expression, self._written(meta))

    def wrong_formula(self, meta, children):
        name, polarity, expression = children
        return ast.WrongFormulaStatement(self._at(meta), text(name), str(polarity), expression,
                                         self._written(meta))

    def option(self, meta, children):
        name, value = children
        value = text(value) if value.type == "STRING" else str(value)
        return ast.OptionStatement(self._at(meta), str(name), value)

    def annual_target(self, meta, children):
        return ast.AnnualTargetStatement(
            self._at(meta), tuple(str(role) for role in children),
            tuple(ast.Position(self.file, role.line, role.column) for role in children))

    def scale(self, meta, children):
        name, years, *bands = children
        first, last = years if years is not None else (None, None)
        return ast.ScaleStatement(self._at(meta), str(name), tuple(bands), first, last)

    def validity(self, meta, children):
        first, last = children
        return (None if first is None else int(first), None if last is None else int(last))

    # rules
    def rule(self, meta, children):
        code, name, *items = children
        return ast.RuleStatement(self._at(meta), str(code), text(name), tuple(items))

    def _item(self, meta, kind, key, *values):
        return ast.RuleItem(self._at(meta), kind, key, tuple(values))

    def rule_severity(self, meta, children):
        return self._item(meta, "severity", None, str(children[0]))

    def rule_check(self, meta, children):
        return self._item(meta, "check", None, str(children[0]))

    def rule_message(self, meta, children):
        return self._item(meta, "message", str(children[0]), text(children[1]))

    def rule_basis(self, meta, children):
        return self._item(meta, "basis", None, text(children[0]))

    def rule_advice(self, meta, children):
        return self._item(meta, "advice", str(children[0]), text(children[1]))

    def rule_aspect(self, meta, children):
        return self._item(meta, "aspect", None, str(children[0]))

    def rule_doc(self, meta, children):
        lang, body = children
        return self._item(meta, "doc", "id" if lang is None else str(lang), text(body))

    def rule_example(self, meta, children):
        return self._item(meta, "example", str(children[0]), text(children[1]))

    def rule_param(self, meta, children):
        name, *values = children
        return self._item(meta, "param", str(name),
                          *(text(v) if v.type == "STRING" else str(v) for v in values))

    def disable(self, meta, children):
        return ast.DisableStatement(self._at(meta), tuple(str(code) for code in children))

    # derived columns and equalities of tables
    def strings(self, meta, children):
        return tuple(text(child) for child in children)

    def header_test(self, meta, children):
        *groups, excluded = children
        return ast.HeaderTestSpec(tuple(groups), excluded or ())

    def header_named(self, meta, children):
        return ast.HeaderTestSpec((), (), children[0])

    def derived(self, meta, children):
        name, header, *items = children
        bindings = tuple(item for item in items if isinstance(item, ast.BindingSpec))
        formulas = tuple(item for item in items if isinstance(item, ast.DerivedFormulaSpec))
        return ast.DerivedStatement(self._at(meta), text(name), header, bindings, formulas)

    def derived_binding(self, meta, children):
        name, (kind, test, *kinds) = children
        return ast.BindingSpec(self._at(meta), str(name), kind, test, *kinds)

    def bind_header(self, meta, children):
        return "header", children[0]

    def bind_latest_year(self, meta, children):
        return "latest_year", None

    def bind_earlier_year(self, meta, children):
        return "earlier_year", None

    def bind_numbers(self, meta, children):
        return "numbers", None

    def bind_numbers_before(self, meta, children):
        excluded, kinds = children
        return "numbers_before", ast.HeaderTestSpec((), excluded or ()), kinds or ()

    def derived_formula(self, meta, children):
        return ast.DerivedFormulaSpec(self._at(meta), None, children[0], self._written(meta))

    def derived_polarity_formula(self, meta, children):
        polarity, expression = children
        return ast.DerivedFormulaSpec(self._at(meta), str(polarity), expression,
                                      self._written(meta))

    def column_formula(self, meta, children):
        header, expression = children
        written = self.source[header.end_pos:meta.end_pos].split("=", 1)[1].strip()
        return ast.ColumnFormulaStatement(self._at(meta), text(header), expression, written)

    def equality(self, meta, children):
        return ast.EqualityStatement(self._at(meta), children[0])

    def cell_equality(self, meta, children):
        return tuple(children)

    def cell(self, meta, children):
        table, row, column = (text(child) for child in children)
        return ast.CellSpec(self._at(meta), table, row, column)

    def formula_text(self, meta, children):
        return children[0]

    def equality_text(self, meta, children):
        return children[0]

    def band(self, meta, children):
        *names, (low, high, low_closed, high_closed) = children
        label, *aliases = (text(name) for name in names)
        return ast.BandSpec(self._at(meta), label, low, high, low_closed, high_closed,
                            tuple(aliases))

    # bounds: (low, high, low_closed, high_closed)
    def above(self, meta, children):
        return decimal(children[0]), None, False, True

    def at_least(self, meta, children):
        return decimal(children[0]), None, True, True

    def below(self, meta, children):
        return None, decimal(children[0]), True, False

    def at_most(self, meta, children):
        return None, decimal(children[0]), True, True

    def between(self, meta, children):
        return decimal(children[0]), decimal(children[1]), True, True

    def between_open_high(self, meta, children):
        return decimal(children[0]), decimal(children[1]), True, False

    def between_open_low(self, meta, children):
        return decimal(children[0]), decimal(children[1]), False, True

    # expressions
    def number(self, meta, children):
        return Number(decimal(children[0]))

    def variable(self, meta, children):
        return Variable(str(children[0]))

    def column(self, meta, children):
        return Column(text(children[0]))

    def negate(self, meta, children):
        return Negate(children[0])

    def call(self, meta, children):
        name, *arguments = children
        return Call(str(name), tuple(arguments))

    def add(self, meta, children):
        return Binary("+", *children)

    def subtract(self, meta, children):
        return Binary("-", *children)

    def multiply(self, meta, children):
        return Binary("*", *children)

    def divide(self, meta, children):
        return Binary("/", *children)
