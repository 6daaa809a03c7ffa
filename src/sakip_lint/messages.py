"""The message catalogue: every user-facing text, in Bahasa Indonesia (default) and English.

One place for all texts keeps the two languages in step (a test checks that each key has both,
with the same placeholders) and lets reviewers read the tool's vocabulary in one file.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sakip_lint.location import Location, Origin, Subject

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
    "load.yaml.list-here": {
        "id": "Tanda '-' (butir daftar) tidak boleh di sini; tulis daftar di baris baru di bawah kuncinya, atau beri tanda kutip pada teks",
        "en": "A '-' (a list item) is not allowed here; write the list on new lines below its key, or quote the text",
    },
    "load.yaml.block-scalar": {
        "id": "Setelah '|' atau '>' (teks beberapa baris) hanya boleh ada angka indentasi, '+' atau '-', lalu baris baru",
        "en": "After '|' or '>' (a text of several lines) only an indentation digit, '+' or '-' may follow, then a new line",
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
    # plural kinds, for counts of what a budget sum added up
    "kinds.urusan": {"id": "urusan", "en": "government affairs (urusan)"},
    "kinds.program": {"id": "program", "en": "programmes"},
    "kinds.kegiatan": {"id": "kegiatan", "en": "activities (kegiatan)"},
    "kinds.sub_kegiatan": {"id": "sub kegiatan", "en": "sub-activities (sub kegiatan)"},
    "kinds.rincian": {"id": "rincian", "en": "children"},
    "budget.counted": {"id": "{count} {kind}", "en": "{count} {kind}"},
    "budget.and": {"id": "{first} dan {second}", "en": "{first} and {second}"},
    "budget.comma": {"id": "{first}, {second}", "en": "{first}, {second}"},
    "budget.unprinted": {"id": "tidak dicetak: {ids}", "en": "not printed: {ids}"},
    "budget.partial-place": {"id": "tempat ini bertanda 'sebagian'",
                             "en": "the place is marked 'sebagian'"},
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
        "en": " — the same cause also shows in other values ({count}): {places}",
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
    "bound.di_atas": {"id": "di atas", "en": "above"},
    "bound.minimal": {"id": "minimal", "en": "at least"},
    "bound.di_bawah": {"id": "kurang dari", "en": "below"},
    "bound.maksimal": {"id": "paling banyak", "en": "at most"},
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
    "dsl.unknown-role": {
        "id": "Peran tabel '{name}' tidak dikenal; yang tersedia: {allowed}",
        "en": "Unknown table role '{name}'; available: {allowed}",
    },
    "dsl.role-twice": {
        "id": "Peran tabel '{name}' sudah disebut dalam 'target tahunan dari'",
        "en": "Table role '{name}' is already listed in 'target tahunan dari'",
    },
    "dsl.missing-annual-target": {
        "id": "Tidak ada pernyataan 'target tahunan dari ...': dari tabel mana target tahunan indikator dibaca",
        "en": "No 'target tahunan dari ...' statement: which tables an indicator's annual target is read from",
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
    "dsl.unknown-aspect": {
        "id": "Aspek reviu '{name}' tidak dikenal; yang tersedia: {allowed}",
        "en": "Unknown reviu aspect '{name}'; available: {allowed}",
    },
    "dsl.rule-missing-advice": {
        "id": "Aturan {code} memberi saran, tetapi tidak dalam bahasa '{lang}' (saran {lang} \"...\")",
        "en": "Rule {code} gives a recommendation, but not in language '{lang}' (saran {lang} \"...\")",
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
        "id": "'{name}' adalah sekumpulan kolom: hanya dapat dipakai di dalam rata_rata(...) atau jumlah(...)",
        "en": "'{name}' is a set of columns: it can only be used inside rata_rata(...) or jumlah(...)",
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
    "dsl.scale-name-twice": {
        "id": "Skala '{name}' tidak dapat dipakai: nama '{label}' dipakai kategori '{first}' dan '{second}'; kategori yang tertulis dengan nama itu tidak dapat dinilai",
        "en": "Scale '{name}' cannot be used: the name '{label}' belongs to category '{first}' and to '{second}'; a category printed with that name cannot be judged",
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
    "scale.problem.repeated": {
        "id": "memakai lagi nama '{name}' yang sudah dipakai kategori '{other}' ({other_range}, entri ke-{entry}): satu nama untuk dua baris skala",
        "en": "uses again the name '{name}' of category '{other}' ({other_range}, entry {entry}): one name for two lines of the scale",
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
    "scale.no-category": {"id": "(tidak ada: nilai itu jatuh di celah antara kategori skala)",
                          "en": "(none: the value falls in a gap between the scale's categories)"},
    "scale.basis.stated": {"id": "capaian tertulis di baris ini, karena capaian tidak dapat dihitung",
                           "en": "the capaian stated in this row, because it cannot be computed"},
    # --- importing Word and Excel documents (sakip_lint.importing) ----------------------
    "import.encrypted": {
        "id": "Dokumen dilindungi kata sandi; buka di Word/Excel, hapus kata sandinya, simpan, lalu periksa lagi",
        "en": "The document is password-protected; open it in Word/Excel, remove the password, save and check again",
    },
    "import.old-format": {
        "id": "Ini berkas Word/Excel format lama (.doc/.xls); simpan ulang sebagai .{kind} lalu periksa lagi",
        "en": "This is an old-format Word/Excel file (.doc/.xls); save it again as .{kind} and check again",
    },
    "import.pdf": {
        "id": "Ini berkas PDF, bukan dokumen .{kind}; periksa naskah Word/Excel aslinya",
        "en": "This is a PDF file, not a .{kind} document; check the original Word/Excel file",
    },
    "import.not-office": {
        "id": "Bukan dokumen .{kind} (Word .docx atau Excel .xlsx); periksa berkasnya",
        "en": "Not a .{kind} document (Word .docx or Excel .xlsx); check the file",
    },
    "import.corrupt": {
        "id": "Dokumen .{kind} rusak atau tidak lengkap (terpotong saat diunduh?): {detail}",
        "en": "The .{kind} document is damaged or incomplete (cut short while downloading?): {detail}",
    },
    "import.other-kind": {
        "id": "Berkas bernama .{kind} ini sebenarnya dokumen .{other}; ganti akhiran namanya menjadi .{other}",
        "en": "This file named .{kind} is really a .{other} document; rename it to .{other}",
    },
    "import.too-many-parts": {
        "id": "Dokumen memuat {count} bagian, lebih dari batas {limit}",
        "en": "The document holds {count} parts, more than the limit of {limit}",
    },
    "import.expands": {
        "id": "Isi dokumen terurai menjadi lebih dari {limit} bita (batas max_bytes; ubah dengan --limit)",
        "en": "The document expands to more than {limit} bytes (limit max_bytes; change it with --limit)",
    },
    "import.sheet-too-large": {
        "id": "Lembar {sheet} memuat {cells} sel, lebih dari yang dapat dibaca sebagai formulir",
        "en": "Sheet {sheet} holds {cells} cells, more than a form can hold",
    },
    "import.unreadable": {
        "id": "Dokumen .{kind} tidak dapat dibaca: {detail}",
        "en": "The .{kind} document cannot be read: {detail}",
    },
    "import.no-year": {
        "id": "Dokumen tidak menyebut tahun laporannya ('Tahun 2022' di halaman judul atau di judul tabel); tahun menentukan skala dan target yang berlaku. Jalankan 'sakip-lint import' dan tulis tahunnya di berkas data",
        "en": "The document does not say its report year ('Tahun 2022' on its title page or in a table caption); the year decides the scales and targets in force. Run 'sakip-lint import' and write the year in the data file",
    },
    "import.no-table": {
        "id": "Dokumen tidak memuat tabel yang dikenali (PK, RKT, pengukuran, anggaran, atau tabel lain); tidak ada yang dapat diperiksa",
        "en": "The document holds no recognisable table (PK, RKT, measurement, budget or other); there is nothing to check",
    },
    "import.unsupported-suffix": {
        "id": "Hanya dokumen .docx dan .xlsx yang dapat diimpor: {path}",
        "en": "Only .docx and .xlsx documents can be imported: {path}",
    },
    "import.summary": {
        "id": "Diimpor dari {path}: {places} tempat, {entities} entitas, {tables} tabel lain, {claims} klaim; {unsure} keputusan perlu diperiksa (komentar 'PERIKSA')",
        "en": "Imported from {path}: {places} places, {entities} entities, {tables} other tables, {claims} claims; {unsure} decisions to look at (comments 'CHECK')",
    },
    "import.written": {"id": "Berkas data ditulis: {path}", "en": "Data file written: {path}"},
    "import.note.joined": {
        "id": "juga tertulis '{text}' ({place}; kemiripan {similarity}%, bukti: {evidence}; keyakinan {certainty}%)",
        "en": "also written '{text}' ({place}; similarity {similarity}%, evidence: {evidence}; certainty {certainty}%)",
    },
    "import.note.joined-unsure": {
        "id": "PERIKSA: '{text}' ({place}) dianggap entitas ini dengan ragu (kemiripan {similarity}%, bukti: {evidence}; keyakinan {certainty}%; calon lain: {other})",
        "en": "CHECK: '{text}' ({place}) taken as this entity with doubt (similarity {similarity}%, evidence: {evidence}; certainty {certainty}%; other candidate: {other})",
    },
    "import.note.no-body": {
        "id": "PERIKSA: nama instansi tidak ditemukan di halaman judul; tulis nama instansi",
        "en": "CHECK: the body's name was not found on the title page; write the name of the body",
    },
    "import.note.no-year": {
        "id": "PERIKSA: tahun laporan tidak ditemukan; tulis tahunnya",
        "en": "CHECK: the report year was not found; write the year",
    },
    "import.note.excerpt": {
        "id": "PERIKSA: rantai visi-misi-tujuan-sasaran-indikator tidak lengkap di dokumen; dibaca sebagai kutipan",
        "en": "CHECK: the visi-misi-tujuan-sasaran-indikator chain is incomplete in the document; read as an excerpt",
    },
    "import.note.unread-columns": {
        "id": "kolom yang tidak dibaca: {columns}",
        "en": "columns not read: {columns}",
    },
    "import.note.summary-row-unsure": {
        "id": "PERIKSA: baris '{row}' tanpa nomor di akhir tabel bukan jumlah maupun rata-rata baris di atasnya; tulis ke baris_total, baris_rata_rata atau baris_lain",
        "en": "CHECK: the unnumbered last row '{row}' is neither the sum nor the average of the rows above; put it in baris_total, baris_rata_rata or baris_lain",
    },
    "import.note.scale": {
        "id": "skala kategori capaian dibaca dari {place}",
        "en": "capaian category scale read from {place}",
    },
    "import.note.scale-guessed": {
        "id": "PERIKSA: laporan tidak mencetak skala indikator kualitatif ini; dipakai skala umum {scale}",
        "en": "CHECK: the report prints no scale for this qualitative indicator; the common scale {scale} is used",
    },
    "import.note.link-guessed": {
        "id": "PERIKSA: dokumen tidak menyebut {link} entitas ini; sementara ditulis {id}",
        "en": "CHECK: the document does not name this entity's {link}; {id} is written for now",
    },
    "import.stand-in": {"id": "(tidak tertulis di dokumen)", "en": "(not written in the document)"},
    "import.note.stand-in": {
        "id": "PERIKSA: dokumen tidak mencetak {kind} di atas entitas yang diimpor; ini penampung, tulis {kind} yang benar",
        "en": "CHECK: the document prints no {kind} above the imported entities; this stands in for it, write the right {kind}",
    },
    "import.note.no-scale": {
        "id": "PERIKSA: indikator kualitatif tanpa skala yang dikenal; tulis skala (rendah ke tinggi) agar capaiannya dapat dihitung",
        "en": "CHECK: a qualitative indicator without a known scale; write its scale (low to high) so its capaian can be computed",
    },
    "import.note.claim-unsure": {
        "id": "PERIKSA: {reason}",
        "en": "CHECK: {reason}",
    },
    "import.claim.single-indicator": {
        "id": "kalimat tidak menyebut indikatornya; dipakai satu-satunya indikator sasaran bagian ini",
        "en": "the sentence names no indicator; the only indicator of this section's sasaran is used",
    },
    "import.claim.indicator-by-words": {
        "id": "indikator dikenali dari sebagian kata atau singkatannya, bukan nama lengkapnya",
        "en": "the indicator is recognised by some of its words or an acronym, not its full name",
    },
    "import.claim.from-context": {
        "id": "kalimat tidak menyebut indikatornya; dipakai indikator yang disebut kalimat sebelumnya",
        "en": "the sentence names no indicator; the indicator an earlier sentence named is used",
    },
    "import.claim.count-mismatch": {
        "id": "jumlah sasaran yang disebut kalimat tidak sama dengan sasaran yang dikenali di dalamnya",
        "en": "the number of sasaran the sentence states differs from the sasaran recognised in it",
    },
    "import.evidence.nomor": {"id": "nomor sama", "en": "same number"},
    "import.evidence.induk": {"id": "induk sama", "en": "same parent"},
    "import.evidence.isi": {"id": "isi di bawahnya", "en": "what stands under it"},
    "import.evidence.khas": {"id": "kata khas sama", "en": "a distinctive word in common"},
    "import.evidence.sama": {"id": "tertulis dua kali", "en": "printed twice"},
    "origin.table-index": {"id": "tabel ke-{index}", "en": "table {index}"},
    "origin.table-caption": {"id": "tabel '{caption}' (ke-{index})", "en": "table '{caption}' (no. {index})"},
    "origin.continued": {"id": "lanjutan", "en": "continued"},
    "origin.row": {"id": "baris {row}", "en": "row {row}"},
    "origin.column": {"id": "kolom {column}", "en": "column {column}"},
    "origin.paragraph": {"id": "paragraf {paragraph}", "en": "paragraph {paragraph}"},
    "col.satuan": {"id": "Satuan", "en": "Unit"},
    "xlsx.title": {"id": "PENGUKURAN KINERJA", "en": "PERFORMANCE MEASUREMENT"},
    "xlsx.body": {"id": "Instansi/Unit Organisasi : {instansi}", "en": "Body/Organisational unit: {instansi}"},
    "xlsx.year": {"id": "Tahun Anggaran : {year}", "en": "Budget year: {year}"},
    "xlsx.stated": {"id": "% Capaian tertulis", "en": "Stated capaian %"},
    "xlsx.computed": {"id": "% Capaian hasil hitung", "en": "Computed capaian %"},
    "cli.xlsx-needs-output": {
        "id": "Format xlsx ditulis ke berkas: tambahkan -o BERKAS.xlsx",
        "en": "The xlsx format is written to a file: add -o FILE.xlsx",
    },
    "cli.output-unwritable": {
        "id": "Berkas {path} tidak dapat ditulis: {detail}",
        "en": "File {path} cannot be written: {detail}",
    },
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
    "explain.aspect": {"id": "Aspek reviu", "en": "Reviu aspect"},
    "explain.advice": {"id": "Saran", "en": "Recommendation"},
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
    "cli.help.no-cache": {
        "id": "jangan baca atau simpan aturan yang sudah dikompilasi (juga SAKIP_LINT_NO_CACHE=1)",
        "en": "neither read nor keep compiled rules between runs (also SAKIP_LINT_NO_CACHE=1)",
    },
    "cli.help.lang": {"id": "bahasa pesan (bawaan: {variable}, atau id)",
                      "en": "message language (default: {variable}, or id)"},
    "cli.help.limit": {
        "id": "ubah batas terhadap masukan berbahaya ({names}); dapat diulang; juga SAKIP_LINT_LIMIT_<NAMA>",
        "en": "change a limit against hostile input ({names}); repeatable; also SAKIP_LINT_LIMIT_<NAME>",
    },
    "cli.help.check": {"id": "jalankan semua pemeriksaan pada berkas data atau laporan .docx/.xlsx",
                       "en": "run every check on data files or .docx/.xlsx reports"},
    "cli.help.config": {
        "id": "berkas konfigurasi (bawaan: .sakip-lint.toml atau pyproject.toml [tool.sakip-lint], dicari dari berkas yang diperiksa ke atas)",
        "en": "the configuration file (default: .sakip-lint.toml or pyproject.toml [tool.sakip-lint], searched from the checked files upwards)",
    },
    "cli.help.check-files": {"id": "berkas data, atau folder tempat mencarinya",
                             "en": "data files, or folders to search for them"},
    "cli.help.output": {
        "id": "tulis juga FORMAT ({formats}) ke FILE; FILE saja memilih format dari akhirannya (.sarif, .json, .xml, .md); dapat diulang; konsol tetap memakai --format",
        "en": "also write FORMAT ({formats}) to FILE; FILE alone picks the format by its suffix (.sarif, .json, .xml, .md); repeatable; the console keeps --format",
    },
    "cli.help.baseline": {"id": "tampilkan hanya temuan yang tidak tercatat di FILE",
                          "en": "show only the findings FILE does not record"},
    "cli.help.write-baseline": {"id": "catat temuan hari ini di FILE lalu keluar dengan 0",
                                "en": "record today's findings in FILE and exit 0"},
    "cli.help.fix": {"id": "tulis perbaikan yang aman ke berkas, lalu periksa lagi",
                     "en": "write the safe fixes into the files, then check them again"},
    "cli.help.diff": {"id": "tampilkan perbaikan sebagai unified diff; tidak menulis apa pun",
                      "en": "show the fixes as a unified diff; write nothing"},
    "cli.help.unsafe-fixes": {
        "id": "bersama --fix atau --diff, terapkan juga perbaikan yang mengubah penilaian",
        "en": "with --fix or --diff, also apply fixes that change a judgement",
    },
    "cli.help.only-reports": {
        "id": "lewati berkas yang tidak menyatakan 'format: sakip-lint/...' (seperti penelusuran folder; untuk pre-commit)",
        "en": "skip named files that do not declare 'format: sakip-lint/...' (as a folder walk does; for pre-commit)",
    },
    "cli.help.schema": {"id": "JSON Schema berkas data, untuk editor",
                        "en": "the JSON Schema of the data file, for editors"},
    "cli.help.indent": {"id": "JSON dengan indentasi N spasi (bawaan: satu baris)",
                        "en": "indent JSON output by N spaces (default: one line)"},
    "cli.help.jobs": {
        "id": "periksa berkas dalam N proses (0: satu per inti); urutan keluaran tetap urutan berkas",
        "en": "check the files in N processes (0: one per core); the output keeps the order of the files",
    },
    "cli.help.progress": {
        "id": "batang kemajuan di stderr untuk beberapa berkas (auto: hanya di terminal, tidak di CI)",
        "en": "a progress bar on stderr for several files (auto: only on a terminal, never in CI)",
    },
    "cli.help.capaian-format": {
        "id": "format keluaran (xlsx: formulir pengukuran PKK, perlu -o)",
        "en": "output format (xlsx: the PKK measurement form, needs -o)",
    },
    "cli.help.capaian-output": {"id": "tulis ke FILE (wajib untuk --format xlsx)",
                                "en": "write to FILE (needed for --format xlsx)"},
    "cli.help.import": {"id": "tulis berkas data dari laporan Word (.docx) atau Excel (.xlsx)",
                        "en": "write the data file of a Word (.docx) or Excel (.xlsx) report"},
    "cli.help.import-output": {"id": "tulis berkas data ke FILE (bawaan: keluaran standar)",
                               "en": "write the data file to FILE (default: standard output)"},
    "cli.help.report": {"id": "laporan untuk pereviu: satu berkas HTML yang berdiri sendiri",
                        "en": "the reviewer's report: one self-contained HTML file"},
    "cli.help.report-output": {"id": "berkas HTML yang ditulis ('-': keluaran standar)",
                               "en": "the HTML file to write ('-': standard output)"},
    "cli.help.review": {"id": "draf Catatan Hasil Reviu (docx, markdown)",
                        "en": "a draft of the Catatan Hasil Reviu (docx, markdown)"},
    "cli.help.review-format": {"id": "docx (Word, bawaan) atau markdown",
                               "en": "docx (Word, default) or markdown"},
    "cli.help.review-output": {"id": "berkas yang ditulis ('-': keluaran standar)",
                               "en": "the file to write ('-': standard output)"},
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
    # --- repository and CI workflow: summary, formats, fixes, baseline, suppressions, settings
    "cli.summary-suppressed": {"id": "{count} diabaikan dengan komentar",
                               "en": "{count} suppressed by comments"},
    "cli.summary-baseline": {"id": "{count} sudah tercatat di baseline",
                             "en": "{count} already in the baseline"},
    "cli.summary-fixed": {"id": "{count} nilai diperbaiki", "en": "{count} value(s) fixed"},
    "cli.summary-time": {"id": "{seconds} detik", "en": "{seconds} s"},
    "cli.output-unknown-format": {
        "id": "--output {value}: tulis FORMAT:BERKAS (format: {formats}) atau berkas berakhiran .sarif, .json, .xml atau .md",
        "en": "--output {value}: write FORMAT:FILE (formats: {formats}) or a file ending in .sarif, .json, .xml or .md",
    },
    "cli.no-reports": {
        "id": "Folder {path} tidak memuat berkas laporan (*.yaml, *.yml, *.json dengan 'format: sakip-lint/…')",
        "en": "Folder {path} holds no report file (*.yaml, *.yml, *.json with 'format: sakip-lint/…')",
    },
    "console.related": {"id": "dibandingkan dengan {place} di {position}",
                        "en": "compared with {place} at {position}"},
    "console.related-more": {"id": "… dan {count} tempat lain", "en": "… and {count} more"},
    "markdown.no-findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "sarif.load-rule": {"id": "Berkas data tidak dapat dibaca atau tidak sesuai format",
                        "en": "The data file cannot be read or does not follow the format"},
    "sarif.suppression-rule": {"id": "Komentar penekan temuan (# sakip-lint: ignore[...])",
                               "en": "A suppression comment (# sakip-lint: ignore[...])"},
    "sarif.fix": {"id": "Ganti nilai dengan {value}", "en": "Replace the value with {value}"},
    "sarif.related": {"id": "Nilai pembanding: {place}", "en": "Compared value: {place}"},
    "sarif.same-cause": {"id": "Sebab yang sama: {place}", "en": "Same cause: {place}"},
    "fix.unreadable": {"id": "{path} tidak dapat dibaca lagi untuk diperbaiki; tidak ada yang diubah",
                       "en": "{path} cannot be read again to fix it; nothing was changed"},
    "fix.changed": {"id": "{path} berubah sejak diperiksa; periksa ulang lalu perbaiki; tidak ada yang diubah",
                    "en": "{path} changed since it was checked; check it again, then fix; nothing was changed"},
    "fix.unverified": {
        "id": "Perbaikan {path} tidak menghasilkan data yang diharapkan; berkas tidak diubah (mohon laporkan)",
        "en": "Fixing {path} would not give the expected data; the file was not changed (please report this)",
    },
    "fix.read-only": {"id": "{path} hanya-baca; perbaikan tidak ditulis dan berkas tidak diubah",
                      "en": "{path} is read-only; the fixes were not written and the file is unchanged"},
    "fix.unwritable": {"id": "Perbaikan {path} tidak dapat ditulis ({detail}); berkas asli tidak diubah",
                       "en": "The fixes of {path} cannot be written ({detail}); the original is unchanged"},
    "fix.skipped.conflict": {"id": "dua aturan mengusulkan nilai berbeda untuk sel ini",
                             "en": "two rules propose different values for this cell"},
    "fix.skipped.no-scalar": {"id": "nilainya tidak ditemukan di berkas",
                              "en": "the value is not found in the file"},
    "fix.skipped.block-scalar": {"id": "nilai berupa blok teks (| atau >)",
                                 "en": "the value is a block of text (| or >)"},
    "fix.not-applied": {"id": "{position}: perbaikan {code} tidak diterapkan: {reason}",
                        "en": "{position}: the fix of {code} was not applied: {reason}"},
    "fix.written": {"id": "{count} nilai diperbaiki di {path}", "en": "{count} value(s) fixed in {path}"},
    "baseline.unwritable": {"id": "Baseline {path} tidak dapat ditulis: {detail}",
                            "en": "Baseline {path} cannot be written: {detail}"},
    "baseline.missing": {"id": "Baseline {path} tidak ditemukan (buat dengan --write-baseline)",
                         "en": "Baseline {path} not found (make one with --write-baseline)"},
    "baseline.unreadable": {"id": "Baseline {path} tidak dapat dibaca: {detail}",
                            "en": "Baseline {path} cannot be read: {detail}"},
    "baseline.invalid": {
        "id": "{path} bukan baseline sakip-lint versi {version}; buat ulang dengan --write-baseline",
        "en": "{path} is not a sakip-lint baseline of version {version}; make it again with --write-baseline",
    },
    "baseline.written": {"id": "{count} temuan dicatat di baseline {path}",
                         "en": "{count} finding(s) recorded in the baseline {path}"},
    "suppress.malformed": {
        "id": "Komentar {comment} tidak dapat dibaca; tulis '# sakip-lint: ignore[KODE] alasan: …'",
        "en": "The comment {comment} cannot be read; write '# sakip-lint: ignore[CODE] reason: …'",
    },
    "suppress.no-reason": {
        "id": "Penekanan {codes} tanpa alasan tidak berlaku; tambahkan 'alasan: …' pada komentar",
        "en": "The suppression of {codes} has no reason and does not apply; add 'reason: …' to the comment",
    },
    "suppress.unused": {
        "id": "Penekanan {codes} tidak menekan temuan apa pun di baris ini; hapus komentarnya",
        "en": "The suppression of {codes} silences no finding on this line; remove the comment",
    },
    "settings.unknown-key": {"id": "Kunci {setting} tidak dikenal (yang dikenal: {allowed})",
                             "en": "Unknown key {setting} (known keys: {allowed})"},
    "settings.bad-type": {"id": "{setting} harus berupa {expected}", "en": "{setting} must be {expected}"},
    "settings.bad-value": {"id": "{setting} tidak boleh {value} (boleh: {allowed})",
                           "en": "{setting} cannot be {value} (allowed: {allowed})"},
    "settings.unknown-code": {"id": "{setting}: kode atau awalan {code} tidak cocok dengan aturan mana pun",
                              "en": "{setting}: the code or prefix {code} matches no rule"},
    "settings.missing": {"id": "Berkas konfigurasi {path} tidak ditemukan",
                         "en": "Configuration file {path} not found"},
    "settings.unreadable": {"id": "Berkas konfigurasi {path} tidak dapat dibaca: {detail}",
                            "en": "Configuration file {path} cannot be read: {detail}"},
    "settings.syntax": {"id": "TOML tidak dapat dibaca: {detail}", "en": "TOML cannot be read: {detail}"},
    "settings.type.list": {"id": "daftar teks", "en": "a list of texts"},
    "settings.type.table": {"id": "tabel", "en": "a table"},
    "settings.type.str": {"id": "teks", "en": "a text"},
    "settings.type.number": {"id": "angka", "en": "a number"},
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
    # --- the reviewer's report (sakip-lint report) and review notes (sakip-lint review) ----
    "report.title": {"id": "Laporan Hasil Pemeriksaan Laporan Kinerja", "en": "Performance Report Check"},
    "report.subtitle": {
        "id": "Disusun oleh sakip-lint dari berkas data laporan; setiap angka dapat ditelusuri ke tabel, baris dan berkasnya.",
        "en": "Produced by sakip-lint from the report's data file; every figure can be traced to its table, row and file.",
    },
    "report.footer": {
        "id": "Halaman ini berdiri sendiri: tidak memuat apa pun dari jaringan dan tetap terbaca tanpa JavaScript.",
        "en": "This page stands alone: it loads nothing from the network and reads fully without JavaScript.",
    },
    "report.toc": {"id": "Daftar isi", "en": "Contents"},
    "report.section.summary": {"id": "Ringkasan", "en": "Summary"},
    "report.section.findings": {"id": "Temuan", "en": "Findings"},
    "report.section.measurement": {"id": "Tabel pengukuran kinerja", "en": "Measurement tables"},
    "report.section.budget": {"id": "Tabel efisiensi dan anggaran", "en": "Efficiency and budget tables"},
    "report.section.tree": {"id": "Pohon kinerja", "en": "Performance tree (pohon kinerja)"},
    "report.section.provenance": {"id": "Asal hasil pemeriksaan", "en": "Provenance"},
    "report.summary.instansi": {"id": "Instansi", "en": "Body"},
    "report.summary.year": {"id": "Tahun", "en": "Year"},
    "report.summary.document": {"id": "Dokumen", "en": "Document"},
    "report.summary.source": {"id": "Sumber", "en": "Source"},
    "report.summary.capaian": {"id": "Capaian kinerja", "en": "Performance achievement"},
    "report.summary.overall": {"id": "Capaian keseluruhan menurut hitungan:", "en": "Overall capaian as computed:"},
    "report.summary.overall-not-stated": {
        "id": "Laporan tidak menyatakan capaian keseluruhan (tidak ada klaim capaian_keseluruhan).",
        "en": "The report states no overall capaian (no capaian_keseluruhan claim).",
    },
    "report.summary.absorption": {"id": "Penyerapan anggaran keseluruhan menurut hitungan:", "en": "Overall budget absorption as computed:"},
    "report.summary.grades": {"id": "Nilai dan predikat evaluasi SAKIP yang dicetak laporan", "en": "SAKIP evaluation scores and grades the report prints"},
    "report.provenance.tool": {"id": "Alat", "en": "Tool"},
    "report.provenance.ruleset": {"id": "Sidik aturan (sha256)", "en": "Ruleset digest (sha256)"},
    "report.provenance.rule-files": {"id": "Berkas aturan", "en": "Rule files"},
    "report.provenance.file": {"id": "Berkas data", "en": "Data file"},
    "report.provenance.digest": {"id": "Sidik berkas data (sha256)", "en": "Data file digest (sha256)"},
    "report.col.stated": {"id": "Tertulis", "en": "Stated"},
    "report.col.where": {"id": "Di", "en": "Where"},
    "report.col.difference": {"id": "Selisih", "en": "Difference"},
    "report.col.verdict": {"id": "Hasil", "en": "Result"},
    "report.col.year": {"id": "Tahun", "en": "Year"},
    "report.col.score": {"id": "Nilai", "en": "Score"},
    "report.col.grade": {"id": "Predikat tertulis", "en": "Grade stated"},
    "report.col.grade-by-scale": {"id": "Predikat menurut skala tahun itu", "en": "Grade under that year's scale"},
    "report.col.item": {"id": "Uraian", "en": "Item"},
    "report.verdict.match": {"id": "sesuai", "en": "matches"},
    "report.verdict.rounding": {"id": "beda pembulatan", "en": "rounding differs"},
    "report.verdict.differs": {"id": "berbeda", "en": "differs"},
    "report.verdict.not-number": {"id": "bukan angka", "en": "not a number"},
    "report.verdict.not-stated": {"id": "tidak tertulis", "en": "not stated"},
    "report.verdict.not-computed": {"id": "tidak dapat dihitung", "en": "not computable"},
    "report.chapter.front": {"id": "Bagian awal (ringkasan eksekutif, daftar)", "en": "Front matter (executive summary, lists)"},
    "report.chapter.appendix": {"id": "Lampiran", "en": "Appendices"},
    "report.chapter.no-place": {"id": "Entitas pohon kinerja (tanpa tabel)", "en": "Entities of the performance tree (no table)"},
    "report.chapter.numbered": {"id": "Bab {number} {name}", "en": "Chapter {number} {name}"},
    "report.chapter.1": {"id": "Pendahuluan", "en": "Introduction (Pendahuluan)"},
    "report.chapter.2": {"id": "Perencanaan Kinerja", "en": "Performance planning (Perencanaan Kinerja)"},
    "report.chapter.3": {"id": "Akuntabilitas Kinerja", "en": "Performance accountability (Akuntabilitas Kinerja)"},
    "report.chapter.4": {"id": "Penutup", "en": "Closing (Penutup)"},
    "report.place.none": {"id": "Entitas sebagaimana dinyatakan berkas data", "en": "Entities as the data file declares them"},
    "report.findings.none": {"id": "Tidak ada temuan.", "en": "No findings."},
    "report.findings.order": {
        "id": "Temuan dikelompokkan per bab dan tabel laporan (Tabel 3.1 di Bab III; tempat tanpa nomor ikut bab tempat sebelumnya), lalu menurut tingkatnya.",
        "en": "Findings are grouped by chapter and table of the report (Tabel 3.1 in Chapter III; a place without a number goes with the place before it), then by severity.",
    },
    "report.finding.found": {"id": "Nilai tertulis", "en": "Value stated"},
    "report.finding.at": {"id": "Letak", "en": "Where"},
    "report.finding.quote": {"id": "Kalimat laporan", "en": "The report's sentence"},
    "report.finding.expected": {"id": "Seharusnya / pembanding", "en": "Expected / compared with"},
    "report.finding.related": {"id": "Nilai terkait", "en": "Related values"},
    "report.finding.same-cause": {"id": "Sebab yang sama juga di", "en": "Same cause also in"},
    "report.finding.computation": {"id": "Perhitungan", "en": "Computation"},
    "report.finding.advice": {"id": "Saran", "en": "Recommendation"},
    "report.finding.tree": {"id": "Di pohon kinerja", "en": "In the performance tree"},
    "report.finding.explain": {"id": "Penjelasan aturan {code} ({name})", "en": "About rule {code} ({name})"},
    "report.finding.link": {"id": "Tautan ke temuan {number}", "en": "Link to finding {number}"},
    "report.filter.label": {"id": "Saring temuan", "en": "Filter findings"},
    "report.filter.severity": {"id": "Tingkat", "en": "Severity"},
    "report.filter.rule": {"id": "Aturan", "en": "Rule"},
    "report.filter.all-rules": {"id": "semua aturan", "en": "all rules"},
    "report.filter.search": {"id": "Cari", "en": "Search"},
    "report.filter.search-hint": {"id": "kata, tabel, kode, nilai…", "en": "word, table, code, value…"},
    "report.filter.shown": {"id": "{shown} dari {total} temuan ditampilkan", "en": "{shown} of {total} findings shown"},
    "report.computation.formula": {"id": "Rumus: {formula}", "en": "Formula: {formula}"},
    "report.computation.inputs": {"id": "Dari: {inputs}", "en": "From: {inputs}"},
    "report.computation.input": {"id": "{name} = {value} ({where})", "en": "{name} = {value} ({where})"},
    "report.computation.parts": {"id": "Nilai yang dirata-rata: {parts}", "en": "Values averaged: {parts}"},
    "report.computation.result": {
        "id": "Hasil: {exact}, dibulatkan {rounded} (kategori {category})",
        "en": "Result: {exact}, rounded {rounded} (category {category})",
    },
    "report.computation.exact": {"id": "Hasil tepat: {exact}; seharusnya tertulis {expected}", "en": "Exact result: {exact}; should be stated as {expected}"},
    "report.computation.not-computable": {"id": "Tidak dapat dihitung: {reason}", "en": "Not computable: {reason}"},
    "report.computation.difference": {"id": "Tertulis {stated}, selisih {difference}", "en": "Stated {stated}, difference {difference}"},
    "report.computation.sasaran-mean": {"id": "rata-rata capaian indikator sasaran ini", "en": "the mean capaian of this sasaran's indicators"},
    "report.computation.overall-sasaran": {"id": "rata-rata capaian semua sasaran", "en": "the mean capaian of all sasaran"},
    "report.computation.overall-indicators": {"id": "rata-rata capaian semua indikator", "en": "the mean capaian of all indicators"},
    "report.computation.range": {
        "id": "target rentang: di dalam rentang {inside}; di bawahnya {low}; di atasnya {high}",
        "en": "range target: inside the band {inside}; below it {low}; above it {high}",
    },
    "report.tables.note": {
        "id": "Tabel sebagaimana seharusnya dicetak laporan: nilai hasil hitung di samping nilai tertulis; sel yang berbeda ditandai.",
        "en": "The tables as the report should print them: computed values beside the stated ones; differing cells are marked.",
    },
    "report.tables.budget-note": {
        "id": "Tabel efisiensi dan anggaran sebagaimana dicetak laporan. Merah: sel yang berbeda dengan hasil hitung atau yang menjadi letak temuan; kuning: nilai pembanding suatu temuan. Setiap sel yang ditandai tertaut ke temuannya.",
        "en": "The efficiency and budget tables as the report prints them. Red: a cell that differs from the computation or where a finding is; yellow: a value a finding compares with. Every marked cell links to its finding.",
    },
    "report.tables.efficiency": {"id": "Tabel efisiensi", "en": "Efficiency table"},
    "report.tables.budget": {"id": "Tabel anggaran", "en": "Budget table"},
    "report.tables.no-budget": {"id": "Laporan tidak memuat tabel efisiensi maupun anggaran.", "en": "The report has no efficiency or budget table."},
    "report.tables.should": {"id": "seharusnya {value}", "en": "should be {value}"},
    "report.field.capaian": {"id": "Capaian (%)", "en": "Capaian (%)"},
    "report.field.kategori": {"id": "Kategori", "en": "Category"},
    "report.field.pagu": {"id": "Pagu", "en": "Budget (pagu)"},
    "report.field.realisasi_anggaran": {"id": "Realisasi anggaran", "en": "Budget spent"},
    "report.field.persen_anggaran": {"id": "Penyerapan (%)", "en": "Absorption (%)"},
    "report.field.efisiensi": {"id": "Efisiensi", "en": "Efficiency"},
    "report.tree.title": {"id": "Pohon kinerja: visi, misi, tujuan, sasaran, indikator, program", "en": "Performance tree: visi, misi, tujuan, sasaran, indicator, programme"},
    "report.tree.note": {
        "id": "Digambar dari tautan yang dinyatakan laporan. Warna kotak menunjukkan temuan terberat atas entitas itu; klik kotak untuk daftar temuannya.",
        "en": "Drawn from the links the report declares. A box's colour shows the worst finding about that entity; click a box for its findings.",
    },
    "report.tree.clean": {"id": "tanpa temuan", "en": "no finding"},
    "report.tree.orphan": {"id": "tanpa induk", "en": "no parent"},
    "report.tree.orphan-legend": {"id": "tanpa induk (garis tepi putus-putus)", "en": "no parent (dashed border)"},
    "report.tree.conflict-legend": {
        "id": "tautan yang hanya dinyatakan sebagian tabel, berbeda dari tautan entitasnya",
        "en": "a link only some tables declare, unlike the entity's own link",
    },
    "report.tree.own-link": {"id": "tautan entitas", "en": "the entity's own link"},
    "report.tree.link": {"id": "{parent} → {child} (dinyatakan di: {places})", "en": "{parent} → {child} (declared in: {places})"},
    "report.tree.node": {
        "id": "{kind} {id}: {teks} — temuan terberat: {severity}; kode: {codes}",
        "en": "{kind} {id}: {teks} — worst finding: {severity}; codes: {codes}",
    },
    "report.tree.empty": {"id": "Laporan tidak menyatakan entitas pohon kinerja.", "en": "The report declares no entity of the performance tree."},
    "report.tree.index": {"id": "Temuan per entitas", "en": "Findings by entity"},
    "report.tree.no-findings": {"id": "Tidak ada temuan atas entitas pohon kinerja.", "en": "No finding about an entity of the tree."},
    "review.title": {"id": "CATATAN HASIL REVIU", "en": "REVIEW NOTES (CATATAN HASIL REVIU)"},
    "review.subtitle": {
        "id": "Reviu atas Laporan Kinerja {instansi} Tahun {tahun}",
        "en": "Review of the Performance Report (Laporan Kinerja) of {instansi}, {tahun}",
    },
    "review.note": {
        "id": "Konsep yang disusun sakip-lint dari berkas data laporan, untuk disunting, dilengkapi dan ditandatangani oleh reviewer (APIP).",
        "en": "A draft produced by sakip-lint from the report's data file, for the reviewer (APIP) to edit, complete and sign.",
    },
    "review.section.basis": {"id": "Dasar reviu", "en": "Basis of the review"},
    "review.section.scope": {"id": "Ruang lingkup dan tujuan", "en": "Scope and aim"},
    "review.section.steps": {"id": "Langkah-langkah reviu", "en": "Steps of the review"},
    "review.section.results": {"id": "Hasil reviu", "en": "Results of the review"},
    "review.section.conclusion": {"id": "Simpulan", "en": "Conclusion"},
    "review.section.recommendation": {"id": "Rekomendasi", "en": "Recommendation"},
    "review.basis.1": {"id": "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah.", "en": "Presidential Regulation 29/2014 on the Performance Accountability System of Government Agencies (SAKIP)."},
    "review.basis.2": {
        "id": "Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah.",
        "en": "PermenPAN-RB 53/2014 on the technical guidelines for the Performance Agreement, performance reporting and the review of government performance reports.",
    },
    "review.basis.3": {"id": "Program kerja pengawasan tahunan Aparat Pengawasan Intern Pemerintah (lengkapi nomor dan tanggalnya).", "en": "The annual audit programme of the internal government auditor (complete its number and date)."},
    "review.scope.file": {"id": "Berkas data yang direviu", "en": "Data file reviewed"},
    "review.scope.tool": {"id": "Alat bantu", "en": "Tool"},
    "review.scope.tool-value": {"id": "sakip-lint {version}, {rules} aturan (sidik {digest})", "en": "sakip-lint {version}, {rules} rules (digest {digest})"},
    "review.aim": {
        "id": "Reviu bertujuan memberikan keyakinan terbatas bahwa Laporan Kinerja telah disajikan secara akurat, andal dan valid, serta selaras dengan perencanaan dan Perjanjian Kinerja.",
        "en": "The review aims to give limited assurance that the performance report is accurate, reliable and valid, and consistent with the plans and the Performance Agreement.",
    },
    "review.step.1": {"id": "Memeriksa sistematika laporan (Bab I Pendahuluan, Bab II Perencanaan Kinerja, Bab III Akuntabilitas Kinerja, Bab IV Penutup, lampiran Perjanjian Kinerja) dan kelengkapan tabelnya.", "en": "Checking the structure of the report (Chapters I to IV, the Performance Agreement attached) and the tables it must contain."},
    "review.step.2": {"id": "Menghitung ulang setiap capaian indikator, sasaran dan keseluruhan dengan rumus sesuai polaritas indikator, serta kategorinya menurut skala.", "en": "Recomputing every indicator, sasaran and overall capaian with the formula of the indicator's polarity, and its category under the scale."},
    "review.step.3": {"id": "Membandingkan target, satuan dan realisasi setiap indikator di Renstra, RKT, Perjanjian Kinerja, tabel pengukuran dan tabel analisis.", "en": "Comparing the target, unit and realisation of every indicator across the Renstra, RKT, Performance Agreement, measurement and analysis tables."},
    "review.step.4": {"id": "Menelusuri keterkaitan visi, misi, tujuan, sasaran, indikator dan program (pohon kinerja), termasuk nama dan penomorannya di setiap tabel.", "en": "Tracing the links of visi, misi, tujuan, sasaran, indicators and programmes (the performance tree), with their names and numbering in every table."},
    "review.step.5": {"id": "Menguji tabel anggaran: pagu, realisasi, persentase penyerapan dan tingkat efisiensi per sasaran dan program.", "en": "Testing the budget tables: pagu, realisation, absorption and efficiency per sasaran and programme."},
    "review.step.6": {"id": "Mencocokkan angka, urutan dan kategori yang disebut dalam teks dengan tabel, serta jumlah dan predikat pada tabel lain.", "en": "Matching the figures, rankings and categories stated in the text with the tables, and the totals and grades of other tables."},
    "review.step.7": {"id": "Mendiskusikan hasil reviu dengan penyusun laporan (lengkapi tanggal dan pesertanya).", "en": "Discussing the results with the compilers of the report (complete the date and participants)."},
    "review.summary": {
        "id": "Reviu menemukan {errors} kesalahan, {warnings} peringatan dan {infos} catatan informasi, yang diuraikan per aspek reviu berikut beserta buktinya (tabel, baris dan nilai) dan sarannya.",
        "en": "The review found {errors} errors, {warnings} warnings and {infos} informational notes, set out below by aspect with their evidence (table, row and value) and recommendations.",
    },
    "review.aspect.penyajian_data": {"id": "Penyajian data", "en": "Presentation of data (penyajian data)"},
    "review.aspect.penyajian_data.about": {"id": "Apakah laporan menyajikan data sesuai format: penulisan angka, penomoran, kelengkapan bagian dan pembandingnya.", "en": "Whether the report presents its data as prescribed: numbers, numbering, the parts and comparisons it must contain."},
    "review.aspect.keandalan": {"id": "Keandalan data", "en": "Reliability of data (keandalan)"},
    "review.aspect.keandalan.about": {"id": "Apakah data laporan dapat diandalkan: jumlah tabel benar, teks sesuai tabel, predikat sesuai nilai.", "en": "Whether the report's data are reliable: tables add up, the text matches the tables, grades match their scores."},
    "review.aspect.keselarasan_perencanaan": {"id": "Keselarasan dengan perencanaan", "en": "Consistency with the plans (keselarasan perencanaan)"},
    "review.aspect.keselarasan_perencanaan.about": {"id": "Apakah laporan selaras dengan Renstra, RKT dan Perjanjian Kinerja: target, nama, dan keterkaitan pohon kinerja.", "en": "Whether the report agrees with the Renstra, RKT and Performance Agreement: targets, names and the links of the performance tree."},
    "review.aspect.capaian": {"id": "Capaian kinerja", "en": "Performance achievement (capaian)"},
    "review.aspect.capaian.about": {"id": "Apakah capaian dan kategorinya dihitung dengan benar.", "en": "Whether capaian and its categories are computed right."},
    "review.aspect.anggaran": {"id": "Anggaran", "en": "Budget (anggaran)"},
    "review.aspect.anggaran.about": {"id": "Apakah pagu, realisasi, penyerapan dan efisiensi anggaran disajikan dengan benar dan lengkap.", "en": "Whether pagu, realisation, absorption and efficiency are presented right and complete."},
    "review.aspect.lainnya": {"id": "Temuan lain", "en": "Other findings"},
    "review.aspect.lainnya.about": {"id": "Temuan aturan yang tidak menyebut aspek reviu.", "en": "Findings of rules that name no reviu aspect."},
    "review.aspect.none": {"id": "Tidak ada temuan pada aspek ini.", "en": "No finding in this aspect."},
    "review.col.no": {"id": "No.", "en": "No."},
    "review.col.finding": {"id": "Temuan", "en": "Finding"},
    "review.col.evidence": {"id": "Bukti", "en": "Evidence"},
    "review.col.advice": {"id": "Saran", "en": "Recommendation"},
    "review.advice": {"id": "Saran", "en": "Recommendation"},
    "review.no-advice": {"id": "(aturan ini tidak memberi saran; lengkapi)", "en": "(this rule gives no recommendation; complete it)"},
    "review.more": {"id": " dan {count} lainnya", "en": " and {count} more"},
    "review.evidence.at": {"id": "Letak: {where} ({position})", "en": "Where: {where} ({position})"},
    "review.evidence.quote": {"id": "Kalimat laporan: “{quote}”", "en": "The report's sentence: “{quote}”"},
    "review.evidence.found": {"id": "Nilai tertulis: {value}", "en": "Value stated: {value}"},
    "review.evidence.expected": {"id": "Seharusnya / pembanding: {value}", "en": "Expected / compared with: {value}"},
    "review.evidence.computation": {"id": "Perhitungan: {steps}", "en": "Computation: {steps}"},
    "review.evidence.related": {"id": "Nilai terkait: {cells}", "en": "Related values: {cells}"},
    "review.evidence.same-cause": {"id": "Sebab yang sama pada {count} nilai lain: {cells}", "en": "Same cause in other values ({count}): {cells}"},
    "review.conclusion.errors": {
        "id": "Laporan Kinerja belum dapat dinyatakan telah direviu tanpa catatan: terdapat {errors} kesalahan yang perlu diperbaiki penyusun sebelum laporan ditandatangani, dan {warnings} peringatan yang perlu ditinjau.",
        "en": "The performance report cannot yet be declared reviewed without notes: {errors} errors must be corrected by the compilers before it is signed, and {warnings} warnings should be looked at.",
    },
    "review.conclusion.warnings": {
        "id": "Tidak ditemukan kesalahan; {warnings} peringatan perlu ditinjau penyusun sebelum laporan ditandatangani.",
        "en": "No errors were found; {warnings} warnings should be looked at by the compilers before the report is signed.",
    },
    "review.conclusion.clean": {
        "id": "Tidak ditemukan kesalahan maupun peringatan atas data yang direviu.",
        "en": "No errors or warnings were found in the data reviewed.",
    },
    "review.recommendation": {
        "id": "Penyusun Laporan Kinerja memperbaiki laporan sesuai saran pada setiap temuan di atas, lalu menyampaikannya kembali untuk direviu sebelum Pernyataan Telah Direviu ditandatangani.",
        "en": "The compilers correct the report as each finding above recommends and submit it again for review before the Statement of Review (Pernyataan Telah Direviu) is signed.",
    },
    "review.signature.1": {"id": "………………, ……………… 20…", "en": "………………, ……………… 20…"},
    "review.signature.2": {"id": "Reviewer,", "en": "Reviewer,"},
    "review.signature.3": {"id": "(………………………………)", "en": "(………………………………)"},
    "review.signature.4": {"id": "NIP ………………………", "en": "NIP ………………………"},
    "cli.report-written": {"id": "Laporan ditulis ke {path}", "en": "Report written to {path}"},
    "cli.output-unwritable": {"id": "Tidak dapat menulis {path}: {detail}", "en": "Cannot write {path}: {detail}"},
    "cli.docx-missing": {
        "id": "Format docx memerlukan paket python-docx (pip install python-docx)",
        "en": "The docx format needs the python-docx package (pip install python-docx)",
    },
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


def render_origin(origin: Origin, lang: str = DEFAULT_LANGUAGE) -> str:
    """Where an imported value stands in its document, as a compiler looks for it there:
    'Tabel 3.1, baris 4, kolom Capaian', 'tabel 'Perbandingan Realisasi Kinerja.' (ke-20), baris 3',
    'paragraf 57', 'PK!D12'."""
    if origin.sheet is not None:
        sheet = origin.sheet
        if not sheet.replace("_", "").isalnum():
            sheet = "'" + sheet.replace("'", "''") + "'"
        return f"{sheet}!{origin.cell}" if origin.cell else sheet
    if origin.paragraph is not None:
        return render("origin.paragraph", lang, paragraph=origin.paragraph)
    if origin.table:
        table = origin.table
    elif origin.caption:
        table = render("origin.table-caption", lang, caption=origin.caption, index=origin.table_index)
    else:
        table = render("origin.table-index", lang, index=origin.table_index)
    if origin.continued:
        table += f" ({render('origin.continued', lang)})"
    parts = [table]
    if origin.row is not None:
        parts.append(render("origin.row", lang, row=origin.row))
    if origin.column:
        parts.append(render("origin.column", lang, column=origin.column))
    return ", ".join(parts)


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
