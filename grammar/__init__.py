"""The lark grammar of the rule language; shipped as package data."""

from functools import cache
from importlib.resources import files


@cache
def grammar_text() -> str:
    """The grammar as written (read without lark: the rule cache keys on it)."""
    return files(__name__).joinpath("sakip.lark").read_text(encoding="utf-8")
