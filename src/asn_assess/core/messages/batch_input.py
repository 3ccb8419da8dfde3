"""What `batch` (and `analyze`, `multirater`) say about the rows they read: quotes that
never close, rows too long, rows a stray quote joined, duplicates set aside, ids that a
spreadsheet mangled, and what a column accepts (``batch.reading``, ``batch.duplicates``,
``batch.identities``, ``cli.batch``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "reading.unclosed_quote": {
        "id": 'tanda kutip (") di baris ini membuka sebuah isian yang tidak pernah ditutup, '
        "sehingga semua baris sesudahnya akan terbaca sebagai isian itu; tutup atau hapus "
        "tanda kutip itu, lalu jalankan lagi",
        "en": 'a quote (") on this line opens a field that never closes, so every line after '
        "it would be read as that one field; close or remove the quote, and run again",
    },
    "reading.row_too_long": {
        "id": "baris terlalu panjang: {size} KiB, batasnya {cap} KiB per baris (semua selnya "
        "bersama); periksa apakah sebuah sel memuat teks yang tertempel tidak sengaja",
        "en": "row too long: {size} KiB, the limit is {cap} KiB per row (all its cells "
        "together); check whether a cell holds text pasted by mistake",
    },
    "reading.folded_rows": {
        "id": 'tanda kutip (") yang tersesat di baris teks {line} menggabungkan {rows} baris '
        "data menjadi satu; perbaiki tanda kutipnya, lalu jalankan lagi",
        "en": 'a stray quote (") on line {line} joined {rows} rows into one; fix the quote, '
        "and run again",
    },
    "reading.swallowed_row": {
        "id": 'tergabung ke baris {row} (baris teks {line}) oleh tanda kutip (") yang tersesat',
        "en": 'joined into row {row} (line {line}) by a stray quote (")',
    },
    "accepts.scale": {
        "id": "{values} atau {labels}{aliases}; untuk tidak berlaku: {not_applicable}",
        "en": "{values} or {labels}{aliases}; for not applicable: {not_applicable}",
    },
    "accepts.options": {
        "id": "huruf pilihan {letters}, atau teks lengkap pilihannya",
        "en": "the option letter {letters}, or the option's full text",
    },
    "accepts.mapping": {
        "id": "; juga label berkas pemetaan: {labels}",
        "en": "; also the mapping file's labels: {labels}",
    },
    "accepts.column": {
        "id": "catatan: {source}: kolom {column!r} ({item}) menerima {accepted} (huruf besar atau kecil sama saja)",
        "en": "note: {source}: column {column!r} ({item}) accepts {accepted} (in any case)",
    },
    "accepts.more_columns": {
        "id": "catatan: {source}: {count} kolom lain juga memuat sel yang bukan jawaban",
        "en": "note: {source}: {count} more column(s) hold cells that are not answers",
    },
    "accepts.n_is_point": {
        "id": "peringatan: {source}: 'n' dibaca sebagai tidak berlaku di kolom lain, tetapi di "
        "{count} kolom ({columns}) skalanya memakai N untuk sebuah titik (Netral), jadi 'n' "
        "di sana dibaca sebagai titik itu; untuk tidak berlaku di kolom tersebut tulis NA",
        "en": "warning: {source}: 'n' is read as not applicable in other columns, but in "
        "{count} column(s) ({columns}) the scale uses N for a point (Netral), so 'n' there "
        "is read as that point; for not applicable in those columns write NA",
    },
    "batch.nothing_scored": {
        "id": "tidak ada baris yang dinilai: {read} baris dibaca, semuanya ditolak atau disisihkan; lihat alasannya di atas",
        "en": "no row was scored: all {read} rows read were rejected or set aside; see the reasons above",
    },
    "id.scientific": {
        "id": "{column}: {text} adalah angka dalam notasi ilmiah: Excel mengubah id menjadi "
        "angka dan digit terakhirnya hilang, sehingga dua orang bisa memakai id yang sama. "
        "Format kolom itu sebagai Teks di Excel dan isi ulang id-nya, atau unduh CSV langsung "
        "dari platform survei tanpa membukanya di Excel",
        "en": "{column}: {text} is a number in scientific notation: Excel turned the id into "
        "a number and its last digits are lost, so two people could share one id. Format "
        "the column as Text in Excel and enter the ids again, or download the CSV straight "
        "from the survey platform without opening it in Excel",
    },
    "id.lost_digits": {
        "id": "{column}: {text} berakhir 000, padahal tidak ada NIP yang demikian: Excel hanya "
        "menyimpan 15 digit sebuah angka, jadi 3 digit terakhir NIP ini hilang. Format kolom "
        "itu sebagai Teks di Excel dan isi ulang NIP-nya, atau unduh CSV langsung dari "
        "platform survei tanpa membukanya di Excel",
        "en": "{column}: {text} ends in 000, which no NIP does: Excel keeps only 15 digits of "
        "a number, so this NIP's last 3 digits are lost. Format the column as Text in Excel "
        "and enter the NIPs again, or download the CSV straight from the survey platform "
        "without opening it in Excel",
    },
    "id.withheld": {
        "id": "id di baris ini (tidak ditampilkan dalam proses berpseudonim)",
        "en": "the id in this row (withheld in a pseudonymised run)",
    },
    "id.lost_zeros": {
        "id": "peringatan: {source}: {count} id di kolom {column!r} lebih pendek dari id "
        "{length} digit yang diawali 0; Excel membuang angka 0 di depan angka. Format kolom "
        "itu sebagai Teks, atau unduh CSV langsung dari platform survei",
        "en": "warning: {source}: {count} id(s) in column {column!r} are shorter than the "
        "{length}-digit ids that start with 0; Excel drops leading zeros from numbers. Format "
        "the column as Text, or download the CSV straight from the survey platform",
    },
    "dup.set_aside_latest": {
        "id": "kiriman ganda; kiriman terbaru orang yang sama yang dinilai ({source}: baris {row})",
        "en": "a duplicate submission; the same person's latest one is scored ({source}: row {row})",
    },
    "dup.set_aside_first": {
        "id": "kiriman ganda; kiriman pertama orang yang sama yang dinilai ({source}: baris {row})",
        "en": "a duplicate submission; the same person's first one is scored ({source}: row {row})",
    },
    "dup.rejected": {
        "id": "id responden yang sama ada di {count} baris ({rows}); dengan --duplicates reject tidak ada yang dinilai: hapus kiriman yang tidak berlaku, lalu jalankan lagi",
        "en": "the same respondent id is in {count} rows ({rows}); with --duplicates reject none is scored: remove the submissions that do not count, and run again",
    },
    "dup.found": {
        "id": "peringatan: {people} orang mengirim lebih dari sekali; {count} kiriman ganda disisihkan ({how}); lihat docs/batch.md#duplicate-submissions",
        "en": "warning: {people} person(s) sent more than once; {count} duplicate submission(s) set aside ({how}); see docs/batch.md#duplicate-submissions",
    },
    "dup.found_rejected": {
        "id": "peringatan: {people} orang mengirim lebih dari sekali; ke-{count} baris mereka ditolak (--duplicates reject)",
        "en": "warning: {people} person(s) sent more than once; all {count} of their rows rejected (--duplicates reject)",
    },
    "dup.how_latest_time": {
        "id": "yang terbaru menurut kolom {columns} dipakai",
        "en": "the latest by the {columns} column is scored",
    },
    "dup.how_latest_order": {
        "id": "yang paling bawah di berkas dipakai",
        "en": "the one furthest down the file is scored",
    },
    "dup.how_first": {
        "id": "yang pertama dipakai",
        "en": "the first is scored",
    },
    "dup.by_name": {
        "id": "peringatan: id responden berupa nama, dan dua orang bisa bernama sama; pakai --id-column dengan kolom NIP atau email bila ada",
        "en": "warning: the respondent ids are names, and two people can share a name; use --id-column with a NIP or e-mail column if there is one",
    },
    "batch.counts_set_aside": {
        "id": ", disisihkan {count}",
        "en": ", set aside {count}",
    },
    "batch.set_aside_row": {"id": "disisihkan: {error}", "en": "set aside: {error}"},
    "help.batch.duplicates": {
        "id": "Orang yang mengirim lebih dari sekali (id responden sama): latest memakai kiriman terbaru (menurut kolom waktu bila ada, selain itu yang paling bawah), first yang pertama, reject menolak semuanya, all menilai semuanya. Yang tidak dinilai disisihkan dan dicatat di --errors.",
        "en": "People who sent more than once (the same respondent id): latest scores the latest submission (by the timestamp column when there is one, else the one furthest down), first the first, reject rejects them all, all scores every row. Those not scored are set aside and recorded in --errors.",
    },
    "batch.bad_duplicates": {
        "id": "--duplicates {value!r}: pilih latest, first, all atau reject",
        "en": "--duplicates {value!r}: choose latest, first, all or reject",
    },
    "batch.keep_names_people": {
        "id": "--keep {column!r}: kolom ini menyebut orang (nama, NIP, email), dan proses berpseudonim tidak membawanya ke berkas mana pun; hapus --keep itu atau --pseudonymize",
        "en": "--keep {column!r}: this column names people (a name, NIP or e-mail), and a pseudonymised run carries it into no file; drop that --keep or --pseudonymize",
    },
    "help.batch.keep": {
        "id": 'Bawa kolom masukan ini ke hasil apa adanya (boleh diulang): di CSV sebagai input.<KOLOM>, di JSONL di bawah "input". Tanpa opsi ini buku kerja .xlsx membawa unit kerja dan jabatan. Nama, NIP dan email hanya bila disebut, dan tidak pernah dengan --pseudonymize.',
        "en": 'Carry this input column into the results as it is (repeatable): in CSV as input.<COLUMN>, in JSONL under "input". Without it an .xlsx workbook carries the work unit and position. A name, NIP or e-mail only when named, and never with --pseudonymize.',
    },
}
