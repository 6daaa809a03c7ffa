"""The message catalogue: every user-facing text, in Bahasa Indonesia (default) and English.

One place for all texts keeps the two languages in step (a test checks that each key has both,
with the same placeholders) and lets reviewers read the tool's vocabulary in one file.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sakip_lint.location import Location, Subject

if TYPE_CHECKING:
    from sakip_lint.findings import Finding

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

CATALOGUE: dict[str, dict[str, str]] = {
    # --- loading -----------------------------------------------------------------------
    "load.file-missing": {
        "id": "Berkas tidak ditemukan: {path}",
        "en": "File not found: {path}",
    },
    "load.file-unreadable": {
        "id": "Berkas tidak dapat dibaca: {detail}",
        "en": "File cannot be read: {detail}",
    },
    "load.yaml-syntax": {
        "id": "YAML/JSON tidak dapat dibaca: {detail}",
        "en": "YAML/JSON cannot be read: {detail}",
    },
    "load.yaml.no-content": {
        "id": "YAML tidak lengkap: nilai yang diharapkan tidak ditemukan (kurung atau kutip belum ditutup?)",
        "en": "Incomplete YAML: an expected value was not found (an unclosed bracket or quote?)",
    },
    "load.yaml.mapping-here": {
        "id": "Titik dua ':' tidak boleh di sini; periksa indentasi atau beri tanda kutip pada teks",
        "en": "A colon ':' is not allowed here; check the indentation or quote the text",
    },
    "load.yaml.no-colon": {
        "id": "Titik dua ':' yang diharapkan tidak ditemukan",
        "en": "An expected colon ':' was not found",
    },
    "load.yaml.indentation": {
        "id": "Indentasi tidak sesuai dengan baris di atasnya",
        "en": "The indentation does not match the lines above",
    },
    "load.yaml.unclosed-list": {
        "id": "Daftar '[' belum ditutup dengan ']' atau butirnya tidak dipisah koma",
        "en": "A list '[' is not closed with ']' or its items are not separated by commas",
    },
    "load.yaml.unclosed-mapping": {
        "id": "Pemetaan '{{' belum ditutup dengan '}}' atau butirnya tidak dipisah koma",
        "en": "A mapping '{{' is not closed with '}}' or its items are not separated by commas",
    },
    "load.yaml.bad-character": {
        "id": "Karakter yang tidak boleh memulai nilai (misalnya tab, @ atau `); beri tanda kutip",
        "en": "A character that cannot start a value (such as a tab, @ or `); quote the value",
    },
    "load.yaml.alias": {
        "id": "Alias YAML (*nama) merujuk jangkar yang tidak ada",
        "en": "A YAML alias (*name) refers to an anchor that does not exist",
    },
    "load.yaml.too-deep": {
        "id": "Daftar dan pemetaan bersarang lebih dari 1000 tingkat: pembaca YAML berhenti di sini (batas berkas data, max_depth, adalah {limit} tingkat)",
        "en": "Lists and mappings nest more than 1000 levels deep: the YAML reader stops here (the limit of a data file, max_depth, is {limit} levels)",
    },
    "load.yaml.long-key": {
        "id": "Kunci ini lebih panjang dari 1024 karakter, batas YAML untuk kunci yang ditulis tanpa '? '; perpendek kuncinya",
        "en": "This key is longer than 1024 characters, YAML's limit for a key written without '? '; shorten the key",
    },
    "load.yaml.unknown-escape": {
        "id": "Garis miring terbalik (\\) dalam teks bertanda kutip ganda memulai kode khusus yang tidak dikenal (jalur Windows?); pakai kutip tunggal, misalnya 'C:\\data', atau tulis \\\\",
        "en": "A backslash (\\) in a double-quoted text starts an escape YAML does not know (a Windows path?); use single quotes, e.g. 'C:\\data', or write \\\\",
    },
    "load.yaml.anchor-name": {
        "id": "Sesudah * (alias) atau & (jangkar) YAML mengharapkan nama dari huruf atau angka; beri tanda kutip bila * atau & adalah bagian dari teks",
        "en": "After * (an alias) or & (an anchor) YAML expects a name of letters or digits; quote the text if the * or & belongs to it",
    },
    "load.yaml.version": {
        "id": "Berkas menyatakan versi YAML yang tidak didukung (baris %YAML); hapus baris itu",
        "en": "The file declares a YAML version that is not supported (a %YAML line); remove that line",
    },
    "load.yaml.directive": {
        "id": "Baris yang dimulai dengan % adalah perintah YAML yang tidak dikenal; hapus baris itu atau beri tanda kutip",
        "en": "A line starting with % is a YAML directive that does not exist; remove the line or quote it",
    },
    "load.yaml.tag-handle": {
        "id": "Tag YAML (!nama!...) yang tidak dideklarasikan; berkas data tidak memakai tag",
        "en": "A YAML tag (!name!...) that is not declared; data files use no tags",
    },
    "load.tag": {
        "id": "Tag YAML '{tag}' tidak dipakai di berkas data: tulis nilainya tanpa tag (teks dalam tanda kutip)",
        "en": "YAML tag '{tag}' has no place in a data file: write the value without a tag (text in quotes)",
    },
    "load.yaml.two-documents": {
        "id": "Dokumen YAML kedua dimulai di sini (baris ---): satu berkas data memuat satu dokumen",
        "en": "A second YAML document starts here (a --- line): a data file holds one document",
    },
    "load.feature.complex-key": {
        "id": "kunci majemuk (daftar atau pemetaan sebagai kunci)",
        "en": "complex key (a list or mapping as a key)",
    },
    "load.not-mapping": {
        "id": "Isi berkas harus berupa pemetaan (kunci: nilai) pada tingkat teratas",
        "en": "The file must hold a mapping (key: value) at the top level",
    },
    "load.unsupported-node": {
        "id": "Fitur YAML '{feature}' tidak didukung di berkas data",
        "en": "YAML feature '{feature}' is not supported in data files",
    },
    "load.duplicate-key": {
        "id": "Kunci '{key}' muncul dua kali dalam pemetaan yang sama (pertama di baris {first_line})",
        "en": "Key '{key}' appears twice in the same mapping (first on line {first_line})",
    },
    "load.schema.missing": {
        "id": "Kolom wajib '{field}' tidak ada",
        "en": "Required field '{field}' is missing",
    },
    "load.schema.extra": {
        "id": "Kunci tidak dikenal '{field}'",
        "en": "Unknown key '{field}'",
    },
    "load.schema.type": {
        "id": "Nilai '{field}' harus berupa {expected}",
        "en": "Value of '{field}' must be {expected}",
    },
    "load.schema.choice": {
        "id": "Nilai '{field}' harus salah satu dari: {expected}",
        "en": "Value of '{field}' must be one of: {expected}",
    },
    "load.schema.other": {
        "id": "Nilai '{field}' tidak sah: {detail}",
        "en": "Invalid value of '{field}': {detail}",
    },
    "load.schema.id-shape": {
        "id": "Id harus satu kata tanpa spasi, misalnya IK-04",
        "en": "An id is one word without spaces, e.g. IK-04",
    },
    "load.schema.capaian-basis": {
        "id": "capaian_terhadap harus 'target' atau 'target_akhir'",
        "en": "capaian_terhadap must be 'target' or 'target_akhir'",
    },
    # --- reading files and the limits against hostile input (sakip_lint.limits) -------
    "text.special-file": {
        "id": "{path} adalah pipa atau soket, bukan berkas: tidak dibaca (pembacaannya dapat menunggu tanpa akhir)",
        "en": "{path} is a pipe or a socket, not a file: not read (reading it could wait for ever)",
    },
    "text.directory": {
        "id": "{path} adalah folder, bukan berkas",
        "en": "{path} is a folder, not a file",
    },
    "text.symlink-loop": {
        "id": "Tautan simbolik {path} membentuk lingkaran (menunjuk dirinya sendiri lewat tautan lain)",
        "en": "Symbolic link {path} forms a loop (it points back to itself through other links)",
    },
    "text.broken-link": {
        "id": "Tautan simbolik {path} menunjuk berkas yang tidak ada",
        "en": "Symbolic link {path} points to a file that does not exist",
    },
    "text.not-a-directory": {
        "id": "{path} tidak dapat dibuka: salah satu bagian jalurnya sebelum nama berkas bukan folder",
        "en": "{path} cannot be opened: a part of its path before the file name is not a folder",
    },
    "text.name-too-long": {
        "id": "Nama berkas atau jalur {path} terlalu panjang untuk sistem berkas",
        "en": "The file name or path {path} is too long for the file system",
    },
    "text.no-device": {
        "id": "{path} adalah perangkat yang tidak ada atau tidak dapat dibaca, bukan berkas",
        "en": "{path} is a device that does not exist or cannot be read, not a file",
    },
    "text.no-permission": {
        "id": "Tidak ada izin untuk membaca {path}",
        "en": "There is no permission to read {path}",
    },
    "text.unreadable": {
        "id": "Berkas tidak dapat dibaca (detail: {detail})",
        "en": "File cannot be read (detail: {detail})",
    },
    "text.other-encoding": {
        "id": "Berkas ditulis dalam {encoding}, bukan UTF-8 (misalnya ekspor 'Unicode text'); simpan ulang sebagai UTF-8",
        "en": "The file is written in {encoding}, not UTF-8 (an export as 'Unicode text', say); save it again as UTF-8",
    },
    "text.not-utf8": {
        "id": "Bait {byte} di baris {line_number} kolom {column_number} bukan UTF-8 (mungkin Latin-1/Windows-1252); simpan ulang berkas sebagai UTF-8",
        "en": "Byte {byte} at line {line_number} column {column_number} is not UTF-8 (perhaps Latin-1/Windows-1252); save the file again as UTF-8",
    },
    "text.control-character": {
        "id": "Karakter kendali {character} di baris {line_number} kolom {column_number} tidak boleh ada di berkas teks; hapus karakter itu",
        "en": "Control character {character} at line {line_number} column {column_number} is not allowed in a text file; remove it",
    },
    "limit.bytes": {
        "id": "Berkas lebih besar dari batas {limit} bait dan tidak dibaca sampai habis (ubah dengan --limit {name}=...)",
        "en": "The file is larger than the limit of {limit} bytes and was not read to its end (change it with --limit {name}=...)",
    },
    "limit.nodes": {
        "id": "Berkas memuat lebih dari {limit} nilai YAML; pembacaan dihentikan di sini (ubah dengan --limit max_nodes=...)",
        "en": "The file holds more than {limit} YAML values; reading stopped here (change it with --limit max_nodes=...)",
    },
    "limit.alias-nodes": {
        "id": "Alias YAML (*nama) di berkas ini dijabarkan menjadi lebih dari {limit} nilai; pembacaan dihentikan di alias ini (ubah dengan --limit max_alias_nodes=...)",
        "en": "The YAML aliases (*name) of this file expand to more than {limit} values; reading stopped at this alias (change it with --limit max_alias_nodes=...)",
    },
    "limit.aliases": {
        "id": "Berkas memakai alias YAML (*nama) lebih dari {limit} kali; pembacaan dihentikan di sini (ubah dengan --limit max_aliases=...)",
        "en": "The file uses YAML aliases (*name) more than {limit} times; reading stopped here (change it with --limit max_aliases=...)",
    },
    "limit.depth": {
        "id": "Daftar dan pemetaan bersarang lebih dari {limit} tingkat di sini (ubah dengan --limit max_depth=...)",
        "en": "Lists and mappings nest more than {limit} levels deep here (change it with --limit max_depth=...)",
    },
    "limit.scalar": {
        "id": "Nilai YAML ini lebih panjang dari {limit} karakter; pembacaan dihentikan di sini (ubah dengan --limit max_scalar_chars=...)",
        "en": "This YAML value is longer than {limit} characters; reading stopped here (change it with --limit max_scalar_chars=...)",
    },
    "limit.recursive-alias": {
        "id": "Alias YAML ini memuat dirinya sendiri: nilainya tidak pernah selesai",
        "en": "This YAML alias contains itself: its value never ends",
    },
    "limit.unknown": {
        "id": "Batas '{setting}' tidak dikenal; tulis NAMA=ANGKA dengan NAMA salah satu dari: {allowed}",
        "en": "Unknown limit '{setting}'; write NAME=NUMBER with NAME one of: {allowed}",
    },
    "limit.bad-value": {
        "id": "Batas {name} harus bilangan bulat positif, bukan '{value}'",
        "en": "Limit {name} must be a positive whole number, not '{value}'",
    },
    "limit.too-large": {
        "id": "Batas {name} paling besar {maximum}, bukan '{value}'",
        "en": "Limit {name} can be at most {maximum}, not '{value}'",
    },
    "load.yaml-syntax-detail": {
        "id": "YAML/JSON tidak dapat dibaca (detail: {detail})",
        "en": "YAML/JSON cannot be read (detail: {detail})",
    },
    "load.yaml.unclosed-quote": {
        "id": "Tanda kutip yang dibuka di sini tidak pernah ditutup (YAML membaca sampai baris {line})",
        "en": "The quote opened here is never closed (YAML read on to line {line})",
    },
    "load.yaml.unclosed-quote-probable": {
        "id": "Tanda kutip yang dibuka di sini tidak ditutup di barisnya; YAML membacanya terus dan baru gagal di baris {line} kolom {column}",
        "en": "The quote opened here is not closed on its line; YAML read on and failed only at line {line} column {column}",
    },
    "load.schema.other-detail": {
        "id": "Nilai '{field}' tidak sah (detail: {detail})",
        "en": "Invalid value of '{field}' (detail: {detail})",
    },
    "text.cut": {"id": "…(+{count} karakter)", "en": "…(+{count} characters)"},
    "kind.visi": {"id": "visi", "en": "vision (visi)"},
    "kind.misi": {"id": "misi", "en": "mission (misi)"},
    "kind.tujuan": {"id": "tujuan", "en": "objective (tujuan)"},
    "kind.sasaran": {"id": "sasaran", "en": "goal (sasaran)"},
    "kind.indikator": {"id": "indikator", "en": "indicator"},
    "kind.program": {"id": "program", "en": "programme"},
    "kind.kegiatan": {"id": "kegiatan", "en": "activity (kegiatan)"},
    "column.pagu": {"id": "pagu", "en": "budget (pagu)"},
    "column.realisasi_anggaran": {"id": "realisasi anggaran", "en": "budget realisation"},
    "kind.sub_kegiatan": {"id": "sub kegiatan", "en": "sub-activity (sub kegiatan)"},
    "kind.urusan": {"id": "urusan", "en": "government affair (urusan)"},
    "kind.strategi": {"id": "strategi", "en": "strategy"},
    "kind.kebijakan": {"id": "kebijakan", "en": "policy (kebijakan)"},
    "kind.tabel": {"id": "tabel", "en": "table"},
    "kind.klaim": {"id": "klaim", "en": "claim"},
    "kind.kesamaan": {"id": "kesamaan", "en": "equality (kesamaan)"},
    "kind.skala_kategori": {"id": "skala_kategori", "en": "category scale (skala_kategori)"},
    "subject.in-place": {"id": "{subject}, {place}", "en": "{subject}, {place}"},
    "type.text": {"id": "teks", "en": "text"},
    "type.integer": {"id": "bilangan bulat", "en": "a whole number"},
    "type.list": {"id": "daftar (list)", "en": "a list"},
    "type.mapping": {"id": "pemetaan (kunci: nilai)", "en": "a mapping (key: value)"},
    "type.boolean": {"id": "ya atau tidak (true atau false)", "en": "yes or no (true or false)"},
    "load.schema.integer-too-long": {
        "id": "Nilai '{field}' memuat terlalu banyak digit untuk dibaca sebagai bilangan bulat",
        "en": "Value of '{field}' has too many digits to be read as a whole number",
    },
    "load.schema.at-least": {
        "id": "Nilai '{field}' harus paling kecil {limit}",
        "en": "Value of '{field}' must be at least {limit}",
    },
    "load.schema.at-most": {
        "id": "Nilai '{field}' harus paling besar {limit}",
        "en": "Value of '{field}' must be at most {limit}",
    },
    "type.pair": {"id": "daftar dua tahun, misalnya [2013, 2018]", "en": "a list of two years, e.g. [2013, 2018]"},
    "finding.same-cause": {
        "id": " — sebab yang sama juga pada {count} nilai lain: {places}",
        "en": " — the same cause also shows in {count} other values: {places}",
    },
    "load.missing-link": {
        "id": "{kind} '{id}' tidak menyebut {link}: wajib dalam dokumen utuh (tulis 'kutipan: true' bila berkas hanya memuat sebagian tabel)",
        "en": "{kind} '{id}' names no {link}: required in a whole document (write 'kutipan: true' when the file holds only some tables)",
    },
    "load.duplicate-id": {
        "id": "Id '{id}' dipakai dua kali untuk {kind} (pertama di {first})",
        "en": "Id '{id}' is used twice for {kind} (first at {first})",
    },
    "load.unknown-id": {
        "id": "{kind} '{id}' yang dirujuk tidak ada di berkas",
        "en": "Referenced {kind} '{id}' does not exist in the file",
    },
    "load.unknown-row-id": {
        "id": "Baris ini menunjuk id '{id}' yang tidak dideklarasikan",
        "en": "This row names id '{id}', which is not declared",
    },
    "load.row-field-kind": {
        "id": "Kolom '{field}' tidak berlaku untuk baris {kind}",
        "en": "Column '{field}' does not apply to a {kind} row",
    },
    "load.unknown-place": {
        "id": "Tempat '{place}' belum dideklarasikan di bagian 'tempat'",
        "en": "Place '{place}' is not declared under 'tempat'",
    },
    "load.table-row-width": {
        "id": "Baris tabel {table} punya {found} sel, padahal kolomnya {expected}",
        "en": "Row of table {table} has {found} cells but the table has {expected} columns",
    },
    "load.table-unknown-column": {
        "id": "Kolom '{column}' tidak ada di tabel {table}",
        "en": "Column '{column}' is not a column of table {table}",
    },
    "load.table-formula-syntax": {
        "id": "Rumus kolom '{column}' tabel {table} tidak dapat dibaca (karakter ke-{position}): {detail}",
        "en": "The formula of column '{column}' of table {table} cannot be read (character {position}): {detail}",
    },
    "load.table-formula-column": {
        "id": "Rumus kolom '{column}' tabel {table} memakai kolom '{used}' yang tidak ada di tabel itu",
        "en": "The formula of column '{column}' of table {table} uses column '{used}', which the table does not have",
    },
    "load.table-formula-other": {
        "id": "Rumus kolom '{column}' tabel {table}: {detail}",
        "en": "Formula of column '{column}' of table {table}: {detail}",
    },
    "load.equality-syntax": {
        "id": "Kesamaan tidak dapat dibaca (karakter ke-{position}): {detail}",
        "en": "The equality cannot be read (character {position}): {detail}",
    },
    "load.equality-unknown-table": {
        "id": "Kesamaan menyebut tabel '{table}' yang tidak ada di berkas",
        "en": "The equality names table '{table}', which is not in the file",
    },
    "load.equality-unknown-column": {
        "id": "Kesamaan menyebut kolom '{column}' yang tidak ada di tabel {table}",
        "en": "The equality names column '{column}', which table {table} does not have",
    },
    "load.equality-unknown-row": {
        "id": "Kesamaan menyebut baris '{row}' yang tidak ada di tabel {table} (kolom {label})",
        "en": "The equality names row '{row}', which table {table} does not have (column {label})",
    },
    # --- numbers -----------------------------------------------------------------------
    "number.ambiguous": {
        "id": "Angka '{raw}' ambigu: bisa {candidates}; nyatakan gaya_angka di berkas",
        "en": "Number '{raw}' is ambiguous: it may be {candidates}; declare gaya_angka in the file",
    },
    "number.invalid": {
        "id": "'{raw}' bukan angka yang dapat dibaca",
        "en": "'{raw}' is not a readable number",
    },
    "number.bad-grouping": {
        "id": "Pengelompokan ribuan pada '{raw}' salah",
        "en": "Thousands grouping of '{raw}' is malformed",
    },
    "number.range-reversed": {
        "id": "Rentang '{raw}' terbalik: batas bawah lebih besar dari batas atas",
        "en": "Range '{raw}' is reversed: the lower bound exceeds the upper bound",
    },
    "number.space-after-minus": {
        "id": "'{raw}' ditulis dengan spasi sesudah tanda minus: dibaca sebagai bilangan negatif, tetapi mudah terbaca sebagai tanda pisah",
        "en": "'{raw}' has a space after the minus sign: read as a negative number, but easily read as a dash",
    },
    "number.decimal-point-in-id-style": {
        "id": "'{raw}' memakai titik sebagai pemisah desimal, padahal laporan memakai koma",
        "en": "'{raw}' uses a decimal point although the report uses a decimal comma",
    },
    "number.en-style-in-id-file": {
        "id": "'{raw}' memakai koma sebagai pemisah ribuan, padahal laporan memakai titik",
        "en": "'{raw}' uses commas for thousands although the report uses points",
    },
    "number.decimal-comma-in-en-style": {
        "id": "'{raw}' memakai koma sebagai pemisah desimal, padahal berkas memakai titik",
        "en": "'{raw}' uses a decimal comma although the file uses a decimal point",
    },
    "number.id-style-in-en-file": {
        "id": "'{raw}' memakai titik sebagai pemisah ribuan, padahal berkas memakai koma",
        "en": "'{raw}' uses points for thousands although the file uses commas",
    },
    "number.too-many-digits": {
        "id": "Angka ini memuat lebih banyak digit daripada batas (--limit max_digits); tidak dihitung — periksa salah ketik",
        "en": "This number has more digits than the limit (--limit max_digits); it is not computed — check for a typo",
    },
    "number.too-long": {
        "id": "Nilai ini lebih panjang dari batas karakter sebuah angka (--limit max_cell_chars); tidak dibaca sebagai angka",
        "en": "This value is longer than the limit of characters of a number (--limit max_cell_chars); it is not read as a number",
    },
    "number.too-many-decimals": {
        "id": "'{raw}' memuat lebih banyak desimal daripada batas (--limit max_decimals); tidak dihitung",
        "en": "'{raw}' has more decimals than the limit (--limit max_decimals); it is not computed",
    },
    # --- capaian -----------------------------------------------------------------------
    "capaian.not-computable.no-measurement": {
        "id": "tidak ada baris di tabel pengukuran",
        "en": "no row in the measurement table",
    },
    "capaian.not-computable.no-target": {
        "id": "target tidak ada",
        "en": "no target",
    },
    "capaian.not-computable.no-realisasi": {
        "id": "realisasi tidak ada",
        "en": "no realisasi",
    },
    "capaian.not-computable.zero-target": {
        "id": "target bernilai nol",
        "en": "the target is zero",
    },
    "capaian.not-computable.not-a-number": {
        "id": "target atau realisasi bukan angka",
        "en": "target or realisasi is not a number",
    },
    "capaian.not-computable.not-on-scale": {
        "id": "target atau realisasi tidak ada di skala indikator",
        "en": "target or realisasi is not on the indicator's scale",
    },
    "capaian.not-computable.no-scale": {
        "id": "indikator kualitatif tanpa skala",
        "en": "qualitative indicator without a scale",
    },
    "capaian.not-computable.no-values": {
        "id": "tidak ada capaian yang dapat dihitung",
        "en": "no computable capaian",
    },
    "capaian.not-computable.zero-divisor": {
        "id": "pembagi bernilai nol",
        "en": "a divisor is zero",
    },
    "capaian.not-computable.missing-value": {
        "id": "nilai yang diperlukan rumus tidak ada",
        "en": "a value the formula needs is missing",
    },
    "capaian.not-computable.no-budget": {
        "id": "pagu atau realisasi anggaran tidak ada",
        "en": "no budget or budget realisation",
    },
    "capaian.not-computable.zero-budget": {
        "id": "pagu bernilai nol",
        "en": "the budget is zero",
    },
    "capaian.not-computable.too-large": {
        "id": "hasil hitung melampaui batas ketelitian aritmetika (--limit max_digits)",
        "en": "the result exceeds the arithmetic limits (--limit max_digits)",
    },
    "capaian.not-computable.bad-decimals": {
        "id": "jumlah desimal pembulatan bukan bilangan bulat dalam batas (--limit max_decimals)",
        "en": "the decimals of a rounding are not a whole number within the limit (--limit max_decimals)",
    },
    "capaian.not-computable.range-target": {
        "id": "target berupa rentang; aturan rentang belum dinyatakan",
        "en": "the target is a range; no range rule is declared",
    },
    "explain.swapped-columns": {
        "id": "; nilai tertulis sama dengan pagu / realisasi ({alternative}): kolom Pagu dan Realisasi tampaknya tertukar",
        "en": "; the stated value equals pagu / realisasi ({alternative}): the Pagu and Realisasi columns look swapped",
    },
    "explain.missing-as-zero": {
        "id": "; nilai tertulis didapat bila nilai yang tidak ada dihitung 0 ({alternative}), padahal harus dilewati",
        "en": "; the stated value results from counting missing values as 0 ({alternative}) instead of leaving them out",
    },
    "explain.other-average": {
        "id": "; nilai tertulis adalah rata-rata dengan cara lain ({alternative})",
        "en": "; the stated value is an average taken another way ({alternative})",
    },
    "explain.mean-of-percentages": {
        "id": "; nilai tertulis adalah rata-rata persentase rinciannya ({alternative}), yang mengabaikan besar pagu masing-masing",
        "en": "; the stated value is the mean of its children's percentages ({alternative}), which ignores their budgets",
    },
    "explain.wrong-formula": {
        "id": "; nilai tertulis dihitung dengan rumus keliru '{name}' ({formula} = {alternative})",
        "en": "; the stated value comes from the wrong formula '{name}' ({formula} = {alternative})",
    },
    "mistake.inverse-ratio": {"id": "rasio terbalik", "en": "the inverse ratio"},
    "mistake.difference": {"id": "selisih, bukan rasio", "en": "the difference instead of the ratio"},
    "mistake.minus-100": {"id": "hasil dikurangi 100", "en": "the result minus 100"},
    "mistake.ratio-not-change": {"id": "rasio, bukan perubahan (tidak dikurangi 100)",
                                 "en": "the ratio instead of the change (100 not subtracted)"},
    "mistake.over-later": {"id": "dibagi nilai yang lebih baru", "en": "divided by the later value"},
    "mistake.reversed": {"id": "urutan pengurangan terbalik", "en": "the subtraction reversed"},
    "mistake.negative-formula": {"id": "rumus polaritas negatif", "en": "the negative-polarity formula"},
    "mistake.positive-formula": {"id": "rumus polaritas positif", "en": "the positive-polarity formula"},
    "arah.above": {"id": "melebihi", "en": "exceeds"},
    "arah.below": {"id": "lebih rendah dari", "en": "is below"},
    "arah.falls": {"id": "turun", "en": "fall"},
    "renstra.end-target": {"id": "target akhir", "en": "end target"},
    "arah.rises": {"id": "naik", "en": "rise"},
    "polarity.positif": {"id": "positif", "en": "positive"},
    "polarity.negatif": {"id": "negatif", "en": "negative"},
    "polarity.kualitatif": {"id": "kualitatif", "en": "qualitative"},
    "polarity.reason.dinyatakan": {
        "id": "dinyatakan di berkas data (polaritas pada indikator)",
        "en": "declared in the data file (polaritas on the indicator)",
    },
    "polarity.reason.kualitatif": {
        "id": "indikator kualitatif (tipe: kualitatif)",
        "en": "qualitative indicator (tipe: kualitatif)",
    },
    "polarity.reason.pola": {
        "id": "teks memuat \"{phrase}\" ({source})",
        "en": "the text contains \"{phrase}\" ({source})",
    },
    "polarity.reason.bawaan": {
        "id": "bawaan aturan: tidak ada pola yang cocok",
        "en": "the rules' default: no pattern matched",
    },
    "subject.overall": {"id": "keseluruhan", "en": "the whole report"},
    # --- rule files --------------------------------------------------------------------
    "dsl.unexpected-end": {
        "id": "Berkas aturan berakhir di tengah pernyataan; diharapkan: {expected}",
        "en": "The rule file ends in the middle of a statement; expected: {expected}",
    },
    "dsl.unexpected-character": {
        "id": "Karakter '{found}' tidak dikenal di sini; diharapkan: {expected}",
        "en": "Unexpected character '{found}'; expected: {expected}",
    },
    "dsl.unexpected-token": {
        "id": "'{found}' tidak diharapkan di sini; diharapkan: {expected}",
        "en": "'{found}' is not expected here; expected: {expected}",
    },
    "dsl.unknown-variable": {
        "id": "Nama '{name}' tidak dikenal dalam rumus; yang tersedia: {allowed}",
        "en": "Unknown name '{name}' in the formula; available: {allowed}",
    },
    "dsl.unknown-option": {
        "id": "Opsi '{name}' tidak dikenal; yang tersedia: {allowed}",
        "en": "Unknown option '{name}'; available: {allowed}",
    },
    "dsl.bad-option-value": {
        "id": "Nilai '{value}' tidak berlaku untuk opsi '{name}'; pilih: {allowed}",
        "en": "Value '{value}' is not valid for option '{name}'; choose: {allowed}",
    },
    "dsl.missing-formula": {
        "id": "Tidak ada rumus untuk polaritas '{polarity}'",
        "en": "No formula for polarity '{polarity}'",
    },
    "dsl.missing-scale": {
        "id": "Skala '{name}' tidak dideklarasikan",
        "en": "Scale '{name}' is not declared",
    },
    "dsl.empty-scale": {
        "id": "Skala '{name}' tidak punya kategori",
        "en": "Scale '{name}' has no category",
    },
    "dsl.bad-decimals": {
        "id": "Jumlah desimal '{value}' harus bilangan bulat 0 sampai 10",
        "en": "Number of decimals '{value}' must be a whole number from 0 to 10",
    },
    "dsl.unknown-function": {
        "id": "Fungsi '{name}' tidak dikenal; yang tersedia: {allowed}",
        "en": "Unknown function '{name}'; available: {allowed}",
    },
    "dsl.function-arguments": {
        "id": "Fungsi '{name}' memerlukan {expected} argumen, tertulis {found}",
        "en": "Function '{name}' takes {expected} arguments, {found} given",
    },
    "dsl.duplicate-rule": {
        "id": "Aturan {code} ditulis dua kali dalam berkas yang sama",
        "en": "Rule {code} is written twice in the same file",
    },
    "dsl.unknown-rule": {
        "id": "Aturan {code} yang dinonaktifkan tidak ada",
        "en": "Rule {code}, which is disabled here, does not exist",
    },
    "dsl.duplicate-item": {
        "id": "'{item}' ditulis dua kali dalam aturan {code}",
        "en": "'{item}' is written twice in rule {code}",
    },
    "dsl.rule-no-check": {
        "id": "Aturan {code} tidak menyebut apa yang diperiksa ('periksa')",
        "en": "Rule {code} does not say what it checks ('periksa')",
    },
    "dsl.rule-no-severity": {
        "id": "Aturan {code} tidak menyebut tingkatnya ('tingkat')",
        "en": "Rule {code} does not state its severity ('tingkat')",
    },
    "dsl.rule-missing-message": {
        "id": "Aturan {code} tidak punya pesan dalam bahasa '{lang}'",
        "en": "Rule {code} has no message in language '{lang}'",
    },
    "dsl.unknown-check": {
        "id": "Pemeriksaan '{name}' tidak dikenal; yang tersedia: {allowed}",
        "en": "Unknown check '{name}'; available: {allowed}",
    },
    "dsl.unknown-param": {
        "id": "Parameter '{name}' tidak berlaku untuk pemeriksaan '{check}'; yang tersedia: {allowed}",
        "en": "Parameter '{name}' does not apply to check '{check}'; available: {allowed}",
    },
    "dsl.param-single": {
        "id": "Parameter '{name}' hanya menerima satu nilai",
        "en": "Parameter '{name}' takes a single value",
    },
    "dsl.bad-param-value": {
        "id": "Nilai '{value}' tidak berlaku untuk parameter '{name}'; pilih: {allowed}",
        "en": "Value '{value}' is not valid for parameter '{name}'; choose: {allowed}",
    },
    "dsl.missing-param": {
        "id": "Parameter wajib '{name}' tidak ada dalam aturan {code}",
        "en": "Required parameter '{name}' is missing from rule {code}",
    },
    "dsl.unknown-placeholder": {
        "id": "Pesan memakai '{name}' yang tidak disediakan pemeriksaan '{check}'; yang tersedia: {allowed}",
        "en": "The message uses '{name}', which check '{check}' does not provide; available: {allowed}",
    },
    "dsl.bad-template": {
        "id": "Pesan ({lang}) memakai kurung kurawal yang tidak seimbang",
        "en": "The message ({lang}) has unbalanced braces",
    },
    "dsl.placeholder-format": {
        "id": "Pesan memakai '{placeholder}': penanda hanya boleh berupa nama, misalnya {{{name}}}, tanpa format atau konversi",
        "en": "The message uses '{placeholder}': a placeholder may only be a name, e.g. {{{name}}}, without a format or conversion",
    },
    "dsl.placeholder-not-a-name": {
        "id": "Pesan memakai '{placeholder}': penanda hanya boleh berupa nama yang disediakan pemeriksaan",
        "en": "The message uses '{placeholder}': a placeholder may only be a name the check provides",
    },
    "dsl.constant-too-large": {
        "id": "Angka {value} di rumus melampaui batas ({digits} digit, {decimals} desimal)",
        "en": "The number {value} in the formula exceeds the limits ({digits} digits, {decimals} decimals)",
    },
    "dsl.bad-places": {
        "id": "Jumlah desimal {value} untuk {name}(...) harus bilangan bulat 0 sampai {limit}",
        "en": "The decimals {value} of {name}(...) must be a whole number from 0 to {limit}",
    },
    "dsl.formula-too-deep": {
        "id": "Rumus bersarang lebih dari {limit} tingkat (setiap operasi + - * / atau fungsi di dalam operasi lain adalah satu tingkat, juga suku-suku yang dirangkai); pecah menjadi rumus yang lebih pendek",
        "en": "The formula nests more than {limit} levels deep (each operation + - * / or function inside another is a level, chained terms too); split it into shorter formulas",
    },
    "dsl.too-deep": {
        "id": "Tanda kurung bersarang terlalu dalam di sini (lebih dari {limit} tingkat)",
        "en": "Parentheses nest too deeply here (more than {limit} levels)",
    },
    "dsl.word.number": {"id": "angka", "en": "a number"},
    "dsl.word.text": {"id": '"teks"', "en": '"text"'},
    "dsl.word.name": {"id": "nama", "en": "a name"},
    "dsl.word.end": {"id": "akhir berkas", "en": "the end of the file"},
    "dsl.unterminated-string": {
        "id": "Teks yang dibuka dengan \" di sini tidak ditutup di baris yang sama",
        "en": "The text opened with \" here is not closed on the same line",
    },
    "dsl.unterminated-long-string": {
        "id": "Teks panjang yang dibuka dengan \"\"\" di sini tidak pernah ditutup",
        "en": "The long text opened with \"\"\" here is never closed",
    },
    "dsl.no-active-rules": {
        "id": "Tidak ada aturan yang berlaku: semua dinonaktifkan; pemeriksaan tanpa aturan tidak berarti 'bersih'",
        "en": "No rule is in force: all are disabled; a check without rules would not mean 'clean'",
    },
    "dsl.column-set-as-number": {
        "id": "'{name}' adalah sekumpulan kolom: hanya dapat dipakai di dalam rata_rata(...)",
        "en": "'{name}' is a set of columns: it can only be used inside rata_rata(...)",
    },
    "dsl.derived-no-formula": {
        "id": "Kolom turunan '{name}' tidak punya 'rumus = ...'",
        "en": "Derived column '{name}' has no 'rumus = ...'",
    },
    "dsl.derived-polarity": {
        "id": "Rumus kolom turunan hanya dapat dibedakan untuk polaritas negatif, bukan '{polarity}'",
        "en": "A derived column can have a separate formula only for negative polarity, not '{polarity}'",
    },
    "dsl.no-rules": {
        "id": "Tidak ada berkas aturan (*.sakip) di {path}",
        "en": "No rule file (*.sakip) in {path}",
    },
    "dsl.unreadable": {
        "id": "Berkas aturan tidak dapat dibaca: {detail}",
        "en": "Rule file cannot be read: {detail}",
    },
    # --- scales (sakip_lint.scales): rule-file scales and the report's own -------------
    "dsl.range-incomplete": {
        "id": "Rentang berakhir terlalu awal; diharapkan: {expected}",
        "en": "The range ends too early; expected: {expected}",
    },
    "dsl.scale-overlap": {
        "id": "Skala '{name}' tidak dapat dipakai: kategori '{label}' ({range}) bertumpang tindih dengan '{other}' ({other_range}) pada {common}",
        "en": "Scale '{name}' cannot be used: category '{label}' ({range}) overlaps '{other}' ({other_range}) on {common}",
    },
    "dsl.scale-reversed": {
        "id": "Skala '{name}' tidak dapat dipakai: rentang kategori '{label}' ({range}) tidak memuat nilai apa pun (batas terbalik)",
        "en": "Scale '{name}' cannot be used: the range of category '{label}' ({range}) holds no value (reversed bounds)",
    },
    "load.scale-range": {
        "id": "Rentang '{rentang}' kategori '{kategori}' tidak dapat dibaca (kolom {column}: {detail}); tulis seperti di berkas aturan, misalnya '91 - 100', '> 85 - 100', '70 - < 85', '< 55', '<= 50'",
        "en": "Range '{rentang}' of category '{kategori}' cannot be read (column {column}: {detail}); write it as in rule files, e.g. '91 - 100', '> 85 - 100', '70 - < 85', '< 55', '<= 50'",
    },
    "scale.problem.overlap": {
        "id": "bertumpang tindih dengan kategori '{other}' ({other_range}) pada {common}: nilai itu punya dua kategori",
        "en": "overlaps category '{other}' ({other_range}) on {common}: such a value has two categories",
    },
    "scale.problem.reversed": {
        "id": "tidak memuat nilai apa pun: batasnya terbalik",
        "en": "holds no value: its bounds are reversed",
    },
    "scale.problem.gap": {
        "id": "dan '{other}' ({other_range}) menyisakan celah {gap}: capaian seperti {example} tidak punya kategori",
        "en": "and '{other}' ({other_range}) leave a gap {gap}: a capaian such as {example} has no category",
    },
    "scale.problem.above": {
        "id": "adalah kategori tertinggi, tetapi tidak memuat capaian {value} ({where}): capaian di atas 100 tidak punya kategori",
        "en": "is the highest category but does not hold the capaian {value} ({where}): a capaian above 100 has no category",
    },
    "scale.report": {"id": "skala kategori laporan sendiri (skala_kategori)",
                     "en": "the report's own category scale (skala_kategori)"},
    "scale.rules": {"id": "skala {name} dari aturan", "en": "the rules' scale {name}"},
    "scale.basis.row": {"id": "dihitung dari target dan realisasi baris ini",
                        "en": "computed from this row's target and realisasi"},
    "scale.basis.sasaran": {"id": "capaian sasaran, rata-rata indikatornya",
                            "en": "the sasaran's capaian, the average of its indicators"},
    "scale.basis.stated": {"id": "capaian tertulis di baris ini, karena capaian tidak dapat dihitung",
                           "en": "the capaian stated in this row, because it cannot be computed"},
    # --- command line ------------------------------------------------------------------
    "cli.summary": {
        "id": "{files} berkas diperiksa: {errors} kesalahan, {warnings} peringatan, {infos} info",
        "en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s), {infos} info",
    },
    "cli.input-unusable": {
        "id": "Berkas {path} tidak dapat dipakai; perbaiki temuan di atas lebih dulu",
        "en": "File {path} cannot be used; fix the findings above first",
    },
    "cli.unknown-rule": {
        "id": "Aturan {code} tidak ada; lihat 'sakip-lint rules'",
        "en": "There is no rule {code}; see 'sakip-lint rules'",
    },
    "explain.basis": {"id": "Dasar", "en": "Basis"},
    "explain.check": {"id": "Pemeriksaan", "en": "Check"},
    "explain.source": {"id": "Ditulis di", "en": "Written in"},
    "explain.messages": {"id": "Pesan", "en": "Messages"},
    "explain.example.gagal": {"id": "Contoh yang melanggar", "en": "Failing example"},
    "explain.example.lulus": {"id": "Contoh yang lulus", "en": "Passing example"},
    "explain.example-note": {
        "id": "Contoh ditambahkan ke laporan minimal (visi V, misi M-1, tujuan T-1, sasaran S-01).",
        "en": "Examples are added to a minimal report (visi V, misi M-1, tujuan T-1, sasaran S-01).",
    },
    "col.name": {"id": "Nama", "en": "Name"},
    "col.basis": {"id": "Dasar", "en": "Basis"},
    # --- the command line's help and argparse's own words (sakip_lint.cli) ------------------
    "cli.help.description": {
        "id": "Memeriksa laporan kinerja SAKIP (Renstra, RKT, PK, LKjIP) sebelum ditandatangani.",
        "en": "Checks SAKIP performance reports (Renstra, RKT, PK, LKjIP) before signing.",
    },
    "cli.help.commands": {"id": "perintah", "en": "commands"},
    "cli.help.version": {"id": "tampilkan versi program lalu keluar", "en": "show the program's version and exit"},
    "cli.help.rules": {"id": "folder atau berkas aturan tambahan (*.sakip); dapat diulang",
                       "en": "extra rule folder or file (*.sakip); repeatable"},
    "cli.help.format": {"id": "format keluaran", "en": "output format"},
    "cli.help.lang": {"id": "bahasa pesan (bawaan: {variable}, atau id)",
                      "en": "message language (default: {variable}, or id)"},
    "cli.help.limit": {
        "id": "ubah batas terhadap masukan berbahaya ({names}); dapat diulang; juga SAKIP_LINT_LIMIT_<NAMA>",
        "en": "change a limit against hostile input ({names}); repeatable; also SAKIP_LINT_LIMIT_<NAME>",
    },
    "cli.help.check": {"id": "jalankan semua pemeriksaan pada berkas data", "en": "run every check on data files"},
    "cli.help.fail-on": {
        "id": "tingkat terendah yang membuat kode keluar 1 (bawaan: error)",
        "en": "lowest severity that makes the exit code 1 (default: error)",
    },
    "cli.help.parent": {
        "id": "berkas data instansi di atasnya (misalnya RPJMD): periksa cascading",
        "en": "the data file of the body above (e.g. the RPJMD): check cascading",
    },
    "cli.help.capaian": {"id": "tabel capaian sebagaimana seharusnya dicetak laporan",
                         "en": "the capaian tables as the report should print them"},
    "cli.help.graph": {"id": "pohon kinerja beserta temuannya (dot, mermaid, json)",
                       "en": "the pohon kinerja with its findings (dot, mermaid, json)"},
    "cli.help.to": {"id": "format gambar (bawaan: dot); --to sama artinya",
                    "en": "graph format (default: dot); --to means the same"},
    "cli.graph-format": {"id": "graph menulis {allowed}, bukan '{value}'",
                         "en": "graph writes {allowed}, not '{value}'"},
    "cli.graph-table-format": {
        "id": "graph menulis gambar ({allowed}); '{value}' adalah format tabel untuk check, capaian, rules dan explain",
        "en": "graph writes a drawing ({allowed}); '{value}' is a table format of check, capaian, rules and explain",
    },
    "cli.help.rules-command": {"id": "daftar aturan yang berlaku", "en": "list the rules in force"},
    "cli.help.explain": {"id": "dokumentasi dan contoh satu aturan",
                         "en": "the documentation and examples of one rule"},
    "cli.argparse.usage": {"id": "cara pakai: ", "en": "usage: "},
    "cli.argparse.error": {"id": "%(prog)s: kesalahan: %(message)s\n", "en": "%(prog)s: error: %(message)s\n"},
    "cli.argparse.argument": {"id": "argumen %(argument_name)s: %(message)s",
                              "en": "argument %(argument_name)s: %(message)s"},
    "cli.argparse.invalid-choice": {"id": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
                                    "en": "invalid choice: %(value)r (choose from %(choices)s)"},
    "cli.argparse.invalid-value": {"id": "nilai %(type)s tidak sah: %(value)r",
                                   "en": "invalid %(type)s value: %(value)r"},
    "cli.argparse.unrecognized": {"id": "argumen tidak dikenal: %s", "en": "unrecognized arguments: %s"},
    "cli.argparse.required": {"id": "argumen berikut wajib ada: %s",
                              "en": "the following arguments are required: %s"},
    "cli.argparse.one-required": {"id": "salah satu argumen %s wajib ada",
                                  "en": "one of the arguments %s is required"},
    "cli.argparse.expected-one": {"id": "diharapkan satu argumen", "en": "expected one argument"},
    "cli.argparse.expected-at-most-one": {"id": "diharapkan paling banyak satu argumen",
                                          "en": "expected at most one argument"},
    "cli.argparse.expected-at-least-one": {"id": "diharapkan paling sedikit satu argumen",
                                           "en": "expected at least one argument"},
    "cli.argparse.ambiguous": {"id": "opsi ambigu: %(option)s dapat berarti %(matches)s",
                               "en": "ambiguous option: %(option)s could match %(matches)s"},
    "cli.argparse.ignored": {"id": "argumen eksplisit %r diabaikan", "en": "ignored explicit argument %r"},
    "cli.argparse.positionals": {"id": "argumen posisi", "en": "positional arguments"},
    "cli.argparse.options": {"id": "opsi", "en": "options"},
    "cli.argparse.help": {"id": "tampilkan pesan bantuan ini lalu keluar", "en": "show this help message and exit"},
    "cli.internal-error": {
        "id": "Kesalahan internal sakip-lint: {detail}. Mohon laporkan bersama berkas masukan.",
        "en": "sakip-lint internal error: {detail}. Please report it with the input file.",
    },
    "cli.provenance": {
        "id": "sakip-lint {version} · aturan {ruleset} · berkas {file} ({digest})",
        "en": "sakip-lint {version} · ruleset {ruleset} · file {file} ({digest})",
    },
    "col.code": {"id": "Kode", "en": "Code"},
    "col.severity": {"id": "Tingkat", "en": "Severity"},
    "col.location": {"id": "Lokasi", "en": "Location"},
    "col.key": {"id": "Objek", "en": "Subject"},
    "col.message": {"id": "Pesan", "en": "Message"},
    "col.no": {"id": "No.", "en": "No."},
    "col.indikator": {"id": "Indikator", "en": "Indicator"},
    "col.sasaran": {"id": "Sasaran", "en": "Goal (sasaran)"},
    "col.target": {"id": "Target", "en": "Target"},
    "col.realisasi": {"id": "Realisasi", "en": "Realisation"},
    "col.capaian": {"id": "Capaian (%)", "en": "Capaian (%)"},
    "col.kategori": {"id": "Kategori", "en": "Category"},
    "col.stated": {"id": "Tertulis", "en": "Stated"},
    "col.difference": {"id": "Selisih", "en": "Difference"},
    "col.reason": {"id": "Keterangan", "en": "Note"},
    "col.penyerapan": {"id": "Penyerapan (%)", "en": "Absorption (%)"},
    "col.efisiensi": {"id": "Efisiensi", "en": "Efficiency"},
    "col.polaritas": {"id": "Polaritas", "en": "Polarity"},
    "col.polarity-reason": {"id": "Alasan polaritas", "en": "Why this polarity"},
    "title.indikator": {
        "id": "Pengukuran capaian indikator kinerja",
        "en": "Indicator capaian (measurement)",
    },
    "title.sasaran": {
        "id": "Capaian sasaran, penyerapan anggaran dan efisiensi",
        "en": "Sasaran capaian, budget absorption and efficiency",
    },
    "title.overall": {
        "id": "Capaian keseluruhan",
        "en": "Overall capaian",
    },
    "severity.error": {"id": "kesalahan", "en": "error"},
    "severity.warning": {"id": "peringatan", "en": "warning"},
    "severity.info": {"id": "info", "en": "info"},
    "word.not-computable": {"id": "tidak dapat dihitung", "en": "not computable"},
    "word.computation": {"id": "hasil hitung", "en": "the computation"},
    "word.overall": {"id": "Keseluruhan", "en": "Overall"},
}


# The most characters of one text from the data shown in a table cell, and of one argument
# of a message: a cell of 10 MB would make the table megabytes wide (and rich's folding of it
# superlinear), and a key of a megabyte quoted whole hides its message. A message's argument
# may be a list the check composed (the places of an indicator numbered differently: 679
# characters on the Kaltim report), hence the larger bound. The JSON outputs keep the found
# and expected values whole.
SHOWN_CHARS = 500
SHOWN_IN_MESSAGE = 2000


def shortened(text: str, lang: str = DEFAULT_LANGUAGE, limit: int = SHOWN_CHARS) -> str:
    """``text``, or its first ``limit`` characters and a marker saying how many more there are."""
    if len(text) <= limit:
        return text
    return text[:limit] + render("text.cut", lang, count=len(text) - limit)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def template_problems(template: str) -> list[tuple[str, dict[str, str]]]:
    """Why a message template of a rule file cannot be used, as (catalogue key, arguments):
    unbalanced braces, or a placeholder with a format spec or conversion (``{x:>100000000}``
    writes a gigabyte, ``{x!z}`` fails at run time) or not a plain name (``{x.attr}``, ``{x[0]}``).
    A template is text with named holes, nothing more."""
    try:
        pieces = list(string.Formatter().parse(template))
    except ValueError:
        return [("dsl.bad-template", {"offset": _unbalanced_brace(template)})]
    problems = []
    for _, name, spec, conversion in pieces:
        if name is None:
            continue
        written = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
        if not name.isidentifier():
            problems.append(("dsl.placeholder-not-a-name", {"placeholder": written[:60]}))
        elif spec or conversion:
            problems.append(("dsl.placeholder-format", {"placeholder": written[:60], "name": name}))
    return problems


def _unbalanced_brace(template: str) -> int:
    """The index of the first brace of ``template`` that is never closed or never opened
    (``{{`` and ``}}`` are written braces)."""
    index, opened = 0, None
    while index < len(template):
        pair = template[index:index + 2]
        if opened is None and pair in ("{{", "}}"):
            index += 2
            continue
        char = template[index]
        if char == "{":
            if opened is not None:
                return opened  # a brace opened inside a placeholder: the first is unclosed
            opened = index
        elif char == "}":
            if opened is None:
                return index
            opened = None
        index += 1
    return opened if opened is not None else 0


@dataclass(frozen=True)
class Text:
    """A message argument that is itself a catalogue entry, rendered in the reader's language."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str) -> str:
        return render(self.key, lang, **dict(self.args))


@dataclass(frozen=True)
class Joined:
    """Several arguments shown as one list, each in the reader's language."""

    items: tuple[object, ...]

    def render(self, lang: str) -> str:
        return ", ".join(_argument(item, lang) for item in self.items)


def term(key: str, **args: object) -> Text:
    """A catalogue entry used as an argument of another message."""
    if key not in CATALOGUE:
        raise KeyError(key)
    return Text(key, tuple(args.items()))


def fill(template: str, lang: str, args: dict[str, object]) -> str:
    """A template filled with ``args``; Text arguments are rendered in ``lang``.

    A missing argument is shown as ``{name}`` rather than hiding the message.
    """
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(literal)
        if name is not None:  # format specs and conversions are never applied (rule files
            value = args.get(name, "{" + name + "}")  # are rejected when they write one)
            parts.append(_argument(value, lang))
    return "".join(parts)


class Whole(str):
    """An argument the tool composed itself (a list of places): shown whole, not shortened."""


def _argument(value: object, lang: str) -> str:
    """One argument as text in ``lang``: a catalogue term, a subject or subjects, or a value —
    a value from the data (a key, a cell) shortened to what a message shows (``shortened``)."""
    if isinstance(value, (Text, Joined)):
        return value.render(lang)
    if isinstance(value, Subject):
        return render_subject(value, lang)
    if isinstance(value, tuple) and value and all(isinstance(item, Subject) for item in value):
        return ", ".join(render_subject(item, lang) for item in value)
    if isinstance(value, Whole):
        return value
    return shortened(str(value), lang, SHOWN_IN_MESSAGE)


def render(key: str, lang: str = DEFAULT_LANGUAGE, /, **args: object) -> str:
    """The catalogue message ``key`` in ``lang``; an unknown key is a programming error."""
    entry = CATALOGUE[key]
    return fill(entry.get(lang) or entry[DEFAULT_LANGUAGE], lang, args)


def render_subject(subject: Subject, lang: str = DEFAULT_LANGUAGE) -> str:
    """A subject as a reader says it: its kind as a catalogue term, then its id ('indicator
    IK-04' in English, 'indikator IK-04' in Indonesian). A kind without a term is shown as the
    data file spells it."""
    key = f"kind.{subject.kind}"
    kind = render(key, lang) if key in CATALOGUE else subject.kind
    return f"{kind} {shortened(subject.id, lang)}".strip()


def render_place(location: Location, lang: str = DEFAULT_LANGUAGE) -> str:
    """A place as a reviewer reads it: 'Tabel 3.5, sasaran S-04' (the pointer when it has
    neither a place nor a subject)."""
    subject = None if location.subject is None else render_subject(location.subject, lang)
    place = None if location.place is None else shortened(location.place, lang)
    return ", ".join(part for part in (place, subject) if part) or shortened(location.pointer, lang)


def render_finding(finding: Finding, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text of a finding in ``lang``: the rule's template (or the catalogue entry) filled
    with its values, and the other places the same cause shows in."""
    if finding.templates:
        templates = dict(finding.templates)
        text = fill(templates.get(lang) or templates[DEFAULT_LANGUAGE], lang, dict(finding.args))
    else:
        text = render(finding.message_key, lang, **dict(finding.args))
    if finding.same_cause:
        places = "; ".join(dict.fromkeys(render_place(location, lang)
                                         for location in finding.same_cause))
        text += render("finding.same-cause", lang, count=len(finding.same_cause),
                       places=Whole(places))
    return text
