"""``sakip-lint schema``: the JSON Schema editors use to complete and check a data file."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
import yaml

from conftest import FIXTURE, ROOT
from sakip_lint.cli import main


@pytest.fixture(scope="module")
def schema():
    from sakip_lint.data_schema import data_schema

    return data_schema("en")


def test_the_command_prints_the_schema_with_its_id_and_descriptions(capsys):
    assert main(["schema", "--lang", "en"]) == 0
    printed = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed["$id"] == "urn:sakip-lint:schema:data-file:1" and "sakip-lint" in printed["title"]
    assert printed["properties"]["tahun"]["description"] == "The report year"
    assert printed["$defs"]["Row"]["description"].startswith("One row")  # the model's docstring
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["tahun"]["description"] == "Tahun laporan"


def test_the_kaltim_report_validates_and_so_do_the_real_excerpts(schema):
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "fixtures" / "real").glob("*.yaml")):
        if not path.name.endswith(".expect.yaml"):
            validator.validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("breakage", ["misspelt key", "wrong role", "text as year", "no format"])
def test_a_broken_copy_is_rejected(schema, breakage):
    data = copy.deepcopy(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    if breakage == "misspelt key":
        data["indikator"][0]["polaritass"] = "negatif"
    elif breakage == "wrong role":
        data["tempat"]["Tabel 3.1"]["peran"] = "ukur"
    elif breakage == "text as year":
        data["tahun"] = "dua ribu tujuh belas"
    else:
        del data["format"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_a_link_may_be_one_id_and_a_printed_value_an_unquoted_number(schema):
    """As the loader reads them: 'sasaran: S-01' is a list of one, 'target: 610' the text 610."""
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["program"][0]["sasaran"] = "S-01"
    data["tempat"]["Tabel 3.1"]["baris"][1]["target"] = 610
    jsonschema.Draft202012Validator(schema).validate(data)
    data["tempat"]["Tabel 3.1"]["baris"][1]["target"] = ["610"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
