"""Texts of the command line's own messages: usage errors, warnings and the lines the
commands print about what they did."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- every command ----------------------------------------------------------------
    "cli.error": {"id": "galat", "en": "error"},
    "cli.warning": {"id": "peringatan", "en": "warning"},
    "cli.bad_language": {
        "id": "bahasa {value!r} tidak dikenal; pilih salah satu: {languages}",
        "en": "unknown language {value!r}; choose one of: {languages}",
    },
    "cli.bad_language_option": {
        "id": "--lang {value}: pilih salah satu: {languages}",
        "en": "--lang {value}: choose one of: {languages}",
    },
    "cli.language_not_in_bank": {
        "id": "bahasa {code!r} tidak ada di bank {bank!r} (bahasa: {languages})",
        "en": "language {code!r} is not in bank {bank!r} (languages: {languages})",
    },
    "cli.choose_one": {
        "id": "{option} {value!r}: pilih salah satu: {choices}",
        "en": "{option} {value!r}: choose one of: {choices}",
    },
    "cli.unknown_role": {
        "id": "--role {role!r}: tidak ada peran itu di bank {bank!r} (peran: {roles})",
        "en": "--role {role!r}: no such role in bank {bank!r} (roles: {roles})",
    },
    "cli.norm_group_needs_norms": {
        "id": "--norm-group memerlukan --norms FILE",
        "en": "--norm-group needs --norms FILE",
    },
    "cli.norms_with_json": {
        "id": "--norms menambahkan persentil ke laporan; jangan dipakai bersama --json",
        "en": "--norms adds percentiles to the report; leave it out with --json",
    },
    "cli.json_contradicts": {
        "id": "--json bertentangan dengan --format {form}",
        "en": "--json contradicts --format {form}",
    },
    "cli.result_or_last": {
        "id": "berikan RESULT atau --last, salah satu saja",
        "en": "give either RESULT or --last",
    },
    "cli.unknown_schema": {
        "id": "skema {name!r} tidak dikenal; pilih salah satu: {choices}",
        "en": "unknown schema {name!r}; choose one of: {choices}",
    },
    "cli.result_bank_not_bundled": {
        "id": "{source}: hasil ini untuk {bank} {version}, yang tidak disertakan; berikan berkas bank itu dengan --bank",
        "en": "{source}: the result is for {bank} {version}, which is not bundled; pass that bank's file with --bank",
    },
    "cli.result_bank_mismatch": {
        "id": "{source}: hasil ini untuk {bank} {version}, sedangkan banknya {loaded} {loaded_version}; berikan bank yang cocok dengan --bank",
        "en": "{source}: the result is for {bank} {version}, the bank is {loaded} {loaded_version}; pass the matching bank with --bank",
    },
    "cli.resumed_other_role": {
        "id": "--role {role}: sesi ini dimulai untuk peran {started!r}; pakai --new untuk memulai lagi dengan peran lain",
        "en": "--role {role}: this session was started for role {started!r}; use --new to start again with another role",
    },
    "cli.history_entry": {"id": "riwayat #{id}", "en": "history #{id}"},
    # --- config -----------------------------------------------------------------------
    "config.bad_language": {
        "id": "language = {value!r} tidak dikenal; pilih salah satu: {languages} (pengaturan ini diabaikan)",
        "en": "language = {value!r} is not known; choose one of: {languages} (the setting is ignored)",
    },
    "config.saved": {
        "id": "bahasa antarmuka {code} disimpan di {path}",
        "en": "interface language {code} kept in {path}",
    },
    "config.from_environment": {
        "id": "dari variabel lingkungan ${variable}",
        "en": "from the environment variable ${variable}",
    },
    "config.from_file": {"id": "dari {path}", "en": "from {path}"},
    "config.from_default": {
        "id": "bawaan (belum ada pengaturan di {path})",
        "en": "the default (no setting in {path})",
    },
    # --- template ---------------------------------------------------------------------
    "template.unknown_kind": {
        "id": "templat {kind!r} tidak dikenal; pilih salah satu: {kinds}",
        "en": "unknown template {kind!r}; choose one of: {kinds}",
    },
    "template.multirater_only": {
        "id": "{option} hanya berlaku untuk `template multirater`",
        "en": "{option} applies to `template multirater` only",
    },
    "template.batch_wrote": {
        "id": "{path} ditulis: satu kolom per butir dari {bank} {version}; nilai dengan: asn-assess batch {path} --id-column respondent_id",
        "en": "wrote {path}: one column per item of {bank} {version}; score it with: asn-assess batch {path} --id-column respondent_id",
    },
    "template.moved": {
        "id": "template: tidak ada berkas bernama 'template'. Templat kosong kini ditulis oleh `asn-assess template {command}`",
        "en": "template: no file named 'template'. Empty templates are now written by `asn-assess template {command}`",
    },
    # --- bank -------------------------------------------------------------------------
    "bank.list_counts": {
        "id": "{pillars} pilar, {indicators} indikator, {items} butir",
        "en": "{pillars} pillars, {indicators} indicators, {items} items",
    },
    "bank.valid": {
        "id": "{path}: sah ({bank} {version}; pilar: {pillars}, indikator: {indicators}, butir: {items})",
        "en": "{path}: valid ({bank} {version}; pillars: {pillars}, indicators: {indicators}, items: {items})",
    },
    "bank.invalid": {
        "id": "{path}: tidak sah ({count} masalah)",
        "en": "{path}: invalid ({count} problem(s))",
    },
    "bank.template_wrote": {
        "id": "{path} ditulis; periksa dengan: asn-assess bank validate {path}",
        "en": "wrote {path}; check it with: asn-assess bank validate {path}",
    },
    # --- batch ------------------------------------------------------------------------
    "batch.bad_format": {
        "id": "--format {value!r}: pilih csv, jsonl atau xlsx",
        "en": "--format {value!r}: choose csv, jsonl or xlsx",
    },
    "batch.summary_names_people": {
        "id": "--summary-by {column!r} berisi nama orang, sehingga kelompoknya akan menunjukkan siapa yang menjawab; ringkas menurut kolom unit atau jabatan",
        "en": "--summary-by {column!r} names people, so its groups would show who answered; summarise by a unit or position column instead",
    },
    "batch.summary_output_needs_by": {
        "id": "--summary-output memerlukan --summary-by COLUMN (dasar pengelompokan)",
        "en": "--summary-output needs --summary-by COLUMN (what to group by)",
    },
    "batch.exclude_needs_by": {
        "id": "--exclude-flagged memerlukan --summary-by COLUMN (opsi ini berlaku pada ringkasan)",
        "en": "--exclude-flagged needs --summary-by COLUMN (it acts on the summary)",
    },
    "batch.rejected_see": {
        "id": "peringatan: {count} baris ditolak; lihat {path}",
        "en": "warning: {count} row(s) rejected; see {path}",
    },
    "batch.unused_columns": {
        "id": "peringatan: {source}: {count} kolom tidak dipakai: {columns}; bila berisi jawaban, sebutkan dalam berkas --mapping",
        "en": "warning: {source}: {count} column(s) not used: {columns}; if they hold answers, name them in a --mapping file",
    },
    "batch.progress_rows": {"id": "{rows} baris", "en": "{rows} rows"},
    "batch.summary_title": {
        "id": "Ringkasan per kelompok (0-100)",
        "en": "Summary by group (0-100)",
    },
    "batch.summary_group": {"id": "kelompok", "en": "group"},
    "batch.summary_n": {"id": "n", "en": "n"},
    "batch.summary_measure": {"id": "ukuran", "en": "measure"},
    "batch.summary_mean": {"id": "rata-rata", "en": "mean"},
    "batch.summary_median": {"id": "median", "en": "median"},
    "batch.summary_sd": {"id": "sb", "en": "sd"},
    "batch.summary_overall": {"id": "keseluruhan", "en": "overall"},
    "batch.summary_too_few": {
        "id": "(terlalu sedikit untuk ditampilkan)",
        "en": "(too few to show)",
    },
    # --- analyze ----------------------------------------------------------------------
    "analyze.group_by_needs_norms": {
        "id": "--group-by memerlukan --norms-out FILE (opsi ini mengelompokkan norma)",
        "en": "--group-by needs --norms-out FILE (it groups the norms)",
    },
    "analyze.norm_min_low": {
        "id": "--norm-min {value}: norma memerlukan sedikitnya {lowest}",
        "en": "--norm-min {value}: a norm needs at least {lowest}",
    },
    "analyze.interrupted": {
        "id": "dihentikan: tidak ada keluaran yang ditulis",
        "en": "interrupted: no output written",
    },
    "analyze.counts": {
        "id": "dibaca {read}, dinilai {scored}, ditolak {rejected}",
        "en": "read {read}, scored {scored}, rejected {rejected}",
    },
    # --- history ----------------------------------------------------------------------
    "history.export_suffix": {
        "id": "{path}: akhiran {suffix} bukan .jsonl atau .csv",
        "en": "{path}: the extension {suffix} is not .jsonl or .csv",
    },
    "history.export_contradicts": {
        "id": "{path}: --format {form} bertentangan dengan akhirannya ({named})",
        "en": "{path}: --format {form} contradicts its extension ({named})",
    },
    "history.export_format_needed": {
        "id": "berikan --format jsonl|csv, atau -o FILE.jsonl|FILE.csv",
        "en": "give --format jsonl|csv, or -o FILE.jsonl|FILE.csv",
    },
    "history.delete_which": {
        "id": "berikan ID (atau last) atau --all, salah satu saja",
        "en": "give either ID (or last) or --all",
    },
}
