"""Texts of the agency report: `asn-assess agency`, its sections, tables and notes."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the report ------------------------------------------------------------------------
    "agency.title": {
        "id": "Laporan instansi: hasil penilaian diri ASN",
        "en": "Agency report: ASN self-assessment results",
    },
    "agency.made": {"id": "Dibuat {date}", "en": "Made {date}"},
    "agency.by": {"id": "Unit menurut kolom: {column}", "en": "Units from the column: {column}"},
    "agency.footer": {
        "id": "Angka kelompok dari penilaian diri, untuk merencanakan pengembangan kompetensi; bukan penilaian kinerja siapa pun. Dibuat dengan asn-assess {version}.",
        "en": "Group figures from self-assessments, for planning competency development; not an appraisal of anyone's performance. Made with asn-assess {version}.",
    },
    "agency.agency": {"id": "Instansi", "en": "Agency"},
    "agency.pool": {"id": "Unit lain", "en": "Other units"},
    "agency.blank_unit": {"id": "(unit tidak diisi)", "en": "(unit not given)"},
    "agency.no_role": {"id": "(jabatan tidak diisi)", "en": "(role not given)"},
    "agency.withheld": {"id": "ditahan", "en": "withheld"},
    "agency.unit": {"id": "Unit", "en": "Unit"},
    "agency.role": {"id": "Jenis jabatan", "en": "Role"},
    "agency.respondents": {"id": "Responden", "en": "Respondents"},
    "agency.measure": {"id": "Ukuran", "en": "Measure"},
    "agency.n": {"id": "Orang dengan skor", "en": "People with a score"},
    "agency.mean": {"id": "Rata-rata", "en": "Mean"},
    "agency.median": {"id": "Median", "en": "Median"},
    "agency.sd": {"id": "Simpangan baku", "en": "SD"},
    "agency.from": {"id": "Dari skor", "en": "From score"},
    "agency.to": {"id": "Sampai di bawah", "en": "Up to below"},
    "agency.people": {"id": "Orang", "en": "People"},
    "agency.pillar": {"id": "Pilar", "en": "Pillar"},
    "agency.rank": {"id": "Urutan", "en": "Rank"},
    "agency.below": {"id": "Di bawah ambang", "en": "Below threshold"},
    "agency.below_share": {"id": "Persentase di bawah ambang", "en": "Share below threshold"},
    "agency.training": {"id": "Pelatihan dari bank soal", "en": "Training in the bank"},
    "agency.jp": {"id": "JP", "en": "JP"},
    "agency.jp_of": {"id": "{jp} JP", "en": "{jp} JP"},
    "agency.for_roles": {"id": "untuk {roles}", "en": "for {roles}"},
    "agency.no_training": {
        "id": "bank soal tidak memuat pelatihan untuk indikator ini",
        "en": "the bank lists no training for this indicator",
    },
    "agency.of": {"id": "{part} dari {whole} ({share})", "en": "{part} of {whole} ({share})"},
    "agency.in_top": {"id": "Di kategori tertinggi (orang)", "en": "In the top band (people)"},
    "agency.top_share": {"id": "Di kategori tertinggi (%)", "en": "In the top band (%)"},
    "agency.value": {"id": "Nilai dasar", "en": "Core value"},
    "agency.before": {"id": "Putaran lalu", "en": "Previous round"},
    "agency.after": {"id": "Sekarang", "en": "Now"},
    "agency.change": {"id": "Perubahan", "en": "Change"},
    # --- sections ---------------------------------------------------------------------------
    "agency.who": {"id": "Siapa yang menjawab", "en": "Who answered"},
    "agency.who_counts": {
        "id": "Dibaca {read} baris: {scored} dinilai, {rejected} ditolak, {set_aside} disisihkan sebagai duplikat.",
        "en": "Read {read} rows: {scored} scored, {rejected} rejected, {set_aside} set aside as duplicates.",
    },
    "agency.who_respondents": {
        "id": "Laporan ini memuat {respondents} penilaian diri; {incomplete} di antaranya terlalu sedikit jawabannya untuk skor keseluruhan (skor indikator dan pilarnya tetap dihitung).",
        "en": "This report holds {respondents} self-assessments; {incomplete} of them have too few answers for an overall score (their indicator and pillar scores still count).",
    },
    "agency.who_flagged": {
        "id": "{count} penilaian diri memicu tanda mutu jawaban (misalnya jawaban yang sama berderet atau terlalu cepat); semuanya tetap dihitung. Lihat asn-assess analyze, atau keluarkan dengan --exclude-flagged.",
        "en": "{count} self-assessments trip a response-quality flag (such as long runs of one answer, or answering too fast); all of them still count. See asn-assess analyze, or leave them out with --exclude-flagged.",
    },
    "agency.who_excluded": {
        "id": "{count} penilaian diri memicu tanda mutu jawaban dan tidak dihitung dalam laporan ini (--exclude-flagged).",
        "en": "{count} self-assessments trip a response-quality flag and are left out of this report (--exclude-flagged).",
    },
    "help.agency.exclude_flagged": {
        "id": "Keluarkan penilaian diri yang bertanda mutu jawaban dari setiap angka (jumlahnya disebutkan).",
        "en": "Leave self-assessments with a response-quality flag out of every figure (how many is said).",
    },
    "agency.who_raters": {
        "id": "{count} baris adalah penilaian atas orang lain (umpan balik 360 derajat) dan tidak masuk laporan ini; lihat asn-assess multirater.",
        "en": "{count} rows rate someone else (360-degree feedback) and are not part of this report; see asn-assess multirater.",
    },
    "agency.glance": {"id": "Instansi sekilas", "en": "The agency at a glance"},
    "agency.glance_intro": {
        "id": "Sebaran skor keseluruhan dan skor setiap pilar. Setiap batang menunjukkan banyaknya orang per rentang 5 poin; garis tegak menandai batas kategori, garis putus-putus rata-ratanya.",
        "en": "How the overall score and each pillar's score spread. Each bar shows the people per 5 points of score; the upright lines mark the band cut-offs, the dashed line the mean.",
    },
    "agency.units": {"id": "Unit berdampingan", "en": "Units side by side"},
    "agency.units_intro": {
        "id": "Rata-rata setiap indikator per unit, diwarnai menurut kategorinya. Unit dengan kurang dari {minimum} responden digabung menjadi \u201cUnit lain\u201d.",
        "en": "Each indicator's mean per unit, coloured by its band. Units with fewer than {minimum} respondents are counted together as \u201cOther units\u201d.",
    },
    "agency.needs": {
        "id": "Kebutuhan pengembangan",
        "en": "Training needs",
    },
    "agency.needs_intro": {
        "id": "Per indikator: berapa orang yang skornya di bawah kategori {band} (di bawah {threshold}), diurutkan dari yang terbanyak, beserta pelatihan yang disarankan bank soal. Tabel ini dapat langsung dipakai dalam analisis kebutuhan pengembangan kompetensi dan rencana pengembangan tahunan.",
        "en": "Per indicator: how many people score below the {band} band (below {threshold}), most first, with the training the bank suggests. This table can go straight into the training-needs analysis and the yearly development plan.",
    },
    "agency.strengths": {"id": "Kekuatan", "en": "Strengths"},
    "agency.strengths_intro": {
        "id": "Perilaku yang paling banyak sudah ditunjukkan: bagian orang yang skornya di kategori {band}.",
        "en": "The behaviours most people already show: the share of people scoring in the {band} band.",
    },
    "agency.strengths_none": {
        "id": "Belum ada indikator dengan orang di kategori {band}.",
        "en": "No indicator has anyone in the {band} band yet.",
    },
    "agency.trend": {
        "id": "Perkembangan sejak putaran lalu",
        "en": "Change since the previous round",
    },
    "agency.trend_intro": {
        "id": "Putaran lalu memuat {respondents} penilaian diri. Perubahan = rata-rata sekarang dikurangi rata-rata putaran lalu; orang yang menjawab bisa berbeda di kedua putaran.",
        "en": "The previous round held {respondents} self-assessments. Change = the mean now minus the mean then; the people who answered may differ between rounds.",
    },
    "agency.trend_error": {
        "id": "Perubahan bertanda {mark} lebih besar daripada yang dapat dijelaskan oleh galat pengukuran (reliabilitas dari norma).",
        "en": "Changes marked {mark} are larger than measurement error explains (reliability from the norms).",
    },
    "agency.trend_no_error": {
        "id": "Reliabilitas skor tidak diketahui, jadi tidak ada perubahan yang ditandai melampaui galat pengukuran; berikan --norms dengan berkas norma yang memuat reliabilitas untuk itu.",
        "en": "The scores' reliability is not known, so no change is marked as beyond measurement error; give --norms with a norms file that holds reliabilities for that.",
    },
    "agency.trend_apart": {
        "id": "Tidak dibandingkan karena isinya atau cara penilaiannya berubah antarversi: {measures}.",
        "en": "Not compared because their content or scoring changed between versions: {measures}.",
    },
    "agency.trend_not.other-bank": {
        "id": "Tidak ada perbandingan: putaran lalu dinilai dengan bank soal lain ({before}), sekarang {after}.",
        "en": "No comparison: the previous round was scored with another bank ({before}), this one with {after}.",
    },
    "agency.trend_not.other-scoring": {
        "id": "Tidak ada perbandingan: aturan penilaian {before} dan {after} berbeda, sehingga skornya tidak setara.",
        "en": "No comparison: {before} and {after} score answers by different rules, so their scores do not compare.",
    },
    "agency.trend_not.nothing-compares": {
        "id": "Tidak ada perbandingan: tidak satu pun indikator {before} tetap sama di {after}.",
        "en": "No comparison: no indicator of {before} is unchanged in {after}.",
    },
    "agency.trend_not.too-few": {
        "id": "Tidak ada perbandingan: putaran lalu memuat kurang dari {minimum} penilaian diri.",
        "en": "No comparison: the previous round holds fewer than {minimum} self-assessments.",
    },
    "agency.values": {"id": "Profil BerAKHLAK", "en": "BerAKHLAK profile"},
    "agency.values_intro": {
        "id": "Rata-rata instansi pada setiap nilai dasar ASN, dari pernyataan yang ditandai bank soal untuk nilai itu.",
        "en": "The agency's mean on each ASN core value, from the statements the bank tags with that value.",
    },
    "agency.values_chart": {
        "id": "Rata-rata per nilai dasar (0-100)",
        "en": "Mean per core value (0-100)",
    },
    "agency.privacy": {"id": "Kerahasiaan", "en": "Privacy"},
    "agency.privacy_promise": {
        "id": "Tidak ada angka dalam laporan ini yang menyangkut kurang dari {minimum} orang, dan tidak ada angka yang ditahan yang dapat dihitung kembali dengan mengurangkan angka instansi atau unit lain. Nama, NIP, dan alamat surel tidak pernah dimuat.",
        "en": "No figure in this report is about fewer than {minimum} people, and no withheld figure can be worked out by subtracting the agency's or other units' figures. Names, NIPs and e-mail addresses never appear.",
    },
    "agency.note_pooled": {
        "id": "{units} unit dengan kurang dari {minimum} responden digabung menjadi \u201cUnit lain\u201d.",
        "en": "{units} unit(s) with fewer than {minimum} respondents are counted together as \u201cOther units\u201d.",
    },
    "agency.note_count_few": {
        "id": "{group}: jumlah responden ditahan karena kurang dari batas minimum.",
        "en": "{group}: the number of respondents is withheld because it is under the minimum.",
    },
    "agency.note_count_complement": {
        "id": "{group}: jumlah responden ditahan agar jumlah kelompok yang lebih kecil tidak dapat dihitung dengan pengurangan.",
        "en": "{group}: the number of respondents is withheld so that a smaller group's number cannot be worked out by subtraction.",
    },
    "agency.note_few": {
        "id": "{group}: ditahan pada {measures}, karena kurang dari {minimum} orang memiliki skornya.",
        "en": "{group}: withheld on {measures}, because fewer than {minimum} people have a score on it.",
    },
    "agency.note_complement": {
        "id": "{group}: ditahan pada {measures}, agar angka kelompok yang lebih kecil tidak dapat dihitung dengan pengurangan.",
        "en": "{group}: withheld on {measures}, so that a smaller group's figure cannot be worked out by subtraction.",
    },
    "agency.note_agency_few": {
        "id": "{measure}: ditahan untuk seluruh instansi, karena terlalu sedikit orang memiliki skornya.",
        "en": "{measure}: withheld for the whole agency, because too few people have a score on it.",
    },
    "agency.every_indicator": {"id": "semua indikator", "en": "every indicator"},
    "agency.note_nothing": {
        "id": "Tidak ada angka yang ditahan.",
        "en": "No figure was withheld.",
    },
    # --- tables (also the names of the Excel sheets, at most 31 characters) -----------------
    "agency.table.respondents_by_unit": {"id": "Responden per unit", "en": "Respondents by unit"},
    "agency.table.respondents_by_role": {
        "id": "Responden per jenis jabatan",
        "en": "Respondents by role",
    },
    "agency.table.distribution": {"id": "Sebaran skor", "en": "Score distribution"},
    "agency.table.histogram": {"id": "Histogram", "en": "Histogram"},
    "agency.table.units": {"id": "Rata-rata per unit", "en": "Means by unit"},
    "agency.table.training_needs": {"id": "Kebutuhan pengembangan", "en": "Training needs"},
    "agency.table.needs_by_role": {"id": "Kebutuhan per jenis jabatan", "en": "Needs by role"},
    "agency.table.needs_by_unit": {"id": "Kebutuhan per unit", "en": "Needs by unit"},
    "agency.table.strengths": {"id": "Kekuatan", "en": "Strengths"},
    "agency.table.trend": {"id": "Perkembangan", "en": "Change"},
    "agency.table.trend_by_unit": {"id": "Perkembangan per unit", "en": "Change by unit"},
    "agency.table.values": {"id": "Profil BerAKHLAK", "en": "BerAKHLAK profile"},
    "agency.table.notes": {"id": "Catatan", "en": "Notes"},
    # --- the command --------------------------------------------------------------------------
    "help.agency": {
        "id": 'Laporan instansi yang dapat langsung ditindaklanjuti unit SDM: siapa yang menjawab, instansi sekilas (histogram), unit berdampingan (peta warna per indikator), kebutuhan pengembangan per indikator dengan pelatihan dan JP dari bank soal (juga per jenis jabatan dan per unit), kekuatan, perkembangan sejak putaran lalu (--previous), dan profil BerAKHLAK bila bank soal memuatnya.\n\nTidak ada angka tentang kurang dari --min-group orang (bawaan 5): unit kecil digabung menjadi "Unit lain", dan angka yang dapat dihitung kembali dengan pengurangan ikut ditahan. Nama, NIP, dan surel tidak pernah dimuat. docs/agency.md menjelaskan setiap angka.\n\nContoh: asn-assess agency jawaban.csv --by "Unit kerja" -o laporan.html\n\nContoh: asn-assess agency 2026.csv --by unit --previous 2025.csv -o laporan.pdf\n\nContoh: asn-assess agency jawaban.csv --by unit -o laporan.xlsx --lang en',
        "en": 'The agency report an HR unit acts on: who answered, the agency at a glance (histograms), units side by side (a heat map per indicator), training needs per indicator with the bank\'s training and JP (also per role and per unit), strengths, the change since the previous round (--previous), and the BerAKHLAK profile when the bank has one.\n\nNo figure is about fewer than --min-group people (default 5): small units are pooled as "Other units", and figures that subtraction would give back are withheld too. Names, NIPs and e-mails never appear. docs/agency.md explains every figure.\n\nExample: asn-assess agency jawaban.csv --by "Unit kerja" -o report.html\n\nExample: asn-assess agency 2026.csv --by unit --previous 2025.csv -o report.pdf\n\nExample: asn-assess agency jawaban.csv --by unit -o report.xlsx --lang en',
    },
    "help.agency.short": {
        "id": "Laporan instansi: kebutuhan pengembangan, unit, tren.",
        "en": "Agency report: training needs, units, trend.",
    },
    "help.agency.inputs": {
        "id": "CSV / .xlsx / ekspor survei / JSONL, seperti untuk batch.",
        "en": "CSV / .xlsx / survey exports / JSONL, as for batch.",
    },
    "help.agency.by": {
        "id": "Kolom unit kerja (atau kolom lain yang mengelompokkan orang). Tanpa ini: instansi sebagai satu kesatuan.",
        "en": "The unit column (or another column that groups people). Without it: the agency as a whole.",
    },
    "help.agency.previous": {
        "id": "Masukan putaran lalu, untuk perkembangan (boleh diulang untuk beberapa berkas).",
        "en": "The previous round's input, for the change since then (repeat for several files).",
    },
    "help.agency.previous_bank": {
        "id": "Bank soal yang menilai putaran lalu, bila berbeda versi. Bawaan: --bank.",
        "en": "The bank the previous round was scored with, when another version. Default: --bank.",
    },
    "help.agency.min_group": {
        "id": "Jumlah orang paling sedikit di balik setiap angka (sedikitnya 2).",
        "en": "Fewest people behind any figure (at least 2).",
    },
    "help.agency.format": {
        "id": "Format laporan. Bawaan: dari akhiran --output, selain itu md.",
        "en": "Report format. Default: from --output's extension, else md.",
    },
    "help.agency.output": {
        "id": "Tulis laporan ke sini, bukan ke stdout.",
        "en": "Write the report here instead of stdout.",
    },
    "help.agency.lang": {
        "id": "Bahasa laporan dan pesan: id atau en.",
        "en": "Language of the report and the messages: id or en.",
    },
    "help.agency.errors": {
        "id": "Tulis baris yang ditolak ke berkas JSONL ini (seperti batch --errors).",
        "en": "Write the rejected rows to this JSONL file (as batch --errors).",
    },
    "help.agency.norms": {
        "id": "Norma dari `asn-assess analyze --norms-out` yang memuat reliabilitas skor: perubahan sejak putaran lalu yang melampaui galat pengukuran ditandai.",
        "en": "Norms from `asn-assess analyze --norms-out` that hold the scores' reliability: changes since the previous round beyond measurement error are marked.",
    },
    "help.agency.role_column": {"id": "Seperti untuk batch.", "en": "As for batch."},
    "help.agency.id_column": {
        "id": "Kolom id responden, untuk mengenali kiriman ganda (seperti untuk batch); id tidak pernah dimuat dalam laporan.",
        "en": "The respondent id column, to recognise duplicate submissions (as for batch); ids never appear in the report.",
    },
    "help.agency.mapping": {"id": "Seperti untuk batch.", "en": "As for batch."},
    "help.agency.encoding": {"id": "Seperti untuk batch.", "en": "As for batch."},
    "agency.previous_counts": {
        "id": "putaran lalu: dibaca {read}, dinilai {scored}, ditolak {rejected}",
        "en": "previous round: read {read}, scored {scored}, rejected {rejected}",
    },
    "agency.error.suffix": {
        "id": "{path}: akhiran {suffix} tidak dikenal; pakai salah satu dari {known}, atau --format",
        "en": "{path}: unknown extension {suffix}; use one of {known}, or --format",
    },
    "agency.error.binary_terminal": {
        "id": "laporan {form} tidak dapat ditampilkan di terminal; tulis ke berkas dengan -o",
        "en": "a {form} report cannot be shown on a terminal; write it to a file with -o",
    },
    "agency.error.by_names_people": {
        "id": "--by {column!r} berisi nama orang, sehingga kelompoknya akan menunjukkan siapa yang menjawab; pakai kolom unit atau jabatan",
        "en": "--by {column!r} names people, so its groups would show who answered; use a unit or position column",
    },
    "agency.error.previous_bank_alone": {
        "id": "--previous-bank hanya berlaku bersama --previous",
        "en": "--previous-bank only applies with --previous",
    },
}
