"""The installed package must hold every subpackage, the grammar and the default rules."""

import tomllib
from importlib.resources import files

from conftest import ROOT


def test_every_subpackage_is_listed_for_installation():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    source = ROOT / "src"
    found = {".".join(init.parent.relative_to(source).parts) for init in source.rglob("__init__.py")}
    assert found <= listed, found - listed


def test_grammar_and_rules_are_read_from_the_package():
    assert files("sakip_lint.grammar").joinpath("sakip.lark").is_file()
    assert any(entry.name.endswith(".sakip") for entry in files("sakip_lint.rules").iterdir())
