"""--parent: two bodies checked against a small parent body (fixtures/cascade)."""

from __future__ import annotations

import json

from conftest import ROOT
from sakip_lint.cli import main

CASCADE = ROOT / "fixtures" / "cascade"
PARENT = CASCADE / "rpjmd-contoh.yaml"
CHILDREN = [CASCADE / "opd-biro-organisasi.yaml", CASCADE / "opd-biro-hukum.yaml"]


def findings(capsys, *args):
    code = main(["check", *map(str, CHILDREN), *args, "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    return code, {(f["code"], f["location"]["file"].rsplit("/", 1)[-1], f["location"]["key"])
                  for f in document["findings"] if f["code"].startswith("GRF02")}


def test_cascading_against_the_parent(capsys):
    code, found = findings(capsys, "--parent", str(PARENT))
    assert code == 1
    assert found == {
        # Biro Organisasi: S-02 and its indicator name no parent
        ("GRF020", "opd-biro-organisasi.yaml", "sasaran S-02"),
        ("GRF020", "opd-biro-organisasi.yaml", "indikator IK-02"),
        # Biro Hukum: RPJMD-S9 does not exist in the parent
        ("GRF021", "opd-biro-hukum.yaml", "sasaran S-01"),
        # no body serves RPJMD-S2 (RPJMD-S3 is served through the indicator RPJMD-IK3)
        ("GRF022", "rpjmd-contoh.yaml", "sasaran RPJMD-S2"),
    }


def test_without_a_parent_nothing_cascades(capsys):
    assert findings(capsys)[1] == set()


def test_an_unusable_parent_exits_2(capsys, tmp_path):
    broken = tmp_path / "rpjmd.yaml"
    broken.write_text("sasaran: [", encoding="utf-8")
    code = main(["check", *map(str, CHILDREN), "--parent", str(broken), "--format", "plain"])
    assert code == 2 and "LOAD001" in capsys.readouterr().out
