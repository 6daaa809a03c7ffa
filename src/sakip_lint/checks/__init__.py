"""The check mechanisms rules can name with ``periksa``: a literal registry, one entry each.

An unknown name in a rule file is reported when the rules are loaded, with this list.
"""

from sakip_lint.checks import (alignment, budget, budget_tree, cascade, claims, completeness, linkage, stated,
                               tables, values)
from sakip_lint.checks import scales
from sakip_lint.checks import renstra
from sakip_lint.checks import derived, equalities
from sakip_lint.rule import Mechanism

MECHANISMS: dict[str, Mechanism] = {
    "angka_terbaca": Mechanism(
        values.angka_terbaca, values.PARAMS, values.PLACEHOLDERS,
        "every value meant as a number reads as one, in the number style of where it is printed"),
    "besaran_sebaris": Mechanism(
        values.besaran_sebaris, values.MAGNITUDE_PARAMS, values.MAGNITUDE_PLACEHOLDERS,
        "a number a hundred times off the rest of its row that fits when its separators are "
        "read the other way"),
    "capaian_tertulis": Mechanism(
        stated.capaian_tertulis, stated.PARAMS, stated.PLACEHOLDERS,
        "a stated capaian (indicator, sasaran, overall) against the rules' formula"),
    "penyerapan_tertulis": Mechanism(
        stated.penyerapan_tertulis, stated.PARAMS, stated.PLACEHOLDERS,
        "a stated budget absorption against realisasi / pagu of its row"),
    "efisiensi_tertulis": Mechanism(
        stated.efisiensi_tertulis, stated.PARAMS, stated.PLACEHOLDERS,
        "a stated efficiency against capaian minus absorption of its row"),
    "kolom_tertukar": Mechanism(
        stated.kolom_tertukar, {}, stated.PLACEHOLDERS | stated.SWAP_PLACEHOLDERS,
        "a budget table whose Pagu and Realisasi columns are swapped (two or more rows whose % "
        "is pagu / realisasi), once per table"),
    "realisasi_melebihi_pagu": Mechanism(
        budget.realisasi_melebihi_pagu, {}, budget.PLACEHOLDERS,
        "a budget row whose realisasi exceeds its pagu"),
    "jumlah_anak_anggaran": Mechanism(
        budget_tree.jumlah_anak_anggaran, budget_tree.SUM_PARAMS, budget_tree.SUM_PLACEHOLDERS,
        "a parent's pagu and realisasi are the sums of its printed children (program <- kegiatan "
        "<- sub kegiatan)"),
    "persen_induk_anggaran": Mechanism(
        budget_tree.persen_induk_anggaran, budget_tree.SHARE_PARAMS, budget_tree.SHARE_PLACEHOLDERS,
        "a parent that prints only its % prints the ratio of its children's sums"),
    "nilai_sama": Mechanism(
        alignment.nilai_sama, alignment.SAME_PARAMS, alignment.SAME_PLACEHOLDERS,
        "a column of an indicator is the same in every place of the given roles"),
    "target_tahunan_vs_akhir": Mechanism(
        alignment.target_tahunan_vs_akhir, alignment.END_PARAMS, alignment.END_PLACEHOLDERS,
        "the annual target does not go beyond the Renstra end target"),
    "target_renstra_searah": Mechanism(
        renstra.target_renstra_searah, renstra.PARAMS, renstra.TURN_PLACEHOLDERS,
        "the yearly Renstra targets do not fall (positive) or rise (negative) year to year"),
    "target_renstra_dari_baseline": Mechanism(
        renstra.target_renstra_dari_baseline, renstra.PARAMS, renstra.BASELINE_PLACEHOLDERS,
        "the first yearly Renstra target is not easier than the indicator's baseline"),
    "ada_di": Mechanism(
        completeness.ada_di, completeness.PRESENT_PARAMS, completeness.PRESENT_PLACEHOLDERS,
        "every indicator or sasaran (shown in some roles) has a row in places of other roles"),
    "pembanding_tahun_lalu": Mechanism(
        completeness.pembanding_tahun_lalu, {}, frozenset(),
        "every indicator has a realisasi of an earlier year"),
    "pembanding_target_akhir": Mechanism(
        completeness.pembanding_target_akhir, {}, frozenset(),
        "every indicator has a Renstra end target"),
    "target_di_bawah_realisasi_lalu": Mechanism(
        completeness.target_di_bawah_realisasi_lalu, completeness.BELOW_PARAMS,
        completeness.BELOW_PLACEHOLDERS,
        "a target easier than last year's realisasi, given polarity, has a recorded reason"),
    "baseline": Mechanism(
        completeness.baseline, {}, frozenset(),
        "every indicator has a baseline or an earlier realisasi"),
    "tabel_terdaftar": Mechanism(
        completeness.tabel_terdaftar, {}, frozenset(),
        "every table in the declared list of tables is in the report"),
    "jumlah_baris": Mechanism(
        tables.jumlah_baris, tables.PARAMS, tables.PLACEHOLDERS,
        "a table's total column is the sum of its number columns"),
    "baris_ringkasan": Mechanism(
        tables.baris_ringkasan, tables.PARAMS, tables.PLACEHOLDERS,
        "a table's total rows sum, and its average rows average, the other rows"),
    "predikat_tabel": Mechanism(
        tables.predikat_tabel, {}, tables.GRADE_PLACEHOLDERS,
        "a table's grade row is what the scale of that year gives its total"),
    "klaim_angka": Mechanism(
        claims.klaim_angka, claims.NUMBER_PARAMS, claims.PLACEHOLDERS,
        "a figure in the prose equals the count, cell, average or total it names"),
    "klaim_batas": Mechanism(
        claims.klaim_batas, {}, claims.BOUND_PLACEHOLDERS,
        "a figure the prose states as a bound ('di atas 90%') is respected by the value it bounds"),
    "klaim_peringkat": Mechanism(
        claims.klaim_peringkat, {}, claims.RANK_PLACEHOLDERS,
        "a ranking in the prose matches the table"),
    "punya_anak": Mechanism(
        linkage.punya_anak, linkage.CHILDREN_PARAMS, linkage.CHILDREN_PLACEHOLDERS,
        "every entity of a kind has a child of another kind (a sasaran an indicator)"),
    "program_melayani": Mechanism(
        linkage.program_melayani, linkage.SERVES_PARAMS, linkage.SERVES_PLACEHOLDERS,
        "how many sasaran a programme serves, over every table"),
    "induk_selaras": Mechanism(
        linkage.induk_selaras, linkage.PARENT_PARAMS, linkage.PARENT_PLACEHOLDERS,
        "the parent a table declares for an entity, and its number, agree between tables"),
    "nomor_ganda": Mechanism(
        linkage.nomor_ganda, {}, frozenset(),
        "one entity printed twice under different numbers in one table"),
    "penomoran_selaras": Mechanism(
        linkage.penomoran_selaras, linkage.NUMBER_PARAMS, linkage.NUMBER_PLACEHOLDERS,
        "an entity carries the same number in every table"),
    "nama_selaras": Mechanism(
        linkage.nama_selaras, linkage.NAME_PARAMS, linkage.NAME_PLACEHOLDERS,
        "an entity is named the same in every table"),
    "nama_mirip": Mechanism(
        linkage.nama_mirip, linkage.SIMILAR_PARAMS, linkage.SIMILAR_PLACEHOLDERS,
        "two entities of one kind with nearly the same name"),
    "program_tidak_di_daftar": Mechanism(
        linkage.program_tidak_di_daftar, linkage.LIST_PARAMS, linkage.LIST_PLACEHOLDERS,
        "a programme mapped to a sasaran is in the list of programmes"),
    "tanpa_induk": Mechanism(
        cascade.tanpa_induk, cascade.PARAMS, cascade.PLACEHOLDERS,
        "with --parent: a sasaran or indicator names no parent sasaran or indicator"),
    "induk_tidak_dikenal": Mechanism(
        cascade.induk_tidak_dikenal, cascade.PARAMS, cascade.PLACEHOLDERS,
        "with --parent: a parent id the parent body does not declare"),
    "induk_terlayani": Mechanism(
        cascade.induk_terlayani, {}, cascade.SERVED_PLACEHOLDERS,
        "with --parent: every parent sasaran is served by a body checked with it",
        on_parent=True),
    "klaim_kategori": Mechanism(
        claims.klaim_kategori, {}, claims.CATEGORY_PLACEHOLDERS,
        "a category or grade in the prose is what the scale gives"),
    "kolom_turunan": Mechanism(
        derived.kolom_turunan, derived.PARAMS, derived.PLACEHOLDERS,
        "a derived column of a table (declared, or recognised by its header) against its formula"),
    "kesamaan_tabel": Mechanism(
        equalities.kesamaan_tabel, {}, equalities.PLACEHOLDERS,
        "cells that several tables print (kesamaan) agree"),
    "kategori_tertulis": Mechanism(
        scales.kategori_tertulis, scales.CATEGORY_PARAMS, scales.CATEGORY_PLACEHOLDERS,
        "the category a row prints is what the scale in force gives its capaian"),
    "skala_utuh": Mechanism(
        scales.skala_utuh, scales.WHOLE_PARAMS, scales.WHOLE_PLACEHOLDERS,
        "the report's own scale: no overlapping or reversed bands, no gaps, a band for every "
        "capaian above 100"),
}
