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
}
