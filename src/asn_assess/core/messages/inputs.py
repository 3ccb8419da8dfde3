"""Texts about the files and documents a command reads: missing or unreadable files,
broken JSON or TOML, unknown banks, formats and keys."""

MESSAGES: dict[str, dict[str, str]] = {
    "reading.no_such_file": {"id": "berkas tidak ada", "en": "no such file"},
    "reading.is_folder": {"id": "adalah folder, bukan berkas", "en": "is a folder, not a file"},
    "reading.unreadable": {
        "id": "tidak dapat dibaca ({reason})",
        "en": "cannot be read ({reason})",
    },
    "reading.too_large": {
        "id": "lebih besar dari {size}, batas untuk satu dokumen seperti ini; periksa "
        "apakah ini berkas yang dimaksud",
        "en": "larger than {size}, the limit for one document of this kind; check that "
        "this is the file you meant",
    },
    "reading.line_too_long": {
        "id": "baris lebih panjang dari {size}, batas untuk satu lembar jawaban",
        "en": "the line is longer than {size}, the limit for one answer sheet",
    },
    "reading.json_too_large": {
        "id": "lebih besar dari {size}, batas untuk JSON yang dibaca utuh; tulis satu "
        "lembar jawaban per baris (JSON Lines), yang tidak berbatas",
        "en": "larger than {size}, the limit for JSON read whole; write one answer sheet "
        "per line (JSON Lines), which has no limit",
    },
    "reading.not_utf8": {
        "id": "bukan teks UTF-8 (bita {byte}); simpan berkas sebagai UTF-8",
        "en": "not UTF-8 text (byte {byte}); save the file as UTF-8",
    },
    "reading.toml_syntax": {
        "id": "kesalahan sintaks TOML: {reason}",
        "en": "TOML syntax error: {reason}",
    },
    "reading.invalid_json": {"id": "JSON tidak sah: {reason}", "en": "invalid JSON: {reason}"},
    "reading.not_a_table": {
        "id": "tidak dapat dibaca sebagai tabel: {reason}",
        "en": "cannot be read as a table: {reason}",
    },
    "reading.cannot_read": {"id": "tidak dapat dibaca: {reason}", "en": "cannot be read: {reason}"},
    "reading.not_a_sheet_array": {
        "id": "seharusnya larik JSON berisi lembar jawaban",
        "en": "expected a JSON array of answer sheets",
    },
    "reading.no_answers": {
        "id": "tidak ada jawaban: `answers` kosong",
        "en": "no answers: `answers` is empty",
    },
    "reading.mapping_unknown_key": {
        "id": "kunci tidak dikenal (pakai [columns] dan [labels])",
        "en": "unknown key (use [columns] and [labels])",
    },
    "reading.mapping_not_table": {
        "id": "harus berupa tabel: [{table}]",
        "en": "must be a table: [{table}]",
    },
    "reading.mapping_not_item": {
        "id": "{value!r} bukan butir bank {bank!r}",
        "en": "{value!r} is not an item of bank {bank!r}",
    },
    "reading.mapping_label_value": {
        "id": "label dipetakan ke nilai skala (angka) atau id pilihan (teks)",
        "en": "a label maps to a scale value (number) or an option id (text)",
    },
    "reading.bank_other_version": {
        "id": "adalah versi {found} dari {bank!r}, bukan {version}",
        "en": "is version {found} of {bank!r}, not {version}",
    },
    "reading.no_bank": {
        "id": "tidak ada berkas bank atau bank bawaan dengan id ini (bawaan: {known})",
        "en": "no bank file or bundled bank with this id (bundled: {known})",
    },
    "reading.no_role": {
        "id": "tidak ada peran {role!r} di bank {bank!r} (peran: {roles})",
        "en": "no role {role!r} in bank {bank!r} (roles: {roles})",
    },
    "reading.rater_needs_target": {
        "id": "jawaban penilai harus menyebut orang yang dinilai",
        "en": "a rater's answers name the person rated",
    },
    "reading.no_item": {
        "id": "tidak ada butir {item!r} di bank {bank!r}",
        "en": "no item {item!r} in bank {bank!r}",
    },
    "reading.item_not_for_role": {
        "id": "butir {item!r} tidak ditanyakan kepada peran {role!r}",
        "en": "item {item!r} is not asked of role {role!r}",
    },
    "reading.not_an_option": {
        "id": "{answer} bukan pilihan butir situasional ini (pilihan: {choices})",
        "en": "{answer} is not an option of this situational item (options: {choices})",
    },
    "reading.not_a_number": {
        "id": "{answer} bukan angka pada skala {scale!r} ({low}-{high}) dan bukan {na!r}",
        "en": "{answer} is not a number on scale {scale!r} ({low}-{high}) or {na!r}",
    },
    "reading.not_on_scale": {
        "id": "{answer} bukan nilai skala {scale!r} ({values})",
        "en": "{answer} is not a value of scale {scale!r} ({values})",
    },
    "reading.norm_no_group": {
        "id": "norma tidak memiliki kelompok {group!r} (kelompok: {groups})",
        "en": "the norms have no group {group!r} (groups: {groups})",
    },
    "reading.norm_minimum": {
        "id": "norma memerlukan sedikitnya {lowest} responden, bukan {minimum}",
        "en": "a norm needs at least {lowest} respondents, not {minimum}",
    },
    "reading.report_format": {
        "id": "--format {value}: pilih salah satu: {choices}",
        "en": "--format {value}: choose one of {choices}",
    },
    "reading.report_suffix": {
        "id": "{path}: akhiran {suffix} bukan format laporan; pakai salah satu: {known}",
        "en": "{path}: the extension {suffix} is not a report format; use one of {known}",
    },
    "reading.report_no_suffix": {
        "id": "{path}: tidak ada akhiran untuk menentukan format; pakai salah satu: {known}",
        "en": "{path}: no extension to tell the format by; use one of {known}",
    },
    "reading.report_contradicts": {
        "id": "{path}: --format {form} bertentangan dengan akhiran {suffix} ({named})",
        "en": "{path}: --format {form} contradicts the extension {suffix} ({named})",
    },
    "reading.sheet_other_bank": {
        "id": "lembar ini untuk bank {sheet_bank!r}, bukan {bank!r}; "
        "berikan bank yang benar dengan --bank",
        "en": "the sheet is for bank {sheet_bank!r}, not {bank!r}; pass the right bank with --bank",
    },
    "reading.sheet_other_version": {
        "id": "lembar ini untuk versi {sheet_version!r} dari {bank!r}, bank ini versi {version!r}",
        "en": "the sheet is for version {sheet_version!r} of "
        "{bank!r}, this bank is version {version!r}",
    },
    "reading.no_rater_group": {
        "id": "tidak ada kelompok penilai {group!r} di bank {bank!r} (kelompok penilai: {groups})",
        "en": "no rater group {group!r} in bank {bank!r} (rater groups: {groups})",
    },
    "reading.sheet_language": {
        "id": "{code!r} bukan salah satu bahasa bank ini ({languages})",
        "en": "{code!r} is not one of the bank's languages ({languages})",
    },
    "reading.not_rated_by": {
        "id": "butir {item!r} tidak ditanyakan kepada kelompok penilai {group!r} (orang lain "
        "tidak dapat mengamatinya, atau kelompok itu tidak menilai indikatornya)",
        "en": "item {item!r} is not asked of rater group {group!r} (others cannot "
        "observe it, or the group does not rate its indicator)",
    },
    "reading.item_in_two_columns": {
        "id": "butir {item!r} sudah ada di kolom {column}",
        "en": "item {item!r} is already in column {column}",
    },
    "reading.no_item_column": {
        "id": "tidak ada kolom yang cocok dengan butir bank {bank!r}; "
        "judul kolom harus berupa id butir atau teks pertanyaan, atau berikan berkas --mapping",
        "en": "no column matches an item of bank {bank!r}; "
        "headers must be item ids or question texts, or "
        "give a --mapping file",
    },
    "reading.no_such_column": {
        "id": "{option} {wanted!r}: kolom itu tidak ada (kolom: {columns})",
        "en": "{option} {wanted!r}: no such column (columns: {columns})",
    },
    "reading.column_where": {
        "id": "kolom {number} ({header!r})",
        "en": "column {number} ({header!r})",
    },
    "reading.key_too_short": {
        "id": "berkas kunci harus berisi sedikitnya {length} karakter rahasia "
        "(lihat docs/batch.md)",
        "en": "the key file must hold at least {length} characters of secret (see docs/batch.md)",
    },
    "reading.wrong_width": {
        "id": "memiliki {actual} kolom, baris judul memiliki {expected}",
        "en": "has {actual} fields, the header has {expected}",
    },
}
