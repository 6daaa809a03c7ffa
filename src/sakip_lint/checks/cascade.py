"""Cascading to the level above (``--parent``): each sasaran and indicator of a body serves a
sasaran or indicator of the parent body, and every parent sasaran is served by some body.

Without a parent file these rules have nothing to compare and stay silent.
"""

from __future__ import annotations

from collections.abc import Iterator

from sakip_lint.rule import Context, Fact, Params, ParamSpec

PARAMS = {"jenis_entitas": ParamSpec(frozenset({"sasaran", "indikator"}), multiple=True,
                             default=("sasaran", "indikator"))}
PLACEHOLDERS = frozenset({"induk", "berkas_induk"})


def _parent_ids(context: Context) -> set[str]:
    report = context.parent.report
    return {entity.id for entity in report.sasaran} | {entity.id for entity in report.indikator}


def _entity_fact(context: Context, entity, values: dict[str, object]) -> Fact:
    location = context.loaded.entity_location(entity.id)
    return Fact(location, {"subjek": location.subject, "tempat": "",
                           "berkas_induk": context.parent.path, **values})


def tanpa_induk(context: Context, params: Params) -> Iterator[Fact]:
    """A sasaran or indicator that names no parent sasaran or indicator."""
    if context.parent is None:
        return
    for kind in params["jenis_entitas"]:
        for entity in getattr(context.loaded.report, kind):
            if not entity.induk:
                yield _entity_fact(context, entity, {"ditemukan": "-", "diharapkan": "",
                                                     "induk": "-"})


def induk_tidak_dikenal(context: Context, params: Params) -> Iterator[Fact]:
    """A parent id that the parent body does not declare."""
    if context.parent is None:
        return
    known = _parent_ids(context)
    for kind in params["jenis_entitas"]:
        for index, entity in enumerate(getattr(context.loaded.report, kind)):
            for position, ident in enumerate(entity.induk):
                if ident not in known:
                    path = context.loaded.item_path((kind, str(index), "induk"), position)
                    subject = context.loaded.subject(entity.id)
                    location = context.loaded.location(path, subject=subject)
                    yield Fact(location, {"subjek": subject, "tempat": "",
                                          "induk": ident,
                                          "berkas_induk": context.parent.path}, found=ident)


SERVED_PLACEHOLDERS = frozenset({"jumlah_bawahan"})


def induk_terlayani(context: Context, params: Params) -> Iterator[Fact]:
    """Run on the parent body: every parent sasaran is served by a sasaran or indicator of one
    of the bodies checked together with it."""
    if not context.children:
        return
    served = {ident for child in context.children
              for kind in ("sasaran", "indikator") for entity in getattr(child.report, kind)
              for ident in entity.induk}
    served |= {entity.sasaran for entity in context.loaded.report.indikator if entity.id in served}
    for entity in context.loaded.report.sasaran:
        if entity.id not in served:
            location = context.loaded.entity_location(entity.id)
            yield Fact(location, {"subjek": location.subject, "tempat": "",
                                  "ditemukan": "0", "diharapkan": "1",
                                  "jumlah_bawahan": str(len(context.children))})
