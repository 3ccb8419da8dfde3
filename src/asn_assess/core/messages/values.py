"""Texts of the core-value profile (Profil BerAKHLAK) in reports and analyses."""

MESSAGES: dict[str, dict[str, str]] = {
    "values.title": {"id": "Profil BerAKHLAK", "en": "BerAKHLAK profile"},
    "values.intro": {
        "id": "Skor tiap nilai dasar ASN dihitung dari pertanyaan yang menunjukkan nilai itu, "
        "di pilar mana pun pertanyaan itu berada.",
        "en": "Each ASN core value is scored from the questions that show it, whichever "
        "pillar they belong to.",
    },
    "values.value": {"id": "Nilai dasar", "en": "Core value"},
    "values.not_enough": {
        "id": "belum cukup jawaban ({answered} dari {total})",
        "en": "not enough answers ({answered} of {total})",
    },
    "values.disclaimer": {
        "id": "Profil ini cerminan diri dari jawaban Anda sendiri, bukan penilaian perilaku "
        "kerja resmi dalam SKP (e-Kinerja), yang diberikan atasan berdasarkan ekspektasi "
        "yang disepakati. Pakai profil ini sebagai bahan dialog kinerja.",
        "en": "This profile reflects your own answers. It is not the official work-behaviour "
        "(perilaku kerja) rating of your SKP in e-Kinerja, which your supervisor gives "
        "against agreed expectations. Use it to prepare for your performance dialogue.",
    },
}
