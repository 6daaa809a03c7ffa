"""Renstra series: the yearly targets of a five-year plan move the way the polarity says.

A Renstra row prints a target per year (``target_tahun: {2019: .., 2020: ..}``). For a positive
indicator they should not fall from one year to the next, for a negative one not rise, and
the first of them should not be easier than the indicator's baseline — otherwise the plan
promises less than was already achieved. Targets may be bands (``sakip_lint.bands``): from one
year to the next the binding bound is compared (80 - 90 then 78 - 88 falls; 80 - 90 then
80 - 95 does not), against the baseline the whole band (reported only when all of it is on
the worse side, as KLP004 does with last year's realisasi; a one-sided band by its binding
bound, so '≥ 78' against a baseline 80 is as easy as 78). Years whose target is not a number
or a band ('-', a word) are left out of the series; qualitative indicators are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from sakip_lint.bands import Interval, interval, lowers_the_bar, worse
from sakip_lint.checks.common import polarity, roles_param
from sakip_lint.location import Location
from sakip_lint.messages import term
from sakip_lint.model import Indikator, Polarity, Role
from sakip_lint.rule import Context, Fact, Params

PARAMS = {"peran": roles_param("renstra")}
TURN_PLACEHOLDERS = frozenset({"tahun", "arah", "deret", "polaritas"})
BASELINE_PLACEHOLDERS = frozenset({"tahun", "baseline", "arah", "polaritas"})


@dataclass(frozen=True)
class _Point:
    year: int | None  # None: the row's end target (target_akhir)
    raw: str
    band: Interval
    location: Location

    @property
    def when(self):
        return str(self.year) if self.year is not None else term("renstra.end-target")


def _series(context: Context, indikator: Indikator, roles,
            end_if_alone: bool = False) -> Iterator[tuple[str, list[_Point]]]:
    """(place, readable yearly targets by year) of every row of ``roles`` that prints them.
    With ``end_if_alone`` a row without yearly targets gives its end target instead (a
    Renstra matrix of tujuan often prints only 'kondisi awal' and 'kondisi akhir')."""
    report = context.loaded.report
    for place, index, row in report.rows_of(indikator.id, *(Role(role) for role in roles)):
        cells = [(year, row.target_tahun[year], ("target_tahun", str(year)))
                 for year in sorted(row.target_tahun)]
        if end_if_alone and not cells and row.target_akhir is not None:
            cells = [(None, row.target_akhir, ("target_akhir",))]
        points = []
        for year, raw, field in cells:
            band = interval(context.loaded.parse(raw, place, field[0]))
            if band is not None:
                location = context.loaded.location(("tempat", place, "baris", str(index), *field),
                                                   subject=context.loaded.row_subject(place, index),
                                                   place=place)
                points.append(_Point(year, raw, band, location))
        if points:
            yield place, points


def _quantitative(context: Context, indikator: Indikator) -> Polarity | None:
    direction = polarity(context, indikator)
    return None if direction is Polarity.KUALITATIF else direction


def target_renstra_searah(context: Context, params: Params) -> Iterator[Fact]:
    """One finding per series whose targets turn against the polarity, naming every turn."""
    for indikator in context.loaded.report.indikator:
        direction = _quantitative(context, indikator)
        if direction is None:
            continue
        for place, points in _series(context, indikator, params["peran"]):
            turns = [(before, after) for before, after in pairwise(points)
                     if lowers_the_bar(before.band, after.band, direction)]
            if not turns:
                continue
            first_before, first_after = turns[0]
            arrow = "arah.falls" if direction is Polarity.POSITIF else "arah.rises"
            yield Fact(first_after.location,
                       {"subjek": context.loaded.subject(indikator.id), "tempat": place,
                        "tahun": ", ".join(f"{b.year}→{a.year}" for b, a in turns),
                        "arah": term(arrow), "polaritas": term(f"polarity.{direction.value}"),
                        "deret": "; ".join(f"{p.year}: {p.raw}" for p in points)},
                       related=tuple(point.location for pair in turns for point in pair
                                     if point is not first_after),
                       found=first_after.raw, expected=first_before.raw)


def target_renstra_dari_baseline(context: Context, params: Params) -> Iterator[Fact]:
    """The first yearly target of a series (the end target of a row without yearly targets)
    is not easier than the baseline already reached."""
    report = context.loaded.report
    for indikator in report.indikator:
        direction = _quantitative(context, indikator)
        if direction is None or indikator.baseline is None:
            continue
        baseline = interval(context.loaded.parse(indikator.baseline))
        if baseline is None:
            continue
        kind, index = report.path_of(indikator.id)
        baseline_at = context.loaded.location((kind, index, "baseline"),
                                              subject=context.loaded.subject(indikator.id))
        for place, points in _series(context, indikator, params["peran"], end_if_alone=True):
            first = points[0]
            if worse(first.band, baseline, direction):
                arrow = "arah.below" if direction is Polarity.POSITIF else "arah.above"
                yield Fact(first.location,
                           {"subjek": context.loaded.subject(indikator.id), "tempat": place,
                            "tahun": first.when, "baseline": indikator.baseline,
                            "arah": term(arrow), "polaritas": term(f"polarity.{direction.value}")},
                           related=(baseline_at,), found=first.raw, expected=indikator.baseline)
