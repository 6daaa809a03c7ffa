"""Parsing rule files with lark (LALR), the parser built once per process."""

from __future__ import annotations

from functools import cache

from lark import Lark, Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.exceptions import VisitError

from sakip_lint.dsl.ast import CellSpec, Statement
from sakip_lint.dsl.errors import DslError, problem
from sakip_lint.dsl.transform import ToAst
from sakip_lint.expressions import Expression
from sakip_lint.grammar import grammar_text
from sakip_lint.limits import current
from sakip_lint.messages import Joined, term

# Terminal names as a rule writer would call them, for "expected ..." in messages: a word
# of the catalogue (in the reader's language), or the keyword or symbol itself, quoted.
_TERMINAL_WORDS = {"NUMBER": "dsl.word.number", "STRING": "dsl.word.text", "NAME": "dsl.word.name",
                   "$END": "dsl.word.end"}
_TERMINAL_SYMBOLS = {
    "POLARITY": "positif/negatif/kualitatif", "ROUNDING_MODE": "setengah-ke-atas/potong/setengah-genap",
    "EQUAL": "=", "COLON": ":", "LBRACE": "{", "RBRACE": "}", "LPAR": "(", "RPAR": ")",
    "MORETHAN": ">", "LESSTHAN": "<", "MINUS": "-", "PLUS": "+", "STAR": "*", "SLASH": "/",
    "COMMA": ",", "DOT": ".",
}


def _lark(name: str, **options) -> Lark:
    """A parser of the grammar; lark's analysis of it is kept in the rule cache's folder, so a
    run whose rule files are not cached yet (or a data file's ``rumus``) skips it."""
    from sakip_lint.rule_cache import lark_cache

    return Lark(grammar_text(), parser="lalr", maybe_placeholders=True, cache=lark_cache(name),
                **options)


@cache
def _parser() -> Lark:
    return _lark("rules", propagate_positions=True,
                 start=["start", "formula_text", "equality_text"])


def _expected(error: UnexpectedInput) -> Joined:
    names = getattr(error, "expected", None) or getattr(error, "allowed", None) or set()
    words = {term(_TERMINAL_WORDS[name]) for name in names if name in _TERMINAL_WORDS}
    symbols = {"'" + _TERMINAL_SYMBOLS.get(name, name.strip('"').lower()) + "'"
               for name in names if name not in _TERMINAL_WORDS}
    return Joined(tuple(sorted(words, key=lambda word: word.key)) + tuple(sorted(symbols)))


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
    source = source.removeprefix("\ufeff")  # a BOM some editors write: invisible, not a character
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
        raise DslError([_unexpected_character(source, file, error)]) from None
    too_deep = _deepest_parenthesis(source)
    if too_deep is not None:
        raise DslError([problem(file, source, *too_deep, "dsl.too-deep",
                                limit=current().max_formula_depth)])
    too_long = _deepest_formula(tree)
    if too_long is not None:  # 1 + 1 + ... nests as deep as it has terms
        raise DslError([problem(file, source, *too_long, "dsl.formula-too-deep",
                                limit=current().max_formula_depth)])
    try:
        return ToAst(file, source).transform(tree)
    except (RecursionError, VisitError) as error:  # the tree is walked recursively, the
        if isinstance(error, VisitError) and not isinstance(error.orig_exc, RecursionError):
            raise  # parser is not; the formula limit keeps the walk well inside Python's
        raise DslError([problem(file, source, 1, 1, "dsl.formula-too-deep",
                                limit=current().max_formula_depth)]) from None


def _unexpected_character(source: str, file: str, error: UnexpectedCharacters):
    """A character no token starts with; a quote here opens a text that is never closed (the
    grammar's strings end on their line, long ones at the next \"\"\"), so say that."""
    at, found = error.pos_in_stream, source[error.pos_in_stream]
    if found == '"':
        if source[max(at - 2, 0):at] == '""':  # '""' read as an empty text, then this quote
            return problem(file, source, error.line, error.column - 2,
                           "dsl.unterminated-long-string")
        key = ("dsl.unterminated-long-string" if source.startswith('\"\"\"', at)
               else "dsl.unterminated-string")
        return problem(file, source, error.line, error.column, key)
    shown = found if found.isprintable() else f"U+{ord(found):04X}"
    return problem(file, source, error.line, error.column, "dsl.unexpected-character",
                   found=shown, expected=_expected(error))


def _deepest_parenthesis(source: str) -> tuple[int, int] | None:
    """Where parentheses first nest deeper than the formula limit, if they do (a formula of
    nothing but parentheses is harmless to compute, but no writer means it: it is refused alike)."""
    level, line, column = 0, 1, 0
    for char in source:
        column += 1
        if char == "\n":
            line, column = line + 1, 0
        elif char == "(":
            level += 1
            if level > current().max_formula_depth:
                return line, column
        elif char == ")":
            level -= 1
    return None


# the parse-tree nodes of arithmetic: each one is a level of a formula's nesting
_ARITHMETIC = frozenset({"add", "subtract", "multiply", "divide", "negate", "call"})


def _deepest_formula(tree: Tree) -> tuple[int, int] | None:
    """Where a formula first nests deeper than ``max_formula_depth`` operations — a chain of
    terms nests as deep as it is long — found without recursion (the tree is that deep): the
    line and column of the formula that does, or None."""
    limit = current().max_formula_depth
    stack = [(tree, 0, None)]  # node, arithmetic levels above it, the outermost of them
    while stack:
        node, depth, outermost = stack.pop()
        if not isinstance(node, Tree):
            continue
        if node.data in _ARITHMETIC:
            depth += 1
            outermost = outermost or node
            if depth > limit:
                meta = outermost.meta
                return getattr(meta, "line", 1), getattr(meta, "column", 1)
        else:
            depth, outermost = 0, None
        stack.extend((child, depth, outermost) for child in node.children)
    return None


@cache
def _bound_parser() -> Lark:
    """The grammar's ``bound`` rule on its own: the range of one band of a scale."""
    return _lark("bound", start="bound")


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
        raise DslError([_unexpected_character(text, file, error)]) from None
    return ToAst(file, text).transform(tree)
