"""How much input the tool accepts, as data: one place for every limit against hostile input.

A report or rule file is untrusted: a 300-byte YAML file of nested aliases expands to
gigabytes, ``/dev/zero`` never ends, a 5 000-digit realisasi or ``bulat(x, 99999999)`` makes
exact arithmetic unbounded. Each limit here is generous for real reports (the largest budget
of a province is 16 digits; a real data file nests 8 levels) and turns what exceeds it into a
located message instead of a hang, a crash or an internal error.

Every limit can be changed per run: ``--limit NAME=VALUE`` on the command line, or the
environment variable ``SAKIP_LINT_LIMIT_<NAME>`` (``SAKIP_LINT_LIMIT_MAX_BYTES=134217728``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from decimal import (Context, DivisionByZero, InvalidOperation, Overflow, localcontext)

ENV_PREFIX = "SAKIP_LINT_LIMIT_"


def _limit(default: int, maximum: int) -> int:
    """A limit's default and the largest value a run may set it to."""
    return field(default=default, metadata={"maximum": maximum})


@dataclass(frozen=True)
class Limits:
    """Each limit, its default and (second) the largest value ``--limit`` accepts: beyond it
    the tool itself would fail — Python's recursion, the decimal context — or a single value
    would take minutes, which no real report needs."""

    max_bytes: int = _limit(64 * 1024 * 1024, 4 * 1024**3)  # bytes read from one data file
    # bytes of one rule file: the largest built-in one has 23 KB, and parsing costs about
    # 30 µs a token: 128 KiB of '0+0+...' take 4 s, 2 MiB of polarity patterns 11 s
    max_rule_bytes: int = _limit(128 * 1024, 64 * 1024 * 1024)
    max_nodes: int = _limit(5_000_000, 100_000_000)  # YAML nodes written in one file (100 000 indicators: 2.2 M)
    max_alias_nodes: int = _limit(100_000, 100_000_000)  # YAML nodes read through aliases (*name), counted expanded
    max_aliases: int = _limit(10_000, 100_000_000)  # YAML alias uses (*name) in one file
    max_scalar_chars: int = _limit(1_000_000, 4 * 1024**3)  # characters of one YAML value or key (a name, a quote)
    # nesting of lists and mappings in a data file. The reader walks them recursively, three
    # Python frames a level: 200 levels stay well inside Python's 1 000 frames (which the tool
    # does not raise: a deeper C stack could overflow), and libyaml itself stops at 1 000
    max_depth: int = _limit(64, 200)
    max_digits: int = _limit(30, 1000)  # digits of one number as written (a scale word counts its zeros)
    max_decimals: int = _limit(10, 1000)  # decimals of one number, of a rounding and of a rule constant
    # nesting of a formula (parentheses, operators) in rule files; the parsed formula is
    # walked recursively, two frames a level, hence the same bound as max_depth
    max_formula_depth: int = _limit(100, 200)
    max_cell_chars: int = _limit(500, 100_000)  # characters of one value read as a number ('Rp 1.234,-', '83 (B)')

    @property
    def precision(self) -> int:
        """Significant digits of every computation: a ratio of two numbers within the limits,
        times 100 and kept to ``max_decimals``, still fits, so no result is silently cut."""
        return 2 * (self.max_digits + self.max_decimals) + 4

    @property
    def max_constant(self) -> int:
        """The largest constant a rule file may write (10 ** max_digits)."""
        return 10 ** self.max_digits


NAMES = tuple(limit.name for limit in fields(Limits))
MAXIMA = {limit.name: limit.metadata["maximum"] for limit in fields(Limits)}
_active = Limits()


def current() -> Limits:
    """The limits in force for this run."""
    return _active


class LimitError(ValueError):
    """A limit setting that cannot be used: ``name`` and why (a message key and arguments)."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.arguments = args


def parse_settings(pairs: list[str], environ: Mapping[str, str] | None = None) -> Limits:
    """Limits from the environment, then from ``NAME=VALUE`` pairs (the command line wins)."""
    environ = os.environ if environ is None else environ
    given: dict[str, tuple[str, str]] = {}  # name -> (value, where it was set)
    for name in NAMES:
        if (value := environ.get(ENV_PREFIX + name.upper())) is not None:
            given[name] = value, ENV_PREFIX + name.upper()
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or name not in NAMES:
            raise LimitError("limit.unknown", setting=pair, allowed=", ".join(NAMES))
        given[name] = value, name
    values: dict[str, int] = {}
    for name, (value, shown) in given.items():
        text = value.strip().replace("_", "")
        if not text.isascii() or not text.isdigit() or int(text[:30]) < 1:
            raise LimitError("limit.bad-value", name=shown, value=value)
        if len(text) > 18 or int(text) > MAXIMA[name]:  # int() of a huge text is itself slow
            raise LimitError("limit.too-large", name=shown, value=value, maximum=MAXIMA[name])
        values[name] = int(text)
    return replace(Limits(), **values)


def configure(limits: Limits) -> None:
    """Put ``limits`` in force for the reports loaded from now on (each loaded report keeps
    the values it read)."""
    global _active
    _active = limits


def arithmetic_context(limits: Limits | None = None) -> Context:
    """The decimal context of every computation: wide enough for the limits, and trapping
    overflow, invalid operations and division by zero so that none is ever silent."""
    return _context(limits or current())


@lru_cache(maxsize=8)
def _context(limits: Limits) -> Context:
    """One context per limits (``localcontext`` works on a copy of it, so sharing is safe)."""
    return Context(prec=limits.precision, Emax=10 * limits.precision, Emin=-10 * limits.precision,
                   traps=[DivisionByZero, InvalidOperation, Overflow])


@contextmanager
def arithmetic() -> Iterator[None]:
    """Run a block in the arithmetic context of the limits in force."""
    with localcontext(arithmetic_context()):
        yield
