"""Texts of norms: a score placed among colleagues."""

MESSAGES: dict[str, dict[str, str]] = {
    "norms.title": {
        "id": "Dibandingkan rekan (norma: {norm})",
        "en": "Compared with colleagues (norm: {norm})",
    },
    "norms.higher_than": {
        "id": "lebih tinggi dari {percent}% rekan di norma ini",
        "en": "higher than {percent}% of colleagues in this norm",
    },
    "norms.no_table": {
        "id": "norma ini tidak punya cukup skor untuk bagian ini",
        "en": "this norm has too few scores for this part",
    },
    "norms.other_version": {
        "id": "Norma tidak dipakai: sesi ini memakai versi bank {version}, norma ({norm}) dibuat untuk versi lain.",
        "en": "The norm is not used: this session is on bank version {version}, the norm ({norm}) was made for another version.",
    },
    "norms.unchanged": {
        "id": "Norma tidak mengubah skor maupun kategorinya.",
        "en": "Norms change neither the scores nor their bands.",
    },
    "norms.other_bank": {
        "id": "norma ini untuk {norm_bank} {norm_version}, skornya untuk {bank} {version}; "
        "skor dari bank yang berbeda tidak dapat dibandingkan",
        "en": "the norms are for {norm_bank} {norm_version}, the scores for "
        "{bank} {version}; scores of different banks do not compare",
    },
    "norms.too_few": {
        "id": "tidak ditulis: norma, juga yang sementara, memerlukan sedikitnya {lowest} "
        "responden (persentil dari lebih sedikit orang hampir memperlihatkan skor "
        "masing-masing); masukan ini berisi {everyone}",
        "en": "not written: a norm, even a provisional one, needs at least {lowest} "
        "respondents (the percentiles of fewer people come close to showing each one's "
        "score); these inputs have {everyone}",
    },
    "norms.provisional_everywhere": {
        "id": "sementara: kurang dari jumlah responden minimum",
        "en": "provisional: fewer respondents than the minimum",
    },
    "norms.provisional": {
        "id": "sementara, n={n}",
        "en": "provisional, n={n}",
    },
    "norms.band": {
        "id": "rentang 95% {lower}–{upper}",
        "en": "95% range {lower}–{upper}",
    },
    "norms.could_be": {"id": "bisa juga {bands}", "en": "could also be {bands}"},
    "norms.or": {"id": "{first} atau {last}", "en": "{first} or {last}"},
    "norms.band_meaning": {
        "id": "Rentang 95%: setiap pengukuran mengandung galat, jadi skor Anda yang sebenarnya kemungkinan besar (95 dari 100) berada dalam rentang ini. Lebarnya dihitung dari keandalan setiap bagian di norma: skor ± 1,96 × galat baku pengukuran.",
        "en": "95% range: every measurement has an error, so your true score most likely (95 times in 100) lies in this range. Its width comes from each part's reliability in the norm: score ± 1.96 × the standard error of measurement.",
    },
}
