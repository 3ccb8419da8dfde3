"""Texts of `asn-assess analyze` for a reader in HR: the verdict at the top, column
headings that explain themselves, their glossary, and the notes that say why a figure
is missing (one note per reason, not one per indicator)."""

MESSAGES: dict[str, dict[str, str]] = {
    "analyze.footer": {
        "id": "Angka-angka ini menggambarkan kelompok responden ini, bukan orang per orang, dan tidak pernah mengubah skor. Dibuat dengan asn-assess {version}.",
        "en": "These figures describe this group of respondents, not any one person, and never change a score. Made with asn-assess {version}.",
    },
    # --- the verdict -------------------------------------------------------------------
    "analyze.verdict.title": {"id": "Ringkasnya", "en": "In short"},
    "analyze.verdict.reliable": {
        "id": "Skor {count} indikator ini cukup andal untuk membandingkan orang: {names}.",
        "en": "The scores of these {count} indicators are reliable enough to compare people: {names}.",
    },
    "analyze.verdict.all_reliable": {
        "id": "Skor semua {count} indikator cukup andal untuk membandingkan orang.",
        "en": "The scores of all {count} indicators are reliable enough to compare people.",
    },
    "analyze.verdict.uncertain": {
        "id": "{count} indikator kemungkinan andal, tetapi {n} responden belum cukup untuk memastikannya (batas bawah rentang 95% alpha-nya di bawah {threshold}): {names}.",
        "en": "{count} indicator(s) are probably reliable, but {n} respondents are too few to be sure (the lower end of alpha's 95% range is below {threshold}): {names}.",
    },
    "analyze.verdict.unreliable": {
        "id": "{count} indikator belum andal: {reasons}.",
        "en": "{count} indicator(s) are not reliable: {reasons}.",
    },
    "analyze.verdict.unknown": {
        "id": "{count} indikator tidak dapat dinilai: {reasons}.",
        "en": "{count} indicator(s) cannot be judged: {reasons}.",
    },
    "analyze.verdict.none": {
        "id": "Tidak ada indikator yang keandalannya dapat dinilai dari data ini.",
        "en": "The reliability of no indicator can be judged from these data.",
    },
    "analyze.verdict.meaning": {
        "id": "Andal berarti alpha {threshold} atau lebih, juga pada batas bawah rentang 95%-nya; skor orang per orang tetap memiliki galat ukur, yang ditunjukkan norma (--norms-out) di setiap laporan.",
        "en": "Reliable means alpha {threshold} or more, at the lower end of its 95% range too; each person's score still carries a measurement error, which norms (--norms-out) show in every report.",
    },
    "analyze.verdict.pillars": {
        "id": "Pilar: {parts}.",
        "en": "Pillars: {parts}.",
    },
    "analyze.verdict.quality": {
        "id": "{count} responden ({share}) memiliki tanda mutu jawaban (lihat bagian terakhir).",
        "en": "{count} respondent(s) ({share}) have a response-quality flag (see the last section).",
    },
    "analyze.verdict.because_low": {
        "id": "{name}, karena butir-butirnya kurang sejalan (alpha {alpha})",
        "en": "{name}, because its items do not agree enough (alpha {alpha})",
    },
    "analyze.verdict.because_against": {
        "id": "{name}, karena {item} berlawanan arah dengan butir lainnya (alpha {alpha})",
        "en": "{name}, because {item} runs against its other items (alpha {alpha})",
    },
    "analyze.verdict.because": {"id": "{name}, karena {why}", "en": "{name}, because {why}"},
    "analyze.why.too-few-pairs": {
        "id": "sebagian butirnya ditanyakan kepada peran berbeda sehingga tidak pernah dijawab bersama (analisis per peran dengan --role)",
        "en": "some of its items are asked of different roles and never answered together (analyse one role at a time with --role)",
    },
    "analyze.why.too-few-respondents": {
        "id": "terlalu sedikit responden yang menjawabnya",
        "en": "too few respondents answered it",
    },
    "analyze.why.too-few-items": {
        "id": "kurang dari dua butirnya bervariasi",
        "en": "fewer than two of its items vary",
    },
    "analyze.why.non-positive-total-variance": {
        "id": "butir-butirnya saling meniadakan",
        "en": "its items cancel each other out",
    },
    "analyze.why.unknown": {
        "id": "jawabannya tidak cukup untuk menghitung alpha",
        "en": "its answers do not suffice to compute alpha",
    },
    "analyze.trust.reliable": {"id": "andal", "en": "reliable"},
    "analyze.trust.uncertain": {"id": "belum pasti", "en": "not yet certain"},
    "analyze.trust.unreliable": {"id": "belum andal", "en": "not reliable"},
    "analyze.trust.unknown": {"id": "tidak dapat dinilai", "en": "cannot be judged"},
    "analyze.list_and": {"id": "{first} dan {last}", "en": "{first} and {last}"},
    # --- column headings ---------------------------------------------------------------
    "analyze.col.respondents": {"id": "Responden", "en": "Respondents"},
    "analyze.col.indicator": {"id": "Indikator", "en": "Indicator"},
    "analyze.col.pillar": {"id": "Pilar", "en": "Pillar"},
    "analyze.col.value": {"id": "Nilai dasar", "en": "Core value"},
    "analyze.col.alpha_range": {"id": "Rentang 95% alpha", "en": "95% range of alpha"},
    "analyze.col.omega": {"id": "Omega", "en": "Omega"},
    "analyze.col.verdict": {"id": "Penilaian", "en": "Verdict"},
    "analyze.col.note": {"id": "Catatan", "en": "Note"},
    "analyze.col.question": {"id": "Pernyataan", "en": "Statement"},
    # --- the glossary ------------------------------------------------------------------
    "analyze.glossary.title": {"id": "Arti kolom", "en": "What the columns mean"},
    "analyze.glossary.respondents": {
        "id": "Berapa orang yang menjadi dasar angka. Dua angka (46-50): responden yang menjawab pasangan butir paling sedikit dan paling banyak; di tabel butir, yang menjawab butir itu. Alpha baku dan korelasi antarbutir rata-rata ada di keluaran JSON dan CSV.",
        "en": "How many people a figure rests on. Two numbers (46-50): the fewest and the most respondents who answered a pair of its items; in the item tables, those who answered the item. Standardised alpha and the average inter-item correlation are in the JSON and CSV outputs.",
    },
    "analyze.glossary.alpha": {
        "id": "Seberapa konsisten butir-butir mengukur hal yang sama, dari 0 sampai 1 (Cronbach's alpha, seperti psych::alpha di R). 0,70 atau lebih biasanya dianggap cukup untuk membandingkan orang; 0,80 atau lebih baik.",
        "en": "How consistently the items measure the same thing, from 0 to 1 (Cronbach's alpha, as R's psych::alpha). 0.70 or more is the usual minimum for comparing people; 0.80 or more is good.",
    },
    "analyze.glossary.alpha_range": {
        "id": "Di mana alpha kemungkinan besar berada pada kelompok lain sebesar ini (interval 95% menurut Feldt). Makin sedikit responden, makin lebar. Jika batas bawahnya di bawah 0,70, data ini belum cukup untuk memastikan keandalan.",
        "en": "Where alpha would most likely lie in another group of this size (Feldt's 95% interval). The fewer the respondents, the wider. When its lower end is below 0.70, these data are too few to be sure of the reliability.",
    },
    "analyze.glossary.omega": {
        "id": "Keandalan dari model satu faktor (omega total McDonald, seperti psych::omega). Mirip alpha bila semua butir sama baiknya; lebih tinggi bila sebagian butir lebih baik daripada yang lain.",
        "en": "Reliability from a one-factor model (McDonald's omega total, as psych::omega). Close to alpha when every item is equally good; higher when some items are better than others.",
    },
    "analyze.glossary.verdict": {
        "id": "andal: alpha 0,70 atau lebih, juga pada batas bawah rentangnya; belum pasti: alpha 0,70 atau lebih, tetapi batas bawah rentangnya di bawah 0,70; belum andal: alpha di bawah 0,70; tidak dapat dinilai: alpha tidak dapat dihitung (lihat catatannya).",
        "en": "reliable: alpha 0.70 or more, at the lower end of its range too; not yet certain: alpha 0.70 or more, but the lower end of its range below 0.70; not reliable: alpha below 0.70; cannot be judged: alpha cannot be computed (see its note).",
    },
    "analyze.glossary.mean": {
        "id": "Skor rata-rata butir, 0 sampai 100, sudah dibalik untuk butir terbalik.",
        "en": "The item's average score, 0 to 100, already turned round for reverse-keyed items.",
    },
    "analyze.glossary.sd": {
        "id": "Seberapa berbeda jawaban orang pada butir ini (simpangan baku, dalam poin 0-100).",
        "en": "How much people's answers to the item differ (standard deviation, in 0-100 points).",
    },
    "analyze.glossary.r_drop": {
        "id": "Seberapa sejalan butir dengan jumlah butir lain di indikatornya (korelasi butir-total terkoreksi). Di bawah 0,20 lemah; negatif berarti butir berlawanan arah, sering karena kuncinya terbalik.",
        "en": "How well the item goes with the sum of the other items of its indicator (corrected item-total correlation). Below 0.20 is weak; negative means the item runs the other way, often because its key is reversed.",
    },
    "analyze.glossary.alpha_without": {
        "id": "Alpha indikator bila butir ini dibuang. Lebih tinggi daripada alpha sekarang: indikator lebih konsisten tanpa butir ini.",
        "en": "The indicator's alpha with this item dropped. Higher than alpha now: the indicator is more consistent without it.",
    },
    "analyze.glossary.answers": {
        "id": "Persentase responden yang ditanya yang memilih setiap jawaban: nilai skala dari terendah sampai tertinggi (1 sangat jarang ... 5 hampir selalu), atau huruf pilihan pada soal situasi.",
        "en": "The share of the respondents asked who chose each answer: scale values from lowest to highest (1 very rarely ... 5 almost always), or option letters for situations.",
    },
    "analyze.glossary.skipped": {
        "id": "Persentase responden yang ditanya tetapi melewatkan butir ini.",
        "en": "The share of the respondents asked who skipped the item.",
    },
    "analyze.glossary.not_applicable": {
        "id": 'Persentase yang menjawab "tidak berlaku": situasinya tidak pernah ada dalam pekerjaan mereka.',
        "en": 'The share who answered "not applicable": the situation never arises in their job.',
    },
    "analyze.glossary.note": {
        "id": "Nomor catatan di bagian Catatan perhitungan yang menjelaskan angka yang tidak ada (-) di baris itu.",
        "en": "The number of the note, under Notes on the computation, that explains a figure missing (-) in that row.",
    },
    # --- grouped notes: one per reason, naming every indicator and item it concerns -----
    "analyze.group.too-few-pairs": {
        "id": "{scales}: sebagian butirnya tidak pernah dijawab bersama oleh dua responden atau lebih ({items}), biasanya karena ditanyakan kepada peran yang berbeda; alpha, rentangnya dan omega tidak dapat dihitung. Analisis satu peran sekaligus dengan --role.",
        "en": "{scales}: some of their items are never answered together by two respondents or more ({items}), usually because they are asked of different roles; alpha, its range and omega cannot be computed. Analyse one role at a time with --role.",
    },
    "analyze.group.constant-item": {
        "id": "{items} ({scales}): semua responden memberi jawaban yang sama, jadi butir ini tidak bervariasi dan tidak ikut dalam alpha dan omega (skor tetap menghitungnya); kecocokan dan alpha tanpa butir ini tidak ada.",
        "en": "{items} ({scales}): every respondent gave the same answer, so the item has no variance and is left out of alpha and omega (scores still count it); its fit and alpha without it do not exist.",
    },
    "analyze.group.too-few-observations": {
        "id": "{items} ({scales}): dijawab kurang dari dua responden, jadi tidak ikut dalam alpha dan omega; sebaran, kecocokan dan alpha tanpa butir ini tidak ada.",
        "en": "{items} ({scales}): fewer than two respondents answered it, so it is left out of alpha and omega; its spread, fit and alpha without it do not exist.",
    },
    "analyze.group.too-few-respondents": {
        "id": "{scales}: kurang dari dua responden menjawab; tidak ada angka keandalan.",
        "en": "{scales}: fewer than two respondents answered; there are no reliability figures.",
    },
    "analyze.group.too-few-items": {
        "id": "{scales}: kurang dari dua butir yang bervariasi; alpha dan omega tidak terdefinisi.",
        "en": "{scales}: fewer than two items vary; alpha and omega are undefined.",
    },
    "analyze.group.non-positive-total-variance": {
        "id": "{scales}: butir-butirnya saling meniadakan (varians total tidak positif); alpha tidak dihitung.",
        "en": "{scales}: the items cancel each other out (the total has no positive variance); alpha is not computed.",
    },
    "analyze.group.non-positive-rest-variance": {
        "id": "{items} ({scales}): tanpa butir ini, butir lainnya saling meniadakan; kecocokan dan alpha tanpa butir ini tidak dihitung.",
        "en": "{items} ({scales}): without this item the others cancel each other out; its fit and alpha without it are not computed.",
    },
    "analyze.group.listwise-wider-set": {
        "id": "{scales}: angka listwise memakai responden yang menjawab lebih banyak butir.",
        "en": "{scales}: the listwise figures use respondents who answered more items.",
    },
    "analyze.group.omega-too-few-items": {
        "id": "{scales}: omega memerlukan sedikitnya tiga butir yang bervariasi (model satu faktor dengan dua butir tidak dapat ditentukan).",
        "en": "{scales}: omega needs at least three items that vary (a one-factor model of two items cannot be determined).",
    },
    "analyze.group.omega-undefined-correlation": {
        "id": "{scales}: korelasi sebagian pasangan butir tidak terdefinisi (tidak dijawab bersama, atau tidak bervariasi pada responden yang menjawab keduanya); omega tidak dihitung.",
        "en": "{scales}: some pairs of items have no correlation (not answered together, or not varying among those who answered both); omega is not computed.",
    },
    "analyze.group.omega-non-positive-total-variance": {
        "id": "{scales}: butir-butirnya saling meniadakan; omega tidak dihitung.",
        "en": "{scales}: the items cancel each other out; omega is not computed.",
    },
    "analyze.group.omega-turned": {
        "id": "{items} ({scales}): omega menghitung butir ini terbalik karena arahnya berlawanan dengan butir lain, seperti psych::omega; skor tidak membaliknya, jadi omega di sini lebih tinggi daripada keandalan skor yang dipakai.",
        "en": "{items} ({scales}): omega counts the item turned round because it runs against the others, as psych::omega does; the score does not turn it, so omega here is higher than the reliability of the score in use.",
    },
    "analyze.group.two-items": {
        "id": "{scales}: dengan dua butir, alpha tanpa salah satunya tidak terdefinisi (satu butir tidak punya alpha).",
        "en": "{scales}: with two items, alpha without one of them is undefined (one item has no alpha).",
    },
    "analyze.group.not-asked": {
        "id": "{items}: tidak ditanyakan kepada responden mana pun dalam data ini (misalnya karena perannya), jadi tidak ada jawaban untuk dihitung.",
        "en": "{items}: asked of no respondent in these data (because of their roles, for instance), so there are no answers to count.",
    },
    "analyze.group.scale-undefined": {
        "id": "{items}: karena alpha indikatornya tidak dapat dihitung (lihat catatan di atas), kecocokan dan alpha tanpa butir ini juga tidak ada.",
        "en": "{items}: as their indicator's alpha cannot be computed (see the notes above), their fit and alpha without them do not exist either.",
    },
    "analyze.group.undefined": {
        "id": "{scales}: angka ini tidak dapat dihitung dari jawaban yang ada.",
        "en": "{scales}: the figure cannot be computed from the answers given.",
    },
}
