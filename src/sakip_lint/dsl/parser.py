"""Parsing rule files with lark (LALR), the parser built once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from lark import Lark, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from sakip_lint.dsl.ast import CellSpec, Statement
from sakip_lint.dsl.errors import DslError, problem
from sakip_lint.dsl.transform import ToAst
from sakip_lint.expressions import Expression

# Terminal names as a rule writer would call them, for "expected ..." in messages.
_TERMINAL_WORDS = {
    "NUMBER": "angka", "STRING": '"teks"', "NAME": "nama", "POLARITY": "positif/negatif/kualitatif",
    "ROUNDING_MODE": "setengah-ke-atas/potong/setengah-genap", "EQUAL": "=", "COLON": ":",
    "LBRACE": "{", "RBRACE": "}", "LPAR": "(", "RPAR": ")", "MORETHAN": ">", "LESSTHAN": "<",
    "MINUS": "-", "PLUS": "+", "STAR": "*", "SLASH": "/", "$END": "akhir berkas",
}


@cache
def grammar_text() -> str:
    return files("sakip_lint.grammar").joinpath("sakip.lark").read_text(encoding="utf-8")


@cache
def _parser() -> Lark:
    return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True,
                start=["start", "formula_text", "equality_text"])


def _expected(error: UnexpectedInput) -> str:
    names = getattr(error, "expected", None) or getattr(error, "allowed", None) or set()
    words = sorted({_TERMINAL_WORDS.get(name, name.strip('"').lower()) for name in names})
    return ", ".join(words)


def parse_rules(source: str, file: str) -> tuple[Statement, ...]:
    """The statements of one rule file; raises DslError with the located problem."""
    return _parse(source, file, "start")


def parse_formula(source: str, file: str) -> Expression:
    """A formula written in a data file (a table's ``rumus``); positions are within ``source``."""
    return _parse(source, file, "formula_text")


def parse_equality(source: str, file: str) -> tuple[CellSpec, ...]:
    """An equality of table cells written in a data file (``kesamaan``)."""
    return _parse(source, file, "equality_text")


def _parse(source: str, file: str, start: str):
    try:
        tree = _parser().parse(source, start=start)
    except (UnexpectedEOF, UnexpectedToken) as error:
        token = getattr(error, "token", None)
        if token is None or token.type == "$END":
            lines = source.rstrip().splitlines() or [""]
            raise DslError([problem(file, source, len(lines), len(lines[-1]) + 1,
                                    "dsl.unexpected-end", expected=_expected(error))]) from None
        raise DslError([problem(file, source, error.line, error.column, "dsl.unexpected-token",
                                found=str(token), expected=_expected(error))]) from None
    except UnexpectedCharacters as error:
        raise DslError([problem(file, source, error.line, error.column, "dsl.unexpected-character",
                                found=source[error.pos_in_stream], expected=_expected(error))]) from None
    return ToAst(file, source).transform(tree)


@cache
def _bound_parser() -> Lark:
    """The grammar's ``bound`` rule on its own: the range of one band of a scale."""
    return Lark(grammar_text(), parser="lalr", start="bound", maybe_placeholders=True)


def parse_bound(text: str, file: str = "rentang"):
    """A band range written as in a rule file (``> 85 - 100``, ``< 55``), read from a data file.

    Returns (low, high, low_closed, high_closed), a missing bound being None; raises DslError
    whose problem gives the column inside ``text`` and what was expected there.
    """
    try:
        tree = _bound_parser().parse(text)
    except (UnexpectedEOF, UnexpectedToken) as error:
        token = getattr(error, "token", None)
        if token is None or token.type == "$END":
            raise DslError([problem(file, text, 1, len(text.rstrip()) + 1, "dsl.range-incomplete",
                                    expected=_expected(error))]) from None
        raise DslError([problem(file, text, error.line, error.column, "dsl.unexpected-token",
                                found=str(token), expected=_expected(error))]) from None
    except UnexpectedCharacters as error:
        raise DslError([problem(file, text, error.line, error.column, "dsl.unexpected-character",
                                found=text[error.pos_in_stream], expected=_expected(error))]) from None
    return ToAst(file, text).transform(tree)
