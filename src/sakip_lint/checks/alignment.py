"""Alignment: the same fact printed in several places must agree.

The reference is the first place of the roles a rule lists (the signed PK, usually); every
other place that prints the fact differently is reported with the reference beside it.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.bands import better, first_quantity, interval
from sakip_lint.checks.common import cells, polarity, roles_param, same_value, target_roles
from sakip_lint.location import Fix
from sakip_lint.messages import term
from sakip_lint.model import Polarity
from sakip_lint.numbers import ParsedValue
from sakip_lint.rule import Context, Fact, Params, ParamSpec

SAME_PARAMS = {
    "kolom": ParamSpec(frozenset({"target", "target_akhir", "realisasi", "satuan"}), required=True),
    "peran": roles_param(),  # none: the rules' ``target tahunan dari``
    "setara": ParamSpec(multiple=True),  # words that mean the same unit: "%", "Persentase", ...
    # ya: a row printing the value per year (a Renstra's target_tahun) gives the report year's
    "tahun_laporan": ParamSpec(frozenset({"ya", "tidak"}), default=("tidak",)),
}
SAME_PLACEHOLDERS = frozenset({"tempat_lain", "kolom"})


def _same(a: ParsedValue, b: ParsedValue) -> bool:
    """Two printed values say the same; two bands are the same target when their bounds, and
    whether each bound is included, are equal ('≥ 75' is not '> 75'). A band and a number are
    different targets ('maks. 5' is not '5'): the capaian of the same realisasi differs."""
    if a.is_band and b.is_band:
        return interval(a) == interval(b)
    return same_value(a, b)


def _unit(text: str, equivalents: dict[str, str]) -> str:
    folded = " ".join(text.split()).casefold()
    return equivalents.get(folded, folded)


def nilai_sama(context: Context, params: Params) -> Iterator[Fact]:
    """A column of each indicator is the same in every place of the roles ``peran``; with
    ``tahun_laporan``, the Renstra's yearly target for the report year counts as its target."""
    column = params["kolom"][0]
    equivalents = {" ".join(word.split()).casefold(): "=" for word in params["setara"]}
    report_year = params["tahun_laporan"][0] == "ya"
    for indikator in context.loaded.report.indikator:
        found = list(cells(context, indikator.id, column, target_roles(context, params),
                           report_year))
        if not found:
            continue
        reference = found[0]
        for cell in found[1:]:
            if column == "satuan":
                agree = _unit(cell.raw, equivalents) == _unit(reference.raw, equivalents)
            else:
                agree = _same(cell.value, reference.value)
            if agree:
                continue
            # Which of two printed values is right is the compiler's call: the fix is unsafe.
            yield Fact(cell.location,
                       {"subjek": context.loaded.subject(indikator.id), "tempat": cell.place,
                        "tempat_lain": reference.place, "kolom": column},
                       related=(reference.location,), found=cell.raw, expected=reference.raw,
                       fix=Fix(cell.location, reference.raw, safe=False, suggestion_only=True))


END_PARAMS = {"peran": roles_param()}  # none: the rules' ``target tahunan dari``
END_PLACEHOLDERS = frozenset({"tempat_lain", "target_akhir", "arah"})


def target_tahunan_vs_akhir(context: Context, params: Params) -> Iterator[Fact]:
    """An annual target beyond the Renstra end target (above it for a positive indicator,
    below it for a negative one) is a planning error or a typo in one of the two.

    With bands, "beyond" means that no value meets both targets and meeting the annual one
    overshoots the end one: for a positive indicator the annual band's LOW bound is above the
    end target's HIGH bound (annual 91 - 95 against end 80 - 90; annual '> 90' against end 90);
    for a negative one its HIGH bound is below the end target's LOW bound. An annual band that
    overlaps the end target (85 - 95 against 80 - 90) is consistent with it for some
    realisasi, so it is not reported. A one-sided band is its binding bound (``bands.as_bar``):
    an annual '≥ 73' asks more than an end target '≥ 72'. For two numbers this is the plain
    comparison.
    """
    for indikator in context.loaded.report.indikator:
        direction = polarity(context, indikator)
        if direction is Polarity.KUALITATIF:
            continue
        annual = first_quantity(cells(context, indikator.id, "target",
                                      target_roles(context, params)))
        end = first_quantity(cells(context, indikator.id, "target_akhir",
                                   ("analisis_renstra", "renstra", "iku", "analisis")))
        if annual is None or end is None:
            continue
        if better(interval(annual.value), interval(end.value), direction):
            arrow = "arah.above" if direction is Polarity.POSITIF else "arah.below"
            yield Fact(annual.location,
                       {"subjek": context.loaded.subject(indikator.id), "target_akhir": end.raw,
                        "tempat": annual.place,
                        "tempat_lain": end.place, "arah": term(arrow)},
                       related=(end.location,), found=annual.raw, expected=end.raw)
