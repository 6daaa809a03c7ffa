"""The quantities a report prints, computed once, from the rule language's formulas.

Pure computation: values in, a ``Computed`` out, no report, no location, no judgement. The
capaian engine, the budget checks and the prose claims all compute absorption and efficiency
here, so a rule folder that changes ``rumus penyerapan`` or ``rumus efisiensi`` changes every
place that uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sakip_lint.config import CapaianConfig
from sakip_lint.expressions import NotComputable, evaluate


@dataclass(frozen=True, slots=True)
class Computed:
    """A computed percentage: exact, rounded by the rules, its category; or why it is missing."""

    exact: Decimal | None = None
    rounded: Decimal | None = None
    category: str | None = None
    reason: str | None = None  # message key when not computable

    @property
    def ok(self) -> bool:
        return self.exact is not None


def rounded(config: CapaianConfig, exact: Decimal) -> Computed:
    return Computed(exact, config.rounding.apply(exact))


def absorption(config: CapaianConfig, pagu: Decimal | None, spent: Decimal | None) -> Computed:
    """Budget absorption (``rumus penyerapan``: realisasi_anggaran / pagu * 100 by default)."""
    if pagu is None or spent is None:
        return Computed(reason="capaian.not-computable.no-budget")
    if pagu == 0:
        return Computed(reason="capaian.not-computable.zero-budget")
    return _apply(config, "penyerapan", {"pagu": pagu, "realisasi_anggaran": spent})


def efficiency(config: CapaianConfig, capaian: Decimal | None,
               spent_share: Decimal | None) -> Computed:
    """Efficiency (``rumus efisiensi``: capaian - penyerapan by default) of two percentages."""
    if capaian is None or spent_share is None:
        return Computed(reason="capaian.not-computable.missing-value")
    return _apply(config, "efisiensi", {"capaian": capaian, "penyerapan": spent_share})


def _apply(config: CapaianConfig, kind: str, values: dict[str, Decimal]) -> Computed:
    try:
        return rounded(config, evaluate(config.formulas[kind].expression, values))
    except NotComputable as error:
        return Computed(reason=error.reason)
