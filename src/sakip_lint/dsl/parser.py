"""Parsing rule files with lark (LALR), the parser built once per process."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from lark import Lark, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from sakip_lint.dsl.ast import Statement
from sakip_lint.dsl.errors import DslError, problem
from sakip_lint.dsl.transform import ToAst

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
    return Lark(grammar_text(), parser="lalr", propagate_positions=True, maybe_placeholders=True)


def _expected(error: UnexpectedInput) -> str:
    names = getattr(error, "expected", None) or getattr(error, "allowed", None) or set()
    words = sorted({_TERMINAL_WORDS.get(name, name.strip('"').lower()) for name in names})
    return ", ".join(words)


def parse_rules(source: str, file: str) -> tuple[Statement, ...]:
    """The statements of one rule file; raises DslError with the located problem."""
    try:
        tree = _parser().parse(source)
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
