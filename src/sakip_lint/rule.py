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
from typing import TYPE_CHECKING, TypeVar

from sakip_lint.config import CapaianConfig
from sakip_lint.findings import Finding, Severity, make_args
from sakip_lint.location import Fix, Location
from sakip_lint.model import DocumentKind, Report
from sakip_lint.numbers import NumberStyle, format_number
from sakip_lint.source import LoadedReport

if TYPE_CHECKING:  # the engine's results, not needed to load the rules
    from sakip_lint.capaian import CapaianReport
    from sakip_lint.graph import PerformanceGraph
    from sakip_lint.judgement import StatedValues

T = TypeVar("T")

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
        """The performance tree, built on first use by a linkage rule (networkx is imported
        then, not when the rules are loaded)."""
        from sakip_lint.graph import PerformanceGraph

        return PerformanceGraph(self.loaded)

    @cached_property
    def stated(self) -> StatedValues:
        """Every value the report states, judged against ``capaian`` (on first use by a rule
        or an output)."""
        from sakip_lint.judgement import judge

        return judge(self.loaded, self.config, self.capaian)

    @property
    def style(self) -> NumberStyle:
        style = self.loaded.style
        return NumberStyle.ID if style is NumberStyle.AUTO else style

    @cached_property
    def _once(self) -> dict[str, object]:
        return {}

    def once(self, key: str, compute: Callable[[], T]) -> T:
        """What several rules read of the report (the same mechanism with other parameters),
        computed by the first rule that asks and kept for the others."""
        if key not in self._once:
            self._once[key] = compute()
        return self._once[key]

    def cell_style(self, location: Location) -> NumberStyle:
        """The number style of the row cell at ``location`` (its column's ``gaya_kolom``, else
        its place's ``gaya_angka``, else the report's): a value expected in that cell, or
        written into it, reads as that cell's numbers read."""
        path = location.path
        if len(path) == 5 and path[0] == "tempat":
            return self.loaded.style_at(path[1], path[4])
        return self.style

    def number(self, value: Decimal | None, decimals: int | None = None,
               style: NumberStyle | None = None) -> str:
        """A number written as the report writes numbers, or in ``style`` (that of the cell
        it is compared with, when it differs from the report's)."""
        if style is None or style is NumberStyle.AUTO:
            style = self.style
        return "" if value is None else format_number(value, style, decimals)


@dataclass(frozen=True)
class Fact:
    """What a mechanism found: where, the message values, and the other places involved.

    ``found`` and ``expected`` are given once: they are the finding's and the message's
    ``{ditemukan}`` and ``{diharapkan}``. A mechanism whose message names a value that is not
    a compared one (``-`` for a table that is missing) writes it in ``values`` instead, and the
    finding carries no found/expected.
    """

    location: Location
    values: dict[str, object] = field(default_factory=dict)
    related: tuple[Location, ...] = ()
    found: str | None = None
    expected: str | None = None
    fix: Fix | None = None
    cause: str | None = None  # the kind of problem, when a mechanism reports several kinds:
    # facts grouped by a rule's ``kelompok`` are one cause only when their kinds are the same

    @property
    def message_values(self) -> dict[str, object]:
        """The values the rule's message is filled with."""
        return {"ditemukan": self.found, "diharapkan": self.expected, **self.values}


Params = dict[str, tuple[str, ...]]
CheckFunction = Callable[[Context, Params], Iterator[Fact]]


GROUPINGS = ("tidak", "aturan", "tempat", "kolom", "entitas")
ASPECTS = ("penyajian_data", "keandalan", "keselarasan_perencanaan", "capaian", "anggaran")
"""The aspects of the reviu of a Laporan Kinerja (PermenPAN-RB 53/2014) a rule's findings
belong to (``aspek``): the draft review notes group findings under them."""
RULE_PARAMS = {
    "kelompok": ParamSpec(frozenset(GROUPINGS), default=("tidak",)),
    "dokumen": ParamSpec(frozenset(kind.value.lower() for kind in DocumentKind), multiple=True,
                         default=tuple(kind.value.lower() for kind in DocumentKind)),
    "utuh": ParamSpec(frozenset({"ya", "tidak"}), default=("tidak",)),
}


def _group_key(grouping: str, location: Location) -> tuple:
    """What makes facts one cause: the rule itself, the place, one column of a place, or the
    entity. The column of a row value is its field (``target_tahun`` for every year), of a
    generic table cell its column."""
    if grouping == "aturan":
        return ()
    if grouping == "tempat":
        return (location.place,)
    if grouping == "kolom":
        path = location.path
        if len(path) > 4 and path[0] == "tempat":  # /tempat/<place>/baris/<row>/<field>[/<year>]
            return (location.place, path[4])
        if len(path) > 4 and path[0] == "tabel":  # /tabel/<table>/baris/<row>/<column>
            return (path[1], path[4])
        return (location.place, path[-1] if path else "")
    return (location.subject,)


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

    @property
    def all_params(self) -> dict[str, ParamSpec]:
        """The mechanism's parameters and those every rule may set: ``kelompok`` (facts of one
        cause — the same rule on one place, column or entity — become one finding),
        ``dokumen`` (the kinds of document the rule applies to) and ``utuh`` (``ya``: the rule
        needs the whole document, so an excerpt is not checked by it)."""
        return {**self.params, **RULE_PARAMS}


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
    advice: dict[str, str] = field(default_factory=dict)  # language -> recommendation (saran)
    aspect: str | None = None  # the reviu aspect of its findings (ASPECTS); None: not said

    def doc(self, lang: str) -> str | None:
        return self.docs.get(lang) or self.docs.get("id")

    def applies_to(self, report: Report) -> bool:
        """A rule checks the kinds of document it names, and an excerpt only when it does
        not need the whole document (no completeness finding about what an excerpt cannot
        contain)."""
        document = report.dokumen.value.lower()
        if document not in self.params.get("dokumen", (document,)):
            return False
        return not (report.kutipan and self.params.get("utuh", ("tidak",))[0] == "ya")

    def run(self, context: Context, mechanism: Mechanism) -> Iterator[Finding]:
        """The rule's findings; with ``kelompok``, one per cause: the first fact speaks, the
        others are kept as the places the same cause shows in, with their fixes (nothing is
        dropped)."""
        if not self.applies_to(context.loaded.report):
            return
        templates = tuple(sorted(self.messages.items()))
        grouping = self.params.get("kelompok", ("tidak",))[0]
        facts = mechanism.function(context, self.params)
        if grouping == "tidak":
            groups = [[fact] for fact in facts]
        else:
            by_cause: dict[tuple, list[Fact]] = {}
            for fact in facts:
                key = (*_group_key(grouping, fact.location), fact.cause)
                by_cause.setdefault(key, []).append(fact)
            groups = list(by_cause.values())
        for first, *others in groups:
            yield Finding(code=self.code, severity=self.severity, message_key=None,
                          location=first.location, args=make_args(**first.message_values),
                          related=first.related, found=first.found, expected=first.expected,
                          fix=first.fix, templates=templates, rule=self.name,
                          same_cause=tuple(other.location for other in others),
                          same_cause_fixes=tuple(other.fix for other in others
                                                 if other.fix is not None))
