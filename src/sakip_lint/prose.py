"""The figures the prose states (``klaim``), read in one place.

Which claims are about what (``tentang`` and the sasaran, indicators or tujuan they name), the
figure each states — read in the report's number style, with its bound (``di atas 90%``) — and
where it is written. The judgement of stated capaian and the claim mechanisms both read the
prose through here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sakip_lint.comparison import Stated
from sakip_lint.location import Location
from sakip_lint.model import Claim
from sakip_lint.numbers import ParsedValue
from sakip_lint.source import LoadedReport


@dataclass(frozen=True)
class ClaimedFigure:
    """One figure of the prose: its claim, its position among the claims and the loaded report."""

    loaded: LoadedReport
    index: int
    claim: Claim

    @property
    def value(self) -> ParsedValue:
        return self.loaded.parse(self.claim.nilai)

    @property
    def bound(self) -> str | None:
        """The comparison the figure states (``lebih_dari``...), None for a value."""
        return self.claim.batas.value if self.claim.batas else None

    @property
    def location(self) -> Location:
        """Computed when a finding needs it, not for every claim read."""
        return self.loaded.claim_location(self.index)

    def stated(self) -> Stated:
        """The figure as a stated value to compare with a computed one."""
        return Stated(self.value, self.location, self.bound)


def figures(loaded: LoadedReport, about: str | Collection[str] | None = None,
            **names: str) -> Iterator[ClaimedFigure]:
    """The claims about ``about`` (one kind or several; None: all), in the order written, that
    name each of ``names`` (``sasaran="S-01"``: the claim's ``sasaran`` lists S-01)."""
    kinds = {about} if isinstance(about, str) else about
    for index, claim in enumerate(loaded.report.klaim):
        if kinds is not None and claim.tentang not in kinds:
            continue
        if any(value not in getattr(claim, field) for field, value in names.items()):
            continue
        yield ClaimedFigure(loaded, index, claim)
