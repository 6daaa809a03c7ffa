"""The Python API: what a tool that embeds the checker calls, and that importing it is cheap."""

from __future__ import annotations

from decimal import Decimal

from conftest import FIXTURE, MINI
from test_layers import modules_after

import sakip_lint
from sakip_lint import api
from sakip_lint.findings import Finding, Severity

WRONG = MINI.replace('realisasi: "429", capaian: "70,33"}', 'realisasi: "429", capaian: "75,00"}')


def test_importing_the_package_loads_neither_the_engine_nor_the_rules():
    loaded = modules_after("import sakip_lint")
    assert not loaded & {"sakip_lint.api", "sakip_lint.engine", "sakip_lint.ruleset", "pydantic",
                         "yaml", "lark", "rich"}
    assert "sakip_lint.api" in modules_after("import sakip_lint\nsakip_lint.check")


def test_check_a_report_held_in_memory():
    rules = api.load_rules()
    loaded = api.load_text(WRONG, name="upload.yaml")
    assert loaded.loaded is not None and loaded.loaded.report.instansi == "Contoh"
    result = sakip_lint.check(loaded, rules)
    assert result.usable and result.path == "upload.yaml"
    finding = next(f for f in result.findings if f.code == "CAP001")
    assert isinstance(finding, Finding) and finding.severity is Severity.ERROR
    assert finding.location.pointer == "/tempat/Tabel 3.1/baris/0/capaian"
    assert finding.message("en").startswith("Capaian of indicator IK-01 in Tabel 3.1 is stated as 75,00")
    # the capaian: 429 / 610 x 100 = 70,3279 -> 70,33
    indicator = result.capaian.indicators[0]
    assert indicator.capaian.rounded == Decimal("70.33")
    assert result.capaian.overall.capaian.rounded == Decimal("70.33")


def test_check_a_path_and_an_unusable_text():
    result = api.check(FIXTURE)
    assert len(result.findings) == 70 and result.capaian is not None
    broken = api.load_text("tahun: [", name="broken.yaml")
    assert broken.loaded is None and [f.code for f in broken.findings] == ["LOAD001"]
    checked = api.check(broken)
    assert not checked.usable and checked.capaian is None
    assert checked.findings[0].location.file == "broken.yaml"


def test_rules_of_your_own_and_the_project_settings(tmp_path):
    (tmp_path / "potong.sakip").write_text("pembulatan 2 desimal potong\n", encoding="utf-8")
    rounding = MINI.replace('capaian: "70,33"}', 'capaian: "70,32"}')  # 70,3279 truncated
    assert [f.code for f in api.check(api.load_text(rounding)).findings] == ["CAP002"]
    assert api.check(api.load_text(rounding), api.load_rules([tmp_path / "potong.sakip"])).findings == ()
    (tmp_path / ".sakip-lint.toml").write_text('ignore = ["CAP"]\n', encoding="utf-8")
    settings = api.load_settings(tmp_path)
    assert settings.path == tmp_path / ".sakip-lint.toml"
    rules = api.load_rules(settings=settings)
    assert not any(rule.code.startswith("CAP") for rule in rules.rules)
