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
        "id": "Jawaban kosong: pairwise (bawaan). Setiap angka memakai semua responden yang menjawab butir yang bersangkutan, seperti psych::alpha di R; kolom n menyebut berapa responden.",
        "en": "Missing answers: pairwise (the default). Each figure uses everyone who answered the items concerned, as R's psych::alpha does; the n columns say how many.",
    },
    "analyze.missing.listwise": {
        "id": "Jawaban kosong: listwise. Setiap indikator dan pilar hanya memakai responden yang menjawab semua butirnya; kolom n menyebut berapa responden.",
        "en": "Missing answers: listwise. Each indicator and pillar uses only the respondents who answered all its items; the n columns say how many.",
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
    "analyze.col.n": {"id": "n", "en": "n"},
    "analyze.col.alpha": {"id": "alpha", "en": "alpha"},
    "analyze.col.std_alpha": {"id": "alpha std", "en": "std alpha"},
    "analyze.col.average_r": {"id": "r rata-rata", "en": "average r"},
    "analyze.col.item": {"id": "Butir", "en": "Item"},
    "analyze.col.mean": {"id": "rerata", "en": "mean"},
    "analyze.col.sd": {"id": "sd", "en": "sd"},
    "analyze.col.r_drop": {"id": "r.drop", "en": "r.drop"},
    "analyze.col.alpha_without": {"id": "alpha tanpa", "en": "alpha w/o"},
    "analyze.col.answers": {"id": "Jawaban (%)", "en": "Answers (%)"},
    "analyze.col.skipped": {"id": "lewat", "en": "skip"},
    "analyze.col.not_applicable": {"id": "TB", "en": "n/a"},
    "analyze.col.rule": {"id": "Aturan", "en": "Rule"},
    "analyze.col.flagged": {"id": "ditandai", "en": "flagged"},
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
    # notes: where a figure cannot be computed, and why
    "analyze.note.constant-item": {
        "id": "{scale}: semua responden menjawab {item} dengan jawaban yang sama, jadi butir ini tidak bervariasi dan dikeluarkan dari alpha (skor tetap menghitungnya).",
        "en": "{scale}: every respondent gave {item} the same answer, so it has no variance and is left out of alpha (scores still count it).",
    },
    "analyze.note.too-few-observations": {
        "id": "{scale}: {item} dijawab kurang dari dua responden dan dikeluarkan dari alpha.",
        "en": "{scale}: {item} has fewer than two answers and is left out of alpha.",
    },
    "analyze.note.too-few-pairs": {
        "id": "{scale}: {item} dan {other} tidak dijawab bersama oleh sedikitnya dua responden (misalnya karena ditanyakan kepada peran berbeda), jadi alpha tidak dapat dihitung; analisis satu peran dengan --role.",
        "en": "{scale}: {item} and {other} are not answered together by at least two respondents (for instance because they are asked of different roles), so alpha cannot be computed; analyse one role with --role.",
    },
    "analyze.note.too-few-respondents": {
        "id": "{scale}: kurang dari dua responden; alpha tidak dapat dihitung.",
        "en": "{scale}: fewer than two respondents; alpha cannot be computed.",
    },
    "analyze.note.too-few-items": {
        "id": "{scale}: kurang dari dua butir yang bervariasi; alpha tidak terdefinisi.",
        "en": "{scale}: fewer than two items with variance; alpha is undefined.",
    },
    "analyze.note.non-positive-total-variance": {
        "id": "{scale}: butir-butirnya saling meniadakan (varians total tidak positif); alpha tidak dihitung.",
        "en": "{scale}: its items cancel each other out (the total has no positive variance); alpha is not computed.",
    },
    "analyze.note.non-positive-rest-variance": {
        "id": "{scale}: tanpa {item}, butir lainnya saling meniadakan; r.drop dan alpha tanpa butir itu tidak dihitung.",
        "en": "{scale}: without {item}, the other items cancel each other out; its r.drop and alpha without it are not computed.",
    },
    "analyze.note.listwise-wider-set": {
        "id": "{scale}: angka listwise memakai responden yang menjawab lebih banyak butir.",
        "en": "{scale}: the listwise figures use respondents who answered more items.",
    },
}
