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
        "id": "tidak ditulis: norma memerlukan sedikitnya {minimum} responden; masukan ini "
        "berisi {everyone} (--norm-min menurunkan batasnya, tetapi tidak di bawah {lowest})",
        "en": "not written: a norm needs at least {minimum} respondents; these inputs "
        "have {everyone} (--norm-min lowers the minimum, not below {lowest})",
    },
}
