"""Texts of the bank commands."""

MESSAGES: dict[str, dict[str, str]] = {
    "diff.title": {"id": "{old} -> {new}", "en": "{old} -> {new}"},
    "diff.added_items": {"id": "Butir baru ({count})", "en": "Items added ({count})"},
    "diff.removed_items": {"id": "Butir dihapus ({count})", "en": "Items removed ({count})"},
    "diff.changed_items": {"id": "Butir berubah ({count})", "en": "Items changed ({count})"},
    "diff.added_indicators": {
        "id": "Indikator baru ({count})",
        "en": "Indicators added ({count})",
    },
    "diff.removed_indicators": {
        "id": "Indikator dihapus ({count})",
        "en": "Indicators removed ({count})",
    },
    "diff.changed_indicators": {
        "id": "Indikator berubah: skornya tidak dapat dibandingkan ({count})",
        "en": "Indicators changed: their scores do not compare ({count})",
    },
    "diff.comparable_indicators": {
        "id": "Indikator yang skornya dapat dibandingkan ({count})",
        "en": "Indicators whose scores compare ({count})",
    },
    "diff.revised_pillars": {
        "id": "Pilar dengan uraian atau bobot yang berubah ({count})",
        "en": "Pillars whose wording or weight changed ({count})",
    },
    "diff.revised_indicators": {
        "id": "Indikator dengan uraian, penilai, atau saran yang berubah ({count})",
        "en": "Indicators whose wording, raters or actions changed ({count})",
    },
    "diff.changed_settings": {
        "id": "Pengaturan bank yang berubah ({count})",
        "en": "Bank settings changed ({count})",
    },
    "diff.same": {
        "id": "Kedua bank menilai setiap jawaban dengan cara yang sama.",
        "en": "Both banks score every answer the same way.",
    },
    "change.rescaled": {"id": "skala berubah", "en": "rescaled"},
    "change.rekeyed": {"id": "kunci berubah", "en": "re-keyed"},
    "change.reweighted": {"id": "bobot berubah", "en": "reweighted"},
    "change.moved": {"id": "pindah indikator", "en": "moved to another indicator"},
    "change.reworded": {"id": "kalimat berubah", "en": "reworded"},
    "change.roles": {"id": "peran berubah", "en": "roles changed"},
    "change.values": {"id": "nilai BerAKHLAK berubah", "en": "core values changed"},
    "change.raters": {"id": "penilai berubah", "en": "raters changed"},
    "revision.reworded": {"id": "judul atau uraian berubah", "en": "title or description"},
    "revision.reweighted": {"id": "bobot berubah", "en": "weight"},
    "revision.raters": {"id": "penilai berubah", "en": "raters"},
    "revision.actions": {"id": "saran pengembangan berubah", "en": "development actions"},
    "revision.action-tags": {
        "id": "tanda saran berubah (butir sasaran, JP, terkait)",
        "en": "action tags (items addressed, JP, linked)",
    },
    "diff.added_values": {
        "id": "Nilai dasar baru ({count})",
        "en": "Core values added ({count})",
    },
    "diff.removed_values": {
        "id": "Nilai dasar dihapus ({count})",
        "en": "Core values removed ({count})",
    },
    "diff.changed_values": {
        "id": "Nilai dasar dengan nama atau uraian yang berubah ({count})",
        "en": "Core values whose name or description changed ({count})",
    },
}
