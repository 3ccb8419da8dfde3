"""Texts of `asn-assess form export`, of the forms it writes, and of reading spreadsheets
in `asn-assess batch`.

Texts under ``form.label.*`` appear inside generated forms, in the form's languages;
``batch`` recognises the columns they title, so they stay names that it knows
(``Unit kerja``, ``Jabatan``, ``Peran`` ...): a test checks that.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- inside generated forms ------------------------------------------------------------
    "form.label.not_applicable": {"id": "Tidak berlaku", "en": "Not applicable"},
    "form.label.situation": {
        "id": "Situasi {number}: {question}",
        "en": "Situation {number}: {question}",
    },
    "form.label.instructions": {
        "id": 'Untuk pernyataan, tidak ada jawaban benar atau salah: jawablah sesuai kebiasaan kerja Anda sehari-hari. Pilih "Tidak berlaku" bila situasi dalam pernyataan tidak pernah terjadi dalam pekerjaan Anda.',
        "en": 'For the statements there are no right or wrong answers: answer as you usually act at work. Choose "Not applicable" when the situation in a statement never arises in your job.',
    },
    "form.label.title_for_role": {"id": "{title} ({role})", "en": "{title} ({role})"},
    "form.label.profile": {"id": "Profil", "en": "Profile"},
    "form.label.profile_hint": {
        "id": "Boleh dikosongkan.",
        "en": "Optional.",
    },
    "form.label.nip": {"id": "NIP", "en": "NIP"},
    "form.label.nip_hint": {
        "id": "18 angka, misalnya 19860926 201505 1 001.",
        "en": "18 digits, for example 19860926 201505 1 001.",
    },
    "form.label.nip_invalid": {
        "id": "NIP terdiri dari 18 angka: tanggal lahir (TTTTBBHH), tahun dan bulan pengangkatan (TTTTBB), jenis kelamin (1 atau 2) dan nomor urut.",
        "en": "A NIP has 18 digits: birth date (YYYYMMDD), year and month of appointment (YYYYMM), gender (1 or 2) and a sequence number.",
    },
    "form.label.unit": {"id": "Unit kerja", "en": "Work unit"},
    "form.label.position": {"id": "Jabatan", "en": "Position"},
    "form.label.role": {"id": "Peran", "en": "Role"},
    "form.label.role_hint": {
        "id": "Peran Anda menentukan pertanyaan yang diajukan.",
        "en": "Your role decides which questions you are asked.",
    },
    "form.label.created": {"id": "Formulir dibuat:", "en": "Form created:"},
    "form.label.run_script": {
        "id": "Jalankan fungsi createForm sekali dari script.google.com dengan akun Google Anda sendiri; formulir dibuat di Google Drive Anda. Berkas ini tidak memuat kata sandi atau kunci apa pun.",
        "en": "Run the function createForm once from script.google.com with your own Google account; the form is created in your Google Drive. This file holds no password or key of any kind.",
    },
    # --- the command -----------------------------------------------------------------------
    "form.help.group": {
        "id": "Buat formulir dari bank soal untuk KoboToolbox/ODK, LimeSurvey atau Google Forms.\n\nContoh: asn-assess form export --format xlsform -o formulir.xlsx",
        "en": "Make a form of the question bank for KoboToolbox/ODK, LimeSurvey or Google Forms.\n\nExample: asn-assess form export --format xlsform -o form.xlsx",
    },
    "form.help.group.short": {
        "id": "Formulir untuk KoboToolbox/ODK, LimeSurvey atau Google Forms.",
        "en": "Forms for KoboToolbox/ODK, LimeSurvey or Google Forms.",
    },
    "form.help.export.short": {
        "id": "Tulis bank soal sebagai formulir platform survei.",
        "en": "Write the question bank as a survey platform's form.",
    },
    "form.help.export": {
        "id": "Tulis bank soal sebagai formulir: XLSForm (.xlsx) untuk KoboToolbox dan ODK, berkas struktur survei LimeSurvey (.txt, tab-separated) atau Google Apps Script (.gs) yang membuat Google Form. Ekspor jawaban dari formulir itu dinilai oleh `asn-assess batch` tanpa --mapping. Langkah tiap platform: docs/forms.md.\n\nContoh: asn-assess form export -o formulir.xlsx\n\nContoh: asn-assess form export --format limesurvey -o survei.txt\n\nContoh: asn-assess form export --format gforms --role pelaksana --lang id -o buat-formulir.gs",
        "en": "Write the question bank as a form: an XLSForm (.xlsx) for KoboToolbox and ODK, a LimeSurvey survey structure file (.txt, tab-separated) or a Google Apps Script (.gs) that creates a Google Form. The responses exported from that form are scored by `asn-assess batch` with no --mapping. Steps per platform: docs/forms.md.\n\nExample: asn-assess form export -o form.xlsx\n\nExample: asn-assess form export --format limesurvey -o survey.txt\n\nExample: asn-assess form export --format gforms --role pelaksana --lang en -o make-form.gs",
    },
    "form.help.format": {
        "id": "xlsform (.xlsx), limesurvey (.txt) atau gforms (.gs). Bawaan: dari akhiran --output.",
        "en": "xlsform (.xlsx), limesurvey (.txt) or gforms (.gs). Default: from --output's suffix.",
    },
    "form.help.lang": {
        "id": "Bahasa formulir: id, en atau both (semua bahasa bank; tidak untuk gforms). Bawaan: both, gforms: id.",
        "en": "Language of the form: id, en or both (every language of the bank; not for gforms). Default: both, gforms: id.",
    },
    "form.help.role": {
        "id": "Hanya pertanyaan untuk peran ini (id atau nama peran). Tanpa ini, formulir menanyakan peran dan menampilkan pertanyaan yang sesuai (Google Forms: lewat percabangan per bagian).",
        "en": "Only the questions for this role (a role id or name). Without it the form asks the role and shows the questions that fit it (Google Forms: by branching between sections).",
    },
    "form.help.output": {
        "id": "Berkas formulir yang ditulis (secara atomik).",
        "en": "The form file to write (atomically).",
    },
    "form.help.no_profile": {
        "id": "Tanpa isian profil (NIP, unit kerja, jabatan).",
        "en": "Leave out the profile fields (NIP, work unit, position).",
    },
    "form.help.force": {
        "id": "Timpa --output bila sudah ada.",
        "en": "Overwrite --output if it exists.",
    },
    "form.wrote": {
        "id": "menulis {path}: {questions} pertanyaan {bank} {version} untuk {platform}. Langkah impor dan ekspor: docs/forms.md. Nilai ekspornya dengan: asn-assess batch {export}",
        "en": "wrote {path}: {questions} questions of {bank} {version} for {platform}. Import and export steps: docs/forms.md. Score the export with: asn-assess batch {export}",
    },
    # --- mistakes --------------------------------------------------------------------------
    "form.error.output_needed": {
        "id": "sebutkan berkas formulir dengan --output FILE (misalnya -o formulir.xlsx)",
        "en": "name the form file with --output FILE (for example -o form.xlsx)",
    },
    "form.error.unknown_format": {
        "id": "--format {value!r}: pilih xlsform, limesurvey atau gforms",
        "en": "--format {value!r}: choose xlsform, limesurvey or gforms",
    },
    "form.error.format_unknown_suffix": {
        "id": "{path}: akhiran ini tidak menunjukkan platform; tambahkan --format xlsform|limesurvey|gforms",
        "en": "{path}: its suffix names no platform; add --format xlsform|limesurvey|gforms",
    },
    "form.error.format_mismatch": {
        "id": "{path}: --format {format} menulis berkas {expected}, bukan {suffix}",
        "en": "{path}: --format {format} writes a {expected} file, not {suffix}",
    },
    "form.error.lss_suffix": {
        "id": "{path}: formulir LimeSurvey ditulis sebagai teks tab-separated; beri nama berakhiran .txt",
        "en": "{path}: the LimeSurvey form is written as tab-separated text; give it a .txt name",
    },
    "form.error.output_is_bank": {
        "id": "{path}: ini berkas bank soal; pilih --output lain agar bank tidak tertimpa",
        "en": "{path}: this is the bank file; choose another --output so that the bank is not overwritten",
    },
    "form.error.output_exists": {
        "id": "{path}: sudah ada; tambahkan --force untuk menimpanya",
        "en": "{path}: already exists; pass --force to overwrite it",
    },
    "form.error.unknown_lang": {
        "id": "--lang {value!r}: pilih salah satu bahasa bank ({languages}) atau both",
        "en": "--lang {value!r}: choose a language of the bank ({languages}) or both",
    },
    "form.error.gforms_one_language": {
        "id": "Google Forms hanya memiliki satu bahasa per formulir; buat satu formulir per bahasa dengan --lang {languages}",
        "en": "Google Forms has one language per form; make one form per language with --lang {languages}",
    },
    "form.error.gforms_roles_cross": {
        "id": "Google Forms: kelompok peran butir saling bersilangan ({first} dan {second}), sehingga satu formulir dengan percabangan per bagian tidak dapat menampilkan setiap peran hanya pertanyaannya; buat satu formulir per peran dengan --role",
        "en": "Google Forms: the role sets of items cross ({first} and {second}), so one form branching by section cannot show each role only its questions; make one form per role with --role",
    },
    "form.error.duplicate_choice": {
        "id": "{item}: pilihan {first} dan {second} bertuliskan sama dalam bahasa {lang} ({text!r}); ekspor jawabannya tidak dapat dibedakan",
        "en": "{item}: choices {first} and {second} read the same in language {lang} ({text!r}); their exported answers could not be told apart",
    },
    "form.error.scale_value": {
        "id": "skala {scale}: nilai {value} tidak dapat menjadi kode jawaban LimeSurvey (1-5 huruf atau angka)",
        "en": "scale {scale}: value {value} cannot be a LimeSurvey answer code (1-5 letters or digits)",
    },
    # --- batch: spreadsheets ---------------------------------------------------------------
    "sheet.help": {
        "id": "Lembar yang dibaca dari berkas .xlsx (nama). Bawaan: lembar pertama.",
        "en": "Sheet to read from .xlsx inputs (its name). Default: the first sheet.",
    },
    "sheet.error.not_found": {
        "id": "tidak ada lembar {sheet!r} (lembar: {sheets})",
        "en": "no sheet {sheet!r} (sheets: {sheets})",
    },
    "sheet.error.unreadable": {
        "id": "tidak dapat dibaca sebagai lembar kerja .xlsx ({reason})",
        "en": "cannot be read as an .xlsx workbook ({reason})",
    },
    "sheet.error.dtd": {
        "id": "bagian ini memuat deklarasi tipe dokumen (DTD), yang tidak pernah ditulis "
        "oleh Excel, LibreOffice, atau aplikasi survei; ditolak demi keamanan (simpan "
        "ulang berkas dari program lembar kerja)",
        "en": "this part declares a document type (a DTD), which Excel, LibreOffice and "
        "survey tools never write; refused for safety (save the file again from a "
        "spreadsheet program)",
    },
    "sheet.error.part_too_large": {
        "id": "bagian ini lebih besar dari {size}, batas untuk bagian yang dibaca utuh",
        "en": "this part is larger than {size}, the limit for a part read whole",
    },
    "sheet.error.broken_at": {
        "id": "rusak pada baris {row}: {reason}",
        "en": "broken at row {row}: {reason}",
    },
    "sheet.error.empty": {
        "id": "lembar {sheet!r} kosong: tidak ada baris judul kolom",
        "en": "sheet {sheet!r} is empty: it has no header row",
    },
}
