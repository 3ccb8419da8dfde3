"""Texts of the report and the bank views."""

MESSAGES: dict[str, dict[str, str]] = {
    # report
    "report.title": {"id": "Hasil penilaian diri", "en": "Self-assessment result"},
    "report.overall": {"id": "Skor keseluruhan", "en": "Overall score"},
    "report.pillar": {"id": "Pilar {number}", "en": "Pillar {number}"},
    "report.indicator": {"id": "Indikator", "en": "Indicator"},
    "report.score": {"id": "Skor", "en": "Score"},
    "report.band": {"id": "Kategori", "en": "Band"},
    "report.strongest": {"id": "Paling kuat", "en": "Strongest"},
    "report.weakest": {"id": "Paling perlu dikembangkan", "en": "Most room to grow"},
    "report.all_equal": {
        "id": "Semua indikator yang terukur berada pada skor yang sama.",
        "en": "All scored indicators are at the same level.",
    },
    "report.not_enough": {
        "id": "belum cukup jawaban ({answered} dari {total})",
        "en": "not enough answers ({answered} of {total})",
    },
    "report.pillar_not_enough": {
        "id": "belum cukup jawaban: {scored} dari {total} indikator terukur",
        "en": "not enough answers: {scored} of {total} indicators scored",
    },
    "report.overall_not_enough": {
        "id": "Skor keseluruhan belum dapat dihitung karena ada pilar yang belum cukup dijawab.",
        "en": "No overall score yet: a pillar does not have enough answers.",
    },
    "report.development": {
        "id": "Saran pengembangan: {indicator}",
        "en": "Development actions: {indicator}",
    },
    "report.not_applicable": {"id": "tidak berlaku", "en": "not applicable"},
    "report.pillar_not_applicable": {
        "id": "tidak berlaku: tidak ada pertanyaan pilar ini yang berlaku bagi Anda",
        "en": "not applicable: none of this pillar's questions apply to you",
    },
    "report.counts_na": {
        "id": "Dijawab {answered} dari {total} pertanyaan; tidak berlaku {na}; dilewati {skipped}.",
        "en": "Answered {answered} of {total} questions; not applicable {na}; skipped {skipped}.",
    },
    "report.counts": {
        "id": "Dijawab {answered} dari {total} pertanyaan; dilewati {skipped}.",
        "en": "Answered {answered} of {total} questions; skipped {skipped}.",
    },
    "report.statements_needed": {
        "id": "{count} indikator tidak berlaku bagi Anda: sebuah indikator baru dinilai bila "
        "sedikitnya {needed} pernyataannya berlaku dan dijawab.",
        "en": "{count} indicator(s) do not apply to you: an indicator is scored only when at "
        "least {needed} of its statements apply and are answered.",
    },
    "report.respondent": {"id": "Responden", "en": "Respondent"},
    "report.note": {
        "id": "Skor 0-100 menggambarkan penilaian diri Anda sendiri, bukan penilaian kinerja resmi.",
        "en": "Scores from 0 to 100 reflect your own self-assessment, not an official performance appraisal.",
    },
    "action.on-the-job": {"id": "Di tempat kerja", "en": "On the job"},
    "action.from-others": {"id": "Dari orang lain", "en": "From others"},
    "action.training": {"id": "Pelatihan", "en": "Training"},
    "action.jp": {"id": "{jp} JP", "en": "{jp} JP"},
    "plan.jp_note": {
        "id": "JP (jam pelajaran) yang tertera dapat dicatat untuk hak pengembangan kompetensi "
        "paling sedikit 20 JP setahun, bila kegiatannya didokumentasikan; bimbingan (coaching) "
        "dan mentoring juga dihitung.",
        "en": "The JP (jam pelajaran, learning hours) shown can be recorded towards the yearly "
        "entitlement of at least 20 JP of competency development when the activity is "
        "documented; coaching and mentoring count too.",
    },
    # bank tree
    "bank.question": {"id": "Pertanyaan", "en": "Question"},
    "bank.items": {"id": "{count} butir", "en": "{count} items"},
    "bank.situational": {"id": "{count} situasional", "en": "{count} situational"},
    "bank.reverse": {"id": "{count} terbalik", "en": "{count} reverse-keyed"},
}
