"""Texts of the problems found when a document (answer sheet, result, bank) does not
have the expected shape: the tool's own words for what the validator reports."""

MESSAGES: dict[str, dict[str, str]] = {
    "check.keys_schema": {
        "id": "`asn-assess schema` menampilkan semua kunci",
        "en": "`asn-assess schema` shows every key",
    },
    "check.keys_bank_format": {
        "id": "docs/bank-format.md memuat semua kunci",
        "en": "docs/bank-format.md lists every key",
    },
    "check.unknown_key": {
        "id": "kunci tidak dikenal (periksa ejaannya; {where})",
        "en": "unknown key (check its spelling; {where})",
    },
    "check.missing": {"id": "kunci wajib ini tidak ada", "en": "required key is missing"},
    "check.answer": {
        "id": 'jawaban harus berupa angka pada skala (misalnya 1-5), huruf pilihan, atau "na"; tertulis {found}',
        "en": 'an answer must be a number on the scale (e.g. 1-5), an option letter, or "na"; found {found}',
    },
    "check.object": {
        "id": "harus berupa tabel {{...}} (objek dalam JSON); tertulis {found}",
        "en": "must be a table {{...}} (an object in JSON); found {found}",
    },
    "check.document": {
        "id": "berkas ini harus berupa satu objek JSON {{...}}; tertulis {found}",
        "en": "this file must hold one JSON object {{...}}; found {found}",
    },
    "check.integer": {
        "id": "harus bilangan bulat; tertulis {found}",
        "en": "must be a whole number; found {found}",
    },
    "check.number": {
        "id": "harus angka; tertulis {found}",
        "en": "must be a number; found {found}",
    },
    "check.text": {"id": "harus teks; tertulis {found}", "en": "must be text; found {found}"},
    "check.boolean": {
        "id": "harus true atau false; tertulis {found}",
        "en": "must be true or false; found {found}",
    },
    "check.list": {
        "id": "harus berupa daftar [...]; tertulis {found}",
        "en": "must be a list [...]; found {found}",
    },
    "check.at_most": {
        "id": "paling besar {limit}; tertulis {found}",
        "en": "must be at most {limit}; found {found}",
    },
    "check.at_least": {
        "id": "paling kecil {limit}; tertulis {found}",
        "en": "must be at least {limit}; found {found}",
    },
    "check.above": {
        "id": "harus lebih dari {limit}; tertulis {found}",
        "en": "must be greater than {limit}; found {found}",
    },
    "check.below": {
        "id": "harus kurang dari {limit}; tertulis {found}",
        "en": "must be less than {limit}; found {found}",
    },
    "check.few_items": {
        "id": "berisi {count} isian; perlu sedikitnya {limit}",
        "en": "has {count} entries; needs at least {limit}",
    },
    "check.many_items": {
        "id": "berisi {count} isian; paling banyak {limit}",
        "en": "has {count} entries; takes at most {limit}",
    },
    "check.short_text": {
        "id": "perlu sedikitnya {limit} karakter; tertulis {found}",
        "en": "needs at least {limit} characters; found {found}",
    },
    "check.empty": {
        "id": "tidak boleh kosong",
        "en": "must not be empty",
    },
    "check.long_text": {
        "id": "paling banyak {limit} karakter",
        "en": "takes at most {limit} characters",
    },
    "check.one_of": {
        "id": "harus salah satu dari {expected}; tertulis {found}",
        "en": "must be one of {expected}; found {found}",
    },
    "check.pattern": {
        "id": "tidak sesuai bentuk yang diharapkan ({pattern}); tertulis {found}",
        "en": "does not have the expected form ({pattern}); found {found}",
    },
    "check.datetime": {
        "id": "harus tanggal dan waktu, misalnya 2026-01-31T09:00:00+07:00; tertulis {found}",
        "en": "must be a date and time such as 2026-01-31T09:00:00+07:00; found {found}",
    },
    "check.date": {
        "id": "harus tanggal, misalnya 2026-01-31; tertulis {found}",
        "en": "must be a date such as 2026-01-31; found {found}",
    },
    "check.weight": {
        "id": "bobot harus paling kecil 0,000001 (sepersejuta); tertulis {found}",
        "en": "weight must be at least 0.000001 (one millionth); found {found}",
    },
    "check.none_of": {
        "id": "{found} tidak cocok dengan bentuk mana pun yang diterima: {kinds}",
        "en": "{found} fits none of the accepted forms: {kinds}",
    },
    "check.found.list": {"id": "sebuah daftar [...]", "en": "a list [...]"},
    "check.found.object": {"id": "sebuah objek {...}", "en": "an object {...}"},
    "check.found.nothing": {"id": "kosong", "en": "nothing"},
    # the wrong kind of document
    "check.is_result": {
        "id": "berkas ini adalah hasil (disimpan oleh `start` atau `score`), bukan lembar jawaban; tampilkan dengan: asn-assess report {path}",
        "en": "this file is a result (saved by `start` or `score`), not an answer sheet; show it with: asn-assess report {path}",
    },
    "check.is_sheet": {
        "id": "berkas ini adalah lembar jawaban, bukan hasil; beri skor dengan: asn-assess score {path}",
        "en": "this file is an answer sheet, not a result; score it with: asn-assess score {path}",
    },
    "check.is_rating": {
        "id": "berkas ini adalah penilaian atas orang lain (umpan balik 360 derajat); baca bersama penilaian lainnya dengan: asn-assess multirater {path} ...",
        "en": "this file is a rating of someone else (360-degree feedback); read it with the other ratings: asn-assess multirater {path} ...",
    },
    "check.is_norms": {
        "id": "berkas ini adalah norma (dari `asn-assess analyze --norms-out`); gunakan dengan --norms {path}",
        "en": "this file holds norms (from `asn-assess analyze --norms-out`); use it with --norms {path}",
    },
}
