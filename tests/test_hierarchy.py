"""The entity hierarchy is declared once (``hierarchy.LEVELS``): the model's fields, the views the
checks and the importer read, and every list of the kinds in the code follow from it, so a new
level is one entry there."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

from conftest import ROOT
from sakip_lint.hierarchy import (BUDGET_PARENT, BY_KIND, CHAIN, ENTITY_LINKS, KINDS, LEVELS,
                                  LINK_FIELDS, PARENT_OF, REQUIRED_IN_WHOLE, ROW_FIELDS_BY_KIND)
from sakip_lint.importing import rows as imported_rows
from sakip_lint.messages import CATALOGUE
from sakip_lint.model import Report, Row

SOURCE = ROOT / "src" / "sakip_lint"


def _entity_model(kind: str):
    """The model of one item of the report's list of ``kind``."""
    return get_args(Report.model_fields[kind].annotation)[0]


def test_the_chain_is_the_one_the_regulations_describe():
    assert CHAIN == ("visi", "misi", "tujuan", "sasaran", "indikator", "program", "kegiatan",
                     "sub_kegiatan")
    assert BUDGET_PARENT["sub_kegiatan"] == "kegiatan" and BUDGET_PARENT["program"] == "urusan"


def test_a_level_stands_under_levels_declared_before_it():
    for position, level in enumerate(LEVELS):
        above = {*level.parents, *level.links, *([level.budget_parent] if level.budget_parent else [])}
        assert above <= set(KINDS[:position + 1]), level.kind
        assert level.kind not in level.parents, level.kind  # only the budget nests in itself


def test_the_report_has_one_list_per_kind_in_the_order_of_the_hierarchy():
    lists = [name for name in Report.model_fields if name in BY_KIND]
    assert tuple(lists) == KINDS == Report.ENTITY_KINDS


def test_every_entity_model_declares_exactly_its_links():
    for kind in KINDS:
        fields = {name for name in _entity_model(kind).model_fields if name in BY_KIND}
        assert fields == set(ENTITY_LINKS[kind]), kind
        assert all(field == target for field, target in ENTITY_LINKS[kind].items())


def test_a_row_has_a_field_for_every_column_a_kind_may_fill_and_links_only_those_declared():
    assert {name for name in Row.model_fields if name in BY_KIND} == set(LINK_FIELDS)
    every_column = set().union(*ROW_FIELDS_BY_KIND.values())
    assert every_column <= set(Row.model_fields)
    for level in LEVELS:
        links = ROW_FIELDS_BY_KIND[level.kind] & set(BY_KIND)
        assert links <= set(level.parents), level.kind  # a row links only upwards


def test_the_derived_views_agree_with_the_levels():
    assert set(ROW_FIELDS_BY_KIND) == set(ENTITY_LINKS) == set(KINDS)
    for kind, parent in PARENT_OF.items():
        assert next(iter(ENTITY_LINKS[kind])) == parent  # the first link is the level above
    for kind, parent in REQUIRED_IN_WHOLE.items():
        assert parent == PARENT_OF[kind] and parent in ENTITY_LINKS[kind]
    for kind, field in BUDGET_PARENT.items():
        assert field in ENTITY_LINKS[kind]
    assert set(CHAIN) <= set(KINDS) and "visi" not in PARENT_OF


def test_the_importer_reads_the_levels_under_the_visi_with_their_parents():
    assert set(imported_rows.HIERARCHY) == set(KINDS) - {"visi"}
    for kind, parents in imported_rows.PARENT.items():
        assert parents == tuple(p for p in BY_KIND[kind].parents if p != "visi")


def test_every_kind_is_said_in_both_languages():
    for kind in KINDS:
        assert {"id", "en"} <= set(CATALOGUE[f"kind.{kind}"]), kind


def _restatements(text: str, name: str) -> list[str]:
    """Literals that spell out the hierarchy again: six or more kinds in a tuple or list, or a
    mapping from five or more kinds to the kinds above them."""
    found = []
    kinds = set(KINDS)

    def kind_strings(node) -> set[str]:
        return {item.value for item in getattr(node, "elts", ())
                if isinstance(item, ast.Constant) and item.value in kinds}

    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Tuple, ast.List)) and len(kind_strings(node)) >= 6:
            found.append(f"{name}:{node.lineno}")
        if isinstance(node, ast.Dict):
            links = sum(1 for key, value in zip(node.keys, node.values)
                        if isinstance(key, ast.Constant) and key.value in kinds
                        and (kind_strings(value) or isinstance(value, ast.Constant)
                             and value.value in kinds - {key.value}))
            if links >= 5:
                found.append(f"{name}:{node.lineno}")
    return found


def test_no_module_restates_the_hierarchy():
    spelt = ('ORDER = ("visi", "misi", "tujuan", "sasaran", "indikator", "program")\n'
             'UP = {"misi": "visi", "tujuan": "misi", "sasaran": "tujuan", "indikator": ("sasaran",),'
             ' "program": "sasaran"}\n')
    assert _restatements(spelt, "x.py") == ["x.py:1", "x.py:2"]  # the guard sees them
    assert _restatements('TITLES = {"visi": "visi", "misi": "misi", "tujuan": "tujuan",'
                         ' "sasaran": "sasaran", "program": "program"}', "x.py") == []
    found = [place for path in sorted(SOURCE.rglob("*.py")) if path.name != "hierarchy.py"
             for place in _restatements(path.read_text(encoding="utf-8"),
                                        str(path.relative_to(SOURCE)))]
    assert not found
