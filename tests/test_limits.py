"""Hostile and extreme input through the command line: every limit, every number too long to
compute, every rule file that trusts too much and every load message that was wrong or
unlocated gives its located message and its exit code — never a hang, a crash or an internal
error. Inputs are made in tmp_path; the few that could hang run in a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import MINI, MEASUREMENT_LINE, report_text
from sakip_lint import limits
from sakip_lint.cli import main
from sakip_lint.examples import complete

MEASUREMENT_ROW = '{id: IK-01, nomor: "1", target: "610", realisasi: "429", capaian: "70,33"}'
BUDGET = 'pagu: "1.000.000,-", realisasi_anggaran: "900.000,-"'
NEVER = ("Kesalahan internal", "internal error", "Traceback")


@pytest.fixture(autouse=True)
def default_limits():
    """Each case starts and ends with the default limits (a case may change them)."""
    limits.configure(limits.Limits())
    yield
    limits.configure(limits.Limits())


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    for text in (out, err):
        assert not any(word in text for word in NEVER), text
    return code, out, err


def plain(capsys, *args: str) -> tuple[int, list[str]]:
    """Exit code and the finding lines of ``check --format plain``."""
    code, out, err = run(capsys, "check", "--format", "plain", *args)
    return code, [line for line in (out + err).splitlines() if ": " in line and "[" in line]


def findings(capsys, *args: str) -> tuple[int, list[dict]]:
    code, out, _ = run(capsys, "check", "--format", "json", *args)
    return code, json.loads(out)["findings"]


def cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """The installed command in its own process: for inputs whose risk is a hang."""
    result = subprocess.run([sys.executable, "-m", "sakip_lint.cli", *args], capture_output=True,
                            text=True, timeout=timeout, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert not any(word in result.stdout + result.stderr for word in NEVER), result.stderr
    return result


def with_row(write, row: str, name: str = "report.yaml"):
    text = MINI.replace(MEASUREMENT_ROW, row)
    assert text != MINI
    return write(text, name)


# --- 1. limits on the size and shape of a data file ----------------------------------------

def billion_laughs() -> str:
    """Nine levels of nine aliases: 9^9 = 387 420 489 strings from 300 bytes."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_nested_aliases_stop_at_the_alias_limit(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    assert path.stat().st_size < 1024
    result = cli("check", "--format", "plain", str(path))
    assert result.returncode == 2
    # the 10 001st alias use is met inside b..i (line 2 or later), never in a's own list
    assert "LOAD001" in result.stdout and "lebih dari 10000 kali" in result.stdout
    line = next(l for l in result.stdout.splitlines() if "LOAD001" in l)
    assert int(line.split(":")[1]) >= 2
    english = cli("check", "--format", "plain", "--lang", "en", str(path))
    assert "more than 10000 times" in english.stdout and english.returncode == 2


def test_expanded_nodes_and_alias_uses_have_their_own_limits(write, capsys):
    aliased = write("format: &f sakip-lint/1\nx: [*f, *f, *f]\n", "aliases.yaml")
    code, lines = plain(capsys, "--limit", "max_aliases=2", str(aliased))
    # three uses of *f, the third one past the limit of 2: at the list that holds it
    assert code == 2
    assert lines == [f"{aliased}:2:4: LOAD001 [kesalahan] Berkas memakai alias YAML (*nama) lebih "
                     "dari 2 kali; pembacaan dihentikan di sini (ubah dengan --limit max_aliases=...)"]
    assert plain(capsys, "--limit", "max_aliases=3", str(aliased))[1][-1].endswith(
        "Kunci tidak dikenal 'x'")  # within the limit: read, and then refused for its key x
    shared = write("a: &l [1, 2]\nb: [*l, *l, *l]\n", "lists.yaml")
    code, lines = plain(capsys, "--limit", "max_aliases=2", str(shared))
    assert code == 2
    assert lines == [f"{shared}:2:4: LOAD001 [kesalahan] Berkas memakai alias YAML (*nama) lebih "
                     "dari 2 kali; pembacaan dihentikan di sini (ubah dengan --limit max_aliases=...)"]
    code, lines = plain(capsys, "--lang", "en", "--limit", "max_nodes=50", str(write(MINI)))
    # MINI has more than 50 keys and values: reading stops at the 51st
    assert code == 2 and len(lines) == 1
    assert "LOAD001 [error] The file holds more than 50 YAML values" in lines[0]


def test_nodes_read_through_aliases_have_their_own_limit(write, capsys):
    # an anchor of 5 values used 3 times: 3 x (the list and its 5 values) = 18 values read
    # through aliases; the 9 values written (the root, format, a's list and its 5 values, b's
    # list; keys are not values) are counted apart
    path = write("format: sakip-lint/1\na: &a [x, x, x, x, x]\nb: [*a, *a, *a]\n")
    code, lines = plain(capsys, "--limit", "max_alias_nodes=17", str(path))
    assert code == 2 and lines == [
        f"{path}:3:4: LOAD001 [kesalahan] Alias YAML (*nama) di berkas ini dijabarkan menjadi "
        "lebih dari 17 nilai; pembacaan dihentikan di alias ini (ubah dengan --limit "
        "max_alias_nodes=...)"]
    code, lines = plain(capsys, "--limit", "max_alias_nodes=18", "--limit", "max_nodes=9",
                        str(path))
    assert code == 2 and any(line.endswith("Kunci tidak dikenal 'a'") for line in lines)  # read
    code, lines = plain(capsys, "--limit", "max_nodes=8", str(path))
    assert code == 2 and "lebih dari 8 nilai YAML" in lines[0]


def test_the_careful_reader_counts_values_before_it_builds_a_tree(write, capsys, monkeypatch):
    # the anchor sends the file to the careful reader; 300 000 list items pass max_nodes=1 000
    path = write("format: &f sakip-lint/1\nx: [" + "a," * 300_000 + "a]\n", "wide.yaml")
    import yaml

    def never(*args, **kwargs):
        raise AssertionError("the tree was composed")

    monkeypatch.setattr(yaml, "compose", never)
    code, lines = plain(capsys, "--limit", "max_nodes=1000", str(path))
    # the root, format and x's list are values 1 to 3: value 1 001 is item 998, at column
    # 5 + 2 x 997 = 1 999
    assert code == 2 and lines == [
        f"{path}:2:1999: LOAD001 [kesalahan] Berkas memuat lebih dari 1000 nilai YAML; pembacaan "
        "dihentikan di sini (ubah dengan --limit max_nodes=...)"]
    aliased = write("format: sakip-lint/1\na: &a [x, x, x, x, x]\nb: {c: *a, d: *a, e: *a}\n",
                    "aliased.yaml")
    code, lines = plain(capsys, "--limit", "max_alias_nodes=17", str(aliased))
    # 6 values each (the list and its 5): the third passes 17, at its key e ('b: {' and two
    # 'x: *a, ' of 7 characters before it: column 5 + 14 = 19)
    assert code == 2 and lines == [
        f"{aliased}:3:19: LOAD001 [kesalahan] Alias YAML (*nama) di berkas ini dijabarkan menjadi "
        "lebih dari 17 nilai; pembacaan dihentikan di alias ini (ubah dengan --limit "
        "max_alias_nodes=...)"]


def test_a_long_value_is_cut_in_tables_and_kept_whole_in_json(write, capsys):
    name = "a" * 550 + "z" * 50  # 600 characters: the cell shows "IK-01 " and 494 of them
    path = write(MINI.replace("teks: Jumlah dokumen", f"teks: {name}"))
    for fmt in ("plain", "markdown", "rich"):
        code, out, _ = run(capsys, "capaian", "--format", fmt, "--lang", "en", str(path))
        folded = "".join(out.replace("│", "").split())  # rich folds the cell over lines
        assert code == 0 and "a…(+106characters)" in folded, fmt
        assert "z" not in out.replace("Realisation", "").replace("Capaian", ""), fmt
    code, out, _ = run(capsys, "capaian", "--format", "json", str(path))
    assert json.loads(out)["indicators"][0]["text"] == name
    longest = write(MINI.replace("teks: Jumlah dokumen", "teks: " + "x" * 1001), "long.yaml")
    code, lines = plain(capsys, "--limit", "max_scalar_chars=1000", str(longest))
    assert code == 2 and lines == [
        f"{longest}:14:23: LOAD001 [kesalahan] Nilai YAML ini lebih panjang dari 1000 karakter; "
        "pembacaan dihentikan di sini (ubah dengan --limit max_scalar_chars=...)"]
    assert plain(capsys, "--limit", "max_scalar_chars=1001", str(longest))[0] == 0


def test_an_alias_that_contains_itself_is_named(write, capsys):
    path = write("format: sakip-lint/1\nx: &a [1, *a]\n")
    code, lines = plain(capsys, str(path))
    assert code == 2
    assert lines == [f"{path}:2:4: LOAD001 [kesalahan] Alias YAML ini memuat dirinya sendiri: "
                     "nilainya tidak pernah selesai"]


def test_deep_nesting_is_a_located_limit(write, capsys):
    path = write("format: " + "[" * 500 + "]" * 500 + "\n")
    code, lines = plain(capsys, str(path))
    assert code == 2 and len(lines) == 1
    # 'format: ' is 8 characters, the first '[' at column 9 is level 1 (the root mapping level
    # 0 holds it as the value of format); level 65 is the 65th '[' at column 8 + 64 = 72 + 1
    assert lines[0].startswith(f"{path}:1:73: LOAD001 [kesalahan] Daftar dan pemetaan bersarang "
                               "lebih dari 64 tingkat")
    deeper = write("format: " + "[" * 5000 + "]" * 5000 + "\n", "deeper.yaml")
    code, lines = plain(capsys, "--lang", "en", str(deeper))
    # libyaml stops at its own 1 000 levels, before the nodes are read: said as such, where
    # it stopped (level 1 000 is the 1 000th '[' at column 8 + 1 000 = 1008)
    assert code == 2 and lines == [
        f"{deeper}:1:1008: LOAD001 [error] Lists and mappings nest more than 1000 levels deep: the "
        "YAML reader stops here (the limit of a data file, max_depth, is 64 levels)"]


def test_an_endless_file_is_read_only_up_to_the_size_limit():
    result = cli("check", "--format", "plain", "--limit", "max_bytes=1048576", "/dev/zero")
    assert result.returncode == 2
    assert ("/dev/zero: LOAD000 [kesalahan] Berkas lebih besar dari batas 1048576 bait"
            in result.stdout)


def test_the_size_limit_is_configurable_by_option_and_environment(write, capsys, monkeypatch):
    path = write(MINI)
    size = path.stat().st_size
    code, lines = plain(capsys, "--lang", "en", "--limit", f"max_bytes={size - 1}", str(path))
    assert code == 2
    assert lines == [f"{path}: LOAD000 [error] The file is larger than the limit of {size - 1} "
                     "bytes and was not read to its end (change it with --limit max_bytes=...)"]
    assert plain(capsys, "--limit", f"max_bytes={size}", str(path))[0] == 0  # exactly the limit
    monkeypatch.setenv("SAKIP_LINT_LIMIT_MAX_BYTES", str(size - 1))
    assert plain(capsys, str(path))[0] == 2
    assert plain(capsys, "--limit", f"max_bytes={size}", str(path))[0] == 0  # the option wins


def test_a_wrong_limit_setting_is_refused(write, capsys):
    path = write(MINI)
    code, out, err = run(capsys, "check", "--limit", "max_bites=5", str(path))
    assert code == 2 and out == ""
    assert "Batas 'max_bites=5' tidak dikenal" in err and "max_bytes" in err
    code, out, err = run(capsys, "check", "--lang", "en", "--limit", "max_depth=-3", str(path))
    assert code == 2 and "Limit max_depth must be a positive whole number, not '-3'" in err


def test_every_limit_has_a_largest_value_and_the_largest_ones_work(write, capsys, monkeypatch):
    path = write(MINI)
    for name, maximum in limits.MAXIMA.items():
        code, out, err = run(capsys, "check", "--lang", "en", "--limit", f"{name}={maximum + 1}",
                             str(path))
        assert code == 2 and err == f"Limit {name} can be at most {maximum}, not '{maximum + 1}'\n"
    monkeypatch.setenv("SAKIP_LINT_LIMIT_MAX_DIGITS", "9" * 40)  # int() of it is never needed
    code, out, err = run(capsys, "check", str(path))
    assert code == 2 and "Batas SAKIP_LINT_LIMIT_MAX_DIGITS paling besar 1000" in err
    monkeypatch.delenv("SAKIP_LINT_LIMIT_MAX_DIGITS")
    # at their largest, the decimal context and the recursive reader still work
    everything = [arg for name, maximum in limits.MAXIMA.items()
                  for arg in ("--limit", f"{name}={maximum}")]
    assert plain(capsys, *everything, str(path)) == (0, [])
    deep = write("format: " + "[" * 300 + "]" * 300 + "\n", "deep.yaml")
    code, lines = plain(capsys, "--limit", "max_depth=200", str(deep))
    assert code == 2 and lines[0].startswith(f"{deep}:1:209: LOAD001")  # '[' number 201


# --- 1. numbers too long to compute are findings on their cell -------------------------------

def test_a_realisasi_beyond_the_digit_limit_is_a_finding_on_its_cell(write, capsys):
    for digits in ("1" + "0" * 40, "9" * 500):  # 10^40 and 500 nines (more is too long a cell)
        path = with_row(write, f'{{id: IK-01, nomor: "1", target: "610", realisasi: "{digits}", '
                               'capaian: "70,33"}')
        code, found = findings(capsys, str(path))
        assert code == 1
        num = [f for f in found if f["code"] == "NUM002"]
        assert [f["location"]["pointer"] for f in num] == ["/tempat/Tabel 3.1/baris/0/realisasi"]
        assert num[0]["location"]["line"] == MEASUREMENT_LINE
        assert "lebih banyak digit daripada batas" in num[0]["message"]["id"]
        assert "more digits than the limit" in num[0]["message"]["en"]
        assert not [f for f in found if f["code"] in ("CAP001", "CAP006")]  # one cause, one finding


def test_a_stated_capaian_with_34_decimals_is_a_finding_not_a_crash(write, capsys):
    stated = "70," + "3" * 34
    path = with_row(write, f'{{id: IK-01, nomor: "1", target: "610", realisasi: "429", '
                           f'capaian: "{stated}"}}')
    code, found = findings(capsys, str(path))
    assert code == 1
    num = [f for f in found if f["code"] == "NUM002"]
    assert [f["location"]["pointer"] for f in num] == ["/tempat/Tabel 3.1/baris/0/capaian"]
    assert num[0]["message"]["id"] == (f"'{stated}' memuat lebih banyak desimal daripada batas "
                                       "(--limit max_decimals); tidak dihitung")
    # one cause, one finding: not also CAP003 'not a number' on the same cell
    assert [f["code"] for f in found] == ["NUM002"]


def test_a_cell_longer_than_a_number_can_be_is_a_finding_on_its_cell(write, capsys):
    # 1 100 numbers and a word: 2 201 characters, beyond the 500 a value read as a number may have
    cell = "1 " * 1100 + "x"
    path = with_row(write, f'{{id: IK-01, nomor: "1", target: "610", realisasi: "{cell}", '
                           'capaian: "70,33"}')
    code, found = findings(capsys, str(path))
    num = [f for f in found if f["code"] == "NUM002"]
    assert code == 1 and [f["location"]["pointer"] for f in num] == [
        "/tempat/Tabel 3.1/baris/0/realisasi"]
    assert "max_cell_chars" in num[0]["message"]["en"] and num[0]["found"] == cell
    # within a raised limit it is read token by token, and is not a number either; the
    # message quotes its first 500 characters and says how many more there are
    code, found = findings(capsys, "--limit", "max_cell_chars=2201", str(path))
    num = [f for f in found if f["code"] == "NUM002"]
    assert [f["message"]["en"] for f in num] == [
        f"'{cell[:2000]}…(+201 characters)' is not a readable number"]
    assert num[0]["found"] == cell  # the finding's data keeps it whole


def test_the_digit_limit_counts_the_zeros_of_a_scale_word(write, capsys, monkeypatch):
    # 31 digits followed by 'triliun' (12 zeros): 43 digits, over the 30 allowed
    claim = report_text(extra="""\
      Ringkasan: {peran: prosa}
    klaim:
      - {id: K-1, di: Ringkasan, kutipan: "pagu seluruhnya", tentang: anggaran_pagu_total,
         nilai: "Rp 1234567890123456789012345678901 triliun"}
    """.replace("      Ringkasan", "  Ringkasan", 1).replace("    klaim", "klaim"))
    code, found = findings(capsys, str(write(claim)))
    assert code == 1
    num = [f for f in found if f["code"] == "NUM002"]
    assert [f["location"]["pointer"] for f in num] == ["/klaim/0/nilai"]
    assert "digit" in num[0]["message"]["en"]
    # 1,5 triliun is 13 digits: read, and the limit is data (3 digits: even 429 is too long)
    monkeypatch.setenv("SAKIP_LINT_LIMIT_MAX_DIGITS", "3")
    code, found = findings(capsys, str(write(MINI, "mini.yaml")))
    assert any(f["code"] == "NUM002" and f["found"] == "1.000.000,-" for f in found)


def test_row_numbers_that_are_not_plain_digits_are_labels(write, capsys):
    for nomor in ("4¹", "1" * 5000):
        path = with_row(write, f'{{id: IK-01, nomor: "{nomor}", target: "610", '
                               'realisasi: "429", capaian: "70,33"}')
        assert plain(capsys, str(path)) == (0, [])  # MINI is clean; an odd label changes nothing


def test_a_zero_pagu_beside_a_stated_absorption_is_a_finding_on_the_stated_cell(write, capsys):
    path = write(MINI.replace(BUDGET, 'pagu: "0", realisasi_anggaran: "900.000,-"'))
    code, found = findings(capsys, str(path))
    assert code == 1
    zero = [f for f in found if f["code"] == "BUD008"]
    assert [f["location"]["pointer"] for f in zero] == ["/tempat/Tabel 3.7/baris/0/persen_anggaran"]
    assert zero[0]["message"]["id"] == ("Penyerapan anggaran sasaran S-01 di Tabel 3.7 tertulis "
                                        "90,00, padahal tidak dapat dihitung: pagu bernilai nol")
    assert zero[0]["message"]["en"].endswith("although it cannot be computed: the budget is zero")
    assert [r["pointer"] for r in zero[0]["related"]] == [
        "/tempat/Tabel 3.7/baris/0/pagu", "/tempat/Tabel 3.7/baris/0/realisasi_anggaran"]


def test_a_zero_target_beside_a_stated_capaian_is_a_finding_on_the_stated_cell(write, capsys):
    path = with_row(write, '{id: IK-01, nomor: "1", target: "0", realisasi: "429", capaian: "70,33"}')
    code, found = findings(capsys, str(path))
    assert code == 1
    zero = [f for f in found if f["code"] == "CAP006"]
    assert [f["location"]["pointer"] for f in zero] == ["/tempat/Tabel 3.1/baris/0/capaian"]
    assert zero[0]["message"]["en"].endswith("cannot be computed: the target is zero")


def test_an_overflowing_formula_is_a_finding_on_the_stated_cell(write, capsys, tmp_path):
    # 30 nines cubed has 90 digits; kept to 10 decimals that is 100 > the precision
    # 2 x (30 + 10) + 4 = 84 digits: not computable, reported where the capaian is stated
    rules = tmp_path / "cube.sakip"
    rules.write_text("rumus positif = realisasi * realisasi * realisasi / target\n", encoding="utf-8")
    path = with_row(write, '{id: IK-01, nomor: "1", target: "610", '
                           f'realisasi: "{"9" * 30}", capaian: "70,33"}}')
    code, found = findings(capsys, "--rules", str(rules), str(path))
    assert code == 1
    over = [f for f in found if f["code"] == "CAP006"]
    assert over[0]["location"]["pointer"] == "/tempat/Tabel 3.1/baris/0/capaian"
    assert "melampaui batas ketelitian aritmetika" in over[0]["message"]["id"]


# --- 3. rule files: templates, functions and constants are checked when loaded -------------

RULE = """\
aturan CAP001 "capaian-sesuai-rumus" {{
  tingkat kesalahan
  periksa capaian_tertulis
  pesan id "{id}"
  pesan en "{en}"
}}
"""


def rule_problems(capsys, tmp_path, text: str, lang: str = "en") -> tuple[int, str]:
    path = tmp_path / "own.sakip"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "rules", "--lang", lang, "--rules", str(path))
    return code, err


@pytest.mark.parametrize("placeholder", ["{ditemukan:>100000000}", "{ditemukan:d}",
                                         "{ditemukan!z}", "{ditemukan!r}"])
def test_a_message_placeholder_takes_no_format_or_conversion(capsys, tmp_path, placeholder):
    text = RULE.format(id="Capaian " + placeholder, en="Capaian {ditemukan}")
    code, err = rule_problems(capsys, tmp_path, text)
    assert code == 2
    # 'pesan id "Capaian ' is 18 characters after two spaces: the placeholder starts at column 21
    assert err.startswith(f"{tmp_path / 'own.sakip'}:4:21: The message uses '{placeholder}': a "
                          "placeholder may only be a name, e.g. {ditemukan}, without a format")
    code, err = rule_problems(capsys, tmp_path, text, "id")
    assert "penanda hanya boleh berupa nama" in err


def test_a_placeholder_must_be_a_plain_name(capsys, tmp_path):
    code, err = rule_problems(capsys, tmp_path, RULE.format(id="{ditemukan.__class__}", en="x"))
    assert code == 2 and ":4:13: The message uses '{ditemukan.__class__}'" in err


def test_rounding_decimals_and_constants_are_bounded_when_loaded(capsys, tmp_path):
    code, err = rule_problems(capsys, tmp_path,
                              "rumus positif = bulat(realisasi / target * 100, 99999999)\n")
    assert code == 2
    assert ":1:1: The decimals 99999999 of bulat(...) must be a whole number from 0 to 10" in err
    code, err = rule_problems(capsys, tmp_path,
                              "rumus positif = realisasi / target * 1" + "0" * 40 + "\n", "id")
    assert code == 2
    assert ":1:1: Angka 1" + "0" * 39 + "… di rumus melampaui batas (30 digit, 10 desimal)" in err
    code, err = rule_problems(capsys, tmp_path,
                              "rumus positif = realisasi / target * 100,000000000001\n")
    assert code == 2 and "The number 100.000000000001 in the formula exceeds the limits" in err


def test_rounding_decimals_computed_at_run_time_are_a_finding(write, capsys, tmp_path):
    rules = tmp_path / "places.sakip"
    rules.write_text("rumus positif = bulat(realisasi / target * 100, realisasi)\n", encoding="utf-8")
    code, found = findings(capsys, "--rules", str(rules), str(write(MINI)))
    assert code == 1  # 429 decimals: beyond 10, so the capaian cannot be computed
    places = [f for f in found if f["code"] == "CAP006"]
    assert places[0]["location"]["pointer"] == "/tempat/Tabel 3.1/baris/0/capaian"
    assert "decimals of a rounding" in places[0]["message"]["en"]


def test_a_formula_nested_too_deeply_is_located(capsys, tmp_path):
    text = "rumus positif = " + "1 + (" * 2000 + "realisasi" + ")" * 2000 + "\n"
    code, err = rule_problems(capsys, tmp_path, text)
    assert code == 2
    # the 101st '(' : 'rumus positif = ' is 16 characters, each '1 + (' 5 more: 16 + 101 x 5
    assert f"{tmp_path / 'own.sakip'}:1:{16 + 101 * 5}: Parentheses nest too deeply here" in err


def test_a_bom_at_the_start_of_a_rule_file_is_accepted(write, capsys, tmp_path):
    rules = tmp_path / "bom.sakip"
    rules.write_bytes(b"\xef\xbb\xbfopsi batas_capaian = 120\n")
    assert plain(capsys, "--rules", str(rules), str(write(MINI))) == (0, [])


def test_unterminated_strings_in_rule_files_are_named(capsys, tmp_path):
    code, err = rule_problems(capsys, tmp_path, 'aturan XYZ001 "nama {\n}\n')
    assert code == 2 and ":1:15: The text opened with \" here is not closed on the same line" in err
    code, err = rule_problems(capsys, tmp_path,
                              'opsi batas_capaian = 120\naturan XYZ001 "a" {\n  dokumentasi """\n'
                              '  teks\n}\n', "id")
    assert code == 2
    assert ':3:15: Teks panjang yang dibuka dengan """ di sini tidak pernah ditutup' in err


def test_rule_files_are_read_with_the_data_file_limits(capsys, tmp_path):
    latin = tmp_path / "latin.sakip"
    latin.write_bytes('polaritas negatif jika teks memuat "caf\xe9"\n'.encode("latin-1"))
    code, out, err = run(capsys, "rules", "--lang", "en", "--rules", str(latin))
    assert code == 2
    assert err.startswith(f"{latin}:1:40: Byte 0xE9 at line 1 column 40 is not UTF-8")


def test_a_rule_file_has_its_own_smaller_size_limit(capsys, tmp_path):
    line = 'polaritas negatif jika teks memuat "frasa"\n'  # 43 bytes
    big = tmp_path / "besar.sakip"
    big.write_text(line * 3049, encoding="utf-8")  # 131 107 bytes: over 128 KiB (131 072)
    code, out, err = run(capsys, "rules", "--lang", "en", "--rules", str(big))
    assert code == 2 and err == (f"{big}: The file is larger than the limit of 131072 bytes and "
                                 "was not read to its end (change it with --limit "
                                 "max_rule_bytes=...)\n")
    big.write_text(line * 3048, encoding="utf-8")  # 131 064 bytes: read
    assert run(capsys, "rules", "--rules", str(big))[0] == 0
    code, out, err = run(capsys, "rules", "--limit", "max_rule_bytes=131063", "--rules", str(big))
    assert code == 2 and "131063" in err


# --- 4. load messages: located, named, in the reader's language ----------------------------

@pytest.mark.parametrize("encoding,name", [("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
                                           ("utf-32-le", "UTF-32 LE"), ("utf-32-be", "UTF-32 BE")])
def test_utf16_and_32_without_a_bom_are_named_whatever_characters_they_hold(encoding, name):
    from sakip_lint.textfile import decode
    # a third of the characters have no zero byte in UTF-16 (中文 and é é)
    text = "instansi: 中文 é é\ntahun: 2017\n" * 20
    assert decode(text.encode(encoding))[1].args == {"encoding": name}
    # UTF-8 never has a zero byte; one NUL in it is a control character, not UTF-16
    assert decode(("a" * 100 + "\0" + "b" * 100).encode())[1].key == "text.control-character"


def test_the_systems_reasons_for_not_opening_a_file_are_named(write, capsys, monkeypatch):
    import errno
    from sakip_lint import textfile
    path = write(MINI)
    for number, words in ((errno.ENXIO, "is a device that does not exist or cannot be read"),
                          (errno.EACCES, "There is no permission to read"),
                          (errno.EIO, "File cannot be read (detail: Input/output error)")):
        def refuse(*args, number=number, **kwargs):
            raise OSError(number, os.strerror(number))
        monkeypatch.setattr(textfile, "open", refuse, raising=False)
        code, lines = plain(capsys, "--lang", "en", str(path))
        assert code == 2 and words in lines[0] and lines[0].startswith(f"{path}: LOAD000"), lines


def test_the_language_is_known_before_the_arguments_are_parsed(monkeypatch):
    from sakip_lint.cli import language
    monkeypatch.delenv("SAKIP_LINT_LANG", raising=False)
    assert language(["check", "x", "--lang", "en"]) == "en"
    assert language(["check", "--lang=en", "x"]) == "en"
    assert language(["check", "--lan", "en"]) == "en"  # argparse accepts the abbreviation
    assert language(["check", "--lang", "fr"]) == "id"  # argparse refuses it, in Indonesian
    assert language(["check", "--", "--lang", "en"]) == "id"
    monkeypatch.setenv("SAKIP_LINT_LANG", "en")
    assert language(["check", "x"]) == "en"
    assert language(["check", "--lang", "id"]) == "id"  # the option wins
    monkeypatch.setenv("SAKIP_LINT_LANG", "fr")
    assert language(["check"]) == "id"


def test_an_unclosed_quote_is_reported_where_it_opens(write, capsys):
    text = MINI.replace("instansi: Contoh", 'instansi: "Contoh')
    path = write(text)
    code, lines = plain(capsys, str(path))
    assert code == 2
    # instansi is line 2; its quote is the 11th character
    assert lines == [f"{path}:2:11: LOAD001 [kesalahan] Tanda kutip yang dibuka di sini tidak "
                     f"ditutup di barisnya; YAML membacanya terus dan baru gagal di baris "
                     f"{lines[0].split('baris ')[-1]}"]
    never_closed = write('format: sakip-lint/1\ninstansi: "Contoh\n', "open.yaml")
    code, lines = plain(capsys, "--lang", "en", str(never_closed))
    assert code == 2
    assert lines == [f"{never_closed}:2:11: LOAD001 [error] The quote opened here is never closed "
                     "(YAML read on to line 3)"]


def test_undecodable_bytes_and_control_characters_have_line_and_column(tmp_path, capsys):
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(MINI.replace("Contoh", "Contoh caf\xe9").encode("latin-1"))
    code, lines = plain(capsys, str(latin))
    assert code == 2
    # line 2 'instansi: Contoh café': the é is the 21st character
    assert lines == [f"{latin}:2:21: LOAD001 [kesalahan] Bait 0xE9 di baris 2 kolom 21 bukan UTF-8 "
                     "(mungkin Latin-1/Windows-1252); simpan ulang berkas sebagai UTF-8"]
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(MINI.replace("Contoh", "Con\0toh").encode())
    code, lines = plain(capsys, "--lang", "en", str(nul))
    assert code == 2
    assert lines == [f"{nul}:2:14: LOAD001 [error] Control character U+0000 at line 2 column 14 is "
                     "not allowed in a text file; remove it"]


@pytest.mark.parametrize("encoding, named", [("utf-16", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
                                             ("utf-32", "UTF-32 LE")])
def test_utf16_and_utf32_are_named(tmp_path, capsys, encoding, named):
    path = tmp_path / "unicode.yaml"
    path.write_bytes(MINI.encode(encoding))
    code, lines = plain(capsys, str(path))
    assert code == 2
    assert lines == [f"{path}: LOAD001 [kesalahan] Berkas ditulis dalam {named}, bukan UTF-8 "
                     "(misalnya ekspor 'Unicode text'); simpan ulang sebagai UTF-8"]


def test_a_bom_at_the_start_of_a_data_file_is_accepted(tmp_path, capsys):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + MINI.encode())
    assert plain(capsys, str(path)) == (0, [])


def test_links_that_loop_or_lead_nowhere_are_named_also_in_a_folder(tmp_path, capsys):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    code, lines = plain(capsys, "--lang", "en", str(tmp_path / "a.yaml"),
                        str(tmp_path / "broken.yaml"), str(tmp_path))
    assert code == 2
    loop = "forms a loop (it points back to itself through other links)"
    assert lines == [  # the folder adds the one link not named (each file is checked once)
        f"{tmp_path / 'a.yaml'}: LOAD000 [error] Symbolic link {tmp_path / 'a.yaml'} {loop}",
        f"{tmp_path / 'broken.yaml'}: LOAD000 [error] Symbolic link {tmp_path / 'broken.yaml'} "
        "points to a file that does not exist",
        f"{tmp_path / 'b.yaml'}: LOAD000 [error] Symbolic link {tmp_path / 'b.yaml'} {loop}"]


def test_a_folder_without_reports_is_an_error_not_all_clear(tmp_path, capsys):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")  # not a report: skipped
    code, out, err = run(capsys, "check", "--lang", "en", str(tmp_path))
    assert code == 2 and f"Folder {tmp_path} holds no report file" in err


def test_what_libraries_say_in_english_is_said_in_the_readers_language(write, capsys):
    unknown_escape = write('format: sakip-lint/1\ninstansi: "a\\qb"\n', "escape.yaml")
    code, lines = plain(capsys, str(unknown_escape))
    assert code == 2
    # 'instansi: "a' is 12 characters: the backslash is column 13
    assert lines[0] == (f"{unknown_escape}:2:13: LOAD001 [kesalahan] Garis miring terbalik (\\) "
                        "dalam teks bertanda kutip ganda memulai kode khusus yang tidak dikenal "
                        "(jalur Windows?); pakai kutip tunggal, misalnya 'C:\\data', atau tulis \\\\")
    year = write(MINI.replace("tahun: 2017", "tahun: " + "9" * 5000), "year.yaml")
    code, lines = plain(capsys, str(year))
    assert code == 2
    assert lines == [f"{year}:3:8: LOAD002 [kesalahan] Nilai 'tahun' memuat terlalu banyak digit "
                     "untuk dibaca sebagai bilangan bulat"]


def test_a_data_file_formula_is_bounded_like_a_rule_file_one(write, capsys):
    table = complete(textwrap.dedent("""\
    tempat:
      Tabel 3.9: {peran: lainnya}
    tabel:
      - id: tabel-3.9
        di: Tabel 3.9
        kolom: [Indikator, Tahun N, Dibulatkan]
        kolom_label: Indikator
        rumus: {Dibulatkan: 'bulat(kolom "Tahun N", 99999999)'}
        baris:
          - [Angka Kemiskinan (%), "8,51", "9"]
    """))
    code, lines = plain(capsys, "--lang", "en", str(write(table)))
    assert code == 2
    assert [line.split(": ", 1)[1] for line in lines] == [
        "LOAD007 [error] Formula of column 'Dibulatkan' of table tabel-3.9: The decimals 99999999 "
        "of bulat(...) must be a whole number from 0 to 10 (table tabel-3.9, Tabel 3.9)"]
