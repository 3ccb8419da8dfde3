"""Texts of the development plan and of the report's sections."""

MESSAGES: dict[str, dict[str, str]] = {
    "plan.title": {"id": "Rencana pengembangan", "en": "Development plan"},
    "plan.intro": {
        "id": "Mulailah dari {count} indikator berikut: yang terendah di bawah ambang {threshold} dari setiap pilar.",
        "en": "Start with these {count} indicators: the lowest below the threshold {threshold} in each pillar.",
    },
    "plan.intro_strengthen": {
        "id": "Semua indikator sudah mencapai ambang {threshold}. Yang terendah, untuk dikuatkan lebih lanjut:",
        "en": "Every indicator has reached the threshold {threshold}. The lowest one, to strengthen further:",
    },
    "plan.none": {
        "id": "Belum ada indikator yang terukur, jadi belum ada rencana pengembangan.",
        "en": "No indicator has a score yet, so there is no development plan.",
    },
    "plan.why_below": {
        "id": "Skor {score} ({band}), di bawah ambang {threshold}.",
        "en": "Score {score} ({band}), below the threshold {threshold}.",
    },
    "plan.why_strengthen": {
        "id": "Skor {score} ({band}): sudah mencapai ambang {threshold}; untuk dikuatkan lebih lanjut.",
        "en": "Score {score} ({band}): at or above the threshold {threshold}; to strengthen further.",
    },
    "plan.reasons": {
        "id": "Jawaban yang paling menurunkan skor:",
        "en": "The answers that lowered the score most:",
    },
    "plan.your_answer": {"id": "jawaban Anda: {answer}", "en": "your answer: {answer}"},
    "plan.situation": {"id": "Situasi", "en": "Situation"},
    "plan.you_chose": {"id": "pilihan Anda: {answer}", "en": "you chose: {answer}"},
    "plan.better": {"id": "Pertimbangan", "en": "Why another choice fits better"},
    "plan.actions": {"id": "Langkah:", "en": "Steps:"},
    "plan.no_actions": {
        "id": "Bank ini tidak memuat saran tindakan untuk indikator ini.",
        "en": "This bank has no suggested actions for this indicator.",
    },
    "plan.all_actions": {"id": "Semua saran pengembangan", "en": "All development actions"},
    "plan.all_actions_hint": {
        "id": "Semua saran untuk setiap indikator di bawah ambang: tambahkan --all-actions, misalnya asn-assess report --last --all-actions",
        "en": "Every action for every indicator below the threshold: add --all-actions, e.g. asn-assess report --last --all-actions",
    },
    "plan.all_actions_none": {
        "id": "Tidak ada indikator di bawah ambang.",
        "en": "No indicator is below the threshold.",
    },
    "plan.error_reaches": {
        "id": "Rentang 95%-nya sampai {upper}, jadi indikator ini mungkin sudah mencapai ambang itu.",
        "en": "Its 95% range reaches {upper}, so this indicator may already be at the threshold.",
    },
    "plan.error_close": {
        "id": "Skornya tidak berbeda nyata dari {names}: selisihnya lebih kecil dari galat ukur, jadi jawaban Anda tidak menunjukkan mana yang lebih lemah; indikator itu sama patutnya dikembangkan.",
        "en": "Its score does not differ reliably from {names}: the difference is smaller than the measurement error, so your answers do not show which is weaker; that indicator deserves development just as much.",
    },
    "plan.error_close_many": {
        "id": "Skornya tidak berbeda nyata dari {names}: selisihnya lebih kecil dari galat ukur, jadi jawaban Anda tidak menunjukkan mana yang lebih lemah; indikator-indikator itu sama patutnya dikembangkan.",
        "en": "Its score does not differ reliably from {names}: the differences are smaller than the measurement error, so your answers do not show which is weaker; those indicators deserve development just as much.",
    },
}
