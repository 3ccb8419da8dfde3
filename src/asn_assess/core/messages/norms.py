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
}
