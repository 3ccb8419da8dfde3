"""Texts of `asn-assess analyze`: headings, columns, findings and notes."""

MESSAGES: dict[str, dict[str, str]] = {
    "analyze.nothing_scored": {
        "id": "tidak ada responden yang dapat dianalisis: {read} baris dibaca, {rejected} ditolak; alasannya tertulis di atas",
        "en": "no respondent could be analysed: {read} rows read, {rejected} rejected; the reasons are above",
    },
    "analyze.title": {
        "id": "Analisis butir: {bank} {version}",
        "en": "Item analysis: {bank} {version}",
    },
    "analyze.respondents": {
        "id": "Responden yang dianalisis: {n} (dibaca {read}, ditolak {rejected}).",
        "en": "Respondents analysed: {n} (read {read}, rejected {rejected}).",
    },
    "analyze.excluded": {
        "id": "{count} responden dengan tanda mutu jawaban tidak diikutkan (--exclude-flagged).",
        "en": "{count} respondent(s) with a response-quality flag were left out (--exclude-flagged).",
    },
    "analyze.other_roles": {
        "id": "Hanya peran {role}: {count} responden dengan peran lain tidak diikutkan.",
        "en": "Role {role} only: {count} respondent(s) of other roles were left out.",
    },
    "analyze.missing.pairwise": {
        "id": "Jawaban kosong: pairwise (bawaan). Setiap angka memakai semua responden yang menjawab butir yang bersangkutan, seperti psych::alpha di R; kolom Responden menyebut berapa responden.",
        "en": "Missing answers: pairwise (the default). Each figure uses everyone who answered the items concerned, as R's psych::alpha does; the Respondents columns say how many.",
    },
    "analyze.missing.listwise": {
        "id": "Jawaban kosong: listwise. Setiap indikator dan pilar hanya memakai responden yang menjawab semua butirnya; kolom Responden menyebut berapa responden.",
        "en": "Missing answers: listwise. Each indicator and pillar uses only the respondents who answered all its items; the Respondents columns say how many.",
    },
    "analyze.scores_note": {
        "id": "Skor butir 0-100, dibalik untuk butir terbalik, persis seperti saat penilaian.",
        "en": "Item scores are 0-100, reversed for reverse-keyed items, exactly as in scoring.",
    },
    "analyze.findings": {"id": "Temuan", "en": "Findings"},
    "analyze.no_findings": {
        "id": "Tidak ada temuan: tidak ada butir atau indikator yang melewati batas aturan.",
        "en": "No findings: no item or indicator crosses a rule's threshold.",
    },
    "analyze.notes": {"id": "Catatan perhitungan", "en": "Notes on the computation"},
    "analyze.scales": {
        "id": "Keandalan indikator dan pilar",
        "en": "Reliability of indicators and pillars",
    },
    "analyze.items": {"id": "Butir: {scale}", "en": "Items: {scale}"},
    "analyze.quality": {"id": "Mutu jawaban responden", "en": "Response quality"},
    "analyze.quality_total": {
        "id": "{count} responden ({share}) memiliki sedikitnya satu tanda; tanda tidak mengubah skor.",
        "en": "{count} respondent(s) ({share}) have at least one flag; flags do not change scores.",
    },
    "analyze.norms_written": {
        "id": "norma ditulis ke {path}: {groups} kelompok, n={n}",
        "en": "norms written to {path}: {groups} group(s), n={n}",
    },
    "analyze.norms_provisional": {
        "id": 'norma ini sementara: {n} responden, kurang dari batas {minimum}; persentilnya tetap ditulis, dan setiap laporan yang memakainya menyebut "sementara, n={n}"',
        "en": 'these norms are provisional: {n} respondents, fewer than the minimum of {minimum}; the percentiles are written all the same, and every report that uses them says "provisional, n={n}"',
    },
    "analyze.norms_low_minimum": {
        "id": "peringatan: norma dengan kurang dari 100 responden ({minimum}) kurang stabil; persentil dapat bergeser banyak",
        "en": "warning: a norm with fewer than 100 respondents ({minimum}) is unstable; its percentiles can move a lot",
    },
    "analyze.norms_pooled": {
        "id": "{count} kelompok dengan kurang dari {minimum} responden digabung sebagai (other)",
        "en": "{count} group(s) with fewer than {minimum} respondents pooled as (other)",
    },
    "analyze.norms_pooled_few": {
        "id": "{count} kelompok dengan kurang dari {minimum} responden digabung, tetapi gabungannya pun terlalu kecil untuk tabel sendiri",
        "en": "{count} group(s) with fewer than {minimum} respondents pooled, but even together too few for a table of their own",
    },
    # column headings
    "analyze.col.scale": {"id": "Indikator/pilar", "en": "Indicator/pillar"},
    "analyze.col.kind": {"id": "Jenis", "en": "Kind"},
    "analyze.col.alpha": {"id": "Keandalan (alpha)", "en": "Reliability (alpha)"},
    "analyze.col.std_alpha": {"id": "Alpha baku", "en": "Standardised alpha"},
    "analyze.col.average_r": {"id": "Korelasi antarbutir", "en": "Inter-item correlation"},
    "analyze.col.item": {"id": "Butir", "en": "Item"},
    "analyze.col.mean": {"id": "Rerata (0-100)", "en": "Average (0-100)"},
    "analyze.col.sd": {"id": "Sebaran (sd)", "en": "Spread (sd)"},
    "analyze.col.r_drop": {"id": "Kecocokan (r.drop)", "en": "Fit with the rest (r.drop)"},
    "analyze.col.alpha_without": {"id": "Alpha tanpa butir ini", "en": "Alpha without it"},
    "analyze.col.answers": {"id": "Jawaban (%)", "en": "Answers (%)"},
    "analyze.col.skipped": {"id": "Dilewati", "en": "Skipped"},
    "analyze.col.not_applicable": {"id": "Tidak berlaku", "en": "Not applicable"},
    "analyze.col.rule": {"id": "Aturan", "en": "Rule"},
    "analyze.col.flagged": {"id": "Responden ditandai", "en": "Respondents flagged"},
    "analyze.kind.indicator": {"id": "indikator", "en": "indicator"},
    "analyze.kind.pillar": {"id": "pilar", "en": "pillar"},
    "analyze.kind.value": {"id": "nilai dasar", "en": "core value"},
    # findings: one sentence each, for an HR reader
    "analyze.flag.low-alpha": {
        "id": "{scale}: alpha {value}, di bawah {threshold}; butir-butirnya belum mengukur satu hal secara konsisten.",
        "en": "{scale}: alpha {value}, below {threshold}; its items do not yet measure one thing consistently.",
    },
    "analyze.flag.negative-r-drop": {
        "id": "{item} ({scale}): berkorelasi negatif dengan butir lain (r.drop {value}); periksa apakah butir ini seharusnya dinilai terbalik.",
        "en": "{item} ({scale}): correlates negatively with the other items (r.drop {value}); check whether this item should be reverse-keyed.",
    },
    "analyze.flag.weak-r-drop": {
        "id": "{item} ({scale}): hampir tidak berkaitan dengan butir lain (r.drop {value}, di bawah {threshold}); periksa kalimat dan kuncinya.",
        "en": "{item} ({scale}): barely relates to the other items (r.drop {value}, below {threshold}); check its wording and keying.",
    },
    "analyze.flag.alpha-rises": {
        "id": "{item} ({scale}): tanpa butir ini alpha naik dari {reference} menjadi {value}.",
        "en": "{item} ({scale}): without this item alpha rises from {reference} to {value}.",
    },
    "analyze.flag.same-answer": {
        "id": "{item} ({scale}): {value} responden menjawab sama ({other}); butir ini hampir tidak membedakan orang.",
        "en": "{item} ({scale}): {value} of respondents gave the same answer ({other}); the item hardly tells people apart.",
    },
    "analyze.flag.closer-to-other": {
        "id": "{scale}: butir-butirnya rata-rata berkorelasi lebih tinggi dengan total {other} ({value}) daripada dengan indikatornya sendiri ({reference}); periksa apakah butir berada di indikator yang tepat.",
        "en": "{scale}: its items correlate more with the total of {other} ({value}) than with their own indicator ({reference}); check that they sit in the right indicator.",
    },
}
