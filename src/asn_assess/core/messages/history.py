"""Texts of the history: its commands, comparisons and warnings."""

MESSAGES: dict[str, dict[str, str]] = {
    # warnings and errors
    "history.locked": {
        "id": "basis data riwayat sedang dikunci oleh program lain; coba lagi sebentar lagi",
        "en": "the history database is locked by another program; try again in a moment",
    },
    "history.damaged": {
        "id": "basis data riwayat rusak ({reason}); pindahkan berkas ini ke tempat lain dan jalankan perintah lagi: riwayat dibangun ulang dari berkas hasil di results/",
        "en": "the history database is damaged ({reason}); move this file elsewhere and run the command again: the history is rebuilt from the result files in results/",
    },
    "history.disk_full": {
        "id": "disk penuh: riwayat tidak dapat ditulis ({reason}). Riwayat tidak rusak: kosongkan ruang disk, lalu jalankan perintah lagi",
        "en": "the disk is full: the history cannot be written ({reason}). The history is not damaged: free some disk space, then run the command again",
    },
    "history.read_only": {
        "id": "riwayat tidak dapat ditulis karena folder data hanya-baca atau bukan milik Anda ({reason}). Riwayat tidak rusak: izinkan menulis di {folder}, atau pilih folder lain dengan --data-dir atau ASN_ASSESS_HOME",
        "en": "the history cannot be written: the data folder is read-only or not yours ({reason}). The history is not damaged: allow writing in {folder}, or choose another folder with --data-dir or ASN_ASSESS_HOME",
    },
    "history.disk_error": {
        "id": "disk gagal membaca atau menulis riwayat ({reason}); periksa disk atau media penyimpanan, lalu jalankan perintah lagi",
        "en": "the disk failed to read or write the history ({reason}); check the disk or storage medium, then run the command again",
    },
    "history.same_session": {
        "id": "berkas ini salinan hasil {id} (sesi yang sama) dan tidak dimasukkan dua kali",
        "en": "this file is a copy of result {id} (the same session) and is not added twice",
    },
    "history.unusable": {
        "id": "basis data riwayat tidak dapat dipakai ({reason})",
        "en": "the history database cannot be used ({reason})",
    },
    "history.newer": {
        "id": "basis data riwayat dibuat oleh versi asn-assess yang lebih baru (versi tata letak {version}); perbarui asn-assess",
        "en": "the history database was made by a newer asn-assess (layout version {version}); update asn-assess",
    },
    "history.not_recorded": {
        "id": "peringatan: {problem}. Hasil tetap tersimpan di {path} dan akan masuk riwayat saat riwayat dibuka lagi.",
        "en": "warning: {problem}. The result is still saved in {path} and joins the history the next time it is opened.",
    },
    "history.skipped": {
        "id": "peringatan: {problem} (berkas ini tidak dimasukkan ke riwayat)",
        "en": "warning: {problem} (this file was not added to the history)",
    },
    "history.empty": {
        "id": "Riwayat masih kosong. Ikuti penilaian dengan: asn-assess start",
        "en": "The history is empty. Take the assessment with: asn-assess start",
    },
    "history.no_entry": {
        "id": "tidak ada hasil bernomor {id} di riwayat; lihat nomornya dengan: asn-assess history list",
        "en": "there is no result {id} in the history; see the ids with: asn-assess history list",
    },
    "history.bad_id": {
        "id": "{value!r} bukan nomor hasil; gunakan nomor dari `asn-assess history list` atau last",
        "en": "{value!r} is not a result id; use an id from `asn-assess history list` or last",
    },
    "history.need_two": {
        "id": "perlu dua hasil dari bank {bank} milik responden yang sama untuk dibandingkan; riwayat baru memiliki {count} milik {who}",
        "en": "two results of bank {bank} of the same respondent are needed for a comparison; the history has {count} of {who}",
    },
    "history.other_respondent": {
        "id": "hasil {first} ({first_who}) dan hasil {second} ({second_who}) milik responden yang berbeda: hasil seseorang tidak dibandingkan dengan hasil orang lain. Lihat milik siapa setiap hasil dengan: asn-assess history list",
        "en": "result {first} ({first_who}) and result {second} ({second_who}) belong to different respondents: one person's result is never compared with another's. See whose each result is with: asn-assess history list",
    },
    "history.unknown_respondent": {
        "id": "hasil {first} ({first_who}) dan hasil {second} ({second_who}) tidak dibandingkan: hasil yang respondennya tidak tercatat (disimpan versi lama tanpa profil) tidak dibandingkan dengan hasil siapa pun",
        "en": "result {first} ({first_who}) and result {second} ({second_who}) are not compared: a result whose respondent was not recorded (kept by an older version, without a profile) is compared with no one's",
    },
    "history.latest_unknown": {
        "id": "hasil terbaru ({id}) tidak mencatat respondennya (disimpan versi lama tanpa profil) dan tidak dibandingkan dengan hasil siapa pun; pilih dua hasil milik satu orang: asn-assess history compare A B",
        "en": "the latest result ({id}) does not record its respondent (kept by an older version, without a profile) and is compared with no one's; choose two results of one person: asn-assess history compare A B",
    },
    "history.none_of": {
        "id": "Tidak ada hasil milik {respondent} di riwayat. Lihat semua hasil dengan: asn-assess history list",
        "en": "There is no result of {respondent} in the history. See every result with: asn-assess history list",
    },
    "history.other_bank": {
        "id": "hasil {first} ({first_bank}) dan {second} ({second_bank}) berasal dari bank yang berbeda dan tidak dapat dibandingkan",
        "en": "results {first} ({first_bank}) and {second} ({second_bank}) are of different banks and cannot be compared",
    },
    "history.no_bank": {
        "id": "bank {bank} versi {version} tidak tersedia; berikan berkas bank itu dengan --bank",
        "en": "bank {bank} version {version} is not at hand; pass that bank's file with --bank",
    },
    # list
    "history.no_name": {"id": "tanpa nama", "en": "no name"},
    "history.not_known": {"id": "tidak tercatat", "en": "not recorded"},
    "history.col_respondent": {"id": "Responden", "en": "Respondent"},
    "history.col_id": {"id": "No.", "en": "ID"},
    "history.col_date": {"id": "Tanggal", "en": "Date"},
    "history.col_bank": {"id": "Bank", "en": "Bank"},
    "history.col_version": {"id": "Versi", "en": "Version"},
    "history.col_overall": {"id": "Skor", "en": "Score"},
    "history.col_band": {"id": "Kategori", "en": "Band"},
    # delete
    "history.confirm_one": {
        "id": "Hapus hasil {id} ({date}) dari riwayat beserta berkasnya? [y/T] ",
        "en": "Delete result {id} ({date}) from the history, with its files? [y/N] ",
    },
    "history.confirm_all": {
        "id": "Hapus SEMUA {count} hasil dari riwayat beserta berkasnya? [y/T] ",
        "en": "Delete ALL {count} results from the history, with their files? [y/N] ",
    },
    "history.yes": {"id": "y,ya,iya", "en": "y,yes"},
    "history.kept": {"id": "Tidak ada yang dihapus.", "en": "Nothing was deleted."},
    "history.deleted": {
        "id": "Dihapus: {count} hasil, {files} berkas.",
        "en": "Deleted: {count} results, {files} files.",
    },
    "history.no_terminal": {
        "id": "tidak ada terminal untuk konfirmasi; tambahkan --yes untuk menghapus tanpa bertanya",
        "en": "no terminal to confirm at; add --yes to delete without asking",
    },
    # compare
    "compare.title": {
        "id": "Perbandingan: hasil {before} ({before_date}) -> hasil {after} ({after_date})",
        "en": "Comparison: result {before} ({before_date}) -> result {after} ({after_date})",
    },
    "compare.versions": {
        "id": "Versi bank: {before} -> {after}",
        "en": "Bank version: {before} -> {after}",
    },
    "compare.level": {"id": "Bagian", "en": "Part"},
    "compare.before": {"id": "Sebelum", "en": "Before"},
    "compare.after": {"id": "Sesudah", "en": "After"},
    "compare.change": {"id": "Perubahan", "en": "Change"},
    "compare.apart": {
        "id": "Tidak dibandingkan (berubah atau hanya ada di satu versi bank):",
        "en": "Not compared (changed, or in one bank version only):",
    },
    "compare.only_before": {"id": "hanya di versi {version}", "en": "only in version {version}"},
    "compare.only_after": {"id": "hanya di versi {version}", "en": "only in version {version}"},
    "compare.changed": {
        "id": "pertanyaan atau bobotnya berubah antarversi",
        "en": "its questions or weights changed between versions",
    },
    "compare.pillar_apart": {
        "id": "sebagian indikatornya tidak dapat dibandingkan",
        "en": "some of its indicators do not compare",
    },
    "compare.roles": {
        "id": "Catatan: peran berbeda ({before} -> {after}); pertanyaan yang diajukan tidak sama.",
        "en": "Note: the roles differ ({before} -> {after}); not the same questions were asked.",
    },
    "compare.no_role": {"id": "semua pertanyaan", "en": "every question"},
    "compare.since": {
        "id": "Perubahan sejak hasil sebelumnya ({date})",
        "en": "Change since the previous result ({date})",
    },
    "history.cannot_remove": {
        "id": "tidak dapat dihapus ({reason})",
        "en": "cannot be removed ({reason})",
    },
    "compare.reliable": {"id": "Perubahan nyata?", "en": "Real change?"},
    "compare.real": {
        "id": "ya, lebih dari ±{limit}",
        "en": "yes, beyond ±{limit}",
    },
    "compare.within_error": {
        "id": "dalam galat ukur (±{limit})",
        "en": "within measurement error (±{limit})",
    },
    "compare.reliable_note": {
        "id": "{real} dari {total} perubahan lebih besar daripada galat ukur (indeks perubahan andal Jacobson & Truax: lebih dari 1,96 × √2 × galat baku pengukuran dari norma {norm}); perubahan lain bisa saja hanya galat, bukan perubahan perilaku.",
        "en": "{real} of {total} changes are larger than measurement error (Jacobson & Truax's reliable change index: beyond 1.96 × √2 × the standard error of measurement from the norm {norm}); the others may be error alone, not a change in behaviour.",
    },
}
