"""Rules at run time: a rule is data (code, name, severity, messages, documentation) bound to a
check mechanism with parameters.

Mechanisms are Python generators that yield facts — a location and the values its message
needs; the engine turns each fact into a finding with the rule's code, severity and message.
This is the split the rule files rely on: *what* to check and *how to say it* is written in
the rule language, *how to compute it* lives here once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal

from sakip_lint.capaian import CapaianReport
from sakip_lint.config import CapaianConfig
from sakip_lint.findings import Finding, Fix, Location, Severity, make_args
from sakip_lint.graph import PerformanceGraph
from sakip_lint.numbers import NumberStyle, format_number
from sakip_lint.source import LoadedReport

# Placeholders every fact may fill; mechanisms declare the extra ones they provide.
COMMON_PLACEHOLDERS = frozenset({"subjek", "ditemukan", "diharapkan", "tempat"})


@dataclass(frozen=True)
class ParamSpec:
    """A parameter a mechanism accepts in a rule (``kolom = target``)."""

    choices: frozenset[str] | None = None  # None: any value
    multiple: bool = False
    default: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Context:
    """Everything a mechanism may read, computed once per report."""

    loaded: LoadedReport
    config: CapaianConfig
    capaian: CapaianReport
    parent: LoadedReport | None = None  # the body above (--parent), for cascading rules
    children: tuple[LoadedReport, ...] = ()  # the bodies below, when checking a parent

    @cached_property
    def graph(self) -> PerformanceGraph:
        """The performance tree, built on first use by a linkage rule."""
        return PerformanceGraph(self.loaded)

    @property
    def style(self) -> NumberStyle:
        style = self.loaded.style
        return NumberStyle.ID if style is NumberStyle.AUTO else style

    def number(self, value: Decimal | None, decimals: int | None = None) -> str:
        """A number written as the report writes numbers."""
        return "" if value is None else format_number(value, self.style, decimals)


@dataclass(frozen=True)
class Fact:
    """What a mechanism found: where, the message values, and the other places involved."""

    location: Location
    values: dict[str, object] = field(default_factory=dict)
    related: tuple[Location, ...] = ()
    found: str | None = None
    expected: str | None = None
    fix: Fix | None = None


Params = dict[str, tuple[str, ...]]
CheckFunction = Callable[[Context, Params], Iterator[Fact]]


@dataclass(frozen=True)
class Mechanism:
    function: CheckFunction
    params: dict[str, ParamSpec] = field(default_factory=dict)
    placeholders: frozenset[str] = frozenset()
    summary: str = ""  # one line for the language reference
    on_parent: bool = False  # runs once on the parent body with all children (--parent)

    @property
    def all_placeholders(self) -> frozenset[str]:
        return COMMON_PLACEHOLDERS | self.placeholders


@dataclass(frozen=True)
class Example:
    kind: str  # 'gagal' (the rule fires) or 'lulus' (it does not)
    text: str  # a partial data file, merged onto a minimal report when tested


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: str
    params: Params
    messages: dict[str, str]  # language -> template
    basis: str | None
    docs: dict[str, str]  # language -> documentation
    examples: tuple[Example, ...]
    source: str  # file:line where the rule is written

    def doc(self, lang: str) -> str | None:
        return self.docs.get(lang) or self.docs.get("id")

    def run(self, context: Context, mechanism: Mechanism) -> Iterator[Finding]:
        templates = tuple(sorted(self.messages.items()))
        for fact in mechanism.function(context, self.params):
            yield Finding(code=self.code, severity=self.severity, message_key=None,
                          location=fact.location, args=make_args(**fact.values),
                          related=fact.related, found=fact.found, expected=fact.expected,
                          fix=fact.fix, templates=templates, rule=self.name)
