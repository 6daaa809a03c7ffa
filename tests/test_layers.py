"""The layers hold: a typed subject instead of a parsed string, fixes whose safety the mechanism
decides, dependencies that point one way, and an architecture page that names the registry."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import MINI, ROOT
from sakip_lint.engine import check_file
from sakip_lint.findings import Finding, Severity
from sakip_lint.graph import PerformanceGraph
from sakip_lint.graph_export import collect
from sakip_lint.loader import load_report
from sakip_lint.location import Location, Subject
from sakip_lint.messages import render_finding, render_subject
from sakip_lint.ruleset import load_ruleset

RULES = load_ruleset()


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


# --- dependencies point one way ---------------------------------------------------------------

def test_loading_the_rules_does_not_load_the_engine():
    """Not even when they are compiled (no cache), which reads the registry of mechanisms."""
    loaded = modules_after("import os\nos.environ['SAKIP_LINT_NO_CACHE'] = '1'\n"
                           "import sakip_lint.ruleset\nsakip_lint.ruleset.load_ruleset()")
    assert "sakip_lint.rule_compiler" in loaded and "sakip_lint.checks" in loaded  # it did run
    assert not loaded & {"sakip_lint.capaian", "sakip_lint.judgement", "sakip_lint.graph",
                         "networkx"}


def test_location_imports_nothing_of_the_project():
    loaded = modules_after("import sakip_lint.location")
    assert {name for name in loaded if name.startswith("sakip_lint.")} == {"sakip_lint.location"}


def test_findings_do_not_import_the_catalogue_and_comparison_does_not_import_findings():
    assert "sakip_lint.messages" not in modules_after("import sakip_lint.findings")
    assert "sakip_lint.findings" not in modules_after("import sakip_lint.comparison")


# --- the subject is typed -------------------------------------------------------------------

def test_a_subject_is_said_in_the_readers_language_and_keyed_as_the_data_file_spells_it():
    subject = Subject("indikator", "IK-04", name="Jumlah dokumen", number="1.1")
    assert render_subject(subject, "en") == "indicator IK-04"
    assert render_subject(subject, "id") == "indikator IK-04"
    assert Location("f.yaml", subject=subject).key == "indikator IK-04"
    assert Location("f.yaml").key is None
    # how a place prints it does not make it another subject
    assert subject == Subject("indikator", "IK-04")
    assert render_subject(Subject("", "IK-99"), "en") == "IK-99"  # an id the report does not declare


def test_the_subject_of_a_rules_message_and_of_the_same_cause_follows_the_language():
    location = Location("f.yaml", subject=Subject("program", "P-01"))
    other = Location("f.yaml", subject=Subject("program", "P-05"), place="Tabel 2.6")
    finding = Finding("X001", Severity.INFO, None, location,
                      args=(("subjek", location.subject),),
                      templates=(("en", "{subjek} serves no sasaran"),
                                 ("id", "{subjek} tidak melayani sasaran")),
                      same_cause=(other,))
    assert render_finding(finding, "en") == ("programme P-01 serves no sasaran — the same cause "
                                             "also shows in other values (1): Tabel 2.6, programme P-05")
    assert render_finding(finding, "id").startswith("program P-01 tidak melayani sasaran")
    assert finding.message("en") == render_finding(finding, "en")


def test_the_row_subject_carries_the_printed_number(write):
    loaded = load_report(write(MINI)).loaded
    location = loaded.row_location("Tabel 3.1", 0, "capaian")
    assert (location.subject.kind, location.subject.id, location.subject.number) == (
        "indikator", "IK-01", "1")
    assert location.key == "indikator IK-01" and location.place == "Tabel 3.1"


def test_a_findings_subject_carries_the_name_and_number_the_report_prints(write):
    text = MINI.replace("tipe: absolut}", "tipe: absolut, polaritas: positif}").replace(
        "  - {id: S-01, teks: Sasaran satu, tujuan: T-1}\n",
        "  - {id: S-01, teks: Sasaran satu, tujuan: T-1}\n"
        "  - {id: S-02, teks: Sasaran dua, tujuan: T-1}\n") + (
        "  Renstra:\n    peran: renstra\n    baris:\n"
        '      - {id: IK-01, nomor: "1.1", teks: Dokumen tersusun,'
        ' target_tahun: {2016: "700", 2017: "600"}}\n')
    findings = check_file(write(text), RULES).findings
    # a positive indicator whose Renstra target falls from 700 to 600: at the row, as printed
    falling = next(f for f in findings if f.code == "ALN005")
    assert falling.location.pointer == "/tempat/Renstra/baris/0/target_tahun/2017"
    subject = falling.location.subject
    assert (subject.kind, subject.id, subject.name, subject.number) == (
        "indikator", "IK-01", "Dokumen tersusun", "1.1")
    # a sasaran without indicators: at its declaration, with the name declared there
    bare = [f.location.subject for f in findings if f.location.pointer == "/sasaran/1/id"]
    assert bare and all((s.kind, s.id, s.name) == ("sasaran", "S-02", "Sasaran dua") for s in bare)


def test_the_tree_reads_the_typed_subject_of_a_finding(write):
    graph = PerformanceGraph(load_report(write(MINI)).loaded)

    def about(kind: str, ident: str) -> Finding:
        return Finding("X001", Severity.ERROR, "finding.same-cause",
                       Location("f.yaml", subject=Subject(kind, ident)))

    nodes, _ = collect(graph, (about("sasaran", "S-01"), about("tabel", "IK-01")))
    codes = {node.id: node.codes for node in nodes}
    assert codes["S-01"] == ("X001",)
    assert codes["IK-01"] == ()  # a table named like an indicator is not the indicator


def test_a_location_keeps_its_path_and_its_pointer_is_written_from_it(write):
    import pickle

    from sakip_lint.location import pointer_path

    loaded = load_report(write(MINI)).loaded
    path = ("tempat", "Tabel 3.1/a~b", "baris", "0", "target")
    location = loaded.location(path, place="Tabel 3.1/a~b")
    assert location.path == path and location.pointer == "/tempat/Tabel 3.1~1a~0b/baris/0/target"
    assert pointer_path(location.pointer) == path
    assert pickle.loads(pickle.dumps(location)).path == path  # sent to a worker process
    assert Location("f.yaml", pointer="/klaim/0/nilai").path == ("klaim", "0", "nilai")
    assert Location("f.yaml").path == ()


def test_facts_of_one_column_are_grouped_by_the_locations_path_not_its_pointer_text():
    from sakip_lint.rule import _group_key

    def at(path, place=None):
        # the pointer is deliberately not the path's: grouping must not read it
        return Location("f.yaml", pointer="/elsewhere", path=path, place=place)

    row = ("tempat", "Tabel 3.1", "baris", "4", "target_tahun", "2019")
    assert _group_key("kolom", at(row, "Tabel 3.1")) == ("Tabel 3.1", "target_tahun")
    assert _group_key("kolom", at(("tabel", "3", "baris", "5", "2"), "Bab I")) == ("3", "2")
    assert _group_key("kolom", at(("klaim", "0", "nilai"), "3.3")) == ("3.3", "nilai")
    assert _group_key("kolom", at((), None)) == (None, "")
    assert _group_key("tempat", at(row, "Tabel 3.1")) == ("Tabel 3.1",)


# --- a fix is as safe as the mechanism that makes it says ---------------------------------------

MEASURED = '      - {id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}'


def test_a_wrong_capaian_in_a_table_has_a_safe_fix_and_the_same_figure_in_prose_has_none(write):
    # 429 / 610 * 100 = 70,327... -> 70,33: the table's 75,00 and the prose's 95 are both wrong
    text = MINI.replace(MEASURED, MEASURED.replace('"70,33"', '"75,00"')) + (
        "klaim:\n"
        '  - {id: K-1, di: 3.3 Sasaran 1, kutipan: "capaian 95%", tentang: capaian_indikator,'
        ' indikator: IK-01, nilai: "95"}\n')
    result = check_file(write(text), RULES)
    wrong = {f.location.pointer: f for f in result.findings if f.code == "CAP001"}
    in_table = wrong["/tempat/Tabel 3.1/baris/0/capaian"]
    assert in_table.fix is not None and in_table.fix.safe and in_table.fix.replacement == "70,33"
    assert wrong["/klaim/0/nilai"].fix is None


# --- the architecture page ----------------------------------------------------------------

PAGE = ROOT / "docs" / "architecture.md"


def test_the_architecture_page_names_every_mechanism_in_its_module():
    from sakip_lint.checks import MECHANISMS

    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## Mechanisms by module"):]
    listed = {}
    for module, cell in re.findall(r"^\| `checks/(\w+)\.py` \| ([^|]+) \|", table, re.M):
        for name in re.findall(r"`([a-z_]+)`", cell):
            listed[name] = f"sakip_lint.checks.{module}"
    assert set(listed) == set(MECHANISMS), (set(MECHANISMS) - set(listed),
                                            set(listed) - set(MECHANISMS))
    wrong = {name: module for name, module in listed.items()
             if MECHANISMS[name].function.__module__ != module}
    assert not wrong


def test_a_mechanism_has_one_name_in_rules_and_in_python():
    from sakip_lint.checks import MECHANISMS

    assert {name: m.function.__name__ for name, m in MECHANISMS.items()
            if m.function.__name__ != name} == {}


def _layer_table() -> list[tuple[str, tuple[str, ...]]]:
    """The layers of the architecture page, first to last, each with the modules it lists
    (a folder ``checks/`` stands for every module in it)."""
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## Layers"):text.index("## From a YAML value")]
    layers = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("Layer", "---"):
            layers.append((cells[0], tuple(re.findall(r"`((?:\w+/)*(?:\w+\.py)?)`", cells[1]))))
    return layers


def _module_layers() -> dict[str, int]:
    """Every module of the package (``checks/linkage.py``) -> the position of its layer."""
    source = ROOT / "src" / "sakip_lint"
    layers = _layer_table()
    found = {}
    for path in sorted(source.rglob("*.py")):
        module = path.relative_to(source).as_posix()
        found[module] = next((at for at, (_, listed) in enumerate(layers) for name in listed
                              if name == module or name.endswith("/") and module.startswith(name)),
                             None)
    return found


def _imports(module: str) -> list[tuple[int, str]]:
    """(line, imported module) of every import of the project in ``module``: at module level,
    inside functions and under ``TYPE_CHECKING`` alike."""
    import ast

    source = ROOT / "src" / "sakip_lint"
    package = ["sakip_lint", *module[:-3].split("/")][:-1]

    def module_file(dotted: str) -> str | None:
        relative = "/".join(dotted.split(".")[1:])
        if (source / f"{relative}.py").exists():
            return f"{relative}.py"
        if (source / relative / "__init__.py").exists():
            return f"{relative}/__init__.py".lstrip("/")
        return None

    found = []
    for node in ast.walk(ast.parse((source / module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] if node.level else [])
            origin = ".".join(part for part in (base, node.module or "") if part)
            # 'from sakip_lint import escape' imports the module escape, not the package
            names = [f"{origin}.{alias.name}" if module_file(f"{origin}.{alias.name}") else origin
                     for alias in node.names]
        else:
            continue
        for name in names:
            imported = module_file(name) if name.split(".")[0] == "sakip_lint" else None
            if imported is not None and imported != module:
                found.append((node.lineno, imported))
    return found


def test_every_module_is_in_the_layer_table():
    layers = _module_layers()
    assert len(layers) > 90 and layers["checks/linkage.py"] == layers["engine.py"]
    assert not [module for module, layer in layers.items() if layer is None]


def test_no_module_imports_a_module_of_a_lower_layer():
    layers = _module_layers()
    names = [name for name, _ in _layer_table()]
    upwards = [f"{module}:{line} ({names[layers[module]]}) imports {imported} ({names[layers[imported]]})"
               for module in layers for line, imported in _imports(module)
               if layers[imported] > layers[module]
               # the package names the API's functions and imports it when one is first used
               and (module, imported) != ("__init__.py", "api.py")]
    assert not upwards


def test_the_layer_check_sees_an_upward_import_and_every_form_of_import():
    assert (14, "config.py") in _imports("formulas.py")  # module level
    assert any(imported == "capaian.py" for _, imported in _imports("checks/scales.py"))  # in a function
    assert any(imported == "graph.py" for _, imported in _imports("rule.py"))  # TYPE_CHECKING
    assert any(imported == "escape.py" for _, imported in _imports("baseline.py"))  # from package
    assert (14, "checks/__init__.py") in _imports("rule_compiler.py")
    layers = _module_layers()
    assert layers["cli.py"] > layers["engine.py"] > layers["location.py"]


def test_every_module_the_architecture_page_names_exists():
    named = set(re.findall(r"`((?:\w+/)?\w+\.py)`", PAGE.read_text(encoding="utf-8")))
    assert len(named) > 20
    missing = {name for name in named
               if not (ROOT / "src" / "sakip_lint" / name).exists() and not (ROOT / name).exists()}
    assert not missing


# --- a command imports what it uses -----------------------------------------------------------

def _modules_of_command(*args: str) -> set[str]:
    return modules_after("import sys\nfrom sakip_lint.cli import main\n"
                         f"sys.stdout = open('/dev/null', 'w')\ntry:\n    main({list(args)!r})\n"
                         "except SystemExit:\n    pass\nsys.stdout = sys.__stdout__")


def test_help_loads_neither_the_rules_nor_the_engine():
    loaded = _modules_of_command("--help")
    assert "sakip_lint.cli" in loaded
    assert not loaded & {"sakip_lint.ruleset", "sakip_lint.engine", "pydantic", "lark", "yaml",
                         "rich", "networkx", "tabulate", "importlib.metadata"}


def test_a_check_in_plain_or_json_imports_no_rich_no_graph_library_and_no_processes():
    for output in ("json", "plain"):
        loaded = _modules_of_command("check", str(ROOT / "fixtures" / "real" /
                                                  "kab-sampang-inspektorat-2019-skala.yaml"),
                                     "--format", output)
        assert "sakip_lint.engine" in loaded and "sakip_lint.graph" in loaded  # it did run
        assert not loaded & {"rich", "networkx", "tabulate", "multiprocessing"}, output


def test_a_check_of_a_data_file_imports_neither_the_importer_nor_the_exports_nor_the_html_report():
    loaded = _modules_of_command("check", str(ROOT / "fixtures" / "kaltim-2017" /
                                              "lkjip-setda-kaltim-2017.yaml"), "--format", "json")
    assert "sakip_lint.loader" in loaded and "sakip_lint.checks.linkage" in loaded  # it did run
    unused = {name for name in loaded
              if name.split(".")[0] in {"openpyxl", "docx", "jsonschema", "rich", "networkx"}
              or name.startswith(("sakip_lint.importing", "sakip_lint.report"))
              or name in {"sakip_lint.graph_export", "sakip_lint.xlsx_export"}}
    assert not unused


# --- a fact says found and expected once --------------------------------------------------------

def test_a_fact_gives_its_found_and_expected_once_to_the_finding_and_to_its_message(write):
    from dataclasses import replace

    from sakip_lint.capaian import compute
    from sakip_lint.rule import Context, Fact, Mechanism

    loaded = load_report(write(MINI)).loaded
    context = Context(loaded, RULES.config, compute(loaded, RULES.config))
    rule = replace(RULES.rule("CAP001"), messages={"id": "{ditemukan} jadi {diharapkan}",
                                                   "en": "{ditemukan} to {diharapkan}"})
    location = loaded.row_location("Tabel 3.1", 0, "capaian")

    def run(fact: Fact):
        [finding] = rule.run(context, Mechanism(lambda context, params: iter([fact])))
        return finding

    finding = run(Fact(location, {"subjek": "x"}, found="70,33", expected="70,34"))
    assert (finding.found, finding.expected) == ("70,33", "70,34")
    assert (finding.message("en"), finding.message("id")) == ("70,33 to 70,34", "70,33 jadi 70,34")
    # a value only the message names (nothing printed): the finding compares nothing
    finding = run(Fact(location, {"ditemukan": "-"}))
    assert (finding.found, finding.expected, finding.message("en")) == (None, None, "- to ")
