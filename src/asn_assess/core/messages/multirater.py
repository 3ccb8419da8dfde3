"""Texts of 360-degree feedback: `asn-assess multirater`, its reports, and rating
someone else with `asn-assess start --about NAME --as GROUP`."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the report ------------------------------------------------------------------------
    "mr.title": {"id": "Umpan balik 360 derajat", "en": "360-degree feedback"},
    "mr.target": {"id": "Yang dinilai", "en": "Person rated"},
    "mr.own": {"id": "Diri sendiri", "en": "Self"},
    "mr.others": {"id": "Penilai lain", "en": "Others"},
    "mr.gap": {"id": "Selisih", "en": "Gap"},
    "mr.agreement": {"id": "Kesepakatan (rwg)", "en": "Agreement (rwg)"},
    "mr.window": {"id": "Jendela Johari", "en": "Johari window"},
    "mr.raters": {"id": "Penilai", "en": "Raters"},
    "mr.views": {"id": "Pandangan per indikator", "en": "Views per indicator"},
    "mr.low": {"id": "rendah", "en": "low"},
    "mr.n": {"id": "n={n}", "en": "n={n}"},
    "mr.notes": {"id": "Cara membaca", "en": "How to read it"},
    "mr.chart": {
        "id": "Skor 0-100 per indikator: diri sendiri dan setiap kelompok penilai",
        "en": "Scores 0-100 per indicator: self and each rater group",
    },
    "mr.empty_pane": {"id": "(tidak ada)", "en": "(none)"},
    "mr.johari.blind-spot": {"id": "Titik buta", "en": "Blind spot"},
    "mr.johari.agreed-development": {
        "id": "Area pengembangan yang disepakati",
        "en": "Agreed development area",
    },
    "mr.johari.hidden-strength": {"id": "Kekuatan tersembunyi", "en": "Hidden strength"},
    "mr.johari.agreed-strength": {"id": "Kekuatan yang disepakati", "en": "Agreed strength"},
    "mr.cell.pooled": {"id": "digabung", "en": "pooled"},
    "mr.cell.withheld": {"id": "ditahan", "en": "withheld"},
    "mr.raters.own": {
        "id": "Penilaian diri sendiri: ada.",
        "en": "Own assessment: present.",
    },
    "mr.raters.no_own": {
        "id": "Tidak ada penilaian diri sendiri: selisih dan jendela Johari tidak dapat dihitung.",
        "en": "No own assessment: the gap and the Johari window cannot be worked out.",
    },
    "mr.raters.none": {"id": "{label}: tidak ada penilai.", "en": "{label}: no raters."},
    "mr.raters.shown": {"id": "{label}: {n} penilai.", "en": "{label}: {n} raters."},
    "mr.raters.named": {
        "id": "{label}: {n} penilai, ditampilkan tersendiri karena bank menandai kelompok ini tidak anonim.",
        "en": "{label}: {n} rater(s), shown on its own because the bank marks this group as not anonymous.",
    },
    "mr.raters.pooled": {
        "id": '{label}: {n} penilai, kurang dari {k}: hanya dihitung bersama "penilai lain", tidak ditampilkan tersendiri.',
        "en": '{label}: {n} rater(s), fewer than {k}: counted in "others" only, never shown on its own.',
    },
    "mr.raters.withheld": {
        "id": "{label}: {n} penilai, kurang dari {k}: tidak dihitung dalam angka mana pun, agar tidak seorang pun dapat dikenali.",
        "en": "{label}: {n} rater(s), fewer than {k}: left out of every number, so that no one can be recognised.",
    },
    "mr.note.anonymity": {
        "id": 'Kerahasiaan: kelompok penilai anonim dengan kurang dari {k} penilai pada suatu indikator tidak pernah ditampilkan tersendiri; jawabannya digabung ke "penilai lain" bila gabungannya sedikitnya {k} orang, selain itu tidak dihitung. Tidak ada jawaban perorangan yang ditampilkan.',
        "en": 'Anonymity: an anonymous rater group with fewer than {k} raters on an indicator is never shown on its own; its answers are pooled into "others" when the pooled raters are at least {k}, else left out. No individual answers are shown.',
    },
    "mr.note.named": {
        "id": "{label} ditampilkan tersendiri, walau hanya satu orang: bank menandai kelompok ini tidak anonim.",
        "en": "{label} is shown on its own, even as one person: the bank marks this group as not anonymous.",
    },
    "mr.note.johari": {
        "id": "Jendela Johari: titik buta bila skor diri sendiri sedikitnya {gap} poin di atas rata-rata penilai lain; area pengembangan yang disepakati bila rata-rata penilai lain di bawah ambang {threshold}; kekuatan tersembunyi bila skor diri sendiri sedikitnya {gap} poin di bawah rata-rata penilai lain yang mencapai ambang; selain itu kekuatan yang disepakati.",
        "en": "Johari window: a blind spot when your own score is at least {gap} points above the others' mean; an agreed development area when the others' mean is below the threshold {threshold}; a hidden strength when your own score is at least {gap} points below an others' mean at or above the threshold; otherwise an agreed strength.",
    },
    "mr.note.agreement": {
        "id": "Kesepakatan rwg(j) berkisar dari 0 (tidak lebih sepakat daripada jawaban acak) sampai 1 (semua penilai lain menjawab sama); di bawah {floor}, ditandai !, pandangan mereka berbeda-beda sehingga rata-ratanya kurang mewakili.",
        "en": "Agreement rwg(j) runs from 0 (no more agreement than random answers) to 1 (every other rater answered alike); below {floor}, marked !, their views differ and the mean speaks for them less well.",
    },
    "mr.note.icc": {
        "id": "Seberapa dapat dipercaya rata-rata penilai lain, dari seluruh putaran ini ({targets} orang dinilai, rata-rata {raters} penilai per orang): ICC(1) adalah bagian perbedaan nilai yang terletak di antara orang yang dinilai, bukan di antara penilainya; ICC(2) adalah keandalan rata-rata penilai lain seseorang. ICC(2) 0,70 atau lebih: rata-rata itu cukup andal untuk membedakan orang; di bawahnya, sebagian perbedaan antarorang hanyalah kebetulan siapa yang menilai. Per indikator, ICC(1) / ICC(2): {values}.",
        "en": "How far the others' means can be trusted, over this whole round ({targets} people rated, {raters} raters each on average): ICC(1) is the share of the ratings' spread that lies between the people rated rather than between their raters; ICC(2) is the reliability of a person's others' mean. ICC(2) of 0.70 or more: those means tell people apart reliably; below it, part of the difference between people is only the chance of who rated them. Per indicator, ICC(1) / ICC(2): {values}.",
    },
    "mr.note.icc_none": {
        "id": "Keandalan rata-rata penilai lain (ICC) tidak dapat dihitung: perlu sedikitnya dua orang yang dinilai, dan seseorang dengan dua penilai lain atau lebih.",
        "en": "The reliability of the others' means (ICC) cannot be computed: it needs at least two people rated, and someone with two other raters or more.",
    },
    "mr.note.scores": {
        "id": "Skor 0-100 dihitung dengan aturan yang sama seperti penilaian diri; penilai lain hanya menjawab pernyataan yang dapat mereka amati. Ini bahan refleksi dan pengembangan, bukan penilaian kinerja resmi.",
        "en": "Scores 0-100 follow the same rules as the self-assessment; other raters answer only the statements they can observe. This is material for reflection and development, not an official performance appraisal.",
    },
    # --- the plan --------------------------------------------------------------------------
    "mr.plan.intro": {
        "id": "Mulailah dari {count} indikator berikut: titik buta lebih dahulu, lalu yang di bawah ambang menurut penilai lain.",
        "en": "Start with these {count} indicators: blind spots first, then those below the threshold in the others' view.",
    },
    "mr.plan.intro_one": {
        "id": "Mulailah dari indikator berikut: titik buta lebih dahulu, lalu yang di bawah ambang menurut penilai lain.",
        "en": "Start with this indicator: blind spots come first, then those below the threshold in the others' view.",
    },
    "mr.plan.intro_strengthen": {
        "id": "Tidak ada titik buta dan semua indikator mencapai ambang menurut penilai lain. Yang terendah menurut mereka, untuk dikuatkan lebih lanjut:",
        "en": "There is no blind spot and every indicator reaches the threshold in the others' view. The lowest in their view, to strengthen further:",
    },
    "mr.plan.none": {
        "id": "Belum ada penilaian dari penilai lain, jadi belum ada rencana pengembangan.",
        "en": "There are no ratings from others yet, so there is no development plan.",
    },
    "mr.plan.why.blind-spot": {
        "id": "Titik buta: penilai lain {others} ({n} penilai), Anda {own}; Anda menilai diri {distance} poin lebih tinggi.",
        "en": "Blind spot: others {others} ({n} raters), you {own}; you rate yourself {distance} points higher.",
    },
    "mr.plan.why.develop": {
        "id": "Penilai lain {others} ({n} penilai), Anda {own}: di bawah ambang {threshold}.",
        "en": "Others {others} ({n} raters), you {own}: below the threshold {threshold}.",
    },
    "mr.plan.why.develop_no_own": {
        "id": "Penilai lain {others} ({n} penilai): di bawah ambang {threshold}.",
        "en": "Others {others} ({n} raters): below the threshold {threshold}.",
    },
    "mr.plan.why.strengthen": {
        "id": "Penilai lain {others} ({n} penilai), Anda {own}: sudah mencapai ambang {threshold}; untuk dikuatkan lebih lanjut.",
        "en": "Others {others} ({n} raters), you {own}: at or above the threshold {threshold}; to strengthen further.",
    },
    "mr.plan.why.strengthen_no_own": {
        "id": "Penilai lain {others} ({n} penilai): sudah mencapai ambang {threshold}; untuk dikuatkan lebih lanjut.",
        "en": "Others {others} ({n} raters): at or above the threshold {threshold}; to strengthen further.",
    },
    # --- the command -----------------------------------------------------------------------
    "mr.help.command": {
        "id": "Umpan balik 360 derajat: penilaian diri dibandingkan dengan penilaian atasan, rekan kerja dan bawahan, per orang yang dinilai dan per indikator, dengan kerahasiaan penilai (docs/multirater.md). Masukan dibaca seperti `asn-assess batch`: CSV, .xlsx, ekspor survei atau lembar jawaban JSON (juga yang disimpan `asn-assess start --about NAMA --as KELOMPOK`). Tabel kosong untuk mengumpulkan penilaian: `asn-assess template multirater`.\n\nContoh: asn-assess multirater penilaian.csv -o laporan/ --format html\n\nContoh: asn-assess multirater penilaian.xlsx --summary ringkasan.xlsx --pseudonymize --key-file kunci.txt",
        "en": "360-degree feedback: each person's own assessment against their supervisor's, peers' and subordinates' ratings, per person rated and per indicator, with rater anonymity (docs/multirater.md). Inputs are read as `asn-assess batch` reads them: CSV, .xlsx, survey exports or JSON answer sheets (also those saved by `asn-assess start --about NAME --as GROUP`). An empty table to collect ratings in: `asn-assess template multirater`.\n\nExample: asn-assess multirater ratings.csv -o reports/ --format html\n\nExample: asn-assess multirater ratings.xlsx --summary summary.xlsx --pseudonymize --key-file key.txt",
    },
    "mr.help.command.short": {
        "id": "Umpan balik 360 derajat: diri sendiri dan penilai lain.",
        "en": "360-degree feedback: own assessment against others' ratings.",
    },
    "mr.help.inputs": {
        "id": "Tabel penilaian (CSV, .xlsx) atau lembar jawaban JSON; - untuk stdin.",
        "en": "Tables of ratings (CSV, .xlsx) or JSON answer sheets; - for stdin.",
    },
    "mr.help.target_column": {
        "id": "Kolom berisi orang yang dinilai (nama, NIP atau id). Bawaan: kolom bernama target_id atau yang dinilai; pada baris penilaian diri yang kosong, id responden.",
        "en": "Column naming the person rated (name, NIP or id). Default: a column named target_id or yang dinilai; on a row of own answers left empty, the respondent id.",
    },
    "mr.help.group_column": {
        "id": "Kolom berisi kelompok penilai: self (diri sendiri) atau id/nama kelompok bank (atasan, rekan, bawahan ...). Bawaan: kolom bernama rater_group atau kelompok penilai.",
        "en": "Column naming the rater group: self, or a group id or name of the bank (atasan, rekan, bawahan ...). Default: a column named rater_group or kelompok penilai.",
    },
    "mr.help.format": {
        "id": "text, md, html, pdf (hanya dengan -o), csv atau json. Bawaan: dari akhiran -o, selain itu text.",
        "en": "text, md, html, pdf (with -o only), csv or json. Default: from the -o extension, else text.",
    },
    "mr.help.output": {
        "id": "Tulis laporan ke FILE (semua orang yang dinilai) atau ke folder DIR (satu berkas per orang, dinamai dengan id-nya atau pseudonimnya). Nama tanpa akhiran format atau yang diakhiri / adalah folder. Bawaan: stdout.",
        "en": "Write the reports to FILE (every person rated) or to the folder DIR (one file per person, named by their id or pseudonym). A name without a format extension, or ending in /, is a folder. Default: stdout.",
    },
    "mr.help.summary": {
        "id": "Juga tulis ringkasan lintas orang yang dinilai untuk unit SDM (.csv atau .xlsx): satu baris per orang, dengan jumlah penilai per kelompok dan indikator di setiap bagian jendela Johari.",
        "en": "Also write a summary across the people rated for the HR unit (.csv or .xlsx): one row per person, with the raters per group and the indicators in each pane of the Johari window.",
    },
    "mr.help.min_raters": {
        "id": "Kelompok anonim dengan penilai lebih sedikit dari ini tidak ditampilkan tersendiri (sedikitnya 2).",
        "en": "Anonymous groups with fewer raters than this are never shown on their own (at least 2).",
    },
    "mr.help.gap": {
        "id": "Selisih (poin 0-100) antara skor diri sendiri dan penilai lain yang menjadikannya titik buta atau kekuatan tersembunyi.",
        "en": "Gap (points 0-100) between own score and others' mean that makes a blind spot or a hidden strength.",
    },
    "mr.help.lang": {
        "id": "Bahasa laporan dan pesan: id atau en. Bawaan: bahasa antarmuka.",
        "en": "Language of the reports and the messages: id or en. Default: the interface language.",
    },
    "mr.help.pseudonymize": {
        "id": "Ganti id orang yang dinilai dan responden dengan hash berkunci (perlu --key-file).",
        "en": "Replace the ids of the people rated and of respondents by a keyed hash (needs --key-file).",
    },
    "mr.help.key_file": {
        "id": "Kunci rahasia untuk --pseudonymize; simpan untuk mendapat pseudonim yang sama lain kali.",
        "en": "Secret key for --pseudonymize; keep it to get the same pseudonyms next time.",
    },
    "mr.help.errors": {
        "id": "Tulis setiap baris yang ditolak ke berkas ini sebagai JSONL.",
        "en": "Write every rejected row here as JSONL.",
    },
    "mr.counts": {
        "id": "dibaca {sheets} lembar, orang yang dinilai {targets}, kelompok ditahan {withheld}",
        "en": "read {sheets} sheets, targets {targets}, withheld groups {withheld}",
    },
    "mr.interrupted": {
        "id": "dihentikan: tidak ada keluaran yang ditulis",
        "en": "interrupted: no output written",
    },
    "mr.rejected": {"id": "ditolak: {error}", "en": "rejected: {error}"},
    "mr.rejected_more": {
        "id": "ditolak: ... dan {count} lagi; tulis semuanya dengan --errors FILE",
        "en": "rejected: ... and {count} more; write them all with --errors FILE",
    },
    "mr.warning.rejected": {
        "id": "peringatan: {count} baris ditolak",
        "en": "warning: {count} row(s) rejected",
    },
    "mr.warning.min_raters_two": {
        "id": "peringatan: --min-raters 2 menampilkan kelompok berisi dua orang; masing-masing dapat menghitung jawaban yang lain dari rata-ratanya",
        "en": "warning: --min-raters 2 shows groups of two; each of the two can work out the other's answers from their mean",
    },
    "mr.wrote": {"id": "ditulis: {path}", "en": "wrote {path}"},
    "mr.wrote_folder": {
        "id": "ditulis: {count} laporan di {path}",
        "en": "wrote {count} report(s) in {path}",
    },
    "mr.template_wrote": {
        "id": "ditulis {path}: satu baris per penilaian; kolom target_id, rater_group dan {items} pernyataan {bank} {version} dalam kata-kata pengamat. Nilai dengan: asn-assess multirater {path}",
        "en": "wrote {path}: one row per rating; columns target_id, rater_group and {items} statements of {bank} {version} in the observer wording. Score it with: asn-assess multirater {path}",
    },
    "mr.template.items_sheet": {"id": "Pernyataan", "en": "Statements"},
    "mr.template.ratings_sheet": {"id": "Penilaian", "en": "Ratings"},
    "mr.summary_sheet": {"id": "Ringkasan", "en": "Summary"},
    "mr.template.item": {"id": "id butir", "en": "item id"},
    "mr.template.indicator": {"id": "indikator", "en": "indicator"},
    "mr.template.rated_by": {"id": "dinilai oleh", "en": "rated by"},
    "mr.template.statement": {"id": "pernyataan", "en": "statement"},
    "mr.template.groups": {"id": "Kelompok penilai", "en": "Rater groups"},
    "mr.template.group_hint": {
        "id": "Isi rater_group dengan salah satu: {groups}. Kosong atau self: penilaian diri sendiri.",
        "en": "Fill rater_group with one of: {groups}. Empty or self: the person's own answers.",
    },
    "mr.error.no_groups": {
        "id": "bank {bank!r} tidak memiliki kelompok penilai ([[rater_groups]]); umpan balik 360 derajat memerlukannya (docs/bank-format.md)",
        "en": "bank {bank!r} declares no rater groups ([[rater_groups]]); 360-degree feedback needs them (docs/bank-format.md)",
    },
    "mr.error.unknown_group": {
        "id": "{option} {value!r}: bukan kelompok penilai bank {bank!r} (kelompok: {groups})",
        "en": "{option} {value!r}: not a rater group of bank {bank!r} (groups: {groups})",
    },
    "mr.error.pseudonymize_key": {
        "id": "--pseudonymize memerlukan --key-file FILE (rahasia yang disimpan unit)",
        "en": "--pseudonymize needs --key-file FILE (a secret the unit keeps)",
    },
    "mr.error.summary_suffix": {
        "id": "{path}: ringkasan ditulis sebagai .csv atau .xlsx",
        "en": "{path}: the summary is written as .csv or .xlsx",
    },
    "mr.error.stdin_twice": {
        "id": "stdin (-) hanya dapat dibaca sekali",
        "en": "standard input (-) can be read only once",
    },
    "mr.error.template_suffix": {
        "id": "{path}: template ditulis sebagai .csv atau .xlsx",
        "en": "{path}: the template is written as .csv or .xlsx",
    },
    # --- rating someone with `start --about NAME --as GROUP` -----------------------------
    "mr.help.profile": {
        "id": "Tanyakan nama, NIP, unit kerja dan jabatan (masing-masing boleh dikosongkan). Bawaan: ya; tidak bila Anda menilai orang lain (--about), agar penilai tidak tercatat.",
        "en": "Ask for name, NIP, unit and position (each optional). Default: yes; no when you rate someone else (--about), so that the rater is not recorded.",
    },
    "mr.help.about": {
        "id": "Nilai orang lain, bukan diri sendiri: nama, NIP atau id orang yang dinilai (dengan --as).",
        "en": "Rate someone else, not yourself: the name, NIP or id of the person rated (with --as).",
    },
    "mr.help.as_group": {
        "id": "Kelompok Anda terhadap orang yang dinilai: atasan, rekan, bawahan ... (id atau nama kelompok bank); self untuk penilaian diri sendiri dalam putaran 360.",
        "en": "Your group towards the person rated: atasan, rekan, bawahan ... (a group id or name of the bank); self for your own assessment in a 360 round.",
    },
    "mr.session.welcome_title": {
        "id": "Umpan balik 360 derajat",
        "en": "360-degree feedback",
    },
    "mr.session.about": {
        "id": "Anda menilai {target} sebagai {group}. Jawablah berdasarkan apa yang Anda lihat sendiri dalam pekerjaan sehari-hari; tekan n bila Anda tidak dapat menilai suatu pernyataan.",
        "en": "You are rating {target} as {group}. Answer from what you have seen yourself in everyday work; press n when you cannot judge a statement.",
    },
    "mr.session.anonymous": {
        "id": "Nama Anda tidak dicatat. Berkas penilaian hanya memuat orang yang dinilai, kelompok Anda dan jawaban Anda; laporan menampilkan kelompok Anda hanya bila penilainya sedikitnya {k} orang.",
        "en": "Your name is not recorded. The rating file holds only the person rated, your group and your answers; the report shows your group only when it has at least {k} raters.",
    },
    "mr.session.named": {
        "id": "Nama Anda tidak dicatat, tetapi kelompok {group} tidak anonim: laporan menampilkan penilaian Anda tersendiri.",
        "en": "Your name is not recorded, but the group {group} is not anonymous: the report shows your ratings on their own.",
    },
    "mr.session.keys": {
        "id": "Tombol: angka untuk menjawab, Enter untuk mengonfirmasi, n tidak dapat menilai atau tidak berlaku, {back} kembali, s lewati, ? bantuan, q simpan dan keluar.",
        "en": "Keys: a number to answer, Enter to confirm, n cannot judge or not applicable, {back} back, s skip, ? help, q save and quit.",
    },
    "mr.session.size": {
        "id": "{items} pernyataan, sekitar {minutes} menit.",
        "en": "{items} statements, about {minutes} minutes.",
    },
    "mr.session.not_applicable": {
        "id": "Tidak dapat menilai / tidak berlaku",
        "en": "Cannot judge / not applicable",
    },
    "mr.session.role_title": {
        "id": "Peran orang yang Anda nilai (menentukan pernyataan yang diajukan)",
        "en": "The role of the person you rate (decides which statements you are asked)",
    },
    "mr.session.role_ask": {
        "id": "Pilih nomor peran orang yang Anda nilai ({first}-{last}), atau Enter untuk semua pernyataan: ",
        "en": "Choose the role number of the person you rate ({first}-{last}), or press Enter for every statement: ",
    },
    "mr.session.saved": {
        "id": "Penilaian disimpan di {path}. Serahkan berkas ini kepada unit SDM yang menjalankan putaran 360; berkas ini menyebut {target} dan kelompok Anda ({group}), bukan Anda.",
        "en": "Rating saved to {path}. Hand this file to the HR unit running the 360 round; it names {target} and your group ({group}), not you.",
    },
    "mr.session.written": {
        "id": "Penilaian ditulis juga ke {path}.",
        "en": "Rating also written to {path}.",
    },
    "mr.session.saved_quit": {
        "id": "Progres tersimpan ({answered} dari {total} terjawab).\nLanjutkan dengan: asn-assess start --about {target} --as {group} --resume",
        "en": "Progress saved ({answered} of {total} answered).\nResume with: asn-assess start --about {target} --as {group} --resume",
    },
    "mr.error.about_needs_as": {
        "id": "--about memerlukan --as KELOMPOK (kelompok Anda terhadap orang itu: {groups})",
        "en": "--about needs --as GROUP (your group towards that person: {groups})",
    },
    "mr.error.as_needs_about": {
        "id": "--as {group} memerlukan --about NAMA|NIP (orang yang Anda nilai)",
        "en": "--as {group} needs --about NAME|NIP (the person you rate)",
    },
    "mr.error.rating_output": {
        "id": "{path}: penilaian disimpan sebagai lembar jawaban JSON; beri nama berakhiran .json",
        "en": "{path}: a rating is saved as a JSON answer sheet; give it a .json name",
    },
    "mr.error.min_raters": {
        "id": "--min-raters {value}: sedikitnya {least}; kelompok berisi satu penilai menampilkan jawaban orang itu",
        "en": "--min-raters {value}: at least {least}; a group of one rater would show that person's answers",
    },
    "mr.error.about_empty": {
        "id": "--about: sebutkan nama, NIP atau id orang yang dinilai",
        "en": "--about: give the name, NIP or id of the person rated",
    },
    "mr.reject.no_target": {
        "id": "tanpa target: sebutkan orang yang dinilai (kolom target_id, --target-column, "
        "atau `target` dalam lembar jawaban)",
        "en": "no target: name the person rated (a target_id column, --target-column, "
        "or `target` in an answer sheet)",
    },
    "mr.reject.same_rater": {
        "id": "penilaian kedua oleh penilai yang sama untuk orang ini; setiap penilai "
        "dihitung sekali (yang pertama: {first})",
        "en": "a second rating of this person by the same rater; each rater counts once "
        "(the first: {first})",
    },
    "mr.reject.same_sheet": {
        "id": "lembar penilaian yang sama persis dengan yang sudah dibaca, terkirim dua "
        "kali; setiap penilai dihitung sekali (yang pertama: {first})",
        "en": "the same rating sheet as one already read, sent twice; each rater counts "
        "once (the first: {first})",
    },
    "mr.warning.duplicates": {
        "id": "peringatan: {count} penilaian ganda disisihkan; penilai dihitung setelah "
        "penilaian ganda disisihkan",
        "en": "warning: {count} duplicate rating(s) set aside; raters are counted after "
        "duplicates are set aside",
    },
    "mr.reject.second_self": {
        "id": "penilaian diri kedua untuk orang ini (yang pertama: {first})",
        "en": "a second self-assessment of this person (the first: {first})",
    },
}
