"""Texts about files, signals, hostile input, privacy and concurrency (docs/reliability.md)."""

MESSAGES: dict[str, dict[str, str]] = {
    # writing outputs (core.files)
    "output.cannot_write": {
        "id": "tidak dapat ditulis ({reason})",
        "en": "cannot write ({reason})",
    },
    "output.cannot_write_kept": {
        "id": "tidak dapat ditulis ({reason}); tidak ada berkas yang diganti",
        "en": "cannot write ({reason}); nothing was replaced",
    },
    "output.is_folder": {
        "id": "adalah folder, bukan berkas; sebutkan nama berkas",
        "en": "is a folder, not a file; name a file",
    },
    "output.is_device": {
        "id": "adalah disk atau soket, bukan berkas; asn-assess tidak menulis ke sana",
        "en": "is a disk or a socket, not a file; asn-assess does not write there",
    },
    "output.same_file": {
        "id": "{option} adalah berkas yang sama dengan {role} {other}; menulisnya akan merusak berkas itu. Pilih nama lain",
        "en": "{option} is the same file as {role} {other}; writing it would destroy that file. Choose another name",
    },
    "output.exists": {
        "id": "sudah ada; tambahkan --force untuk menggantinya",
        "en": "already exists; pass --force to replace it",
    },
    # signals (cli)
    "signal.batch_stopped": {
        "id": "dihentikan ({signal}): tidak ada berkas keluaran yang ditulis; berkas lama tetap utuh",
        "en": "stopped ({signal}): no output written; old files are unchanged",
    },
    "signal.batch_stopped_stdout": {
        "id": "dihentikan ({signal}): hasil di keluaran standar tidak lengkap; tidak ada berkas yang ditulis",
        "en": "stopped ({signal}): the results on standard output are incomplete; no file was written",
    },
    "signal.batch_stopped_after": {
        "id": "dihentikan ({signal}) setelah semua berkas keluaran ditulis",
        "en": "stopped ({signal}) after every output was written",
    },
    # reading inputs (batch.inputs, batch.reading, core.documents)
    "input.unknown_encoding": {
        "id": "{name!r} bukan nama pengodean yang dikenal (contoh: utf-8, cp1252, utf-16)",
        "en": "{name!r} is not a known encoding (for example utf-8, cp1252, utf-16)",
    },
    "input.not_utf8": {
        "id": 'bukan teks UTF-8 (bita 0x{byte}); tampaknya {guess} (Excel di Windows menyimpan CSV sebagai cp1252): baca dengan --encoding {guess}, atau simpan sebagai "CSV UTF-8"',
        "en": 'not UTF-8 text (byte 0x{byte}); it looks like {guess} (Excel on Windows saves CSV as cp1252): read it with --encoding {guess}, or save it as "CSV UTF-8"',
    },
    "input.not_encoding": {
        "id": "bukan teks {encoding} (bita 0x{byte}); periksa --encoding",
        "en": "not {encoding} text (byte 0x{byte}); check --encoding",
    },
    "input.line_not_text": {
        "id": "baris ini bukan teks {encoding} (bita 0x{byte})",
        "en": "this line is not {encoding} text (byte 0x{byte})",
    },
    "input.header_too_long": {
        "id": "baris judul kolom lebih panjang dari {size} MiB (tanda kutip yang tidak ditutup?); ini bukan tabel yang dapat dibaca",
        "en": "the header is longer than {size} MiB (a quote never closed?); this is no table that can be read",
    },
    "json.not_a_number": {
        "id": "{value} bukan angka yang diizinkan (NaN, Infinity dan angka di luar jangkauan ditolak)",
        "en": "{value} is not an allowed number (NaN, Infinity and numbers out of range are refused)",
    },
    "json.too_deep": {
        "id": "JSON bersarang terlalu dalam untuk dibaca",
        "en": "the JSON is nested too deeply to be read",
    },
    "json.too_long": {
        "id": "ada bilangan bulat dengan lebih dari 4.300 angka",
        "en": "an integer has more than 4,300 digits",
    },
    "toml.too_deep": {
        "id": "TOML bersarang terlalu dalam untuk dibaca",
        "en": "the TOML is nested too deeply to be read",
    },
    "toml.bad_value": {
        "id": "nilai yang tidak dapat dibaca: {reason}",
        "en": "a value that cannot be read: {reason}",
    },
    "result.part_pillar": {"id": "pilar", "en": "pillar"},
    "result.part_indicator": {"id": "indikator", "en": "indicator"},
    "result.part_value": {"id": "nilai dasar", "en": "core value"},
    "result.unknown_part": {
        "id": "tidak ada {kind} {id!r} di bank {bank!r}; hasil ini bukan untuk bank ini",
        "en": "bank {bank!r} has no {kind} {id!r}; the result is not for this bank",
    },
    # privacy (batch)
    "privacy.key_readable": {
        "id": "peringatan: {path}: berkas kunci dapat dibaca pengguna lain di komputer ini (mode {mode}); siapa pun yang memegangnya dapat menguji tebakan NIP terhadap pseudonim. Jadikan pribadi: chmod 600 {path}",
        "en": "warning: {path}: other users of this computer can read the key file (mode {mode}); whoever holds it can test a guessed NIP against a pseudonym. Make it private: chmod 600 {path}",
    },
    "privacy.withheld": {
        "id": "tidak sah (isinya tidak ditampilkan dalam proses berpseudonim)",
        "en": "not valid (its content is withheld in a pseudonymised run)",
    },
    "privacy.cell_withheld": {
        "id": "{item}: isi sel bukan jawaban untuk butir ini (kolom {column!r}; isinya tidak ditampilkan dalam proses berpseudonim)",
        "en": "{item}: the cell is not an answer to this item (column {column!r}; its text is withheld in a pseudonymised run)",
    },
    "privacy.unknown_item_withheld": {
        "id": "jawaban untuk butir yang tidak ada di bank (nama butir tidak ditampilkan dalam proses berpseudonim)",
        "en": "an answer to an item the bank does not have (its name is withheld in a pseudonymised run)",
    },
    # sessions (store, interactive)
    "session.busy": {
        "id": "sesi asn-assess lain (proses {pid}) sedang memakai folder data ini. Selesaikan atau hentikan sesi itu di tempatnya (ketik q), lalu mulai lagi; atau pakai folder lain dengan --data-dir",
        "en": "another asn-assess session (process {pid}) is using this data folder now. Finish it or quit it where it runs (type q), then start again; or use another folder with --data-dir",
    },
    "resume.damaged": {
        "id": "Sesi yang tersimpan tidak dapat dibaca ({reason}); berkasnya disimpan sebagai {path} dan sesi baru dimulai.",
        "en": "The saved session could not be read ({reason}); the file was kept as {path} and a new session starts.",
    },
    # batch warnings and counts (cli.batch)
    "batch.counts": {
        "id": "dibaca {read}, dinilai {scored} (tidak lengkap {incomplete}), ditolak {rejected}",
        "en": "read {read}, scored {scored} (incomplete {incomplete}), rejected {rejected}",
    },
    "batch.incomplete": {
        "id": "peringatan: {count} baris yang dinilai terlalu sedikit jawabannya untuk skor keseluruhan (overall_score kosong); lihat docs/scoring.md",
        "en": "warning: {count} scored row(s) have too few answers for an overall score (overall_score is empty); see docs/scoring.md",
    },
    "batch.suspect_field": {
        "id": 'peringatan: {source}: baris {line}: sebuah isian berkutip membentang {lines} baris dan memuat yang tampak seperti baris data; tanda kutip (") yang tersesat mungkin menggabungkannya menjadi satu jawaban',
        "en": 'warning: {source}: line {line}: a quoted field runs over {lines} lines and holds what look like rows; a stray quote (") may have joined them into one answer',
    },
    "batch.suspect_fields": {
        "id": "peringatan: {source}: {count} isian berkutip seperti itu; periksa baris yang disebut di berkas",
        "en": "warning: {source}: {count} quoted field(s) like this; check the lines named in the file",
    },
}
