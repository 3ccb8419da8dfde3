"""Batch outputs: the Excel workbook, rounded scores, band labels, the codebook and
row-based ids (``batch.workbook``, ``cli.batch``, ``cli.codebook``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "out.sheet.results": {"id": "Hasil", "en": "Results"},
    "out.sheet.rejected": {"id": "Ditolak", "en": "Rejected"},
    "out.sheet.summary": {"id": "Ringkasan", "en": "Summary"},
    "out.xlsx_terminal": {
        "id": "--format xlsx menulis berkas biner Excel, bukan teks untuk layar: "
        "tulis ke berkas dengan -o HASIL.xlsx (atau alirkan ke program lain)",
        "en": "--format xlsx writes a binary Excel file, not text for the screen: "
        "write it to a file with -o RESULTS.xlsx (or pipe it to a program)",
    },
    "out.xlsx_too_many_rows": {
        "id": "satu lembar Excel memuat paling banyak {rows} baris; untuk sebanyak ini "
        "tulis CSV (-o HASIL.csv)",
        "en": "an Excel sheet holds at most {rows} rows; for this many write CSV (-o RESULTS.csv)",
    },
    "out.help.decimals": {
        "id": "Bulatkan skor menjadi N angka di belakang koma (bawaan: tanpa pembulatan).",
        "en": "Round scores to N decimal places (default: not rounded).",
    },
    "out.help.band_labels": {
        "id": "CSV: tambahkan kolom <kolom band>_label dengan nama band dalam bahasa "
        "antarmuka di samping setiap kolom band (xlsx selalu memuatnya).",
        "en": "CSV: add a <band column>_label column with the band's name in the "
        "interface language beside each band column (xlsx always has them).",
    },
    "out.help.codebook": {
        "id": "Buku kode CSV: setiap butir dengan indikator, pilar, teks pertanyaan dalam "
        "dua bahasa, skala dan arah penilaiannya, untuk membaca kolom hasil batch."
        "\n\nContoh: asn-assess codebook -o buku-kode.csv",
        "en": "A CSV codebook: every item with its indicator, pillar, question text in "
        "both languages, scale and keying, to read batch's columns by."
        "\n\nExample: asn-assess codebook -o codebook.csv",
    },
    "out.help.codebook.short": {
        "id": "Buku kode butir: arti setiap kolom batch, dua bahasa.",
        "en": "The items' codebook: what each batch column means.",
    },
    "out.help.codebook_output": {
        "id": "Tulis buku kode ke berkas ini (atomik) alih-alih stdout (-).",
        "en": "Write the codebook here (atomically) instead of stdout (-).",
    },
    "out.codebook_written": {
        "id": "buku kode ditulis ke {path}: {count} butir dari {bank} {version}",
        "en": "wrote the codebook to {path}: {count} items of {bank} {version}",
    },
}
