"""Help texts of the command line: the application, each command and each option.

Commands name these keys instead of text (``help="help.batch"``); ``cli/localized.py``
writes them in the interface language when help is shown. A key ending in ``.short``
is the one-line description in the list of commands. Help texts of a feature with its
own module (``form.help.*``, ``mr.help.*``) live there.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the layout of every help page ------------------------------------------------------
    "help.usage": {"id": "Pemakaian:", "en": "Usage:"},
    "help.arguments": {"id": "Argumen", "en": "Arguments"},
    "help.options": {"id": "Opsi", "en": "Options"},
    "help.commands": {"id": "Perintah", "en": "Commands"},
    "help.options_metavar": {"id": "[OPSI]", "en": "[OPTIONS]"},
    "help.command_metavar": {"id": "PERINTAH [ARG]...", "en": "COMMAND [ARGS]..."},
    "help.required": {"id": "wajib", "en": "required"},
    "help.default": {"id": "bawaan: {value}", "en": "default: {value}"},
    "help.help_option": {
        "id": "Tampilkan bantuan ini lalu keluar.",
        "en": "Show this message and exit.",
    },
    "help.install_completion": {
        "id": "Pasang pelengkapan otomatis (Tab) untuk shell yang sedang dipakai.",
        "en": "Install completion for the current shell.",
    },
    "help.show_completion": {
        "id": "Tampilkan skrip pelengkapan otomatis untuk shell yang sedang dipakai, untuk disalin atau dipasang sendiri.",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
    # --- errors of the command-line parser ------------------------------------------------
    "click.try_help": {
        "id": "Bantuan: '{command}'.",
        "en": "Try '{command}' for help.",
    },
    "click.no_such_option": {
        "id": "opsi tidak dikenal: {option}",
        "en": "no such option: {option}",
    },
    "click.possible": {
        "id": "(mungkin maksudnya: {options})",
        "en": "(possible options: {options})",
    },
    "click.missing_argument": {
        "id": "argumen {name} belum diberikan",
        "en": "missing argument {name}",
    },
    "click.missing_option": {"id": "opsi {name} belum diberikan", "en": "missing option {name}"},
    "click.invalid_value": {
        "id": "nilai tidak sah untuk {name}: {reason}",
        "en": "invalid value for {name}: {reason}",
    },
    "click.needs_value": {
        "id": "opsi {option} memerlukan nilai",
        "en": "option {option} needs a value",
    },
    "click.extra_arguments": {
        "id": "argumen berlebih: {extra}",
        "en": "unexpected extra argument(s): {extra}",
    },
    "click.no_such_command": {
        "id": "perintah tidak dikenal: {name!r}",
        "en": "no such command: {name!r}",
    },
    "click.did_you_mean": {"id": "(maksudnya {name!r}?)", "en": "(did you mean {name!r}?)"},
    "click.missing_command": {"id": "perintah belum diberikan", "en": "missing command"},
    # --- the application and its groups -----------------------------------------------------
    "help.app": {
        "id": "Penilaian diri atas tiga pilar ASN profesional: memimpin diri sendiri, memimpin organisasi, memimpin program.\n\nBahasa antarmuka: --lang, variabel lingkungan ASN_ASSESS_LANG atau `asn-assess config language`; bawaan Bahasa Indonesia.\n\nContoh: asn-assess start\n\nContoh: asn-assess --lang en batch --help",
        "en": "Self-assessment of the three pillars of a professional civil servant (ASN): lead yourself, lead your organization, lead your programs.\n\nInterface language: --lang, the ASN_ASSESS_LANG environment variable or `asn-assess config language`; Bahasa Indonesia by default.\n\nExample: asn-assess start\n\nExample: asn-assess --lang en batch --help",
    },
    "help.version": {"id": "Tampilkan versi lalu keluar.", "en": "Print the version and exit."},
    "help.lang_global": {
        "id": "Bahasa antarmuka (pesan, bantuan, laporan): id atau en, huruf besar atau kecil. Bawaan: $ASN_ASSESS_LANG, lalu berkas konfigurasi, lalu id.",
        "en": "Interface language (messages, help, reports): id or en, in any case. Default: $ASN_ASSESS_LANG, then the configuration file, then id.",
    },
    "help.bank_group": {
        "id": "Daftar, tampilkan dan periksa bank soal, atau mulai bank baru dari templat.\n\nContoh: asn-assess bank show",
        "en": "List, show, validate question banks, or start a new one from a template.\n\nExample: asn-assess bank show",
    },
    "help.bank_group.short": {
        "id": "Bank soal: daftar, tampilkan, periksa, bandingkan, templat.",
        "en": "Question banks: list, show, validate, compare, template.",
    },
    "help.history_group": {
        "id": "Hasil Anda yang tersimpan: daftar, tampilkan, bandingkan, ekspor atau hapus. Setiap penilaian yang selesai disimpan di folder data (results/ dan history.db).\n\nContoh: asn-assess history list",
        "en": "Your saved results: list, show, compare, export or delete them. Every finished assessment is kept in the data folder (results/ and history.db).\n\nExample: asn-assess history list",
    },
    "help.history_group.short": {
        "id": "Hasil tersimpan: daftar, tampilkan, bandingkan, ekspor, hapus.",
        "en": "Saved results: list, show, compare, export, delete.",
    },
    # --- options shared by several commands ---------------------------------------------------
    "help.data_dir": {
        "id": "Folder untuk kemajuan, hasil tersimpan dan riwayatnya. Bawaan: $ASN_ASSESS_HOME, selain itu folder data pengguna.",
        "en": "Folder for progress, saved results and their history. Default: $ASN_ASSESS_HOME, else the user data folder.",
    },
    "help.bank": {
        "id": "Id bank bawaan atau berkas TOML bank. Bawaan: asn-profesional.",
        "en": "A bundled bank id or a bank TOML file. Default: asn-profesional.",
    },
    "help.norms": {
        "id": "Norma dari `asn-assess analyze --norms-out`: tunjukkan posisi setiap skor di antara rekan dan rentang 95%-nya (skor dan kategori tidak berubah).",
        "en": "Norms from `asn-assess analyze --norms-out`: show where each score stands among colleagues, and its 95% range (scores and bands do not change).",
    },
    "help.norm_group": {
        "id": "Dengan --norms: kelompok norma pembanding. Bawaan: semua orang.",
        "en": "With --norms: the group of the norms to compare with. Default: everyone.",
    },
    "help.option.output": {
        "id": "Tulis laporan ke FILE, dalam format yang dinyatakan akhirannya (.txt .md .html .pdf .csv .json); boleh diberikan lebih dari sekali. PDF dicetak dari laporan HTML oleh Chrome, Chromium atau Microsoft Edge yang ada di komputer ini (lihat ASN_ASSESS_BROWSER di docs/reports.md).",
        "en": "Write the report to FILE, in the format its extension names (.txt .md .html .pdf .csv .json); may be given more than once. A PDF is printed from the HTML report by the Chrome, Chromium or Microsoft Edge on this computer (see ASN_ASSESS_BROWSER in docs/reports.md).",
    },
    "help.option.format": {
        "id": "text, md, html, pdf (hanya dengan -o), csv atau json. Bawaan: dari akhiran -o, selain itu laporan di terminal.",
        "en": "text, md, html, pdf (with -o only), csv or json. Default: from the -o extension, else the terminal report.",
    },
    "help.option.all_actions": {
        "id": "Tampilkan juga setiap tindakan pengembangan dari setiap indikator yang perlu dikembangkan; di HTML dan PDF sebagai lampiran sesudah dua halaman utama, bersama rincian per pilar.",
        "en": "Also list every development action of every indicator to develop; in HTML and PDF as an appendix after the two main pages, with the detail per pillar.",
    },
    "help.option.pager": {
        "id": "Tampilkan keluaran panjang per halaman bila keluaran standar adalah terminal (PAGER, selain itu less).",
        "en": "Page long output when standard output is a terminal (PAGER, else less).",
    },
    # --- start, report, score, schema ---------------------------------------------------------
    "help.start": {
        "id": 'Isi penilaian secara interaktif dan lihat laporan Anda: ringkasan, rencana pengembangan dan rincian per pilar. Dengan --about NAMA --as KELOMPOK, nilai orang lain (umpan balik 360 derajat): perilakunya yang teramati dalam kalimat pengamat, disimpan sebagai berkas penilaian untuk unit SDM, tanpa nama Anda.\n\nTombol: angka (atau a-e) untuk menjawab, n tidak berlaku, b kembali, s lewati, ? bantuan, q simpan dan keluar. Kemajuan disimpan setiap kali menjawab; Ctrl-C juga menyimpan. Hasil disimpan sebagai JSON dengan laporan HTML di sampingnya dan masuk riwayat.\n\nContoh: asn-assess start --lang en\n\nContoh: asn-assess start -o hasil.json -o laporan.pdf\n\nContoh: asn-assess start --no-profile < jawaban.txt   (satu jawaban per baris)\n\nContoh: asn-assess start --about "Budi Santoso" --as rekan -o penilaian-budi.json',
        "en": 'Take the assessment interactively and see your report: a summary, a development plan and the detail per pillar. With --about NAME --as GROUP, rate someone else instead (360-degree feedback): their observable behaviour in the observer wording, saved as a rating file for the HR unit, without your name.\n\nKeys: a number (or a-e) to answer, n not applicable, b back, s skip, ? help, q save and quit. Progress is saved after every answer; Ctrl-C saves too. The result is saved as JSON with an HTML report beside it and joins the history.\n\nExample: asn-assess start --lang en\n\nExample: asn-assess start -o hasil.json -o laporan.pdf\n\nExample: asn-assess start --no-profile < answers.txt   (one answer per line)\n\nExample: asn-assess start --about "Budi Santoso" --as rekan -o penilaian-budi.json',
    },
    "help.start.short": {
        "id": "Isi penilaian secara interaktif dan lihat laporan Anda.",
        "en": "Take the assessment interactively and see your report.",
    },
    "help.start.lang": {
        "id": "Bahasa pertanyaan, laporan dan pesan: id (Bahasa Indonesia, bawaan) atau en.",
        "en": "Language of the questions, the report and the messages: id (Bahasa Indonesia, default) or en.",
    },
    "help.start.resume": {
        "id": "Lanjutkan sesi yang belum selesai, atau mulai baru (sesi lama disimpan). Bawaan: ditanyakan.",
        "en": "Resume a session in progress, or start anew (the old one is kept). Default: ask.",
    },
    "help.start.role": {
        "id": "Peran Anda (id atau nama peran bank, mis. pelaksana): hanya pertanyaan untuk peran itu yang diajukan. Bawaan: ditanyakan di awal.",
        "en": "Your role (a role id or name of the bank, e.g. pelaksana): only its questions are asked. Default: asked at the start.",
    },
    "help.start.save": {
        "id": "Simpan kemajuan, hasil dan riwayatnya di folder data. --no-save tidak menyimpan apa pun (berkas yang disebut dengan -o tetap ditulis).",
        "en": "Keep progress, the result and its history in the data folder. --no-save keeps nothing (files named with -o are still written).",
    },
    "help.report": {
        "id": "Tampilkan hasil tersimpan sebagai laporan, atau ekspor sebagai teks, Markdown, HTML, PDF, CSV atau JSON.\n\nContoh: asn-assess report hasil.json --lang en\n\nContoh: asn-assess report --last -o laporan.pdf\n\nContoh: asn-assess report hasil.json --format md > laporan.md",
        "en": "Show a saved result as the report, or export it as text, Markdown, HTML, PDF, CSV or JSON.\n\nExample: asn-assess report result.json --lang en\n\nExample: asn-assess report --last -o laporan.pdf\n\nExample: asn-assess report result.json --format md > laporan.md",
    },
    "help.report.short": {
        "id": "Tampilkan atau ekspor laporan dari hasil tersimpan.",
        "en": "Show or export the report of a saved result.",
    },
    "help.report.result_file": {
        "id": "Berkas JSON hasil tersimpan, atau - untuk stdin.",
        "en": "A saved result JSON, or - for stdin.",
    },
    "help.report.last": {
        "id": "Hasil terakhir di riwayat, sebagai ganti RESULT.",
        "en": "The latest result in the history instead of RESULT.",
    },
    "help.report.lang": {
        "id": "Bahasa laporan dan pesan: id atau en. Bawaan: bahasa hasil.",
        "en": "Language of the report and the messages: id or en. Default: the result's.",
    },
    "help.report.json": {
        "id": "Cetak hasil sebagai JSON (sama dengan --format json).",
        "en": "Print the result as JSON (same as --format json).",
    },
    "help.score": {
        "id": "Nilai satu lembar jawaban tanpa pertanyaan dan tampilkan laporannya.\n\nBank yang dipakai adalah bank bawaan (dan versinya) yang disebut di lembar jawaban, kecuali --bank diberikan. -o menyimpan hasil atau laporannya, dalam format yang dinyatakan akhiran berkas.\n\nContoh: asn-assess score jawaban.json --json > hasil.json\n\nContoh: asn-assess score jawaban.json -o hasil.json -o hasil.html",
        "en": "Score one answer sheet without prompts and show the report.\n\nThe bank is the bundled bank (and version) named in the sheet unless --bank is given. -o saves the result or its report, in the format the extension names.\n\nExample: asn-assess score answers.json --json > result.json\n\nExample: asn-assess score answers.json -o hasil.json -o hasil.html",
    },
    "help.score.short": {
        "id": "Nilai satu lembar jawaban dan tampilkan laporannya.",
        "en": "Score one answer sheet and show the report.",
    },
    "help.score.answers": {
        "id": "Lembar jawaban JSON, atau - untuk stdin.",
        "en": "Answer sheet JSON, or - for stdin.",
    },
    "help.score.json": {
        "id": "Cetak hasil sebagai JSON, bukan laporan.",
        "en": "Print the result as JSON instead of the report.",
    },
    "help.assess.lang": {
        "id": "Bahasa laporan dan pesan: id atau en. Bawaan: bahasa lembar jawaban.",
        "en": "Language of the report and the messages: id or en. Default: the sheet's.",
    },
    "help.schema": {
        "id": "Cetak JSON Schema dari lembar jawaban, hasil, bank atau norma.\n\nContoh: asn-assess schema answers > answers.schema.json",
        "en": "Print the JSON Schema of an answer sheet, a result, a bank or norms.\n\nExample: asn-assess schema answers > answers.schema.json",
    },
    "help.schema.short": {
        "id": "JSON Schema dari lembar jawaban, hasil, bank atau norma.",
        "en": "JSON Schema of an answer sheet, a result, a bank or norms.",
    },
    "help.schema.name": {"id": "Dokumen yang mana.", "en": "Which document."},
    # --- batch and analyze ----------------------------------------------------------------
    "help.batch": {
        "id": 'Nilai banyak responden dari berkas CSV atau .xlsx, ekspor Google Forms / KoboToolbox / LimeSurvey atau lembar jawaban JSONL. Setiap baris menjadi hasil atau catatan galat.\n\nKolom dicocokkan dengan butir melalui id butir atau teks pertanyaan (bahasa mana pun), dan melalui nama, kode dan judul formulir buatan `asn-assess form export`; jawaban boleh berupa angka, label, kode atau singkatan (SS, S, N/RR, TS, STS). Tabel kosong untuk diisi: `asn-assess template batch`.\n\nContoh: asn-assess batch jawaban.csv -o hasil.csv --summary-by "Unit kerja"\n\nContoh: asn-assess batch ekspor-kobo.xlsx -o hasil.csv',
        "en": 'Score many respondents from CSV or .xlsx files, Google Forms / KoboToolbox / LimeSurvey exports or JSONL answer sheets. Every row becomes a result or an error record.\n\nColumns are matched to items by item id or question text (either language), and by the names, codes and titles of forms made with `asn-assess form export`; answers may be numbers, labels, codes or abbreviations (SS, S, N/RR, TS, STS). An empty table to fill in: `asn-assess template batch`.\n\nExample: asn-assess batch responses.csv -o results.csv --summary-by "Unit kerja"\n\nExample: asn-assess batch kobo-export.xlsx -o results.csv',
    },
    "help.batch.short": {
        "id": "Nilai banyak responden: CSV, .xlsx, ekspor survei, JSONL.",
        "en": "Score many respondents from CSV, .xlsx, survey exports or JSONL.",
    },
    "help.batch.inputs": {
        "id": "CSV / .xlsx / ekspor survei / lembar jawaban JSONL; - untuk stdin.",
        "en": "CSV / .xlsx / survey exports / JSONL answer sheets; - for stdin.",
    },
    "help.batch.format": {
        "id": "Format keluaran. Bawaan: dari akhiran --output, selain itu csv.",
        "en": "Output format. Default: from --output's suffix, else csv.",
    },
    "help.batch.output": {
        "id": "Tulis hasil ke sini (secara atomik), bukan ke stdout (-).",
        "en": "Write results here (atomically) instead of stdout (-).",
    },
    "help.batch.errors": {
        "id": "Tulis setiap baris yang ditolak ke berkas ini sebagai JSONL.",
        "en": "Write every rejected row here as JSONL.",
    },
    "help.batch.summary_by": {
        "id": "Ringkas skor per nilai kolom ini (mis. unit kerja).",
        "en": "Summarise scores per value of this column (e.g. the unit).",
    },
    "help.batch.summary_output": {
        "id": "Tulis juga ringkasan sebagai CSV.",
        "en": "Also write the summary as CSV.",
    },
    "help.batch.min_group": {
        "id": "Kelompok yang lebih kecil digabung sebagai '(other)' dalam ringkasan.",
        "en": "Smaller groups are pooled as '(other)' in the summary.",
    },
    "help.batch.strict": {
        "id": "Keluar dengan kode 1 bila ada baris yang ditolak.",
        "en": "Exit 1 when any row is rejected.",
    },
    "help.batch.id_column": {
        "id": "Kolom (atau isian lembar jawaban) yang mengenali setiap responden.",
        "en": "Column (or answer-sheet field) identifying each respondent.",
    },
    "help.batch.role_column": {
        "id": "Kolom berisi peran setiap responden (id atau nama); hanya butir peran itu yang dinilai. Bawaan: kolom bernama role atau peran.",
        "en": "Column holding each respondent's role (id or name); only that role's items are scored. Default: a column named role or peran.",
    },
    "help.batch.mapping": {
        "id": "TOML: [columns] judul kolom = id butir, [labels] label = nilai.",
        "en": "TOML: [columns] header = item id, [labels] label = value.",
    },
    "help.batch.exclude_flagged": {
        "id": "Keluarkan baris yang bertanda mutu jawaban dari ringkasan (tetap dinilai dan ditulis; jumlahnya ditampilkan).",
        "en": "Leave rows with a response-quality flag out of the summary (they are still scored and written; the count is shown).",
    },
    "help.batch.pseudonymize": {
        "id": "Ganti pengenal dengan hash berkunci (perlu --key-file).",
        "en": "Replace identifiers by a keyed hash (needs --key-file).",
    },
    "help.batch.key_file": {
        "id": "Kunci rahasia untuk --pseudonymize; simpan untuk mendapat pseudonim yang sama lain kali.",
        "en": "Secret key for --pseudonymize; keep it to get the same pseudonyms next time.",
    },
    "help.batch.encoding": {
        "id": "Pengodean berkas masukan, mis. cp1252. Bawaan: UTF-8 (UTF-16 bila ada BOM).",
        "en": "Encoding of the inputs, e.g. cp1252. Default: UTF-8 (UTF-16 with a BOM).",
    },
    "help.analyze": {
        "id": "Dapatkah skor dipercaya? Ringkasan dengan kata-kata sederhana, reliabilitas (alfa Cronbach seperti psych::alpha di R, dengan rentang 95%-nya, dan omega seperti psych::omega), analisis butir, tanda mutu jawaban dan, dengan --norms-out, norma beserta keandalan setiap skala.\n\nUntuk setiap indikator dan pilar: alfa, rentang 95% alfa, omega, penilaian keandalan, dan per butir pernyataannya, r.drop, alfa tanpa butir itu, rata-rata, simpangan baku dan porsi setiap jawaban; temuan dan catatan dijelaskan dengan kata-kata sederhana. Di bawah jumlah minimum, norma tetap ditulis dengan tanda sementara. docs/analysis.md menjelaskan setiap angka.\n\nContoh: asn-assess analyze jawaban.csv --lang en\n\nContoh: asn-assess analyze jawaban.csv -o analisis.html --norms-out norma.json",
        "en": "Can the scores be trusted? A verdict in plain words, reliability (Cronbach's alpha as R's psych::alpha, with its 95% range, and omega as psych::omega), item analysis, response-quality flags and, with --norms-out, norms with each scale's reliability.\n\nFor each indicator and pillar: alpha, its 95% range, omega and a verdict, and per item its statement, r.drop, alpha without it, mean, sd and the share of each answer; findings and notes explained in plain words. Below the minimum, norms are still written, marked provisional. docs/analysis.md explains every figure.\n\nExample: asn-assess analyze jawaban.csv --lang en\n\nExample: asn-assess analyze jawaban.csv -o analisis.html --norms-out norma.json",
    },
    "help.analyze.short": {
        "id": "Reliabilitas, analisis butir, mutu jawaban dan norma.",
        "en": "Reliability, item analysis, response quality and norms.",
    },
    "help.analyze.inputs": {
        "id": "CSV / ekspor survei / lembar jawaban JSONL, seperti untuk batch.",
        "en": "CSV / survey exports / JSONL answer sheets, as for batch.",
    },
    "help.analyze.format": {
        "id": "Format keluaran. Bawaan: dari akhiran --output, selain itu rich.",
        "en": "Output format. Default: from --output's suffix, else rich.",
    },
    "help.analyze.output": {
        "id": "Tulis ke sini, bukan ke stdout.",
        "en": "Write here instead of stdout.",
    },
    "help.analyze.lang": {
        "id": "Bahasa keluaran dan pesan: id atau en.",
        "en": "Language of the output and the messages: id or en.",
    },
    "help.analyze.missing": {
        "id": "Jawaban kosong: setiap angka dihitung dari semua yang menjawab butirnya (pairwise, seperti psych::alpha), atau hanya dari yang menjawab semua butir skala itu (listwise).",
        "en": "Missing answers: each figure from everyone who answered its items (pairwise, as psych::alpha), or only from those who answered all of a scale's items (listwise).",
    },
    "help.analyze.role": {
        "id": "Analisis hanya responden dengan peran ini (id atau nama).",
        "en": "Analyse only the respondents of this role (id or name).",
    },
    "help.analyze.exclude_flagged": {
        "id": "Keluarkan responden yang bertanda mutu jawaban dari setiap angka dan dari norma (jumlahnya dihitung).",
        "en": "Leave respondents with a response-quality flag out of every figure and of the norms (counted).",
    },
    "help.analyze.norms_out": {
        "id": "Tulis juga tabel persentil skor (norma), dengan alfa dan simpangan baku setiap skala, ke berkas JSON ini.",
        "en": "Also write percentile tables of the scores (norms), with each scale's alpha and SD, to this JSON file.",
    },
    "help.analyze.group_by": {
        "id": "Dengan --norms-out: juga satu tabel per nilai kolom ini; kelompok di bawah --norm-min digabung sebagai '(other)'.",
        "en": "With --norms-out: a table per value of this column as well; groups under --norm-min are pooled as '(other)'.",
    },
    "help.analyze.norm_min": {
        "id": "Jumlah responden minimum sebuah norma (sedikitnya 30; di bawah 100 dengan peringatan). Tabel dengan lebih sedikit responden tetap ditulis, bertanda sementara, selama sedikitnya 30.",
        "en": "The minimum number of respondents of a norm (at least 30; below 100 with a warning). A table of fewer is still written, marked provisional, as long as it has 30.",
    },
    "help.analyze.norms_source": {
        "id": "Asal skor norma, ditampilkan bersama setiap persentil. Bawaan: nama berkas masukan.",
        "en": "Where the norm's scores come from, shown with every percentile. Default: the input file names.",
    },
    "help.analyze.id_column": {"id": "Seperti untuk batch.", "en": "As for batch."},
    "help.analyze.role_column": {"id": "Seperti untuk batch.", "en": "As for batch."},
    "help.analyze.mapping": {"id": "Seperti untuk batch.", "en": "As for batch."},
    # --- template -----------------------------------------------------------------------
    "help.template": {
        "id": "Tulis tabel kosong untuk mengumpulkan jawaban: `batch` (satu kolom per butir, untuk `asn-assess batch`) atau `multirater` (satu baris per penilaian dalam putaran 360 derajat, untuk `asn-assess multirater`; .csv atau .xlsx dengan daftar pernyataan).\n\nContoh: asn-assess template batch -o kosong.csv\n\nContoh: asn-assess template multirater -o penilaian.xlsx\n\nContoh: asn-assess template multirater --as rekan --lang en -o rekan.csv",
        "en": "Write an empty table to collect answers in: `batch` (one column per item, for `asn-assess batch`) or `multirater` (one row per rating of a 360-degree round, for `asn-assess multirater`; .csv or .xlsx with the list of statements).\n\nExample: asn-assess template batch -o blank.csv\n\nExample: asn-assess template multirater -o ratings.xlsx\n\nExample: asn-assess template multirater --as rekan --lang en -o peers.csv",
    },
    "help.template.short": {
        "id": "Tabel kosong untuk batch atau multirater.",
        "en": "An empty table for batch or multirater.",
    },
    "help.template.kind": {
        "id": "Untuk perintah mana: batch atau multirater.",
        "en": "For which command: batch or multirater.",
    },
    "help.template.output": {
        "id": "Tulis ke berkas ini (.csv; untuk multirater juga .xlsx), bukan ke stdout.",
        "en": "Write to this file (.csv; for multirater also .xlsx) instead of stdout.",
    },
    "help.template.force": {
        "id": "Timpa --output bila sudah ada.",
        "en": "Overwrite --output if it exists.",
    },
    "help.template.lang": {
        "id": "Multirater: bahasa judul kolom, id atau en. Bawaan: bahasa pertama bank.",
        "en": "Multirater: language of the column titles, id or en. Default: the bank's first language.",
    },
    "help.template.as": {
        "id": "Multirater: hanya pernyataan yang dinilai kelompok ini (id atau nama kelompok).",
        "en": "Multirater: only the statements this group rates (a group id or name).",
    },
    # --- config ---------------------------------------------------------------------------
    "help.config_group": {
        "id": "Pengaturan pengguna, disimpan di config.toml dalam folder konfigurasi pengguna (atau berkas yang disebut $ASN_ASSESS_CONFIG).\n\nContoh: asn-assess config language en",
        "en": "User settings, kept in config.toml in the user configuration folder (or the file $ASN_ASSESS_CONFIG names).\n\nExample: asn-assess config language en",
    },
    "help.config_group.short": {
        "id": "Pengaturan pengguna (bahasa antarmuka).",
        "en": "User settings (interface language).",
    },
    "help.config_language": {
        "id": "Tampilkan bahasa antarmuka dan asalnya, atau simpan LANG sebagai bahasa antarmuka. --lang dan $ASN_ASSESS_LANG tetap lebih diutamakan.\n\nContoh: asn-assess config language\n\nContoh: asn-assess config language en",
        "en": "Show the interface language and where it comes from, or keep LANG as the interface language. --lang and $ASN_ASSESS_LANG still come first.\n\nExample: asn-assess config language\n\nExample: asn-assess config language en",
    },
    "help.config_language.short": {
        "id": "Tampilkan atau simpan bahasa antarmuka.",
        "en": "Show or set the interface language.",
    },
    "help.config_language.code": {
        "id": "id atau en. Tanpa ini: tampilkan pengaturan sekarang.",
        "en": "id or en. Without it: show the current setting.",
    },
    # --- bank -----------------------------------------------------------------------------
    "help.bank_list": {
        "id": "Daftar bank bawaan: id, versi, jumlah pilar, indikator dan butir, dan judul dalam bahasa antarmuka. Bila keluaran bukan terminal: satu baris per bank, kolom dipisah tab.\n\nContoh: asn-assess bank list\n\nContoh: asn-assess bank list --json",
        "en": "List the bundled banks: id, version, the number of pillars, indicators and items, and the title in the interface language. When output is not a terminal: one line per bank, columns separated by tabs.\n\nExample: asn-assess bank list\n\nExample: asn-assess bank list --json",
    },
    "help.bank_list.short": {"id": "Daftar bank bawaan.", "en": "List the bundled banks."},
    "help.bank_list.json": {
        "id": "Cetak daftar sebagai JSON.",
        "en": "Print the list as JSON.",
    },
    "help.bank_show": {
        "id": "Tampilkan bank sebagai pohon pilar, indikator dan jumlah butir.\n\nContoh: asn-assess bank show --lang en\n\nContoh: asn-assess bank show --order --role pelaksana\n\nContoh: asn-assess bank show questions/asn-profesional.toml --json > bank.json",
        "en": "Show a bank as a tree of pillars, indicators and item counts.\n\nExample: asn-assess bank show --lang en\n\nExample: asn-assess bank show --order --role pelaksana\n\nExample: asn-assess bank show questions/asn-profesional.toml --json > bank.json",
    },
    "help.bank_show.short": {
        "id": "Tampilkan pilar, indikator dan butir sebuah bank.",
        "en": "Show a bank's pillars, indicators and items.",
    },
    "help.bank_show.bank": {
        "id": "Id atau berkas bank. Bawaan: asn-profesional.",
        "en": "Bank id or file. Default: asn-profesional.",
    },
    "help.bank_show.json": {
        "id": "Cetak seluruh bank yang dinormalkan sebagai JSON.",
        "en": "Print the whole normalised bank as JSON.",
    },
    "help.bank_show.lang": {
        "id": "Bahasa pohon dan pesan: id atau en. Bawaan: bahasa antarmuka.",
        "en": "Language of the tree and the messages: id or en. Default: the interface language.",
    },
    "help.bank_show.order": {
        "id": "Daftar pertanyaan dalam urutan yang diajukan `start` (untuk jawaban lewat pipa).",
        "en": "List the questions in the order `start` asks them (for piped answers).",
    },
    "help.bank_show.role": {
        "id": "Dengan --order: pertanyaan untuk peran ini.",
        "en": "With --order: the questions of this role.",
    },
    "help.bank_validate": {
        "id": "Periksa berkas bank dan sebutkan setiap masalah yang ditemukan. Keluar dengan kode 0 bila semuanya sah, 1 bila tidak.\n\nContoh: asn-assess bank validate questions/*.toml",
        "en": "Check bank files and list every problem found. Exit 0 when all are valid, 1 otherwise.\n\nExample: asn-assess bank validate questions/*.toml",
    },
    "help.bank_validate.short": {
        "id": "Periksa berkas bank dan sebutkan setiap masalah.",
        "en": "Check bank files and list every problem.",
    },
    "help.bank_validate.paths": {
        "id": "Berkas TOML bank yang diperiksa.",
        "en": "Bank TOML files to check.",
    },
    "help.bank_template": {
        "id": "Tulis bank awal yang kecil dan sah untuk disesuaikan.\n\nContoh: asn-assess bank template -o bank-saya.toml",
        "en": "Write a small, valid starter bank to adapt.\n\nExample: asn-assess bank template -o my-bank.toml",
    },
    "help.bank_template.short": {
        "id": "Tulis bank awal untuk disesuaikan.",
        "en": "Write a starter bank to adapt.",
    },
    "help.bank_template.output": {
        "id": "Tulis ke berkas ini, bukan ke stdout (-).",
        "en": "Write to this file instead of stdout (-).",
    },
    "help.bank_template.force": {
        "id": "Timpa --output bila sudah ada.",
        "en": "Overwrite --output if it exists.",
    },
    "help.bank_diff": {
        "id": "Daftar butir yang ditambah, dihapus dan diubah (kalimat, skala, kunci, bobot, pindah, peran, nilai BerAKHLAK, penilai) antara dua bank, indikator yang skornya masih dapat dibandingkan, serta pilar, indikator dan pengaturan yang berubah tanpa mengubah skor.\n\nContoh: asn-assess bank diff asn-profesional@2.0.0 asn-profesional",
        "en": "List the items added, removed and changed (reworded, rescaled, re-keyed, reweighted, moved, roles, core values, raters) between two banks, which indicators' scores still compare, and the pillars, indicators and settings revised without changing a score.\n\nExample: asn-assess bank diff asn-profesional@2.0.0 asn-profesional",
    },
    "help.bank_diff.short": {
        "id": "Bandingkan dua bank atau dua versi bank.",
        "en": "Compare two banks or two versions of a bank.",
    },
    "help.bank_diff.old": {
        "id": "Id bank, ID@VERSI atau berkas.",
        "en": "Bank id, ID@VERSION or file.",
    },
    "help.bank_diff.new": {
        "id": "Id bank, ID@VERSI atau berkas.",
        "en": "Bank id, ID@VERSION or file.",
    },
    "help.bank_diff.json": {
        "id": "Cetak perbedaannya sebagai JSON.",
        "en": "Print the differences as JSON.",
    },
    # --- history --------------------------------------------------------------------------
    "help.history.lang": {
        "id": "Bahasa keluaran dan pesan: id atau en. Bawaan: bahasa antarmuka.",
        "en": "Language of the output and the messages: id or en. Default: the interface language.",
    },
    "help.history_list": {
        "id": 'Daftar setiap hasil tersimpan: id, tanggal, responden, bank, versi, skor keseluruhan dan kategori. Responden adalah NIP bila diisi, selain itu nama, selain itu "tanpa nama"; hasil dari versi lama tanpa profil tertulis "tidak tercatat".\n\nContoh: asn-assess history list\n\nContoh: asn-assess history list --respondent "Siti Aminah"',
        "en": 'List every saved result: id, date, respondent, bank, version, overall score and band. The respondent is the NIP when given, else the name, else "tanpa nama" (no name); results kept by an older version without a profile show "not recorded".\n\nExample: asn-assess history list\n\nExample: asn-assess history list --respondent "Siti Aminah"',
    },
    "help.history_list.short": {
        "id": "Daftar hasil tersimpan.",
        "en": "List the saved results.",
    },
    "help.history.respondent": {
        "id": 'Hanya hasil milik responden ini: NIP (boleh dengan spasi), nama (huruf besar-kecil tidak dibedakan) atau "tanpa nama".',
        "en": 'Only the results of this respondent: a NIP (spaces allowed), a name (case does not matter) or "tanpa nama" (no name).',
    },
    "help.history_list.json": {
        "id": "Cetak daftar sebagai JSON.",
        "en": "Print the list as JSON.",
    },
    "help.history_show": {
        "id": "Tampilkan hasil tersimpan sebagai laporan, atau ekspor (--format, -o).\n\nContoh: asn-assess history show last -o laporan.html",
        "en": "Show a saved result as the report, or export it (--format, -o).\n\nExample: asn-assess history show last -o laporan.html",
    },
    "help.history_show.short": {
        "id": "Tampilkan atau ekspor hasil tersimpan.",
        "en": "Show or export a saved result.",
    },
    "help.history_show.reference": {
        "id": "Id hasil, atau last (yang terakhir).",
        "en": "A result id, or last.",
    },
    "help.history_show.lang": {
        "id": "Bahasa laporan dan pesan. Bawaan: bahasa hasil.",
        "en": "Language of the report and the messages. Default: the result's.",
    },
    "help.history_compare": {
        "id": 'Bandingkan dua hasil dari satu bank: sebelum, sesudah dan perubahannya untuk skor keseluruhan, setiap pilar dan setiap indikator. Indikator yang berubah antarversi bank, atau hanya ada di satu versi, didaftar terpisah dan tidak dibandingkan.\n\nHanya hasil milik responden yang sama (NIP, selain itu nama, selain itu "tanpa nama") yang dibandingkan; dua responden berbeda ditolak (kode keluar 2).\n\nTanpa A dan B: dua hasil terakhir dari responden dan bank hasil terbaru. Dengan A saja: A dibandingkan dengan hasil terbaru dari responden dan banknya.\n\nDengan --norms: perubahan mana yang lebih besar daripada galat ukur.\n\nContoh: asn-assess history compare\n\nContoh: asn-assess history compare 3 7 --norms norma.json',
        "en": 'Compare two results of one bank: before, after and the change for the overall score, each pillar and each indicator. Indicators that changed between bank versions, or exist in one version only, are listed apart, never compared.\n\nOnly results of the same respondent (the NIP, else the name, else "tanpa nama") are compared; two different respondents are refused (exit code 2).\n\nWithout A and B: the last two results of the respondent and bank of the latest one. With A only: A against the latest result of its respondent and bank.\n\nWith --norms: which changes are larger than measurement error.\n\nExample: asn-assess history compare\n\nExample: asn-assess history compare 3 7 --norms norms.json',
    },
    "help.history_compare.short": {
        "id": "Bandingkan dua hasil dari satu bank.",
        "en": "Compare two results of one bank.",
    },
    "help.history_compare.first": {
        "id": "Hasil yang lebih awal (id atau last).",
        "en": "The earlier result (id or last).",
    },
    "help.history_compare.second": {
        "id": "Hasil yang lebih akhir (id atau last).",
        "en": "The later result (id or last).",
    },
    "help.history_compare.norms": {
        "id": "Norma dari `asn-assess analyze --norms-out`: tandai setiap perubahan yang lebih besar daripada 1,96 × √2 × galat baku pengukuran sebagai perubahan nyata (indeks perubahan andal Jacobson & Truax).",
        "en": "Norms from `asn-assess analyze --norms-out`: mark each change larger than 1.96 × √2 × the standard error of measurement as a real change (Jacobson & Truax's reliable change index).",
    },
    "help.history_compare.json": {
        "id": "Cetak perbandingan sebagai JSON.",
        "en": "Print the comparison as JSON.",
    },
    "help.history_export": {
        "id": "Ekspor setiap hasil tersimpan, dari yang terlama.\n\njsonl: setiap baris adalah hasil seperti dijelaskan `asn-assess schema result`. csv: satu baris per hasil dan tingkat (keseluruhan, pilar, indikator) dengan respondennya, skor dan kategorinya.\n\nContoh: asn-assess history export -o riwayat.csv",
        "en": "Export every saved result, oldest first.\n\njsonl: each line is a result as `asn-assess schema result` describes it. csv: one row per result and level (overall, pillar, indicator) with its respondent, score and band.\n\nExample: asn-assess history export -o riwayat.csv",
    },
    "help.history_export.short": {
        "id": "Ekspor semua hasil tersimpan (jsonl atau csv).",
        "en": "Export every saved result (jsonl or csv).",
    },
    "help.history_export.format": {
        "id": "jsonl (satu hasil per baris) atau csv (satu baris per hasil dan skor). Bawaan: dari akhiran -o.",
        "en": "jsonl (one result per line) or csv (one row per result and score). Default: from the -o extension.",
    },
    "help.history_export.output": {
        "id": "Tulis ke sini, bukan ke stdout.",
        "en": "Write here instead of stdout.",
    },
    "help.history_delete": {
        "id": "Hapus hasil dari riwayat, beserta berkasnya (JSON hasil dan laporan HTML), setelah konfirmasi.\n\nContoh: asn-assess history delete 3\n\nContoh: asn-assess history delete --all --yes",
        "en": "Delete results from the history, with their files (result JSON and HTML report), after a confirmation.\n\nExample: asn-assess history delete 3\n\nExample: asn-assess history delete --all --yes",
    },
    "help.history_delete.short": {
        "id": "Hapus hasil dari riwayat.",
        "en": "Delete results from the history.",
    },
    "help.history_delete.reference": {
        "id": "Hasil yang dihapus.",
        "en": "The result to delete.",
    },
    "help.history_delete.all": {
        "id": "Hapus setiap hasil tersimpan.",
        "en": "Delete every saved result.",
    },
    "help.history_delete.yes": {
        "id": "Jangan meminta konfirmasi.",
        "en": "Do not ask for confirmation.",
    },
}
