"""Texts of the expert keying panel: `asn-assess bank panel export` and `analyze`, the
rating workbook, the report and its errors.

Column titles of the rating workbook (``panel.column.*``) are read back in either
language, so a workbook made in English is analysed under an Indonesian interface.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the rating workbook ---------------------------------------------------------------
    "panel.sheet.instructions": {"id": "Petunjuk", "en": "Instructions"},
    "panel.sheet.ratings": {"id": "Penilaian", "en": "Ratings"},
    "panel.column.item": {"id": "Butir", "en": "Item"},
    "panel.column.indicator": {"id": "Indikator", "en": "Indicator"},
    "panel.column.situation": {"id": "Situasi", "en": "Situation"},
    "panel.column.option": {"id": "Pilihan", "en": "Option"},
    "panel.column.action": {"id": "Tindakan", "en": "Action"},
    "panel.column.rater": {"id": "Penilai {number}", "en": "Expert {number}"},
    "panel.form.title": {
        "id": "Panel ahli penentuan kunci: {bank} {version}",
        "en": "Expert keying panel: {bank} {version}",
    },
    "panel.form.instructions": {
        "id": "Lembar Penilaian memuat setiap pilihan tindakan dari {items} butir situasi. Setiap baris adalah satu pilihan; situasinya tertulis pada baris pertama butir itu.\n"
        "Siapa yang menilai: 8 sampai 10 orang yang mengenal pekerjaan ASN dari dekat, misalnya pejabat yang membina pegawai, widyaiswara, analis SDM aparatur, dan psikolog industri dan organisasi. Setiap ahli menilai sendiri, tanpa berdiskusi lebih dahulu.\n"
        "Nilailah seberapa tepat setiap tindakan bagi seorang ASN dalam situasi itu: 5 = tindakan terbaik di sini; 4 = tepat; 3 = dapat diterima; 2 = kurang tepat; 1 = jelas keliru di sini.\n"
        "Nilailah setiap pilihan tersendiri: angka yang sama boleh dipakai untuk beberapa pilihan. Kunci bank soal saat ini sengaja tidak ditampilkan.\n"
        "Tulis nama atau kode Anda di judul kolom Anda (baris 1, mulai kolom F), lalu isi kolom itu dengan angka bulat 1 sampai 5. Hapus kolom penilai yang tidak terpakai.\n"
        "Jangan mengubah kolom Butir dan Pilihan. Simpan berkas sebagai .xlsx dan kembalikan kepada koordinator panel.",
        "en": "The Ratings sheet holds every option of {items} situational items. Each row is one option; the situation is written on the item's first row.\n"
        "Who rates: 8 to 10 people who know civil-service work closely, for example officials who develop staff, government trainers (widyaiswara), civil-service HR analysts, and industrial and organisational psychologists. Each expert rates alone, without discussing first.\n"
        "Rate how fitting each action is for a civil servant in that situation: 5 = the best thing to do here; 4 = fitting; 3 = acceptable; 2 = less fitting; 1 = clearly wrong here.\n"
        "Rate each option on its own: the same number may be given to several options. The bank's present key is deliberately not shown.\n"
        "Write your name or code as the title of your column (row 1, from column F on), then fill that column with whole numbers 1 to 5. Delete the expert columns nobody uses.\n"
        "Do not change the Item and Option columns. Save the file as .xlsx and return it to the panel's coordinator.",
    },
    "panel.form.cell_title": {"id": "Nilai 1-5", "en": "Rating 1-5"},
    "panel.form.cell_hint": {
        "id": "5 = terbaik di sini, 4 = tepat, 3 = dapat diterima, 2 = kurang tepat, 1 = jelas keliru.",
        "en": "5 = best here, 4 = fitting, 3 = acceptable, 2 = less fitting, 1 = clearly wrong.",
    },
    "panel.form.cell_error": {
        "id": "Isi dengan angka bulat 1 sampai 5.",
        "en": "Enter a whole number from 1 to 5.",
    },
    # --- reading ratings -------------------------------------------------------------------
    "panel.error.no_file": {"id": "berkas tidak ada", "en": "no such file"},
    "panel.error.unreadable": {
        "id": "tidak dapat dibaca sebagai lembar penilaian ({reason})",
        "en": "cannot be read as a rating sheet ({reason})",
    },
    "panel.error.file_twice": {
        "id": "berkas ini sudah disebut; setiap ahli hanya dihitung sekali",
        "en": "this file was already given; every expert counts once",
    },
    "panel.error.other_bank": {
        "id": "formulir ini dibuat dari {form}, bukan {bank}@{version}; pakai --bank {form}",
        "en": "this form was made from {form}, not {bank}@{version}; use --bank {form}",
    },
    "panel.error.no_header": {
        "id": "tidak ada baris judul dengan kolom butir dan pilihan ({columns}); pakai lembar dari asn-assess bank panel export",
        "en": "no header row with item and option columns ({columns}); use the sheet made by asn-assess bank panel export",
    },
    "panel.error.rater_twice": {
        "id": "penilai '{rater}' sudah ada di {first}; beri setiap ahli nama kolom sendiri",
        "en": "expert '{rater}' already appears at {first}; give every expert a column name of their own",
    },
    "panel.error.untitled_column": {
        "id": "ada nilai di kolom tanpa judul; tulis nama atau kode ahlinya di baris judul",
        "en": "a rating in a column without a title; write the expert's name or code in the header row",
    },
    "panel.error.no_item": {
        "id": "baris ini berisi nilai tetapi tidak menyebut butir dan pilihannya",
        "en": "this row holds ratings but names no item and option",
    },
    "panel.error.unknown_item": {
        "id": "'{item}' bukan butir situasi dalam {bank} {version}",
        "en": "'{item}' is not a situational item of {bank} {version}",
    },
    "panel.error.unknown_option": {
        "id": "butir {item} tidak punya pilihan '{option}' (pilihan: {options})",
        "en": "item {item} has no option '{option}' (options: {options})",
    },
    "panel.error.option_twice": {
        "id": "pilihan {option} butir {item} sudah ada di baris {row}",
        "en": "option {option} of item {item} is already listed in row {row}",
    },
    "panel.error.bad_rating": {
        "id": "'{value}' bukan nilai; isi angka bulat {low} sampai {high}, atau kosongkan",
        "en": "'{value}' is not a rating; enter a whole number {low} to {high}, or leave it empty",
    },
    "panel.error.options_missing": {
        "id": "butir {item} tidak lengkap: baris pilihan {options} tidak ada",
        "en": "item {item} is incomplete: no row for option(s) {options}",
    },
    "panel.error.empty_rater": {
        "id": "kolom penilai '{rater}' tidak berisi satu nilai pun; isi atau hapus kolom itu",
        "en": "expert column '{rater}' holds no rating at all; fill it in or delete the column",
    },
    "panel.error.more_problems": {
        "id": "... dan {count} masalah lain",
        "en": "... and {count} more problems",
    },
    # --- writing keys ----------------------------------------------------------------------
    "panel.error.scores_not_found": {
        "id": "skor pilihan tidak dapat ditemukan dengan pasti di teks bank ({found} kunci score untuk {options} pilihan); tidak ada yang ditulis",
        "en": "the option scores cannot be located exactly in the bank's text ({found} score keys for {options} options); nothing was written",
    },
    "panel.error.keys_unknown": {
        "id": "usulan untuk butir {item} tidak cocok dengan bank; tidak ada yang ditulis",
        "en": "the proposal for item {item} does not fit the bank; nothing was written",
    },
    "panel.error.rekeyed_invalid": {
        "id": "bank dengan kunci baru tidak sah ({reason}); tidak ada yang ditulis",
        "en": "the re-keyed bank is not valid ({reason}); nothing was written",
    },
    # --- the command -----------------------------------------------------------------------
    "panel.error.output_needed": {
        "id": "sebutkan berkas yang ditulis: -o panel.xlsx",
        "en": "name the file to write: -o panel.xlsx",
    },
    "panel.error.raters": {
        "id": "--raters: {value} di luar 1 sampai {most}",
        "en": "--raters: {value} is outside 1 to {most}",
    },
    "panel.error.no_situational": {
        "id": "bank {bank} {version} tidak punya butir situasi; tidak ada yang dapat dinilai panel",
        "en": "bank {bank} {version} has no situational items; there is nothing for a panel to rate",
    },
    "panel.error.keys_suffix": {
        "id": "--write-keys: {path} harus berakhiran .toml",
        "en": "--write-keys: {path} must end in .toml",
    },
    "panel.error.output_exists": {
        "id": "{path} sudah ada; tambahkan --force untuk menggantinya",
        "en": "{path} already exists; add --force to replace it",
    },
    "panel.wrote_form": {
        "id": "menulis {path}: {options} pilihan dari {items} butir situasi ({bank} {version}), {raters} kolom penilai. Setelah diisi: asn-assess bank panel analyze {path}",
        "en": "wrote {path}: {options} options of {items} situational items ({bank} {version}), {raters} expert columns. Once filled in: asn-assess bank panel analyze {path}",
    },
    "panel.read": {
        "id": "dibaca: {files} berkas, {raters} ahli, {ratings} nilai untuk {items} butir",
        "en": "read: {files} file(s), {raters} expert(s), {ratings} ratings of {items} items",
    },
    "panel.wrote_keys": {
        "id": "menulis {path}: {options} pilihan dari {items} butir mendapat skor usulan panel. Naikkan version sebelum bank dipakai, dan periksa: asn-assess bank diff {bank} {path}",
        "en": "wrote {path}: {options} options of {items} items take the panel's proposed score. Raise version before the bank is used, and check: asn-assess bank diff {bank} {path}",
    },
    "panel.keys_left": {
        "id": "tanpa usulan lengkap, kuncinya tidak diubah: {items}",
        "en": "no complete proposal, key left as it was: {items}",
    },
    # --- the report ------------------------------------------------------------------------
    "panel.report.title": {
        "id": "Panel ahli penentuan kunci: {bank} {version}",
        "en": "Expert keying panel: {bank} {version}",
    },
    "panel.report.counts": {
        "id": "{raters} ahli memberi {ratings} nilai untuk {items} butir situasi.",
        "en": "{raters} experts gave {ratings} ratings to {items} situational items.",
    },
    "panel.report.small_panel": {
        "id": "Panel ini lebih kecil daripada 8 sampai 10 ahli yang disarankan; anggap usulannya sementara.",
        "en": "This panel is smaller than the 8 to 10 experts recommended; treat its proposals as provisional.",
    },
    "panel.report.agreement": {
        "id": "Kesepakatan: r_wg (James, Demaree & Wolf, 1984) = 1 - varians nilai / 2, varians bila kelima angka dipilih acak. Panel sepakat tentang sebuah pilihan bila r_wg ≥ {cutoff}.",
        "en": "Agreement: r_wg (James, Demaree & Wolf, 1984) = 1 - variance of the ratings / 2, the variance of ratings given at random over the five points. The panel agrees on an option when r_wg ≥ {cutoff}.",
    },
    "panel.report.disputed": {
        "id": "Butir yang perlu dibahas ({count})",
        "en": "Items to discuss ({count})",
    },
    "panel.report.none_disputed": {
        "id": "Panel sepakat tentang setiap pilihan, dan pilihan terbaik serta terburuknya sama dengan kunci bank.",
        "en": "The panel agrees on every option, and its best and worst options are the bank's.",
    },
    "panel.report.items": {"id": "Terbaik dan terburuk per butir", "en": "Best and worst per item"},
    "panel.report.options": {"id": "Setiap pilihan", "en": "Every option"},
    "panel.report.not_rated": {
        "id": "Butir situasi yang belum dinilai ({count})",
        "en": "Situational items not rated ({count})",
    },
    "panel.report.column.bank_best": {"id": "Terbaik (bank)", "en": "Best (bank)"},
    "panel.report.column.panel_best": {"id": "Terbaik (panel)", "en": "Best (panel)"},
    "panel.report.column.bank_worst": {"id": "Terburuk (bank)", "en": "Worst (bank)"},
    "panel.report.column.panel_worst": {"id": "Terburuk (panel)", "en": "Worst (panel)"},
    "panel.report.column.discuss": {"id": "Dibahas", "en": "Discuss"},
    "panel.report.column.n": {"id": "n", "en": "n"},
    "panel.report.column.mean": {"id": "Rerata", "en": "Mean"},
    "panel.report.column.sd": {"id": "SD", "en": "SD"},
    "panel.report.column.rwg": {"id": "r_wg", "en": "r_wg"},
    "panel.report.column.bank_score": {"id": "Kunci bank", "en": "Bank key"},
    "panel.report.column.proposed": {"id": "Usulan", "en": "Proposed"},
    "panel.report.yes": {"id": "ya", "en": "yes"},
    "panel.reason.low-agreement": {
        "id": "kesepakatan rendah (r_wg < {cutoff}) untuk pilihan {options}",
        "en": "low agreement (r_wg < {cutoff}) on option(s) {options}",
    },
    "panel.reason.best-differs": {
        "id": "pilihan terbaik menurut panel ({panel}) bukan kunci bank ({bank})",
        "en": "the panel's best option ({panel}) is not the bank's key ({bank})",
    },
    "panel.reason.worst-differs": {
        "id": "pilihan terburuk menurut panel ({panel}) bukan yang terburuk di bank ({bank})",
        "en": "the panel's worst option ({panel}) is not the bank's worst ({bank})",
    },
    "panel.reason.tied-best": {
        "id": "dua pilihan atau lebih sama-sama terbaik menurut rerata",
        "en": "two or more options share the best mean",
    },
    "panel.reason.tied-worst": {
        "id": "dua pilihan atau lebih sama-sama terburuk menurut rerata",
        "en": "two or more options share the worst mean",
    },
    "panel.reason.too-few-ratings": {
        "id": "ada pilihan dengan kurang dari 2 nilai, sehingga kesepakatan tidak dapat diukur",
        "en": "an option has fewer than 2 ratings, so agreement cannot be measured",
    },
    # --- help ------------------------------------------------------------------------------
    "help.panel_group": {
        "id": "Panel ahli penentuan kunci butir situasi: buat lembar penilaian, lalu olah nilai para ahli menjadi kunci.\n\nContoh: asn-assess bank panel export -o panel.xlsx",
        "en": "The expert keying panel for situational items: write the rating form, then turn the experts' ratings into keys.\n\nExample: asn-assess bank panel export -o panel.xlsx",
    },
    "help.panel_group.short": {
        "id": "Panel ahli: kunci butir situasi dari penilaian para ahli.",
        "en": "Expert panel: keys of situational items from experts' ratings.",
    },
    "help.panel_export": {
        "id": "Tulis lembar penilaian (.xlsx) berisi setiap pilihan setiap butir situasi, untuk dinilai 1-5 oleh 8-10 ahli, dengan petunjuknya. Teks dalam bahasa antarmuka.\n\nContoh: asn-assess bank panel export -o panel.xlsx",
        "en": "Write the rating form (.xlsx): every option of every situational item, to be rated 1-5 by 8-10 experts, with instructions. Texts in the interface language.\n\nExample: asn-assess bank panel export -o panel.xlsx",
    },
    "help.panel_export.short": {
        "id": "Tulis lembar penilaian panel ahli.",
        "en": "Write the expert panel's rating form.",
    },
    "help.panel_export.raters": {
        "id": "Jumlah kolom penilai (1-50). 1: satu berkas per ahli. Bawaan: 10.",
        "en": "Number of expert columns (1-50). 1: one file per expert. Default: 10.",
    },
    "help.panel_export.output": {
        "id": "Berkas .xlsx yang ditulis.",
        "en": "The .xlsx file to write.",
    },
    "help.panel.force": {"id": "Ganti berkas yang sudah ada.", "en": "Replace an existing file."},
    "help.panel.lang": {
        "id": "Bahasa lembar, laporan dan pesan: id atau en. Bawaan: bahasa antarmuka.",
        "en": "Language of the form, the report and the messages: id or en. Default: the interface language.",
    },
    "help.panel_analyze": {
        "id": "Olah lembar penilaian yang sudah diisi: per pilihan rerata, SD dan kesepakatan (r_wg), usulan pilihan terbaik dan terburuk per butir, dan butir yang perlu dibahas. Dengan --write-keys, skor usulan ditulis ke salinan bank.\n\nContoh: asn-assess bank panel analyze panel-*.xlsx --write-keys bank-baru.toml",
        "en": "Analyse filled rating forms: per option the mean, SD and agreement (r_wg), the proposed best and worst option per item, and the items to discuss. With --write-keys, the proposed scores are written into a copy of the bank.\n\nExample: asn-assess bank panel analyze panel-*.xlsx --write-keys new-bank.toml",
    },
    "help.panel_analyze.short": {
        "id": "Olah nilai panel ahli menjadi usulan kunci.",
        "en": "Turn the expert panel's ratings into proposed keys.",
    },
    "help.panel_analyze.files": {
        "id": "Lembar penilaian yang diisi (.xlsx atau .csv); satu atau beberapa.",
        "en": "Filled rating forms (.xlsx or .csv); one or more.",
    },
    "help.panel_analyze.format": {
        "id": "Format laporan. Bawaan: dari akhiran --output, selain itu rich.",
        "en": "Report format. Default: from --output's suffix, else rich.",
    },
    "help.panel_analyze.output": {
        "id": "Tulis laporan ke sini, bukan ke stdout.",
        "en": "Write the report here instead of stdout.",
    },
    "help.panel_analyze.write_keys": {
        "id": "Tulis salinan bank dengan skor pilihan usulan panel ke berkas .toml ini (komentar dan tata letak tetap).",
        "en": "Write a copy of the bank with the panel's proposed option scores to this .toml file (comments and layout kept).",
    },
}
