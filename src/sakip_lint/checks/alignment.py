"""Alignment: the same fact printed in several places must agree.

The reference is the first place of the roles a rule lists (the signed PK, usually); every
other place that prints the fact differently is reported with the reference beside it.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.checks.common import TARGET_ROLES, cells, first_number, polarity, roles_param, same_value
from sakip_lint.findings import Fix
from sakip_lint.messages import term
from sakip_lint.model import Polarity
from sakip_lint.rule import Context, Fact, Params, ParamSpec

SAME_PARAMS = {
    "kolom": ParamSpec(frozenset({"target", "target_akhir", "realisasi", "satuan"}), required=True),
    "di": roles_param(*TARGET_ROLES),
    "setara": ParamSpec(multiple=True),  # words that mean the same unit: "%", "Persentase", ...
}
SAME_PLACEHOLDERS = frozenset({"tempat_lain", "kolom"})


def _unit(text: str, equivalents: dict[str, str]) -> str:
    folded = " ".join(text.split()).casefold()
    return equivalents.get(folded, folded)


def same_everywhere(context: Context, params: Params) -> Iterator[Fact]:
    column = params["kolom"][0]
    equivalents = {" ".join(word.split()).casefold(): "=" for word in params["setara"]}
    for indikator in context.loaded.report.indikator:
        found = list(cells(context, indikator.id, column, params["di"]))
        if not found:
            continue
        reference = found[0]
        for cell in found[1:]:
            if column == "satuan":
                agree = _unit(cell.raw, equivalents) == _unit(reference.raw, equivalents)
            else:
                agree = same_value(cell.value, reference.value)
            if agree:
                continue
            # Which of two printed values is right is the compiler's call: the fix is unsafe.
            yield Fact(cell.location,
                       {"subjek": f"indikator {indikator.id}", "ditemukan": cell.raw,
                        "diharapkan": reference.raw, "tempat": cell.place,
                        "tempat_lain": reference.place, "kolom": column},
                       related=(reference.location,), found=cell.raw, expected=reference.raw,
                       fix=Fix(cell.location, reference.raw, safe=False))


END_PARAMS = {"di": roles_param(*TARGET_ROLES)}
END_PLACEHOLDERS = frozenset({"tempat_lain", "target_akhir", "arah"})


def annual_within_end_target(context: Context, params: Params) -> Iterator[Fact]:
    """An annual target beyond the Renstra end target (above it for a positive indicator,
    below it for a negative one) is a planning error or a typo in one of the two."""
    for indikator in context.loaded.report.indikator:
        direction = polarity(context, indikator)
        if direction is Polarity.KUALITATIF:
            continue
        annual = first_number(cells(context, indikator.id, "target", params["di"]))
        end = first_number(cells(context, indikator.id, "target_akhir",
                                 ("analisis_renstra", "renstra", "iku", "analisis")))
        if annual is None or end is None:
            continue
        beyond = (annual.value.number > end.value.number if direction is Polarity.POSITIF
                  else annual.value.number < end.value.number)
        if beyond:
            arrow = "arah.above" if direction is Polarity.POSITIF else "arah.below"
            yield Fact(annual.location,
                       {"subjek": f"indikator {indikator.id}", "ditemukan": annual.raw,
                        "diharapkan": end.raw, "target_akhir": end.raw, "tempat": annual.place,
                        "tempat_lain": end.place, "arah": term(arrow)},
                       related=(end.location,), found=annual.raw, expected=end.raw)
